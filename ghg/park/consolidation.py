"""The park: the registry of members, the transfer ledger, consolidation without double counting, thresholds.

Energy passed between members (electricity, steam, heat) is in the seller's Scope 1 and the buyer's
Scope 2: the consolidated total counts it once, keeping the seller's Scope 1 and showing the buyer's
Scope 2 for internal supply as an adjustment that is excluded. Carbon-bearing gas passed between members
is already counted once (the carbon leaves the seller's mass balance and is burnt in the buyer's Scope 1):
it is in the ledger, and checked, with no adjustment.

References
----------
GHG Protocol Corporate Standard (2004), Ch. 3-4 (consolidation); Decree 06/2022/NĐ-CP Art. 5 (as amended
by Decree 119/2025/NĐ-CP); Decision 896/QĐ-TTg (reduction duty); MOIT Letter 3505/BCT-KHCN (TOE).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from ghg.core import units
from ghg.core.errors import InputError, Problem, UnitError
from ghg.core.tables import read_csv
from ghg.core.vocabulary import Scope, SourceCategory

REGISTRY_COLUMNS = [
    "enterprise",
    "facility",
    "name",
    "sector",
    "ipcc_categories",
    "member_from",
    "member_to",
    "on_national_list",
]
TRANSFER_COLUMNS = ["seller", "buyer", "carrier", "year", "quantity", "unit", "evidence"]
#: carrier -> (unit the quantities are compared in, how the buyer's records are recognised)
CARRIERS = {"electricity": "MWh", "steam": "t", "heat": "GJ", "carbon_gas": "Nm3"}
#: Decree 06/2022 Art. 5 thresholds [t CO2e/yr] and [TOE/yr]; Decision 896/QĐ-TTg reduction thresholds [t CO2e/yr]
DECREE_06_CO2E = 3000.0
DECREE_06_TOE = 1000.0
DECISION_896_2030 = 2000.0
DECISION_896_2050 = 200.0
SCOPE_2 = (Scope.SCOPE_2.value, "scope_2_market")
_ID = re.compile(r"^[^\W_][\w.\-]{0,63}$")


def _year(path: Path, frame: pd.DataFrame, column: str, required: bool) -> tuple[pd.Series, list[Problem]]:
    text = frame[column].str.strip()
    value = pd.to_numeric(text.where(text != ""), errors="coerce")
    bad = (value.isna() & ((text != "") | required)) | (value.notna() & (value != value.round()))
    problems = [Problem(str(path), int(i) + 2, column, text.iloc[i], "year_integer") for i in np.flatnonzero(bad)]
    return value, problems


@dataclass
class Registry:
    """Members of the park: enterprises, their facilities, sector, years of membership, national list."""

    frame: pd.DataFrame
    path: Path

    def members(self, year: int) -> set[str]:
        f = self.frame
        inside = (f["member_from"] <= year) & (f["member_to"].isna() | (f["member_to"] >= year))
        return set(f.loc[inside, "enterprise"])

    def facilities(self) -> set[tuple[str, str]]:
        return set(zip(self.frame["enterprise"], self.frame["facility"], strict=True))

    def sector_of(self) -> dict[str, str]:
        return dict(zip(self.frame["enterprise"], self.frame["sector"], strict=True))


def load_registry(path: str | Path) -> Registry:
    """Read the registry the authority keeps (CSV, columns :data:`REGISTRY_COLUMNS`), checking every row.

    Raises
    ------
    InputError
        With every problem (file, row, column, value, fix).
    """
    path = Path(path)
    frame, problems = read_csv(path, REGISTRY_COLUMNS, strip=False)
    if not problems:
        for column in ("enterprise", "facility"):
            for i in np.flatnonzero(~frame[column].str.match(_ID)):
                problems.append(Problem(str(path), int(i) + 2, column, frame[column].iloc[i], "identifier"))
        start, found = _year(path, frame, "member_from", True)
        end, found2 = _year(path, frame, "member_to", False)
        problems += found + found2
        flag = frame["on_national_list"].str.strip().str.lower()
        for i in np.flatnonzero(~flag.isin(["yes", "no"])):
            problems.append(
                Problem(
                    str(path),
                    int(i) + 2,
                    "on_national_list",
                    frame["on_national_list"].iloc[i],
                    "vocabulary",
                    params={"allowed": "yes, no"},
                )
            )
        for i in np.flatnonzero(frame.duplicated(["enterprise", "facility"], keep="first")):
            problems.append(
                Problem(
                    str(path), int(i) + 2, "facility", frame["facility"].iloc[i], "duplicate_row", params={"first": "-"}
                )
            )
        frame = frame.assign(member_from=start, member_to=end, on_national_list=flag == "yes")
    if problems:
        raise InputError(problems)
    return Registry(frame, path)


def load_transfers(path: str | Path, registry: Registry) -> pd.DataFrame:
    """Read the transfer ledger (CSV, columns :data:`TRANSFER_COLUMNS`); quantities in the carrier's unit.

    Seller and buyer must be members of the park in the transfer's year.

    Raises
    ------
    InputError
        With every problem (file, row, column, value, fix).
    """
    path = Path(path)
    frame, problems = read_csv(path, TRANSFER_COLUMNS, strip=False)
    if problems:
        raise InputError(problems)
    year, found = _year(path, frame, "year", True)
    problems += found
    quantity = pd.to_numeric(frame["quantity"].str.strip(), errors="coerce")
    amount = np.full(len(frame), np.nan)
    for i, row in frame.iterrows():
        n = int(str(i)) + 2
        if row["carrier"] not in CARRIERS:
            problems.append(
                Problem(str(path), n, "carrier", row["carrier"], "vocabulary", params={"allowed": ", ".join(CARRIERS)})
            )
            continue
        if not quantity.iloc[int(str(i))] >= 0:
            problems.append(Problem(str(path), n, "quantity", row["quantity"], "number"))
            continue
        try:
            amount[int(str(i))] = quantity.iloc[int(str(i))] * units.factor_to(row["unit"], CARRIERS[row["carrier"]])
        except UnitError as exc:
            problems.append(
                Problem(
                    str(path),
                    n,
                    "unit",
                    row["unit"],
                    "unit_kind" if exc.reason == "dimension" else "unit_" + exc.reason,
                    params={"expected": CARRIERS[row["carrier"]]},
                )
            )
        y = year.iloc[int(str(i))]
        if not np.isnan(y):
            members = registry.members(int(y))
            for side in ("seller", "buyer"):
                if row[side] not in members:
                    problems.append(Problem(str(path), n, side, row[side], "not_member", params={"year": int(y)}))
        if row["seller"] == row["buyer"]:
            problems.append(Problem(str(path), n, "buyer", row["buyer"], "self_transfer"))
    if problems:
        raise InputError(problems)
    out = frame.assign(year=year.astype(int), quantity=amount, unit=[CARRIERS[c] for c in frame["carrier"]])
    out["ledger_row"] = np.arange(len(out)) + 2
    return out


@dataclass
class ParkResult:
    """Consolidated park totals, the members' shares, the transfer reconciliation, and what was left out."""

    consolidated: pd.DataFrame
    totals: pd.DataFrame
    shares: pd.DataFrame
    transfers: pd.DataFrame
    not_members: pd.DataFrame
    lines: pd.DataFrame
    revisions: pd.DataFrame


