"""Projections to the horizon: business as usual (BAU) and a scenario with its measures.

The base year's result lines are grouped into *streams* (enterprise, facility, scope, source, activity,
method, supplier, gas). BAU scales each stream by its enterprise's production index and, for grid
electricity, by the grid trajectory's relative change from the base year (frozen technology): the factor
along the pathway is the inventory's own base-year factor (an official combined margin, or the estimate the
run named) times trajectory(year) / trajectory(base year), so that changing from the inventory's kind of
grid factor to the trajectory's kind (an average intensity derived from the power plan) makes no step. The
scenario then applies the measures one after another in their stated order (``order``, then ``id``):
each acts on what the measures before it left, so two 50 % cuts of one stream leave 25 %, and the
abatement of each measure is what it removed from what was left.

Arrays are streams x years; nothing loops over rows.

References
----------
GHG Protocol Mitigation Goal Standard (2014), Ch. 8 (BAU baseline scenario); GHG Protocol Scope 2
Guidance (2015), Ch. 6 (location- and market-based methods); Decision 768/QĐ-TTg (grid trajectory).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from ghg.core import units
from ghg.core.errors import InputError, Problem
from ghg.core.vocabulary import Scope, SourceCategory
from ghg.park import Registry, internal_supply
from ghg.pathways.scenario import KIND_SCOPES, Measure, Scenario

STREAM_KEYS = [
    "enterprise",
    "facility",
    "scope",
    "source_category",
    "ipcc_category",
    "activity",
    "method",
    "supplier",
    "gas",
]
#: Methods whose factor is the grid's: they follow the grid trajectory.
GRID_METHODS = ("electricity_location_based", "electricity_market_based")
#: Target scopes -> scope of result lines.
TARGET_SCOPES = {"scope_1": "scope_1", "scope_2_location": "scope_2", "scope_2_market": "scope_2_market"}
CASES = ("actual", "bau", "scenario")

#: A measure with removals removes at most as much again as its streams emit (capture of the stream's own,
#: e.g. biogenic, CO2): cut <= 2 x what is left. More is no physical removal of that source.
REMOVAL_LIMIT = 2.0


@dataclass
class Projection:
    """Actual years, BAU and the scenario, per stream and year, with each measure's abatement."""

    scenario: Scenario
    gwp_set: str
    #: long table: case, year, the stream keys, internal, mass_t, co2e_t, mwh
    lines: pd.DataFrame
    #: measure, enterprise, scope, year, abated_t_co2e (negative where a measure adds electricity)
    abatement: pd.DataFrame
    #: enterprise, year, revision: the stored inventories the projection starts from
    revisions: pd.DataFrame
    left_out: list[str] = field(default_factory=list)
    #: how the grid factor along the pathway is made: base_year, base_factor [t CO2/MWh, the park's
    #: location-based lines], trajectory (file name), trajectory_base and trajectory_horizon [t CO2/MWh]
    grid_basis: dict[str, object] = field(default_factory=dict)

    def totals(self, scopes: list[str], enterprise: str | None = None) -> pd.DataFrame:
        """Emissions per case and year over ``scopes`` (``scope_1``, ``scope_2_location``, ``scope_2_market``)
        [t CO2e], for the park (internal supply counted once) or one enterprise; columns are the cases."""
        wanted = [TARGET_SCOPES[s] for s in scopes]
        frame = self.lines[self.lines["scope"].isin(wanted)]
        frame = frame[~frame["internal"]] if enterprise is None else frame[frame["enterprise"] == enterprise]
        table = frame.pivot_table(index="year", columns="case", values="co2e_t", aggfunc="sum", fill_value=0.0)
        return table.reindex(columns=[c for c in CASES if c in table.columns])


def _problem(scenario: Scenario, field_name: str, value: object, code: str, **params: object) -> Problem:
    return Problem(str(scenario.path), None, field_name, str(value), code, params=params)


def growth_index(scenario: Scenario, enterprises: list[str], sectors: dict[str, str]) -> np.ndarray:
    """Production index of each enterprise in each projected year, base year = 1 [-] (enterprises x years).

    An enterprise's own driver rows win over its sector's; a year no row covers has no growth.
    """
    years = scenario.years
    rate = np.zeros((len(enterprises), len(years)))
    drivers = scenario.drivers
    names = np.array(enterprises, dtype=object)
    keys = {"sector": np.array([sectors.get(e, "") for e in enterprises], dtype=object), "enterprise": names}
    for level in ("sector", "enterprise"):
        for _, row in drivers[drivers[level] != ""].iterrows():
            inside = (years >= row["from_year"]) & (years <= row["to_year"])
            rate[np.ix_(keys[level] == row[level], inside)] = row["growth"]
    return np.cumprod(1.0 + rate, axis=1)


