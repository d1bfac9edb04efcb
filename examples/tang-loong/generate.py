"""Generate the illustrative Tằng Loỏng example park: one activity file per enterprise, 2019-2025.

Names, products and capacities are real and public (shared/reference/tang_loong_facilities.csv). EVERY
energy and material quantity is ILLUSTRATIVE: capacity x an assumed utilisation x a per-tonne intensity
from shared/reference/process_intensities.csv (the row is named beside each intensity below). No
facility's real energy or emission figure is public.

Run ``python examples/tang-loong/generate.py`` to rewrite the files (deterministic).
"""

from __future__ import annotations

import csv
from pathlib import Path

from ghg.core.activity import INPUT_COLUMNS
from ghg.park import REGISTRY_COLUMNS, TRANSFER_COLUMNS

HERE = Path(__file__).resolve().parent
COLUMNS = list(INPUT_COLUMNS)
YEARS = range(2019, 2026)
#: assumed utilisation of capacity per year (illustrative: 2020 dip, recovery)
UTILISATION = {2019: 0.82, 2020: 0.76, 2021: 0.84, 2022: 0.88, 2023: 0.86, 2024: 0.89, 2025: 0.91}
#: 1.5% CO2 in type I apatite ore (process_intensities: "CO2 estimated from MgO as dolomite", typical 1.5%)
ROCK_CARBON = round(0.015 * 12 / 44, 5)  # t C/t rock
#: P4 furnace off-gas: 87.5% CO (process_intensities "CO share of off-gas"): 0.875 x 12 / 22.414 kg C/Nm3
GAS_CARBON = round(0.875 * 12.011 / 22.414, 4)  # kg C/Nm3
GAS_NCV = round(0.875 * 12.63, 2)  # MJ/Nm3 (CO 12.63 MJ/Nm3)


def rows_for(enterprise: str, build: object) -> list[dict[str, object]]:
    out: list[dict[str, object]] = []
    for year in YEARS:
        for row in build(year, UTILISATION[year]):  # type: ignore[operator]
            row = {"enterprise": enterprise, "year": year, **row}
            # one facility (co so) per site, as on the national list; the unit goes into the evidence
            row["evidence"] = f"{row['facility']}: {row.get('evidence', 'illustrative')} {year} (ILLUSTRATIVE)"
            row["facility"] = "site"
            out.append(row)
    return out


def fuel(
    facility: str,
    category: str,
    activity: str,
    quantity: float,
    unit: str,
    what: str,
    source: str = "stationary_combustion",
    **extra: object,
) -> dict[str, object]:
    return {
        "facility": facility,
        "source_category": source,
        "ipcc_category": category,
        "activity": activity,
        "quantity": round(quantity, 3),
        "unit": unit,
        "evidence": what,
        **extra,
    }


def grid(facility: str, mwh: float, what: str = "EVN electricity bills", **extra: object) -> dict[str, object]:
    return {
        "facility": facility,
        "source_category": "purchased_electricity",
        "activity": "grid_electricity",
        "quantity": round(mwh, 3),
        "unit": "MWh",
        "evidence": what,
        **extra,
    }


def product(facility: str, name: str, tonnes: float) -> dict[str, object]:
    return {
        "facility": facility,
        "source_category": "production",
        "activity": name,
        "quantity": round(tonnes, 1),
        "unit": "t",
        "evidence": "production report",
    }


def stream(
    facility: str,
    balance: str,
    activity: str,
    quantity: float,
    unit: str,
    direction: str,
    carbon: float | None = None,
    carbon_unit: str = "t C/t",
    category: str = "2.B.10",
) -> dict[str, object]:
    row: dict[str, object] = {
        "facility": facility,
        "source_category": "process",
        "ipcc_category": category,
        "activity": activity,
        "quantity": round(quantity, 3),
        "unit": unit,
        "balance": balance,
        "direction": direction,
        "evidence": "furnace carbon balance",
    }
    if carbon is not None:
        row.update(carbon_content=carbon, carbon_content_unit=carbon_unit)
    return row


