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
import pyarrow.compute as pc

from ghg import __version__
from ghg.core import calculation, flags, market, validation
from ghg.core import lines as result_lines
from ghg.core.activity import BATCH_ROWS, Source, open_sources
from ghg.core.errors import InputError, Problem
from ghg.core.factors import FactorSet
from ghg.core.vocabulary import COMBUSTION_GASES, Scope, SourceCategory

#: Keys of the totals table.
TOTAL_KEYS = ["enterprise", "year", "scope", "source_category", "gas"]

#: Called as ``progress(file_index, fraction_of_that_file_done)``.
Progress = Callable[[int, float], None]
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
        return _with_co2e(totals_from_cells(self.cells, self.gwp_set, self.shares), self.gwp)

    @property
    def summary(self) -> pd.DataFrame:
        return summary_from_cells(self.cells, self.shares)


def _read_source(
    source: Source,
    sources: list[Source],
    checker: validation.Checker,
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
    seen: dict[int, np.ndarray],
    periods: list[pd.DataFrame],
    bounds: dict[tuple[str, str, str], tuple[float, float]],
    warned: list[Problem],
) -> list[Problem]:
    """Check (and, while nothing has failed, calculate) one source; return its problems. Its records' row
    hashes go into ``seen`` (by file), for the records repeated across files."""
    file_index = len(sources)
    sources.append(source)
    col = validation.Collector(source)
    if source.problems:
        return col.finish()
    col.problems += source.row_problems
    identities: list[np.ndarray] = []
    repeated = None
    offset = 0
    try:
        small = 0 < source.expected_rows <= batch_rows // 4  # one batch: nothing to overlap, no threads
        items = _encoded(source, checker, batch_rows, small)
        for item in items if small else _prefetch(items):
            if item.identity is None:
                repeated = item.repeated
                continue
            columns = item.columns
            table, flagged = checker.check(col, columns, offset, file_index, item.text)
            identities.append(item.identity)
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
            periods.append(_distinct_periods(table, source))
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
    if repeated is not None and len(repeated):
        checker.duplicates(col, np.concatenate(identities), repeated)
    if identities:
        seen[file_index] = np.concatenate(identities)
    if progress:
        progress(file_index, 1.0)
    return col.finish()


def _distinct_periods(table: validation.ActivityTable, source: Source) -> pd.DataFrame:
    """One row per distinct source and period of a batch, with its first row (see
    :func:`ghg.core.flags.overlapping_periods`)."""
    names = [k for k in flags.SOURCE_KEY if k != "year"] + ["period"]
    codes = pd.DataFrame({name: table.text[name].codes for name in names})
    codes["year"] = table.year
    first = codes.drop_duplicates().index.to_numpy()
    out = pd.DataFrame(
        {
            name: np.take(np.append(table.text[name].categories, "").astype(object), table.text[name].codes[first])
            for name in names
        }
    )
    out["year"] = table.year[first]
    out["file"] = source.name
    out["row"] = table.row[first]
    return out


def repeated_across_files(sources: list[Source], seen: dict[int, np.ndarray]) -> list[Problem]:
    """The same record in two files (two exports of one ledger, one file given twice under two names): the
    later is named with the earlier, compared value by value (a hash is only where to look)."""
    if len(seen) < 2:
        return []
    files = sorted(seen)
    per_file = [np.unique(seen[i]) for i in files]
    hashes, counts = np.unique(np.concatenate(per_file), return_counts=True)
    shared = hashes[counts > 1]
    if not len(shared):
        return []
    first: dict[tuple[object, ...], tuple[str, int]] = {}
    found: list[Problem] = []
    for i in files:
        source = sources[i]
        rows = np.flatnonzero(np.isin(seen[i], shared))
        for row, record in zip(rows, source.take([int(r) for r in rows]), strict=True):
            key = tuple(validation.normal_value(record.get(c)) for c in validation.INPUT_COLUMNS)
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
    checker = validation.Checker(decimal_mark)
    groups = calculation.Groups(factors, gwp if gwp_set else None)
    problems: list[Problem] = []
    accumulator = Accumulator()
    kept: list[tuple[validation.ActivityTable, calculation.Calculated]] = []
    sources: list[Source] = []
    balances = Balances(sources)
    production = Production()
    counts = {"records": 0, "excluded": 0}
    seen: dict[int, np.ndarray] = {}
    periods: list[pd.DataFrame] = []
    bounds = flags.published_bounds(factors)
    warned: list[Problem] = []
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
                seen,
                periods,
                bounds,
                warned,
            )
    problems += repeated_across_files(sources, seen)
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
    warnings = warned + (flags.overlapping_periods(pd.concat(periods, ignore_index=True)) if periods else [])
    return Computed(
        cells, groups, sources, records, excluded, gwp_set or "", gwp, kept, production.frame(), shares, warnings
    )


