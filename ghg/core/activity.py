"""Activity data: the input columns, and readers for CSV, Excel and Parquet.

:func:`open_source` checks a file's header and returns a :class:`Source` whose
:meth:`Source.batches` yields its rows as Arrow arrays, unconverted (text stays text;
CSV and Excel cells are all read as text), a bounded number of rows at a time, while
the file's SHA-256 is computed alongside. Conversion and checks are in
:mod:`ghg.core.validation`.
"""

from __future__ import annotations

import csv
import io
import itertools
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import nullcontext
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

from ghg.core.errors import InputError, Problem
from ghg.core.hashing import sha256_file

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

#: Columns every record must have.
REQUIRED_COLUMNS = ("enterprise", "facility", "year", "source_category", "activity", "quantity", "unit")
#: Columns a record may have.
OPTIONAL_COLUMNS = (
    "period",
    "ipcc_category",
    "technology",
    "energy_basis",
    "ncv",
    "ncv_unit",
    "carbon_content",
    "carbon_content_unit",
    "density",
    "density_unit",
    "oxidation_factor",
    "fraction_calcined",
    "balance",
    "direction",
    "instrument",
    "supplier",
    "supplier_factor",
    "supplier_factor_unit",
    "supplier_fuel",
    "boiler_efficiency",
    "steam_enthalpy",
    "steam_enthalpy_unit",
    "evidence",
    "uncertainty",
)
INPUT_COLUMNS = REQUIRED_COLUMNS + OPTIONAL_COLUMNS
#: The sheet read from an Excel workbook when it exists (else the first sheet).
EXCEL_SHEET = "activity"
#: Rows per batch: bounds the memory of the job whatever the size of the file.
BATCH_ROWS = 1 << 20

Columns = dict[str, pa.Array]


@dataclass
class Source:
    """One input file being read.

    ``row_base`` is added to a 0-based record index to give the row number shown to
    users: 2 for CSV and Excel (the header is row 1), 1 for Parquet (record number).
    ``sha256`` and ``n_rows`` are known once the batches have been read.
    """

    path: Path
    kind: str
    header: list[str]
    row_base: int
    sheet: str | None = None
    problems: list[Problem] = field(default_factory=list)
    n_rows: int = 0
    expected_rows: int = 0
    row_problems: list[Problem] = field(default_factory=list)
    _sha256: str | None = None
    _hashing: Future[str] | None = None
    _rows: list[tuple[object, ...]] | None = None
    #: Columns every record has without the file holding them (a hive partition's ``year=``/``enterprise=``).
    constants: dict[str, str] = field(default_factory=dict)
    #: The name recorded on result lines (default: the file name; a dataset's path inside the dataset).
    label: str = ""

    @property
    def name(self) -> str:
        return str(self.path)

    @property
    def shown_name(self) -> str:
        """The file's name on result lines and receipts."""
        return self.label or self.path.name

    @property
    def sha256(self) -> str:
        if self._sha256 is None:
            self._sha256 = self._hashing.result() if self._hashing else sha256_file(self.path)
        return self._sha256

    def batches(self, rows: int = BATCH_ROWS, background: bool = True) -> Iterator[Columns]:
        """Yield the file's columns, ``rows`` records at a time (hashing the file meanwhile in a thread,
        or first when ``background`` is false: a small file gains nothing from a thread)."""
        with ThreadPoolExecutor(max_workers=1) if background else nullcontext() as pool:
            self._hashing = None if pool is None else pool.submit(sha256_file, self.path)
            if pool is None:
                self._sha256 = sha256_file(self.path)
            self.n_rows = 0
            for batch in self._read(rows):
                self.n_rows += len(next(iter(batch.values()))) if batch else 0
                yield batch
            if self._hashing is not None:
                self._sha256 = self._hashing.result()

    def _read(self, rows: int) -> Iterator[Columns]:
        for batch in self._read_file(rows):
            n = len(next(iter(batch.values()))) if batch else 0
            for name, value in self.constants.items():
                if name not in batch:  # one dictionary entry, not n copies of the text
                    batch[name] = pa.DictionaryArray.from_arrays(pa.array(np.zeros(n, dtype=np.int32)), [value])
            yield batch

    def _read_file(self, rows: int) -> Iterator[Columns]:
        if self.kind == "parquet":
            file = pq.ParquetFile(self.path, memory_map=False)
            text = [f.name for f in file.schema_arrow if pa.types.is_string(f.type) or pa.types.is_large_string(f.type)]
            # read, not mapped: the pages of a mapped file count as the process's memory, growing with the file
            file = pq.ParquetFile(self.path, memory_map=False, read_dictionary=text)
            for batch in file.iter_batches(batch_size=rows, columns=self.header):
                yield {name: batch.column(i) for i, name in enumerate(batch.schema.names)}
        elif self.kind == "csv":
            reader = pacsv.open_csv(
                self.path,
                read_options=pacsv.ReadOptions(
                    column_names=self.header, skip_rows=1, encoding="utf8", block_size=1 << 24
                ),
                convert_options=pacsv.ConvertOptions(
                    column_types={h: pa.string() for h in self.header},
                    strings_can_be_null=False,
                    quoted_strings_can_be_null=False,
                ),
            )
            pending: list[pa.RecordBatch] = []
            size = 0
            for batch in reader:
                pending.append(batch)
                size += batch.num_rows
                if size >= rows:
                    yield _columns(pending)
                    pending, size = [], 0
            if pending:
                yield _columns(pending)
        else:
            assert self._rows is not None
            for start in range(0, len(self._rows), rows):
                chunk = self._rows[start : start + rows]
                yield {
                    name: pa.array([_cell_text(r[j]) if j < len(r) else "" for r in chunk], pa.string())
                    for j, name in enumerate(self.header)
                }

    def take(self, indices: list[int]) -> list[dict[str, object]]:
        """Re-read the records at 0-based ``indices`` as plain values (for exact comparisons)."""
        wanted = sorted(set(indices))
        out: dict[int, dict[str, object]] = {}
        offset = 0
        for batch in self._read(BATCH_ROWS):
            n = len(next(iter(batch.values())))
            here = [i for i in wanted if offset <= i < offset + n]
            for i in here:
                out[i] = {name: col[i - offset].as_py() for name, col in batch.items()}
            offset += n
        return [out[i] for i in indices]