def internal_supply(lines: pd.DataFrame, registry: Registry) -> np.ndarray:
    """Mask of Scope 2 lines whose supplier is another member of the park in that year."""
    mask = np.zeros(len(lines), dtype=bool)
    scope_2 = lines["scope"].isin(SCOPE_2).to_numpy()
    for year in sorted(set(lines["year"])):
        members = registry.members(int(year))
        here = (lines["year"] == year).to_numpy() & scope_2
        mask |= (
            here & lines["supplier"].isin(members).to_numpy() & (lines["supplier"] != lines["enterprise"]).to_numpy()
        )
    return mask


def _members(lines: pd.DataFrame, registry: Registry) -> pd.DataFrame:
    """The lines of enterprises that are members of the park in their year."""
    member = np.zeros(len(lines), dtype=bool)
    for year in sorted(set(lines["year"])):
        member |= (lines["year"] == year).to_numpy() & lines["enterprise"].isin(registry.members(int(year))).to_numpy()
    return lines.loc[member]


def consolidate(
    lines: pd.DataFrame,
    registry: Registry,
    transfers: pd.DataFrame | None = None,
    years: list[int] | None = None,
    enterprises: list[str] | None = None,
    tolerance: float = 0.02,
) -> ParkResult:
    """Consolidate the members' result lines: each transferred tonne counted once.

    Parameters
    ----------
    lines : DataFrame
        Result lines (:data:`ghg.store.LINE_SCHEMA`) of the latest revisions, with the ``revision`` column
        of :func:`ghg.store.read_lines`; the result names the revisions it was built from.
    registry : Registry
        Members and the years they belong to the park.
    transfers : DataFrame, optional
        The ledger (:func:`load_transfers`), reconciled with the buyers' records.
    years, enterprises : list, optional
        Only these years and enterprises.
    tolerance : float
        Relative difference between the two sides of a transfer that is accepted [-].
    """
    # the transfers are reconciled against every buyer's records first; --years and --enterprises filter after
    reconciled = reconcile(_members(lines, registry), transfers, tolerance) if transfers is not None else pd.DataFrame()
    if len(reconciled) and years:
        reconciled = reconciled[reconciled["year"].isin(years)].reset_index(drop=True)
    if len(reconciled) and enterprises:
        either = reconciled["seller"].isin(enterprises) | reconciled["buyer"].isin(enterprises)
        reconciled = reconciled[either].reset_index(drop=True)
    if years:
        lines = lines[lines["year"].isin(years)]
    if enterprises:
        lines = lines[lines["enterprise"].isin(enterprises)]
    member = np.zeros(len(lines), dtype=bool)
    for year in sorted(set(lines["year"])):
        member |= (lines["year"] == year).to_numpy() & lines["enterprise"].isin(registry.members(int(year))).to_numpy()
    not_members = lines.loc[~member].groupby(["enterprise", "year"]).size().rename("lines").reset_index()
    lines = lines.loc[member].copy()
    known = registry.facilities()
    unknown_facility = np.array(
        [p not in known for p in zip(lines["enterprise"], lines["facility"], strict=True)], dtype=bool
    )
    not_members = pd.concat(
        [
            not_members.assign(facility=""),
            lines.loc[unknown_facility]
            .groupby(["enterprise", "facility", "year"])
            .size()
            .rename("lines")
            .reset_index(),
        ],
        ignore_index=True,
    )
    lines = lines.loc[~unknown_facility]
    lines["sector"] = lines["enterprise"].map(registry.sector_of()).fillna("")
    lines["internal"] = internal_supply(lines, registry)
    counted = lines[lines["scope"] != Scope.MEMO_BIOGENIC.value]
    by_scope = counted.pivot_table(index="year", columns="scope", values="co2e_t", aggfunc="sum", fill_value=0.0)
    internal = counted[counted["internal"]].pivot_table(
        index="year", columns="scope", values="co2e_t", aggfunc="sum", fill_value=0.0
    )
    years_index = by_scope.index

    def col(frame: pd.DataFrame, name: str) -> pd.Series:
        return frame[name].reindex(years_index).fillna(0.0) if name in frame else pd.Series(0.0, index=years_index)

    consolidated = pd.DataFrame(
        {
            "scope_1_t_co2e": col(by_scope, Scope.SCOPE_1.value),
            "scope_2_location_members_t_co2e": col(by_scope, Scope.SCOPE_2.value),
            "internal_supply_location_t_co2e": col(internal, Scope.SCOPE_2.value),
            "scope_2_market_members_t_co2e": col(by_scope, "scope_2_market"),
            "internal_supply_market_t_co2e": col(internal, "scope_2_market"),
        }
    )
    consolidated["consolidated_location_t_co2e"] = (
        consolidated["scope_1_t_co2e"]
        + consolidated["scope_2_location_members_t_co2e"]
        - consolidated["internal_supply_location_t_co2e"]
    )
    consolidated["consolidated_market_t_co2e"] = (
        consolidated["scope_1_t_co2e"]
        + consolidated["scope_2_market_members_t_co2e"]
        - consolidated["internal_supply_market_t_co2e"]
    )
    consolidated = consolidated.reset_index()
    location = counted[counted["scope"] != "scope_2_market"]
    totals = (
        location.groupby(["year", "scope", "source_category", "gas", "sector", "enterprise"])["co2e_t"]
        .sum()
        .reset_index()
    )
    shares = location.groupby(["year", "enterprise", "sector"])["co2e_t"].sum().reset_index()
    shares["share"] = shares["co2e_t"] / shares.groupby("year")["co2e_t"].transform("sum")
    shares["rank"] = shares.groupby("year")["co2e_t"].rank(ascending=False, method="first").astype(int)
    shares = shares.sort_values(["year", "rank"]).reset_index(drop=True)
    used = ["enterprise", "year", "revision"] if "revision" in lines else ["enterprise", "year"]
    revisions = lines[used].drop_duplicates().sort_values(used).reset_index(drop=True)
    return ParkResult(consolidated, totals, shares, reconciled, not_members, lines, revisions)