def phosphorus_furnace(capacity: float, exported_gas: float = 0.0, sf6_kg: float = 2.0) -> object:
    """Submerged-arc P4 furnace: per t P4 (process_intensities, yellow_phosphorus_electric_furnace):
    electricity 14,000 kWh, coke 1.5 t, rock 8.7 t, off-gas 2,500 Nm3, ferrophosphorus 0.1 t;
    electrode paste 0.018 t/t [judgement]; a share of the off-gas exported to a neighbour as fuel."""

    def build(year: int, u: float) -> list[dict[str, object]]:
        p4 = capacity * u
        rows = [
            product("furnace", "P4", p4),
            grid("furnace", p4 * 14.0),
            stream("furnace", "p4-furnace", "coke_oven_coke", 1.5 * p4, "t", "in"),
            stream("furnace", "p4-furnace", "electrode_paste", 0.018 * p4, "t", "in"),
            stream("furnace", "p4-furnace", "by_product", 0.1 * p4, "t", "out", 0.005),
            {
                "facility": "furnace",
                "source_category": "process",
                "ipcc_category": "2.B.10",
                "activity": "phosphate_rock",
                "quantity": round(8.7 * p4, 1),
                "unit": "t",
                "carbon_content": ROCK_CARBON,
                "carbon_content_unit": "t C/t",
                "evidence": "ore receipts, lab carbonate analysis",
            },
            fuel(
                "yard", "1.A.2.g.vii", "gas_diesel_oil", 0.9 * p4, "L", "loader fuel cards", source="mobile_combustion"
            ),
            {
                "facility": "substation",
                "source_category": "fugitive",
                "ipcc_category": "2.G.1",
                "activity": "SF6",
                "quantity": sf6_kg,
                "unit": "kg",
                "evidence": "switchgear top-up log",
            },
        ]
        if exported_gas:
            rows.append(
                stream(
                    "furnace", "p4-furnace", "off_gas", exported_gas * 2500 * p4, "Nm3", "out", GAS_CARBON, "kg C/Nm3"
                )
            )
        return rows

    return build


def duc_giang(year: int, u: float) -> list[dict[str, object]]:
    """P4 30,000 t; H2SO4 400,000 t (sulphur burning: 1.25 t steam/t exported in part, waste-heat power used
    on site); wet phosphoric acid 100,000 t P2O5 (rock 3.3 t/t, electricity 150 kWh/t); DAP 100,000 t
    (electricity 33 kWh/t, dryer 0.5 GJ/t as coal); rooftop-solar PPA from 2024."""
    rows = phosphorus_furnace(30000, sf6_kg=3.0)(year, u)  # type: ignore[operator]
    acid, p2o5, dap = 400000 * u, 100000 * u, 100000 * u
    rows += [
        product("acid-plant", "H2SO4", acid),
        product("acid-plant", "H3PO4_P2O5", p2o5),
        product("fertiliser", "DAP", dap),
        grid("acid-plant", p2o5 * 0.150 + acid * 0.02),
        grid("fertiliser", dap * 0.033),
        {
            "facility": "acid-plant",
            "source_category": "process",
            "ipcc_category": "2.B.10",
            "activity": "phosphate_rock",
            "quantity": round(3.3 * p2o5, 1),
            "unit": "t",
            "carbon_content": ROCK_CARBON,
            "carbon_content_unit": "t C/t",
            "evidence": "ore receipts, lab carbonate analysis",
        },
        fuel("fertiliser", "1.A.2.c", "other_bituminous_coal", dap * 0.5 / 25.8, "t", "dryer coal invoices"),
        {
            "facility": "offices",
            "source_category": "fugitive",
            "ipcc_category": "2.F.1",
            "activity": "R-410A",
            "quantity": 18,
            "unit": "kg",
            "evidence": "air-conditioning service report",
        },
    ]
    if year >= 2024:
        rows.append(
            grid(
                "fertiliser",
                2600,
                "rooftop solar PPA statement",
                instrument="ppa",
                supplier_factor=0,
                supplier_factor_unit="t CO2/MWh",
            )
        )
    return rows


