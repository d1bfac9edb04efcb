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

import difflib
from dataclasses import dataclass
from typing import NamedTuple

import numpy as np
import pandas as pd

from ghg.core.factors import FactorSet, Resolved
from ghg.core.validation import KEPT_PER_CHECK, KINDS, ActivityTable, Collector
from ghg.core.vocabulary import COMBUSTION_GASES, Method, SourceCategory, Tier

#: TJ per TOE (IEA/OECD definition, 1 TOE = 41.868 GJ): used where no MOIT factor applies.
TJ_PER_TOE = 0.041868
ELECTRICITY = SourceCategory.PURCHASED_ELECTRICITY.value
HEAT = SourceCategory.PURCHASED_HEAT.value
FUGITIVE = SourceCategory.FUGITIVE.value

#: Quantity kinds allowed for each activity state.
KINDS_BY_STATE = {
    "solid": ("mass", "energy"),
    "liquid": ("mass", "volume", "energy"),
    "gas": ("mass", "energy", "normal_volume"),
    "electricity": ("energy",),
}
_KEY_TEXT = ("activity", "ipcc_category", "technology", "source_category", "energy_basis")
MASS, VOLUME, ENERGY, NORMAL_VOLUME = range(4)


_KEY_TEXT_FIELDS = (
    "activity",
    "ipcc_category",
    "technology",
    "source_category",
    "energy_basis",
    "direction",
    "instrument",
    "supplier_fuel",
)


class GroupKey(NamedTuple):
    """What rows of one factor group share."""

    activity: str
    ipcc_category: str
    technology: str
    source_category: str
    energy_basis: str
    direction: str
    instrument: str
    supplier_fuel: str
    kind: str
    year: int


_KEY_FIELDS = GroupKey._fields
PROCESS = SourceCategory.PROCESS.value