@dataclass
class Encoded:
    """A batch read ahead: its columns, text codes and row hashes; the last item of a file has
    ``repeated`` instead: the row hashes that occur more than once in the whole file."""

    columns: dict[str, pa.Array] = field(default_factory=dict)
    text: dict[str, validation.Text] = field(default_factory=dict)
    identity: np.ndarray | None = None
    repeated: np.ndarray | None = None


def _encoded(source: Source, checker: validation.Checker, batch_rows: int, small: bool = False) -> Iterator[Encoded]:
    """The file's batches with their text codes and row hashes, then the repeated hashes."""
    identities = []
    batches = source.batches(batch_rows, background=not small)
    for columns in batches if small else _prefetch(batches):  # reading runs one stage further ahead
        text, identity = checker.encode(columns)
        identities.append(identity)
        yield Encoded(columns, text, identity)
    yield Encoded(repeated=validation.repeated(identities))


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


class Production:
    """Production records (``source_category = production``): t of product per enterprise, facility, year."""

    def __init__(self) -> None:
        self.frames: list[pd.DataFrame] = []

    def take_out(self, col: validation.Collector, table: validation.ActivityTable) -> validation.ActivityTable:
        """Keep the batch's production rows aside (checked: a mass of product); return the other rows."""
        source = table.text["source_category"]
        code = np.flatnonzero(source.categories == SourceCategory.PRODUCTION.value)
        if not len(code):
            return table
        rows = source.codes == code[0]
        part = table.take(rows)
        not_mass = part.kind != 0
        for i in np.flatnonzero(not_mass)[: validation.KEPT_PER_CHECK]:
            col.add(int(part.row[i]) - col.source.row_base, "unit", "production_unit", part.text["unit"].value(int(i)))
        self.frames.append(
            pd.DataFrame(
                {
                    "enterprise": part.text["enterprise"].values(),
                    "facility": part.text["facility"].values(),
                    "year": part.year,
                    "product": part.text["activity"].values(),
                    "output_t": part.amount,
                }
            )[~not_mass]
        )
        return table.take(~rows)

    def frame(self) -> pd.DataFrame:
        columns = ["enterprise", "facility", "year", "product", "output_t"]
        if not self.frames:
            return pd.DataFrame(columns=columns)
        return pd.concat(self.frames, ignore_index=True).groupby(columns[:4], sort=True).sum().reset_index()


def intensities(lines: pd.DataFrame | pa.Table, production: pd.DataFrame) -> pd.DataFrame:
    """Emissions and energy per tonne of product, per enterprise, facility, year and product.

    The facility's Scope 1 + Scope 2 (location-based) CO2e and its TOE are divided by each product's
    output. A facility with several products is not allocated between them: ``products`` says how many
    share the same totals, and such intensities are not additive.
    """
    if production.empty:
        return pd.DataFrame(
            columns=[
                "enterprise",
                "facility",
                "year",
                "product",
                "output_t",
                "t_co2e",
                "toe",
                "t_co2e_per_t",
                "toe_per_t",
                "products",
            ]
        )
    if isinstance(lines, pa.Table):
        wanted = ["enterprise", "facility", "year", "scope", "co2e_t", "energy_toe"]
        lines = result_lines.plain_columns(lines.select(wanted)).to_pandas()
    counted = lines[lines["scope"].isin([Scope.SCOPE_1.value, Scope.SCOPE_2.value])]
    facility = counted.groupby(["enterprise", "facility", "year"])[["co2e_t", "energy_toe"]].sum(min_count=1)
    out = production.join(facility, on=["enterprise", "facility", "year"]).fillna({"co2e_t": 0.0, "energy_toe": 0.0})
    out = out.rename(columns={"co2e_t": "t_co2e", "energy_toe": "toe"})
    out["t_co2e_per_t"] = out["t_co2e"] / out["output_t"]
    out["toe_per_t"] = out["toe"] / out["output_t"]
    out["products"] = out.groupby(["enterprise", "facility", "year"])["product"].transform("count")
    return out


