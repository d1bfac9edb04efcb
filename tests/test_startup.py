"""The command line starts light: ``ghg --help`` lists every command without importing the data libraries
(each command's module, and what it uses, is imported when that command runs). A behaviour test, not a
timing test: ``python -X importtime`` names every module a process imports."""

from __future__ import annotations

import subprocess
import sys

import pytest

HEAVY = ("pandas", "pyarrow", "pint", "openpyxl", "numpy", "matplotlib", "deltalake")


def _imported(*args: str) -> set[str]:
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "ghg.cli", *args], capture_output=True, text=True, check=True
    )
    return {line.rsplit("|", 1)[-1].strip() for line in done.stderr.splitlines() if line.startswith("import time:")}


@pytest.mark.parametrize("args", [("--help",), ("--lang", "vi", "--help"), ("--version",)], ids=str)
def test_the_root_help_imports_no_data_library(args: tuple[str, ...]) -> None:
    heavy = sorted(_imported(*args) & set(HEAVY))
    assert heavy == [], f"ghg {' '.join(args)} imported {heavy}"


def test_the_help_lists_every_command() -> None:
    out = subprocess.run([sys.executable, "-m", "ghg.cli", "--help"], capture_output=True, text=True, check=True)
    from ghg.cli.main import COMMANDS

    listed = {line.split()[0] for line in out.stdout.splitlines() if line.startswith("  ") and line.split()}
    assert set(COMMANDS) <= listed


def test_a_command_imports_what_it_uses() -> None:
    assert "pandas" in _imported("inventory", "--help")  # its module is loaded to show its options
