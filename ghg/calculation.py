"""Vectorised emission calculation: combustion (IPCC 2006 Vol. 2 Eq. 2.1) and location-based electricity.

Factors are resolved once per distinct key (activity, IPCC category, technology,
year), never per row, and taken into the rows by index. Every quantity inside is a
plain float in a canonical unit: mass [t], energy [TJ], gas mass [t].

References
----------
IPCC (2006) Guidelines for National Greenhouse Gas Inventories, Vol. 2 Energy, Ch. 1-3.
GHG Protocol Scope 2 Guidance (2015), location-based method.
Circular 38/2023/TT-BCT, Art. 18 (order of factor sources).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from ghg.errors import Problem
from ghg.factors import FactorSet, Resolved
from ghg.validation import KEPT_PER_CHECK, ActivityTable
from ghg.vocabulary import COMBUSTION_GASES, Method, SourceCategory, Tier

#: TJ per TOE (IEA/OECD definition, 1 TOE = 41.868 GJ): used where no MOIT factor applies.
TJ_PER_TOE = 0.041868
COMBUSTION = {SourceCategory.STATIONARY_COMBUSTION.value, SourceCategory.MOBILE_COMBUSTION.value}
ELECTRICITY = SourceCategory.PURCHASED_ELECTRICITY.value

#: Quantity kinds allowed for each activity state.
KINDS_BY_STATE = {
    "solid": ("mass", "energy"),
    "liquid": ("mass", "volume", "energy"),
    "gas": ("mass", "energy", "normal_volume"),
    "electricity": ("energy",),
}

_KEY_COLUMNS = ["activity", "ipcc_category", "technology", "source_category", "kind", "energy_basis"]


@dataclass
class Calculated:
    """Per-record results (wide): one row per activity record, aligned with the input table."""

    records: pd.DataFrame
    gwp_set: str
    gwp: dict[str, float]


def _key_groups(data: pd.DataFrame) -> tuple[np.ndarray, pd.DataFrame]:
    """Factorise the rows into distinct factor keys; returns (group of each row, one row per group)."""
    combined = np.zeros(len(data), dtype=np.int64)
    for name in _KEY_COLUMNS:
        codes = data[name].cat.codes.to_numpy().astype(np.int64) + 1
        combined = combined * (len(data[name].cat.categories) + 1) + codes
    combined = combined * 10_000 + data["year"].to_numpy().astype(np.int64)
    group, uniques = pd.factorize(combined)
    first = np.zeros(len(uniques), dtype=np.int64)
    first[group[::-1]] = np.arange(len(data))[::-1]
    keys = data.iloc[first][_KEY_COLUMNS + ["year"]].reset_index(drop=True)
    for name in _KEY_COLUMNS:
        keys[name] = keys[name].astype(object).where(keys[name].notna(), "").astype(str)
    return group, keys


@dataclass
class _GroupFactors:
    ncv: list[Resolved | None]
    density: list[Resolved | None]
    ratio: list[Resolved | None]
    ef: dict[str, list[Resolved | None]]
    toe: list[Resolved | None]


def resolve(table: ActivityTable, factors: FactorSet) -> tuple[np.ndarray, pd.DataFrame, _GroupFactors, list[Problem]]:
    """Resolve every distinct key; return the problems of keys that cannot be computed."""
    data = table.data
    group, keys = _key_groups(data)
    problems: list[Problem] = []
    acts = factors.activities
    n_groups = len(keys)
    gf = _GroupFactors([None] * n_groups, [None] * n_groups, [None] * n_groups,
                       {g: [None] * n_groups for g in COMBUSTION_GASES}, [None] * n_groups)
    bad_group: dict[int, tuple[str, str, dict[str, object]]] = {}
    measured_density = ~np.isnan(data["density_t_per_m3"].to_numpy())
    measured_ncv_nm3 = ~np.isnan(data["ncv_tj_per_nm3"].to_numpy())
    for g, key in keys.iterrows():
        activity, category, tech = key["activity"], key["ipcc_category"], key["technology"]
        source, kind, basis, year = key["source_category"], key["kind"], key["energy_basis"], int(key["year"])
        if not activity or not source or not kind or year == 0:
            continue  # already reported by the column checks
        if activity not in acts.index:
            bad_group[g] = ("activity", "unknown_activity", {"known": ", ".join(sorted(acts.index)[:40])})
            continue
        state = str(acts.loc[activity, "state"])
        if source in (SourceCategory.PROCESS, SourceCategory.FUGITIVE, SourceCategory.PURCHASED_HEAT):
            bad_group[g] = ("source_category", "category_unsupported", {})
            continue
        if (state == "electricity") != (source == ELECTRICITY):
            bad_group[g] = ("activity", "activity_category", {"state": state, "category": source})
            continue
        if kind not in KINDS_BY_STATE[state]:
            code = "gas_volume" if state == "gas" and kind == "volume" else "unit_for_state"
            bad_group[g] = ("unit", code, {"state": state, "allowed": ", ".join(KINDS_BY_STATE[state])})
            continue
        if state != "electricity" and kind == "energy" and not basis:
            bad_group[g] = ("energy_basis", "basis_missing", {})
            continue
        if basis and (kind != "energy" or state == "electricity"):
            bad_group[g] = ("energy_basis", "basis_not_applicable", {})
            continue
        if source == ELECTRICITY:
            ef = factors.resolve("grid_emission_factor", activity, "CO2", year=year)
            if ef is None:
                bad_group[g] = ("year", "no_grid_factor", {"activity": activity, "year": year,
                                                            "releases": ", ".join(factors.release_ids)})
                continue
            gf.ef["CO2"][g] = ef
            gf.toe[g] = factors.resolve("toe_factor", activity, year=year)
            continue
        if not category:
            bad_group[g] = ("ipcc_category", "category_missing", {})
            continue
        missing = []
        for gas in COMBUSTION_GASES:
            gf.ef[gas][g] = factors.resolve("emission_factor", activity, gas, category, tech, year)
            if gf.ef[gas][g] is None:
                missing.append(gas)
        gf.ncv[g] = factors.resolve("ncv", activity, ipcc_category=category, year=year)
        gf.density[g] = factors.resolve("density", activity, ipcc_category=category, year=year)
        gf.ratio[g] = factors.resolve("ncv_gcv_ratio", activity, year=year)
        gf.toe[g] = factors.resolve("toe_factor", activity, year=year)
        if missing:
            techs = factors.technologies("emission_factor", activity, missing[0], category)
            code = "technology_needed" if techs and not tech else "no_factor"
            bad_group[g] = ("activity", code, {"gases": ", ".join(missing), "activity": activity, "category": category,
                                               "technology": tech or "-", "year": year,
                                               "technologies": ", ".join(techs),
                                               "releases": ", ".join(factors.release_ids)})
            continue
        if basis == "gross" and gf.ratio[g] is None:
            bad_group[g] = ("energy_basis", "no_ratio", {"activity": activity})
        if kind in ("mass", "volume") and gf.ncv[g] is None:
            rows_ncv = (group == g) & np.isnan(data["ncv_tj_per_t"].to_numpy())
            if rows_ncv.any():
                _add(problems, table, rows_ncv, "ncv", "no_ncv", {"activity": activity})
        if kind == "volume" and gf.density[g] is None:
            rows_d = (group == g) & ~measured_density
            if rows_d.any():
                _add(problems, table, rows_d, "density", "no_density", {"activity": activity})
        if kind == "normal_volume":
            rows_n = (group == g) & ~measured_ncv_nm3
            if rows_n.any():
                _add(problems, table, rows_n, "ncv", "no_ncv_nm3", {"activity": activity})
    if bad_group:
        bad = np.zeros(n_groups + 1, dtype=bool)
        for g in bad_group:
            bad[g] = True
        rows_bad = bad[group]
        for g, (column, code, params) in bad_group.items():
            _add(problems, table, rows_bad & (group == g), column, code, params)
    return group, keys, gf, problems


def _add(problems: list[Problem], table: ActivityTable, mask: np.ndarray, column: str, code: str,
         params: dict[str, object]) -> None:
    idx = np.flatnonzero(mask)
    data = table.data
    for i in idx[:KEPT_PER_CHECK]:
        raw = table.files[int(data["file_index"].iat[i])]
        value = data[column].iat[i] if column in data else None
        shown = None if value is None or (isinstance(value, float) and np.isnan(value)) else str(value)
        problems.append(Problem(raw.name, int(data["row"].iat[i]), column, shown,
                                code, raw.sheet, dict(params)))
    if len(idx) > KEPT_PER_CHECK:
        raw = table.files[int(data["file_index"].iat[idx[0]])]
        problems.append(Problem(raw.name, None, column, None, "more_rows", raw.sheet,
                                {"count": len(idx) - KEPT_PER_CHECK, "code": code}))


def _values(resolved: list[Resolved | None]) -> np.ndarray:
    return np.array([np.nan if r is None else r.value for r in resolved] + [np.nan])


def _codes(resolved: list[Resolved | None], attr: str) -> tuple[np.ndarray, list[str]]:
    labels = ["" if r is None else str(getattr(r, attr)) for r in resolved]
    uniq = sorted(set(labels))
    pos = {u: i for i, u in enumerate(uniq)}
    return np.array([pos[label] for label in labels] + [pos.get("", 0)], dtype=np.int32), uniq


def calculate(table: ActivityTable, group: np.ndarray, gf: _GroupFactors, gwp_set: str,
              gwp: dict[str, float], biomass_activities: set[str]) -> Calculated:
    """Energy, gas masses and CO2e for every record (arrays only, no per-row Python).

    Combustion: ``E_gas = energy [TJ] × EF_gas [t/TJ]`` (IPCC 2006 Vol. 2 Eq. 2.1), energy
    from mass × NCV, volume × density × NCV, normal volume × NCV per Nm3, or an energy
    quantity (a gross-basis energy × the NCV/GCV ratio). CO2 from a measured carbon
    content replaces the CO2 factor (Tier 3). Electricity: ``E_CO2 = energy × EF_grid(year)``.
    CO2 from biomass fuels is biogenic: a memo item outside CO2e and the scopes (its CH4
    and N2O count).
    """
    data = table.data
    kind = data["kind"].cat.codes.to_numpy()  # 0 mass, 1 volume, 2 energy, 3 normal_volume
    amount = data["amount"].to_numpy()
    m_ncv = data["ncv_tj_per_t"].to_numpy()
    m_ncv_nm3 = data["ncv_tj_per_nm3"].to_numpy()
    m_density = data["density_t_per_m3"].to_numpy()
    ncv = np.where(np.isnan(m_ncv), _values(gf.ncv)[group], m_ncv)
    density = np.where(np.isnan(m_density), _values(gf.density)[group], m_density)
    ratio = _values(gf.ratio)[group]
    gross = (data["energy_basis"] == "gross").to_numpy()
    mass = np.select([kind == 0, kind == 1], [amount, amount * density], np.nan)
    energy = np.select(
        [kind == 0, kind == 1, kind == 3, (kind == 2) & gross, kind == 2],
        [mass * ncv, mass * ncv, amount * m_ncv_nm3, amount * ratio, amount], np.nan)

    out = pd.DataFrame({"energy_tj": energy, "mass_t": mass})
    cc_tj = data["carbon_co2_per_tj"].to_numpy()
    cc_t = data["carbon_co2_per_t"].to_numpy()
    measured_cc = ~np.isnan(cc_tj) | ~np.isnan(cc_t)
    co2_ef_measured = np.where(~np.isnan(cc_tj), cc_tj, cc_t / ncv)
    for gas in COMBUSTION_GASES:
        ef = _values(gf.ef[gas])[group]
        if gas == "CO2":
            ef = np.where(measured_cc, co2_ef_measured, ef)
        out[f"{gas.lower()}_t"] = np.nan_to_num(energy * ef, nan=0.0)
        out[f"{gas.lower()}_ef"] = ef
        ids, labels = _codes(gf.ef[gas], "factor_id")
        out[f"{gas.lower()}_factor_id"] = pd.Categorical.from_codes(ids[group], categories=labels)
        rel, rlabels = _codes(gf.ef[gas], "release")
        out[f"{gas.lower()}_release"] = pd.Categorical.from_codes(rel[group], categories=rlabels)
        tiers, tlabels = _codes(gf.ef[gas], "tier")
        tier = pd.Categorical.from_codes(tiers[group], categories=tlabels).astype(object)
        if gas == "CO2":
            tier = np.where(measured_cc, Tier.MEASURED.value, tier)
        out[f"{gas.lower()}_tier"] = pd.Categorical(tier)
    toe_f = _values(gf.toe)[group]
    toe_per_tj = np.isin(np.array([r.unit if r else "" for r in gf.toe] + [""])[group], ["TOE/TJ"])
    out["energy_toe"] = np.select(
        [~np.isnan(toe_f) & toe_per_tj, ~np.isnan(toe_f) & ~np.isnan(mass)],
        [energy * toe_f, mass * toe_f], energy / TJ_PER_TOE)
    out["toe_method"] = pd.Categorical(np.where(~np.isnan(toe_f) & (toe_per_tj | ~np.isnan(mass)),
                                                "moit_factor", "energy_content"))
    source = data["source_category"].astype(object).to_numpy()
    electricity = source == ELECTRICITY
    method = np.select(
        [electricity, kind == 0, kind == 1, kind == 3],
        [Method.ELECTRICITY_LOCATION.value, Method.COMBUSTION_MASS.value, Method.COMBUSTION_VOLUME.value,
         Method.COMBUSTION_NORMAL_VOLUME.value], Method.COMBUSTION_ENERGY.value)
    out["method"] = pd.Categorical(method)
    measured = np.full(len(data), "", dtype=object)
    for flag, name in ((~np.isnan(m_ncv) | ~np.isnan(m_ncv_nm3), "ncv"), (measured_cc, "carbon_content"),
                       (~np.isnan(m_density), "density")):
        measured = np.where(flag, np.where(measured == "", name, measured + "," + name), measured)
    out["measured"] = pd.Categorical(measured)
    acts = data["activity"].cat.categories.astype(str)
    biogenic = np.append(acts.isin(sorted(biomass_activities)), False)[data["activity"].cat.codes.to_numpy()]
    out["biogenic"] = biogenic
    out["co2e_t"] = (np.where(biogenic, 0.0, out["co2_t"].to_numpy()) * gwp["CO2"]
                     + out["ch4_t"].to_numpy() * gwp["CH4"] + out["n2o_t"].to_numpy() * gwp["N2O"])
    return Calculated(out, gwp_set, gwp)
