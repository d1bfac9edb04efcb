"""Check and convert raw activity columns into typed arrays, collecting every problem.

Text columns become dictionary codes (:class:`Text`): each check runs once per
distinct value and is mapped back to the rows through the codes, and a row mask is
only built when some distinct value fails. A 10-million-row file with a few thousand
distinct codes is checked in a handful of vectorised passes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from ghg import units
from ghg.activity import INPUT_COLUMNS, RawTable
from ghg.errors import Problem, UnitError
from ghg.vocabulary import EnergyBasis, SourceCategory

#: Earliest reporting year accepted (the UNFCCC base year).
FIRST_YEAR = 1990
#: At most this many problems are kept per check and file; the rest are counted.
KEPT_PER_CHECK = 200
#: Quantity kinds, in the order of their codes in :attr:`ActivityTable.kind`.
KINDS = ("mass", "volume", "energy", "normal_volume")

_ID = re.compile(r"^[^\W][\w.\-]{0,63}$", re.UNICODE)
_IPCC = re.compile(r"^[1-5](\.[A-H](\.[0-9]{1,2}(\.[a-z](\.[ivx]{1,4})?)?)?)?$")
_PERIOD = re.compile(r"^(?P<year>[0-9]{4})(-(0[1-9]|1[0-2])|-Q[1-4]|-H[12])?$")
_TECHNOLOGY = re.compile(r"^[a-z0-9_]{1,64}$")
_EVIDENCE = re.compile(r"^[^\x00-\x1f\x7f]{0,500}$")

#: Measured properties: value column, unit column, and {canonical unit: stored name}.
MEASURED = {
    "ncv": ("ncv_unit", {"TJ/t": "ncv_tj_per_t", "TJ/Nm3": "ncv_tj_per_nm3"}),
    "carbon_content": ("carbon_content_unit", {"t CO2/TJ": "carbon_co2_per_tj", "t CO2/t": "carbon_co2_per_t"}),
    "density": ("density_unit", {"t/m3": "density_t_per_m3"}),
}
TEXT_COLUMNS = ("enterprise", "facility", "period", "source_category", "activity", "unit", "ipcc_category",
                "technology", "energy_basis", "ncv_unit", "carbon_content_unit", "density_unit", "evidence")


@dataclass
class Text:
    """A text column as dictionary codes: ``categories[codes]``, code -1 for missing.

    Categories are stripped of surrounding white space, unique and never empty.
    """

    codes: np.ndarray
    categories: np.ndarray

    def values(self) -> np.ndarray:
        """Per-row strings ('' for missing): for small tables and messages only."""
        return np.append(self.categories, "").astype(object)[self.codes]

    def take(self, index: np.ndarray) -> Text:
        return Text(self.codes[index], self.categories)

    def code_of(self, value: str) -> int:
        hits = np.flatnonzero(self.categories == value)
        return int(hits[0]) if len(hits) else -2


def text_of(column: pa.ChunkedArray | None, n: int) -> Text:
    """Dictionary-encode an Arrow column (already-encoded columns are reused as they are)."""
    if column is None:
        return Text(np.broadcast_to(np.int32(-1), (n,)), np.array([], dtype=object))
    if not pa.types.is_dictionary(column.type):
        column = pc.dictionary_encode(column)
    column = column.unify_dictionaries() if column.num_chunks > 1 else column
    if column.num_chunks == 0:
        return Text(np.full(n, -1, dtype=np.int32), np.array([], dtype=object))
    dictionary = column.chunk(0).dictionary
    parts = []
    for chunk in column.chunks:
        indices = chunk.indices
        if indices.null_count:
            indices = pc.fill_null(indices, -1)
        parts.append(indices.to_numpy(zero_copy_only=False).astype(np.int32, copy=False))
    codes = parts[0] if len(parts) == 1 else np.concatenate(parts)
    raw = np.array([str(v).strip() for v in dictionary.cast(pa.string()).to_pylist()], dtype=object)
    categories, inverse = np.unique(raw.astype(str), return_inverse=True)
    remap = np.append(inverse, -1).astype(np.int32)
    categories = categories.astype(object)
    empty = np.flatnonzero(categories == "")
    if len(empty):
        remap = np.where(remap == empty[0], -1, remap - (remap > empty[0]))
        categories = np.delete(categories, empty[0])
    identity = len(categories) == len(raw) and np.array_equal(remap[:-1], np.arange(len(raw)))
    return Text(codes if identity else np.take(remap, codes), categories)


@dataclass
class ActivityTable:
    """Checked activity records of one or more files, as arrays in canonical units.

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
    files: list[RawTable]
    measured: dict[str, np.ndarray] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.year)

    def take(self, index: np.ndarray) -> ActivityTable:
        """The rows selected by a boolean mask or an index array."""
        return ActivityTable({k: t.take(index) for k, t in self.text.items()}, self.year[index],
                             self.quantity[index], self.amount[index], self.kind[index], self.row[index],
                             self.file_index[index], self.files,
                             {k: v[index] for k, v in self.measured.items()})


