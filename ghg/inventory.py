"""The inventory job: read and check activity files, resolve factors, calculate, aggregate.

This is the orchestrator (pvlib's ``ModelChain`` shape): it takes the file paths, the
GWP set and the factor releases as arguments and returns an :class:`InventoryResult`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
import pandas as pd

from ghg import __version__, activity, calculation, validation
from ghg.errors import InputError, Problem
from ghg.factors import FactorSet
from ghg.vocabulary import COMBUSTION_GASES, Scope, SourceCategory

#: Columns of the result lines, in order (see :data:`ghg.store.LINE_SCHEMA` for types).
TOTAL_KEYS = ["enterprise", "year", "scope", "source_category", "gas"]

Progress = Callable[[str], None]


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
    metadata: dict[str, object] = field(default_factory=dict)


def check(paths: Sequence[str | Path], factors: FactorSet, year: int | None = None,
          progress: Progress | None = None) -> tuple[validation.ActivityTable, tuple[np.ndarray, pd.DataFrame, object], int]:
    """Read and check every file, then resolve every factor; raise once with every problem.

    Returns the checked table (restricted to ``year`` when given), the resolved factor
    groups, and how many records of other years were left out.

    Raises
    ------
    InputError
        With every problem of every file (file, sheet, row, column, value, fix).
    """
    problems: list[Problem] = []
    frames, raws = [], []
    for path in paths:
        if progress:
            progress(str(path))
        try:
            raw = activity.read(path)
        except InputError as exc:
            problems += exc.problems
            continue
        frame, found = validation.parse(raw)
        problems += found
        if len(frame):
            # rows with a problem of their own are not resolved further: their message is enough
            flagged = {p.row for p in found if p.row is not None}
            frame = frame[~frame["row"].isin(flagged)]
            frame["file_index"] = np.int16(len(raws))
            frames.append(frame)
        raws.append(raw)
    if not frames and not problems:
        raise InputError([Problem(", ".join(map(str, paths)) or "-", None, None, None, "no_records")])
    excluded = 0
    data = _concat(frames).reset_index(drop=True) if frames else pd.DataFrame()
    if year is not None and len(data):
        keep = data["year"].to_numpy() == year
        excluded = int((~keep).sum())
        data = data[keep].reset_index(drop=True)
        if data.empty and not problems:
            raise InputError([Problem(", ".join(map(str, paths)), None, "year", str(year), "no_records_year")])
    table = validation.ActivityTable(data, raws)
    group, keys, gf = np.zeros(0, dtype=np.int64), pd.DataFrame(), None
    if len(data):
        group, keys, gf, found = calculation.resolve(table, factors)
        problems += found
    if problems:
        order = {name: i for i, name in enumerate(map(str, paths))}
        problems.sort(key=lambda p: (order.get(p.file, len(order)), p.row if p.row is not None else 1 << 62))
        raise InputError(problems)
    return table, (group, keys, gf), excluded


def _concat(frames: list[pd.DataFrame]) -> pd.DataFrame:
    if len(frames) == 1:
        return frames[0]
    cats = [c for c in frames[0].columns if isinstance(frames[0][c].dtype, pd.CategoricalDtype)]
    for c in cats:
        union = pd.api.types.union_categoricals([f[c] for f in frames]).categories
        for f in frames:
            f[c] = f[c].cat.set_categories(union)
    return pd.concat(frames, ignore_index=True)


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
    gwp = factors.gwp_values(gwp_set)
    table, (group, _keys, gf), excluded = check(paths, factors, year, progress)
    biomass = set(factors.activities.index[factors.activities["biomass"] == "true"])
    calc = calculation.calculate(table, group, gf, gwp_set, gwp, biomass)  # type: ignore[arg-type]
    lines = build_lines(table, calc)
    totals = aggregate(lines)
    summary = summarise(lines)
    releases = [{"id": r.id, "version": r.meta.version, "tier": r.tier.value, "sha256": r.release_hash}
                for r in factors.releases]
    inputs = [{"file": raw.path.name, "path": str(raw.path), "sha256": raw.sha256, "rows": raw.n_rows,
               "kind": raw.kind} for raw in table.files]
    created = datetime.now(UTC).isoformat(timespec="seconds")
    return InventoryResult(lines, totals, summary, gwp_set, releases, inputs, created, excluded_records=excluded)


def build_lines(table: validation.ActivityTable, calc: calculation.Calculated) -> pd.DataFrame:
    """The long result table: one row per input record and gas, with lineage."""
    data, rec = table.data, calc.records
    source = data["source_category"].astype(str).to_numpy()
    electricity = source == SourceCategory.PURCHASED_ELECTRICITY.value
    scope_base = np.where(electricity, Scope.SCOPE_2.value, Scope.SCOPE_1.value)
    files = table.files
    file_index = data["file_index"].to_numpy()
    names = np.array([f.path.name for f in files])[file_index]
    hashes = np.array([f.sha256 for f in files])[file_index]
    parts = []
    for gas in COMBUSTION_GASES:
        g = gas.lower()
        keep = ~electricity if gas != "CO2" else np.ones(len(data), dtype=bool)
        biogenic = rec["biogenic"].to_numpy() & (gas == "CO2")
        gwp = calc.gwp[gas]
        part = pd.DataFrame({
            "enterprise": data["enterprise"].astype(str).to_numpy(),
            "facility": data["facility"].astype(str).to_numpy(),
            "year": data["year"].to_numpy(),
            "period": data["period"].astype(object).fillna("").astype(str).to_numpy(),
            "scope": np.where(biogenic, Scope.MEMO_BIOGENIC.value, scope_base),
            "source_category": source,
            "ipcc_category": data["ipcc_category"].astype(object).fillna("").astype(str).to_numpy(),
            "activity": data["activity"].astype(str).to_numpy(),
            "technology": data["technology"].astype(object).fillna("").astype(str).to_numpy(),
            "gas": gas,
            "mass_t": rec[f"{g}_t"].to_numpy(),
            "gwp_set": calc.gwp_set,
            "gwp": gwp,
            "co2e_t": np.where(biogenic, 0.0, rec[f"{g}_t"].to_numpy() * gwp),
            "energy_tj": rec["energy_tj"].to_numpy() if gas == "CO2" else np.nan,
            "energy_toe": rec["energy_toe"].to_numpy() if gas == "CO2" else np.nan,
            "toe_method": rec["toe_method"].astype(str).to_numpy() if gas == "CO2" else "",
            "quantity": data["quantity"].to_numpy(),
            "unit": data["unit"].astype(str).to_numpy(),
            "method": rec["method"].astype(str).to_numpy(),
            "emission_factor_t_per_tj": rec[f"{g}_ef"].to_numpy(),
            "tier": rec[f"{g}_tier"].astype(str).to_numpy(),
            "measured": rec["measured"].astype(str).to_numpy() if gas == "CO2" else
            np.where(rec["measured"].astype(str).str.contains("ncv|density").to_numpy(), "ncv", ""),
            "factor_id": rec[f"{g}_factor_id"].astype(str).to_numpy(),
            "factor_release": rec[f"{g}_release"].astype(str).to_numpy(),
            "input_file": names,
            "input_sha256": hashes,
            "input_row": data["row"].to_numpy(),
            "evidence": data["evidence"].astype(object).fillna("").astype(str).to_numpy(),
        })
        parts.append(part[keep])
    lines = pd.concat(parts, ignore_index=True)
    order = np.lexsort((lines["gas"].to_numpy(), lines["input_row"].to_numpy(), lines["input_file"].to_numpy(),
                        lines["enterprise"].to_numpy(), lines["year"].to_numpy()))
    return lines.iloc[order].reset_index(drop=True)


def aggregate(lines: pd.DataFrame) -> pd.DataFrame:
    """Totals by enterprise, year, scope, source category and gas: mass [t] and CO2e [t]."""
    return (lines.groupby(TOTAL_KEYS, sort=True, observed=True)[["mass_t", "co2e_t"]].sum().reset_index())


def summarise(lines: pd.DataFrame) -> pd.DataFrame:
    """One row per enterprise and year: Scope 1, Scope 2 (location-based), biogenic memo [t CO2e], energy."""
    co2e = lines.pivot_table(index=["enterprise", "year"], columns="scope", values="co2e_t", aggfunc="sum",
                             fill_value=0.0, observed=True)
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
