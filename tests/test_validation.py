"""Bad input: every problem of a file is reported at once, with file, row, column, value and fix."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from openpyxl import Workbook

from ghg.core import inventory
from ghg.core.errors import InputError, Problem
from ghg.core.factors import FactorSet

from .conftest import record

Check = Callable[..., list[Problem]]


@pytest.fixture
def problems(write_csv: Callable[..., Path], factor_set: FactorSet) -> Check:
    """Check records written to a CSV file; return the problems (none: an empty list)."""

    def _check(rows: list[dict[str, object]], **kw: object) -> list[Problem]:
        path = write_csv(rows, **kw)
        try:
            inventory.check([path], factor_set)
        except InputError as exc:
            return exc.problems
        return []

    return _check


def coal(**fields: object) -> dict[str, object]:
    base = {
        "source_category": "stationary_combustion",
        "ipcc_category": "1.A.2",
        "activity": "anthracite",
        "quantity": 10,
        "unit": "t",
    }
    base.update(fields)
    return record(**base)


def codes(found: list[Problem]) -> list[tuple[int | None, str | None, str]]:
    return [(p.row, p.column, p.code) for p in found]


def test_a_valid_file_has_no_problem(problems: Check) -> None:
    assert problems([coal()]) == []


@pytest.mark.parametrize(
    ("fields", "column", "code"),
    [
        ({"unit": "ton"}, "unit", "unit_ambiguous_ton"),
        ({"unit": "parsec"}, "unit", "unit_kind"),
        ({"unit": "bananas"}, "unit", "unit_unknown"),
        ({"unit": "t CO2e"}, "unit", "unit_co2e"),
        ({"quantity": -1}, "quantity", "negative"),
        ({"quantity": ""}, "quantity", "quantity_missing"),
        ({"quantity": "12 t"}, "quantity", "number"),
        ({"quantity": "1,5"}, "quantity", "number"),
        ({"quantity": "inf"}, "quantity", "number"),
        ({"year": 1989}, "year", "year_range"),
        ({"year": 2999}, "year", "year_range"),
        ({"year": "2023.5"}, "year", "year_integer"),
        ({"enterprise": "../etc"}, "enterprise", "identifier"),
        ({"facility": "boiler\x07"}, "facility", "invisible_character"),  # named with its code point U+0007
        ({"facility": "a/b"}, "facility", "identifier"),
        ({"enterprise": ""}, "enterprise", "required"),
        ({"activity": "coal_other"}, "activity", "unknown_activity_near"),  # did you mean coal_tar?
        ({"activity": "xyz_fuel"}, "activity", "unknown_activity"),
        ({"source_category": "combustion"}, "source_category", "vocabulary_near"),  # mobile_combustion?
        ({"source_category": "xyz"}, "source_category", "vocabulary"),
        ({"ipcc_category": "1A2"}, "ipcc_category", "ipcc_category"),
        ({"ipcc_category": ""}, "ipcc_category", "category_missing"),
        ({"period": "2022-03"}, "period", "period_year"),
        ({"period": "March"}, "period", "period"),
        ({"unit": "MWh"}, "energy_basis", "basis_missing"),
        ({"energy_basis": "net"}, "energy_basis", "basis_not_applicable"),
        ({"ncv": 24}, "ncv_unit", "measured_unit_missing"),
        ({"ncv": 24, "ncv_unit": "kg/L"}, "ncv_unit", "unit_kind"),
        ({"density_unit": "kg/L"}, "density", "measured_value_missing"),
        ({"unit": "m3"}, "unit", "unit_for_state"),
        ({"source_category": "purchased_heat"}, "activity", "activity_category"),
    ],
)
def test_each_bad_value_is_named(problems: Check, fields: dict[str, object], column: str, code: str) -> None:
    found = problems([coal(**fields)])
    assert (2, column, code) in codes(found), codes(found)
    for p in found:  # every message renders in both languages
        assert p.render("en") != p.render("vi")


def test_electricity_in_m3_is_the_wrong_dimension(problems: Check) -> None:
    found = problems(
        [record(source_category="purchased_electricity", activity="grid_electricity", quantity=5, unit="m3")]
    )
    assert codes(found) == [(2, "unit", "unit_for_state")]


def test_liquid_fuel_in_kwh_without_a_basis(problems: Check) -> None:
    found = problems([coal(activity="gas_diesel_oil", unit="kWh")])
    assert codes(found) == [(2, "energy_basis", "basis_missing")]


def test_liquid_by_volume_without_any_density(problems: Check) -> None:
    # no cited density exists for kerosene in the bundled releases, and none was measured
    found = problems([coal(activity="other_kerosene", unit="L")])
    assert codes(found) == [(2, "density", "no_density")]
    assert problems([coal(activity="other_kerosene", unit="L", density=0.8, density_unit="kg/L")]) == []


def test_exact_duplicates_name_the_first_copy(problems: Check) -> None:
    found = problems([coal(evidence="inv-1"), coal(evidence="inv-2"), coal(evidence="inv-1")])
    assert codes(found) == [(4, None, "duplicate_row")]
    assert found[0].params == {"first": 2}


def test_every_problem_of_the_file_at_once(problems: Check) -> None:
    found = problems([coal(unit="ton"), coal(quantity=-3), coal(activity="unobtainium"), coal(year=1900), coal()])
    assert [p.row for p in found] == [2, 3, 4, 5]
    assert {p.file for p in found} == {found[0].file}


def test_unknown_and_missing_columns(write_csv: Callable[..., Path], factor_set: FactorSet) -> None:
    path = write_csv(
        [coal()], columns=("enterprise", "facility", "year", "source_category", "activity", "quantiy", "unit")
    )
    with pytest.raises(InputError) as info:
        inventory.check([path], factor_set)
    assert {(p.column, p.code) for p in info.value.problems} == {
        ("quantiy", "unknown_column"),
        ("quantity", "missing_column"),
    }


def test_byte_order_mark_is_tolerated(problems: Check) -> None:
    assert problems([coal()], bom=True) == []


def test_message_names_file_row_column_value_and_fix(write_csv: Callable[..., Path], factor_set: FactorSet) -> None:
    path = write_csv([coal(unit="tons")])
    with pytest.raises(InputError) as info:
        inventory.check([path], factor_set)
    message = info.value.render()
    assert f"{path}, row 2, column unit (value 'tons')" in message
    assert "write 't' for a metric tonne" in message
    assert "Nothing was computed or written" in message
    vi = info.value.render("vi")
    assert "hàng 2, cột unit" in vi and "hãy ghi 't' cho tấn" in vi


def test_excel_problems_name_the_sheet(tmp_path: Path, factor_set: FactorSet) -> None:
    book = Workbook()
    sheet = book.active
    sheet.title = "activity"
    sheet.append(["enterprise", "facility", "year", "source_category", "ipcc_category", "activity", "quantity", "unit"])
    sheet.append(["E1", "F1", 2023, "stationary_combustion", "1.A.2", "anthracite", 10, "t"])
    sheet.append(["E1", "F1", 2023, "stationary_combustion", "1.A.2", "anthracite", "ten", "t"])
    path = tmp_path / "activity.xlsx"
    book.save(path)
    with pytest.raises(InputError) as info:
        inventory.check([path], factor_set)
    (p,) = info.value.problems
    assert (p.sheet, p.row, p.column, p.value, p.code) == ("activity", 3, "quantity", "ten", "number")
    assert "sheet activity, row 3, column quantity" in p.render()


def test_missing_file_and_wrong_type(tmp_path: Path, factor_set: FactorSet) -> None:
    other = tmp_path / "notes.txt"
    other.write_text("x")
    with pytest.raises(InputError) as info:
        inventory.check([tmp_path / "absent.csv", other], factor_set)
    assert [p.code for p in info.value.problems] == ["no_file", "file_type"]


def _diesel(quantity: object, **extra: object) -> dict[str, object]:
    return record(
        source_category="stationary_combustion",
        ipcc_category="1.A.2.c",
        activity="gas_diesel_oil",
        quantity=quantity,
        unit="t",
        **extra,
    )


def test_a_vietnamese_thousands_group_is_refused_as_ambiguous(problems: Check) -> None:
    """4.200 is 4,200 in Vietnamese writing and 4.2 in English: with nothing else to settle it, refused."""
    found = problems([_diesel("4.200"), _diesel("12.500", evidence="b")])
    assert [(p.row, p.column, p.value, p.code) for p in found] == [
        (2, "quantity", "4.200", "number_ambiguous"),
        (3, "quantity", "12.500", "number_ambiguous"),
    ]
    assert "write 4200 or 4.2, or declare the decimal mark with --decimal-mark" in found[0].render("en")
    assert "4.200 = bốn nghìn hai trăm" in found[0].render("vi")


def test_another_value_or_a_declared_mark_settles_the_number(
    problems: Check, write_csv: Callable[..., Path], factor_set: FactorSet
) -> None:
    assert problems([_diesel("4.200"), _diesel("96.5", evidence="b")]) == []  # '.' is the decimal mark here
    assert problems([_diesel("4.200"), _diesel("0.125", evidence="b")]) == []  # a lone 0 is never a group
    path = write_csv([_diesel("4.200"), _diesel("1.234,5", evidence="b"), _diesel("7,25", evidence="c")])
    comma = inventory.run([path], "AR5", factor_set, decimal_mark=",")
    assert sorted(set(comma.lines["quantity"])) == [7.25, 1234.5, 4200.0]
    dot = inventory.run([write_csv([_diesel("4.200")])], "AR5", factor_set, decimal_mark=".")
    assert set(dot.lines["quantity"]) == {4.2}
    with pytest.raises(InputError) as caught:  # with ',' declared, '.' only groups thousands
        inventory.check([write_csv([_diesel("4.2")])], factor_set, decimal_mark=",")
    assert [p.code for p in caught.value.problems] == ["number"]


@pytest.mark.parametrize("value", ["1e400", "-1e400", "inf", "nan", "NaN", "1e-320"])
def test_infinite_nan_and_denormal_quantities_are_refused(problems: Check, value: str) -> None:
    (found,) = problems([_diesel(value)])
    assert (found.column, found.value, found.code) == ("quantity", value, "number")


def test_number_cells_of_a_workbook_are_never_ambiguous(tmp_path: Path, factor_set: FactorSet) -> None:
    book = Workbook()
    sheet = book.active
    sheet.title = "activity"
    heads = ["enterprise", "facility", "year", "source_category", "ipcc_category", "activity", "quantity", "unit"]
    sheet.append(heads)
    sheet.append(["E1", "F1", 2023, "stationary_combustion", "1.A.2.c", "gas_diesel_oil", 4.125, "t"])
    path = tmp_path / "numbers.xlsx"
    book.save(path)
    assert set(inventory.run([path], "AR5", factor_set).lines["quantity"]) == {4.125}
    sheet.append(["E1", "F1", 2023, "stationary_combustion", "1.A.2.c", "gas_diesel_oil", "4.200", "t"])
    book.save(path)  # the same digits typed as text: ambiguous again
    with pytest.raises(InputError) as caught:
        inventory.check([path], factor_set)
    assert [(p.row, p.code) for p in caught.value.problems] == [(3, "number_ambiguous")]