def concat(tables: list[ActivityTable]) -> ActivityTable:
    """Rows of several tables, text columns re-coded against the union of their categories."""
    if len(tables) == 1:
        return tables[0]
    text = {}
    for name in tables[0].text:
        union = np.unique(np.concatenate([t.text[name].categories for t in tables]).astype(str)).astype(object)
        parts = []
        for t in tables:
            col = t.text[name]
            lookup = np.append(np.searchsorted(union.astype(str), col.categories.astype(str)), -1).astype(np.int32)
            parts.append(lookup[col.codes])
        text[name] = Text(np.concatenate(parts), union)
    measured = {}
    for key in {k for t in tables for k in t.measured}:
        measured[key] = np.concatenate([t.measured.get(key, np.full(len(t), np.nan)) for t in tables])
    return ActivityTable(text, *(np.concatenate([getattr(t, a) for t in tables])
                                 for a in ("year", "quantity", "amount", "kind", "row", "file_index")),
                         files=tables[0].files, measured=measured)


class Collector:
    """Collects problems for one file, keeping at most ``KEPT_PER_CHECK`` per check."""

    def __init__(self, raw: RawTable) -> None:
        self.raw = raw
        self.problems: list[Problem] = list(raw.problems)
        self.flagged: list[np.ndarray] = []

    def rows(self, mask: np.ndarray, column: str | None, code: str, show: bool = True, **params: object) -> None:
        if not mask.any():
            return
        idx = np.flatnonzero(mask)
        self.flagged.append(idx)
        raw_col = self.raw.columns.get(column) if (show and column) else None
        for i in idx[:KEPT_PER_CHECK]:
            value = None if raw_col is None else _show(raw_col[int(i)].as_py())
            self.problems.append(Problem(self.raw.name, int(i) + self.raw.row_base, column, value, code,
                                         self.raw.sheet, dict(params)))
        if len(idx) > KEPT_PER_CHECK:
            self.problems.append(Problem(self.raw.name, None, column, None, "more_rows", self.raw.sheet,
                                         {"count": len(idx) - KEPT_PER_CHECK, "code": code}))

    def per_category(self, text: Text, bad: np.ndarray, column: str, code: str, **params: object) -> None:
        """Flag the rows whose category is marked in ``bad`` (one bool per category)."""
        if bad.any():
            self.rows(np.take(np.append(bad, False), text.codes), column, code, **params)


def _show(value: object) -> str | None:
    if value is None:
        return None
    text = str(value)
    return text if len(text) <= 80 else text[:77] + "..."


