"""The inventory job: read and check activity files, resolve factors, calculate, aggregate.

This is the orchestrator (pvlib's ``ModelChain`` shape): it takes the file paths, the
GWP set and the factor releases as arguments and returns the result.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
import pandas as pd

from ghg import __version__, activity, calculation, validation
from ghg.errors import InputError, Problem
from ghg.factors import FactorSet
from ghg.store import LINE_SCHEMA
from ghg.vocabulary import COMBUSTION_GASES, Scope, SourceCategory, Tier

#: Keys of the totals table.
TOTAL_KEYS = ["enterprise", "year", "scope", "source_category", "gas"]

Progress = Callable[[str], None]


def check(paths: Sequence[str | Path], factors: FactorSet, year: int | None = None,
          progress: Progress | None = None) -> tuple[validation.ActivityTable, calculation.Groups, int]:
    """Read and check every file, then resolve every factor; raise once with every problem.

    Returns the checked table (restricted to ``year`` when given), its resolved factor
    groups, and how many records of other years were left out.

    Raises
    ------
    InputError
        With every problem of every file (file, sheet, row, column, value, fix).
    """
    problems: list[Problem] = []
    tables: list[validation.ActivityTable] = []
    raws: list[activity.RawTable] = []
    for path in paths:
        if progress:
            progress(str(path))
        try:
            raw = activity.read(path)
        except InputError as exc:
            problems += exc.problems
            continue
        table, found, flagged = validation.parse(raw)
        problems += found
        if table is not None:
            # rows with a problem of their own are not resolved further: their message is enough
            table = table.take(~flagged) if flagged.any() else table
            table.file_index[:] = len(raws)
            tables.append(table)
        raws.append(raw)
    if not tables and not problems:
        raise InputError([Problem(", ".join(map(str, paths)) or "-", None, None, None, "no_records")])
    excluded = 0
    groups = None
    data = None
    if tables:
        data = validation.concat(tables)
        data.files = raws
        if year is not None:
            keep = data.year == year
            excluded = int((~keep).sum())
            data = data.take(keep)
            if not len(data) and not problems:
                problems.append(Problem(", ".join(map(str, paths)), None, "year", str(year), "no_records_year"))
        if len(data):
            groups, found = calculation.resolve(data, factors)
            problems += found
    if problems:
        order = {name: i for i, name in enumerate(map(str, paths))}
        problems.sort(key=lambda p: (order.get(p.file, len(order)), p.row if p.row is not None else 1 << 62))
        raise InputError(problems)
    assert data is not None and groups is not None  # every other case raised above
    return data, groups, excluded


@dataclass
class Computed:
    """The job without the per-line table: per-record results and totals (enough for large data sets)."""

    table: validation.ActivityTable
    calc: calculation.Calculated
    totals: pd.DataFrame
    excluded: int


def compute(paths: Sequence[str | Path], gwp_set: str, factors: FactorSet, year: int | None = None,
            progress: Progress | None = None) -> Computed:
    """Read, check, calculate and aggregate (totals by enterprise, year, scope, category, gas)."""
    gwp = factors.gwp_values(gwp_set)
    table, groups, excluded = check(paths, factors, year, progress)
    calc = calculation.calculate(table, groups, gwp_set, gwp)
    return Computed(table, calc, aggregate_records(table, calc), excluded)


def aggregate_records(table: validation.ActivityTable, calc: calculation.Calculated) -> pd.DataFrame:
    """Totals by enterprise, year, scope, source category and gas, with weighted bincounts.

    Each (enterprise, group) cell is summed in one pass per quantity; the small result
    is then collapsed to the total keys. Mass [t] per gas and CO2e [t] under the GWP set.
    """
    g = calc.groups
    n_groups = len(g.keys) + 1
    enterprise = table.text["enterprise"]
    cell = enterprise.codes.astype(np.int64) * n_groups + g.index
    size = (len(enterprise.categories) + 1) * n_groups
    sums = {gas: np.bincount(cell, weights=calc.records[f"{gas.lower()}_t"], minlength=size)
            for gas in COMBUSTION_GASES}
    ent_of, group_of = np.divmod(np.arange(size), n_groups)
    keys = g.keys
    source = np.append(keys["source_category"].to_numpy(dtype=object), "")
    year = np.append(keys["year"].to_numpy(), 0)
    electricity = source == SourceCategory.PURCHASED_ELECTRICITY.value
    names = np.append(enterprise.categories, "").astype(object)
    count = np.bincount(cell, minlength=size)
    frames = []
    for gas in COMBUSTION_GASES:
        mass = sums[gas]
        memo = g.biogenic if gas == "CO2" else np.zeros(n_groups, dtype=bool)
        keep = np.flatnonzero((count > 0) & ~(electricity[group_of] & (gas != "CO2")))
        scope = np.where(memo[group_of[keep]], Scope.MEMO_BIOGENIC.value,
                         np.where(electricity[group_of[keep]], Scope.SCOPE_2.value, Scope.SCOPE_1.value))
        frames.append(pd.DataFrame({
            "enterprise": names[ent_of[keep]], "year": year[group_of[keep]], "scope": scope,
            "source_category": source[group_of[keep]], "gas": gas, "mass_t": mass[keep],
            "co2e_t": np.where(memo[group_of[keep]], 0.0, mass[keep] * calc.gwp[gas])}))
    cells = pd.concat(frames, ignore_index=True)
    totals = cells.groupby(TOTAL_KEYS, sort=True)[["mass_t", "co2e_t"]].sum().reset_index()
    totals["gwp_set"] = calc.gwp_set
    return totals


@dataclass
class InventoryResult:
    """Result lines (one per record and gas), totals, and the metadata that makes them reproducible."""

    lines: pd.DataFrame
    totals: pd.DataFrame
    summary: pd.DataFrame
    gwp_set: str
    releases: list[dict[str, str]]
    inputs: list[dict[str, object]]
    created: str
    software_version: str = __version__
    excluded_records: int = 0


def run(paths: Sequence[str | Path], gwp_set: str, factors: FactorSet, year: int | None = None,
        progress: Progress | None = None) -> InventoryResult:
    """Compute the Scope 1 and Scope 2 inventory of the records in ``paths``.

    Parameters
    ----------
    paths : sequence of path
        Activity files (CSV, XLSX, Parquet) in the documented input format.
    gwp_set : {"AR4", "AR5", "AR6"}
        GWP-100 set for CO2e; recorded on every line.
    factors : FactorSet
        The factor releases to use.
    year : int, optional
        Only the records of this reporting year.

    Returns
    -------
    InventoryResult
    """
    computed = compute(paths, gwp_set, factors, year, progress)
    lines = build_lines(computed.table, computed.calc)
    releases = [{"id": r.id, "version": r.meta.version, "tier": r.tier.value, "sha256": r.release_hash}
                for r in factors.releases]
    inputs = [{"file": raw.path.name, "path": str(raw.path), "sha256": raw.sha256, "rows": raw.n_rows,
               "kind": raw.kind} for raw in computed.table.files]
    created = datetime.now(UTC).isoformat(timespec="seconds")
    return InventoryResult(lines, computed.totals, summarise(lines), gwp_set, releases, inputs, created,
                           excluded_records=computed.excluded)


def _group_text(values: list[str], index: np.ndarray) -> np.ndarray:
    return np.take(np.array(values + [""], dtype=object), index)


def build_lines(table: validation.ActivityTable, calc: calculation.Calculated) -> pd.DataFrame:
    """The long result table: one row per input record and gas, with lineage (for storage and reports)."""
    g, rec = calc.groups, calc.records
    idx, keys = g.index, g.keys
    source = _group_text(list(keys["source_category"]), idx)
    electricity = source == SourceCategory.PURCHASED_ELECTRICITY.value
    methods = _group_text([calculation.method_of(k, s) for k, s in zip(keys["kind"], keys["source_category"],
                                                                         strict=True)], idx)
    files = table.files
    names = np.array([f.path.name for f in files], dtype=object)[table.file_index]
    hashes = np.array([f.sha256 for f in files], dtype=object)[table.file_index]
    measured_cols = {"ncv": ("ncv_tj_per_t", "ncv_tj_per_nm3"), "carbon_content": ("carbon_co2_per_tj", "carbon_co2_per_t"),
                     "density": ("density_t_per_m3",)}
    flags = {name: np.zeros(len(table), dtype=bool) for name in measured_cols}
    for name, cols in measured_cols.items():
        for c in cols:
            if c in table.measured:
                flags[name] |= ~np.isnan(table.measured[c])
    common = {
        "enterprise": table.text["enterprise"].values(), "facility": table.text["facility"].values(),
        "year": table.year, "period": table.text["period"].values(), "source_category": source,
        "ipcc_category": table.text["ipcc_category"].values(), "activity": table.text["activity"].values(),
        "technology": table.text["technology"].values(), "quantity": table.quantity,
        "unit": table.text["unit"].values(), "method": methods, "input_file": names, "input_sha256": hashes,
        "input_row": table.row, "evidence": table.text["evidence"].values(),
    }
    parts = []
    for gas in COMBUSTION_GASES:
        key = gas.lower()
        resolved = g.ef[gas]
        biogenic = g.biogenic[idx] & (gas == "CO2")
        scope = np.where(biogenic, Scope.MEMO_BIOGENIC.value,
                         np.where(electricity, Scope.SCOPE_2.value, Scope.SCOPE_1.value))
        tier = _group_text([calculation.tier_of(r) for r in resolved], idx)
        ef = np.array([np.nan if r is None else r.value for r in resolved] + [np.nan])[idx]
        measured = np.full(len(table), "", dtype=object)
        for name in (("ncv", "carbon_content", "density") if gas == "CO2" else ("ncv", "density")):
            measured = np.where(flags[name], np.where(measured == "", name, measured + "," + name), measured)
        if gas == "CO2":
            ef = rec["co2_ef"]
            tier = np.where(flags["carbon_content"], Tier.MEASURED.value, tier)
        mass = rec[f"{key}_t"]
        part = pd.DataFrame({
            **common, "scope": scope, "gas": gas, "mass_t": mass, "gwp_set": calc.gwp_set, "gwp": calc.gwp[gas],
            "co2e_t": np.where(biogenic, 0.0, mass * calc.gwp[gas]),
            "energy_tj": rec["energy_tj"] if gas == "CO2" else np.nan,
            "energy_toe": rec["energy_toe"] if gas == "CO2" else np.nan,
            "toe_method": calculation.toe_method(calc, table) if gas == "CO2" else "",
            "emission_factor_t_per_tj": ef, "tier": tier, "measured": measured,
            "factor_id": _group_text([r.factor_id if r else "" for r in resolved], idx),
            "factor_release": _group_text([r.release if r else "" for r in resolved], idx),
        })
        parts.append(part[~electricity] if gas != "CO2" else part)
    lines = pd.concat(parts, ignore_index=True)
    order = np.lexsort((lines["gas"].to_numpy(), lines["input_row"].to_numpy(), lines["input_file"].to_numpy(),
                        lines["enterprise"].to_numpy(), lines["year"].to_numpy()))
    return lines.iloc[order].reset_index(drop=True)[LINE_SCHEMA.names]


def summarise(lines: pd.DataFrame) -> pd.DataFrame:
    """One row per enterprise and year: Scope 1, Scope 2 (location-based), biogenic memo [t CO2e], energy."""
    co2e = lines.pivot_table(index=["enterprise", "year"], columns="scope", values="co2e_t", aggfunc="sum",
                             fill_value=0.0)
    memo = lines[lines["scope"] == Scope.MEMO_BIOGENIC.value].groupby(["enterprise", "year"])["mass_t"].sum()
    energy = lines.groupby(["enterprise", "year"])[["energy_tj", "energy_toe"]].sum(min_count=1)
    out = pd.DataFrame(index=energy.index)
    out["scope_1_t_co2e"] = co2e.get(Scope.SCOPE_1.value, 0.0)
    out["scope_2_location_t_co2e"] = co2e.get(Scope.SCOPE_2.value, 0.0)
    out["total_t_co2e"] = out["scope_1_t_co2e"] + out["scope_2_location_t_co2e"]
    out["biogenic_co2_t"] = memo.reindex(out.index).fillna(0.0)
    out["energy_tj"] = energy["energy_tj"].fillna(0.0)
    out["energy_toe"] = energy["energy_toe"].fillna(0.0)
    return out.fillna(0.0).reset_index()
