"""Eco-industrial park monitoring (Decree 35/2022/NĐ-CP): RECP records, by-product and energy exchanges,
yearly indicators, the Art. 37 criteria, and the Art. 43 reports.

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
from typing import Any

import numpy as np
import pandas as pd

from ghg import jsonout, units
from ghg.errors import InputError, Problem, UnitError
from ghg.park import Registry
from ghg.tables import read_csv

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
#: Decree 35/2022 Art. 37.2(c) and 37.2(b): the two numeric criteria.
RECP_SHARE_MIN = 0.20
SYMBIOSIS_LINKS_MIN = 1
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


@dataclass
class Indicators:
    """One year's indicators, findings, criteria and the tables they come from."""

    year: int
    summary: dict[str, Any]
    recp: pd.DataFrame
    links: pd.DataFrame
    intensities: pd.DataFrame
    findings: pd.DataFrame
    criteria: pd.DataFrame


def _finding(code: str, file: Path, row: int, enterprise: str, message_key: str, **params: Any) -> dict[str, Any]:
    return {"code": code, "file": str(file), "row": row, "enterprise": enterprise, "key": message_key, "params": params}


def indicators(
    records: Records,
    registry: Registry,
    lines: pd.DataFrame,
    production: pd.DataFrame,
    transfers: pd.DataFrame | None,
    year: int,
    tolerance: float = 0.02,
) -> Indicators:
    """Decree 35 indicators of ``year``: RECP uptake, symbiosis links, savings, avoided emissions (beside the
    inventory's actual change), intensities per product, findings and the Art. 37 numeric criteria."""
    members = sorted(registry.members(year))
    found: list[dict[str, Any]] = []
    recp = records.recp[records.recp["year"] == year].copy() if len(records.recp) else records.recp.copy()
    recp_path = records.folder / "recp.csv"
    # avoided emissions of RECP savings, each with its counterfactual
    grid = grid_factor(lines, year)
    avoided_electricity, avoided_fuel = [], []
    for r in recp.to_dict(orient="records"):
        avoided_electricity.append(r["electricity_saved_mwh"] * grid if r["electricity_saved_mwh"] else 0.0)
        fuel = 0.0
        if r["fuel"] and r["fuel_saved"] == r["fuel_saved"]:
            factor = fuel_factor(lines, r["enterprise"], year, r["fuel"], r["fuel_unit"])
            if factor == factor:
                fuel = r["fuel_saved"] * factor
            else:
                found.append(_finding("EIP03", recp_path, r["row"], r["enterprise"], "eip.finding.no_fuel_factor",
                                      fuel=r["fuel"], year=year))  # fmt: skip
        avoided_fuel.append(fuel)
        claims = any(r[f"{k}_{SAVINGS[k].lower()}"] for k in SAVINGS) or r["fuel_saved"] == r["fuel_saved"]
        if claims and (not r["baseline"] or not r["evidence"]):
            found.append(_finding("EIP01", recp_path, r["row"], r["enterprise"], "eip.finding.no_baseline"))
    recp["avoided_electricity_t_co2"] = avoided_electricity
    recp["avoided_fuel_t_co2e"] = avoided_fuel
    adopters = sorted(set(recp["enterprise"]) & set(members)) if len(recp) else []
    share = len(adopters) / len(members) if members else 0.0
    # exchanges: both sides must report; links operate when confirmed
    exchange_path = records.folder / "exchanges.csv"
    ex = records.exchanges[records.exchanges["year"] == year]
    keys = ["supplier", "receiver", "material"]
    links = []
    for key, group in ex.groupby(keys):
        supplier, receiver, material = (str(k) for k in key)
        sides = set(group["reported_by"])
        supplier_q = group.loc[group["reported_by"] == "supplier", "quantity"].sum()
        receiver_q = group.loc[group["reported_by"] == "receiver", "quantity"].sum()
        confirmed = sides == {"supplier", "receiver"}
        rows = ", ".join(str(r) for r in group["row"])
        if not confirmed:
            missing = ({"supplier", "receiver"} - sides).pop()
            found.append(_finding("EIP02", exchange_path, int(group["row"].iloc[0]), supplier,
                                  "eip.finding.one_side", missing=missing, rows=rows))  # fmt: skip
        elif abs(supplier_q - receiver_q) > tolerance * max(supplier_q, receiver_q):
            found.append(_finding("EIP04", exchange_path, int(group["row"].iloc[0]), supplier,
                                  "eip.finding.disagree", supplier=supplier_q, receiver=receiver_q))  # fmt: skip
        quantity = float(supplier_q if "supplier" in sides else receiver_q)
        factors = group["replaced_factor"].dropna().to_numpy()
        links.append(
            {
                "supplier": supplier,
                "receiver": receiver,
                "material": material,
                "kind": "exchange",
                "quantity": quantity,
                "unit": group["unit"].iloc[0],
                "confirmed": confirmed,
                "replaces": group["replaces"].iloc[0],
                "avoided_t_co2e": quantity * float(factors[0]) if confirmed and len(factors) else 0.0,
                "rows": f"exchanges.csv:{rows}",
            }
        )
    if transfers is not None and len(transfers):
        energy = transfers[transfers["year"] == year]
        for key, group in energy.groupby(["seller", "buyer", "carrier"]):
            links.append(
                {
                    "supplier": key[0],
                    "receiver": key[1],
                    "material": key[2],
                    "kind": "energy_transfer",
                    "quantity": float(group["quantity"].sum()),
                    "unit": group["unit"].iloc[0],
                    "confirmed": True,
                    "replaces": "",
                    "avoided_t_co2e": 0.0,
                    "rows": "transfers.csv:" + ", ".join(str(r) for r in group["ledger_row"]),
                }
            )
    link_table = pd.DataFrame(
        links,
        columns=["supplier", "receiver", "material", "kind", "quantity", "unit", "confirmed", "replaces",
                 "avoided_t_co2e", "rows"],
    )  # fmt: skip
    operating = link_table[link_table["confirmed"].astype(bool)]
    # intensities per product: energy (inventory), water and materials (resources)
    made = production[production["year"] == year]
    res = records.resources[records.resources["year"] == year]
    use = res.pivot_table(index="enterprise", columns="resource", values="quantity", aggfunc="sum")
    counted_now = lines[(lines["year"] == year) & lines["scope"].isin(["scope_1", "scope_2"])]
    toe = counted_now.groupby("enterprise")["energy_toe"].sum()
    intensity = made.groupby(["enterprise", "product"])["output_t"].sum().reset_index()
    intensity["toe_per_t"] = intensity["enterprise"].map(toe) / intensity["output_t"]
    for resource, unit in RESOURCES.items():
        column = use[resource] if resource in use else pd.Series(dtype=float)
        intensity[f"{resource}_{unit}_per_t"] = intensity["enterprise"].map(column) / intensity["output_t"]
    intensity["products"] = intensity.groupby("enterprise")["product"].transform("count")
    # the inventory's actual change, beside the counterfactual avoided emissions
    counted = lines[lines["scope"].isin(["scope_1", "scope_2"])]
    this_year = float(counted.loc[counted["year"] == year, "co2e_t"].sum())
    last_year = float(counted.loc[counted["year"] == year - 1, "co2e_t"].sum())
    avoided_recp = float(recp["avoided_electricity_t_co2"].sum() + recp["avoided_fuel_t_co2e"].sum())
    avoided_links = float(operating["avoided_t_co2e"].sum())
    summary = {
        "year": year,
        "members": len(members),
        "recp_enterprises": len(adopters),
        "recp_share": share,
        "recp_measures": len(recp),
        "symbiosis_links": len(operating),
        "grid_factor_t_co2_per_mwh": grid,
        "electricity_saved_mwh": float(recp["electricity_saved_mwh"].sum()) if len(recp) else 0.0,
        "water_saved_m3": float(recp["water_saved_m3"].sum()) if len(recp) else 0.0,
        "materials_saved_t": float(recp["materials_saved_t"].sum()) if len(recp) else 0.0,
        "chemicals_saved_t": float(recp["chemicals_saved_t"].sum()) if len(recp) else 0.0,
        "avoided_recp_t_co2e": avoided_recp,
        "avoided_symbiosis_t_co2e": avoided_links,
        "inventory_t_co2e": this_year,
        "inventory_previous_t_co2e": last_year if last_year else None,
        "inventory_change_t_co2e": this_year - last_year if last_year else None,
    }
    criteria = pd.DataFrame(
        [
            {
                "criterion": "37.2(c)",
                "indicator": "recp_share",
                "value": share,
                "threshold": RECP_SHARE_MIN,
                "met": share >= RECP_SHARE_MIN,
                "evidence": ", ".join(f"recp.csv:{r}" for r in recp["row"]) if len(recp) else "",
            },
            {
                "criterion": "37.2(b)",
                "indicator": "symbiosis_links",
                "value": float(len(operating)),
                "threshold": float(SYMBIOSIS_LINKS_MIN),
                "met": len(operating) >= SYMBIOSIS_LINKS_MIN,
                "evidence": "; ".join(operating["rows"]),
            },
        ]
    )
    findings = pd.DataFrame(found, columns=["code", "file", "row", "enterprise", "key", "params"])
    return Indicators(year, summary, recp, link_table, intensity, findings, criteria)


