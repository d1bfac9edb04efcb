"""Eco-industrial park monitoring records (Decree 35/2022/NĐ-CP): the RECP, exchange and resource files an
enterprise keeps, read and checked, and the factors avoided emissions are valued with.

What enterprises record (CSV files beside their activity data, formats in ``examples/tang-loong/eip/README.md``):

- ``recp.csv``: resource-efficiency and cleaner-production (RECP) measures implemented, with realised savings
  (electricity, a fuel, water, materials, chemicals), the baseline they are measured against and evidence.
- ``exchanges.csv``: by-products, materials and energy passed between members; each exchange is recorded by
  both sides (``reported_by`` supplier / receiver), like the energy transfer ledger.
- ``resources.csv``: water and materials used, for intensities per product.

Avoided emissions are a stated counterfactual, never a measurement: electricity saved × that year's grid
factor (the location-based factor of the year's stored lines), fuel saved × the enterprise's own emissions
per unit of that fuel in that year's inventory, an exchange × the emission factor of what it replaces (given
with its source on the row). They are shown beside the inventory's actual year-on-year change.

References
----------
Decree 35/2022/NĐ-CP Art. 2, 37, 43; Circular 05/2025/TT-BKHĐT, Forms A.4, A.5, B.4 (as described in the
national IP/EZ reporting-system specification); UNIDO/WBG/GIZ International Framework for EIPs v2.0 (2021).
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
from ghg.park import Registry

RECP_COLUMNS = [
    "enterprise",
    "year",
    "id",
    "name",
    "pathway_measure",
    "electricity_saved",
    "fuel",
    "fuel_saved",
    "water_saved",
    "materials_saved",
    "chemicals_saved",
    "baseline",
    "evidence",
]
EXCHANGE_COLUMNS = [
    "supplier",
    "receiver",
    "year",
    "material",
    "quantity",
    "reported_by",
    "replaces",
    "replaced_factor",
    "factor_source",
    "evidence",
]
RESOURCE_COLUMNS = ["enterprise", "year", "resource", "quantity", "evidence"]
RESOURCES = {"water": "m3", "materials": "t", "chemicals": "t"}
#: quantity fields of RECP records and the unit each is kept in
SAVINGS = {
    "electricity_saved": "MWh",
    "water_saved": "m3",
    "materials_saved": "t",
    "chemicals_saved": "t",
}
_QUANTITY = re.compile(r"^\s*([+-]?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)\s+(.+?)\s*$")
_ID = re.compile(r"^[^\W_][\w.\-]{0,63}$")


def _quantity(path: Path, row: int, column: str, value: str, target: str, problems: list[Problem]) -> float:
    """``"1000 MWh"`` in ``target`` units; '' is 0; anything else a problem."""
    if value == "":
        return 0.0
    match = _QUANTITY.match(value)
    if not match:
        problems.append(Problem(str(path), row, column, value, "quantity_unit", params={"expected": target}))
        return np.nan
    try:
        number = float(match.group(1)) * units.factor_to(match.group(2), target)
    except UnitError as exc:
        code = "unit_kind" if exc.reason == "dimension" else "unit_" + exc.reason
        problems.append(Problem(str(path), row, column, value, code, params={"expected": target}))
        return np.nan
    if number < 0:
        problems.append(Problem(str(path), row, column, value, "not_negative"))
    return number


def _year(path: Path, row: int, value: str, problems: list[Problem]) -> int:
    if not re.fullmatch(r"\d{4}", value):
        problems.append(Problem(str(path), row, "year", value, "year_integer"))
        return 0
    return int(value)


@dataclass
class Records:
    """The park's EIP records of all years, checked."""

    recp: pd.DataFrame
    exchanges: pd.DataFrame
    resources: pd.DataFrame
    folder: Path


