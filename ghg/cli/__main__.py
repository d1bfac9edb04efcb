"""``python -m ghg.cli``: the command line."""

from ghg.cli import run

run()