#: Art. 37 criteria without a number: the authority assesses them and the tool stores who said what, when.
CHECKLIST = ("37.1(a)", "37.1(b)", "37.1(c)", "37.2(a)", "37.2(b)-iso")


def checklist_set(store_dir: Path, year: int, criterion: str, value: str, by: str, comment: str = "") -> Path:
    """Record the authority's assessment of a non-numeric criterion for ``year`` (a new file, never replaced).

    Raises
    ------
    UsageError
        An unknown criterion or a value other than yes / no / partly, or no ``by``.
    """
    import json
    import os
    from datetime import UTC, datetime

    from ghg import fsutil
    from ghg.errors import UsageError

    if criterion not in CHECKLIST:
        raise UsageError("eip.checklist.unknown", criterion=criterion, allowed=", ".join(CHECKLIST))
    if value not in ("yes", "no", "partly") or not by.strip():
        raise UsageError("eip.checklist.value")
    folder = store_dir / "eip" / "checklist" / str(year)
    folder.mkdir(parents=True, exist_ok=True)
    entry = {
        "year": year,
        "criterion": criterion,
        "value": value,
        "by": by,
        "comment": comment,
        "at": datetime.now(UTC).isoformat(timespec="seconds"),
    }
    data = (json.dumps(entry, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    safe = criterion.replace("(", "").replace(")", "")
    n = 1 + sum(1 for p in folder.glob(f"{safe}.*.json"))
    while True:
        target = folder / f"{safe}.{n}.json"
        tmp = folder / fsutil.tmp_name(".json")
        fsutil.write_durable(tmp, data)
        try:
            os.link(tmp, target)  # never replaces: a concurrent entry takes the next number
            return target
        except FileExistsError:
            n += 1
        finally:
            tmp.unlink(missing_ok=True)


def checklist(store_dir: Path, year: int) -> pd.DataFrame:
    """The latest assessment of each non-numeric criterion for ``year`` (criteria never assessed: empty)."""
    import json

    folder = store_dir / "eip" / "checklist" / str(year)
    entries = []
    for path in sorted(folder.glob("*.json")) if folder.is_dir() else []:
        if path.name.startswith("."):
            continue
        entry = json.loads(path.read_text(encoding="utf-8"))
        entry["n"] = int(path.name.rsplit(".", 2)[1])
        entries.append(entry)
    frame = pd.DataFrame(entries, columns=["year", "criterion", "value", "by", "comment", "at", "n"])
    latest = frame.sort_values(["criterion", "n"]).groupby("criterion").tail(1)
    out = pd.DataFrame({"criterion": list(CHECKLIST)}).merge(latest, on="criterion", how="left")
    return out.drop(columns=["n"]).fillna({"value": "", "by": "", "comment": "", "at": ""})


def report(ind: Indicators, checks: pd.DataFrame, lang: str, enterprise: str | None = None) -> dict[str, Any]:
    """The yearly Art. 43 report as nested sections (stable keys; titles in ``lang``).

    The park's report follows Form A.4 (1.1 RECP uptake, 1.2 energy saved and CO2, 1.3 water, materials and
    chemicals saved, 2.1 symbiosis links, 3 symbiosis results); an eco-enterprise's follows Form B.4 (Part II
    production and energy per product, Part III savings and CO2, Part IV symbiosis links). The Art. 37 status,
    the reconciliation with the inventory and the findings are the tool's own sections.
    """
    from ghg.i18n import text

    recp = ind.recp if enterprise is None else ind.recp[ind.recp["enterprise"] == enterprise]
    links = ind.links
    if enterprise is not None:
        links = links[(links["supplier"] == enterprise) | (links["receiver"] == enterprise)]
    savings = {
        "electricity_saved_kwh": float(recp["electricity_saved_mwh"].sum() * 1000) if len(recp) else 0.0,
        "co2_from_electricity_t": float(recp["avoided_electricity_t_co2"].sum()) if len(recp) else 0.0,
        "co2_from_fuel_t": float(recp["avoided_fuel_t_co2e"].sum()) if len(recp) else 0.0,
        "water_saved_m3": float(recp["water_saved_m3"].sum()) if len(recp) else 0.0,
        "materials_saved_t": float(recp["materials_saved_t"].sum()) if len(recp) else 0.0,
        "chemicals_saved_t": float(recp["chemicals_saved_t"].sum()) if len(recp) else 0.0,
        "grid_factor_t_co2_per_mwh": ind.summary["grid_factor_t_co2_per_mwh"],
        "method": text("eip.method", lang),
    }
    recp_rows = recp.drop(columns=["row"], errors="ignore").to_dict(orient="records")
    link_rows = links.to_dict(orient="records")
    findings = ind.findings if enterprise is None else ind.findings[ind.findings["enterprise"] == enterprise]
    finding_rows = [
        {"code": f["code"], "file": f["file"], "row": f["row"], "enterprise": f["enterprise"],
         "message": text(f["key"], lang, **f["params"])}
        for f in findings.to_dict(orient="records")
    ]  # fmt: skip
    title = text("eip.report.title_park" if enterprise is None else "eip.report.title_enterprise", lang,
                 year=ind.year, enterprise=enterprise or "")  # fmt: skip
    if enterprise is None:
        return {
            "title": title,
            "year": ind.year,
            "language": lang,
            "form": "A.4",
            "section_1_1_recp": {
                "members": ind.summary["members"],
                "enterprises_applying_recp": ind.summary["recp_enterprises"],
                "share": ind.summary["recp_share"],
                "recp_solutions": len(recp),
                "measures": recp_rows,
            },
            "section_1_2_1_3_savings": savings,
            "section_2_1_symbiosis_links": link_rows,
            "section_3_symbiosis_results": {
                "links_operating": ind.summary["symbiosis_links"],
                "avoided_t_co2e": ind.summary["avoided_symbiosis_t_co2e"],
            },
            "art_37_criteria": ind.criteria.to_dict(orient="records"),
            "art_37_checklist": checks.to_dict(orient="records"),
            "reconciliation": {
                "avoided_recp_t_co2e": ind.summary["avoided_recp_t_co2e"],
                "avoided_symbiosis_t_co2e": ind.summary["avoided_symbiosis_t_co2e"],
                "inventory_t_co2e": ind.summary["inventory_t_co2e"],
                "inventory_change_t_co2e": ind.summary["inventory_change_t_co2e"],
                "note": text("eip.reconcile_note", lang),
            },
            "findings": finding_rows,
        }
    intensity = ind.intensities[ind.intensities["enterprise"] == enterprise]
    return {
        "title": title,
        "year": ind.year,
        "language": lang,
        "form": "B.4",
        "enterprise": enterprise,
        "part_ii_production": intensity.to_dict(orient="records"),
        "part_iii_savings": {**savings, "measures": recp_rows},
        "part_iv_symbiosis": link_rows,
        "findings": finding_rows,
    }


def report_files(document: dict[str, Any], stem: str) -> dict[str, bytes]:
    """The report as JSON and as a workbook (one sheet per section), as bytes."""
    import io
    import json

    from openpyxl import Workbook
    from openpyxl.styles import Font

    from ghg.export import deterministic_xlsx, safe_cell

    def cell(value: object) -> object:
        if isinstance(value, (list, dict)):
            return json.dumps(value, ensure_ascii=False, default=str)
        if isinstance(value, float) and value != value:
            return None
        return safe_cell(value.item() if hasattr(value, "item") else value)

    book = Workbook()
    sheet = book.active
    sheet.title = "report"
    sheet.append([str(document["title"])])
    sheet["A1"].font = Font(bold=True, size=13)
    for key, value in document.items():
        if key == "title":
            continue
        if isinstance(value, list) and value and isinstance(value[0], dict):
            tab = book.create_sheet(key[:31])
            header = list(value[0])
            tab.append(header)
            for c in tab[1]:
                c.font = Font(bold=True)
            for row in value:
                tab.append([cell(row.get(h)) for h in header])
            tab.freeze_panes = "A2"
        elif isinstance(value, dict):
            sheet.append([])
            sheet.append([key])
            sheet.cell(sheet.max_row, 1).font = Font(bold=True)
            for k, v in value.items():
                if isinstance(v, list) and v and isinstance(v[0], dict):
                    tab = book.create_sheet(f"{key}.{k}"[:31])
                    header = list(v[0])
                    tab.append(header)
                    for row in v:
                        tab.append([cell(row.get(h)) for h in header])
                else:
                    sheet.append([k, cell(v)])
        else:
            sheet.append([key, cell(value)])
    sheet.column_dimensions["A"].width = 34
    buffer = io.BytesIO()
    book.save(buffer)
    data = jsonout.dumps(document, indent=2) + "\n"
    return {f"{stem}.xlsx": deterministic_xlsx(buffer.getvalue()), f"{stem}.json": data.encode("utf-8")}
