"""Clear refusals: a file that cannot be read as records says why and how to fix it, in both languages, and
nothing is stored (each case was found by trying the tool)."""

from __future__ import annotations

import io
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import Workbook

from ghg import cli, store
from ghg.core import inventory
from ghg.core.errors import InputError, Problem
from ghg.core.factors import FactorSet

HEADER = "enterprise,facility,year,source_category,ipcc_category,activity,quantity,unit\n"
DIESEL = "E1,F1,2023,stationary_combustion,1.A.2,gas_diesel_oil,{q},t\n"


def _problems(path: Path, factor_set: FactorSet) -> list[Problem]:
    with pytest.raises(InputError) as caught:
        inventory.check([path], factor_set)
    return caught.value.problems


def _write(tmp_path: Path, name: str, data: str | bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


@pytest.mark.parametrize(
    ("name", "data", "code", "en", "vi"),
    [
        ("empty.csv", b"", "empty_file", "the file is empty", "tệp trống"),
        (
            "semicolon.csv",
            HEADER.replace(",", ";") + DIESEL.format(q=1).replace(",", ";"),
            "delimiter",
            "separated by ';', not by commas",
            "phân cách bằng ';'",
        ),
        ("tabs.csv", HEADER.replace(",", "\t"), "delimiter", "separated by 'TAB'", "phân cách bằng 'TAB'"),
        (
            "title.csv",
            "Báo cáo kiểm kê 2023\n,,,\n" + HEADER + DIESEL.format(q=1),
            "title_rows",
            "the column names are on row 3",
            "tên cột nằm ở hàng 3",
        ),
        (
            "latin1.csv",
            (HEADER + DIESEL.format(q=1) + "E1,Nhà máy,2023,x,y,z,1,t\n").encode("utf-8")[:-20]
            + "Nhà".encode("cp1258")
            + b"\n",
            "not_utf8",
            "(byte 0x",
            "(byte 0x",
        ),
        (
            "text.xlsx",
            HEADER + DIESEL.format(q=1),
            "not_xlsx",
            "is not an Excel workbook (it is text (CSV?))",
            "không phải sổ tính Excel",
        ),
    ],
)
def test_a_file_that_is_not_records_is_named_with_its_cause_and_fix(
    tmp_path: Path, factor_set: FactorSet, name: str, data: str | bytes, code: str, en: str, vi: str
) -> None:
    path = _write(tmp_path, name, data)
    (problem,) = _problems(path, factor_set)
    assert problem.code == code
    assert en in problem.render("en") and vi in problem.render("vi")
    out = tmp_path / "store"
    res = CliRunner().invoke(cli.main, ["inventory", str(path), "--gwp", "AR5", "--out", str(out)])
    assert res.exit_code == 1 and "Traceback" not in res.output
    assert store.open_snapshot(out).version == -1 and not out.exists()


def test_an_undecodable_byte_is_reported_with_its_row(tmp_path: Path, factor_set: FactorSet) -> None:
    data = (HEADER + DIESEL.format(q=1)).encode() + b"E1,F\xe0,2023,stationary_combustion,1.A.2,lpg,1,t\n"
    (problem,) = _problems(_write(tmp_path, "bytes.csv", data), factor_set)
    assert (problem.code, problem.row, problem.params["byte"], problem.params["position"]) == ("not_utf8", 3, "0xE0", 5)


def test_a_workbook_named_csv_is_named(tmp_path: Path, factor_set: FactorSet) -> None:
    book = Workbook()
    buffer = io.BytesIO()
    book.save(buffer)
    (problem,) = _problems(_write(tmp_path, "book.csv", buffer.getvalue()), factor_set)
    assert problem.code == "xlsx_named_csv" and "rename it to .xlsx" in problem.render("en")


def test_invisible_characters_and_near_misses_are_named(tmp_path: Path, factor_set: FactorSet) -> None:
    data = (
        HEADER
        + DIESEL.format(q=1).replace("E1", "E1\u200b")
        + DIESEL.format(q=2).replace("stationary_combustion", "stationary_combusion")
        + DIESEL.format(q=3).replace("gas_diesel_oil", "gas_diesel_oi")
        + DIESEL.format(q=4).replace(",t\n", ",T\n")
    )
    found = {(p.row, p.column, p.code): p for p in _problems(_write(tmp_path, "codes.csv", data), factor_set)}
    hidden = found[(2, "enterprise", "invisible_character")]
    assert "U+200B (ZERO WIDTH SPACE) at position 3" in hidden.render("en")
    assert "ký tự ẩn U+200B" in hidden.render("vi")
    assert "did you mean 'stationary_combustion'?" in found[(3, "source_category", "vocabulary_near")].render("en")
    assert "did you mean gas_diesel_oil" in found[(4, "activity", "unknown_activity_near")].render("en")
    assert "'T' is ambiguous (it is the tesla" in found[(5, "unit", "unit_ambiguous_T")].render("en")


def test_a_long_cell_is_refused_in_bounded_time(tmp_path: Path, factor_set: FactorSet) -> None:
    data = HEADER + DIESEL.format(q=1).replace(",t\n", "," + "k" * 100_000 + "\n")
    started = time.perf_counter()
    (problem,) = _problems(_write(tmp_path, "long.csv", data), factor_set)
    assert problem.code == "unit_too_long" and time.perf_counter() - started < 5  # it once took 89 s


def _book(tmp_path: Path, name: str, build: Callable[[Workbook], None]) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.title = "activity"
    sheet.append(HEADER.strip().split(","))
    for q in (1, 2, 3):
        sheet.append(DIESEL.format(q=q).strip().split(","))
    build(book)
    path = tmp_path / name
    book.save(path)
    return path


def test_spreadsheet_formulas_hidden_rows_and_sheets_are_refused(tmp_path: Path, factor_set: FactorSet) -> None:
    def formula(book: Workbook) -> None:
        book["activity"]["G3"] = "=G2*2"

    path = _book(tmp_path, "formula.xlsx", formula)
    found = [p for p in _problems(path, factor_set) if p.value == "G3"]
    assert [p.code for p in found] == ["formula_no_value"]  # as openpyxl writes it: no value calculated yet
    cached = _with_cached_value(path, "G3", "4")  # as Excel saves it: the formula and its last value
    found = [p for p in _problems(cached, factor_set) if p.value == "G3"]
    assert [p.code for p in found] == ["formula"] and "(=G2*2)" in found[0].render("en")
    assert "Dán đặc biệt > Giá trị" in found[0].render("vi")

    def hidden_row(book: Workbook) -> None:
        book["activity"].row_dimensions[3].hidden = True

    (problem,) = _problems(_book(tmp_path, "hidden.xlsx", hidden_row), factor_set)
    assert (problem.code, problem.row) == ("hidden_row", 3) and "unhide it" in problem.render("en")

    def hidden_sheet(book: Workbook) -> None:
        book["activity"].sheet_state = "hidden"
        book.create_sheet("notes")

    (problem,) = _problems(_book(tmp_path, "hidden-sheet.xlsx", hidden_sheet), factor_set)
    assert problem.code == "hidden_sheet" and "'activity' is hidden" in problem.render("en")

    def other_sheet(book: Workbook) -> None:
        book["activity"].title = "data"
        book.move_sheet(book.create_sheet("cover"), offset=-1)

    (problem,) = _problems(_book(tmp_path, "wrong-sheet.xlsx", other_sheet), factor_set)
    assert problem.code == "wrong_sheet" and "on sheet 'data'" in problem.render("en")


def _with_cached_value(path: Path, cell: str, value: str) -> Path:
    """``path`` with the formula of ``cell`` given a calculated value, as Excel stores it."""
    import re

    out = path.with_name("cached-" + path.name)
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                text = data.decode()
                text = re.sub(
                    rf'(<c r="{cell}"[^>]*>)(<f>[^<]*</f>)(<v>[^<]*</v>|<v\s*/>)?', rf"\1\2<v>{value}</v>", text
                )
                data = text.encode()
            dst.writestr(item, data)
    return out


def _repack(path: Path, extra: dict[str, bytes]) -> Path:
    """The workbook ``path`` with ``extra`` members added to its package."""
    out = path.with_name("packed-" + path.name)
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            dst.writestr(item, src.read(item.filename))
        for name, data in extra.items():
            dst.writestr(name, data)
    return out


@pytest.mark.parametrize(
    ("member", "code"),
    [("xl/vbaProject.bin", "macros"), ("xl/externalLinks/externalLink1.xml", "external_links")],
)
def test_macros_and_links_to_other_files_are_refused(
    tmp_path: Path, factor_set: FactorSet, member: str, code: str
) -> None:
    path = _repack(_book(tmp_path, "plain.xlsx", lambda book: None), {member: b"<x/>"})
    (problem,) = _problems(path, factor_set)
    assert problem.code == code


def test_a_workbook_that_expands_too_far_is_refused_before_it_is_expanded(
    tmp_path: Path, factor_set: FactorSet
) -> None:
    """A 1 GB cell of zeros compresses to about 1 MB: the package's sizes are read, never the cell."""
    path = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        with package.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as member:
            block = b"0" * (1 << 24)
            for _ in range(64):  # 1 GiB
                member.write(block)
    assert path.stat().st_size < 4 * 2**20
    started = time.perf_counter()
    (problem,) = _problems(path, factor_set)
    assert problem.code == "too_large" and "expands to 1,024 MB" in problem.render("en")
    assert time.perf_counter() - started < 5


def test_a_row_labelled_as_a_total_is_refused(tmp_path: Path, factor_set: FactorSet) -> None:
    data = (
        HEADER.strip()
        + ",evidence\n"
        + DIESEL.format(q=1).strip()
        + ",invoice 1\n"
        + DIESEL.format(q=2).strip()
        + ",invoice 2\n"
        + DIESEL.format(q=3).strip()
        + ",Tổng cộng\n"  # 1 + 2: the two rows above, again
        + DIESEL.format(q=3).replace("F1", "Subtotal").strip()
        + ",x\n"
        + DIESEL.format(q=4).strip()
        + ",Tổng công ty Hóa chất invoice\n"  # a corporation, not a total
    )
    found = [(p.row, p.column, p.code) for p in _problems(_write(tmp_path, "totals.csv", data), factor_set)]
    assert found == [(4, "evidence", "total_row"), (5, "facility", "total_row")]


def test_the_same_record_in_two_files_is_refused(tmp_path: Path, factor_set: FactorSet) -> None:
    first = _write(tmp_path, "january.csv", HEADER + DIESEL.format(q=1) + DIESEL.format(q=2))
    second = _write(tmp_path, "export.csv", HEADER + DIESEL.format(q=2) + DIESEL.format(q=5))
    with pytest.raises(InputError) as caught:
        inventory.check([first, second], factor_set)
    (problem,) = caught.value.problems
    assert (problem.file, problem.row, problem.code) == (str(second), 2, "duplicate_across_files")
    assert f"the same record as {first}, row 3" in problem.render("en")
    assert "trùng bản ghi với" in problem.render("vi")


def test_a_submitter_naming_another_enterprise_is_refused(tmp_path: Path) -> None:
    from .conftest import EXAMPLE

    out = tmp_path / "store"
    other = _write(tmp_path, "p1.csv", HEADER + DIESEL.format(q=1).replace("E1", "P1-LAOCAI"))
    runner = CliRunner()
    assert runner.invoke(cli.main, ["inventory", str(other), "--gwp", "AR5", "--out", str(out)]).exit_code == 0
    args = ["inventory", str(EXAMPLE), "--gwp", "AR5", "--out", str(out), "--submitted-by"]
    res = runner.invoke(cli.main, [*args, "P1-LAOCAI accountant"])
    assert res.exit_code == 1 and "names P1-LAOCAI, but the records are of DUCGIANG-LC" in res.output
    assert store.latest_revisions(out) == {(2023, "P1-LAOCAI"): 1}
    assert runner.invoke(cli.main, [*args, "DUCGIANG-LC environment officer"]).exit_code == 0