class Balances:
    """Mass balances: per enterprise, facility, year and balance id, what goes in minus what goes out
    must not be negative - carbon for process streams (IPCC 2006 Vol. 3 Ch. 4), gas mass for fugitive
    gases (Ch. 7). A negative balance is a problem naming its streams."""

    def __init__(self, sources: list[Source]) -> None:
        self.sources = sources
        self.frames: list[pd.DataFrame] = []

    def add(self, table: validation.ActivityTable, gid: np.ndarray, groups: calculation.Groups) -> None:
        rows = np.flatnonzero(table.text["balance"].codes >= 0)
        if not len(rows):
            return
        part, index = table.take(rows), gid[rows]
        coef = calculation.coefficients(groups, {"CO2": 1.0, "CH4": 0.0, "N2O": 0.0})
        energy, mass = calculation.energy_and_mass(part, index, coef)
        co2 = calculation.direct_co2(part, index, coef, energy, mass)
        gas = np.take(coef.fugitive_sign, index) != 0
        carbon = np.zeros(len(part)) if co2 is None else np.nan_to_num(co2) * 12 / 44
        value = np.where(gas, calculation.fugitive_mass(index, coef, mass), carbon)
        self.frames.append(
            pd.DataFrame(
                {
                    "enterprise": part.text["enterprise"].values(),
                    "facility": part.text["facility"].values(),
                    "year": part.year,
                    "balance": part.text["balance"].values(),
                    "gas": gas,
                    "value": value,
                    "file_index": part.file_index,
                    "row": part.row,
                }
            )
        )

    def problems(self) -> list[Problem]:
        if not self.frames:
            return []
        streams = pd.concat(self.frames, ignore_index=True)
        found = []
        for key, rows in streams.groupby(["enterprise", "facility", "year", "balance", "gas"], sort=True):
            into = float(rows.loc[rows["value"] > 0, "value"].sum())
            out = -float(rows.loc[rows["value"] < 0, "value"].sum())
            if out > into:
                source = self.sources[int(rows["file_index"].iloc[0])]
                params: dict[str, object] = {
                    "carbon_in": f"{into:,.3f}",
                    "carbon_out": f"{out:,.3f}",
                    "rows": ", ".join(str(int(r)) for r in rows["row"]),
                }
                code = "fugitive_balance_negative" if key[4] else "balance_negative"
                found.append(
                    Problem(source.name, int(rows["row"].iloc[0]), "balance", str(key[3]), code, source.sheet, params)
                )
        return found


