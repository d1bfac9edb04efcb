"""The inventory job: read and check activity files, resolve factors, calculate, aggregate.

This is the orchestrator (pvlib's ``ModelChain`` shape): it takes the file paths, the
GWP set and the factor releases as arguments and returns the result. Files are read
in batches of at most :data:`ghg.core.activity.BATCH_ROWS` records, so memory stays bounded
whatever their size; every batch is checked, and calculated only while no problem has
been found anywhere. Nothing is returned unless every file is free of problems.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cached_property
from pathlib import Path
from typing import TypeVar

import numpy as np
import pandas as pd
import pyarrow as pa

from ghg._version import version
from ghg.core import calculation, flags, market, validation
from ghg.core import lines as result_lines
from ghg.core.accumulate import Accumulator, Balances, Production, intensities
from ghg.core.activity import BATCH_ROWS, INPUT_COLUMNS, Source, open_sources
from ghg.core.checker import Checker, normal_value
from ghg.core.errors import InputError, Problem
from ghg.core.factors import FactorSet
from ghg.core.linehash import ordered_lines
from ghg.core.rowhashes import RowHashes
from ghg.core.spill import Spill
from ghg.core.totals import (
    market_problems,
    market_shares,
    summary_from_cells,
    summary_from_lines,
    totals_from_cells,
    totals_from_lines,
    with_co2e,
)

#: Called as ``progress(file_index, fraction_of_that_file_done)``.
Progress = Callable[[int, float], None]
#: Called with each checked batch and its per-record results (:func:`compute`'s ``sink``).
Sink = Callable[[validation.ActivityTable, calculation.Calculated], None]
#: Records per batch when lines are streamed to the store (:func:`stream`): memory of one batch.
STREAM_ROWS = 1 << 18
T = TypeVar("T")


@dataclass
class Computed:
    """What :func:`compute` returns: totals per (enterprise, factor group) cell, and the kept records."""

    cells: pd.DataFrame
    groups: calculation.Groups
    sources: list[Source]
    records: int
    excluded: int
    gwp_set: str
    gwp: dict[str, float]
    kept: list[tuple[validation.ActivityTable, calculation.Calculated]] = field(default_factory=list)
    production: pd.DataFrame = field(default_factory=pd.DataFrame)
    #: Market-based Scope 2 per enterprise and year (:func:`market_shares`), computed once from ``cells``.
    shares: pd.DataFrame = field(default_factory=pd.DataFrame)
    #: Inputs flagged, not refused (:mod:`ghg.core.flags`): printed, kept with the run, acknowledged in ``ghg check``.
    warnings: list[Problem] = field(default_factory=list)

    @property
    def totals(self) -> pd.DataFrame:
        return with_co2e(totals_from_cells(self.cells, self.gwp_set, self.shares), self.gwp)

    @property
    def summary(self) -> pd.DataFrame:
        return summary_from_cells(self.cells, self.shares)


def _read_source(
    source: Source,
    sources: list[Source],
    checker: Checker,
    groups: calculation.Groups,
    balances: Balances,
    production: Production,
    accumulator: Accumulator,
    kept: list[tuple[validation.ActivityTable, calculation.Calculated]],
    counts: dict[str, int],
    keep: bool,
    year: int | None,
    gwp_set: str | None,
    gwp: dict[str, float],
    calc_gwp: dict[str, float],
    batch_rows: int,
    progress: Progress | None,
    failed: bool,
    hashes: RowHashes,
    periods: flags.SourcePeriods,
    bounds: dict[tuple[str, str, str], tuple[float, float]],
    warned: list[Problem],
    sink: Sink | None = None,
) -> list[Problem]:
    """Check (and, while nothing has failed, calculate) one source; return its problems. Its records' row
    hashes go into ``hashes``, for the records repeated within it and across files (found when every file is
    read: :func:`duplicate_records`)."""
    file_index = len(sources)
    sources.append(source)
    col = validation.Collector(source)
    if source.problems:
        return col.finish()
    col.problems += source.row_problems
    offset = 0
    try:
        small = 0 < source.expected_rows <= batch_rows // 4  # one batch: nothing to overlap, no threads
        items = _encoded(source, checker, batch_rows, small)
        for item in items if small else _prefetch(items):
            columns = item.columns
            table, flagged = checker.check(col, columns, offset, file_index, item.text)
            hashes.add(file_index, item.identity)
            table.files = sources  # file_index points into the run's list of files
            offset += len(table)
            if progress:
                progress(file_index, min(offset / max(source.expected_rows, 1), 0.99))
            del columns
            if flagged.any():
                table = table.take(~flagged)
            if year is not None:
                in_year = table.year == year
                counts["excluded"] += int((~in_year).sum())
                table = table.take(in_year)
            if not len(table):
                continue
            table = production.take_out(col, table)
            if not len(table):
                continue
            periods.add(
                {name: (table.text[name].categories, table.text[name].codes) for name in _PERIOD_TEXT},
                table.year,
                table.row,
                source.name,
            )
            if table.measured:
                refused, unusual = flags.implausible_measured(table, bounds, source.name, source.sheet)
                col.problems += refused
                warned += unusual
            gid = groups.assign(table)
            unresolved = groups.report(col, table, gid)
            counts["records"] += len(table)
            if not unresolved:
                balances.add(table, gid, groups)
            if failed or len(col.problems) or col.counts:
                continue  # keep checking, stop computing: nothing will be returned
            coef = calculation.coefficients(groups, calc_gwp)
            if keep and gwp_set:
                calc = calculation.calculate(table, gid, groups, gwp_set, gwp)
                if sink is not None:
                    sink(table, calc)
                else:
                    kept.append((table, calc))
                energy, mass = calc.records["energy_tj"], calc.records["mass_t"]
            else:
                energy, mass = calculation.energy_and_mass(table, gid, coef)
            direct = calculation.direct_co2(table, gid, coef, energy, mass)
            fugitive = calculation.fugitive_mass(gid, coef, mass) if coef.fugitive_sign.any() else None
            market = calculation.market_instruments(table, gid, coef)
            accumulator.add(table, gid, len(groups), energy, mass, direct, fugitive, market)
    except (pa.ArrowInvalid, UnicodeDecodeError) as exc:
        col.problems.append(Problem(source.name, None, None, None, "unreadable", params={"detail": str(exc)[:300]}))
    if progress:
        progress(file_index, 1.0)
    return col.finish()


#: The text columns that make a source and its period (:class:`ghg.core.flags.SourcePeriods`).
_PERIOD_TEXT = [k for k in flags.SOURCE_KEY if k != "year"] + ["period"]


def duplicate_records(checker: Checker, sources: list[Source], hashes: RowHashes) -> list[Problem]:
    """The exact duplicate records of the run: within a file (``duplicate_row``, named with the first) and
    across files (:func:`repeated_across_files`), found from every record's row hash, then compared value by
    value."""
    within, across = hashes.repeated()
    found: list[Problem] = []
    for file, rows in within.items():
        col = validation.Collector(sources[file])
        col.problems.clear()  # the file's own problems were reported when it was read
        checker.duplicates(col, rows)
        found += col.finish()
    return found + repeated_across_files(sources, across)


def repeated_across_files(sources: list[Source], rows_of: dict[int, np.ndarray]) -> list[Problem]:
    """The same record in two files (two exports of one ledger, one file given twice under two names): the
    later is named with the earlier, compared value by value (a hash is only where to look). ``rows_of``: per
    file, the positions of its records whose row hash occurs in another file."""
    first: dict[tuple[object, ...], tuple[str, int]] = {}
    found: list[Problem] = []
    for i in sorted(rows_of):
        source = sources[i]
        rows = rows_of[i]
        for row, record in zip(rows, source.take([int(r) for r in rows]), strict=True):
            key = tuple(normal_value(record.get(c)) for c in INPUT_COLUMNS)
            where = first.get(key)
            if where is None:
                first[key] = (source.name, int(row) + source.row_base)
            elif where[0] != source.name and len(found) < validation.KEPT_PER_CHECK:
                found.append(
                    Problem(
                        source.name,
                        int(row) + source.row_base,
                        None,
                        None,
                        "duplicate_across_files",
                        source.sheet,
                        {"other": where[0], "other_row": where[1]},
                    )
                )
    return found


def compute(
    paths: Sequence[str | Path | Source],
    gwp_set: str | None,
    factors: FactorSet,
    year: int | None = None,
    progress: Progress | None = None,
    keep: bool = False,
    batch_rows: int = BATCH_ROWS,
    decimal_mark: str | None = None,
    sink: Sink | None = None,
) -> Computed:
    """Read, check, calculate and aggregate every record of ``paths``.

    Parameters
    ----------
    paths : sequence of path or Source
        Activity files (CSV, XLSX, Parquet), or sources already opened (a dataset's files).
    gwp_set : {"AR4", "AR5", "AR6"} or None
        GWP-100 set for CO2e; ``None`` checks everything (factors included) without calculating.
    factors : FactorSet
        The factor releases to use.
    year : int, optional
        Only the records of this reporting year (the others are counted in ``excluded``).
    keep : bool
        Keep every checked batch and its per-record results (for result lines).
    sink : callable, optional
        With ``keep``, called with each checked batch and its per-record results instead of keeping them
        (while no problem has been found: a run with problems raises at the end whatever was sunk).
    decimal_mark : {".", ","}, optional
        The decimal mark of numbers written as text, when the user declares it (default: ``.``, with a value
        such as ``4.200`` refused as ambiguous unless another value of its file settles it).

    Raises
    ------
    InputError
        With every problem of every file (file, sheet, row, column, value, fix).
    """
    gwp = factors.gwp_values(gwp_set) if gwp_set else {}
    # checking alone computes too (cross-record checks need quantities), with a neutral GWP
    calc_gwp = gwp or {"CO2": 1.0, "CH4": 0.0, "N2O": 0.0}
    checker = Checker(decimal_mark)
    groups = calculation.Groups(factors, gwp if gwp_set else None)
    problems: list[Problem] = []
    accumulator = Accumulator()
    kept: list[tuple[validation.ActivityTable, calculation.Calculated]] = []
    sources: list[Source] = []
    balances = Balances(sources)
    production = Production()
    counts = {"records": 0, "excluded": 0}
    hashes = RowHashes()
    periods = flags.SourcePeriods()
    bounds = flags.published_bounds(factors)
    warned: list[Problem] = []
    try:  # the bucket files of the row hashes are removed however the run ends
        for path in paths:
            try:
                opened = [path] if isinstance(path, Source) else open_sources(path)
            except InputError as exc:
                problems += exc.problems
                continue
            for source in opened:
                problems += _read_source(
                    source,
                    sources,
                    checker,
                    groups,
                    balances,
                    production,
                    accumulator,
                    kept,
                    counts,
                    keep,
                    year,
                    gwp_set,
                    gwp,
                    calc_gwp,
                    batch_rows,
                    progress,
                    bool(problems),
                    hashes,
                    periods,
                    bounds,
                    warned,
                    sink,
                )
        problems += duplicate_records(checker, sources, hashes)
    finally:
        hashes.close()
    records, excluded = counts["records"], counts["excluded"]
    problems += balances.problems()
    cells = accumulator.cells(groups, calc_gwp) if not problems else None
    shares = market_shares(cells) if cells is not None else None
    if cells is not None and shares is not None:
        problems += market_problems(cells, sources, shares)
    names = [p.name if isinstance(p, Source) else str(p) for p in paths]
    if not problems and not records:
        if year is not None and excluded:
            problems.append(Problem(", ".join(names), None, "year", str(year), "no_records_year"))
        else:
            problems.append(Problem(", ".join(names) or "-", None, None, None, "no_records"))
    if problems:
        order = {name: i for i, name in enumerate(names)}
        problems.sort(key=lambda p: (order.get(p.file, len(order)), p.row if p.row is not None else 1 << 62))
        raise InputError(problems)
    assert cells is not None  # a run with problems raised above
    assert shares is not None
    warnings = warned + periods.warnings()
    return Computed(
        cells, groups, sources, records, excluded, gwp_set or "", gwp, kept, production.frame(), shares, warnings
    )


@dataclass
class Encoded:
    """A batch read ahead: its columns, text codes and row hashes."""

    columns: dict[str, pa.Array]
    text: dict[str, validation.Text]
    identity: np.ndarray


def _encoded(source: Source, checker: Checker, batch_rows: int, small: bool = False) -> Iterator[Encoded]:
    """The file's batches with their text codes and row hashes."""
    batches = source.batches(batch_rows, background=not small)
    for columns in batches if small else _prefetch(batches):  # reading runs one stage further ahead
        text, identity = checker.encode(columns)
        yield Encoded(columns, text, identity)


def _prefetch(items: Iterator[T], depth: int = 2) -> Iterator[T]:
    """Run ``items`` ahead in a thread (reading, decoding and hashing overlap the checks)."""
    done = object()
    slots: queue.Queue[object] = queue.Queue(maxsize=depth)
    stop = threading.Event()

    def produce() -> None:
        try:
            for item in items:
                while not stop.is_set():
                    try:
                        slots.put(item, timeout=0.1)
                        break
                    except queue.Full:
                        continue
                if stop.is_set():
                    return
            slots.put(done)
        except BaseException as exc:  # handed to the consumer, raised there
            slots.put(exc)

    worker = threading.Thread(target=produce, name="ghg-read", daemon=True)
    worker.start()
    try:
        while True:
            item = slots.get()
            if item is done:
                break
            if isinstance(item, BaseException):
                raise item
            yield item  # type: ignore[misc]
    finally:
        stop.set()
        worker.join()


def check(
    paths: Sequence[str | Path | Source],
    factors: FactorSet,
    year: int | None = None,
    progress: Progress | None = None,
    decimal_mark: str | None = None,
) -> Computed:
    """Check every record of ``paths`` (format, units, codes, factors) without calculating.

    Raises
    ------
    InputError
        With every problem of every file.
    """
    return compute(paths, None, factors, year, progress, decimal_mark=decimal_mark)


@dataclass
class InventoryResult:
    """Result lines (one per record and gas), totals, and the metadata that makes them reproducible.

    ``table`` holds the lines in Arrow (:data:`ghg.core.lines.LINE_SCHEMA_DICT`, sorted by year, enterprise,
    input file, row and gas); ``lines`` is the same as a DataFrame, made on first use.
    """

    table: pa.Table
    totals: pd.DataFrame
    summary: pd.DataFrame
    gwp_set: str
    releases: list[dict[str, str]]
    inputs: list[dict[str, object]]
    created: str
    software_version: str = field(default_factory=version)
    excluded_records: int = 0
    records: int = 0
    intensities: pd.DataFrame = field(default_factory=pd.DataFrame)
    production: pd.DataFrame = field(default_factory=pd.DataFrame)
    #: Inputs flagged, not refused (:mod:`ghg.core.flags`).
    warnings: list[Problem] = field(default_factory=list)

    @cached_property
    def lines(self) -> pd.DataFrame:
        return result_lines.plain(self.table).to_pandas()


def run(
    paths: Sequence[str | Path | Source],
    gwp_set: str,
    factors: FactorSet,
    year: int | None = None,
    progress: Progress | None = None,
    decimal_mark: str | None = None,
) -> InventoryResult:
    """Compute the Scope 1 and Scope 2 inventory of the records in ``paths``, with result lines.

    Parameters
    ----------
    paths : sequence of path or Source
        Activity files (CSV, XLSX, Parquet) in the documented input format, or opened sources.
    gwp_set : {"AR4", "AR5", "AR6"}
        GWP-100 set for CO2e; recorded on every line.
    factors : FactorSet
        The factor releases to use.
    year : int, optional
        Only the records of this reporting year.
    decimal_mark : {".", ","}, optional
        The decimal mark of numbers written as text, when declared (see :func:`compute`).

    Returns
    -------
    InventoryResult
    """
    computed = compute(paths, gwp_set, factors, year, progress, keep=True, decimal_mark=decimal_mark)
    shares = result_lines.covered_shares(computed.shares)
    # partition order, and canonical order inside each partition: the lines are stored and hashed as they are
    table = ordered_lines([part for t, c in computed.kept for part in result_lines.build_parts(t, c, shares)])
    computed.kept.clear()  # the records are in the lines now
    table = market.allocate(table)  # each contract covers its own supplier's electricity first
    totals, summary = totals_from_lines(table, gwp_set), summary_from_lines(table)
    releases, inputs = _releases(factors), _inputs(computed.sources)
    created = datetime.now(UTC).isoformat(timespec="seconds")
    return InventoryResult(
        table,
        totals,
        summary,
        gwp_set,
        releases,
        inputs,
        created,
        excluded_records=computed.excluded,
        records=computed.records,
        intensities=intensities(table, computed.production),
        production=computed.production,
        warnings=computed.warnings,
    )


@dataclass
class Streamed:
    """What :func:`stream` returns: the run's records checked and its lines spilled, not yet stored."""

    spill: Spill
    computed: Computed
    gwp_set: str
    releases: list[dict[str, str]]
    inputs: list[dict[str, object]]
    created: str
    software_version: str = field(default_factory=version)


def stream(
    paths: Sequence[str | Path | Source],
    gwp_set: str,
    factors: FactorSet,
    spill: Spill,
    year: int | None = None,
    progress: Progress | None = None,
    decimal_mark: str | None = None,
    batch_rows: int = STREAM_ROWS,
) -> Streamed:
    """Compute the inventory of ``paths`` with its result lines spilled to ``spill``, a batch at a time.

    The same checks and calculation as :func:`run`, in the memory of one batch of ``batch_rows`` records:
    each batch's lines go to ``spill`` as soon as it is calculated, and the store reads them back a group
    of partitions at a time (:meth:`Spill.groups`). Every problem of every file is still found before
    anything is stored.

    Raises
    ------
    InputError
        Every problem of every file (the spill holds lines of no use: the caller removes it).
    """

    def sink(table: validation.ActivityTable, calc: calculation.Calculated) -> None:
        spill.add(result_lines.build_parts(table, calc))

    computed = compute(
        paths, gwp_set, factors, year, progress, keep=True, batch_rows=batch_rows, decimal_mark=decimal_mark, sink=sink
    )
    return Streamed(
        spill,
        computed,
        gwp_set,
        _releases(factors),
        _inputs(computed.sources),
        datetime.now(UTC).isoformat(timespec="seconds"),
    )


def _releases(factors: FactorSet) -> list[dict[str, str]]:
    return [
        {"id": r.id, "version": r.meta.version, "tier": r.tier.value, "sha256": r.release_hash, "path": str(r.path)}
        for r in factors.releases
    ]


def _inputs(sources: list[Source]) -> list[dict[str, object]]:
    return [
        {"file": s.shown_name, "path": str(s.path), "sha256": s.sha256, "rows": s.n_rows, "kind": s.kind}
        for s in sources
    ]