def _columns(batches: list[pa.RecordBatch]) -> Columns:
    table = pa.Table.from_batches(batches).combine_chunks()
    return {
        name: table.column(name).chunk(0) if table.column(name).num_chunks else pa.array([], pa.string())
        for name in table.column_names
    }


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value).upper()  # TRUE/FALSE: not a number, reported as such
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    text = str(value)
    if isinstance(value, float) and "e" not in text and "n" not in text:
        # a number cell is never ambiguous (4.125 is not a thousands group), nor evidence of how the file's text
        # writes numbers: its exact value is passed on in a form no text convention matches
        return text + "e0"
    return text


def _check_header(path: Path, header: list[str], sheet: str | None, row: int | None) -> list[Problem]:
    problems = []
    seen: set[str] = set()
    for name in header:
        if name in seen:
            problems.append(Problem(str(path), row, name, None, "duplicate_column", sheet))
        seen.add(name)
        if name not in INPUT_COLUMNS:
            problems.append(
                Problem(str(path), row, name, None, "unknown_column", sheet, {"allowed": ", ".join(INPUT_COLUMNS)})
            )
    for name in REQUIRED_COLUMNS:
        if name not in seen:
            problems.append(Problem(str(path), row, name, None, "missing_column", sheet))
    return problems


def _unreadable(path: Path, exc: Exception) -> InputError:
    return InputError([Problem(str(path), None, None, None, "unreadable", params={"detail": str(exc)[:300]})])


#: A workbook that expands to more than this when opened is refused before it is expanded [bytes].
MAX_XLSX_BYTES = 256 * 1024 * 1024
#: A text cell of a workbook longer than this is refused (no work grows with a long cell).
MAX_CELL = 10_000
#: Rows searched for a header that is not on row 1.
TITLE_ROWS = 10


def _not_utf8(path: Path) -> InputError:
    """The first byte that is not UTF-8, with its row and column (the row as a record's row number)."""
    with path.open("rb") as f:
        for number, line in enumerate(f, start=1):
            try:
                line.decode("utf-8")
            except UnicodeDecodeError as exc:
                byte = f"0x{line[exc.start]:02X}"
                params = {"byte": byte, "position": exc.start + 1}
                return InputError([Problem(str(path), number, None, None, "not_utf8", params=params)])
    return InputError([Problem(str(path), None, None, None, "not_utf8", params={"byte": "?", "position": "?"})])


def _title_rows(path: Path, rows: list[list[str]], sheet: str | None) -> Problem | None:
    """The header further down (title rows above it), if row 1 is not it."""
    for i, row in enumerate(rows[1:TITLE_ROWS], start=2):
        names = {str(v).strip() for v in row if v not in (None, "")}
        if set(REQUIRED_COLUMNS) <= names:
            return Problem(str(path), 1, None, None, "title_rows", sheet, {"header": i})
    return None