class Groups:
    """The distinct factor keys met so far (across batches and files) and what was resolved for each.

    A group's key is (activity, IPCC category, technology, source category, energy
    basis, unit kind, year). :meth:`assign` numbers the rows of a batch, resolving the
    factors of keys not seen before; per-group arrays (``values``) have a trailing
    entry for rows in no group.
    """

    def __init__(self, factors: FactorSet, gwp: dict[str, float] | None = None) -> None:
        self.factors = factors
        self.gwp = gwp
        self.keys: list[GroupKey] = []
        self.index_of: dict[GroupKey, int] = {}
        #: process groups: (method, sign, factor or None when only a measured value can serve)
        self.process: dict[int, tuple[str, float, Resolved | None]] = {}
        #: fugitive groups: (method, sign); the gas is the activity
        self.fugitive: dict[int, tuple[str, float]] = {}
        #: electricity groups of contractual instruments: the instrument kind
        self.instrument: dict[int, str] = {}
        #: purchased heat groups: the CO2 factor of the supplier's fuel [t/TJ], None when a supplier factor must serve
        self.heat: dict[int, Resolved | None] = {}
        self.ncv: list[Resolved | None] = []
        self.density: list[Resolved | None] = []
        self.ratio: list[Resolved | None] = []
        self.toe: list[Resolved | None] = []
        self.ef: dict[str, list[Resolved | None]] = {gas: [] for gas in COMBUSTION_GASES}
        self.biogenic_list: list[bool] = []
        self.bad: dict[int, tuple[str, str, dict[str, object]]] = {}
        self.needs: dict[int, list[tuple[str, str, str]]] = {}

    def __len__(self) -> int:
        return len(self.keys)

    @property
    def frame(self) -> pd.DataFrame:
        return pd.DataFrame(self.keys, columns=list(_KEY_FIELDS))

    @property
    def biogenic(self) -> np.ndarray:
        return np.array([*self.biogenic_list, False], dtype=bool)

    def assign(self, table: ActivityTable) -> np.ndarray:
        """Each row's group number (int32), adding and resolving new keys."""
        local, keys = group_rows(table)
        lookup = np.empty(len(keys) + 1, dtype=np.int32)
        lookup[-1] = -1
        for i, key in enumerate(keys):
            gid = self.index_of.get(key)
            if gid is None:
                gid = self._add(key)
            lookup[i] = gid
        return np.take(lookup, local)

    def _add(self, key: GroupKey) -> int:
        gid = len(self.keys)
        self.keys.append(key)
        self.index_of[key] = gid
        for lst in (self.ncv, self.density, self.ratio, self.toe, *self.ef.values()):
            lst.append(None)
        self.biogenic_list.append(False)
        self._resolve(gid, key)
        return gid

    def _resolve(self, i: int, key: GroupKey) -> None:
        activity, category, tech, source, basis = key.activity, key.ipcc_category, key.technology, *key[3:5]
        direction, instrument, kind, year = key.direction, key.instrument, key.kind, key.year
        factors, acts = self.factors, self.factors.activities
        if instrument and source != ELECTRICITY:
            self.bad[i] = ("instrument", "instrument_not_applicable", {})
            return
        if key.supplier_fuel and source != HEAT:
            self.bad[i] = ("supplier_fuel", "supplier_fuel_not_applicable", {})
            return
        if source == FUGITIVE:
            self._resolve_fugitive(i, activity, category, direction, kind)
            return
        if activity not in acts.index:
            near = difflib.get_close_matches(activity, [str(a) for a in acts.index], n=3, cutoff=0.6)
            if near:
                self.bad[i] = ("activity", "unknown_activity_near", {"near": ", ".join(near)})
            else:
                self.bad[i] = ("activity", "unknown_activity", {"known": ", ".join(sorted(acts.index)[:40])})
            return
        state = str(acts.loc[activity, "state"])
        self.biogenic_list[i] = str(acts.loc[activity, "biomass"]) == "true"
        if source == PROCESS:
            self._resolve_process(i, activity, state, category, direction, kind, year)
        elif source == HEAT:
            self._resolve_heat(i, key, state)
        elif state == "heat":
            self.bad[i] = ("activity", "activity_category", {"state": state, "category": source})
        elif direction:
            self.bad[i] = ("direction", "direction_not_applicable", {})
        elif state == "material" or (state == "electricity") != (source == ELECTRICITY):
            self.bad[i] = ("activity", "activity_category", {"state": state, "category": source})
        elif kind not in KINDS_BY_STATE[state]:
            code = "gas_volume" if state == "gas" and kind == "volume" else "unit_for_state"
            self.bad[i] = ("unit", code, {"state": state, "allowed": ", ".join(KINDS_BY_STATE[state])})
        elif state != "electricity" and kind == "energy" and not basis:
            self.bad[i] = ("energy_basis", "basis_missing", {})
        elif basis and (kind != "energy" or state == "electricity"):
            self.bad[i] = ("energy_basis", "basis_not_applicable", {})
        elif source == ELECTRICITY and instrument:
            self.instrument[i] = instrument
            if instrument != "certificate":
                self.needs[i] = [("supplier_co2_per_tj", "supplier_factor", "instrument_factor_missing")]
        elif source == ELECTRICITY:
            self.ef["CO2"][i] = factors.resolve("grid_emission_factor", activity, "CO2", year=year)
            self.toe[i] = factors.resolve("toe_factor", activity, year=year)
            if self.ef["CO2"][i] is None:
                self.bad[i] = (
                    "year",
                    "no_grid_factor",
                    {"activity": activity, "year": year, "releases": ", ".join(factors.release_ids)},
                )
        elif not category:
            self.bad[i] = ("ipcc_category", "category_missing", {})
        else:
            self._resolve_fuel(i, activity, category, tech, year, kind, basis)

    def _resolve_heat(self, i: int, key: GroupKey, state: str) -> None:
        """Purchased steam or heat: a supplier-specific factor, or one derived from the supplier's fuel
        (Circular 38/2023/TT-BCT App. II, corrected by Decision 334/QĐ-BCT)."""
        if state != "heat":
            self.bad[i] = ("activity", "activity_category", {"state": state, "category": HEAT})
        elif key.kind not in ("mass", "energy"):
            self.bad[i] = ("unit", "unit_for_state", {"state": "heat", "allowed": "mass, energy"})
        elif key.supplier_fuel:
            if not key.ipcc_category:
                self.bad[i] = ("ipcc_category", "category_missing_heat", {})
                return
            ef = self.factors.resolve("emission_factor", key.supplier_fuel, "CO2", key.ipcc_category, year=key.year)
            if ef is None:
                self.bad[i] = (
                    "supplier_fuel",
                    "no_factor",
                    {
                        "gases": "CO2",
                        "activity": key.supplier_fuel,
                        "category": key.ipcc_category,
                        "technology": "-",
                        "year": key.year,
                        "technologies": "",
                        "releases": ", ".join(self.factors.release_ids),
                    },
                )
                return
            self.heat[i] = ef
            self.needs[i] = [("boiler_efficiency", "boiler_efficiency", "boiler_efficiency_missing")]
            if key.kind == "mass":
                self.needs[i].append(("steam_tj_per_t", "steam_enthalpy", "steam_enthalpy_missing"))
        else:
            self.heat[i] = None
            factor = "supplier_co2_per_t" if key.kind == "mass" else "supplier_co2_per_tj"
            self.needs[i] = [(factor, "supplier_factor", "heat_factor_missing")]
            if key.kind == "mass":
                self.needs[i].append(("steam_tj_per_t", "steam_enthalpy", "steam_enthalpy_missing"))

    def _resolve_fugitive(self, i: int, gas: str, category: str, direction: str, kind: str) -> None:
        """Refrigerants, SF6 and other gases released: top-up mass, or a mass balance (IPCC 2006 Vol. 3 Ch. 7-8)."""
        known = set(self.factors.gwp["gas"]) - {"CO2"}
        if gas not in known:
            self.bad[i] = ("activity", "unknown_gas", {"known": ", ".join(sorted(known))})
        elif self.gwp is not None and gas not in self.gwp:
            self.bad[i] = ("activity", "gas_not_in_gwp_set", {"gas": gas})
        elif not category:
            self.bad[i] = ("ipcc_category", "category_missing_fugitive", {})
        elif kind != "mass":
            self.bad[i] = ("unit", "unit_for_state", {"state": "fugitive", "allowed": "mass"})
        elif direction:
            self.fugitive[i] = (Method.FUGITIVE_BALANCE.value, 1.0 if direction == "in" else -1.0)
        else:
            self.fugitive[i] = (Method.FUGITIVE_TOP_UP.value, 1.0)

    def _resolve_process(
        self, i: int, activity: str, state: str, category: str, direction: str, kind: str, year: int
    ) -> None:
        """Carbonate decomposition, carbon content, or a stream of a carbon mass balance (IPCC 2006 Vol. 3)."""
        if state == "electricity":
            self.bad[i] = ("activity", "activity_category", {"state": state, "category": PROCESS})
            return
        if not category:
            self.bad[i] = ("ipcc_category", "category_missing_process", {})
            return
        if kind not in ("mass", "normal_volume"):
            self.bad[i] = ("unit", "unit_for_state", {"state": "process", "allowed": "mass, normal_volume"})
            return
        carbon = self.factors.resolve("carbon_content", activity, ipcc_category=category, year=year)
        if direction:
            self.process[i] = (Method.PROCESS_BALANCE.value, 1.0 if direction == "in" else -1.0, carbon)
            needs_measured = carbon is None or kind == "normal_volume"
        else:
            carbonate = self.factors.resolve("carbonate_factor", activity, "CO2", category, year=year)
            if carbonate is not None and kind == "mass":
                self.process[i] = (Method.PROCESS_CARBONATE.value, 1.0, carbonate)
                return
            self.process[i] = (Method.PROCESS_CARBON.value, 1.0, carbon)
            needs_measured = carbon is None or kind == "normal_volume"
        if needs_measured:
            measured = "carbon_co2_per_nm3" if kind == "normal_volume" else "carbon_co2_per_t"
            self.needs[i] = [(measured, "carbon_content", "no_carbon_content")]

    def _resolve_fuel(self, i: int, activity: str, category: str, tech: str, year: int, kind: str, basis: str) -> None:
        factors = self.factors
        missing = []
        for gas in COMBUSTION_GASES:
            self.ef[gas][i] = factors.resolve("emission_factor", activity, gas, category, tech, year)
            if self.ef[gas][i] is None:
                missing.append(gas)
        self.ncv[i] = factors.resolve("ncv", activity, ipcc_category=category, year=year)
        self.density[i] = factors.resolve("density", activity, ipcc_category=category, year=year)
        self.ratio[i] = factors.resolve("ncv_gcv_ratio", activity, year=year)
        self.toe[i] = factors.resolve("toe_factor", activity, year=year)
        if missing:
            techs = factors.technologies("emission_factor", activity, missing[0], category)
            code = "technology_needed" if techs and not tech else "no_factor"
            self.bad[i] = (
                "activity",
                code,
                {
                    "gases": ", ".join(missing),
                    "activity": activity,
                    "category": category,
                    "technology": tech or "-",
                    "year": year,
                    "technologies": ", ".join(techs),
                    "releases": ", ".join(factors.release_ids),
                },
            )
        elif basis == "gross" and self.ratio[i] is None:
            self.bad[i] = ("energy_basis", "no_ratio", {"activity": activity})
        else:
            needs = []
            if kind in ("mass", "volume") and self.ncv[i] is None:
                needs.append(("ncv_tj_per_t", "ncv", "no_ncv"))
            if kind == "volume" and self.density[i] is None:
                needs.append(("density_t_per_m3", "density", "no_density"))
            if kind == "normal_volume":
                needs.append(("ncv_tj_per_nm3", "ncv", "no_ncv_nm3"))
            if needs:
                self.needs[i] = needs

    def report(self, col: Collector, table: ActivityTable, gid: np.ndarray) -> bool:
        """Report the rows of ``table`` whose group cannot be computed; True if any."""
        found = False
        if not self.bad and not self.needs and not self.process and "oxidation_factor" not in table.measured:
            return found
        present = np.unique(gid)
        fraction = table.measured.get("fraction_calcined")
        oxidation = table.measured.get("oxidation_factor")
        carbon = [
            table.measured[k]
            for k in ("carbon_co2_per_t", "carbon_co2_per_tj", "carbon_co2_per_nm3")
            if k in table.measured
        ]
        for g in present:
            g = int(g)
            carbonate = self.process.get(g, ("",))[0] == Method.PROCESS_CARBONATE.value
            if oxidation is not None and (
                g in self.process or g in self.fugitive or self.keys[g].source_category == ELECTRICITY
            ):
                mask = (gid == g) & ~np.isnan(oxidation)
                if mask.any():
                    self._report_rows(col, table, mask, "oxidation_factor", "oxidation_not_applicable", {})
                    found = True
            if fraction is not None and not carbonate:
                mask = (gid == g) & ~np.isnan(fraction)
                if mask.any():
                    self._report_rows(col, table, mask, "fraction_calcined", "fraction_not_applicable", {})
                    found = True
            if carbonate and carbon:
                mask = (gid == g) & np.any([~np.isnan(c) for c in carbon], axis=0)
                if mask.any():  # the carbonate factor is stoichiometric: a carbon content has no place here
                    self._report_rows(col, table, mask, "carbon_content", "carbon_not_applicable", {})
                    found = True
            if g in self.bad:
                column, code, params = self.bad[g]
                self._report_rows(col, table, gid == g, column, code, params)
                found = True
            for measured, column, code in self.needs.get(g, []):
                mask = gid == g
                have = table.measured.get(measured)
                if have is not None:
                    mask &= np.isnan(have)
                if mask.any():
                    self._report_rows(col, table, mask, column, code, {"activity": self.keys[g].activity})
                    found = True
        return found

    @staticmethod
    def _report_rows(
        col: Collector, table: ActivityTable, mask: np.ndarray, column: str, code: str, params: dict[str, object]
    ) -> None:
        idx = np.flatnonzero(mask)
        shown_max = max(KEPT_PER_CHECK - col.counts[(code, column)], 0)
        for i in idx[:shown_max]:
            if column in table.text:
                value = table.text[column].value(int(i))
            elif column == "year":
                value = str(table.year[i])
            else:
                value = None
            col.add(int(table.row[i]) - col.source.row_base, column, code, value, **params)
        col.counts[(code, column)] += max(len(idx) - shown_max, 0)


