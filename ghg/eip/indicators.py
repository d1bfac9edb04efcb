"""A year's eco-industrial park indicators (Decree 35/2022/NĐ-CP Art. 37; UNIDO/WBG/GIZ EIP framework v2.0):
RECP share, symbiosis links, avoided emissions as stated counterfactuals, and their findings.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from ghg.eip.records import RESOURCES, SAVINGS, Records, fuel_factor, grid_factor
from ghg.park import Registry
from ghg.store.snapshot import StoreRef

#: Decree 35/2022 Art. 37.2(c) and 37.2(b): the two numeric criteria.
RECP_SHARE_MIN = 0.20
SYMBIOSIS_LINKS_MIN = 1


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


def from_store(
    ref: StoreRef, registry_path: Path, transfers_path: Path | None, eip_dir: Path, year: int | None = None
) -> tuple[Indicators, int]:
    """A year's indicators (default: the latest year of the stored lines) from one snapshot of the store, the
    registry, the transfer ledger and the EIP records in ``eip_dir``."""
    from ghg.eip.records import load
    from ghg.park.review import park_inputs
    from ghg.store.snapshot import snapshot_of

    snap = snapshot_of(ref)
    members = park_inputs(snap, registry_path, transfers_path)
    year = year or int(members.lines["year"].max())
    records = load(eip_dir, members.registry)
    return indicators(records, members.registry, members.lines, snap.production(), members.transfers, year), year
