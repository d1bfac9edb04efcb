"""Check and convert activity records batch by batch, collecting every problem of a file.

Text columns become dictionary codes (:class:`Text`): each check runs once per
distinct value (and is remembered across batches), and a row mask is only built when
some distinct value fails. Exact duplicate records are found across the whole file
from a 64-bit hash per row; candidates are re-read and compared value by value, so a
hash collision never flags a row.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from ghg.core import units
from ghg.core.activity import INPUT_COLUMNS, Columns, Source
from ghg.core.errors import Problem, UnitError
from ghg.core.vocabulary import EnergyBasis, SourceCategory
from ghg.pathways.uncertainty import parse_declared

#: Earliest reporting year accepted (the UNFCCC base year).
FIRST_YEAR = 1990
#: At most this many problems are kept per file, check and column; the rest are counted.
KEPT_PER_CHECK = 200
#: Quantity kinds, in the order of their codes in :attr:`ActivityTable.kind`.
KINDS = ("mass", "volume", "energy", "normal_volume")

_ID = re.compile(r"^[^\W_][\w.\-]{0,63}$")
_IPCC = re.compile(r"^[1-5](\.[A-H](\.[0-9]{1,2}(\.[a-z](\.[ivx]{1,4})?)?)?)?$")
_PERIOD = re.compile(r"^(?P<year>[0-9]{4})(-(0[1-9]|1[0-2])|-Q[1-4]|-H[12])?$")
_TECHNOLOGY = re.compile(r"^[a-z0-9_]{1,64}$")
_EVIDENCE = re.compile(r"^[^\x00-\x1f\x7f]{0,500}$")
_NUMBER = r"^[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?$"
#: With ``--decimal-mark ,``: 1234,5 or 1.234,5 (``.`` only between groups of three digits).
_NUMBER_COMMA = r"^[+-]?([0-9]{1,3}(\.[0-9]{3})+|[0-9]+)(,[0-9]+)?$"
#: One separator followed by exactly three digits, not after a lone zero: 4.200 may be 4.2 or 4200.
_AMBIGUOUS = r"^[+-]?[1-9][0-9]{0,2}[.][0-9]{3}$"
#: A '.' that can only be a decimal mark: 96.5, 0.125, 1.2500 (a fractional part not of three digits, or 0.).
_DOT_DECIMAL = r"^[+-]?([0-9]*\.([0-9]{1,2}|[0-9]{4,})|0\.[0-9]+)$"
#: A label of a total or subtotal row (English, Vietnamese); "Tổng công ty" (a corporation) is no total.
_TOTAL = r"(?i)^\s*(((grand|sub)[ _-]?)?totals?([^a-z]|$)|(tổng cộng|tổng số|tổng|cộng)(\s|:|$))"
_NOT_TOTAL = r"(?i)^\s*tổng công ty"
#: The smallest normal binary64 number: a smaller non-zero quantity is a typing or unit error.
_TINY = 2.2250738585072014e-308

#: Measured properties: value column, unit column, and {canonical unit: stored name}.
MEASURED = {
    "ncv": ("ncv_unit", {"TJ/t": "ncv_tj_per_t", "TJ/Nm3": "ncv_tj_per_nm3"}),
    "carbon_content": (
        "carbon_content_unit",
        {"t CO2/TJ": "carbon_co2_per_tj", "t CO2/t": "carbon_co2_per_t", "t CO2/Nm3": "carbon_co2_per_nm3"},
    ),
    "density": ("density_unit", {"t/m3": "density_t_per_m3"}),
    "supplier_factor": ("supplier_factor_unit", {"t CO2/TJ": "supplier_co2_per_tj", "t CO2/t": "supplier_co2_per_t"}),
    "steam_enthalpy": ("steam_enthalpy_unit", {"TJ/t": "steam_tj_per_t"}),
}
TEXT_COLUMNS = (
    "enterprise",
    "facility",
    "period",
    "source_category",
    "activity",
    "unit",
    "ipcc_category",
    "technology",
    "energy_basis",
    "balance",
    "direction",
    "instrument",
    "supplier",
    "supplier_fuel",
    "ncv_unit",
    "carbon_content_unit",
    "density_unit",
    "supplier_factor_unit",
    "steam_enthalpy_unit",
    "evidence",
    "uncertainty",
)


@dataclass
class Text:
    """A text column as dictionary codes: ``categories[codes]``, code -1 for missing.

    Categories are stripped of surrounding white space, unique and never empty.
    """

    codes: np.ndarray
    categories: np.ndarray

    def values(self) -> np.ndarray:
        """Per-row strings ('' for missing): for small tables and messages only."""
        return np.take(np.append(self.categories, "").astype(object), self.codes)

    def value(self, i: int) -> str | None:
        code = int(self.codes[i])
        return None if code < 0 else str(self.categories[code])

    def take(self, index: np.ndarray) -> Text:
        return Text(self.codes[index], self.categories)


_Decoded = tuple[pa.Array, np.ndarray, np.ndarray | None]


def text_of(
    column: pa.Array | pa.ChunkedArray | None, n: int, cache: dict[str, _Decoded] | None = None, name: str = ""
) -> Text:
    """Dictionary-encode an Arrow column (dictionary columns are reused as they are).

    With a ``cache``, a dictionary equal to the previous batch's is not decoded again.
    """
    if column is None:
        return Text(np.broadcast_to(np.int32(-1), (n,)), np.array([], dtype=object))
    if isinstance(column, pa.ChunkedArray):
        column = column.combine_chunks() if column.num_chunks != 1 else column.chunk(0)
    if not pa.types.is_dictionary(column.type):
        column = pc.dictionary_encode(column)
    indices = column.indices
    if indices.null_count:
        indices = pc.fill_null(indices, -1)
    codes = indices.to_numpy(zero_copy_only=False).astype(np.int32, copy=False)
    if cache is not None and name in cache and cache[name][0].equals(column.dictionary):
        _, categories, remap_cached = cache[name]
        return Text(codes if remap_cached is None else np.take(remap_cached, codes), categories)
    categories, remap_or_none = _decode(column.dictionary)
    if cache is not None:
        cache[name] = (column.dictionary, categories, remap_or_none)
    return Text(codes if remap_or_none is None else np.take(remap_or_none, codes), categories)


def _decode(dictionary: pa.Array) -> tuple[np.ndarray, np.ndarray | None]:
    """Stripped, unique, non-empty categories of a dictionary, and the code remap (None: identity)."""
    raw = [str(v).strip() if v is not None else "" for v in dictionary.to_pylist()]
    categories, inverse = np.unique(np.array(raw, dtype=object).astype(str), return_inverse=True)
    remap = np.append(inverse, -1).astype(np.int32)
    categories = categories.astype(object)
    empty = np.flatnonzero(categories == "")
    if len(empty):
        remap = np.where(remap == empty[0], -1, remap - (remap > empty[0])).astype(np.int32)
        categories = np.delete(categories, empty[0])
    if len(categories) == len(raw) and np.array_equal(remap[:-1], np.arange(len(raw))):
        return categories, None
    return categories, remap


@dataclass
class ActivityTable:
    """Checked activity records (a batch, or several concatenated), as arrays in canonical units.

    ``amount`` is the quantity in the canonical unit of its ``kind`` (t, m3, TJ or Nm3);
    ``measured`` holds the measured properties present in the data, in canonical units
    (``ncv_tj_per_t``, ``ncv_tj_per_nm3``, ``carbon_co2_per_tj`` [t CO2/TJ],
    ``carbon_co2_per_t`` [t CO2/t], ``density_t_per_m3``), NaN where a row has none.
    ``row`` is the row number shown to users and ``file_index`` indexes ``files``.
    """

    text: dict[str, Text]
    year: np.ndarray
    quantity: np.ndarray
    amount: np.ndarray
    kind: np.ndarray
    row: np.ndarray
    file_index: np.ndarray
    files: list[Source]
    measured: dict[str, np.ndarray] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.year)

    def take(self, index: np.ndarray) -> ActivityTable:
        """The rows selected by a boolean mask or an index array."""
        return ActivityTable(
            {k: t.take(index) for k, t in self.text.items()},
            self.year[index],
            self.quantity[index],
            self.amount[index],
            self.kind[index],
            self.row[index],
            self.file_index[index],
            self.files,
            {k: v[index] for k, v in self.measured.items()},
        )


def concat(tables: list[ActivityTable]) -> ActivityTable:
    """Rows of several tables, text columns re-coded against the union of their categories."""
    if len(tables) == 1:
        return tables[0]
    text = {}
    for name in tables[0].text:
        union = np.unique(np.concatenate([t.text[name].categories for t in tables]).astype(str))
        parts = []
        for t in tables:
            col = t.text[name]
            lookup = np.append(np.searchsorted(union, col.categories.astype(str)), -1).astype(np.int32)
            parts.append(np.take(lookup, col.codes))
        text[name] = Text(np.concatenate(parts), union.astype(object))
    measured = {}
    for key in sorted({k for t in tables for k in t.measured}):
        measured[key] = np.concatenate([t.measured.get(key, np.full(len(t), np.nan)) for t in tables])
    arrays = {
        a: np.concatenate([getattr(t, a) for t in tables])
        for a in ("year", "quantity", "amount", "kind", "row", "file_index")
    }
    return ActivityTable(text, files=tables[0].files, measured=measured, **arrays)


class Collector:
    """The problems of one file, at most ``KEPT_PER_CHECK`` per check and column, the rest counted."""

    def __init__(self, source: Source) -> None:
        self.source = source
        self.problems: list[Problem] = list(source.problems)
        self.counts: Counter[tuple[str, str | None]] = Counter()
        #: Values like 4.200 (row, column, value), refused at the end unless another value settles the mark.
        self.ambiguous: list[tuple[int, str, str]] = []
        self.ambiguous_count = 0
        self.settled = False

    def add(self, index: int, column: str | None, code: str, value: str | None = None, **params: object) -> None:
        key = (code, column)
        self.counts[key] += 1
        if self.counts[key] <= KEPT_PER_CHECK:
            self.problems.append(
                Problem(
                    self.source.name,
                    index + self.source.row_base,
                    column,
                    _show(value),
                    code,
                    self.source.sheet,
                    dict(params),
                )
            )

    def rows(
        self,
        mask: np.ndarray,
        offset: int,
        column: str | None,
        code: str,
        value: Callable[[int], object] | None = None,
        flagged: np.ndarray | None = None,
        **params: object,
    ) -> None:
        """Report the rows of ``mask`` (batch positions; ``offset`` is the batch's first record)."""
        if not mask.any():
            return
        idx = np.flatnonzero(mask)
        if flagged is not None:
            flagged[idx] = True
        room = max(KEPT_PER_CHECK - self.counts[(code, column)], 0)
        for i in idx[:room]:
            self.add(offset + int(i), column, code, None if value is None else str(value(int(i))), **params)
        self.counts[(code, column)] += max(len(idx) - room, 0)

    def finish(self) -> list[Problem]:
        if self.ambiguous_count and not self.settled:
            for index, name, value in self.ambiguous:
                self.add(index, name, "number_ambiguous", value)
            self.counts[("number_ambiguous", self.ambiguous[0][1])] += self.ambiguous_count - len(self.ambiguous)
        for (code, column), count in sorted(self.counts.items(), key=lambda kv: (kv[0][0], kv[0][1] or "")):
            if count > KEPT_PER_CHECK:
                self.problems.append(
                    Problem(
                        self.source.name,
                        None,
                        column,
                        None,
                        "more_rows",
                        self.source.sheet,
                        {"count": count - KEPT_PER_CHECK, "code": code},
                    )
                )
        return self.problems


def _totals(categories: np.ndarray) -> np.ndarray:
    """Which distinct values label a total row (:data:`_TOTAL`), with Arrow's RE2 kernels (no Python per value)."""
    if not len(categories):
        return np.zeros(0, dtype=bool)
    values = pa.array(categories, pa.string())
    found = pc.and_(pc.match_substring_regex(values, _TOTAL), pc.invert(pc.match_substring_regex(values, _NOT_TOTAL)))
    return np.asarray(found.to_numpy(zero_copy_only=False), dtype=bool)


def _invisible(value: str) -> dict[str, object] | None:
    """The first character of ``value`` that cannot be seen (format, control or odd space), if any."""
    for position, char in enumerate(value, start=1):
        kind = unicodedata.category(char)
        if kind in ("Cf", "Cc", "Co", "Cn", "Zl", "Zp") or (kind == "Zs" and char != " "):
            name = unicodedata.name(char, "control character" if kind == "Cc" else "unnamed character")
            return {"point": f"U+{ord(char):04X}", "name": name, "position": position}
    return None


def _show(value: object) -> str | None:
    if value is None:
        return None
    text = str(value)
    return text if len(text) <= 80 else text[:77] + "..."


def numbers(column: pa.Array | None, n: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Parse a column as float64: (values, present, bad); ``bad`` marks present cells that are not a finite,
    normal number (infinite, NaN and denormal values are refused, as is ``1e400``, which overflows).

    Text must be a plain decimal number with '.' (``1234.5``, ``1.2e3``): ``1,5``, ``inf``
    and ``nan`` are not numbers here. See :func:`parse_numbers` for the decimal mark.
    """
    values, present, bad, _, _ = parse_numbers(column, n, ".")
    return values, present, bad


def parse_numbers(
    column: pa.Array | None, n: int, mark: str | None
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, bool]:
    """Parse a column as float64 with the decimal mark ``mark``: (values, present, bad, ambiguous, settled).

    ``mark`` is ``"."``, ``","`` (then ``.`` may only group thousands: ``1.234,5``) or ``None`` (undeclared:
    ``.`` is read as the decimal mark, but a text value whose only separator is followed by exactly three
    digits, such as ``4.200``, is marked ``ambiguous`` - in Vietnamese writing it is 4,200 -, and ``settled``
    says whether another value shows that ``.`` is the decimal mark: ``96.5``, ``0.125``). Numeric cells of
    Excel and Parquet are never ambiguous.
    """
    none = np.zeros(n, dtype=bool)
    if column is None:
        return np.full(n, np.nan), none, none, none, False
    if pa.types.is_dictionary(column.type):
        column = column.cast(column.type.value_type)
    kind = column.type
    if pa.types.is_integer(kind) or pa.types.is_floating(kind) or pa.types.is_decimal(kind):
        values = np.asarray(column.cast(pa.float64()).to_numpy(zero_copy_only=False), dtype=np.float64)
        present = pc.is_valid(column).to_numpy(zero_copy_only=False) if column.null_count else np.ones(n, dtype=bool)
        return values, present, present & ~_normal_number(values), none, False
    if not (pa.types.is_string(kind) or pa.types.is_large_string(kind)):
        present = pc.is_valid(column).to_numpy(zero_copy_only=False)
        return np.full(n, np.nan), present, present, none, False  # booleans, dates...: not numbers
    trimmed = pc.utf8_trim_whitespace(column)
    present = pc.fill_null(pc.not_equal(trimmed, ""), False)
    if mark == ",":
        valid = pc.fill_null(pc.match_substring_regex(trimmed, _NUMBER_COMMA), False)
        trimmed = pc.replace_substring(pc.replace_substring(trimmed, ".", ""), ",", ".")
    else:
        valid = pc.fill_null(pc.match_substring_regex(trimmed, _NUMBER), False)
    values = pc.cast(pc.if_else(valid, trimmed, pa.scalar(None, pa.string())), pa.float64())
    out = np.asarray(values.to_numpy(zero_copy_only=False), dtype=np.float64)
    present_np = present.to_numpy(zero_copy_only=False)
    valid_np = valid.to_numpy(zero_copy_only=False)
    bad = present_np & ~(valid_np & _normal_number(out))
    if mark is not None:
        return out, present_np, bad, none, False
    ambiguous = pc.fill_null(pc.match_substring_regex(trimmed, _AMBIGUOUS), False).to_numpy(zero_copy_only=False)
    settled = bool(pc.any(pc.fill_null(pc.match_substring_regex(trimmed, _DOT_DECIMAL), False)).as_py())
    return out, present_np, bad, ambiguous & ~bad, settled


def _normal_number(values: np.ndarray) -> np.ndarray:
    """Finite and not denormal (0 is fine)."""
    with np.errstate(invalid="ignore"):
        return np.isfinite(values) & ((values == 0) | (np.abs(values) >= _TINY))


_PRIME = np.int64(-7046029254386353131)  # 0x9E3779B97F4A7C15 as a signed 64-bit integer


class Checker:
    """Checks batches of records; remembers per-value results across batches and files."""

    def __init__(self, decimal_mark: str | None = None) -> None:
        self.decimal_mark = decimal_mark
        self.this_year = date.today().year
        self._patterns: dict[tuple[str, str], bool] = {}
        self._units: dict[tuple[str, str], tuple[float, int, str | None]] = {}
        self._bad: dict[str, tuple[np.ndarray, np.ndarray]] = {}
        self._decoded: dict[str, _Decoded] = {}
        self._hashes: dict[int, tuple[np.ndarray, np.ndarray]] = {}

    def encode(self, columns: Columns) -> tuple[dict[str, Text], np.ndarray]:
        """Dictionary codes of the text columns and each row's identity hash (safe to run ahead in a thread)."""
        n = len(next(iter(columns.values())))
        text = {name: text_of(columns.get(name), n, self._decoded, name) for name in TEXT_COLUMNS}
        return text, _row_hash(columns, text, n, self._hashes)

    def _numbers(
        self, col: Collector, columns: Columns, name: str, n: int, offset: int
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """A numeric column with the declared decimal mark; ambiguous values are kept for the file's end."""
        values, present, bad, ambiguous, settled = parse_numbers(columns.get(name), n, self.decimal_mark)
        col.settled |= settled
        if ambiguous.any():
            idx = np.flatnonzero(ambiguous)
            col.ambiguous_count += len(idx)
            raw = columns[name]
            for i in idx[: max(KEPT_PER_CHECK - len(col.ambiguous), 0)]:
                col.ambiguous.append((offset + int(i), name, str(raw[int(i)].as_py()).strip()))
        return values, present, bad

    def _report_values(
        self,
        col: Collector,
        offset: int,
        name: str,
        text: Text,
        bad: np.ndarray,
        code: str,
        params: dict[str, object],
        shown: Callable[[int], object],
        flagged: np.ndarray,
    ) -> None:
        """Rows whose value is bad, by the real cause: an invisible character (named with its code point), a
        near miss of an allowed value ("did you mean"), or the column's own rule."""
        rest = bad.copy()
        for i in np.flatnonzero(bad):
            value = str(text.categories[i])
            hidden = _invisible(value)
            near = None
            if hidden is None and code == "vocabulary":
                allowed = str(params["allowed"]).split(", ")
                near = difflib.get_close_matches(value.strip().lower(), allowed, n=1, cutoff=0.6)
            if hidden is None and not near:
                continue
            rest[i] = False
            rows = text.codes == i
            if hidden is not None:
                col.rows(rows, offset, name, "invisible_character", shown, flagged, **hidden)
            else:
                col.rows(rows, offset, name, "vocabulary_near", shown, flagged, near=(near or [""])[0], **params)
        if rest.any():
            col.rows(np.take(np.append(rest, False), text.codes), offset, name, code, shown, flagged, **params)

    # -- per distinct value -------------------------------------------------------------
    def _bad_values(self, column: str, text: Text, test: Callable[[str], bool]) -> np.ndarray:
        last = self._bad.get(column)
        if last is not None and last[0] is text.categories:
            return last[1]
        out = self._test_values(column, text, test)
        self._bad[column] = (text.categories, out)
        return out

    def _test_values(self, column: str, text: Text, test: Callable[[str], bool]) -> np.ndarray:
        out = np.zeros(len(text.categories), dtype=bool)
        for i, value in enumerate(text.categories):
            key = (column, value)
            ok = self._patterns.get(key)
            if ok is None:
                ok = test(value)
                if len(self._patterns) < 1_000_000:
                    self._patterns[key] = ok
            out[i] = not ok
        return out

    def _unit(self, column: str, unit: str, targets: tuple[str, ...]) -> tuple[float, int, str | None]:
        key = (column, unit)
        if key not in self._units:
            try:
                units.parse_unit(unit)
            except UnitError as exc:
                self._units[key] = (np.nan, -1, "unit_" + exc.reason)
            else:
                for k, target in enumerate(targets):
                    try:
                        self._units[key] = (units.factor_to(unit, target), k, None)
                        break
                    except UnitError:
                        continue
                else:
                    self._units[key] = (np.nan, -1, "unit_kind")
        return self._units[key]

    def _unit_arrays(
        self, col: Collector, offset: int, flagged: np.ndarray, column: str, text: Text, targets: dict[str, str]
    ) -> tuple[np.ndarray, np.ndarray]:
        """Per-row multiplier to the matching canonical unit and the index of that target (-1: none)."""
        mult = np.full(len(text.categories) + 1, np.nan)
        kind = np.full(len(text.categories) + 1, -1, dtype=np.int8)
        for i, unit in enumerate(text.categories):
            mult[i], kind[i], problem = self._unit(column, unit, tuple(targets.values()))
            if problem:
                col.rows(
                    text.codes == i, offset, column, problem, _constant(unit), flagged, expected=", ".join(targets)
                )
        return np.take(mult, text.codes), np.take(kind, text.codes)

    # -- a batch ----------------------------------------------------------------------------
    def check(
        self, col: Collector, columns: Columns, offset: int, file_index: int, text: dict[str, Text]
    ) -> tuple[ActivityTable, np.ndarray]:
        """Check and convert one batch (records ``offset`` onwards of the file).

        ``text`` is the batch's :meth:`encode`. Returns the table and the mask of rows
        with a problem of their own.
        """
        n = len(next(iter(columns.values())))
        flagged = np.zeros(n, dtype=bool)

        def shown(name: str) -> Callable[[int], object]:
            return lambda i: text[name].value(i)

        for name in ("enterprise", "facility", "source_category", "activity", "unit"):
            col.rows(text[name].codes < 0, offset, name, "required", flagged=flagged)
        checks: list[tuple[str, Callable[[str], bool], str, dict[str, object]]] = [
            ("enterprise", lambda v: _ID.match(v) is not None, "identifier", {}),
            ("facility", lambda v: _ID.match(v) is not None, "identifier", {}),
            ("ipcc_category", lambda v: _IPCC.match(v) is not None, "ipcc_category", {}),
            ("technology", lambda v: _TECHNOLOGY.match(v) is not None, "technology", {}),
            ("evidence", lambda v: _EVIDENCE.match(v) is not None, "evidence", {}),
            ("source_category", lambda v: v in _SOURCES, "vocabulary", {"allowed": ", ".join(_SOURCES)}),
            ("energy_basis", lambda v: v in _BASES, "vocabulary", {"allowed": ", ".join(_BASES)}),
            ("period", lambda v: _PERIOD.match(v) is not None, "period", {}),
            ("balance", lambda v: _ID.match(v) is not None, "identifier", {}),
            ("direction", lambda v: v in _DIRECTIONS, "vocabulary", {"allowed": ", ".join(_DIRECTIONS)}),
            ("instrument", lambda v: v in _INSTRUMENTS, "vocabulary", {"allowed": ", ".join(_INSTRUMENTS)}),
            ("supplier", lambda v: _ID.match(v) is not None, "identifier", {}),
            ("uncertainty", lambda v: parse_declared(v) is not None, "uncertainty_form", {}),
        ]
        for name, test, code, params in checks:
            bad = self._bad_values(name, text[name], test)
            if bad.any():
                self._report_values(col, offset, name, text[name], bad, code, params, shown(name), flagged)

        for name in ("facility", "activity", "technology", "period", "evidence"):  # a total row counts its rows again
            labelled = _totals(text[name].categories)
            if labelled.any():
                mask = np.take(np.append(labelled, False), text[name].codes)
                col.rows(mask, offset, name, "total_row", shown(name), flagged)

        raw_value = _raw_value(columns)
        year_f, present, bad = numbers(columns.get("year"), n)
        col.rows(~present, offset, "year", "required", flagged=flagged)
        year_column = columns.get("year")
        whole = year_column is not None and pa.types.is_integer(year_column.type)
        col.rows(
            bad if whole else bad | (present & (year_f != np.floor(year_f))),
            offset,
            "year",
            "year_integer",
            raw_value("year"),
            flagged,
        )
        col.rows(
            present & ((year_f < FIRST_YEAR) | (year_f > self.this_year)),
            offset,
            "year",
            "year_range",
            raw_value("year"),
            flagged,
            first=FIRST_YEAR,
            last=self.this_year,
        )
        year = np.where(present & ~bad, year_f, 0).astype(np.int32)
        period = text["period"]
        if len(period.categories):
            pyear = np.array([int(v[:4]) if _PERIOD.match(v) else -1 for v in period.categories] + [-1], dtype=np.int32)
            pyear = np.take(pyear, period.codes)
            col.rows((pyear > 0) & (pyear != year), offset, "period", "period_year", shown("period"), flagged)

        supplier = text["supplier"]
        if len(supplier.categories):  # energy made and used on site is Scope 1 (its fuel), never Scope 2
            rows = np.flatnonzero(supplier.codes >= 0)
            same = supplier.values()[rows] == text["enterprise"].values()[rows]
            scope_2 = np.isin(text["source_category"].values()[rows], _SCOPE_2)
            mask = np.zeros(n, dtype=bool)
            mask[rows[same & scope_2]] = True
            col.rows(mask, offset, "supplier", "on_site", shown("supplier"), flagged)
        if "supplier_factor" in columns:  # on electricity a supplier's factor is a claim: only with an instrument
            given, _, _ = numbers(columns["supplier_factor"], n)
            electricity = text["source_category"].values() == SourceCategory.PURCHASED_ELECTRICITY.value
            col.rows(
                ~np.isnan(given) & electricity & (text["instrument"].codes < 0),
                offset,
                "supplier_factor",
                "supplier_factor_without_instrument",
                raw_value("supplier_factor"),
                flagged,
            )
        if len(text["balance"].categories) or len(text["direction"].categories):
            has_balance, has_direction = text["balance"].codes >= 0, text["direction"].codes >= 0
            col.rows(has_balance & ~has_direction, offset, "direction", "balance_direction", flagged=flagged)
            col.rows(has_direction & ~has_balance, offset, "balance", "balance_direction", flagged=flagged)

        quantity, present, bad = self._numbers(col, columns, "quantity", n, offset)
        col.rows(~present, offset, "quantity", "quantity_missing", flagged=flagged)
        col.rows(bad, offset, "quantity", "number", raw_value("quantity"), flagged)
        col.rows((quantity < 0) & ~bad, offset, "quantity", "negative", raw_value("quantity"), flagged)
        targets = {kind: units.CANONICAL[kind] for kind in KINDS}
        multiplier, kind = self._unit_arrays(col, offset, flagged, "unit", text["unit"], targets)
        amount = quantity * multiplier

        measured: dict[str, np.ndarray] = {}
        for name in ("fraction_calcined", "oxidation_factor", "boiler_efficiency"):
            if name not in columns:
                continue
            fraction, present, bad = self._numbers(col, columns, name, n, offset)
            col.rows(bad, offset, name, "number", raw_value(name), flagged)
            outside = present & ~bad & ~((fraction > 0) & (fraction <= 1))
            col.rows(outside, offset, name, "fraction_range", raw_value(name), flagged, field=name)
            if present.any():
                measured[name] = np.where(present & ~bad, fraction, np.nan)
        for prop, (unit_col, canon) in MEASURED.items():
            if prop not in columns and unit_col not in columns:
                continue
            value, present, bad = self._numbers(col, columns, prop, n, offset)
            has_unit = text[unit_col].codes >= 0
            col.rows(bad, offset, prop, "number", raw_value(prop), flagged)
            floor_ok = value >= 0 if prop == "supplier_factor" else value > 0  # a renewable PPA may be 0
            col.rows(present & ~bad & ~floor_ok, offset, prop, "positive", raw_value(prop), flagged)
            col.rows(present & ~has_unit, offset, unit_col, "measured_unit_missing", flagged=flagged, prop=prop)
            col.rows(~present & has_unit, offset, prop, "measured_value_missing", flagged=flagged, unit_col=unit_col)
            if not present.any():
                continue
            mult, pkind = self._unit_arrays(
                col, offset, flagged, unit_col, text[unit_col], dict(zip(canon, canon, strict=True))
            )
            for k, key in enumerate(canon.values()):
                measured[key] = np.where(present & (pkind == k), value * mult, np.nan)

        rows = np.arange(offset + col.source.row_base, offset + col.source.row_base + n, dtype=np.int64)
        table = ActivityTable(
            text, year, quantity, amount, kind, rows, np.full(n, file_index, dtype=np.int16), [col.source], measured
        )
        return table, flagged

    def duplicates(self, col: Collector, identity: np.ndarray, repeated: np.ndarray) -> bool:
        """Report the exact duplicate records of a whole file among the rows whose hash is ``repeated``.

        Candidates are re-read and compared value by value; True if any is a duplicate.
        """
        candidates = np.flatnonzero(np.isin(identity, repeated))
        records = col.source.take([int(i) for i in candidates])
        first_of: dict[tuple[object, ...], int] = {}
        found = False
        for i, rec in zip(candidates, records, strict=True):
            key = tuple(_normal(rec.get(c)) for c in INPUT_COLUMNS)
            if key in first_of:
                col.add(int(i), None, "duplicate_row", first=first_of[key] + col.source.row_base)
                found = True
            else:
                first_of[key] = int(i)
        return found


def repeated(identities: list[np.ndarray]) -> np.ndarray:
    """The row hashes that occur more than once across a file's batches (one sort)."""
    if sum(len(i) for i in identities) < 2:
        return np.zeros(0, dtype=np.int64)
    ordered = np.sort(np.concatenate(identities))
    return np.unique(ordered[1:][ordered[1:] == ordered[:-1]])


_SOURCES = [c.value for c in SourceCategory]
_DIRECTIONS = ["in", "out"]
_SCOPE_2 = [SourceCategory.PURCHASED_ELECTRICITY.value, SourceCategory.PURCHASED_HEAT.value]
#: Contractual instruments of market-based Scope 2 (GHG Protocol Scope 2 Guidance, 2015).
_INSTRUMENTS = ["supplier_specific", "ppa", "certificate"]
_BASES = [b.value for b in EnergyBasis]


def _constant(value: str) -> Callable[[int], object]:
    return lambda _row: value


def normal_value(value: object) -> object:
    """A cell's value as compared between records (text stripped, numbers as floats)."""
    return _normal(value)


def _normal(value: object) -> object:
    return value.strip() if isinstance(value, str) else value


def _raw_value(columns: Columns) -> Callable[[str], Callable[[int], object]]:
    def for_column(name: str) -> Callable[[int], object]:
        column = columns.get(name)
        return lambda i: None if column is None else column[i].as_py()

    return for_column


def _hash_table(categories: np.ndarray, cache: dict[int, tuple[np.ndarray, np.ndarray]]) -> np.ndarray:
    """Hash of every category (and 0 for missing); Python's str hash is stable within a process."""
    hit = cache.get(id(categories))
    if hit is not None and hit[0] is categories:
        return hit[1]
    table = np.array([hash(v) for v in categories] + [0], dtype=np.int64)
    if len(cache) > 64:
        cache.clear()
    cache[id(categories)] = (categories, table)
    return table


def _row_hash(
    columns: Columns, text: dict[str, Text], n: int, cache: dict[int, tuple[np.ndarray, np.ndarray]]
) -> np.ndarray:
    """A 64-bit hash per row of every input column's value (equal records hash equal)."""
    key = np.zeros(n, dtype=np.int64)  # integer overflow wraps: intended
    for name in INPUT_COLUMNS:
        if name not in columns:
            continue
        if name in text:
            t = text[name]
            part = np.take(_hash_table(t.categories, cache), t.codes)
        else:
            column = columns[name]
            if pa.types.is_dictionary(column.type):
                column = column.cast(column.type.value_type)
            if pa.types.is_integer(column.type) or pa.types.is_floating(column.type):
                part = np.asarray(column.cast(pa.float64()).to_numpy(zero_copy_only=False), dtype=np.float64)
                part = part.view(np.int64)
            else:
                t = text_of(column, n)
                part = np.take(_hash_table(t.categories, {}), t.codes)
        key *= _PRIME
        key ^= part
    return key