def group_rows(table: ActivityTable) -> tuple[np.ndarray, list[GroupKey]]:
    """Each row's factor key as a dense group number within the batch, and each group's key.

    The key columns' codes are packed into one integer (mixed radix of their code
    ranges, computed in place); groups are numbered through a lookup table when that
    integer range is small, else by sorting, and each group's key is decoded from its
    packed number. A few passes over the rows, with no per-row Python.
    """
    n = len(table)
    names = _KEY_TEXT_FIELDS
    columns = [table.text[name].codes for name in names] + [table.kind]
    radices = [len(table.text[name].categories) + 1 for name in names] + [len(KINDS) + 1]
    year_min = int(table.year.min()) if n else 0
    radices.append(int(table.year.max()) - year_min + 1 if n else 1)
    span = int(np.prod(np.array(radices, dtype=np.float64)))
    packed: np.ndarray = np.zeros(n, dtype=np.int32 if span < 2**31 else np.int64)
    for codes, radix in zip(columns, radices[:-1], strict=True):
        if radix == 1:
            continue  # an absent or empty column: its digit is 0 in every row
        packed *= radix
        packed += codes  # codes are -1 for missing: +1 makes them 0
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
        uniques, inverse = np.unique(packed, return_inverse=True)
        group = inverse.astype(np.int32)
    digits = []
    rest = uniques.astype(np.int64)
    for radix in reversed(radices):
        rest, digit = np.divmod(rest, radix)
        digits.append(digit)
    digits.reverse()
    text = [np.append(table.text[name].categories, "").astype(object) for name in names]
    kinds = np.array((*KINDS, ""), dtype=object)
    keys = [
        GroupKey._make(
            [
                *(str(text[j][digits[j][u] - 1]) for j in range(len(names))),
                str(kinds[digits[len(names)][u] - 1]),
                int(digits[-1][u] + year_min),
            ]
        )
        for u in range(len(uniques))
    ]
    return group, keys