def _open_csv(path: Path) -> Source:
    with path.open("rb") as f:
        start = f.read(4)
    if not start.strip():
        raise InputError([Problem(str(path), None, None, None, "empty_file")])
    if start.startswith(b"PK\x03\x04"):
        raise InputError([Problem(str(path), None, None, None, "xlsx_named_csv")])
    with path.open(encoding="utf-8-sig", newline="") as f:
        try:
            first = list(itertools.islice(csv.reader(f), TITLE_ROWS))
        except UnicodeDecodeError:
            raise _not_utf8(path) from None
    header = [h.strip() for h in (first[0] if first else [])]
    if len(header) == 1:
        for delimiter in (";", "\t", "|"):
            if delimiter in header[0]:
                shown = "TAB" if delimiter == "\t" else delimiter
                raise InputError([Problem(str(path), 1, None, None, "delimiter", params={"delimiter": shown})])
    if not set(REQUIRED_COLUMNS) & set(header):
        moved = _title_rows(path, first, None)
        if moved is not None:
            raise InputError([moved])
    header = [h.strip() for h in header]  # the names are given to Arrow explicitly: a BOM never reaches them
    source = Source(path, "csv", header, 2, problems=_check_header(path, header, None, 1))
    with path.open("rb") as f:  # an estimate for progress only: the mean line length of the first MiB
        head = f.read(1 << 20)
    source.expected_rows = max(int(path.stat().st_size / max(len(head) / max(head.count(b"\n"), 1), 1)) - 1, 1)
    return source


def _open_parquet(path: Path) -> Source:
    try:
        schema = pq.read_schema(path)
    except (pa.ArrowInvalid, OSError) as exc:
        raise _unreadable(path, exc) from None
    header = list(schema.names)
    source = Source(path, "parquet", header, 1, problems=_check_header(path, header, None, None))
    source.expected_rows = pq.ParquetFile(path).metadata.num_rows
    return source


def _open_xlsx(path: Path) -> list[Source]:
    """One source per data sheet: the ``activity`` sheet (else the first) of a plain workbook, every data
    sheet of a ``ghg template`` workbook (its label row and example marks handled)."""
    from openpyxl import load_workbook

    from ghg.core import template

    data = path.read_bytes()
    _check_package(path, data)
    try:
        values = load_workbook(io.BytesIO(data), data_only=True)
        formulas = load_workbook(io.BytesIO(data), data_only=False)
    except Exception as exc:  # openpyxl raises many kinds for a file that is not a workbook
        raise _unreadable(path, exc) from None
    is_template = template.MARKER_SHEET in values.sheetnames
    if is_template:
        names = [n for n in values.sheetnames if n not in template.NOT_DATA]
    else:
        names = [EXCEL_SHEET if EXCEL_SHEET in values.sheetnames else values.sheetnames[0]]
        _check_sheet_choice(path, values, names[0])
    hidden = [n for n in names if values[n].sheet_state != "visible"]
    if hidden:
        raise InputError([Problem(str(path), None, None, None, "hidden_sheet", n, {"sheet": n}) for n in hidden])
    first = template.FIRST_DATA_ROW if is_template else 2
    sources = []
    for name in names:
        sheet, raw = values[name], formulas[name]
        rows = [list(r) for r in sheet.iter_rows(values_only=True)]
        if not rows or all(v in (None, "") for v in rows[0]):
            if not is_template:
                sources.append(
                    Source(path, "xlsx", [], first, name, [Problem(str(path), 1, None, None, "empty_sheet", name)])
                )
            continue
        width = len(rows[0])
        while width and rows[0][width - 1] in (None, ""):
            width -= 1
        header = ["" if v is None else str(v).strip() for v in rows[0][:width]]
        if not is_template and not set(REQUIRED_COLUMNS) & set(header):
            moved = _title_rows(path, [[("" if v is None else str(v)) for v in r] for r in rows[:TITLE_ROWS]], name)
            if moved is not None:
                raise InputError([moved])
        body = [r[:width] for r in rows[first - 1 :]]
        while body and all(v in (None, "") for v in body[-1]):
            body.pop()  # trailing empty rows that Excel keeps formatted
        if is_template and not body:
            continue  # a sheet the enterprise has nothing for
        problems = _sheet_problems(path, name, sheet, raw, first, len(body), width)
        marked = header.index(template.EXAMPLE_COLUMN) if template.EXAMPLE_COLUMN in header else None
        if marked is not None:
            for i, row in enumerate(body):
                if row[marked] not in (None, ""):
                    problems.append(
                        Problem(str(path), i + first, template.EXAMPLE_COLUMN, str(row[marked]), "example_row", name)
                    )
            header = header[:marked] + header[marked + 1 :]
            body = [r[:marked] + r[marked + 1 :] for r in body]
        source = Source(path, "xlsx", header, first, name, _check_header(path, header, name, 1))
        source.row_problems = problems
        source._rows = [tuple(r) for r in body]
        source.expected_rows = len(body)
        sources.append(source)
    if not sources:
        sources.append(Source(path, "xlsx", [], first, None, [Problem(str(path), None, None, None, "no_records")]))
    return sources