class Accumulator:
    """Sums per (enterprise, factor group) cell, dense and growing, across batches and files.

    Per row only energy [TJ], fuel mass [t] and measured-carbon CO2 [t] are summed (one
    weighted bincount each); each gas is then its group's factor times the cell's
    energy, which is the sum of the rows' ``energy × EF`` with the factor taken out.
    """

    QUANTITIES = (
        "records",
        "energy_tj",
        "mass_t",
        "energy_default_co2_tj",
        "co2_measured_t",
        "fugitive_t",
        "covered_tj",
        "market_co2_t",
    )

    def __init__(self) -> None:
        self.enterprises: dict[str, int] = {}
        self.sums = {q: np.zeros((0, 0)) for q in self.QUANTITIES}

    def add(
        self,
        table: validation.ActivityTable,
        index: np.ndarray,
        n_groups: int,
        energy: np.ndarray,
        mass: np.ndarray,
        co2_measured: np.ndarray | None,
        fugitive: np.ndarray | None = None,
        market: tuple[np.ndarray, np.ndarray] | None = None,
    ) -> None:
        enterprise = table.text["enterprise"]
        local = np.array(
            [self.enterprises.setdefault(str(e), len(self.enterprises)) for e in enterprise.categories] + [-1],
            dtype=np.int64,
        )
        self._grow(len(self.enterprises), n_groups)
        width = n_groups + 1
        cell = enterprise.codes.astype(np.int64) * width + index
        size = (len(enterprise.categories) + 1) * width
        count = np.bincount(cell, minlength=size)
        keep = np.flatnonzero(count)
        ent, grp = np.divmod(keep, width)
        rows, cols = local[ent], grp
        # mass is NaN for quantities given as energy; those cells use energy for TOE, never mass
        weights = {"records": None, "energy_tj": energy, "mass_t": mass}
        if fugitive is not None and fugitive.any():
            weights["fugitive_t"] = fugitive
        if market is not None:
            weights["covered_tj"], weights["market_co2_t"] = market
        if co2_measured is not None:
            measured = ~np.isnan(co2_measured)
            weights["energy_default_co2_tj"] = np.where(measured, 0.0, energy)
            weights["co2_measured_t"] = np.where(measured, co2_measured, 0.0)
        for name, w in weights.items():
            summed = (count if w is None else np.bincount(cell, weights=w, minlength=size))[keep]
            self.sums[name][rows, cols] += summed
            if name == "energy_tj" and co2_measured is None:
                self.sums["energy_default_co2_tj"][rows, cols] += summed

    def _grow(self, n_ent: int, n_groups: int) -> None:
        old = self.sums["records"].shape
        if old[0] >= n_ent and old[1] >= n_groups + 1:
            return
        shape = (max(n_ent, old[0]), max(n_groups + 1, old[1]))
        for name, arr in self.sums.items():
            grown = np.zeros(shape)
            grown[: old[0], : old[1]] = arr
            self.sums[name] = grown

    def cells(self, groups: calculation.Groups, gwp: dict[str, float]) -> pd.DataFrame:
        """One row per non-empty cell: enterprise, group, year, source category, biogenic, gas masses, CO2e, energy."""
        c = calculation.coefficients(groups, gwp) if gwp else None
        ent, grp = np.nonzero(self.sums["records"])
        names = np.array(list(self.enterprises), dtype=object)
        out = pd.DataFrame({"enterprise": names[ent] if len(names) else np.zeros(0, dtype=object), "group": grp})
        for name, arr in self.sums.items():
            out[name] = arr[ent, grp]
        if c is not None:
            energy = out["energy_tj"].to_numpy()
            out["co2_t"] = out["energy_default_co2_tj"].to_numpy() * c.ef["CO2"][grp] + out["co2_measured_t"].to_numpy()
            out["ch4_t"] = energy * c.ef["CH4"][grp]
            out["n2o_t"] = energy * c.ef["N2O"][grp]
            out["co2e_t"] = (
                out["co2_t"] * c.fossil[grp]
                + out["ch4_t"] * gwp.get("CH4", 0.0)
                + out["n2o_t"] * gwp.get("N2O", 0.0)
                + out["fugitive_t"] * c.fugitive_gwp[grp]
            )
            out["energy_toe"] = np.where(
                c.toe_by_mass[grp], out["mass_t"] * c.toe_per_t[grp], energy * c.toe_per_tj[grp]
            )
        return _describe(out, groups)