def apromaco(year: int, u: float) -> list[dict[str, object]]:
    """Superphosphate 200,000 t (electricity 34 kWh/t, air heating 0.75 GJ/t), NPK 150,000 t (total energy
    1,660 MJ/t: 40 kWh/t [judgement] + the rest as coal); H2SO4 124,500 t (own steam, not Scope 2). From 2021
    it burns furnace CO gas bought from P3 (carbon leaves P3's balance; its CO2 is Apromaco's Scope 1)."""
    ssp, npk, acid = 200000 * u, 150000 * u, 124500 * u
    heat_gj = ssp * 0.75 + npk * (1.66 - 0.144)
    gas_gj = 0.0
    rows = [
        product("plant", "SSP", ssp),
        product("plant", "NPK", npk),
        product("plant", "H2SO4", acid),
        grid("plant", ssp * 0.034 + npk * 0.040),
    ]
    if year >= 2021:
        gas_nm3 = 0.6 * 2500 * 18000 * u  # the 60% of P3's off-gas that P3 delivers
        gas_gj = gas_nm3 * GAS_NCV / 1000
        rows.append(
            fuel(
                "plant",
                "1.A.2.c",
                "p4_furnace_gas",
                gas_nm3,
                "Nm3",
                "gas meter (bought from P3-DNA)",
                ncv=GAS_NCV,
                ncv_unit="MJ/Nm3",
                supplier="P3-DNA",
            )
        )
    rows.append(
        fuel("plant", "1.A.2.c", "other_bituminous_coal", max(heat_gj - gas_gj, 0) / 25.8, "t", "coal invoices")
    )
    return rows


def vimico(year: int, u: float) -> list[dict[str, object]]:
    """Cathode copper 32,000 t: electricity 1,600 kWh/t smelting + 330 kWh/t refining; coal in the bath
    smelting charge 0.15 t/t (process carbon); anode-furnace fuel oil 20 kg/t and diesel 5 L/t [judgement]."""
    cu = 32000 * u
    return [
        product("smelter", "cathode_copper", cu),
        grid("smelter", cu * 1.93),
        {
            "facility": "smelter",
            "source_category": "process",
            "ipcc_category": "2.C.7",
            "activity": "other_bituminous_coal",
            "quantity": round(0.15 * cu, 1),
            "unit": "t",
            "evidence": "smelting charge records",
        },
        fuel("smelter", "1.A.2.b", "residual_fuel_oil", 0.020 * cu, "t", "FO invoices"),
        fuel("yard", "1.A.2.g.vii", "gas_diesel_oil", 5 * cu, "L", "fuel cards", source="mobile_combustion"),
    ]


def dap2(year: int, u: float) -> list[dict[str, object]]:
    """DAP 260,000 t: rock 1.55 t/t DAP (0.47 t P2O5/t x 3.3), electricity 103 kWh/t (acid 70 + granulation
    33), dryer 0.5 GJ/t as coal; 60,000 t/yr of steam bought from Duc Giang's acid plant (waste heat: 0 t CO2/t);
    certificates for part of its electricity from 2023."""
    d = 330000 * u * 0.8
    rows = [
        product("dap-plant", "DAP", d),
        grid("dap-plant", d * 0.103),
        {
            "facility": "dap-plant",
            "source_category": "process",
            "ipcc_category": "2.B.10",
            "activity": "phosphate_rock",
            "quantity": round(1.55 * d, 1),
            "unit": "t",
            "carbon_content": ROCK_CARBON,
            "carbon_content_unit": "t C/t",
            "evidence": "ore receipts, lab carbonate analysis",
        },
        fuel("dap-plant", "1.A.2.c", "other_bituminous_coal", d * 0.5 / 25.8, "t", "dryer coal invoices"),
        {
            "facility": "dap-plant",
            "source_category": "purchased_heat",
            "activity": "steam",
            "quantity": 60000 * u,
            "unit": "t",
            "supplier": "DUCGIANG-LC",
            "supplier_factor": 0,
            "supplier_factor_unit": "t CO2/t",
            "steam_enthalpy": 2777,
            "steam_enthalpy_unit": "kJ/kg",
            "evidence": "steam meter, supplier statement",
        },
        {
            "facility": "offices",
            "source_category": "fugitive",
            "ipcc_category": "2.F.1",
            "activity": "R-404A",
            "quantity": 25,
            "unit": "kg",
            "evidence": "cold-room service report",
        },
    ]
    if year >= 2023:
        rows.append(grid("dap-plant", round(d * 0.103 * 0.2), "I-REC certificates", instrument="certificate"))
    return rows


