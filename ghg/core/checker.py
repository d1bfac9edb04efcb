"""The check of activity records, batch by batch and vectorised: identities, codes, periods, units, numbers,
declared uncertainties and measured values, each problem collected with its file, sheet, row, column and
value; duplicates found by a hash of each record's identity.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable
from datetime import date

import numpy as np
import pyarrow as pa

from ghg.core import units
from ghg.core.activity import INPUT_COLUMNS, Columns
from ghg.core.declared import parse_declared
from ghg.core.errors import UnitError

#: Earliest reporting year accepted (the UNFCCC base year).
from ghg.core.validation import (
    EVIDENCE,
    FIRST_YEAR,
    IDENTIFIER,
    IPCC,
    KEPT_PER_CHECK,
    KINDS,
    MEASURED,
    PERIOD,
    TECHNOLOGY,
    TEXT_COLUMNS,
    ActivityTable,
    Collector,
    Decoded,
    Text,
    invisible,
    numbers,
    parse_numbers,
    text_of,
    total_labels,
)
from ghg.core.vocabulary import EnergyBasis, SourceCategory

_PRIME = np.int64(-7046029254386353131)  # 0x9E3779B97F4A7C15 as a signed 64-bit integer


class Checker:
    """Checks batches of records; remembers per-value results across batches and files."""

    def __init__(self, decimal_mark: str | None = None) -> None:
        self.decimal_mark = decimal_mark
        self.this_year = date.today().year
        self._patterns: dict[tuple[str, str], bool] = {}
        self._units: dict[tuple[str, str], tuple[float, int, str | None]] = {}
        self._bad: dict[str, tuple[np.ndarray, np.ndarray]] = {}
        self._decoded: dict[str, Decoded] = {}
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
            hidden = invisible(value)
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
            ("enterprise", lambda v: IDENTIFIER.match(v) is not None, "identifier", {}),
            ("facility", lambda v: IDENTIFIER.match(v) is not None, "identifier", {}),
            ("ipcc_category", lambda v: IPCC.match(v) is not None, "ipcc_category", {}),
            ("technology", lambda v: TECHNOLOGY.match(v) is not None, "technology", {}),
            ("evidence", lambda v: EVIDENCE.match(v) is not None, "evidence", {}),
            ("source_category", lambda v: v in _SOURCES, "vocabulary", {"allowed": ", ".join(_SOURCES)}),
            ("energy_basis", lambda v: v in _BASES, "vocabulary", {"allowed": ", ".join(_BASES)}),
            ("period", lambda v: PERIOD.match(v) is not None, "period", {}),
            ("balance", lambda v: IDENTIFIER.match(v) is not None, "identifier", {}),
            ("direction", lambda v: v in _DIRECTIONS, "vocabulary", {"allowed": ", ".join(_DIRECTIONS)}),
            ("instrument", lambda v: v in _INSTRUMENTS, "vocabulary", {"allowed": ", ".join(_INSTRUMENTS)}),
            ("supplier", lambda v: IDENTIFIER.match(v) is not None, "identifier", {}),
            ("uncertainty", lambda v: parse_declared(v) is not None, "uncertainty_form", {}),
        ]
        for name, test, code, params in checks:
            bad = self._bad_values(name, text[name], test)
            if bad.any():
                self._report_values(col, offset, name, text[name], bad, code, params, shown(name), flagged)

        for name in ("facility", "activity", "technology", "period", "evidence"):  # a total row counts its rows again
            labelled = total_labels(text[name].categories)
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
            pyear = np.array([int(v[:4]) if PERIOD.match(v) else -1 for v in period.categories] + [-1], dtype=np.int32)
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

    def duplicates(self, col: Collector, candidates: np.ndarray) -> bool:
        """Report the exact duplicate records of a whole file among ``candidates`` (positions in the file whose
        row hash occurs again in it, in order: :meth:`ghg.core.rowhashes.RowHashes.repeated`).

        Candidates are re-read and compared value by value; True if any is a duplicate.
        """
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
