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

from ghg.core.factors import Resolved
from ghg.core.groups import (
    ELECTRICITY,
    ENERGY,
    MASS,
    NORMAL_VOLUME,
    TJ_PER_TOE,
    VOLUME,
    Groups,
    resolved_values,
)
from ghg.core.validation import KINDS, ActivityTable
from ghg.core.vocabulary import COMBUSTION_GASES, Method, Tier


@dataclass
class Calculated:
    """Per-record results of a batch, aligned with its table, and the groups they came from.

    ``records``: ``energy_tj``, ``mass_t``, ``energy_toe``, ``co2_t``, ``ch4_t``, ``n2o_t``,
    ``co2e_t`` (biogenic CO2 excluded) and ``co2_ef`` (the CO2 factor applied [t/TJ]).
    """

    records: dict[str, np.ndarray]
    index: np.ndarray
    groups: Groups
    gwp_set: str
    gwp: dict[str, float]


@dataclass
class Coefficients:
    """Per-group coefficients (one entry per group plus a trailing one for rows in no group).

    ``tj_per_amount`` [TJ per canonical amount], ``t_per_amount`` [t per canonical amount],
    ``ncv`` [TJ/t],
    ``ef`` [t gas/TJ] per gas (0 where a gas does not apply: CH4 and N2O of electricity),
    ``fossil`` (GWP of CO2, 0 for biogenic CO2), ``toe_per_t`` and ``toe_per_tj`` [TOE],
    ``toe_by_mass`` (a MOIT factor per tonne applies), ``toe_per_volume`` [TOE/m3 or TOE/Nm3] and
    ``toe_by_volume`` (a MOIT factor per volume applies to a volume: it comes before density x the factor per
    tonne); for process groups ``process``,
    ``process_per_t`` [t CO2/t: carbonate factor, or carbon content × 44/12], ``process_sign``
    (+1, or -1 for carbon leaving a mass balance) and ``carbonate``; for fugitive groups
    ``fugitive_sign`` (+1, -1 for mass leaving a balance; 0 for other groups) and ``fugitive_gwp``.
    """

    tj_per_amount: np.ndarray
    t_per_amount: np.ndarray
    ncv: np.ndarray
    ef: dict[str, np.ndarray]
    fossil: np.ndarray
    toe_per_t: np.ndarray
    toe_per_tj: np.ndarray
    toe_by_mass: np.ndarray
    toe_per_volume: np.ndarray
    toe_by_volume: np.ndarray
    process: np.ndarray
    process_per_t: np.ndarray
    process_sign: np.ndarray
    carbonate: np.ndarray
    fugitive_sign: np.ndarray
    fugitive_gwp: np.ndarray
    instrument: np.ndarray
    heat: np.ndarray
    heat_fuel_ef: np.ndarray


