"""Strict JSON everywhere: every ``--json`` output and every JSON file the tool writes parses with a strict
parser (no ``NaN`` or ``Infinity`` token; a missing number is ``null``)."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest
from click.testing import CliRunner

from ghg import cli
from ghg.core import jsonout

from .conftest import EXAMPLE, PARK


def _refuse(token: str) -> object:
    raise ValueError(f"not JSON: {token}")


def strict_loads(text: str) -> object:
    """``json.loads`` as a strict parser reads JSON: ``NaN``, ``Infinity`` and ``-Infinity`` are errors."""
    return json.loads(text, parse_constant=_refuse)


def test_missing_and_non_finite_numbers_are_null() -> None:
    import numpy as np
    import pandas as pd

    text = jsonout.dumps({"a": math.nan, "b": [np.float64("inf"), -math.inf, pd.NA, np.int64(3)], "c": 1.5})
    assert strict_loads(text) == {"a": None, "b": [None, None, None, 3], "c": 1.5}


@pytest.fixture(scope="module")
def outputs(park_store: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """The ``--json`` output of every reading command on the example park, and the JSON files they write."""
    out = tmp_path_factory.mktemp("json")
    park = ["--store", str(park_store), "--registry", str(PARK / "registry.csv")]
    ledger = ["--transfers", str(PARK / "transfers.csv")]
    eip = ["--eip", str(PARK / "eip"), "--year", "2025"]
    commands = {
        "validate": ["validate", str(EXAMPLE), "--json"],
        "inventory": ["inventory", str(EXAMPLE), "--gwp", "AR5", "--out", str(out / "store"), "--json"],
        "park": ["park", *park, *ledger, "--json"],
        "check": ["check", *park, *ledger, "--json"],
        "history": ["history", "--store", str(park_store), "--json"],
        "store verify": ["store", "verify", "--store", str(park_store), "--json"],
        "eip indicators": ["eip", "indicators", *park, *ledger, *eip, "--json"],
        "eip report": ["eip", "report", *park, *ledger, *eip, "--out", str(out / "art43.xlsx"), "--json"],
        "uncertainty": ["uncertainty", *park, "--samples", "2000", "--json"],
        "form06": [
            "report",
            "form06",
            *park,
            "--facility",
            "DAP2-VINACHEM/site",
            "--period",
            "2023-2024",
            "--out",
            str(out / "form06.xlsx"),
            "--json",
        ],
        "pathway check": [
            "pathway",
            "check",
            "tang-loong",
            *park,
            "--target",
            "sbti-aca-1.5c",
            "--out",
            str(out / "pw"),
            "--json",
        ],
    }
    runner = CliRunner()
    found = {}
    for name, args in commands.items():
        res = runner.invoke(cli.main, args)
        assert res.exit_code in (0, 1), (name, res.output[-2000:])
        found[name] = res.output
    for path in sorted(p for p in out.rglob("*.json") if "store" not in p.parts):  # the log is JSON lines
        found[str(path.relative_to(out))] = path.read_text(encoding="utf-8")
    return found


def test_every_json_output_and_file_is_strict_json(outputs: dict[str, str]) -> None:
    assert {"form06.json", "art43.json"} <= set(outputs)  # the JSON files written beside the workbooks
    for name, text in outputs.items():
        try:
            strict_loads(text)
        except ValueError as exc:
            pytest.fail(f"{name}: {exc}")
