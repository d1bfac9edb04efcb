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

import math
import os
from pathlib import Path

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Font

from ghg import fsutil
from ghg.errors import StoreError

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
    if path.exists():
        raise StoreError("export.exists", path=str(path))
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.parent / fsutil.tmp_name(path.suffix)
    try:
        write(tmp)  # type: ignore[operator]
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