def _sheet_problems(
    path: Path, name: str, sheet: Worksheet, raw: Worksheet, first: int, n: int, width: int
) -> list[Problem]:
    """Merged cells in the data area, formulas (with or without a calculated value), hidden rows and cells too
    long to be a value, by cell."""
    problems = []
    last = first + n - 1
    for merged in sheet.merged_cells.ranges:
        if merged.max_row >= first and merged.min_row <= max(last, first):
            problems.append(Problem(str(path), merged.min_row, None, str(merged), "merged_cells", name))
    for number, dimension in sheet.row_dimensions.items():
        if dimension.hidden and first <= number <= last:
            problems.append(Problem(str(path), number, None, None, "hidden_row", name))
    for row in raw.iter_rows(min_row=first, max_row=max(last, first), max_col=width):
        for cell in row:
            if isinstance(cell.value, str) and cell.value.startswith("="):
                cached = sheet.cell(cell.row, cell.column).value
                code = "formula_no_value" if cached is None else "formula"
                params: dict[str, object] = {} if cached is None else {"formula": cell.value[:60]}
                problems.append(Problem(str(path), cell.row, None, cell.coordinate, code, name, params))
            elif isinstance(cell.value, str) and len(cell.value) > MAX_CELL:
                long = {"length": f"{len(cell.value):,}", "limit": f"{MAX_CELL:,}"}
                problems.append(Problem(str(path), cell.row, None, cell.coordinate, "cell_too_long", name, dict(long)))
    return problems


def _check_package(path: Path, data: bytes) -> None:
    """Refuse what is not a plain workbook before it is expanded: another kind of file, a workbook that
    expands beyond :data:`MAX_XLSX_BYTES`, macros, links to other files."""
    import zipfile

    if not data.startswith(b"PK\x03\x04"):
        kind = "empty" if not data.strip() else "text (CSV?)" if _looks_like_text(data) else "another format"
        raise InputError([Problem(str(path), None, None, None, "not_xlsx", params={"actual": kind})])
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            members = package.infolist()
    except zipfile.BadZipFile as exc:
        raise _unreadable(path, exc) from None
    expanded = sum(m.file_size for m in members)
    if expanded > MAX_XLSX_BYTES:
        params: dict[str, object] = {"size": f"{expanded / 2**20:,.0f}", "limit": f"{MAX_XLSX_BYTES / 2**20:,.0f}"}
        raise InputError([Problem(str(path), None, None, None, "too_large", params=params)])
    names = [m.filename.lower() for m in members]
    if any(n.endswith("vbaproject.bin") for n in names):
        raise InputError([Problem(str(path), None, None, None, "macros")])
    if any(n.startswith("xl/externallinks/") for n in names):
        raise InputError([Problem(str(path), None, None, None, "external_links")])


def _looks_like_text(data: bytes) -> bool:
    try:
        data[:4096].decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _check_sheet_choice(path: Path, book: Any, chosen: str) -> None:
    """A plain workbook whose chosen sheet has no header of the input format while another sheet has one."""

    def header_of(name: str) -> set[str]:
        first = next(book[name].iter_rows(max_row=1, values_only=True), ())
        return {str(v).strip() for v in first if v not in (None, "")}

    if set(REQUIRED_COLUMNS) & header_of(chosen):
        return
    for name in book.sheetnames:
        if name != chosen and set(REQUIRED_COLUMNS) <= header_of(name):
            params = {"first": chosen, "found": name}
            raise InputError([Problem(str(path), 1, None, None, "wrong_sheet", chosen, params)])


OPENERS: dict[str, Callable[[Path], Source | list[Source]]] = {
    ".csv": _open_csv,
    ".parquet": _open_parquet,
    ".pq": _open_parquet,
    ".xlsx": _open_xlsx,
}


def open_sources(path: str | Path) -> list[Source]:
    """Open an activity file by its extension (``.csv``, ``.xlsx``, ``.parquet``) and check its header.

    A workbook made from the template gives one source per filled data sheet. Header problems
    (unknown, missing or repeated columns) are in ``Source.problems``; problems of single rows found
    while opening (example rows, merged cells, formulas without a value) in ``Source.row_problems``.

    Raises
    ------
    InputError
        When the file is missing, of another type, or cannot be parsed at all.
    """
    path = Path(path)
    if not path.is_file():
        raise InputError([Problem(str(path), None, None, None, "no_file")])
    if path.stat().st_size == 0:
        raise InputError([Problem(str(path), None, None, None, "empty_file")])
    opener = OPENERS.get(path.suffix.lower())
    if opener is None:
        raise InputError(
            [Problem(str(path), None, None, None, "file_type", params={"allowed": ", ".join(sorted(OPENERS))})]
        )
    opened = opener(path)
    return opened if isinstance(opened, list) else [opened]
