"""What accumulates while an inventory's batches are calculated: the cells per group (activity, energy, mass,
emissions per gas), carbon balances, production records, and the intensities per tonne of product.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa

from ghg.core import calculation, validation
from ghg.core import lines as result_lines
from ghg.core.activity import Source
from ghg.core.errors import Problem
from ghg.core.totals import TOTAL_KEYS, summary_from_lines, totals_from_lines
from ghg.core.vocabulary import Scope, SourceCategory

#: Keys of the totals table.


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


def facility_emissions(lines: pd.DataFrame | pa.Table) -> pd.DataFrame:
    """Scope 1 + Scope 2 (location-based) CO2e [t] and TOE per enterprise, facility and year, from result lines
    (indexed by those three; lines of several groups of whole partitions give rows that concatenate)."""
    if isinstance(lines, pa.Table):
        wanted = ["enterprise", "facility", "year", "scope", "co2e_t", "energy_toe"]
        lines = result_lines.plain_columns(lines.select(wanted)).to_pandas()
    counted = lines[lines["scope"].isin([Scope.SCOPE_1.value, Scope.SCOPE_2.value])]
    return counted.groupby(["enterprise", "facility", "year"])[["co2e_t", "energy_toe"]].sum(min_count=1)


def intensities(lines: pd.DataFrame | pa.Table, production: pd.DataFrame) -> pd.DataFrame:
    """Emissions and energy per tonne of product, per enterprise, facility, year and product.

    The facility's Scope 1 + Scope 2 (location-based) CO2e and its TOE are divided by each product's
    output. A facility with several products is not allocated between them: ``products`` says how many
    share the same totals, and such intensities are not additive.
    """
    if production.empty:
        return intensities_of(pd.DataFrame(), production)
    return intensities_of(facility_emissions(lines), production)


def intensities_of(facility: pd.DataFrame, production: pd.DataFrame) -> pd.DataFrame:
    """:func:`intensities` from :func:`facility_emissions`."""
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


class LineTotals:
    """Totals, summary and facility emissions summed from result lines that arrive by groups of whole
    partitions: each group's sums are those of the whole run (every key holds an enterprise and a year)."""

    def __init__(self, gwp_set: str, with_facilities: bool = True) -> None:
        self.gwp_set = gwp_set
        #: Sum facility emissions too (what intensities need; a run without production records skips them).
        self.with_facilities = with_facilities
        self.parts: list[tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]] = []

    def add(self, table: pa.Table) -> None:
        totals = totals_from_lines(table, self.gwp_set)
        facilities = facility_emissions(table if self.with_facilities else table.slice(0, 0))
        self.parts.append((totals, summary_from_lines(table), facilities))

    def _all(self, i: int) -> pd.DataFrame:
        frames = [p[i] for p in self.parts]
        if not frames:
            return [
                totals_from_lines(result_lines.LINE_SCHEMA_DICT.empty_table(), self.gwp_set),
                summary_from_lines(result_lines.LINE_SCHEMA_DICT.empty_table()),
                facility_emissions(result_lines.LINE_SCHEMA_DICT.empty_table()),
            ][i]
        return frames[0] if len(frames) == 1 else pd.concat(frames, ignore_index=i < 2)

    def totals(self) -> pd.DataFrame:
        return self._all(0).sort_values(TOTAL_KEYS, kind="stable").reset_index(drop=True)

    def summary(self) -> pd.DataFrame:
        return self._all(1).sort_values(["enterprise", "year"], kind="stable").reset_index(drop=True)

    def facilities(self) -> pd.DataFrame:
        return self._all(2)
