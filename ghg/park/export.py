"""Safe exports of result lines to CSV and Excel.

A spreadsheet executes a cell whose text starts with ``=``, ``+``, ``-`` or ``@`` (and some also after a
leading tab or carriage return) as a formula: text that came from a submitted file could then run commands
or leak data when an officer opens the export ("CSV injection", OWASP). Every such text cell is written
with a leading apostrophe, which spreadsheets show as text; numbers stay numbers. Exports are written to a
temporary file and published by a link that never replaces an existing file.

References
----------
OWASP, "CSV Injection", https://owasp.org/www-community/attacks/CSV_Injection
"""

from __future__ import annotations

import io
import math
import os
from pathlib import Path

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Font

from ghg.core import fsutil
from ghg.core.errors import StoreError

#: Leading characters that make a spreadsheet read text as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> object:
    """``value`` as a spreadsheet cell that is never a formula: text starting with a formula character gets a
    leading apostrophe; numbers, booleans and missing values are left as they are."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def safe_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``frame`` with every text column made safe (numeric columns untouched)."""
    out = frame.copy()
    for column in out.columns:
        if out[column].dtype == object or pd.api.types.is_string_dtype(out[column]):
            out[column] = out[column].map(safe_cell)
    return out


def _publish(path: Path, write: object) -> Path:
    """Write a new file through ``write(tmp)``; an existing file is never replaced - the same bytes again are
    accepted (the same inputs give the same file), other bytes refused."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.parent / fsutil.tmp_name(path.suffix)
    try:
        write(tmp)  # type: ignore[operator]
        if path.suffix.lower() == ".xlsx":
            tmp.write_bytes(deterministic_xlsx(tmp.read_bytes()))
        if path.exists():
            if path.read_bytes() == tmp.read_bytes():
                return path
            raise StoreError("export.exists", path=str(path))
        with tmp.open("rb+") as f:
            os.fsync(f.fileno())
        try:
            os.link(tmp, path)  # never replaces an existing file
        except FileExistsError:
            raise StoreError("export.exists", path=str(path)) from None
    except OSError as exc:
        raise StoreError("export.failed", path=str(path), detail=str(exc)) from exc
    finally:
        tmp.unlink(missing_ok=True)
    return path


#: The time written into every workbook (its properties and its package): the same content, the same bytes.
FIXED_TIME = (2000, 1, 1, 0, 0, 0)


def deterministic_xlsx(data: bytes) -> bytes:
    """A workbook's bytes without the times of its saving (document properties, package entries), so that the
    same content always gives the same file."""
    import re
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            body = src.read(item.filename)
            if item.filename == "docProps/core.xml":
                stamp = b"2000-01-01T00:00:00Z"
                body = re.sub(
                    rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:)", rb"\g<1>" + stamp + rb"\g<2>", body
                )
            info = zipfile.ZipInfo(item.filename, date_time=FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = item.external_attr
            dst.writestr(info, body)
    return out.getvalue()


def write_csv(frame: pd.DataFrame, path: Path) -> Path:
    """Write ``frame`` as UTF-8 CSV (with a byte-order mark, so spreadsheets read Vietnamese text)."""
    safe = safe_frame(frame)
    return _publish(path, lambda tmp: safe.to_csv(tmp, index=False, encoding="utf-8-sig", lineterminator="\n"))


def write_xlsx(frame: pd.DataFrame, path: Path, sheet: str = "lines") -> Path:
    """Write ``frame`` as one sheet of an Excel workbook, header in bold, formula-like text escaped."""

    def save(tmp: Path) -> None:
        book = Workbook()
        ws = book.active
        ws.title = sheet
        ws.append([str(c) for c in frame.columns])
        for cell in ws[1]:
            cell.font = Font(bold=True)
        for row in frame.itertuples(index=False):
            ws.append([_xlsx_value(v) for v in row])  # escaped text is stored as a string cell, never a formula
        book.save(tmp)

    return _publish(path, save)


def _xlsx_value(value: object) -> object:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if hasattr(value, "item"):  # numpy scalar
        value = value.item()
    return safe_cell(value)


def export(frame: pd.DataFrame, path: Path) -> Path:
    """Write ``frame`` as CSV or Excel, chosen by the suffix of ``path`` (``.csv`` or ``.xlsx``)."""
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return write_csv(frame, path)
    if suffix == ".xlsx":
        return write_xlsx(frame, path)
    raise StoreError("export.format", path=str(path))


def workbook_sheets(
    lines: pd.DataFrame,
    registry: object,
    transfers: pd.DataFrame | None,
    findings: pd.DataFrame,
    history: pd.DataFrame,
    enterprise: str | None,
    years: list[int],
    lang: str,
    release_dirs: tuple[Path, ...] = (),
) -> dict[str, pd.DataFrame]:
    """The sheets of an inventory or park workbook: lines with lineage, totals, the park, findings, revisions.

    Sheet names, headings and code values are in ``lang`` (:func:`ghg.core.labels.present`); the last sheet
    gives each heading's identifier in the result schema, for whoever reads the workbook with a program.
    """
    from ghg import park
    from ghg.core import labels
    from ghg.core.releases import activity_names
    from ghg.i18n import text

    if years:
        lines = lines[lines["year"].isin(years)]
        findings = findings[findings["year"].isin(years) | findings["year"].isna()]
    if enterprise:
        lines = lines[lines["enterprise"] == enterprise]
        findings = findings[findings["enterprise"].isin([enterprise, ""])]
    table = lines.pivot_table(
        index=["enterprise", "facility", "year"], columns="scope", values="co2e_t", aggfunc="sum", fill_value=0.0
    )
    totals = pd.DataFrame(index=table.index)
    for name, scope in (
        ("scope_1_t_co2e", "scope_1"),
        ("scope_2_location_t_co2e", "scope_2"),
        ("scope_2_market_t_co2e", "scope_2_market"),
        ("biogenic_memo_t_co2", "memo_biogenic"),
    ):
        totals[name] = table.get(scope, 0.0)
    totals = totals.reset_index()
    sheets = {text("workbook.lines", lang): lines.sort_values(["year", "enterprise", "input_file", "input_row"])}
    sheets[text("workbook.totals", lang)] = totals
    if enterprise is None and isinstance(registry, park.Registry):
        sheets[text("workbook.park", lang)] = park.consolidate(lines, registry, transfers).consolidated
    sheets[text("workbook.findings", lang)] = findings
    used = lines[["enterprise", "year", "revision"]].drop_duplicates()
    sheets[text("workbook.revisions", lang)] = used.merge(history, on=["enterprise", "year", "revision"], how="left")
    columns = pd.DataFrame(
        [(name, labels.heading(str(c), lang), str(c)) for name, frame in sheets.items() for c in frame.columns],
        columns=["sheet", "column", "identifier"],
    )
    names = activity_names(lang, release_dirs)
    shown = {name: labels.present(frame, lang, names) for name, frame in sheets.items()}
    shown[text("workbook.columns", lang)] = labels.present(columns, lang, names)
    return shown


def write_workbook(sheets: dict[str, pd.DataFrame], path: Path) -> Path:
    """Write several sheets to a new ``.xlsx``: bold frozen header, a filter on every column, numbers with
    thousands separators, formula-like text escaped. Never overwrites an existing file."""
    from openpyxl.utils import get_column_letter

    def save(tmp: Path) -> None:
        book = Workbook()
        book.remove(book.active)
        for name, frame in sheets.items():
            ws = book.create_sheet(name[:31])
            ws.append([str(c) for c in frame.columns])
            for cell in ws[1]:
                cell.font = Font(bold=True)
            for row in frame.itertuples(index=False):
                ws.append([_xlsx_value(v) for v in row])
            ws.freeze_panes = "A2"
            if len(frame.columns):
                ws.auto_filter.ref = f"A1:{get_column_letter(len(frame.columns))}{len(frame) + 1}"
            for i, column in enumerate(frame.columns, start=1):
                letter = get_column_letter(i)
                numeric = pd.api.types.is_float_dtype(frame[column])
                width = max([len(str(column))] + [len(str(v)) for v in frame[column].head(200)])
                ws.column_dimensions[letter].width = min(max(width + 2, 8), 60)
                if numeric:
                    for cell in ws[letter][1:]:
                        cell.number_format = "#,##0.000"
        book.save(tmp)

    return _publish(path, save)