def steel(year: int, u: float) -> list[dict[str, object]]:
    """Billet 500,000 t (blast furnace route): coke 0.30 t/t, pulverised coal 0.195 t/t, limestone flux 0.15 t/t
    [judgement], billet carbon 0.2% [judgement], electricity 300 kWh/t (process_intensities steel_bf_bof)."""
    b = 500000 * u * 0.8
    bal = "blast-furnace"
    return [
        product("bf-bof", "steel_billet", b),
        grid("bf-bof", b * 0.300),
        stream("bf-bof", bal, "coke_oven_coke", 0.30 * b, "t", "in", category="2.C.1"),
        stream("bf-bof", bal, "other_bituminous_coal", 0.195 * b, "t", "in", category="2.C.1"),
        stream("bf-bof", bal, "limestone", 0.15 * b, "t", "in", category="2.C.1"),
        stream("bf-bof", bal, "product", b, "t", "out", 0.002, category="2.C.1"),
        fuel("yard", "1.A.2.g.vii", "gas_diesel_oil", 2 * b, "L", "fuel cards", source="mobile_combustion"),
    ]


def mine(year: int, u: float) -> list[dict[str, object]]:
    """Apatite ore 900,000 t: diesel 1.5 L/t ore and electricity 30 kWh/t (process_intensities, judgement rows)."""
    ore = 900000 * u
    return [
        product("cam-duong", "apatite_concentrate", ore),
        grid("cam-duong", ore * 0.030),
        fuel(
            "pit", "1.A.2.g.vii", "gas_diesel_oil", 1.5 * ore, "L", "haul truck fuel cards", source="mobile_combustion"
        ),
    ]


def simple(
    product_name: str,
    tonnes: float,
    kwh_per_t: float,
    diesel_l: float,
    gas: str | None = None,
    kg: float = 0.0,
    lpg_t: float = 0.0,
) -> object:
    def build(year: int, u: float) -> list[dict[str, object]]:
        t = tonnes * u
        rows = [
            product("plant", product_name, t),
            grid("plant", t * kwh_per_t / 1000),
            fuel("yard", "1.A.2.g.vii", "gas_diesel_oil", diesel_l * u, "L", "fuel cards", source="mobile_combustion"),
        ]
        if lpg_t:
            rows.append(fuel("plant", "1.A.2.c", "lpg", lpg_t * u, "t", "LPG invoices"))
        if gas:
            rows.append(
                {
                    "facility": "plant",
                    "source_category": "fugitive",
                    "ipcc_category": "2.F.1",
                    "activity": gas,
                    "quantity": kg,
                    "unit": "kg",
                    "evidence": "service report",
                }
            )
        return rows

    return build


def p1(year: int, u: float) -> list[dict[str, object]]:
    """P1 furnace; from 2022 it also takes 8,000 MWh a year over a direct line from Duc Giang's waste-heat
    turbine (sulphuric-acid plant: no fuel, 0 t CO2/MWh), recorded as electricity bought with a
    supplier-specific instrument covering it."""
    rows = phosphorus_furnace(10000)(year, u)  # type: ignore[operator]
    if year >= 2022:
        rows += [
            grid("furnace", 8000, "direct line from DUCGIANG-LC (meter)", supplier="DUCGIANG-LC"),
            grid(
                "furnace",
                8000,
                "supply contract DUCGIANG-LC waste-heat power",
                instrument="supplier_specific",
                supplier="DUCGIANG-LC",
                supplier_factor=0,
                supplier_factor_unit="t CO2/MWh",
            ),
        ]
    return rows


ENTERPRISES = {
    "P1-LAOCAI": p1,
    "P2-PPVN": phosphorus_furnace(6000),
    "P3-DNA": phosphorus_furnace(18000, exported_gas=0.6),
    "P5-PPV": phosphorus_furnace(19800),
    "P7-APATIT": phosphorus_furnace(20000),
    "DUCGIANG-LC": duc_giang,
    "APROMACO": apromaco,
    "VIMICO": vimico,
    "DAP2-VINACHEM": dap2,
    "VTM-STEEL": steel,
    "APATIT-MINE": mine,
    "APATIT-FERT": simple("NPK", 30000, 40, 20000, "R-410A", 6),
    "LAOKAY-SLAG": simple("ground_slag", 600000, 35, 80000),
    "LAVITA": simple("red_phosphorus", 3000, 2500, 15000, "R-410A", 4, lpg_t=120),
    "VIETSON": simple("recycled_material", 40000, 30, 60000, "R-404A", 10),
}