def coefficients(g: Groups, gwp: dict[str, float]) -> Coefficients:
    """Fold each group's resolved factors into the coefficients the rows take."""
    kind_g = np.array([KINDS.index(k.kind) if k.kind in KINDS else -1 for k in g.keys] + [-1])
    ncv_g, density_g, ratio_g = resolved_values(g.ncv), resolved_values(g.density), resolved_values(g.ratio)
    gross_g = np.array([k.energy_basis == "gross" for k in g.keys] + [False])
    n = len(g.keys)
    process = np.zeros(n + 1, dtype=bool)
    process_per_t = np.full(n + 1, np.nan)
    process_sign = np.ones(n + 1)
    carbonate = np.zeros(n + 1, dtype=bool)
    for i, (method, sign, factor) in g.process.items():
        process[i], process_sign[i] = True, sign
        process_per_t[i] = np.nan if factor is None else factor.value
        carbonate[i] = method == Method.PROCESS_CARBONATE.value
    fugitive_sign = np.zeros(n + 1)
    fugitive_gwp = np.zeros(n + 1)
    for i, (_method, sign) in g.fugitive.items():
        fugitive_sign[i] = sign
        fugitive_gwp[i] = gwp.get(g.keys[i].activity, np.nan)
    instrument = np.zeros(n + 1, dtype=bool)
    instrument[list(g.instrument)] = True
    heat = np.zeros(n + 1, dtype=bool)
    heat_fuel_ef = np.full(n + 1, np.nan)
    for i, fuel_ef in g.heat.items():
        heat[i] = True
        heat_fuel_ef[i] = np.nan if fuel_ef is None else fuel_ef.value
    not_energy = process | (fugitive_sign != 0) | instrument
    # a release's NCV is per tonne (for masses and volumes) or per Nm3 (for gas volumes at stated conditions)
    ncv_unit = np.array([r.unit if r else "" for r in g.ncv] + [""])
    ncv_nm3 = np.where(ncv_unit == "TJ/Nm3", ncv_g, np.nan)
    ncv_g = np.where(ncv_unit == "TJ/t", ncv_g, np.nan)
    tj_per_amount = np.select(
        [
            not_energy,
            kind_g == MASS,
            kind_g == VOLUME,
            kind_g == NORMAL_VOLUME,
            (kind_g == ENERGY) & gross_g,
            kind_g == ENERGY,
        ],
        [0.0, ncv_g, density_g * ncv_g, ncv_nm3, ratio_g, 1.0],
        np.nan,
    )
    t_per_amount = np.select([kind_g == MASS, kind_g == VOLUME], [1.0, density_g], np.nan)
    # purchased heat: energy given, or steam mass x its measured enthalpy (per row)
    tj_per_amount = np.where(heat & (kind_g == ENERGY), 1.0, np.where(heat, np.nan, tj_per_amount))
    # After the checks every fuel group has its three factors and every electricity group its
    # CO2 factor; the only factors left empty are CH4 and N2O of electricity, which are 0.
    ef = {gas: np.nan_to_num(resolved_values(g.ef[gas])) for gas in COMBUSTION_GASES}
    toe_unit = np.array([r.unit if r else "" for r in g.toe] + [""])
    toe = resolved_values(g.toe)
    toe_by_mass = (toe_unit == "TOE/t") & ((kind_g == MASS) | (kind_g == VOLUME))
    toe_volume_unit = np.array([r.unit if r else "" for r in g.toe_volume] + [""])
    toe_by_volume = ((toe_volume_unit == "TOE/m3") & (kind_g == VOLUME)) | (
        (toe_volume_unit == "TOE/Nm3") & (kind_g == NORMAL_VOLUME)
    )
    return Coefficients(
        tj_per_amount,
        t_per_amount,
        ncv_g,
        ef,
        np.where(g.biogenic, 0.0, gwp["CO2"]),
        np.where(toe_by_mass, toe, 0.0),
        np.where(toe_unit == "TOE/TJ", toe, 1.0 / TJ_PER_TOE),
        toe_by_mass,
        np.where(toe_by_volume, resolved_values(g.toe_volume), 0.0),
        toe_by_volume,
        process,
        process_per_t,
        process_sign,
        carbonate,
        fugitive_sign,
        fugitive_gwp,
        instrument,
        heat,
        heat_fuel_ef,
    )


def energy_and_mass(table: ActivityTable, index: np.ndarray, c: Coefficients) -> tuple[np.ndarray, np.ndarray]:
    """Net energy [TJ] and fuel mass [t] of every row (measured NCV and density override the defaults)."""
    m = table.measured
    if "steam_tj_per_t" in m:
        steam = np.take(c.heat, index) & (table.kind == MASS)
        energy, mass = energy_and_mass(_without(table, "steam_tj_per_t"), index, c)
        return np.where(steam, table.amount * m["steam_tj_per_t"], energy), mass
    if not any(k in m for k in ("ncv_tj_per_t", "ncv_tj_per_nm3", "density_t_per_m3")):
        return table.amount * np.take(c.tj_per_amount, index), table.amount * np.take(c.t_per_amount, index)
    kind = table.kind
    t_per = np.take(c.t_per_amount, index)
    if "density_t_per_m3" in m:
        density = m["density_t_per_m3"]
        t_per = np.where((kind == VOLUME) & ~np.isnan(density), density, t_per)
    ncv = np.take(c.ncv, index)
    if "ncv_tj_per_t" in m:
        ncv = np.where(np.isnan(m["ncv_tj_per_t"]), ncv, m["ncv_tj_per_t"])
    tj_per = np.where((kind == MASS) | (kind == VOLUME), t_per * ncv, np.take(c.tj_per_amount, index))
    if "ncv_tj_per_nm3" in m:  # a measured NCV per Nm3 wins over a release's
        measured = m["ncv_tj_per_nm3"]
        tj_per = np.where((kind == NORMAL_VOLUME) & ~np.isnan(measured), measured, tj_per)
    return table.amount * tj_per, table.amount * t_per


def _without(table: ActivityTable, measured: str) -> ActivityTable:
    rest = {k: v for k, v in table.measured.items() if k != measured}
    return ActivityTable(
        table.text, table.year, table.quantity, table.amount, table.kind, table.row, table.file_index, table.files, rest
    )


