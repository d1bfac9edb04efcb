"""Totals and summaries of an inventory, from its cells while it is computed or from its result lines once
stored: per enterprise, year, scope, category and gas [t, t CO2e]; the summary per enterprise and year
(Scope 1, Scope 2 location- and market-based, biogenic CO2, energy [TJ, TOE]); market-based shares.

Everything a user sees as a total is computed here from the same lines (GHG Protocol Scope 2 Guidance, 2015).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from ghg.core.activity import Source
from ghg.core.errors import Problem
from ghg.core.vocabulary import COMBUSTION_GASES, Scope, SourceCategory

#: Keys of the totals table.

#: Keys of the totals table.
TOTAL_KEYS = ["enterprise", "year", "scope", "source_category", "gas"]


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


def with_co2e(totals: pd.DataFrame, gwp: dict[str, float]) -> pd.DataFrame:
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
    grouped = base.group_by(["enterprise", "year"], use_threads=False).aggregate(sums)  # sums in line order
    out = grouped.rename_columns([n.removesuffix("_sum") for n in grouped.column_names]).to_pandas()
    out["total_t_co2e"] = out["scope_1_t_co2e"] + out["scope_2_location_t_co2e"]
    out = out.sort_values(["enterprise", "year"], kind="stable").reset_index(drop=True)
    return out[SUMMARY_COLUMNS]


def totals_from_lines(lines: pa.Table, gwp_set: str) -> pd.DataFrame:
    """Totals by enterprise, year, scope, source category and gas, summed from the result lines: mass [t] and
    CO2e [t] (biogenic CO2 is a memo item: 0 t CO2e)."""
    base = _plain_keys(lines, TOTAL_KEYS, ["mass_t", "co2e_t"])
    grouped = base.group_by(TOTAL_KEYS, use_threads=False).aggregate([("mass_t", "sum"), ("co2e_t", "sum")])
    out = grouped.rename_columns([n.removesuffix("_sum") for n in grouped.column_names]).to_pandas()
    out = out.sort_values(TOTAL_KEYS, kind="stable").reset_index(drop=True)
    out.insert(len(TOTAL_KEYS), "gwp_set", gwp_set)
    return out[[*TOTAL_KEYS, "gwp_set", "mass_t", "co2e_t"]]
