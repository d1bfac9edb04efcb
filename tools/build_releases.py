"""Build the bundled factor releases in ``factors/`` from the cited reference tables.

Run once per new release: ``python tools/build_releases.py ../shared/reference``.
A release folder that already exists is never rewritten (a published release is
immutable); to change factors, bump the release id and build a new folder.

GWP-100 values come from the ``globalwarmingpotentials`` package (openclimatedata,
CC0) and blend compositions from ``openscm-units`` (BSD-3); everything else is
transcribed from the cited rows of the project's reference tables.
"""

from __future__ import annotations

import csv
import hashlib
import json
import re
import sys
from pathlib import Path

from ghg.core.releases import ACTIVITY_COLUMNS, FACTOR_COLUMNS

ROOT = Path(__file__).resolve().parents[1]
FACTORS = ROOT / "factors"
COMPILED = "2026-11-28"

IPCC_V2_CH1 = "https://www.ipcc-nggip.iges.or.jp/public/2006gl/pdf/2_Volume2/V2_1_Ch1_Introduction.pdf"
IPCC_V2_CH2 = "https://www.ipcc-nggip.iges.or.jp/public/2006gl/pdf/2_Volume2/V2_2_Ch2_Stationary_Combustion.pdf"
IPCC_V2_CH3 = "https://www.ipcc-nggip.iges.or.jp/public/2006gl/pdf/2_Volume2/V2_3_Ch3_Mobile_Combustion.pdf"

VI_NAMES = {
    "anthracite": "Than antraxit",
    "other_bituminous_coal": "Than bitum khác",
    "sub_bituminous_coal": "Than á bitum",
    "lignite": "Than non",
    "coking_coal": "Than luyện cốc",
    "coke_oven_coke": "Than cốc",
    "petroleum_coke": "Cốc dầu mỏ",
    "gas_diesel_oil": "Dầu diesel (DO)",
    "residual_fuel_oil": "Dầu nhiên liệu (FO)",
    "motor_gasoline": "Xăng động cơ",
    "lpg": "Khí hóa lỏng (LPG)",
    "natural_gas": "Khí tự nhiên",
    "other_kerosene": "Dầu hỏa",
    "jet_kerosene": "Nhiên liệu phản lực",
    "crude_oil": "Dầu thô",
    "naphtha": "Naphtha",
    "lubricants": "Dầu nhờn",
    "coal_tar": "Hắc ín than đá",
    "coke_oven_gas": "Khí lò cốc",
    "blast_furnace_gas": "Khí lò cao",
    "waste_oils": "Dầu thải",
    "wood_wood_waste": "Gỗ và phế thải gỗ",
    "charcoal": "Than củi",
    "other_primary_solid_biomass": "Sinh khối rắn khác",
    "biodiesels": "Diesel sinh học",
    "other_biogas": "Khí sinh học khác",
    "grid_electricity": "Điện lưới",
}
LIQUIDS = {
    "gas_diesel_oil",
    "residual_fuel_oil",
    "motor_gasoline",
    "other_kerosene",
    "jet_kerosene",
    "lpg",
    "crude_oil",
    "naphtha",
    "lubricants",
    "coal_tar",
    "waste_oils",
    "biodiesels",
}
GASES = {"natural_gas", "coke_oven_gas", "blast_furnace_gas", "other_biogas"}


