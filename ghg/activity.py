"""Activity data: the input columns, and readers for CSV, Excel and Parquet.

Every reader returns a :class:`RawTable`: the file's columns as Arrow arrays,
unconverted (text stays text; CSV and Excel cells are all read as text), with the
file's hash and how its rows are numbered. Conversion and checks are in
:mod:`ghg.validation`.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

from ghg.errors import InputError, Problem
from ghg.hashing import sha256_file

#: Columns every record must have.
REQUIRED_COLUMNS = ("enterprise", "facility", "year", "source_category", "activity", "quantity", "unit")
#: Columns a record may have.
OPTIONAL_COLUMNS = ("period", "ipcc_category", "technology", "energy_basis", "ncv", "ncv_unit",
                    "carbon_content", "carbon_content_unit", "density", "density_unit", "evidence")
INPUT_COLUMNS = REQUIRED_COLUMNS + OPTIONAL_COLUMNS
#: Numeric input columns.
NUMERIC_COLUMNS = ("year", "quantity", "ncv", "carbon_content", "density")
#: The sheet read from an Excel workbook when it exists (else the first sheet).
EXCEL_SHEET = "activity"


@dataclass
class RawTable:
    """One input file's columns as read, before conversion.

    ``row_base`` is added to a 0-based index to give the row number shown to users:
    2 for CSV and Excel (the header is row 1), 1 for Parquet (record number).
    """

    path: Path
    sha256: str
    kind: str
    columns: dict[str, pa.ChunkedArray]
    n_rows: int
    row_base: int
    sheet: str | None = None
    problems: list[Problem] = field(default_factory=list)

    @property
    def name(self) -> str:
        return str(self.path)


def _check_header(path: Path, header: list[str], sheet: str | None, row: int | None) -> list[Problem]:
    problems = []
    seen: set[str] = set()
    for name in header:
        if name in seen:
            problems.append(Problem(str(path), row, name, None, "duplicate_column", sheet))
        seen.add(name)
        if name not in INPUT_COLUMNS:
            problems.append(Problem(str(path), row, name, None, "unknown_column", sheet,
                                    {"allowed": ", ".join(INPUT_COLUMNS)}))
    for name in REQUIRED_COLUMNS:
        if name not in seen:
            problems.append(Problem(str(path), row, name, None, "missing_column", sheet))
    return problems


def read_csv(path: Path) -> RawTable:
    """Read a UTF-8 CSV file (a byte-order mark is tolerated), every column as text."""
    digest = sha256_file(path)
    with path.open(encoding="utf-8-sig", newline="") as f:
        try:
            header = next(csv.reader(f), [])
        except UnicodeDecodeError:
            raise InputError([Problem(str(path), None, None, None, "not_utf8")]) from None
    header = [h.strip() for h in header]
    problems = _check_header(path, header, None, 1)
    if problems:
        return RawTable(path, digest, "csv", {}, 0, 2, problems=problems)
    try:
        table = pacsv.read_csv(
            path,
            read_options=pacsv.ReadOptions(column_names=header, skip_rows=1, encoding="utf8"),
            convert_options=pacsv.ConvertOptions(column_types={h: pa.string() for h in header},
                                                 strings_can_be_null=False, quoted_strings_can_be_null=False),
        )
    except (pa.ArrowInvalid, UnicodeDecodeError) as exc:
        raise InputError([Problem(str(path), None, None, None, "unreadable", params={"detail": str(exc)[:300]})]) from None
    columns = {h: table.column(h) for h in header}
    return RawTable(path, digest, "csv", columns, table.num_rows, 2)


def read_parquet(path: Path) -> RawTable:
    """Read a Parquet file; text columns are kept dictionary-encoded (categorical)."""
    digest = sha256_file(path)
    try:
        schema = pq.read_schema(path)
    except (pa.ArrowInvalid, OSError) as exc:
        raise InputError([Problem(str(path), None, None, None, "unreadable", params={"detail": str(exc)[:300]})]) from None
    header = list(schema.names)
    problems = _check_header(path, header, None, None)
    if problems:
        return RawTable(path, digest, "parquet", {}, 0, 1, problems=problems)
    text = [f.name for f in schema if pa.types.is_string(f.type) or pa.types.is_large_string(f.type)]
    table = pq.read_table(path, read_dictionary=text, memory_map=True)
    columns = {name: table.column(name) for name in header}
    return RawTable(path, digest, "parquet", columns, table.num_rows, 1)


def read_xlsx(path: Path) -> RawTable:
    """Read the ``activity`` sheet (else the first) of an Excel workbook; row 1 is the header."""
    from openpyxl import load_workbook

    digest = sha256_file(path)
    try:
        book = load_workbook(io.BytesIO(path.read_bytes()), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a file that is not a workbook
        raise InputError([Problem(str(path), None, None, None, "unreadable", params={"detail": str(exc)[:300]})]) from None
    sheet = book[EXCEL_SHEET] if EXCEL_SHEET in book.sheetnames else book[book.sheetnames[0]]
    rows = list(sheet.iter_rows(values_only=True))
    book.close()
    if not rows:
        return RawTable(path, digest, "xlsx", {}, 0, 2, sheet.title,
                        [Problem(str(path), 1, None, None, "empty_sheet", sheet.title)])
    width = len(rows[0])
    while width and rows[0][width - 1] in (None, ""):
        width -= 1
    header = ["" if v is None else str(v).strip() for v in rows[0][:width]]
    problems = _check_header(path, header, sheet.title, 1)
    body = [r[:width] for r in rows[1:]]
    while body and all(v in (None, "") for v in body[-1]):
        body.pop()  # trailing empty rows that Excel keeps formatted
    if problems:
        return RawTable(path, digest, "xlsx", {}, 0, 2, sheet.title, problems)
    columns = {}
    for j, name in enumerate(header):
        # every cell as text, like a CSV: str() of a float is its shortest exact representation
        values = [_cell_text(r[j]) if j < len(r) else "" for r in body]
        columns[name] = pa.chunked_array([pa.array(values, pa.string())])
    return RawTable(path, digest, "xlsx", columns, len(body), 2, sheet.title)


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value).upper()  # TRUE/FALSE: not a number, reported as such
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return str(value)


READERS = {".csv": read_csv, ".parquet": read_parquet, ".pq": read_parquet, ".xlsx": read_xlsx}


def read(path: str | Path) -> RawTable:
    """Read an activity file by its extension (``.csv``, ``.xlsx``, ``.parquet``).

    Raises
    ------
    InputError
        When the file is missing, of another type, or cannot be parsed at all.
    """
    path = Path(path)
    if not path.is_file():
        raise InputError([Problem(str(path), None, None, None, "no_file")])
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        raise InputError([Problem(str(path), None, None, None, "file_type",
                                  params={"allowed": ", ".join(sorted(READERS))})])
    return reader(path)