def _streams(base: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    """Lines summed per stream: mass [t], CO2e [t] and, for purchased electricity, energy [MWh]."""
    electricity = base["source_category"] == SourceCategory.PURCHASED_ELECTRICITY.value
    factor = {u: units.factor_to(u, "MWh") for u in set(base.loc[electricity, "unit"])}
    mwh = np.where(electricity, base["quantity"].to_numpy() * base["unit"].map(factor).fillna(0.0).to_numpy(), 0.0)
    base = base.assign(mwh=mwh)
    return base.groupby(keys, sort=True)[["mass_t", "co2e_t", "mwh"]].sum().reset_index()


def project(lines: pd.DataFrame, scenario: Scenario, registry: Registry) -> Projection:
    """Project the park's stored inventories along ``scenario``.

    Parameters
    ----------
    lines : DataFrame
        Result lines of the latest revisions (:func:`ghg.store.read_lines`), every year up to the base year.
    scenario : Scenario
        Base year, horizon, grid trajectory, drivers and measures (:func:`ghg.pathways.scenario.load_scenario`).
    registry : Registry
        Members of the park and their sectors (drivers by sector; internal supply counted once).

    Raises
    ------
    InputError
        The base year has no inventory, the inventories mix GWP sets, a driver or measure names an
        enterprise the base year lacks, a measure matches no stream or would cut below zero.
    """
    problems: list[Problem] = []
    base_year = scenario.base_year
    counted = lines[(lines["scope"] != Scope.MEMO_BIOGENIC.value) & (lines["year"] <= base_year)]
    member = np.zeros(len(counted), dtype=bool)
    for year in sorted(set(counted["year"])):
        here = (counted["year"] == year).to_numpy()
        member |= here & counted["enterprise"].isin(registry.members(int(year))).to_numpy()
    left_out = sorted(set(counted.loc[~member, "enterprise"]))
    counted = counted.loc[member]
    base = counted[counted["year"] == base_year]
    if base.empty:
        raise InputError([_problem(scenario, "scenario.base_year", base_year, "base_no_inventory")])
    gwp_sets = sorted(set(counted["gwp_set"]))
    if len(gwp_sets) != 1:
        raise InputError([_problem(scenario, "scenario.base_year", base_year, "mixed_gwp", sets=", ".join(gwp_sets))])
    streams = _streams(base, STREAM_KEYS)
    enterprises = sorted(set(streams["enterprise"]))
    sectors = registry.sector_of()
    for _, row in scenario.drivers.iterrows():
        if row["enterprise"] and row["enterprise"] not in enterprises:
            problems.append(
                Problem(scenario.drivers_path, int(row["row"]), "enterprise", row["enterprise"], "not_in_base")
            )
        if row["sector"] and row["sector"] not in set(sectors.values()):
            problems.append(Problem(scenario.drivers_path, int(row["row"]), "sector", row["sector"], "unknown_sector"))
    for measure in scenario.measures:
        for name in measure.enterprises:
            if name not in enterprises:
                problems.append(
                    Problem(scenario.measures_path, measure.row, "enterprises", name, "not_in_base", params={})
                )
    if problems:
        raise InputError(problems)

    years = scenario.years
    trajectory_base = float(scenario.grid_factor(np.array([float(base_year)]))[0])
    relative = scenario.grid_factor(years) / trajectory_base  # the trajectory's own change from the base year
    location = (streams["method"] == "electricity_location_based") & (streams["gas"] == "CO2")
    per_enterprise = streams[location].groupby("enterprise")[["co2e_t", "mwh"]].sum()
    base_factor = (per_enterprise["co2e_t"] / per_enterprise["mwh"]).to_dict()
    park = per_enterprise.sum()
    park_factor = float(park["co2e_t"] / park["mwh"]) if park["mwh"] > 0 else trajectory_base
    grid = park_factor * relative  # the factor of electricity a measure adds [t CO2/MWh]
    grid_basis = {
        "base_year": base_year,
        "base_factor": park_factor,
        "trajectory": scenario.grid_path.name if scenario.grid_path else "",
        "trajectory_base": trajectory_base,
        "trajectory_horizon": float(scenario.grid_factor(np.array([float(years[-1])]))[0]),
    }
    # a market-based grid line covers what no instrument covers: its energy is its emissions / the grid factor
    fallback = (streams["method"] == GRID_METHODS[1]).to_numpy()
    factor0 = streams["enterprise"].map(base_factor).to_numpy(float)
    streams.loc[fallback, "mwh"] = np.where(
        factor0[fallback] > 0, streams.loc[fallback, "co2e_t"] / factor0[fallback], 0
    )
    streams = _with_added_streams(streams, scenario.measures)
    index = growth_index(scenario, enterprises, sectors)
    row_of = {e: i for i, e in enumerate(enterprises)}
    g = index[streams["enterprise"].map(row_of).to_numpy()]
    follows_grid = streams["method"].isin(GRID_METHODS).to_numpy()
    ef0 = streams["enterprise"].map(base_factor).to_numpy(float)
    ratio = np.where(follows_grid[:, None] & (ef0[:, None] > 0), relative[None, :], 1.0)
    e0, m0, w0 = (streams[c].to_numpy(float)[:, None] for c in ("co2e_t", "mass_t", "mwh"))
    bau = {"co2e_t": e0 * g * ratio, "mass_t": m0 * g * ratio, "mwh": w0 * g}
    state = {k: v.copy() for k, v in bau.items()}
    keys = _Keys(streams)
    parts: dict[str, list[np.ndarray]] = {k: [] for k in ("measure", "stream", "year", "abated_t_co2e")}
    for measure in scenario.measures:
        rows, abated = _apply(measure, keys, state, years, grid, scenario, problems)
        parts["measure"].append(np.full(abated.size, measure.id, dtype=object))
        parts["stream"].append(np.repeat(rows, len(years)))
        parts["year"].append(np.tile(years, len(rows)))
        parts["abated_t_co2e"].append(abated.ravel())
    if problems:
        raise InputError(problems)
    stream = np.concatenate(parts["stream"]) if parts["stream"] else np.array([], dtype=int)
    abatement = (
        pd.DataFrame(
            {
                "measure": np.concatenate(parts["measure"]) if parts["measure"] else np.array([], dtype=object),
                "enterprise": keys.column("enterprise", stream),
                "scope": keys.column("scope", stream),
                "year": np.concatenate(parts["year"]) if parts["year"] else np.array([], dtype=int),
                "abated_t_co2e": np.concatenate(parts["abated_t_co2e"]) if parts["year"] else np.array([]),
            }
        )
        .groupby(["measure", "enterprise", "scope", "year"], sort=True)["abated_t_co2e"]
        .sum()
        .reset_index()
    )
    actual = _streams(counted, ["year", *STREAM_KEYS])
    actual["internal"] = internal_supply(actual, registry)
    frames = [actual.assign(case="actual")]
    # projected rows year by year, streams in their (sorted) order; membership as in the base year
    internal = internal_supply(streams.assign(year=base_year), registry)
    n_streams, n_years = len(streams), len(years)
    take = np.tile(np.arange(n_streams), n_years)
    repeated = {k: keys.column(k, take) for k in STREAM_KEYS}
    for case, values in (("bau", bau), ("scenario", state)):
        block = pd.DataFrame(
            {
                "case": case,
                "year": np.repeat(years, n_streams),
                **repeated,
                "internal": internal[take],
                **{column: array.T.ravel() for column, array in values.items()},
            }
        )
        frames.append(block)
    out = pd.concat(frames, ignore_index=True)
    out = out[(out["co2e_t"] != 0) | (out["mass_t"] != 0) | (out["mwh"] != 0)]
    out = out.astype({"year": int})[["case", "year", *STREAM_KEYS, "internal", "mass_t", "co2e_t", "mwh"]]
    out = out.reset_index(drop=True)
    used = ["enterprise", "year", "revision"] if "revision" in counted else ["enterprise", "year"]
    revisions = counted[used].drop_duplicates().sort_values(used).reset_index(drop=True)
    return Projection(scenario, gwp_sets[0], out, abatement, revisions, left_out, grid_basis)


def _with_added_streams(streams: pd.DataFrame, measures: list[Measure]) -> pd.DataFrame:
    """Empty grid-electricity streams for the electricity an electrification or fuel switch adds."""
    added = []
    for measure in measures:
        if measure.adds_electricity_mwh > 0:
            for enterprise in measure.enterprises:
                for scope, method in (("scope_2", GRID_METHODS[0]), ("scope_2_market", GRID_METHODS[1])):
                    added.append(
                        {
                            "enterprise": enterprise,
                            "facility": streams.loc[streams["enterprise"] == enterprise, "facility"].iloc[0],
                            "scope": scope,
                            "source_category": SourceCategory.PURCHASED_ELECTRICITY.value,
                            "ipcc_category": "",
                            "activity": "grid_electricity",
                            "method": method,
                            "supplier": f"added:{measure.id}",
                            "gas": "CO2",
                            "mass_t": 0.0,
                            "co2e_t": 0.0,
                            "mwh": 0.0,
                        }
                    )
    if not added:
        return streams.assign(added_by="")
    extra = pd.DataFrame(added)
    extra["added_by"] = extra["supplier"].str.removeprefix("added:")
    extra["supplier"] = ""
    return pd.concat([streams.assign(added_by=""), extra], ignore_index=True)


class _Keys:
    """The streams' key columns as integer codes, so that selecting streams compares integers."""

    def __init__(self, streams: pd.DataFrame) -> None:
        self.codes: dict[str, np.ndarray] = {}
        self.lookup: dict[str, dict[str, int]] = {}
        self.values: dict[str, np.ndarray] = {}
        for key in [*STREAM_KEYS, "added_by"]:
            codes, uniques = pd.factorize(streams[key].to_numpy(dtype=object))
            self.codes[key] = codes
            self.values[key] = np.asarray(uniques, dtype=object)
            self.lookup[key] = {v: i for i, v in enumerate(self.values[key])}

    def isin(self, key: str, wanted: list[str] | tuple[str, ...]) -> np.ndarray:
        codes = [self.lookup[key][w] for w in wanted if w in self.lookup[key]]
        return np.isin(self.codes[key], codes)

    def column(self, key: str, rows: np.ndarray | None = None) -> np.ndarray:
        codes = self.codes[key] if rows is None else self.codes[key][rows]
        return self.values[key][codes]


def select(measure: Measure, keys: _Keys) -> np.ndarray:
    """Mask of the streams ``measure`` acts on: its enterprises, its kind's scopes, and its filters."""
    mask = keys.isin("enterprise", measure.enterprises) & keys.isin("scope", KIND_SCOPES[measure.kind])
    mask &= ~keys.isin("added_by", [measure.id])
    if measure.source_category:
        mask &= keys.isin("source_category", measure.source_category)
    if measure.activity:
        mask &= keys.isin("activity", measure.activity)
    if measure.ipcc_category:
        prefixes = tuple(measure.ipcc_category)
        wanted = [v for v in keys.values["ipcc_category"] if v.startswith(prefixes)]
        mask &= keys.isin("ipcc_category", wanted)
    if measure.kind in ("onsite_solar", "ppa_certificates", "waste_heat_power"):
        mask &= keys.isin("method", GRID_METHODS)
    return mask


def _apply(
    measure: Measure,
    keys: _Keys,
    state: dict[str, np.ndarray],
    years: np.ndarray,
    grid: np.ndarray,
    scenario: Scenario,
    problems: list[Problem],
) -> tuple[np.ndarray, np.ndarray]:
    """Apply one measure to ``state`` in place (streams x years arrays).

    Returns
    -------
    (rows, abated)
        The streams it changed and, for each, what it removed in each year [t CO2e] (negative for the
        electricity it adds).
    """
    nothing = (np.array([], dtype=int), np.zeros((0, len(years))))
    path = scenario.measures_path
    mask = select(measure, keys)
    if not mask.any():
        problems.append(Problem(path, measure.row, "enterprises", ";".join(measure.enterprises), "measure_no_stream"))
        return nothing
    ramp = measure.ramp(years)
    rows = np.flatnonzero(mask)
    cut = np.zeros((len(rows), len(years)))
    if measure.effect_kind == "percent":
        cut[:] = measure.effect * ramp[None, :]
    else:
        amount = measure.effect * ramp
        key = "mwh" if measure.effect_kind == "energy" else "mass_t"
        if key == "mass_t":
            groups = [keys.column("gas", rows) == "CO2"]
        else:
            scopes = keys.column("scope", rows)
            groups = [scopes == scope for scope in sorted(set(scopes))]
        for group in groups:
            available = state[key][rows[group]].sum(axis=0)
            # without removals a cut stops at zero; a removal is bounded by what the stream itself emits
            limit, code = (REMOVAL_LIMIT, "removal_implausible") if measure.removals else (1.0, "measure_below_zero")
            over = (amount > limit * available * (1 + 1e-9)) & (amount > 0)
            if over.any():
                first = np.flatnonzero(over)[0]
                params = {"year": int(years[first]), "available": f"{available[first]:.6g}"}
                problems.append(Problem(path, measure.row, "effect", f"{amount[first]:.6g}", code, params=params))
                return nothing
            with np.errstate(divide="ignore", invalid="ignore"):
                share = np.where(available > 0, amount / available, 0.0)
            cut[group] = share[None, :]
    abated = state["co2e_t"][rows] * cut
    for key in ("co2e_t", "mass_t", "mwh"):
        state[key][rows] *= 1.0 - cut
    added = np.flatnonzero(keys.isin("added_by", [measure.id])) if measure.adds_electricity_mwh > 0 else rows[:0]
    if len(added):
        mwh = measure.adds_electricity_mwh * ramp
        state["mwh"][added] = mwh[None, :]
        state["co2e_t"][added] = (mwh * grid)[None, :]
        state["mass_t"][added] = (mwh * grid)[None, :]
        abated = np.vstack([abated, -state["co2e_t"][added]])
    return np.concatenate([rows, added]), abated
