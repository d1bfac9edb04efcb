"""Check and convert activity records batch by batch, collecting every problem of a file.

Text columns become dictionary codes (:class:`Text`): each check runs once per
distinct value (and is remembered across batches), and a row mask is only built when
some distinct value fails. Exact duplicate records are found across the whole file
from a 64-bit hash per row; candidates are re-read and compared value by value, so a
hash collision never flags a row.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from ghg.core.activity import Source
from ghg.core.errors import Problem

#: Earliest reporting year accepted (the UNFCCC base year).
FIRST_YEAR = 1990
#: At most this many problems are kept per file, check and column; the rest are counted.
KEPT_PER_CHECK = 200
#: Quantity kinds, in the order of their codes in :attr:`ActivityTable.kind`.
KINDS = ("mass", "volume", "energy", "normal_volume")

IDENTIFIER = re.compile(r"^[^\W_][\w.\-]{0,63}$")
IPCC = re.compile(r"^[1-5](\.[A-H](\.[0-9]{1,2}(\.[a-z](\.[ivx]{1,4})?)?)?)?$")
PERIOD = re.compile(r"^(?P<year>[0-9]{4})(-(0[1-9]|1[0-2])|-Q[1-4]|-H[12])?$")
TECHNOLOGY = re.compile(r"^[a-z0-9_]{1,64}$")
EVIDENCE = re.compile(r"^[^\x00-\x1f\x7f]{0,500}$")
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


Decoded = tuple[pa.Array, np.ndarray, np.ndarray | None]


def text_of(
    column: pa.Array | pa.ChunkedArray | None, n: int, cache: dict[str, Decoded] | None = None, name: str = ""
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


def total_labels(categories: np.ndarray) -> np.ndarray:
    """Which distinct values label a total row (:data:`_TOTAL`), with Arrow's RE2 kernels (no Python per value)."""
    if not len(categories):
        return np.zeros(0, dtype=bool)
    values = pa.array(categories, pa.string())
    found = pc.and_(pc.match_substring_regex(values, _TOTAL), pc.invert(pc.match_substring_regex(values, _NOT_TOTAL)))
    return np.asarray(found.to_numpy(zero_copy_only=False), dtype=bool)


def invisible(value: str) -> dict[str, object] | None:
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
