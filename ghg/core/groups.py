"""Rows grouped by factor key (activity, IPCC category, technology, source category, unit kind, energy basis,
year): each group's factors resolved once from the releases (Circular 38/2023/TT-BCT Art. 18, order of
factor sources), with the problems of groups no release serves.
"""

from __future__ import annotations

import difflib
from typing import NamedTuple

import numpy as np
import pandas as pd

from ghg.core.factors import FactorSet, Resolved
from ghg.core.validation import KEPT_PER_CHECK, KINDS, ActivityTable, Collector
from ghg.core.vocabulary import COMBUSTION_GASES, Method, SourceCategory

#: TJ per TOE (IEA/OECD definition, 1 TOE = 41.868 GJ): used where no MOIT factor applies.


#: TJ per TOE (IEA/OECD definition, 1 TOE = 41.868 GJ): used where no MOIT factor applies.
TJ_PER_TOE = 0.041868
ELECTRICITY = SourceCategory.PURCHASED_ELECTRICITY.value
HEAT = SourceCategory.PURCHASED_HEAT.value
FUGITIVE = SourceCategory.FUGITIVE.value

#: Units that stand for each kind of quantity in messages (language-neutral).
UNIT_EXAMPLES = {"mass": "t, kg", "volume": "L, m3", "energy": "kWh, MWh, GJ, TJ", "normal_volume": "Nm3, Sm3, scf"}
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
        self.toe_volume: list[Resolved | None] = []  # MOIT's per-volume factors (per 1,000 L, per 1,000 m3)
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
        for lst in (self.ncv, self.density, self.ratio, self.toe, self.toe_volume, *self.ef.values()):
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
            allowed = ", ".join(UNIT_EXAMPLES[k] for k in KINDS_BY_STATE[state])
            self.bad[i] = ("unit", code, {"activity": activity, "allowed": allowed})
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
        self.toe[i] = factors.resolve("toe_factor", activity, technology=tech, year=year)
        self.toe_volume[i] = factors.resolve("toe_factor_volume", activity, technology=tech, year=year)
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
            resolved_ncv = self.ncv[i]
            ncv_unit = resolved_ncv.unit if resolved_ncv is not None else ""
            if kind in ("mass", "volume") and ncv_unit != "TJ/t":
                needs.append(("ncv_tj_per_t", "ncv", "no_ncv"))
            if kind == "volume" and self.density[i] is None:
                needs.append(("density_t_per_m3", "density", "no_density"))
            if kind == "normal_volume" and ncv_unit != "TJ/Nm3":  # a release may give it per Nm3 (or per scf)
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


def resolved_values(resolved: list[Resolved | None]) -> np.ndarray:
    return np.array([np.nan if r is None else r.value for r in resolved] + [np.nan])
