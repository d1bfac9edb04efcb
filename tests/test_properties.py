"""Invariants: units, file formats, order and splitting do not change totals."""

from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from ghg import inventory
from ghg.activity import INPUT_COLUMNS
from ghg.factors import FactorSet

from .conftest import EXAMPLE, record

SETTINGS = settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
quantities = st.floats(min_value=0.001, max_value=1e6, allow_nan=False, allow_infinity=False)


def _write(path: Path, rows: list[dict[str, object]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(INPUT_COLUMNS))
        w.writeheader()
        for row in rows:
            w.writerow({c: row.get(c, "") for c in INPUT_COLUMNS})
    return path


def _total(paths: list[Path], factors: FactorSet) -> float:
    return float(inventory.run(paths, "AR5", factors).lines["co2e_t"].sum())


def _fuel(quantity: float, unit: str, activity: str = "gas_diesel_oil", **extra: object) -> dict[str, object]:
    return record(
        source_category="stationary_combustion",
        ipcc_category="1.A.2",
        activity=activity,
        quantity=repr(quantity),
        unit=unit,
        **extra,
    )


@SETTINGS
@given(q=quantities)
def test_tonnes_or_kilograms(tmp_path: Path, factor_set: FactorSet, q: float) -> None:
    a = _total([_write(tmp_path / "t.csv", [_fuel(q, "t")])], factor_set)
    b = _total([_write(tmp_path / "kg.csv", [_fuel(q * 1000, "kg")])], factor_set)
    assert a == pytest.approx(b, rel=1e-12)


@SETTINGS
@given(q=quantities)
def test_litres_or_cubic_metres(tmp_path: Path, factor_set: FactorSet, q: float) -> None:
    a = _total([_write(tmp_path / "m3.csv", [_fuel(q, "m3")])], factor_set)
    b = _total([_write(tmp_path / "l.csv", [_fuel(q * 1000, "L")])], factor_set)
    assert a == pytest.approx(b, rel=1e-12)


@SETTINGS
@given(q=quantities)
def test_kwh_or_mwh(tmp_path: Path, factor_set: FactorSet, q: float) -> None:
    def elec(x: float, unit: str) -> dict[str, object]:
        return record(source_category="purchased_electricity", activity="grid_electricity", quantity=repr(x), unit=unit)

    a = _total([_write(tmp_path / "mwh.csv", [elec(q, "MWh")])], factor_set)
    b = _total([_write(tmp_path / "kwh.csv", [elec(q * 1000, "kWh")])], factor_set)
    assert a == pytest.approx(b, rel=1e-12)


@SETTINGS
@given(data=st.data())
def test_reordering_or_splitting_rows_keeps_totals(tmp_path: Path, factor_set: FactorSet, data: st.DataObject) -> None:
    rows = pd.read_csv(EXAMPLE, dtype=str, keep_default_na=False).to_dict(orient="records")
    order = data.draw(st.permutations(list(range(len(rows)))))
    cut = data.draw(st.integers(min_value=1, max_value=len(rows) - 1))
    whole = _total([_write(tmp_path / "whole.csv", rows)], factor_set)
    shuffled = [rows[i] for i in order]
    assert _total([_write(tmp_path / "shuffled.csv", shuffled)], factor_set) == pytest.approx(whole, rel=1e-12)
    parts = [_write(tmp_path / "a.csv", shuffled[:cut]), _write(tmp_path / "b.csv", shuffled[cut:])]
    assert _total(parts, factor_set) == pytest.approx(whole, rel=1e-12)


def _as_xlsx(rows: pd.DataFrame, path: Path) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.title = "activity"
    sheet.append(list(rows.columns))
    for row in rows.itertuples(index=False):
        sheet.append([None if pd.isna(v) else v for v in row])
    book.save(path)
    return path


def test_csv_xlsx_and_parquet_give_identical_results(tmp_path: Path, factor_set: FactorSet) -> None:
    frame = pd.read_csv(EXAMPLE, keep_default_na=False, dtype=str)
    typed = frame.copy()
    typed["year"] = typed["year"].astype(int)
    for col in ("quantity", "ncv", "carbon_content", "density"):
        typed[col] = pd.to_numeric(typed[col].replace("", None)).astype("float64")
    parquet = tmp_path / "activity.parquet"
    typed.to_parquet(parquet, index=False)
    xlsx = _as_xlsx(typed, tmp_path / "activity.xlsx")
    results = [inventory.run([p], "AR5", factor_set).lines for p in (EXAMPLE, xlsx, parquet)]
    columns = ["enterprise", "year", "gas", "mass_t", "co2e_t", "energy_tj", "energy_toe", "factor_id", "tier"]
    for other in results[1:]:
        pd.testing.assert_frame_equal(results[0][columns], other[columns], check_exact=True)
    # rows are numbered as a spreadsheet shows them (header = row 1) in CSV and Excel, as records in Parquet
    assert (results[0]["input_row"] == results[1]["input_row"]).all()
    assert (results[0]["input_row"] - 1 == results[2]["input_row"]).all()
