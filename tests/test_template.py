"""The Excel template: written in both languages, filled, read back; mistakes point to sheet, row, column."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from ghg import cli
from ghg.core import inventory, template
from ghg.core.errors import InputError
from ghg.core.factors import FactorSet


def _fill(path: Path, rows: dict[str, list[dict[str, object]]], keep_examples: bool = False, lang: str = "en") -> Path:
    """Replace the example rows of the named sheets by ``rows`` (the way a user fills the template)."""
    book = load_workbook(path)
    for name in template.SHEETS:
        sheet = book[template.sheet_title(name.name, lang)]
        if not keep_examples:
            sheet.delete_rows(template.FIRST_DATA_ROW, sheet.max_row)
        header = [c.value for c in sheet[1]]
        for row in rows.get(name.name, []):
            sheet.append([row.get(h) for h in header])
    book.save(path)
    return path


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_template_round_trip(tmp_path: Path, factor_set: FactorSet, lang: str) -> None:
    path = template.write_template(tmp_path / f"template-{lang}.xlsx", lang, factor_set)
    book = load_workbook(path)
    assert book.sheetnames[0] == ("Hướng dẫn" if lang == "vi" else "instructions")
    assert {template.sheet_title(s.name, lang) for s in template.SHEETS} <= set(book.sheetnames)
    if lang == "vi":  # the sheets a user fills are named in Vietnamese
        assert {"Đốt nhiên liệu cố định", "Điện mua vào", "Sản lượng"} <= set(book.sheetnames)
    sheet = book[template.sheet_title("stationary_combustion", lang)]
    labels = [c.value for c in sheet[2]]
    # bilingual labels, the chosen language first
    assert labels[0] == (
        "Doanh nghiệp (mã) / Enterprise (id)" if lang == "vi" else "Enterprise (id) / Doanh nghiệp (mã)"
    )
    # drop-down lists for units and activity codes
    lists = template.sheet_title(template.LISTS_SHEET, lang)
    assert any(f"'{lists}'!" in str(dv.formula1) for dv in sheet.data_validations.dataValidation)
    common = {"enterprise": "E1", "facility": "F1", "year": 2023}
    _fill(
        path,
        {
            "stationary_combustion": [
                {
                    **common,
                    "source_category": "stationary_combustion",
                    "ipcc_category": "1.A.2",
                    "activity": "gas_diesel_oil",
                    "quantity": 1,
                    "unit": "t",
                }
            ],
            "purchased_electricity": [
                {
                    **common,
                    "source_category": "purchased_electricity",
                    "activity": "grid_electricity",
                    "quantity": 1000,
                    "unit": "MWh",
                }
            ],
        },
        lang=lang,
    )
    result = inventory.run([path], "AR5", factor_set)
    summary = result.summary.iloc[0]
    # 1 t diesel: 3,196.749 kg CO2e (AR5); 1,000 MWh x 0.6592 = 659.2 t CO2
    assert summary["scope_1_t_co2e"] == pytest.approx(3.196749)
    assert summary["scope_2_location_t_co2e"] == pytest.approx(659.2)
    assert set(result.lines["input_file"]) == {path.name}


def test_mistakes_point_to_sheet_row_and_column(tmp_path: Path, factor_set: FactorSet) -> None:
    path = template.write_template(tmp_path / "t.xlsx", "en", factor_set)
    common = {"enterprise": "E1", "facility": "F1", "year": 2023}
    _fill(
        path,
        {
            "fugitive": [
                {
                    **common,
                    "source_category": "fugitive",
                    "ipcc_category": "2.F.1",
                    "activity": "R-410A",
                    "quantity": 5,
                    "unit": "ton",
                }
            ],
            "process": [
                {
                    **common,
                    "source_category": "process",
                    "ipcc_category": "2.A.4",
                    "activity": "limestone",
                    "quantity": "1,5",
                    "unit": "t",
                }
            ],
        },
    )
    with pytest.raises(InputError) as info:
        inventory.check([path], factor_set)
    found = {(p.sheet, p.row, p.column, p.code) for p in info.value.problems}
    assert found == {("fugitive", 3, "unit", "unit_ambiguous_ton"), ("process", 3, "quantity", "number")}


def test_example_rows_merged_cells_and_formulas_are_refused(tmp_path: Path, factor_set: FactorSet) -> None:
    path = template.write_template(tmp_path / "t.xlsx", "en", factor_set)
    book = load_workbook(path)
    sheet = book["production"]
    sheet["G3"] = "=1+1"  # quantity as a formula never calculated by Excel
    sheet.merge_cells("A3:B3")
    book.save(path)
    with pytest.raises(InputError) as info:
        inventory.check([path], factor_set)
    codes = {(p.sheet, p.code, p.value) for p in info.value.problems}
    assert ("production", "formula_no_value", "G3") in codes
    assert ("production", "merged_cells", "A3:B3") in codes
    assert ("stationary_combustion", "example_row", "x") in codes


def test_template_command(tmp_path: Path) -> None:
    res = CliRunner().invoke(cli.main, ["template", str(tmp_path / "mau.xlsx"), "--lang", "vi"])
    assert res.exit_code == 0 and "Đã ghi biểu mẫu" in res.output
    assert (tmp_path / "mau.xlsx").exists()


def test_the_template_has_the_users_normal_permissions(tmp_path: Path) -> None:
    import os

    from click.testing import CliRunner

    from ghg import cli

    mask = os.umask(0o022)
    try:
        out = tmp_path / "template.xlsx"
        assert CliRunner().invoke(cli.main, ["template", str(out)]).exit_code == 0
        assert out.stat().st_mode & 0o777 == 0o644  # 0666 less the umask 022, as any file the user writes
    finally:
        os.umask(mask)