def market_instruments(
    table: ActivityTable, index: np.ndarray, c: Coefficients
) -> tuple[np.ndarray, np.ndarray] | None:
    """Energy covered [TJ] and CO2 [t] of contractual instrument rows (market-based Scope 2); None when none.

    A certificate carries 0 t CO2/MWh; a supplier-specific contract or a PPA carries its stated factor.
    """
    if not c.instrument.any():
        return None
    row = np.take(c.instrument, index)
    if not row.any():
        return None
    factor = table.measured.get("supplier_co2_per_tj")
    per_tj = np.zeros(len(table)) if factor is None else np.nan_to_num(factor)
    covered = np.where(row, table.amount, 0.0)
    return covered, covered * per_tj


def direct_co2(
    table: ActivityTable, index: np.ndarray, c: Coefficients, energy: np.ndarray, mass: np.ndarray
) -> np.ndarray | None:
    """CO2 [t] of rows not computed as energy × factor; NaN elsewhere, None when there are none.

    - process, carbonate (IPCC 2006 Vol. 3 Eq. 2.14): ``mass × EF × fraction calcined`` (1 when not given);
    - process, carbon content or mass balance stream: ``± mass × C × 44/12`` (+ carbon in, - carbon out),
      with a measured carbon content when given (per tonne, or per Nm3 for a gas);
    - combustion with a measured carbon content (Tier 3): ``energy × C [t CO2/TJ]`` or ``mass × C [t CO2/t]``;
    - combustion with a measured oxidation factor: the CO2 above (or ``energy × EF``) × the factor;
    - purchased steam or heat: the supplier's factor × steam mass or heat energy, else
      ``heat energy × EF_fuel / boiler efficiency`` (Circular 38/2023/TT-BCT App. II as corrected by
      Decision 334/QĐ-BCT: ``EF = enthalpy / efficiency × EF_fuel``).
    """
    m = table.measured
    cc_tj, cc_t, cc_nm3 = m.get("carbon_co2_per_tj"), m.get("carbon_co2_per_t"), m.get("carbon_co2_per_nm3")
    oxidation = m.get("oxidation_factor")
    process_row = np.take(c.process, index) if c.process.any() else np.zeros(len(table), dtype=bool)
    has_process = bool(process_row.any())
    heat_row = np.take(c.heat, index) if c.heat.any() else np.zeros(len(table), dtype=bool)
    has_heat = bool(heat_row.any())
    if not has_process and not has_heat and cc_tj is None and cc_t is None and oxidation is None:
        return None
    out = np.full(len(table), np.nan)
    if has_heat:  # supplier factor per t of steam or per TJ of heat, else fuel EF / boiler efficiency
        derived = energy * np.take(c.heat_fuel_ef, index) / m.get("boiler_efficiency", np.full(len(table), np.nan))
        supplier = np.full(len(table), np.nan)
        if "supplier_co2_per_t" in m:
            supplier = np.where(table.kind == MASS, mass * m["supplier_co2_per_t"], supplier)
        if "supplier_co2_per_tj" in m:
            supplier = np.where(table.kind == ENERGY, energy * m["supplier_co2_per_tj"], supplier)
        out = np.where(heat_row, np.where(np.isnan(supplier), derived, supplier), out)
    if cc_tj is not None:
        out = np.where(np.isnan(cc_tj) | process_row, out, energy * cc_tj)
    if cc_t is not None:
        out = np.where(np.isnan(cc_t) | process_row, out, mass * cc_t)
    if oxidation is not None:  # a measured oxidation factor scales the CO2 of combustion (default 1)
        with_factor = ~np.isnan(oxidation) & ~process_row & ~heat_row
        combustion_co2 = np.where(np.isnan(out), energy * np.take(c.ef["CO2"], index), out)
        out = np.where(with_factor, combustion_co2 * oxidation, out)
    if has_process:
        carbonate = np.take(c.carbonate, index)
        per_t = np.take(c.process_per_t, index)
        if cc_t is not None:
            per_t = np.where(~np.isnan(cc_t) & ~carbonate, cc_t, per_t)
        co2 = mass * per_t
        if cc_nm3 is not None:
            co2 = np.where((table.kind == NORMAL_VOLUME) & ~np.isnan(cc_nm3), table.amount * cc_nm3, co2)
        fraction = m.get("fraction_calcined")
        if fraction is not None:
            co2 = np.where(carbonate & ~np.isnan(fraction), co2 * fraction, co2)
        out = np.where(process_row, co2 * np.take(c.process_sign, index), out)
    return out


