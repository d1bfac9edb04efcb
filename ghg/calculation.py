"""Vectorised emission calculation: combustion (IPCC 2006 Vol. 2 Eq. 2.1) and location-based electricity.

Rows are grouped by factor key (activity, IPCC category, technology, source category,
unit kind, energy basis, year). Factors are resolved once per group, never per row,
and folded into per-group coefficients (TJ per canonical amount, t of each gas per
TJ, TOE per TJ); the rows then take them by group index. Inside, every quantity is a
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
from ghg.validation import KEPT_PER_CHECK, KINDS, ActivityTable
from ghg.vocabulary import COMBUSTION_GASES, Method, SourceCategory, Tier

#: TJ per TOE (IEA/OECD definition, 1 TOE = 41.868 GJ): used where no MOIT factor applies.
TJ_PER_TOE = 0.041868
ELECTRICITY = SourceCategory.PURCHASED_ELECTRICITY.value
UNSUPPORTED = {SourceCategory.PROCESS.value, SourceCategory.FUGITIVE.value, SourceCategory.PURCHASED_HEAT.value}

#: Quantity kinds allowed for each activity state.
KINDS_BY_STATE = {
    "solid": ("mass", "energy"),
    "liquid": ("mass", "volume", "energy"),
    "gas": ("mass", "energy", "normal_volume"),
    "electricity": ("energy",),
}
_KEY_TEXT = ("activity", "ipcc_category", "technology", "source_category", "energy_basis")
MASS, VOLUME, ENERGY, NORMAL_VOLUME = range(4)


@dataclass
class Groups:
    """The distinct factor keys of a table and what was resolved for each.

    ``index`` gives each row's group; ``keys`` has one row per group (text values);
    the arrays hold one value per group plus a trailing NaN for rows in no group.
    """

    index: np.ndarray
    keys: pd.DataFrame
    ncv: list[Resolved | None]
    density: list[Resolved | None]
    ratio: list[Resolved | None]
    toe: list[Resolved | None]
    ef: dict[str, list[Resolved | None]]
    biogenic: np.ndarray


def group_rows(table: ActivityTable) -> tuple[np.ndarray, pd.DataFrame]:
    """Each row's factor key as a dense group number, and one row of key values per group.

    The key columns' codes are packed into one integer (mixed radix of their code
    ranges, computed in place); groups are numbered through a lookup table when that
    integer range is small, else by sorting, and each group's key values are decoded
    from its packed number. A few passes over the rows, with no per-row Python.
    """
    n = len(table)
    columns = [table.text[name].codes for name in _KEY_TEXT] + [table.kind]
    radices = [len(table.text[name].categories) + 1 for name in _KEY_TEXT] + [len(KINDS) + 1]
    year_min = int(table.year.min()) if n else 0
    radices.append(int(table.year.max()) - year_min + 1 if n else 1)
    span = int(np.prod(np.array(radices, dtype=np.float64)))
    dtype = np.int32 if span < 2**31 else np.int64
    packed = np.zeros(n, dtype=dtype)
    for codes, radix in zip(columns, radices[:-1], strict=True):
        packed *= radix
        packed += codes  # codes are -1 for missing: the +1 offset is added once below
        packed += 1
    packed *= radices[-1]
    packed += table.year
    packed -= year_min
    if span <= 4 * n + 1_000_000:
        seen = np.zeros(span, dtype=bool)
        seen[packed] = True
        uniques = np.flatnonzero(seen)
        number = np.full(span, -1, dtype=np.int32)
        number[uniques] = np.arange(len(uniques), dtype=np.int32)
        group = np.take(number, packed)
    else:
        uniques, group = np.unique(packed, return_inverse=True)
        group = group.astype(np.int32)
    digits = []
    rest = uniques.astype(np.int64)
    for radix in reversed(radices):
        rest, digit = np.divmod(rest, radix)
        digits.append(digit)
    digits.reverse()
    keys = pd.DataFrame({name: np.append(table.text[name].categories, "").astype(object)[digits[i] - 1]
                         for i, name in enumerate(_KEY_TEXT)})
    keys["kind"] = np.array(KINDS + ("",), dtype=object)[digits[len(_KEY_TEXT)] - 1]
    keys["year"] = digits[-1] + year_min
    return group, keys


def resolve(table: ActivityTable, factors: FactorSet) -> tuple[Groups, list[Problem]]:
    """Resolve the factors of every group; return the problems of groups that cannot be computed."""
    group, keys = group_rows(table)
    problems: list[Problem] = []
    acts = factors.activities
    n_groups = len(keys)
    g = Groups(group, keys, [None] * n_groups, [None] * n_groups, [None] * n_groups, [None] * n_groups,
               {gas: [None] * n_groups for gas in COMBUSTION_GASES}, np.zeros(n_groups + 1, dtype=bool))
    bad: dict[int, tuple[str, str, dict[str, object]]] = {}
    rows_needing: list[tuple[int, str, str, str]] = []  # (group, measured column, problem column, code)
    for i, key in enumerate(keys.itertuples(index=False)):
        activity, category, tech = key.activity, key.ipcc_category, key.technology
        source, kind, basis, year = key.source_category, key.kind, key.energy_basis, int(key.year)
        if activity not in acts.index:
            bad[i] = ("activity", "unknown_activity", {"known": ", ".join(sorted(acts.index)[:40])})
            continue
        state = str(acts.loc[activity, "state"])
        g.biogenic[i] = acts.loc[activity, "biomass"] == "true"
        if source in UNSUPPORTED:
            bad[i] = ("source_category", "category_unsupported", {})
        elif (state == "electricity") != (source == ELECTRICITY):
            bad[i] = ("activity", "activity_category", {"state": state, "category": source})
        elif kind not in KINDS_BY_STATE[state]:
            code = "gas_volume" if state == "gas" and kind == "volume" else "unit_for_state"
            bad[i] = ("unit", code, {"state": state, "allowed": ", ".join(KINDS_BY_STATE[state])})
        elif state != "electricity" and kind == "energy" and not basis:
            bad[i] = ("energy_basis", "basis_missing", {})
        elif basis and (kind != "energy" or state == "electricity"):
            bad[i] = ("energy_basis", "basis_not_applicable", {})
        elif source == ELECTRICITY:
            g.ef["CO2"][i] = factors.resolve("grid_emission_factor", activity, "CO2", year=year)
            g.toe[i] = factors.resolve("toe_factor", activity, year=year)
            if g.ef["CO2"][i] is None:
                bad[i] = ("year", "no_grid_factor", {"activity": activity, "year": year,
                                                     "releases": ", ".join(factors.release_ids)})
        elif not category:
            bad[i] = ("ipcc_category", "category_missing", {})
        else:
            _resolve_fuel(g, i, factors, activity, category, tech, year, kind, basis, bad, rows_needing)
    problems += _group_problems(table, g, bad)
    for i, measured, column, code in rows_needing:
        have = table.measured.get(measured)
        mask = g.index == i
        if have is not None:
            mask &= np.isnan(have)
        _add(problems, table, mask, column, code, {"activity": keys["activity"].iat[i]})
    return g, problems


def _resolve_fuel(g: Groups, i: int, factors: FactorSet, activity: str, category: str, tech: str, year: int,
                  kind: str, basis: str, bad: dict[int, tuple[str, str, dict[str, object]]],
                  rows_needing: list[tuple[int, str, str, str]]) -> None:
    missing = []
    for gas in COMBUSTION_GASES:
        g.ef[gas][i] = factors.resolve("emission_factor", activity, gas, category, tech, year)
        if g.ef[gas][i] is None:
            missing.append(gas)
    g.ncv[i] = factors.resolve("ncv", activity, ipcc_category=category, year=year)
    g.density[i] = factors.resolve("density", activity, ipcc_category=category, year=year)
    g.ratio[i] = factors.resolve("ncv_gcv_ratio", activity, year=year)
    g.toe[i] = factors.resolve("toe_factor", activity, year=year)
    if missing:
        techs = factors.technologies("emission_factor", activity, missing[0], category)
        code = "technology_needed" if techs and not tech else "no_factor"
        bad[i] = ("activity", code, {"gases": ", ".join(missing), "activity": activity, "category": category,
                                     "technology": tech or "-", "year": year, "technologies": ", ".join(techs),
                                     "releases": ", ".join(factors.release_ids)})
    elif basis == "gross" and g.ratio[i] is None:
        bad[i] = ("energy_basis", "no_ratio", {"activity": activity})
    else:
        if kind in ("mass", "volume") and g.ncv[i] is None:
            rows_needing.append((i, "ncv_tj_per_t", "ncv", "no_ncv"))
        if kind == "volume" and g.density[i] is None:
            rows_needing.append((i, "density_t_per_m3", "density", "no_density"))
        if kind == "normal_volume":
            rows_needing.append((i, "ncv_tj_per_nm3", "ncv", "no_ncv_nm3"))


def _group_problems(table: ActivityTable, g: Groups, bad: dict[int, tuple[str, str, dict[str, object]]]) -> list[Problem]:
    problems: list[Problem] = []
    if not bad:
        return problems
    flagged = np.zeros(len(g.keys) + 1, dtype=bool)
    flagged[list(bad)] = True
    rows = np.flatnonzero(np.take(flagged, g.index))
    by_group = g.index[rows]
    for i, (column, code, params) in bad.items():
        mask = np.zeros(len(table), dtype=bool)
        mask[rows[by_group == i]] = True
        _add(problems, table, mask, column, code, params)
    return problems


def _add(problems: list[Problem], table: ActivityTable, mask: np.ndarray, column: str, code: str,
         params: dict[str, object]) -> None:
    idx = np.flatnonzero(mask)
    for i in idx[:KEPT_PER_CHECK]:
        raw = table.files[int(table.file_index[i])]
        if column in table.text:
            shown = str(table.text[column].values()[i]) if table.text[column].codes[i] >= 0 else None
        elif column == "year":
            shown = str(table.year[i])
        else:
            shown = None
        problems.append(Problem(raw.name, int(table.row[i]), column, shown, code, raw.sheet, dict(params)))
    if len(idx) > KEPT_PER_CHECK:
        raw = table.files[int(table.file_index[idx[0]])]
        problems.append(Problem(raw.name, None, column, None, "more_rows", raw.sheet,
                                {"count": len(idx) - KEPT_PER_CHECK, "code": code}))


def _values(resolved: list[Resolved | None]) -> np.ndarray:
    return np.array([np.nan if r is None else r.value for r in resolved] + [np.nan])


@dataclass
class Calculated:
    """Per-record results, aligned with the input table, and the group-level lineage.

    ``records`` columns: ``energy_tj``, ``energy_toe``, ``co2_t``, ``ch4_t``, ``n2o_t``,
    ``co2e_t`` (biogenic CO2 excluded) and ``co2_ef`` (the CO2 factor applied [t/TJ]).
    """

    records: dict[str, np.ndarray]
    groups: Groups
    gwp_set: str
    gwp: dict[str, float]


def calculate(table: ActivityTable, g: Groups, gwp_set: str, gwp: dict[str, float]) -> Calculated:
    """Energy, gas masses and CO2e for every record (arrays only, no per-row Python).

    Combustion: ``E_gas = energy [TJ] × EF_gas [t/TJ]`` (IPCC 2006 Vol. 2 Eq. 2.1), energy
    from mass × NCV, volume × density × NCV, normal volume × NCV per Nm3, or an energy
    quantity (a gross-basis energy × the NCV/GCV ratio). CO2 from a measured carbon
    content replaces the CO2 factor (Tier 3). Electricity: ``E_CO2 = energy × EF_grid(year)``.
    CO2 from biomass fuels is biogenic: a memo item outside CO2e and the scopes (its CH4
    and N2O count). TOE: the MOIT factor per tonne or per kWh where one exists, else the
    energy content at 41.868 GJ/TOE.
    """
    index, keys = g.index, g.keys
    kind_g = np.append(np.array([KINDS.index(k) if k in KINDS else -1 for k in keys["kind"]]), -1)
    ncv_g, density_g, ratio_g = _values(g.ncv), _values(g.density), _values(g.ratio)
    gross_g = np.append((keys["energy_basis"] == "gross").to_numpy(), False)
    # per group: TJ per canonical amount (t, m3, TJ, Nm3) and t of fuel per canonical amount
    tj_per_amount = np.select([kind_g == MASS, kind_g == VOLUME, (kind_g == ENERGY) & gross_g, kind_g == ENERGY],
                              [ncv_g, density_g * ncv_g, ratio_g, 1.0], np.nan)
    t_per_amount = np.select([kind_g == MASS, kind_g == VOLUME], [1.0, density_g], np.nan)
    m = table.measured
    kind = table.kind
    if any(k in m for k in ("ncv_tj_per_t", "ncv_tj_per_nm3", "density_t_per_m3")):
        ncv = _override(np.take(ncv_g, index), m.get("ncv_tj_per_t"))
        mass_per = _override(np.take(t_per_amount, index), np.where(kind == VOLUME, m["density_t_per_m3"], np.nan)
                             if "density_t_per_m3" in m else None)
        tj_per = np.where((kind == MASS) | (kind == VOLUME), mass_per * ncv, np.take(tj_per_amount, index))
        if "ncv_tj_per_nm3" in m:
            tj_per = np.where(kind == NORMAL_VOLUME, m["ncv_tj_per_nm3"], tj_per)
        energy = table.amount * tj_per
        mass = table.amount * mass_per
    else:
        energy = table.amount * np.take(tj_per_amount, index)
        mass = table.amount * np.take(t_per_amount, index)
    records: dict[str, np.ndarray] = {"energy_tj": energy}
    # After :func:`resolve` every fuel group has all three factors and every electricity
    # group its CO2 factor; the only factor left empty is CH4/N2O of electricity, which is 0.
    ef = {gas: np.nan_to_num(_values(g.ef[gas])) for gas in COMBUSTION_GASES}
    co2_ef = np.take(ef["CO2"], index)
    cc_tj, cc_t = m.get("carbon_co2_per_tj"), m.get("carbon_co2_per_t")
    if cc_tj is not None:
        co2_ef = np.where(np.isnan(cc_tj), co2_ef, cc_tj)
    if cc_t is not None:
        co2_ef = np.where(np.isnan(cc_t), co2_ef, cc_t * mass / energy)
    records["co2_ef"] = co2_ef
    records["co2_t"] = energy * co2_ef
    records["ch4_t"] = energy * np.take(ef["CH4"], index)
    records["n2o_t"] = energy * np.take(ef["N2O"], index)
    fossil = np.where(g.biogenic, 0.0, gwp["CO2"])
    if cc_tj is None and cc_t is None:
        co2e_per_tj = ef["CO2"] * fossil + ef["CH4"] * gwp["CH4"] + ef["N2O"] * gwp["N2O"]
        records["co2e_t"] = energy * np.take(co2e_per_tj, index)
    else:
        records["co2e_t"] = (records["co2_t"] * np.take(fossil, index) + records["ch4_t"] * gwp["CH4"]
                             + records["n2o_t"] * gwp["N2O"])
    toe_unit = np.array([r.unit if r else "" for r in g.toe] + [""])
    toe_g = _values(g.toe)
    per_tj = np.where(toe_unit == "TOE/TJ", toe_g, 1.0 / TJ_PER_TOE)
    per_t = np.where(toe_unit == "TOE/t", toe_g, np.nan)
    mass_toe = np.take(per_t, index) * mass  # NaN where no MOIT factor per tonne or no mass
    records["energy_toe"] = np.where(np.isnan(mass_toe), energy * np.take(per_tj, index), mass_toe)
    return Calculated(records, g, gwp_set, gwp)


def toe_method(calc: Calculated, table: ActivityTable) -> np.ndarray:
    """Per row: ``moit_factor`` where a MOIT TOE factor applied, else ``energy_content`` (41.868 GJ/TOE)."""
    toe_unit = np.array([r.unit if r else "" for r in calc.groups.toe] + [""])[calc.groups.index]
    by_mass = (toe_unit == "TOE/t") & np.isin(table.kind, (MASS, VOLUME))
    return np.where(by_mass | (toe_unit == "TOE/TJ"), "moit_factor", "energy_content")


def _override(default: np.ndarray, measured: np.ndarray | None) -> np.ndarray:
    return default if measured is None else np.where(np.isnan(measured), default, measured)


def method_of(kind: str, source: str) -> str:
    """The method label of a group."""
    if source == ELECTRICITY:
        return Method.ELECTRICITY_LOCATION.value
    return {"mass": Method.COMBUSTION_MASS, "volume": Method.COMBUSTION_VOLUME, "energy": Method.COMBUSTION_ENERGY,
            "normal_volume": Method.COMBUSTION_NORMAL_VOLUME}[kind].value


def tier_of(resolved: Resolved | None) -> str:
    return "" if resolved is None else Tier(resolved.tier).value
