"""Inputs that may lie but may also be right: flagged as warnings, not refused.

A warning names its file, row and column like a problem does; ``ghg validate`` and ``ghg inventory`` print
it (nothing is refused), the run's manifest keeps it, and ``ghg check`` reports it as a QA/QC finding that a
person acknowledges (:mod:`ghg.park.checks`: QC12, QC13).

- **Overlapping periods** (QC13): records of one source (enterprise, facility, source category, activity,
  technology, supplier) whose periods overlap without being the same period - the whole year beside its
  first quarter, a quarter beside one of its months. Two invoices of the same month are no overlap.
- **A source dropped by a rerun** (QC12): a source of the revision that a new revision supersedes is missing
  from the new one - corrected on purpose, or a file left out by mistake.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from ghg.core.errors import Problem

#: What makes one source: records of the same source in overlapping periods are counted twice.
SOURCE_KEY = ["enterprise", "facility", "source_category", "activity", "technology", "supplier", "year"]


def months(period: str) -> frozenset[int]:
    """The months a period covers: ``""`` or ``2023`` the whole year, ``2023-Q2``, ``2023-H1``, ``2023-05``."""
    part = period[5:] if len(period) > 4 else ""
    if not part:
        return frozenset(range(1, 13))
    if part.startswith("Q"):
        q = int(part[1])
        return frozenset(range(3 * q - 2, 3 * q + 1))
    if part.startswith("H"):
        h = int(part[1])
        return frozenset(range(6 * h - 5, 6 * h + 1))
    return frozenset([int(part)])


def overlapping_periods(records: pd.DataFrame) -> list[Problem]:
    """Warnings for records of one source whose periods overlap (``records``: :data:`SOURCE_KEY`, ``period``,
    ``file``, ``row``, ``sheet``; one row per distinct source and period is enough)."""
    found: list[Problem] = []
    if records.empty:
        return found
    distinct = records.drop_duplicates([*SOURCE_KEY, "period"]).reset_index(drop=True)
    # only sources whose periods' months add up to more than their union overlap: found without a Python loop
    periods = distinct["period"].astype(str)
    mask = periods.map({p: sum(1 << (m - 1) for m in months(p)) for p in set(periods)}).to_numpy(dtype=np.int64)
    group = distinct.groupby(SOURCE_KEY, sort=False, dropna=False).ngroup().to_numpy()
    union = np.zeros(group.max() + 1, dtype=np.int64)
    np.bitwise_or.at(union, group, mask)
    counted = np.zeros(group.max() + 1, dtype=np.int64)
    np.add.at(counted, group, np.array([int(m).bit_count() for m in mask], dtype=np.int64))
    bits = np.array([int(u).bit_count() for u in union], dtype=np.int64)
    suspects = np.flatnonzero(counted > bits)
    if not len(suspects):
        return found
    distinct = distinct[np.isin(group, suspects)]
    for _, source in distinct.groupby(SOURCE_KEY, sort=False, dropna=False):
        seen: list[tuple[str, frozenset[int], str, int]] = []
        for period, file, row in zip(source["period"], source["file"], source["row"], strict=True):
            span = months(str(period))
            for other, other_span, other_file, other_row in seen:
                if span & other_span:
                    where = f" of {other_file}" if other_file != file else ""
                    params = {"other": other or str(source["year"].iloc[0]), "other_row": other_row, "where": where}
                    found.append(
                        Problem(str(file), int(row), "period", str(period) or "-", "overlapping_periods", params=params)
                    )
                    break
            seen.append((str(period), span, str(file), int(row)))
    return found


class SourcePeriods:
    """The distinct (source, period) pairs of a run's records, with the file and row of the first record of each,
    kept as integer codes: memory grows with the distinct pairs (18 bytes each), not with the records.

    :meth:`warnings` gives what :func:`overlapping_periods` gives for every record added, decoding to text only
    the sources whose periods overlap.
    """

    _PERIOD_BITS = 24

    def __init__(self) -> None:
        self._source_ids: dict[tuple[object, ...], int] = {}
        self._sources: list[tuple[object, ...]] = []
        self._period_ids: dict[str, int] = {}
        self._periods: list[str] = []
        self._files: list[str] = []
        self._keys = np.zeros(0, dtype=np.int64)
        self._file = np.zeros(0, dtype=np.int32)
        self._row = np.zeros(0, dtype=np.int64)
        self._pending: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = []
        self._pending_rows = 0

    def add(self, text: dict[str, tuple[np.ndarray, np.ndarray]], year: np.ndarray, row: np.ndarray, file: str) -> None:
        """One batch: ``text`` maps each text column of :data:`SOURCE_KEY` and ``period`` to (categories,
        codes) (a code of -1 is ``''``), ``year`` and ``row`` per record, ``file`` the name it is reported by."""
        names = [k for k in SOURCE_KEY if k != "year"]
        codes = pd.DataFrame({name: text[name][1] for name in [*names, "period"]})
        codes["year"] = year
        first = codes.drop_duplicates().index.to_numpy()
        if not len(first):
            return
        batch = codes.iloc[first]
        group = batch.groupby([*names, "year"], sort=False).ngroup().to_numpy()
        reps = batch.iloc[np.unique(group, return_index=True)[1]]
        decoded = [np.append(np.asarray(text[n][0], dtype=object), "")[reps[n].to_numpy()] for n in names]
        years = reps["year"].astype(int).tolist()
        found = []
        for key in zip(*decoded, years, strict=True):
            i = self._source_ids.get(key)
            if i is None:
                i = self._source_ids[key] = len(self._sources)
                self._sources.append(key)
            found.append(i)
        ids = np.array(found, dtype=np.int64)
        labels = [str(v) for v in np.append(np.asarray(text["period"][0], dtype=object), "")]
        period_of = np.array([self._period_ids.setdefault(v, len(self._period_ids)) for v in labels], dtype=np.int64)
        self._periods = list(self._period_ids)
        keys = (ids[group] << self._PERIOD_BITS) | period_of[batch["period"].to_numpy()]
        if not self._files or self._files[-1] != file:
            self._files.append(file)
        self._pending.append((keys, np.full(len(keys), len(self._files) - 1, np.int32), np.asarray(row)[first]))
        self._pending_rows += len(keys)
        if self._pending_rows > 1 << 21:
            self._merge()

    def _merge(self) -> None:
        """Fold the batches added into the distinct pairs, each with its first file and row."""
        if not self._pending:
            return
        keys = np.concatenate([self._keys, *(k for k, _, _ in self._pending)])
        file = np.concatenate([self._file, *(f for _, f, _ in self._pending)])
        row = np.concatenate([self._row, *(r for _, _, r in self._pending)])
        _, first = np.unique(keys, return_index=True)  # the first occurrence of each pair
        self._keys, self._file, self._row = keys[first], file[first], row[first]
        self._pending, self._pending_rows = [], 0

    def warnings(self) -> list[Problem]:
        """:func:`overlapping_periods` of every record added."""
        self._merge()
        if not len(self._keys):
            return []
        source = self._keys >> self._PERIOD_BITS
        period = self._keys & ((1 << self._PERIOD_BITS) - 1)
        mask_of = np.array([sum(1 << (m - 1) for m in months(p)) for p in self._periods], dtype=np.int64)
        bits_of = np.array([int(m).bit_count() for m in mask_of], dtype=np.int64)
        union = np.zeros(len(self._sources), dtype=np.int64)
        np.bitwise_or.at(union, source, mask_of[period])
        counted = np.bincount(source, weights=bits_of[period], minlength=len(self._sources))
        bits = np.array([int(u).bit_count() for u in union], dtype=np.int64)
        suspects = np.flatnonzero(counted > bits)
        if not len(suspects):
            return []
        chosen = np.flatnonzero(np.isin(source, suspects))
        chosen = chosen[np.lexsort((self._row[chosen], self._file[chosen]))]  # as the records came
        names = [k for k in SOURCE_KEY if k != "year"]
        rows = [
            {
                **dict(zip([*names, "year"], self._sources[int(source[i])], strict=True)),
                "period": self._periods[int(period[i])],
                "file": self._files[int(self._file[i])],
                "row": int(self._row[i]),
            }
            for i in chosen
        ]
        return overlapping_periods(pd.DataFrame(rows))


def dropped_sources(parent: pd.DataFrame, child: pd.DataFrame) -> pd.DataFrame:
    """The sources (enterprise, year, facility, source category, activity) of ``parent`` lines missing from
    ``child`` lines of the same (year, enterprise), with the parent's CO2e [t]."""
    key = ["enterprise", "year", "facility", "source_category", "activity"]
    counted = parent[parent["scope"].isin(["scope_1", "scope_2"])]
    before = counted.groupby(key)["co2e_t"].sum()
    now = set(map(tuple, child[key].drop_duplicates().itertuples(index=False, name=None)))
    mine = set(map(tuple, child[["enterprise", "year"]].drop_duplicates().itertuples(index=False, name=None)))
    rows = [
        (*k, v)
        for k, v in zip(before.index.tolist(), before.tolist(), strict=True)
        if (k[0], k[1]) in mine and k not in now
    ]
    return pd.DataFrame(rows, columns=[*key, "co2e_t"])