def calculate(table: ActivityTable, index: np.ndarray, g: Groups, gwp_set: str, gwp: dict[str, float]) -> Calculated:
    """Energy, gas masses and CO2e for every record (arrays only, no per-row Python).

    Combustion: ``E_gas = energy [TJ] × EF_gas [t/TJ]`` (IPCC 2006 Vol. 2 Eq. 2.1), energy
    from mass × NCV, volume × density × NCV, normal volume × NCV per Nm3, or an energy
    quantity (a gross-basis energy × the NCV/GCV ratio). CO2 from a measured carbon
    content replaces the CO2 factor (Tier 3). Electricity: ``E_CO2 = energy × EF_grid(year)``.
    CO2 from biomass fuels is biogenic: a memo item outside CO2e and the scopes (its CH4
    and N2O count). TOE: the MOIT factor per tonne or per kWh where one exists, else the
    energy content at 41.868 GJ/TOE.
    """
    c = coefficients(g, gwp)
    energy, mass = energy_and_mass(table, index, c)
    co2 = energy * np.take(c.ef["CO2"], index)
    override = direct_co2(table, index, c, energy, mass)
    if override is not None:
        co2 = np.where(np.isnan(override), co2, override)
    with np.errstate(divide="ignore", invalid="ignore"):
        co2_ef = np.where(energy > 0, co2 / energy, np.nan)
    records = {
        "energy_tj": energy,
        "mass_t": mass,
        "co2_t": co2,
        "co2_ef": co2_ef,
        "ch4_t": energy * np.take(c.ef["CH4"], index),
        "n2o_t": energy * np.take(c.ef["N2O"], index),
    }
    records["fugitive_t"] = fugitive_mass(index, c, mass)
    records["co2e_t"] = (
        co2 * np.take(c.fossil, index)
        + records["ch4_t"] * gwp["CH4"]
        + records["n2o_t"] * gwp["N2O"]
        + records["fugitive_t"] * np.take(c.fugitive_gwp, index)
    )
    records["energy_toe"] = np.where(
        np.take(c.toe_by_volume, index),
        table.amount * np.take(c.toe_per_volume, index),
        np.where(
            np.take(c.toe_by_mass, index), mass * np.take(c.toe_per_t, index), energy * np.take(c.toe_per_tj, index)
        ),
    )
    return Calculated(records, index, g, gwp_set, gwp)


def fugitive_mass(index: np.ndarray, c: Coefficients, mass: np.ndarray) -> np.ndarray:
    """Mass [t] of gas released per row (- for mass leaving a balance), 0 for rows of other sources."""
    if not c.fugitive_sign.any():
        return np.zeros(len(index))
    sign = np.take(c.fugitive_sign, index)
    return np.where(sign != 0, mass * sign, 0.0)


def toe_method(calc: Calculated, table: ActivityTable) -> np.ndarray:
    """Per row: ``moit_factor`` where a MOIT TOE factor applied, else ``energy_content`` (41.868 GJ/TOE)."""
    toe_unit = np.take(np.array([r.unit if r else "" for r in calc.groups.toe] + [""]), calc.index)
    volume_unit = np.take(np.array([r.unit if r else "" for r in calc.groups.toe_volume] + [""]), calc.index)
    by_mass = (toe_unit == "TOE/t") & np.isin(table.kind, (MASS, VOLUME))
    by_volume = ((volume_unit == "TOE/m3") & (table.kind == VOLUME)) | (
        (volume_unit == "TOE/Nm3") & (table.kind == NORMAL_VOLUME)
    )
    return np.where(by_mass | by_volume | (toe_unit == "TOE/TJ"), "moit_factor", "energy_content")


def method_of(g: Groups, i: int) -> str:
    """The method label of group ``i``."""
    if i in g.process:
        return g.process[i][0]
    if i in g.fugitive:
        return g.fugitive[i][0]
    if i in g.heat:
        return (Method.HEAT_SUPPLIER_FACTOR if g.heat[i] is None else Method.HEAT_FROM_SUPPLIER_FUEL).value
    kind, source = g.keys[i].kind, g.keys[i].source_category
    if source == ELECTRICITY:
        return Method.ELECTRICITY_LOCATION.value
    return {
        "mass": Method.COMBUSTION_MASS,
        "volume": Method.COMBUSTION_VOLUME,
        "energy": Method.COMBUSTION_ENERGY,
        "normal_volume": Method.COMBUSTION_NORMAL_VOLUME,
    }[kind].value


def tier_of(resolved: Resolved | None) -> str:
    return "" if resolved is None else Tier(resolved.tier).value