def load(folder: str | Path, registry: Registry) -> Records:
    """Read and check ``recp.csv``, ``exchanges.csv`` and ``resources.csv`` of ``folder``.

    Raises
    ------
    InputError
        With every problem of every file (file, row, column, value, fix): malformed quantities or units, a
        member unknown in that year, an unknown side of an exchange.
    """
    folder = Path(folder)
    problems: list[Problem] = []
    recp_path, exchange_path, resource_path = (folder / n for n in ("recp.csv", "exchanges.csv", "resources.csv"))
    recp, found = read_csv(recp_path, RECP_COLUMNS)
    problems += found
    exchanges, found2 = read_csv(exchange_path, EXCHANGE_COLUMNS)
    problems += found2
    resources, found3 = read_csv(resource_path, RESOURCE_COLUMNS)
    problems += found3
    if problems:
        raise InputError(problems)

    def member(path: Path, n: int, column: str, name: str, year: int) -> None:
        if year and name not in registry.members(year):
            problems.append(Problem(str(path), n, column, name, "not_member", params={"year": year}))

    rows = []
    for i, r in recp.iterrows():
        n = int(str(i)) + 2
        year = _year(recp_path, n, r["year"], problems)
        member(recp_path, n, "enterprise", r["enterprise"], year)
        if not _ID.match(r["id"]):
            problems.append(Problem(str(recp_path), n, "id", r["id"], "identifier"))
        saved = {k: _quantity(recp_path, n, k, r[k], unit, problems) for k, unit in SAVINGS.items()}
        fuel_saved, fuel_unit = np.nan, ""
        if r["fuel_saved"]:
            if not r["fuel"]:
                problems.append(Problem(str(recp_path), n, "fuel", "", "fuel_required"))
            match = _QUANTITY.match(r["fuel_saved"])
            if not match:
                problems.append(Problem(str(recp_path), n, "fuel_saved", r["fuel_saved"], "quantity_unit",
                                        params={"expected": "t, L, m3, Nm3, GJ"}))  # fmt: skip
            else:
                fuel_saved, fuel_unit = float(match.group(1)), match.group(2)
                try:
                    units.parse_unit(match.group(2))
                except UnitError as exc:
                    problems.append(Problem(str(recp_path), n, "fuel_saved", r["fuel_saved"], "unit_" + exc.reason))
        rows.append(
            {
                "enterprise": r["enterprise"],
                "year": year,
                "id": r["id"],
                "name": r["name"],
                "pathway_measure": r["pathway_measure"],
                **{f"{k}_{SAVINGS[k].lower()}": v for k, v in saved.items()},
                "fuel": r["fuel"],
                "fuel_saved": fuel_saved,
                "fuel_unit": fuel_unit,
                "baseline": r["baseline"],
                "evidence": r["evidence"],
                "row": n,
            }
        )
    exchange_rows = []
    for i, r in exchanges.iterrows():
        n = int(str(i)) + 2
        year = _year(exchange_path, n, r["year"], problems)
        for side in ("supplier", "receiver"):
            member(exchange_path, n, side, r[side], year)
        if r["reported_by"] not in ("supplier", "receiver"):
            problems.append(Problem(str(exchange_path), n, "reported_by", r["reported_by"], "vocabulary",
                                    params={"allowed": "supplier, receiver"}))  # fmt: skip
        if r["supplier"] == r["receiver"]:
            problems.append(Problem(str(exchange_path), n, "receiver", r["receiver"], "self_transfer"))
        if not _ID.match(r["material"]):
            problems.append(Problem(str(exchange_path), n, "material", r["material"], "identifier"))
        match = _QUANTITY.match(r["quantity"])
        amount, unit = np.nan, ""
        if not match:
            problems.append(Problem(str(exchange_path), n, "quantity", r["quantity"], "quantity_unit",
                                    params={"expected": "t, MWh, GJ, Nm3"}))  # fmt: skip
        else:
            amount, unit = float(match.group(1)), match.group(2)
        factor = np.nan
        if r["replaced_factor"]:
            factor_match = _QUANTITY.match(r["replaced_factor"])
            if not factor_match or not factor_match.group(2).lower().startswith("t co2e/"):
                problems.append(Problem(str(exchange_path), n, "replaced_factor", r["replaced_factor"],
                                        "replaced_factor"))  # fmt: skip
            elif factor_match.group(2).split("/", 1)[1].strip() != unit:
                problems.append(Problem(str(exchange_path), n, "replaced_factor", r["replaced_factor"],
                                        "replaced_factor_unit", params={"unit": unit}))  # fmt: skip
            else:
                factor = float(factor_match.group(1))
            if not r["factor_source"]:
                problems.append(Problem(str(exchange_path), n, "factor_source", "", "source_required"))
        exchange_rows.append(
            {
                "supplier": r["supplier"],
                "receiver": r["receiver"],
                "year": year,
                "material": r["material"],
                "quantity": amount,
                "unit": unit,
                "reported_by": r["reported_by"],
                "replaces": r["replaces"],
                "replaced_factor": factor,
                "factor_source": r["factor_source"],
                "evidence": r["evidence"],
                "row": n,
            }
        )
    resource_rows = []
    for i, r in resources.iterrows():
        n = int(str(i)) + 2
        year = _year(resource_path, n, r["year"], problems)
        member(resource_path, n, "enterprise", r["enterprise"], year)
        if r["resource"] not in RESOURCES:
            problems.append(Problem(str(resource_path), n, "resource", r["resource"], "vocabulary",
                                    params={"allowed": ", ".join(RESOURCES)}))  # fmt: skip
            continue
        amount = _quantity(resource_path, n, "quantity", r["quantity"], RESOURCES[r["resource"]], problems)
        resource_rows.append({"enterprise": r["enterprise"], "year": year, "resource": r["resource"],
                              "quantity": amount, "row": n})  # fmt: skip
    if problems:
        raise InputError(problems)
    return Records(
        pd.DataFrame(rows),
        pd.DataFrame(exchange_rows, columns=[*EXCHANGE_COLUMNS, "unit", "row"]),
        pd.DataFrame(resource_rows, columns=["enterprise", "year", "resource", "quantity", "row"]),
        folder,
    )


def grid_factor(lines: pd.DataFrame, year: int) -> float:
    """The year's grid factor [t CO2/MWh] as the stored location-based lines used it (CO2e per MWh bought)."""
    grid = lines[(lines["year"] == year) & (lines["method"] == "electricity_location_based") & (lines["unit"] == "MWh")]
    mwh = grid.drop_duplicates(["enterprise", "input_file", "input_row"])["quantity"].sum()
    return float(grid["co2e_t"].sum() / mwh) if mwh else float("nan")


def fuel_factor(lines: pd.DataFrame, enterprise: str, year: int, fuel: str, unit: str) -> float:
    """The enterprise's own emissions per unit of ``fuel`` in ``year`` [t CO2e per ``unit``], from its lines."""
    own = lines[
        (lines["enterprise"] == enterprise)
        & (lines["year"] == year)
        & (lines["activity"] == fuel)
        & lines["scope"].isin(["scope_1"])
    ]
    if own.empty:
        return float("nan")
    records = own.drop_duplicates(["input_file", "input_row"])
    try:
        amount = sum(q * units.factor_to(u, unit) for q, u in zip(records["quantity"], records["unit"], strict=True))
    except UnitError:  # recorded in another kind of unit (volume against mass): no factor, flagged by the caller
        return float("nan")
    return float(own["co2e_t"].sum() / amount) if amount else float("nan")