def releases() -> None:
    """The example's own factor releases (never rewritten once written: a change is a new release)."""
    import hashlib
    import json

    from ghg.core.releases import ACTIVITY_COLUMNS, FACTOR_COLUMNS

    def publish(
        release_id: str, meta: dict[str, object], tables: dict[str, tuple[list[str], list[dict[str, object]]]]
    ) -> None:
        folder = HERE / "factors" / release_id
        if folder.exists():
            return
        folder.mkdir(parents=True)
        files = {}
        for name, (columns, rows) in tables.items():
            with (folder / name).open("w", encoding="utf-8", newline="") as f:
                w = csv.DictWriter(f, fieldnames=columns, lineterminator="\n")
                w.writeheader()
                for row in rows:
                    w.writerow({c: row.get(c, "") for c in columns})
            files[name] = hashlib.sha256((folder / name).read_bytes()).hexdigest()
        body = {"id": release_id, **meta, "compiled": "2026-11-28", "files": files}
        (folder / "release.json").write_text(json.dumps(body, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")

    # CO + 1/2 O2 -> CO2: 1 Nm3 CO = 1/22.414 kmol -> 44.01/22.414 = 1.9635 kg CO2 for 12.63 MJ: 155.5 t CO2/TJ
    co2 = round(44.01 / 22.414 / 12.63 * 1000, 1)
    publish(
        "park-furnace-gas-2026",
        {
            "version": "1.0.0",
            "title": "ILLUSTRATIVE: yellow-phosphorus furnace off-gas as a fuel (87.5% CO)",
            "publisher": "ghg example park (illustrative, not a measurement)",
            "published": "2026-11-28",
            "licence": "CC0-1.0",
            "tier": "measured",
            "valid_from": 2019,
            "valid_to": 2030,
            "gwp_set": None,
            "note": "CO2 per TJ from the combustion of CO (stoichiometry and CO's NCV 12.63 MJ/Nm3); CH4 and N2O "
            "taken from IPCC 2006 Table 2.3 (natural gas, 1.A.2) as a stated proxy for a gaseous fuel.",
            "sources": [
                {
                    "id": "stoichiometry",
                    "title": "CO + 1/2 O2 -> CO2; molar volume 22.414 Nm3/kmol; NCV of CO 12.63 MJ/Nm3",
                },
                {
                    "id": "ipcc2006-v2-ch2-t2.3",
                    "title": "2006 IPCC Guidelines Vol. 2 Ch. 2 Table 2.3 (natural gas, proxy)",
                    "url": "https://www.ipcc-nggip.iges.or.jp/public/2006gl/pdf/2_Volume2/V2_2_Ch2_Stationary_Combustion.pdf",
                    "table": "Table 2.3",
                },
            ],
        },
        {
            "activities.csv": (
                ACTIVITY_COLUMNS,
                [
                    {
                        "activity": "p4_furnace_gas",
                        "name": "Yellow-phosphorus furnace off-gas",
                        "name_vi": "Khí lò phốt pho vàng",
                        "state": "gas",
                        "biomass": "false",
                    }
                ],
            ),
            "factors.csv": (
                FACTOR_COLUMNS,
                [
                    {
                        "factor_id": "park.gas.co2",
                        "parameter": "emission_factor",
                        "activity": "p4_furnace_gas",
                        "gas": "CO2",
                        "value": co2,
                        "unit": "t CO2/TJ",
                        "source_id": "stoichiometry",
                        "status": "derived (illustrative)",
                    },
                    {
                        "factor_id": "park.gas.ch4",
                        "parameter": "emission_factor",
                        "activity": "p4_furnace_gas",
                        "gas": "CH4",
                        "value": 1,
                        "unit": "kg CH4/TJ",
                        "source_id": "ipcc2006-v2-ch2-t2.3",
                        "status": "proxy",
                    },
                    {
                        "factor_id": "park.gas.n2o",
                        "parameter": "emission_factor",
                        "activity": "p4_furnace_gas",
                        "gas": "N2O",
                        "value": 0.1,
                        "unit": "kg N2O/TJ",
                        "source_id": "ipcc2006-v2-ch2-t2.3",
                        "status": "proxy",
                    },
                ],
            ),
        },
    )
    # 2024-2025 grid electricity: the bundled research estimates (release vn-grid-estimates-2024-2025, tier
    # estimate), named on the command line; no factor of the example's own carries a year forward.


#: name, sector, on the national inventory list (tang_loong_facilities.csv); year of joining the park
REGISTRY = {
    "P1-LAOCAI": ("P1 Phot pho vang Lao Cai", "yellow_phosphorus", "yes", 2019),
    "P2-PPVN": ("P2 Phot pho Viet Nam", "yellow_phosphorus", "yes", 2019),
    "P3-DNA": ("P3 Dong Nam A Lao Cai", "yellow_phosphorus", "yes", 2019),
    "P5-PPV": ("P5 Phot pho vang Viet Nam", "yellow_phosphorus", "yes", 2019),
    "P7-APATIT": ("P7 Phot pho Apatit", "yellow_phosphorus", "no", 2019),
    "DUCGIANG-LC": ("Duc Giang Lao Cai", "chemicals_fertiliser", "yes", 2019),
    "APROMACO": ("Apromaco", "fertiliser", "yes", 2019),
    "VIMICO": ("VIMICO copper smelter", "copper", "yes", 2019),
    "DAP2-VINACHEM": ("DAP No.2 (Vinachem)", "fertiliser", "yes", 2019),
    "VTM-STEEL": ("Viet Trung Mineral & Metallurgy", "steel", "yes", 2019),
    "APATIT-MINE": ("Apatit VN beneficiation plant", "mining", "no", 2019),
    "APATIT-FERT": ("Apatit VN fertiliser branch", "fertiliser", "no", 2019),
    "LAOKAY-SLAG": ("Lao Kay slag grinding", "building_materials", "no", 2019),
    "LAVITA": ("Lavita", "chemicals", "no", 2019),
    "VIETSON": ("Viet Son waste recycling", "recycling", "no", 2021),
}


def park_files(written: dict[str, list[dict[str, object]]]) -> None:
    """The registry the authority keeps and the transfer ledger (both illustrative, the names real)."""
    with (HERE / "registry.csv").open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(REGISTRY_COLUMNS)
        for enterprise, rows in written.items():
            name, sector, listed, since = REGISTRY[enterprise]
            facilities = sorted({str(r["facility"]) for r in rows})
            for facility in facilities:
                categories = sorted(
                    {
                        str(r.get("ipcc_category", ""))
                        for r in rows
                        if r["facility"] == facility and r.get("ipcc_category")
                    }
                )
                w.writerow([enterprise, facility, name, sector, ";".join(categories), since, "", listed])
    with (HERE / "transfers.csv").open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(TRANSFER_COLUMNS)
        for year in YEARS:
            u = UTILISATION[year]
            w.writerow(
                [
                    "DUCGIANG-LC",
                    "DAP2-VINACHEM",
                    "steam",
                    year,
                    round(60000 * u, 3),
                    "t",
                    f"steam sales invoices {year} (ILLUSTRATIVE)",
                ]
            )
            if year >= 2022:
                w.writerow(
                    [
                        "DUCGIANG-LC",
                        "P1-LAOCAI",
                        "electricity",
                        year,
                        8000,
                        "MWh",
                        f"direct-line sales {year} (ILLUSTRATIVE)",
                    ]
                )
            if year >= 2021:
                w.writerow(
                    [
                        "P3-DNA",
                        "APROMACO",
                        "carbon_gas",
                        year,
                        round(0.6 * 2500 * 18000 * u, 3),
                        "Nm3",
                        f"gas sales meter {year} (ILLUSTRATIVE)",
                    ]
                )


def main() -> None:
    releases()
    data = HERE / "activity"
    data.mkdir(exist_ok=True)
    written: dict[str, list[dict[str, object]]] = {}
    for enterprise, build in ENTERPRISES.items():
        rows = rows_for(enterprise, build)
        rows = [r for r in rows if int(str(r["year"])) >= REGISTRY[enterprise][3]]  # members only
        if enterprise == "P3-DNA":  # before 2021 the off-gas was flared: no carbon left the balance
            rows = [r for r in rows if not (r["activity"] == "off_gas" and int(r["year"]) < 2021)]  # type: ignore[call-overload]
        with (data / f"{enterprise}.csv").open("w", encoding="utf-8", newline="") as f:
            writer = csv.DictWriter(f, fieldnames=COLUMNS, lineterminator="\n")
            writer.writeheader()
            for row in rows:
                writer.writerow({c: row.get(c, "") for c in COLUMNS})
        written[enterprise] = rows
    park_files(written)
    print(f"{len(ENTERPRISES)} enterprises written to {data}")


if __name__ == "__main__":
    main()
