"""The ``ghg`` command line: one module per command group; a command parses its options, calls one library
function and renders the result (a table, JSON or files)."""

from ghg.cli.main import main, run

__all__ = ["main", "run"]
