"""Invariants: units, file formats, order and splitting do not change totals."""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from ghg.core import inventory
from ghg.core.activity import INPUT_COLUMNS
from ghg.core.factors import FactorSet

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
    # the files are written by Python ('.' decimals, any number of digits): the mark is declared, so that a
    # generated 1.125 is not refused as a possible thousands group (tests/test_validation.py covers that)
    return float(inventory.run(paths, "AR5", factors, decimal_mark=".").lines["co2e_t"].sum())


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


def _source(kind: str, quantity: float, enterprise: str, year: int, n: int) -> dict[str, object]:
    """One record of a kind of source (the kinds whose summary once disagreed with their lines)."""
    common = {"enterprise": enterprise, "year": year, "evidence": f"record {n}"}
    if kind == "diesel_measured":  # a measured density beside the other records
        return record(
            source_category="stationary_combustion",
            ipcc_category="1.A.2.c",
            activity="gas_diesel_oil",
            quantity=quantity,
            unit="L",
            density=0.84,
            density_unit="kg/L",
            **common,
        )
    if kind == "coal":
        return record(
            source_category="stationary_combustion",
            ipcc_category="1.A.2.c",
            activity="other_bituminous_coal",
            quantity=quantity,
            unit="t",
            **common,
        )
    if kind == "limestone":
        return record(
            source_category="process",
            ipcc_category="2.A.4",
            activity="limestone",
            quantity=quantity,
            unit="t",
            **common,
        )
    if kind == "refrigerant":
        return record(
            source_category="fugitive", ipcc_category="2.F.1", activity="R-410A", quantity=quantity, unit="kg", **common
        )
    if kind == "electricity":
        return record(
            source_category="purchased_electricity",
            activity="grid_electricity",
            quantity=quantity,
            unit="MWh",
            **common,
        )
    return record(
        source_category="purchased_electricity",
        activity="grid_electricity",
        quantity=quantity,
        unit="MWh",
        instrument="certificate",
        **common,
    )  # covers part of the electricity above


KINDS = ["diesel_measured", "coal", "limestone", "refrigerant", "electricity", "certificate"]
mixes = st.lists(
    st.tuples(
        st.sampled_from(KINDS),
        st.floats(1, 5000, allow_nan=False),
        st.sampled_from(["E1", "E2"]),
        st.sampled_from([2022, 2023]),
    ),
    min_size=1,
    max_size=12,
)


@SETTINGS
@given(mixes)
def test_summary_totals_and_lines_agree_for_every_enterprise_and_year(
    tmp_path: Path, factor_set: FactorSet, mix: list[tuple[str, float, str, int]]
) -> None:
    """Summary = totals = the sum of the stored lines, whatever mix of sources, measured parameters, instruments
    and members a file holds (a certificate only where its enterprise and year bought at least as much)."""
    bought: dict[tuple[str, int], float] = {}
    for kind, quantity, enterprise, year in mix:
        if kind == "electricity":
            bought[(enterprise, year)] = bought.get((enterprise, year), 0.0) + quantity
    rows, covered = [], dict.fromkeys(bought, 0.0)
    for n, (kind, quantity, enterprise, year) in enumerate(mix):
        if kind == "certificate":
            room = bought.get((enterprise, year), 0.0) - covered.get((enterprise, year), 0.0)
            if room <= 1:
                continue
            quantity = min(quantity, room / 2)
            covered[(enterprise, year)] += quantity
        rows.append(_source(kind, round(quantity, 3), enterprise, year, n))
    if not rows:
        return
    # the file's numbers are written by Python ('.' decimals): declared, so that 1.875 is not ambiguous
    result = inventory.run([_write(tmp_path / "mix.csv", rows)], "AR5", factor_set, decimal_mark=".")
    lines = result.lines
    key = ["enterprise", "year"]

    def summed(frame: pd.DataFrame, scope: str, value: str = "co2e_t") -> pd.Series:
        return frame[frame["scope"] == scope].groupby(key)[value].sum()

    summary = result.summary.set_index(key)
    for column, scope in [
        ("scope_1_t_co2e", "scope_1"),
        ("scope_2_location_t_co2e", "scope_2"),
        ("scope_2_market_t_co2e", "scope_2_market"),
    ]:
        from_lines = summed(lines, scope).reindex(summary.index).fillna(0.0)
        from_totals = summed(result.totals, scope).reindex(summary.index).fillna(0.0)
        assert summary[column].to_numpy() == pytest.approx(from_lines.to_numpy(), rel=1e-12, abs=1e-9)
        assert from_totals.to_numpy() == pytest.approx(from_lines.to_numpy(), rel=1e-12, abs=1e-9)
    energy = lines.groupby(key)["energy_tj"].sum().reindex(summary.index)
    assert summary["energy_tj"].to_numpy() == pytest.approx(energy.to_numpy(), rel=1e-12, abs=1e-12)
    assert (summary["total_t_co2e"] == summary["scope_1_t_co2e"] + summary["scope_2_location_t_co2e"]).all()


def test_a_process_record_beside_a_measured_density_is_in_the_summary(
    write_csv: Callable[..., Path], factor_set: FactorSet
) -> None:
    """1,000 t limestone x 0.43971 t CO2/t (IPCC 2006 Vol. 3 Table 2.1) = 439.71 t CO2, beside 1,000 L diesel at a
    measured 0.84 kg/L: 0.84 t x 43.0 TJ/Gg = 0.03612 TJ x 74,100 kg CO2/TJ = 2.676492 t CO2, + CH4 3 kg/TJ x 28
    and N2O 0.6 kg/TJ x 265 (IPCC 2006 Vol. 2 Tables 1.2, 1.4, 2.3; AR5) = 0.0087772 t CO2e: 442.3952692 t."""
    rows = [
        record(source_category="process", ipcc_category="2.A.4", activity="limestone", quantity=1000, unit="t"),
        record(
            source_category="stationary_combustion",
            ipcc_category="1.A.2.c",
            activity="gas_diesel_oil",
            quantity=1000,
            unit="L",
            density=0.84,
            density_unit="kg/L",
        ),
    ]
    result = inventory.run([write_csv(rows)], "AR5", factor_set)
    (row,) = result.summary.to_dict(orient="records")
    assert row["scope_1_t_co2e"] == pytest.approx(439.71 + 2.676492 + 0.0087772, rel=1e-9)