#: Measured properties checked against the published factors of their activity: property -> (parameter, unit).
MEASURED_PARAMETERS = {
    "ncv_tj_per_t": ("ncv", "TJ/t"),
    "ncv_tj_per_nm3": ("ncv", "TJ/Nm3"),
    "carbon_co2_per_tj": ("emission_factor", "t CO2/TJ"),
    "density_t_per_m3": ("density", "t/m3"),
}
#: Beyond the published 95 % interval by this factor a measured value is flagged; by ten times, refused.
WARN_FACTOR = 1.25
REFUSE_FACTOR = 10.0
_COLUMN = {
    "ncv_tj_per_t": "ncv",
    "ncv_tj_per_nm3": "ncv",
    "carbon_co2_per_tj": "carbon_content",
    "density_t_per_m3": "density",
}


def published_bounds(factors: Any) -> dict[tuple[str, str, str], tuple[float, float]]:
    """The widest published interval per (parameter, canonical unit, activity) over the releases: the 95 %
    limits where a release gives them, else the values themselves."""
    out: dict[tuple[str, str, str], tuple[float, float]] = {}
    for release in factors.releases:
        table = release.factors
        if table.empty:
            continue
        mine = table[table["parameter"].isin({p for p, _ in MEASURED_PARAMETERS.values()})]
        for row in mine.to_dict(orient="records"):
            if row["parameter"] == "emission_factor" and row["gas"] != "CO2":
                continue
            low = row["canonical_lower"] if row["canonical_lower"] == row["canonical_lower"] else row["canonical_value"]
            high = (
                row["canonical_upper"] if row["canonical_upper"] == row["canonical_upper"] else row["canonical_value"]
            )
            key = (str(row["parameter"]), str(row["canonical_unit"]), str(row["activity"]))
            was = out.get(key, (float(low), float(high)))
            out[key] = (min(was[0], float(low)), max(was[1], float(high)))
    return out


