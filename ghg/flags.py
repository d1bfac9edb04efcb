"""Inputs that may lie but may also be right: flagged as warnings, not refused.

A warning names its file, row and column like a problem does; ``ghg validate`` and ``ghg inventory`` print
it (nothing is refused), the run's manifest keeps it, and ``ghg check`` reports it as a QA/QC finding that a
person acknowledges (:mod:`ghg.checks`: QC12, QC13).

- **Overlapping periods** (QC13): records of one source (enterprise, facility, source category, activity,
  technology, supplier) whose periods overlap without being the same period - the whole year beside its
  first quarter, a quarter beside one of its months. Two invoices of the same month are no overlap.
- **A source dropped by a rerun** (QC12): a source of the revision that a new revision supersedes is missing
  from the new one - corrected on purpose, or a file left out by mistake.
"""

from __future__ import annotations

import pandas as pd

from ghg.errors import Problem

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
    distinct = records.drop_duplicates([*SOURCE_KEY, "period"])
    for _, group in distinct.groupby(SOURCE_KEY, sort=False):
        if len(group) < 2:
            continue
        seen: list[tuple[str, frozenset[int], str, int]] = []
        for period, file, row in zip(group["period"], group["file"], group["row"], strict=True):
            span = months(str(period))
            for other, other_span, other_file, other_row in seen:
                if span & other_span:
                    where = f" of {other_file}" if other_file != file else ""
                    params = {"other": other or str(group["year"].iloc[0]), "other_row": other_row, "where": where}
                    found.append(
                        Problem(str(file), int(row), "period", str(period) or "-", "overlapping_periods", params=params)
                    )
                    break
            seen.append((str(period), span, str(file), int(row)))
    return found


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