def read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def write_csv(path: Path, columns: list[str], rows: list[dict[str, object]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=columns, lineterminator="\n")
        w.writeheader()
        for row in rows:
            w.writerow({c: row.get(c, "") for c in columns})


def publish(
    release_id: str, meta: dict[str, object], tables: dict[str, tuple[list[str], list[dict[str, object]]]]
) -> None:
    folder = FACTORS / release_id
    if folder.exists():
        print(f"{release_id}: exists, left untouched (published releases are immutable)")
        return
    folder.mkdir(parents=True)
    files = {}
    for name, (columns, rows) in tables.items():
        write_csv(folder / name, columns, rows)
        files[name] = hashlib.sha256((folder / name).read_bytes()).hexdigest()
    meta = {"id": release_id, **meta, "compiled": COMPILED, "files": files}
    (folder / "release.json").write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{release_id}: {sum(len(r) for _, r in tables.values())} rows")


def ipcc_energy(ref: Path) -> None:
    fuels = read(ref / "ipcc/fuels_ncv_co2.csv")
    acts, rows = [], []
    for f in fuels:
        key = f["fuel_key"]
        state = "liquid" if key in LIQUIDS else "gas" if key in GASES else "solid"
        acts.append(
            {
                "activity": key,
                "name": f["ipcc_fuel_name"],
                "name_vi": VI_NAMES[key],
                "state": state,
                "biomass": "true" if f["biomass"] == "True" else "false",
            }
        )
        note = (f["notes"] or "").replace("\n", " ")
        rows.append(
            {
                "factor_id": f"ipcc2006.ncv.{key}",
                "parameter": "ncv",
                "activity": key,
                "value": f["ncv_TJ_per_Gg"],
                "unit": "TJ/Gg",
                "lower": f["ncv_lower"],
                "upper": f["ncv_upper"],
                "source_id": "ipcc2006-v2-ch1-t1.2",
                "reference": f"EFDB {f['ncv_efdb_id']}",
                "status": "published",
                "note": note,
            }
        )
        rows.append(
            {
                "factor_id": f"ipcc2006.ef.co2.{key}",
                "parameter": "emission_factor",
                "activity": key,
                "gas": "CO2",
                "value": f["co2_ef_kg_per_TJ"],
                "unit": "kg CO2/TJ",
                "lower": f["co2_ef_lower_kg_per_TJ"],
                "upper": f["co2_ef_upper_kg_per_TJ"],
                "source_id": "ipcc2006-v2-ch1-t1.4",
                "reference": f"EFDB {f['co2_ef_efdb_id_1A1']} (1.A.1), {f['co2_ef_efdb_id_1A2']} (1.A.2)",
                "status": "published",
                "note": "oxidation factor 1 (Table 1.4)",
            }
        )
        ratio = "0.90" if state == "gas" else "0.95"
        rows.append(
            {
                "factor_id": f"ipcc2006.ncv_gcv.{key}",
                "parameter": "ncv_gcv_ratio",
                "activity": key,
                "value": ratio,
                "unit": "dimensionless",
                "source_id": "ipcc2006-v2-ch1-ncv-gcv",
                "status": "convention",
                "note": "NCV is about 5% below GCV for coal and oil, about 10% for natural gas; "
                "approximate: use a measured NCV where one exists",
            }
        )
    for r in read(ref / "ipcc/stationary_ch4_n2o.csv"):
        if not r["ipcc_table"].startswith("Table 2.") or "Tier 2" in r["ipcc_table"]:
            continue
        table = r["ipcc_table"].replace("Table ", "")
        for cat in r["ipcc_category"].split("/"):
            rows.append(
                {
                    "factor_id": f"ipcc2006.ef.{r['gas'].lower()}.{cat}.{r['fuel_key']}",
                    "parameter": "emission_factor",
                    "activity": r["fuel_key"],
                    "ipcc_category": cat,
                    "gas": r["gas"],
                    "value": r["default_kg_per_TJ_NCV"],
                    "unit": f"kg {r['gas']}/TJ",
                    "lower": r["lower_kg_per_TJ"],
                    "upper": r["upper_kg_per_TJ"],
                    "source_id": f"ipcc2006-v2-ch2-t{table}",
                    "reference": f"EFDB {r['efdb_id']}",
                    "status": "published"
                    if not r["range_status"].startswith("recalled")
                    else "published (bounds unverified)",
                    "note": (r["notes"] or ""),
                }
            )
    mobile_fuel = {
        "Gas/Diesel Oil": "gas_diesel_oil",
        "Diesel Oil": "gas_diesel_oil",
        "Motor Gasoline": "motor_gasoline",
        "Liquefied Petroleum Gases": "lpg",
        "Natural Gas": "natural_gas",
    }
    tech_map = {
        "all": "",
        "Uncontrolled": "uncontrolled",
        "Oxidation Catalyst": "oxidation_catalyst",
        "Low Mileage Light Duty Vehicle Vintage 1995 or later": "low_mileage_ldv_1995",
        "diesel locomotive": "",
    }
    seen = set()
    for r in read(ref / "ipcc/mobile.csv"):
        if r["gas"] == "CO2" or r["fuel"] not in mobile_fuel:
            continue
        fuel = mobile_fuel[r["fuel"]]
        tech = r["technology"]
        if r["ipcc_table"] == "Table 3.2.2":
            cats, tech = ["1.A.3.b"], tech_map[tech]
        elif r["ipcc_table"] == "Table 3.4.1":
            cats, tech = ["1.A.3.c"], ""
        elif r["ipcc_table"] == "Table 3.3.1":
            if "Industry" in tech:
                cats = ["1.A.2.g.vii"]
            elif "Agriculture" in tech:
                cats = ["1.A.4.c.ii"]
            else:
                continue
            tech = "four_stroke" if "4-stroke" in tech else "two_stroke" if "2-stroke" in tech else ""
        else:
            continue
        for cat in cats:
            key = (fuel, cat, tech, r["gas"])
            if key in seen:  # Table 3.2.2 lists Gas Oil and Diesel Oil with identical values
                continue
            seen.add(key)
            suffix = f".{tech}" if tech else ""
            rows.append(
                {
                    "factor_id": f"ipcc2006.ef.{r['gas'].lower()}.{cat}.{fuel}{suffix}",
                    "parameter": "emission_factor",
                    "activity": fuel,
                    "ipcc_category": cat,
                    "technology": tech,
                    "gas": r["gas"],
                    "value": r["default_kg_per_TJ"],
                    "unit": f"kg {r['gas']}/TJ",
                    "lower": r["lower_kg_per_TJ"],
                    "upper": r["upper_kg_per_TJ"],
                    "source_id": "ipcc2006-v2-ch3-t" + r["ipcc_table"].replace("Table ", ""),
                    "reference": f"EFDB {r['efdb_id'].split('.')[0]}" if r["efdb_id"] else "",
                    "status": "published"
                    if r["range_status"].startswith("recalled") is False
                    else "published (bounds unverified)",
                    "note": r["technology"],
                }
            )
    sources = [
        {
            "id": "ipcc2006-v2-ch1-t1.2",
            "title": "2006 IPCC Guidelines, Vol. 2 Energy, Ch. 1, Table 1.2 Default net calorific values and lower and upper limits of the 95% confidence intervals",
            "url": IPCC_V2_CH1,
            "table": "Table 1.2",
            "page": "1.18",
        },
        {
            "id": "ipcc2006-v2-ch1-t1.4",
            "title": "2006 IPCC Guidelines, Vol. 2 Energy, Ch. 1, Table 1.4 Default CO2 emission factors for combustion",
            "url": IPCC_V2_CH1,
            "table": "Table 1.4",
            "page": "1.23",
        },
        {
            "id": "ipcc2006-v2-ch1-ncv-gcv",
            "title": "2006 IPCC Guidelines, Vol. 2 Ch. 1 §1.4.1.2 (net and gross calorific values); IEA/Eurostat/OECD Energy Statistics Manual (2005), Annex 3",
            "url": IPCC_V2_CH1,
            "table": "§1.4.1.2",
            "page": "",
        },
        {
            "id": "ipcc2006-v2-ch2-t2.2",
            "title": "2006 IPCC Guidelines, Vol. 2 Ch. 2, Table 2.2 Default emission factors for stationary combustion in the energy industries",
            "url": IPCC_V2_CH2,
            "table": "Table 2.2",
            "page": "2.16",
        },
        {
            "id": "ipcc2006-v2-ch2-t2.3",
            "title": "2006 IPCC Guidelines, Vol. 2 Ch. 2, Table 2.3 Default emission factors for stationary combustion in manufacturing industries and construction",
            "url": IPCC_V2_CH2,
            "table": "Table 2.3",
            "page": "2.18",
        },
        {
            "id": "ipcc2006-v2-ch2-t2.4",
            "title": "2006 IPCC Guidelines, Vol. 2 Ch. 2, Table 2.4 Default emission factors for stationary combustion in the commercial/institutional category",
            "url": IPCC_V2_CH2,
            "table": "Table 2.4",
            "page": "2.20",
        },
        {
            "id": "ipcc2006-v2-ch2-t2.5",
            "title": "2006 IPCC Guidelines, Vol. 2 Ch. 2, Table 2.5 Default emission factors for stationary combustion in the residential and agriculture/forestry/fishing categories",
            "url": IPCC_V2_CH2,
            "table": "Table 2.5",
            "page": "2.22",
        },
        {
            "id": "ipcc2006-v2-ch3-t3.2.2",
            "title": "2006 IPCC Guidelines, Vol. 2 Ch. 3, Table 3.2.2 Road transport N2O and CH4 default emission factors",
            "url": IPCC_V2_CH3,
            "table": "Table 3.2.2",
            "page": "3.21",
        },
        {
            "id": "ipcc2006-v2-ch3-t3.3.1",
            "title": "2006 IPCC Guidelines, Vol. 2 Ch. 3, Table 3.3.1 Default emission factors for off-road mobile sources and machinery",
            "url": IPCC_V2_CH3,
            "table": "Table 3.3.1",
            "page": "3.36",
        },
        {
            "id": "ipcc2006-v2-ch3-t3.4.1",
            "title": "2006 IPCC Guidelines, Vol. 2 Ch. 3, Table 3.4.1 Default emission factors for the most common fuels used for rail transport",
            "url": IPCC_V2_CH3,
            "table": "Table 3.4.1",
            "page": "3.43",
        },
    ]
    meta = {
        "version": "1.0.0",
        "title": "IPCC 2006 energy defaults: NCV, CO2, stationary and mobile CH4/N2O",
        "title_vi": "Hệ số mặc định IPCC 2006 cho năng lượng",
        "publisher": "IPCC (transcribed for ghg)",
        "published": "2006-04-01",
        "licence": "Values transcribed with table and EFDB id; the IPCC EFDB itself is not redistributed",
        "tier": "default",
        "valid_from": 1990,
        "valid_to": 2100,
        "gwp_set": None,
        "transcribed_from": "shared/reference/ipcc/fuels_ncv_co2.csv, stationary_ch4_n2o.csv, mobile.csv (each row names its secondary source)",
        "sources": sources,
    }
    publish(
        "ipcc-2006-energy", meta, {"activities.csv": (ACTIVITY_COLUMNS, acts), "factors.csv": (FACTOR_COLUMNS, rows)}
    )


def gwp() -> None:
    import globalwarmingpotentials as gwpkg
    from openscm_units.data.mixtures import MIXTURES

    table = gwpkg.as_frame()
    gases = {
        "CH4": "CH4",
        "N2O": "N2O",
        "SF6": "SF6",
        "NF3": "NF3",
        "HFC23": "HFC-23",
        "HFC32": "HFC-32",
        "HFC125": "HFC-125",
        "HFC134a": "HFC-134a",
        "HFC143a": "HFC-143a",
        "HFC152a": "HFC-152a",
        "HFC227ea": "HFC-227ea",
        "HFC245fa": "HFC-245fa",
        "HCFC22": "HCFC-22",
        "CF4": "CF4",
        "C2F6": "C2F6",
    }
    sets = {"AR4": "AR4GWP100", "AR5": "AR5GWP100", "AR6": "AR6GWP100"}
    rows = []
    values: dict[tuple[str, str], float] = {}
    for s in sets:
        rows.append({"gas": "CO2", "gwp_set": s, "value": "1", "source_id": "definition", "note": "reference gas"})
        values[("CO2", s)] = 1.0
    for key, gas in gases.items():
        for s, col in sets.items():
            v = table.loc[key, col]
            rows.append(
                {
                    "gas": gas,
                    "gwp_set": s,
                    "value": repr(float(v)),
                    "source_id": f"gwp-{s.lower()}",
                    "note": f"globalwarmingpotentials {gwpkg.__version__} key {key}",
                }
            )
            values[(gas, s)] = float(v)
    # Fossil / non-fossil methane: not in the package; cited rows of shared/reference/ipcc/gwp.csv.
    for gas, ar5, ar6, src5 in [
        ("CH4_fossil", "30", "29.8", "ar5-wg1-ch8-t8a1"),
        ("CH4_non_fossil", "28", "27", "ar5-wg1-ch8-t8a1"),
    ]:
        rows.append({"gas": gas, "gwp_set": "AR5", "value": ar5, "source_id": src5, "note": "AR5 WG1 Table 8.A.1"})
        rows.append(
            {"gas": gas, "gwp_set": "AR6", "value": ar6, "source_id": "ar6-wg1-ch7-t7.15", "note": "AR6 WG1 Table 7.15"}
        )
    blends = {"R-410A": "HFC410a", "R-404A": "HFC404a", "R-407C": "HFC407c", "R-407A": "HFC407a", "R-507A": "HFC507a"}
    blend_rows = []
    for name, key in blends.items():
        comp = {gases[k]: v[0] / 100 for k, v in MIXTURES[key].items()}
        for c, frac in comp.items():
            blend_rows.append(
                {"blend": name, "component": c, "mass_fraction": repr(frac), "source_id": "openscm-units-mixtures"}
            )
        for s in sets:
            total = sum(frac * values[(c, s)] for c, frac in comp.items())
            rows.append(
                {
                    "gas": name,
                    "gwp_set": s,
                    "value": repr(round(total, 6)),
                    "source_id": "computed-blend",
                    "note": "mass-weighted sum of component GWPs (blends.csv)",
                }
            )
    gwp_url = "https://github.com/openclimatedata/globalwarmingpotentials"
    sources = [
        {
            "id": "gwp-ar4",
            "title": "IPCC AR4 WG1 Ch. 2 Table 2.14 GWP-100, as tabulated by the GHG Protocol (Feb 2016) in globalwarmingpotentials",
            "url": gwp_url,
            "table": "AR4GWP100",
            "page": "",
        },
        {
            "id": "gwp-ar5",
            "title": "IPCC AR5 WG1 Ch. 8 Table 8.A.1 GWP-100 (no climate-carbon feedback), via globalwarmingpotentials",
            "url": gwp_url,
            "table": "AR5GWP100",
            "page": "",
        },
        {
            "id": "gwp-ar6",
            "title": "IPCC AR6 WG1 Ch. 7 Supplementary Table 7.SM.7 GWP-100, via globalwarmingpotentials",
            "url": gwp_url,
            "table": "AR6GWP100",
            "page": "",
        },
        {
            "id": "ar5-wg1-ch8-t8a1",
            "title": "IPCC AR5 WG1 Ch. 8 Table 8.A.1 (fossil methane including CO2 from its oxidation)",
            "url": "https://www.ipcc.ch/site/assets/uploads/2018/02/WG1AR5_Chapter08_FINAL.pdf",
            "table": "8.A.1",
            "page": "",
        },
        {
            "id": "ar6-wg1-ch7-t7.15",
            "title": "IPCC AR6 WG1 Ch. 7 Table 7.15 (CH4 fossil / non-fossil)",
            "url": "https://www.ipcc.ch/report/ar6/wg1/downloads/report/IPCC_AR6_WGI_Chapter07.pdf",
            "table": "7.15",
            "page": "",
        },
        {
            "id": "openscm-units-mixtures",
            "title": "openscm-units, src/openscm_units/data/mixtures.py (ASHRAE 34 nominal compositions)",
            "url": "https://github.com/openscm/openscm-units",
            "table": "MIXTURES",
            "page": "",
        },
        {
            "id": "computed-blend",
            "title": "GWP of a blend = sum of component mass fraction x component GWP (IPCC 2006 Vol. 3 Ch. 7)",
            "url": "",
            "table": "",
            "page": "",
        },
        {
            "id": "definition",
            "title": "CO2 is the reference gas (GWP 1 by definition)",
            "url": "",
            "table": "",
            "page": "",
        },
    ]
    meta = {
        "version": "1.0.0",
        "title": "GWP-100 sets AR4, AR5, AR6 with common HFC blends",
        "title_vi": "Bộ hệ số tiềm năng nóng lên toàn cầu GWP-100 (AR4, AR5, AR6)",
        "publisher": "IPCC (via globalwarmingpotentials, CC0-1.0)",
        "published": "2021-08-09",
        "licence": "CC0-1.0 (globalwarmingpotentials); blend compositions BSD-3-Clause (openscm-units)",
        "tier": "default",
        "valid_from": 1990,
        "valid_to": 2100,
        "gwp_set": None,
        "library_versions": {"globalwarmingpotentials": gwpkg.__version__},
        "sources": sources,
    }
    publish(
        "gwp100-ar4-ar5-ar6",
        meta,
        {
            "gwp.csv": (["gas", "gwp_set", "value", "source_id", "note"], rows),
            "blends.csv": (["blend", "component", "mass_fraction", "source_id"], blend_rows),
        },
    )


def vn_grid(ref: Path) -> None:
    rows, sources = [], []
    for r in read(ref / "vn_grid_ef.csv"):
        sid = f"vn-grid-{r['year']}"
        rows.append(
            {
                "factor_id": f"vn.grid.{r['year']}",
                "parameter": "grid_emission_factor",
                "activity": "grid_electricity",
                "year": r["year"],
                "gas": "CO2",
                "value": r["ef_tco2_per_mwh"],
                "unit": "t CO2/MWh",
                "source_id": sid,
                "status": "unverified" if "unverified" in r["source_document"] else "published",
                "note": "combined margin (CDM Tool 07)",
            }
        )
        sources.append({"id": sid, "title": r["source_document"], "url": r["source_url"], "table": "", "page": ""})
    acts = [
        {
            "activity": "grid_electricity",
            "name": "Electricity from the national grid",
            "name_vi": VI_NAMES["grid_electricity"],
            "state": "electricity",
            "biomass": "false",
        }
    ]
    meta = {
        "version": "1.0.0",
        "title": "Vietnam national grid emission factors 2014-2023 (combined margin)",
        "title_vi": "Hệ số phát thải lưới điện Việt Nam 2014-2023",
        "publisher": "Department of Climate Change (MONRE / MAE)",
        "published": "2025-01-01",
        "licence": "Public government announcements",
        "tier": "national",
        "valid_from": 2014,
        "valid_to": 2023,
        "gwp_set": None,
        "note": "No official factor exists for 2024 or later: a later year is an error, never a reuse of 2023.",
        "sources": sources,
    }
    publish("vn-grid-2023", meta, {"activities.csv": (ACTIVITY_COLUMNS, acts), "factors.csv": (FACTOR_COLUMNS, rows)})


def vn_grid_estimates(ref: Path) -> None:
    """Research estimates of the grid factor for the years no official factor exists yet (tier ``estimate``)."""
    rows, sources = [], []
    for r in read(ref / "vn_grid_ef_estimates.csv"):
        sid = f"vn-grid-estimate-{r['year']}"
        rows.append(
            {
                "factor_id": f"vn.grid.estimate.{r['year']}",
                "parameter": "grid_emission_factor",
                "activity": "grid_electricity",
                "year": r["year"],
                "gas": "CO2",
                "value": r["ef_tco2e_per_mwh"],
                "unit": "t CO2/MWh",
                "source_id": sid,
                "status": "estimate",
                "note": "research estimate, not official: generation mix x life-cycle factors (published as t CO2e/MWh), "
                "not the CDM Tool 07 combined margin of the official 2014-2023 values",
            }
        )
        sources.append(
            {
                "id": sid,
                "title": f"{r['source_document']} (published {r['published']})",
                "url": r["source_url"],
                "table": "",
                "page": "",
            }
        )
    meta = {
        "version": "1.0.0",
        "title": "RESEARCH ESTIMATES of Vietnam's grid emission factor 2024-2025 (not official)",
        "title_vi": "ƯỚC TÍNH NGHIÊN CỨU hệ số phát thải lưới điện Việt Nam 2024-2025 (không chính thức)",
        "publisher": "Lê Hải Hưng et al. (Hanoi University of Science and Technology), research estimates",
        "published": "2026-01-31",
        "licence": "Cited publications (values only)",
        "tier": "estimate",
        "valid_from": 2024,
        "valid_to": 2025,
        "gwp_set": None,
        "note": "Not official: no official grid factor has been announced for 2024 or 2025. The authors' method (EVN "
        "generation by source x IPCC and IAEA life-cycle factors, ISO 14064/14067 style, in t CO2e/MWh) differs "
        "from the CDM Tool 07 combined margin of the official 2014-2023 factors, so 2024-2025 are not comparable "
        "with earlier years. Never chosen by default: name it with --extra-factors; replace it with the official "
        "factor when it is announced.",
        "sources": sources,
    }
    publish("vn-grid-estimates-2024-2025", meta, {"factors.csv": (FACTOR_COLUMNS, rows)})


#: MOIT Letter 3505/BCT-KHCN rows not in vn-energy-2011: (carrier, unit as published) -> (activity, technology,
#: parameter, value, unit, lower, upper, status, note)
MOIT_MORE = {
    ("coke", "t"): (
        "coke_oven_coke",
        "",
        "toe_factor",
        "0.725",
        "TOE/t",
        "0.70",
        "0.75",
        "published range",
        "MOIT publishes a range, 0.70-0.75 TOE/t: its midpoint is used, the range kept as the limits",
    ),
    ("coal grade 1-2", "t"): (
        "anthracite",
        "grade_1_2",
        "toe_factor",
        "0.70",
        "TOE/t",
        "",
        "",
        "published",
        "coal grades 1-2 (Vietnamese anthracite; the grade is given in the record's technology column)",
    ),
    ("coal grade 3-4", "t"): (
        "anthracite",
        "grade_3_4",
        "toe_factor",
        "0.60",
        "TOE/t",
        "",
        "",
        "published",
        "coal grades 3-4",
    ),
    ("coal grade 5-6", "t"): (
        "anthracite",
        "grade_5_6",
        "toe_factor",
        "0.50",
        "TOE/t",
        "0.50",
        "0.60",
        "disputed",
        "coal grades 5-6: 0.50 in one copy of the letter, 0.60 in another (sources disagree); "
        "0.50 is used, the other copy's value kept as the upper limit",
    ),
    ("diesel oil (DO)", "1000 L"): (
        "gas_diesel_oil",
        "",
        "toe_factor_volume",
        "0.88",
        "TOE/kL",
        "",
        "",
        "published",
        "per 1,000 L; used for volumes before density x 1.02 TOE/t",
    ),
    ("fuel oil (FO)", "1000 L"): (
        "residual_fuel_oil",
        "",
        "toe_factor_volume",
        "0.94",
        "TOE/kL",
        "",
        "",
        "published",
        "per 1,000 L; used for volumes before density x 0.99 TOE/t",
    ),
    ("gasoline", "1000 L"): (
        "motor_gasoline",
        "",
        "toe_factor_volume",
        "0.83",
        "TOE/kL",
        "",
        "",
        "published",
        "per 1,000 L; used for volumes before density x 1.05 TOE/t",
    ),
    ("natural gas", "1000 m3"): (
        "natural_gas",
        "",
        "toe_factor_volume",
        "0.0009",
        "TOE/Sm3",
        "",
        "",
        "published",
        "0.90 TOE per 1,000 m3; MOIT does not state the reference conditions: read as standard "
        "cubic metres (15 C, 101.325 kPa), the conditions of Vietnam's gas sales (an assumption)",
    ),
}


def vn_moit_toe(ref: Path) -> None:
    """The rest of MOIT's TOE table (Letter 3505/BCT-KHCN): coke, coal grades, per-volume factors."""
    published = {(r["energy_carrier"], r["unit"]): r for r in read(ref / "vn_toe_factors.csv")}
    rows = []
    for key, (activity, tech, parameter, value, unit, lower, upper, status, note) in MOIT_MORE.items():
        source = published[key]  # every row is MOIT's, as the reference table gives it (cited in `reference`)
        rows.append(
            {
                "factor_id": f"vn.moit.toe.{activity}{'.' + tech if tech else ''}{'.volume' if 'volume' in parameter else ''}",
                "parameter": parameter,
                "activity": activity,
                "technology": tech,
                "value": value,
                "unit": unit,
                "lower": lower,
                "upper": upper,
                "source_id": "moit-3505-2011",
                "reference": f"{source['energy_carrier']}: {source['toe_per_unit']} TOE per {source['unit']}",
                "status": status,
                "note": note,
            }
        )
    meta = {
        "version": "1.0.0",
        "title": "MOIT TOE conversion factors not in vn-energy-2011: coke, coal grades, per-volume factors",
        "title_vi": "Hệ số quy đổi TOE của Bộ Công Thương chưa có trong vn-energy-2011: than cốc, các loại than, hệ số theo thể tích",
        "publisher": "Ministry of Industry and Trade (MOIT)",
        "published": "2011-04-19",
        "licence": "Public government document",
        "tier": "national",
        "valid_from": 2011,
        "valid_to": 2100,
        "gwp_set": None,
        "note": "Completes MOIT's table with vn-energy-2011 (electricity, and DO, FO, LPG, gasoline, jet fuel per tonne). "
        "A coal grade is given in the record's technology column (grade_1_2, grade_3_4, grade_5_6).",
        "sources": [
            {
                "id": "moit-3505-2011",
                "title": "MOIT Letter 3505/BCT-KHCN (19/4/2011), TOE conversion factors",
                "url": "http://eecc.com.vn/tin-tuc-su-kien/tin-tuc-tiet-kiem-nang-luong/he-so-chuyen-doi-nang-luong-sang-toe.html",
                "table": "",
                "page": "",
            }
        ],
    }
    publish("vn-moit-toe-2011", meta, {"factors.csv": (FACTOR_COLUMNS, rows)})


def vn_energy(ref: Path) -> None:
    moit = "http://eecc.com.vn/tin-tuc-su-kien/tin-tuc-tiet-kiem-nang-luong/he-so-chuyen-doi-nang-luong-sang-toe.html"
    toe = [
        (
            "grid_electricity",
            "0.0001543",
            "TOE/kWh",
            "primary-energy convention (1,000 TOE = about 6.48 GWh); not the physical 11.63 MWh/TOE",
        ),
        ("gas_diesel_oil", "1.02", "TOE/t", "diesel oil (DO)"),
        ("residual_fuel_oil", "0.99", "TOE/t", "fuel oil (FO)"),
        ("lpg", "1.09", "TOE/t", "LPG"),
        ("motor_gasoline", "1.05", "TOE/t", "gasoline"),
        ("jet_kerosene", "1.05", "TOE/t", "jet fuel"),
    ]
    rows = [
        {
            "factor_id": f"vn.moit.toe.{a}",
            "parameter": "toe_factor",
            "activity": a,
            "value": v,
            "unit": u,
            "source_id": "moit-3505-2011",
            "status": "published",
            "note": n,
        }
        for a, v, u, n in toe
    ]
    rows += [
        {
            "factor_id": "vn.density.gas_diesel_oil",
            "parameter": "density",
            "activity": "gas_diesel_oil",
            "value": "0.84",
            "unit": "t/m3",
            "lower": "0.82",
            "upper": "0.86",
            "source_id": "tcvn-8064-2015",
            "status": "derived",
            "note": "midpoint of the density band at 15 C (820-860 kg/m3) of TCVN 8064:2015 diesel B5 level 2",
        },
        {
            "factor_id": "vn.density.residual_fuel_oil",
            "parameter": "density",
            "activity": "residual_fuel_oil",
            "value": "0.949",
            "unit": "t/m3",
            "upper": "0.991",
            "source_id": "moit-3505-2011",
            "status": "derived (unverified)",
            "note": "implied by MOIT 0.94 TOE/1000 L / 0.99 TOE/t; Petrolimex TCCS 04:2009 gives max 0.970-0.991 kg/L",
        },
        {
            "factor_id": "vn.density.motor_gasoline",
            "parameter": "density",
            "activity": "motor_gasoline",
            "value": "0.79",
            "unit": "t/m3",
            "source_id": "moit-3505-2011",
            "status": "derived (unverified)",
            "note": "implied by MOIT 0.83 TOE/1000 L / 1.05 TOE/t",
        },
    ]
    sources = [
        {
            "id": "moit-3505-2011",
            "title": "MOIT Letter 3505/BCT-KHCN (19/4/2011), TOE conversion factors (also attributed to Circular 02/2014/TT-BCT)",
            "url": moit,
            "table": "",
            "page": "",
        },
        {
            "id": "tcvn-8064-2015",
            "title": "TCVN 8064:2015 Diesel fuel B5 - requirements (density at 15 C)",
            "url": "https://thuvienphapluat.vn/TCVN/Cong-nghiep/TCVN-8064-2015-Nhien-lieu-diezen-pha-5-este-metyl-axit-beo-Yeu-cau-ky-thuat-915932.aspx",
            "table": "Table 1",
            "page": "",
        },
    ]
    meta = {
        "version": "1.0.0",
        "title": "Vietnam energy conversion: MOIT TOE factors and liquid fuel densities",
        "title_vi": "Hệ số quy đổi TOE của Bộ Công Thương và khối lượng riêng nhiên liệu lỏng",
        "publisher": "Ministry of Industry and Trade; Vietnam standards (TCVN)",
        "published": "2011-04-19",
        "licence": "Public government documents",
        "tier": "national",
        "valid_from": 1990,
        "valid_to": 2100,
        "gwp_set": None,
        "note": "Coke (0.70-0.75 TOE/t, a range) and coal grades (Vietnamese grades, not IPCC fuel types) are left out: "
        "their TOE is computed from energy content at 41.868 GJ/TOE. Natural gas per 1000 m3 is left out: the "
        "reference conditions of the cubic metre are not stated.",
        "sources": sources,
    }
    publish("vn-energy-2011", meta, {"factors.csv": (FACTOR_COLUMNS, rows)})


def vn_qd2626(ref: Path) -> None:
    fuel = {
        "anthracite": "anthracite",
        "sub-bituminous coal": "sub_bituminous_coal",
        "crude oil": "crude_oil",
        "diesel oil": "gas_diesel_oil",
        "fuel oil / residual fuel oil": "residual_fuel_oil",
        "fuel oil": "residual_fuel_oil",
        "natural gas": "natural_gas",
        "biomass": "other_primary_solid_biomass",
        "charcoal": "charcoal",
        "LPG": "lpg",
        "gasoline": "motor_gasoline",
        "kerosene": "other_kerosene",
    }
    rows = []
    for r in read(ref / "vn_national_factors.csv"):
        if not r["table"].startswith("QD2626_AppI_1.") or "emission factor" not in r["parameter"]:
            continue
        m = re.match(r".*\(([0-9A-Za-z.]+)\) \| ([^(]+?)\s*(\(.*\))?$", r["item"])
        if not m:
            continue
        cat, name = m.group(1), m.group(2).strip()
        if cat.startswith("1.A.3.a") or cat.startswith("1.A.3.d") or name not in fuel:
            continue
        if cat == "1.A.4.c":  # the decision's row is the stationary part, IPCC 1.A.4.c.i
            cat = "1.A.4.c.i"
        gas = r["parameter"].split()[0]
        row_no = re.search(r"row ([0-9.]+)", r["parameter"]).group(1)
        rows.append(
            {
                "factor_id": f"vn.qd2626.{row_no}",
                "parameter": "emission_factor",
                "activity": fuel[name],
                "ipcc_category": cat,
                "gas": gas,
                "value": repr(float(r["value"])),
                "unit": f"kg {gas}/TJ",
                "source_id": "qd2626-app1",
                "reference": f"Appendix I row {row_no}",
                "status": r["status"],
                "note": r["item"],
            }
        )
    meta = {
        "version": "1.0.0",
        "title": "Vietnam national emission factors for fuel combustion (Decision 2626/QD-BTNMT, Appendix I)",
        "title_vi": "Danh mục hệ số phát thải quốc gia - đốt nhiên liệu (Quyết định 2626/QĐ-BTNMT, Phụ lục I)",
        "publisher": "Ministry of Natural Resources and Environment",
        "published": "2022-10-10",
        "licence": "Public government document",
        "tier": "national",
        "valid_from": 1990,
        "valid_to": 2100,
        "gwp_set": None,
        "note": "Combustion factors equal the IPCC 2006 defaults; the decision gives no NCVs. Transcribed from a text copy of the published PDF. Applied to every inventory year (1990 on) for a consistent time series.",
        "sources": [
            {
                "id": "qd2626-app1",
                "title": "Decision 2626/QD-BTNMT (10/10/2022) Appendix I, national list of emission factors (text transcription)",
                "url": "https://github.com/Kira7dn/LS_Auditor_System/blob/542838bc83e0b576fd0ea713474d92c46a76a9f2/Projects/ESG/kb/qd226_btnmt/01_phu_luc_I_nang_luong.md",
                "table": "Appendix I",
                "page": "2-7",
            }
        ],
    }
    publish("vn-qd2626-2022", meta, {"factors.csv": (FACTOR_COLUMNS, rows)})


def ipcc_ippu(ref: Path) -> None:
    """Process factors: carbonate decomposition (Vol. 3 Table 2.1) and carbon contents for mass balances."""
    v3_ch2 = "https://www.ipcc-nggip.iges.or.jp/public/2006gl/pdf/3_Volume3/V3_2_Ch2_Mineral_Industry.pdf"
    v3_ch4 = "https://www.ipcc-nggip.iges.or.jp/public/2006gl/pdf/3_Volume3/V3_4_Ch4_Metal_Industry.pdf"
    rows_ref = read(ref / "ipcc/carbonates.csv")
    carbonates = {
        "calcite/aragonite": ("limestone", "Limestone (calcite, CaCO3)", "Đá vôi (CaCO3)"),
        "dolomite": ("dolomite", "Dolomite (CaMg(CO3)2)", "Dolomit"),
        "magnesite": ("magnesite", "Magnesite (MgCO3)", "Magnesit"),
        "siderite": ("siderite", "Siderite (FeCO3)", "Siderit"),
        "rhodochrosite": ("rhodochrosite", "Rhodochrosite (MnCO3)", "Rodocrosit"),
        "sodium carbonate / soda ash": ("soda_ash", "Soda ash (Na2CO3)", "Sô-đa (Na2CO3)"),
    }
    contents = {
        "coke": "coke_oven_coke",
        "coal": "other_bituminous_coal",
        "coking_coal": "coking_coal",
        "petroleum_coke": "petroleum_coke",
        "charcoal": "charcoal",
        "coal_tar": "coal_tar",
        "gas_diesel_oil": "gas_diesel_oil",
        "natural_gas": "natural_gas",
        "limestone": "limestone",
        "dolomite": "dolomite",
    }
    electrodes = {
        "electrode paste": ("electrode_paste", "Electrode paste (Soderberg)", "Bột điện cực"),
        "prebaked electrodes": ("prebaked_electrodes", "Prebaked electrodes", "Điện cực nung sẵn"),
    }
    acts, rows = [], []
    for r in rows_ref:
        item = r["item"]
        if r["category"].startswith("carbonate decomposition") and item in carbonates:
            code, name, name_vi = carbonates[item]
            acts.append({"activity": code, "name": name, "name_vi": name_vi, "state": "material", "biomass": "false"})
            rows.append(
                {
                    "factor_id": f"ipcc2006.carbonate.{code}",
                    "parameter": "carbonate_factor",
                    "activity": code,
                    "gas": "CO2",
                    "value": r["value"],
                    "unit": "t CO2/t",
                    "source_id": "ipcc2006-v3-ch2-t2.1",
                    "reference": f"EFDB {r['efdb_id'].split('.')[0]}",
                    "status": "published",
                    "note": f"{r['formula']}: stoichiometric; fraction calcined applied per record (Eq. 2.14)",
                }
            )
        elif r["category"].startswith("material carbon contents") and item in contents:
            code = contents[item]
            rows.append(
                {
                    "factor_id": f"ipcc2006.carbon.{code}",
                    "parameter": "carbon_content",
                    "activity": code,
                    "value": r["value"],
                    "unit": "t C/t",
                    "source_id": "ipcc2006-v3-ch4-t4.3",
                    "status": "published",
                    "note": f"Table 4.3 '{item}'",
                }
            )
        elif r["category"].startswith("reducing agents") and item in electrodes:
            code, name, name_vi = electrodes[item]
            acts.append({"activity": code, "name": name, "name_vi": name_vi, "state": "material", "biomass": "false"})
            carbon = round(float(r["value"]) * 12 / 44, 5)
            rows.append(
                {
                    "factor_id": f"ipcc2006.carbon.{code}",
                    "parameter": "carbon_content",
                    "activity": code,
                    "value": repr(carbon),
                    "unit": "t C/t",
                    "source_id": "ipcc2006-v3-ch4-t4.6",
                    "reference": f"EFDB {r['efdb_id'].split('.')[0]}",
                    "status": "derived",
                    "note": f"{r['value']} t CO2/t reducing agent (Table 4.6) x 12/44",
                }
            )
    acts.append(
        {
            "activity": "phosphate_rock",
            "name": "Phosphate rock (apatite ore or concentrate)",
            "name_vi": "Quặng apatit",
            "state": "material",
            "biomass": "false",
        }
    )
    for code, name, name_vi in [
        ("product", "Product carrying carbon out of a mass balance", "Sản phẩm chứa các-bon"),
        ("by_product", "By-product carrying carbon out", "Sản phẩm phụ chứa các-bon"),
        ("slag", "Slag", "Xỉ"),
        ("dust", "Dust and sludge", "Bụi và bùn"),
        (
            "off_gas",
            "Carbon-bearing gas delivered to another user (e.g. furnace CO gas)",
            "Khí chứa các-bon chuyển cho đơn vị khác (ví dụ khí CO lò)",
        ),
    ]:
        acts.append({"activity": code, "name": name, "name_vi": name_vi, "state": "material", "biomass": "false"})
    sources = [
        {
            "id": "ipcc2006-v3-ch2-t2.1",
            "title": "2006 IPCC Guidelines, Vol. 3 IPPU, Ch. 2, Table 2.1 Formula weight and emission factors of common carbonate species",
            "url": v3_ch2,
            "table": "Table 2.1",
            "page": "2.7",
        },
        {
            "id": "ipcc2006-v3-ch4-t4.3",
            "title": "2006 IPCC Guidelines, Vol. 3 IPPU, Ch. 4, Table 4.3 Material-specific carbon contents for iron and steel production",
            "url": v3_ch4,
            "table": "Table 4.3",
            "page": "4.27",
        },
        {
            "id": "ipcc2006-v3-ch4-t4.6",
            "title": "2006 IPCC Guidelines, Vol. 3 IPPU, Ch. 4, Table 4.6 Generic CO2 emission factors for reducing agents in ferroalloy production",
            "url": v3_ch4,
            "table": "Table 4.6",
            "page": "4.37",
        },
    ]
    meta = {
        "version": "1.0.0",
        "title": "IPCC 2006 process defaults: carbonate factors and carbon contents for mass balances",
        "title_vi": "Hệ số mặc định IPCC 2006 cho quá trình công nghiệp: cacbonat và hàm lượng các-bon",
        "publisher": "IPCC (transcribed for ghg)",
        "published": "2006-04-01",
        "licence": "Values transcribed with table and EFDB id; the IPCC EFDB itself is not redistributed",
        "tier": "default",
        "valid_from": 1990,
        "valid_to": 2100,
        "gwp_set": None,
        "note": "No IPCC default exists for the inorganic carbon of phosphate rock, nor for yellow phosphorus or copper: "
        "those need measured carbon contents. Outputs of a mass balance (product, slag, dust, off_gas) have no default.",
        "transcribed_from": "shared/reference/ipcc/carbonates.csv",
        "sources": sources,
    }
    publish("ipcc-2006-ippu", meta, {"activities.csv": (ACTIVITY_COLUMNS, acts), "factors.csv": (FACTOR_COLUMNS, rows)})


def vn_heat() -> None:
    """Purchased steam and heat: the activity codes, with the formula's citation (no factor: supplier-specific)."""
    acts = [
        {
            "activity": "steam",
            "name": "Steam bought from a supplier (by mass, with its enthalpy)",
            "name_vi": "Hơi nước mua",
            "state": "heat",
            "biomass": "false",
        },
        {
            "activity": "heat",
            "name": "Heat bought from a supplier (by energy)",
            "name_vi": "Nhiệt mua",
            "state": "heat",
            "biomass": "false",
        },
    ]
    meta = {
        "version": "1.0.0",
        "title": "Purchased steam and heat (Circular 38/2023/TT-BCT App. II, as corrected)",
        "title_vi": "Hơi nước và nhiệt mua (Thông tư 38/2023/TT-BCT Phụ lục II, đã đính chính)",
        "publisher": "Ministry of Industry and Trade",
        "published": "2025-02-06",
        "licence": "Public government documents",
        "tier": "national",
        "valid_from": 1990,
        "valid_to": 2100,
        "gwp_set": None,
        "note": "EF_steam = enthalpy / boiler efficiency x EF_fuel / 10^9 [t CO2/t steam; kJ/kg, fraction, kg CO2/TJ]: the "
        "divisor 10^9 as corrected by Decision 334/QD-BCT (the 2023 print said 10^6). The factor is the "
        "supplier's: given per record, or derived from the supplier's fuel, boiler efficiency and steam enthalpy.",
        "sources": [
            {
                "id": "tt38-app2",
                "title": "Circular 38/2023/TT-BCT, Appendix II, Section 2 item 4 (emissions from purchased heat/steam)",
                "url": "https://github.com/pqhuy2013/energy-dashboard/blob/0038696fd94e5be7387ad59b1aab0f26167fc208/knk-quy-trinh/TT38_Phu_luc_II.md",
                "table": "App. II",
                "page": "",
            },
            {
                "id": "qd334-2025",
                "title": "Decision 334/QD-BCT (06/02/2025) correcting Circular 38/2023/TT-BCT (divisor 10^9)",
                "url": "https://github.com/pqhuy2013/energy-dashboard/blob/46d02e4cd0e08a18975b895ab8043fc931584c63/knk-quy-trinh/QD334_BCT_dinh_chinh.md",
                "table": "Art. 1",
                "page": "",
            },
        ],
    }
    publish("vn-tt38-heat-2025", meta, {"activities.csv": (ACTIVITY_COLUMNS, acts)})


def main() -> None:
    ref = Path(sys.argv[1] if len(sys.argv) > 1 else ROOT.parent / "shared" / "reference")
    FACTORS.mkdir(exist_ok=True)
    ipcc_energy(ref)
    gwp()
    vn_grid(ref)
    vn_grid_estimates(ref)
    vn_energy(ref)
    vn_moit_toe(ref)
    vn_qd2626(ref)
    ipcc_ippu(ref)
    vn_heat()


if __name__ == "__main__":
    main()