def buyer_quantities(lines: pd.DataFrame) -> pd.DataFrame:
    """What buyers recorded as bought from a member: per seller, buyer, carrier, year, in the carrier's unit."""
    records = lines[(lines["gas"] == "CO2") & (lines["supplier"] != "") & (lines["scope"] != "scope_2_market")]
    records = records[~records["method"].isin(["electricity_market_instrument"])]
    carrier = np.select(
        [
            records["source_category"] == SourceCategory.PURCHASED_ELECTRICITY.value,
            records["activity"] == "steam",
            records["activity"] == "heat",
            records["source_category"] == SourceCategory.STATIONARY_COMBUSTION.value,
        ],
        ["electricity", "steam", "heat", "carbon_gas"],
        "",
    )
    records = records.assign(carrier=carrier)
    records = records[records["carrier"] != ""]
    factor = {}
    for unit, target in set(zip(records["unit"], records["carrier"].map(CARRIERS), strict=True)):
        try:
            factor[(unit, target)] = units.factor_to(unit, target)
        except UnitError:
            factor[(unit, target)] = np.nan
    amount = [
        q * factor[(u, CARRIERS[c])]
        for q, u, c in zip(records["quantity"], records["unit"], records["carrier"], strict=True)
    ]
    records = records.assign(amount=amount, where=records["input_file"] + ":" + records["input_row"].astype(str))
    return (
        records.groupby(["supplier", "enterprise", "carrier", "year"])
        .agg(buyer_quantity=("amount", "sum"), buyer_rows=("where", lambda s: ", ".join(sorted(set(s)))))
        .reset_index()
        .rename(columns={"supplier": "seller", "enterprise": "buyer"})
    )


