"""Exports: text that a spreadsheet would run as a formula is escaped, numbers stay numbers."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from ghg import cli
from ghg.park import export

from .conftest import record

ATTACKS = ['=HYPERLINK("http://x")', "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A2)", "\t=1", "\r=1"]


@pytest.mark.parametrize("value", ATTACKS)
def test_formula_text_gets_an_apostrophe(value: str) -> None:
    assert export.safe_cell(value) == "'" + value


@pytest.mark.parametrize("value", [-2.5, 0, 17, "coal invoice", "", None, "a=b", "ноль"])
def test_numbers_and_plain_text_are_unchanged(value: object) -> None:
    assert export.safe_cell(value) == value


@pytest.fixture
def stored(tmp_path: Path, write_csv: Callable[..., Path]) -> Path:
    """A store whose lines carry formula-like evidence text from the submitted file."""
    rows = [
        record(
            activity="gas_diesel_oil",
            source_category="stationary_combustion",
            ipcc_category="1.A.2.c",
            quantity=1000,
            unit="L",
            evidence=evidence,
        )
        for evidence in ATTACKS[:4]
    ]
    out = tmp_path / "store"
    res = CliRunner().invoke(cli.main, ["inventory", str(write_csv(rows)), "--gwp", "AR5", "--out", str(out)])
    assert res.exit_code == 0, res.output
    return out


def test_csv_export_escapes_formulas_and_keeps_numbers(stored: Path, tmp_path: Path) -> None:
    out = tmp_path / "lines.csv"
    res = CliRunner().invoke(cli.main, ["export", str(out), "--store", str(stored)])
    assert res.exit_code == 0 and "written to" in res.output
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    assert {r["evidence"] for r in rows} == {"'" + a for a in ATTACKS[:4]}
    for r in rows:
        assert not r["evidence"].startswith(export.FORMULA_STARTS)
        float(r["co2e_t"])  # a plain number, not text
    again = CliRunner().invoke(cli.main, ["export", str(out), "--store", str(stored)])
    assert again.exit_code == 0  # the same lines again: the same bytes, accepted
    out.write_text(out.read_text(encoding="utf-8-sig")[:-10], encoding="utf-8-sig")  # another file of that name
    again = CliRunner().invoke(cli.main, ["export", str(out), "--store", str(stored)])
    assert again.exit_code == 1 and "never overwrites" in again.output


def test_a_workbook_export_is_the_same_bytes_for_the_same_lines(stored: Path, tmp_path: Path) -> None:
    first, second = tmp_path / "a.xlsx", tmp_path / "b.xlsx"
    for out in (first, second):
        assert CliRunner().invoke(cli.main, ["export", str(out), "--store", str(stored)]).exit_code == 0
    assert first.read_bytes() == second.read_bytes()  # no saving time inside


def test_xlsx_export_escapes_formulas_and_keeps_numbers(stored: Path, tmp_path: Path) -> None:
    out = tmp_path / "lines.xlsx"
    res = CliRunner().invoke(cli.main, ["export", str(out), "--store", str(stored), "--year", "2023"])
    assert res.exit_code == 0, res.output
    sheet = load_workbook(out).active
    header = [c.value for c in sheet[1]]
    evidence, co2e = header.index("evidence"), header.index("co2e_t")
    body = list(sheet.iter_rows(min_row=2))
    assert {r[evidence].value for r in body} == {"'" + a for a in ATTACKS[:4]}
    assert all(r[evidence].data_type == "s" for r in body)
    assert all(r[co2e].data_type == "n" and isinstance(r[co2e].value, float) for r in body)


def test_unknown_export_format_is_refused(stored: Path, tmp_path: Path) -> None:
    res = CliRunner().invoke(cli.main, ["export", str(tmp_path / "lines.ods"), "--store", str(stored)])
    assert res.exit_code == 1 and ".csv or .xlsx" in res.output
    assert not (tmp_path / "lines.ods").exists()