def implausible_measured(
    table: Any, bounds: dict[tuple[str, str, str], tuple[float, float]], source_name: str, sheet: str | None
) -> tuple[list[Problem], list[Problem]]:
    """Measured NCV, carbon content (as t CO2/TJ) and density against the published bounds of their activity:
    (refused: ten times outside, a unit slip rather than a measurement; flagged: beyond 25 % outside)."""
    refused: list[Problem] = []
    flagged: list[Problem] = []
    activity = table.text["activity"]
    for prop, (parameter, unit) in MEASURED_PARAMETERS.items():
        values = table.measured.get(prop)
        if values is None:
            continue
        for i in np.flatnonzero(~np.isnan(values)):
            name = activity.value(int(i)) or ""
            bound = bounds.get((parameter, unit, name))
            if bound is None:
                continue
            low, high = bound
            value = float(values[i])
            params = {
                "low": f"{low:.6g}",
                "high": f"{high:.6g}",
                "unit": unit,
                "measured": f"{value:.6g}",
                "activity": name,
            }
            row = int(table.row[i])
            if value < low / REFUSE_FACTOR or value > high * REFUSE_FACTOR:
                refused.append(Problem(source_name, row, _COLUMN[prop], f"{value:.6g}", "implausible", sheet, params))
            elif value < low / WARN_FACTOR or value > high * WARN_FACTOR:
                flagged.append(Problem(source_name, row, _COLUMN[prop], f"{value:.6g}", "unusual", sheet, params))
    return refused, flagged