def reconcile(lines: pd.DataFrame, transfers: pd.DataFrame, tolerance: float) -> pd.DataFrame:
    """Both sides of every transfer: the ledger (seller's declaration) against the buyer's records."""
    ledger = (
        transfers.groupby(["seller", "buyer", "carrier", "year"])
        .agg(
            ledger_quantity=("quantity", "sum"),
            unit=("unit", "first"),
            ledger_rows=("ledger_row", lambda s: ", ".join(str(int(r)) for r in s)),
        )
        .reset_index()
    )
    both = ledger.merge(buyer_quantities(lines), on=["seller", "buyer", "carrier", "year"], how="outer")
    both["unit"] = both["carrier"].map(CARRIERS)
    for column in ("ledger_quantity", "buyer_quantity"):
        both[column] = both[column].fillna(0.0)
    both = both.fillna({"ledger_rows": "", "buyer_rows": ""})
    scale = np.maximum(both["ledger_quantity"].abs(), both["buyer_quantity"].abs())
    both["difference"] = both["buyer_quantity"] - both["ledger_quantity"]
    both["agrees"] = (both["difference"].abs() <= tolerance * scale) & (scale > 0)
    return both.sort_values(["year", "seller", "buyer", "carrier"]).reset_index(drop=True)


def thresholds(lines: pd.DataFrame, registry: Registry | None = None) -> pd.DataFrame:
    """Per facility and year: emissions (Scope 1 + Scope 2 location-based) and energy against the legal thresholds.

    Decree 06/2022/NĐ-CP Art. 5: an inventory is due at ≥ 3,000 t CO2e/yr, or ≥ 1,000 TOE/yr with the MOIT
    conversion table (electricity 0.0001543 TOE/kWh: 6.48 GWh is 1,000 TOE). Decision 896/QĐ-TTg: facilities
    at ≥ 2,000 t CO2e/yr must reduce by 2030, at ≥ 200 t by 2050.
    """
    counted = lines[lines["scope"].isin([Scope.SCOPE_1.value, Scope.SCOPE_2.value])]
    out = (
        counted.groupby(["enterprise", "facility", "year"])
        .agg(t_co2e=("co2e_t", "sum"), toe=("energy_toe", "sum"))
        .reset_index()
    )
    out["decree_06_by_co2e"] = out["t_co2e"] >= DECREE_06_CO2E
    out["decree_06_by_toe"] = out["toe"] >= DECREE_06_TOE
    out["decree_06_inventory_duty"] = out["decree_06_by_co2e"] | out["decree_06_by_toe"]
    out["decision_896_reduce_by_2030"] = out["t_co2e"] >= DECISION_896_2030
    out["decision_896_reduce_by_2050"] = out["t_co2e"] >= DECISION_896_2050
    if registry is not None:
        listed = dict(
            zip(
                zip(registry.frame["enterprise"], registry.frame["facility"], strict=True),
                registry.frame["on_national_list"],
                strict=True,
            )
        )
        out["on_national_list"] = [
            bool(listed.get((e, f), False)) for e, f in zip(out["enterprise"], out["facility"], strict=True)
        ]
    return out
