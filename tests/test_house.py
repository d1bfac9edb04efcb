"""The house stays clean: lint, formatting, types and the import contracts (layers, no circles)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT

BIN = Path(sys.executable).parent


def _run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True)


@pytest.mark.parametrize(
    "command",
    [
        ("ruff", "check", "--no-cache", "."),
        ("ruff", "format", "--no-cache", "--check", "ghg", "tests", "benchmarks", "tools", "examples"),
        ("lint-imports", "--no-cache"),
        ("mypy",),
    ],
    ids=["ruff", "format", "import-contracts", "mypy"],
)
def test_the_code_is_clean(command: tuple[str, ...]) -> None:
    done = _run(str(BIN / command[0]), *command[1:])
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