def _describe(cells: pd.DataFrame, groups: calculation.Groups) -> pd.DataFrame:
    """Add each cell's year, source category and whether its CO2 is biogenic."""
    keys = groups.frame
    group = cells["group"].to_numpy(dtype=np.int64)
    cells["year"] = keys["year"].to_numpy()[group] if len(keys) else np.zeros(0, dtype=np.int64)
    cells["source_category"] = keys["source_category"].to_numpy()[group] if len(keys) else np.zeros(0, dtype=object)
    cells["biogenic"] = groups.biogenic[group]
    cells["activity"] = keys["activity"].to_numpy()[group] if len(keys) else np.zeros(0, dtype=object)
    cells["instrument"] = np.isin(group, list(groups.instrument))
    cells["heat"] = np.isin(group, list(groups.heat))
    return cells


def market_shares(cells: pd.DataFrame) -> pd.DataFrame:
    """Per enterprise and year: electricity bought and covered by instruments [TJ], and the market-based CO2 [t].

    Market-based Scope 2 (GHG Protocol Scope 2 Guidance): the instruments' own CO2, plus the electricity
    not covered at the grid factor - Vietnam publishes no residual mix, so the grid factor is the fallback.
    """
    electricity = cells["source_category"] == SourceCategory.PURCHASED_ELECTRICITY.value
    bought = cells[electricity & ~cells["instrument"]].groupby(["enterprise", "year"])[["energy_tj", "co2_t"]].sum()
    covered = (
        cells[electricity & cells["instrument"]].groupby(["enterprise", "year"])[["covered_tj", "market_co2_t"]].sum()
    )
    out = bought.join(covered, how="outer").fillna(0.0)
    with np.errstate(divide="ignore", invalid="ignore"):
        out["share_covered"] = np.where(out["energy_tj"] > 0, out["covered_tj"] / out["energy_tj"], 0.0)
    uncovered = np.clip(1.0 - out["share_covered"].to_numpy(), 0.0, 1.0)
    out["market_co2_total_t"] = out["market_co2_t"] + out["co2_t"] * uncovered
    return out.reset_index()


def market_problems(cells: pd.DataFrame, sources: list[Source], shares: pd.DataFrame | None = None) -> list[Problem]:
    """Instruments may not cover more electricity than was bought in the same enterprise and year."""
    shares = market_shares(cells) if shares is None else shares
    found = []
    for row in shares[shares["covered_tj"] > shares["energy_tj"] * (1 + 1e-9)].itertuples():
        found.append(
            Problem(
                ", ".join(s.name for s in sources),
                None,
                "instrument",
                f"{row.enterprise} {row.year}",
                "instruments_exceed",
                params={
                    "covered": f"{float(row.covered_tj) / 0.0036:,.3f}",  # type: ignore[arg-type]
                    "bought": f"{float(row.energy_tj) / 0.0036:,.3f}",  # type: ignore[arg-type]
                },
            )
        )
    return found


def totals_from_cells(cells: pd.DataFrame, gwp_set: str, shares: pd.DataFrame | None = None) -> pd.DataFrame:
    """Totals by enterprise, year, scope, source category and gas: mass [t] and CO2e [t] (biogenic CO2: memo)."""
    source = cells["source_category"].to_numpy()
    scope_2 = (source == SourceCategory.PURCHASED_ELECTRICITY.value) | (source == SourceCategory.PURCHASED_HEAT.value)
    electricity = scope_2
    fugitive = source == SourceCategory.FUGITIVE.value
    instrument = cells["instrument"].to_numpy()
    co2_only = electricity | (source == SourceCategory.PROCESS.value) | fugitive
    frames = []
    if fugitive.any():
        part = cells.loc[fugitive, ["enterprise", "year", "source_category"]].copy()
        part["gas"] = cells.loc[fugitive, "activity"].to_numpy()
        part["mass_t"] = cells.loc[fugitive, "fugitive_t"].to_numpy()
        part["scope"] = Scope.SCOPE_1.value
        part["memo"] = False
        frames.append(part)
    for gas in COMBUSTION_GASES:
        part = cells[["enterprise", "year", "source_category"]].copy()
        part["gas"] = gas
        part["mass_t"] = cells[f"{gas.lower()}_t"].to_numpy()
        memo = cells["biogenic"].to_numpy() if gas == "CO2" else np.zeros(len(cells), dtype=bool)
        part["scope"] = np.where(
            memo, Scope.MEMO_BIOGENIC.value, np.where(electricity, Scope.SCOPE_2.value, Scope.SCOPE_1.value)
        )
        part["memo"] = memo
        frames.append(part[~co2_only] if gas != "CO2" else part[~fugitive & ~instrument])
    shares = market_shares(cells) if shares is None else shares
    if len(shares):
        part = shares[["enterprise", "year"]].copy()
        part["source_category"] = SourceCategory.PURCHASED_ELECTRICITY.value
        part["gas"], part["mass_t"], part["scope"], part["memo"] = (
            "CO2",
            shares["market_co2_total_t"],
            "scope_2_market",
            False,
        )
        frames.append(part)
    heat = cells["heat"].to_numpy()
    if heat.any():  # a supplier-specific factor serves both methods
        part = cells.loc[heat, ["enterprise", "year", "source_category"]].copy()
        part["gas"], part["mass_t"], part["scope"], part["memo"] = (
            "CO2",
            cells.loc[heat, "co2_t"],
            "scope_2_market",
            False,
        )
        frames.append(part)
    long = pd.concat(frames, ignore_index=True)
    long = long.groupby([*TOTAL_KEYS, "memo"], sort=True)["mass_t"].sum().reset_index()
    return long.drop(columns="memo").assign(gwp_set=gwp_set)


