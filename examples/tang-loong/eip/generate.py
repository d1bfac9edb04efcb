"""Write the example park's EIP records (recp.csv, exchanges.csv, resources.csv) for 2019-2025.

Every quantity is ILLUSTRATIVE: plausible for the plants and consistent with the example inventories
(production, fuels), not reported data. Where a figure leans on a public source the row's evidence or
factor_source names it. Run from the repository root: ``python examples/tang-loong/eip/generate.py``.
"""

from __future__ import annotations

import csv
from pathlib import Path

HERE = Path(__file__).resolve().parent
YEARS = range(2019, 2026)
# P4 output [t/yr] of the example activity files, for slag volumes (about 8 t of slag per t of P4)
P4 = {
    "P3-DNA": [14760, 13680, 15120, 15840, 15480, 16020, 16380],
    "P5-PPV": [16236, 15048, 16632, 17424, 17028, 17622, 18018],
}
STEEL = [328000, 304000, 336000, 352000, 344000, 356000, 364000]

#: enterprise -> (first year, measure id, name, savings per year, baseline, evidence)
RECP = [
    ("P3-DNA", 2019, "p3-iso50001", "ISO 50001 energy management on the furnaces",
     {"electricity_saved": "4160 MWh"}, "2013 electricity per t P4 (energy audit)",
     "QUACERT ISO 50001 certificate; savings as reported for 2014 (https://quacert.gov.vn/416/print-article.html)"),
    ("DUCGIANG-LC", 2019, "dg-acid-cooling", "Acid-plant cooling water recirculation",
     {"water_saved": "120000 m3"}, "2018 make-up water meter readings", "water meter log (ILLUSTRATIVE)"),
    ("DAP2-VINACHEM", 2020, "dap2-economiser", "Boiler economiser and condensate return",
     {"fuel": "other_bituminous_coal", "fuel_saved": "800 t"}, "2019 coal per t steam", "boiler log (ILLUSTRATIVE)"),
    ("APROMACO", 2021, "apr-vsd", "Variable-speed drives on pumps and fans",
     {"electricity_saved": "900 MWh"}, "2020 metered drive consumption", "sub-meter log (ILLUSTRATIVE)"),
    ("VTM-STEEL", 2022, "vtm-trt", "Blast-furnace top-pressure recovery turbine", {"electricity_saved": "6000 MWh"},
     "purchased electricity before commissioning", "TRT generation meter (ILLUSTRATIVE)"),
    ("P5-PPV", 2023, "p5-furnace-control", "Furnace electrode control and power-factor correction",
     {"electricity_saved": "3500 MWh"}, "2022 electricity per t P4", "energy audit (ILLUSTRATIVE)"),
    ("LAOKAY-SLAG", 2023, "lks-mill", "High-efficiency separator on the slag mill",
     {"electricity_saved": "400 MWh", "materials_saved": "1500 t"}, "2022 kWh per t ground slag", "mill log (ILLUSTRATIVE)"),
    ("VIMICO", 2024, "vim-burner", "Oxygen-enriched burners on the smelter",
     {"fuel": "residual_fuel_oil", "fuel_saved": "60 t", "chemicals_saved": "40 t"}, "2023 FO per t cathode",
     "fuel invoices (ILLUSTRATIVE)"),
    ("P1-LAOCAI", 2025, "p1-iso50001", "ISO 50001 energy management", {"electricity_saved": "2000 MWh"},
     "2024 electricity per t P4", "certificate (ILLUSTRATIVE)"),
    # a claimed saving without a baseline: the tool flags it
    ("APATIT-MINE", 2025, "am-idle", "Haul-truck idle reduction", {"fuel": "gas_diesel_oil", "fuel_saved": "90000 L"},
     "", "fleet telematics (ILLUSTRATIVE)"),
]  # fmt: skip


def main() -> None:
    with (HERE / "recp.csv").open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["enterprise", "year", "id", "name", "pathway_measure", "electricity_saved", "fuel", "fuel_saved",
                    "water_saved", "materials_saved", "chemicals_saved", "baseline", "evidence"])  # fmt: skip
        for enterprise, first, mid, name, saved, baseline, evidence in RECP:
            link = "p4-furnace-efficiency" if mid in ("p1-iso50001", "p5-furnace-control") else ""
            for year in YEARS:
                if year >= first:
                    w.writerow([enterprise, year, mid, name, link, saved.get("electricity_saved", ""),
                                saved.get("fuel", ""), saved.get("fuel_saved", ""), saved.get("water_saved", ""),
                                saved.get("materials_saved", ""), saved.get("chemicals_saved", ""), baseline,
                                evidence])  # fmt: skip
    clinker = ("0.52 t CO2e/t", "IPCC 2006 Vol. 3 Ch. 2 §2.2.1.1 default clinker factor 0.52 t CO2/t (process CO2); "
               "1 t ground slag replacing 1 t clinker is ILLUSTRATIVE")  # fmt: skip
    with (HERE / "exchanges.csv").open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["supplier", "receiver", "year", "material", "quantity", "reported_by", "replaces",
                    "replaced_factor", "factor_source", "evidence"])  # fmt: skip
        for i, year in enumerate(YEARS):
            for furnace, output in P4.items():
                slag = round(output[i] * 8)
                for side in ("supplier", "receiver"):
                    w.writerow([furnace, "LAOKAY-SLAG", year, "p4_slag", f"{slag} t", side, "clinker", *clinker,
                                f"slag delivery notes {year} (ILLUSTRATIVE)"])  # fmt: skip
            if year >= 2023:
                bf_slag = round(STEEL[i] * 0.3)
                for side in ("supplier", "receiver"):
                    w.writerow(["VTM-STEEL", "LAOKAY-SLAG", year, "bf_slag", f"{bf_slag} t", side, "clinker", *clinker,
                                f"weighbridge {year} (ILLUSTRATIVE)"])  # fmt: skip
            if year >= 2022:
                sides = ("supplier",) if year == 2024 else ("supplier", "receiver")  # 2024: the receiver did not report
                for side in sides:
                    w.writerow(["DUCGIANG-LC", "VIETSON", year, "phosphogypsum", "50000 t", side, "natural gypsum", "",
                                "", f"delivery notes {year} (ILLUSTRATIVE)"])  # fmt: skip
    with (HERE / "resources.csv").open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["enterprise", "year", "resource", "quantity", "evidence"])
        water = {"DUCGIANG-LC": 2_400_000, "DAP2-VINACHEM": 1_100_000, "APROMACO": 450_000, "P3-DNA": 380_000,
                 "P5-PPV": 410_000, "VTM-STEEL": 3_200_000}  # fmt: skip
        for i, year in enumerate(YEARS):
            for enterprise, m3 in water.items():
                saved = 120_000 if enterprise == "DUCGIANG-LC" else 0
                w.writerow([enterprise, year, "water", f"{m3 - saved} m3", f"water bills {year} (ILLUSTRATIVE)"])
            for furnace, output in P4.items():
                w.writerow([furnace, year, "materials", f"{round(output[i] * 9.5)} t",
                            f"apatite ore receipts {year} (ILLUSTRATIVE)"])  # fmt: skip


if __name__ == "__main__":
    main()