def _values(resolved: list[Resolved | None]) -> np.ndarray:
    return np.array([np.nan if r is None else r.value for r in resolved] + [np.nan])


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
    ``toe_by_mass`` (a MOIT factor per tonne applies); for process groups ``process``,
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
    ncv_g, density_g, ratio_g = _values(g.ncv), _values(g.density), _values(g.ratio)
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
    tj_per_amount = np.select(
        [not_energy, kind_g == MASS, kind_g == VOLUME, (kind_g == ENERGY) & gross_g, kind_g == ENERGY],
        [0.0, ncv_g, density_g * ncv_g, ratio_g, 1.0],
        np.nan,
    )
    t_per_amount = np.select([kind_g == MASS, kind_g == VOLUME], [1.0, density_g], np.nan)
    # purchased heat: energy given, or steam mass x its measured enthalpy (per row)
    tj_per_amount = np.where(heat & (kind_g == ENERGY), 1.0, np.where(heat, np.nan, tj_per_amount))
    # After the checks every fuel group has its three factors and every electricity group its
    # CO2 factor; the only factors left empty are CH4 and N2O of electricity, which are 0.
    ef = {gas: np.nan_to_num(_values(g.ef[gas])) for gas in COMBUSTION_GASES}
    toe_unit = np.array([r.unit if r else "" for r in g.toe] + [""])
    toe = _values(g.toe)
    toe_by_mass = (toe_unit == "TOE/t") & ((kind_g == MASS) | (kind_g == VOLUME))
    return Coefficients(
        tj_per_amount,
        t_per_amount,
        ncv_g,
        ef,
        np.where(g.biogenic, 0.0, gwp["CO2"]),
        np.where(toe_by_mass, toe, 0.0),
        np.where(toe_unit == "TOE/TJ", toe, 1.0 / TJ_PER_TOE),
        toe_by_mass,
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
    if "ncv_tj_per_nm3" in m:
        tj_per = np.where(kind == NORMAL_VOLUME, m["ncv_tj_per_nm3"], tj_per)
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
        np.take(c.toe_by_mass, index), mass * np.take(c.toe_per_t, index), energy * np.take(c.toe_per_tj, index)
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
    by_mass = (toe_unit == "TOE/t") & np.isin(table.kind, (MASS, VOLUME))
    return np.where(by_mass | (toe_unit == "TOE/TJ"), "moit_factor", "energy_content")


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