def _with_co2e(totals: pd.DataFrame, gwp: dict[str, float]) -> pd.DataFrame:
    factor = totals["gas"].map(gwp).to_numpy()
    totals["co2e_t"] = np.where(totals["scope"] == Scope.MEMO_BIOGENIC.value, 0.0, totals["mass_t"] * factor)
    return totals


def summary_from_cells(cells: pd.DataFrame, shares: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per enterprise and year: Scope 1, Scope 2 location- and market-based, total (with location-based
    Scope 2) [t CO2e], biogenic CO2 [t], energy [TJ, TOE]."""
    source = cells["source_category"]
    electricity = (source == SourceCategory.PURCHASED_ELECTRICITY.value) | (
        source == SourceCategory.PURCHASED_HEAT.value
    )
    frame = pd.DataFrame(
        {
            "enterprise": cells["enterprise"],
            "year": cells["year"],
            "scope_1_t_co2e": np.where(electricity, 0.0, cells["co2e_t"]),
            "scope_2_location_t_co2e": np.where(electricity, cells["co2e_t"], 0.0),
            "biogenic_co2_t": np.where(cells["biogenic"], cells["co2_t"], 0.0),
            "energy_tj": cells["energy_tj"],
            "energy_toe": cells["energy_toe"],
        }
    )
    out = frame.groupby(["enterprise", "year"], sort=True).sum().reset_index()
    table = market_shares(cells) if shares is None else shares
    by_key = table.set_index(["enterprise", "year"])["market_co2_total_t"]
    heat = cells[cells["heat"]].groupby(["enterprise", "year"])["co2e_t"].sum()
    keys = pd.MultiIndex.from_frame(out[["enterprise", "year"]])
    market = by_key.reindex(keys).fillna(0.0).to_numpy() + heat.reindex(keys).fillna(0.0).to_numpy()
    out.insert(4, "scope_2_market_t_co2e", market)
    out.insert(5, "total_t_co2e", out["scope_1_t_co2e"] + out["scope_2_location_t_co2e"])
    return out


#: Columns of the summary, in order.
SUMMARY_COLUMNS = [
    "enterprise",
    "year",
    "scope_1_t_co2e",
    "scope_2_location_t_co2e",
    "scope_2_market_t_co2e",
    "total_t_co2e",
    "biogenic_co2_t",
    "energy_tj",
    "energy_toe",
]


def _plain_keys(lines: pa.Table, keys: list[str], values: list[str]) -> pa.Table:
    """``lines`` reduced to ``keys`` (text decoded from dictionaries) and ``values`` (missing = 0)."""
    columns = {}
    for k in keys:
        col = lines.column(k)
        columns[k] = pc.cast(col, pa.string()) if pa.types.is_dictionary(col.type) else col
    for v in values:
        columns[v] = pc.fill_null(lines.column(v), 0.0)
    return pa.table(columns)


def summary_from_lines(lines: pa.Table) -> pd.DataFrame:
    """One row per enterprise and year, summed from the result lines themselves: Scope 1, Scope 2 location-
    and market-based, total (Scope 1 + Scope 2 location-based) [t CO2e], biogenic CO2 (memo) [t], energy
    [TJ, TOE] (each record's energy stands on one of its lines)."""
    scope = pc.cast(lines.column("scope"), pa.string())
    co2e = pc.fill_null(lines.column("co2e_t"), 0.0)
    zero = pa.scalar(0.0)
    parts = {
        "scope_1_t_co2e": pc.if_else(pc.equal(scope, Scope.SCOPE_1.value), co2e, zero),
        "scope_2_location_t_co2e": pc.if_else(pc.equal(scope, Scope.SCOPE_2.value), co2e, zero),
        "scope_2_market_t_co2e": pc.if_else(pc.equal(scope, "scope_2_market"), co2e, zero),
        "biogenic_co2_t": pc.if_else(pc.equal(scope, Scope.MEMO_BIOGENIC.value), lines.column("mass_t"), zero),
    }
    base = _plain_keys(lines, ["enterprise", "year"], ["energy_tj", "energy_toe"])
    for name, values in parts.items():
        base = base.append_column(name, values)
    sums = [(c, "sum") for c in [*parts, "energy_tj", "energy_toe"]]
    grouped = base.group_by(["enterprise", "year"]).aggregate(sums)
    out = grouped.rename_columns([n.removesuffix("_sum") for n in grouped.column_names]).to_pandas()
    out["total_t_co2e"] = out["scope_1_t_co2e"] + out["scope_2_location_t_co2e"]
    out = out.sort_values(["enterprise", "year"], kind="stable").reset_index(drop=True)
    return out[SUMMARY_COLUMNS]


def totals_from_lines(lines: pa.Table, gwp_set: str) -> pd.DataFrame:
    """Totals by enterprise, year, scope, source category and gas, summed from the result lines: mass [t] and
    CO2e [t] (biogenic CO2 is a memo item: 0 t CO2e)."""
    base = _plain_keys(lines, TOTAL_KEYS, ["mass_t", "co2e_t"])
    grouped = base.group_by(TOTAL_KEYS).aggregate([("mass_t", "sum"), ("co2e_t", "sum")])
    out = grouped.rename_columns([n.removesuffix("_sum") for n in grouped.column_names]).to_pandas()
    out = out.sort_values(TOTAL_KEYS, kind="stable").reset_index(drop=True)
    out.insert(len(TOTAL_KEYS), "gwp_set", gwp_set)
    return out[[*TOTAL_KEYS, "gwp_set", "mass_t", "co2e_t"]]


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
    software_version: str = __version__
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
    table = pa.concat_tables([result_lines.build(t, c, shares) for t, c in computed.kept])
    table = market.allocate(table)  # each contract covers its own supplier's electricity first
    computed.kept.clear()  # the records are in the lines now
    keys = pa.table(
        {
            "year": table.column("year"),
            "enterprise": table.column("enterprise").cast(pa.string()),
            "input_file": table.column("input_file").cast(pa.string()),
            "input_row": table.column("input_row"),
            "gas": table.column("gas").cast(pa.string()),
        }
    )
    table = table.take(pc.sort_indices(keys, sort_keys=[(k, "ascending") for k in keys.column_names]))
    del keys
    totals, summary = totals_from_lines(table, gwp_set), summary_from_lines(table)
    releases = [
        {"id": r.id, "version": r.meta.version, "tier": r.tier.value, "sha256": r.release_hash, "path": str(r.path)}
        for r in factors.releases
    ]
    inputs = [
        {"file": s.shown_name, "path": str(s.path), "sha256": s.sha256, "rows": s.n_rows, "kind": s.kind}
        for s in computed.sources
    ]
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