def numbers(column: pa.ChunkedArray | None, n: int) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Parse a column as float64.

    Returns (values, present, bad, identity): ``bad`` marks present cells that are not a
    finite number; ``identity`` is a per-row integer that is equal exactly when the
    cells are equal as written (used to find duplicate rows).
    """
    if column is None:
        nan = np.full(n, np.nan)
        return nan, np.zeros(n, dtype=bool), np.zeros(n, dtype=bool), np.zeros(n, dtype=np.int64)
    kind = column.type.value_type if pa.types.is_dictionary(column.type) else column.type
    if pa.types.is_integer(kind) or pa.types.is_floating(kind) or pa.types.is_decimal(kind):
        if pa.types.is_dictionary(column.type):
            column = pc.cast(column, kind)
        values = pc.cast(column, pa.float64()).to_numpy()
        if column.null_count:
            present = pc.is_valid(column).to_numpy(zero_copy_only=False)
        else:
            present = np.ones(n, dtype=bool)
        return values, present, present & ~np.isfinite(values), values.view(np.int64)
    if not (pa.types.is_string(kind) or pa.types.is_large_string(kind)):
        present = pc.is_valid(column).to_numpy(zero_copy_only=False)
        return np.full(n, np.nan), present, present, text_of(pc.cast(column, pa.string()), n).codes
    text = text_of(column, n)
    parsed = np.array([_parse_number(c) for c in text.categories] + [np.nan])
    values = np.take(parsed, text.codes)
    present = text.codes >= 0
    return values, present, present & np.isnan(values), text.codes


def _parse_number(text: str) -> float:
    """A decimal number written with '.' and no separators; NaN for anything else (inf, nan, 1,5)."""
    if not re.fullmatch(r"[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?", text):
        return np.nan
    return float(text)


def _check_pattern(col: Collector, name: str, text: Text, rule: re.Pattern[str], code: str) -> None:
    bad = np.array([rule.match(c) is None for c in text.categories], dtype=bool)
    col.per_category(text, bad, name, code)


def _check_vocabulary(col: Collector, name: str, text: Text, allowed: list[str]) -> None:
    bad = ~np.isin(text.categories.astype(str), allowed)
    col.per_category(text, bad, name, "vocabulary", allowed=", ".join(allowed))


def unit_multipliers(col: Collector, name: str, text: Text, targets: dict[str, str]) -> tuple[np.ndarray, np.ndarray]:
    """Per-category multiplier to the matching canonical unit, and the index of that target (-1: none)."""
    multiplier = np.full(len(text.categories) + 1, np.nan)
    kind = np.full(len(text.categories) + 1, -1, dtype=np.int8)
    for i, unit in enumerate(text.categories):
        try:
            units.parse_unit(unit)
        except UnitError as exc:
            col.rows(text.codes == i, name, "unit_" + exc.reason)
            continue
        for k, target in enumerate(targets.values()):
            try:
                multiplier[i] = units.factor_to(unit, target)
                kind[i] = k
                break
            except UnitError:
                continue
        else:
            col.rows(text.codes == i, name, "unit_kind", expected=", ".join(targets))
    return multiplier, kind


def parse(raw: RawTable) -> tuple[ActivityTable | None, list[Problem], np.ndarray]:
    """Check and convert one file's columns.

    Returns the typed table, every problem found, and a mask of the rows that have a
    problem of their own (so later checks can leave them out).
    """
    col = Collector(raw)
    n = raw.n_rows
    if col.problems:
        return None, col.problems, np.ones(n, dtype=bool)
    text = {name: text_of(raw.columns.get(name), n) for name in TEXT_COLUMNS}
    for name in ("enterprise", "facility", "source_category", "activity", "unit"):
        col.rows(text[name].codes < 0, name, "required", show=False)
    for name in ("enterprise", "facility"):
        _check_pattern(col, name, text[name], _ID, "identifier")
    _check_pattern(col, "ipcc_category", text["ipcc_category"], _IPCC, "ipcc_category")
    _check_pattern(col, "technology", text["technology"], _TECHNOLOGY, "technology")
    _check_pattern(col, "evidence", text["evidence"], _EVIDENCE, "evidence")
    _check_vocabulary(col, "source_category", text["source_category"], [c.value for c in SourceCategory])
    _check_vocabulary(col, "energy_basis", text["energy_basis"], [b.value for b in EnergyBasis])

    identity: dict[str, np.ndarray] = {name: t.codes for name, t in text.items()}
    year_f, present, bad, identity["year"] = numbers(raw.columns.get("year"), n)
    col.rows(~present, "year", "required", show=False)
    col.rows(bad | (present & ~bad & (year_f != np.floor(year_f))), "year", "year_integer")
    last = date.today().year
    col.rows(present & ((year_f < FIRST_YEAR) | (year_f > last)), "year", "year_range", first=FIRST_YEAR, last=last)
    year = np.nan_to_num(year_f, nan=0.0).astype(np.int32)

    period = text["period"]
    if len(period.categories):
        matches = [_PERIOD.match(c) for c in period.categories]
        col.per_category(period, np.array([m is None for m in matches]), "period", "period")
        pyear = np.take(np.array([int(m.group("year")) if m else -1 for m in matches] + [-1], dtype=np.int32),
                        period.codes)
        col.rows((pyear > 0) & (pyear != year), "period", "period_year")

    quantity, present, bad, identity["quantity"] = numbers(raw.columns.get("quantity"), n)
    col.rows(~present, "quantity", "quantity_missing", show=False)
    col.rows(bad, "quantity", "number")
    col.rows(quantity < 0, "quantity", "negative")
    targets = {kind: units.CANONICAL[kind] for kind in KINDS}
    multiplier, kind_of_unit = unit_multipliers(col, "unit", text["unit"], targets)
    amount = quantity * np.take(multiplier, text["unit"].codes)
    kind = np.take(kind_of_unit, text["unit"].codes)

    measured: dict[str, np.ndarray] = {}
    for prop, (unit_col, canon) in MEASURED.items():
        if prop not in raw.columns and unit_col not in raw.columns:
            continue
        value, present, bad, identity[prop] = numbers(raw.columns.get(prop), n)
        unit_text = text[unit_col]
        has_unit = unit_text.codes >= 0
        col.rows(bad, prop, "number")
        col.rows(present & ~bad & ~(value > 0), prop, "positive")
        col.rows(present & ~has_unit, unit_col, "measured_unit_missing", show=False, prop=prop)
        col.rows(~present & has_unit, prop, "measured_value_missing", show=False, unit_col=unit_col)
        if not present.any():
            continue
        mult, pkind = unit_multipliers(col, unit_col, unit_text, dict(zip(canon, canon, strict=True)))
        row_mult, row_kind = np.take(mult, unit_text.codes), np.take(pkind, unit_text.codes)
        for k, key in enumerate(canon.values()):
            measured[key] = np.where(present & (row_kind == k), value * row_mult, np.nan)

    duplicate_rows(col, raw, identity, n)
    table = ActivityTable(text, year, quantity, amount, kind, np.arange(raw.row_base, n + raw.row_base, dtype=np.int32),
                          np.zeros(n, dtype=np.int16), [raw], measured)
    raw.columns = {}  # every message is written: the decoded columns hold all that is needed
    flagged = np.zeros(n, dtype=bool)
    for idx in col.flagged:
        flagged[idx] = True
    return table, col.problems, flagged


_PRIME = np.int64(-7046029254386353131)  # 0x9E3779B97F4A7C15 as a signed 64-bit integer


def duplicate_rows(col: Collector, raw: RawTable, identity: dict[str, np.ndarray], n: int) -> None:
    """Flag exact duplicate records (every input column equal), naming the first copy.

    A 64-bit hash of every column's identity codes finds candidates (one sort);
    candidates are then compared exactly, so a hash collision never flags a row.
    """
    if n < 2:
        return
    columns = {name: identity[name] for name in INPUT_COLUMNS if name in raw.columns and name in identity}
    key = np.zeros(n, dtype=np.int64)  # integer overflow wraps: fine for the hashed part
    span = 1.0
    for codes in columns.values():
        radix = int(codes.max()) + 2 if codes.dtype.itemsize <= 4 and len(codes) else 0
        if radix and span * radix < 2.0**62:
            span *= radix  # exact so far: the key is a mixed-radix number of the codes (+1)
            key *= radix
            key += codes
            key += 1
        else:
            span = 2.0**64  # from here on a hash: candidates are compared exactly below
            key *= _PRIME
            key ^= codes.view(np.int64) if codes.dtype.itemsize == 8 else codes
    ordered = np.sort(key)
    repeated = ordered[1:][ordered[1:] == ordered[:-1]]
    if not len(repeated):
        return
    idx = np.flatnonzero(np.isin(key, repeated))
    exact = np.stack([c[idx] for c in columns.values()], axis=1)
    _, first_pos, inverse = np.unique(exact, axis=0, return_index=True, return_inverse=True)
    inverse = inverse.reshape(-1)
    dup = first_pos[inverse] != np.arange(len(idx))
    mask = np.zeros(n, dtype=bool)
    mask[idx[dup]] = True
    first = np.zeros(n, dtype=np.int64)
    first[idx] = idx[first_pos[inverse]] + raw.row_base
    dup_idx = np.flatnonzero(mask)
    col.flagged.append(dup_idx)
    for i in dup_idx[:KEPT_PER_CHECK]:
        col.problems.append(Problem(raw.name, int(i) + raw.row_base, None, None, "duplicate_row", raw.sheet,
                                    {"first": int(first[i])}))
    if len(dup_idx) > KEPT_PER_CHECK:
        col.problems.append(Problem(raw.name, None, None, None, "more_rows", raw.sheet,
                                    {"count": len(dup_idx) - KEPT_PER_CHECK, "code": "duplicate_row"}))
