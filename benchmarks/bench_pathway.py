"""Benchmark: project a national-scale set of inventories to 2050 and check it against targets.

Usage::

    python benchmarks/bench_pathway.py                       # 2,400 facilities, 12 streams each, 200 measures
    python benchmarks/bench_pathway.py --enterprises 500 --measures 50 --repeat 3

Synthetic base-year lines (about as many facilities as Vietnam's inventory list names) go through
:func:`ghg.pathways.projection.project` (BAU and scenario, streams x years), a target check for the whole set and
the abatement cost curve of 2030. The scenario files are written to a temporary folder; each repeat runs in
a fresh process so its peak memory (maximum resident set size) is its own.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent

#: scope, source_category, ipcc_category, activity, method, typical t CO2
STREAMS = [
    ("scope_1", "stationary_combustion", "1.A.2.c", "other_bituminous_coal", "combustion_mass", 20_000.0),
    ("scope_1", "stationary_combustion", "1.A.2.c", "residual_fuel_oil", "combustion_mass", 3_000.0),
    ("scope_1", "mobile_combustion", "1.A.2.g.vii", "gas_diesel_oil", "combustion_mass", 800.0),
    ("scope_1", "process", "2.C.1", "coke_oven_coke", "process_carbon_content", 30_000.0),
    ("scope_1", "process", "2.B.10", "phosphate_rock", "process_carbon_content", 2_000.0),
    ("scope_1", "fugitive", "2.F.1", "R-410A", "fugitive_top_up", 20.0),
    ("scope_2", "purchased_electricity", "", "grid_electricity", "electricity_location_based", 15_000.0),
    ("scope_2_market", "purchased_electricity", "", "grid_electricity", "electricity_market_based", 15_000.0),
]
KINDS = [
    ("energy_efficiency", "purchased_electricity", "8 %"),
    ("fuel_switch", "stationary_combustion", "50 %"),
    ("onsite_solar", "purchased_electricity", "500 MWh"),
    ("carbon_capture", "process", "40 %"),
    ("ppa_certificates", "purchased_electricity", "30 %"),
]


def build(folder: Path, enterprises: int, measures: int, seed: int = 20261128) -> pd.DataFrame:
    """Write the registry and scenario files into ``folder``; return the synthetic stored lines."""
    rng = np.random.default_rng(seed)
    names = [f"F{i:05d}" for i in range(enterprises)]
    sectors = ["steel", "fertiliser", "chemicals", "cement", "mining"]
    registry = pd.DataFrame(
        {
            "enterprise": names,
            "facility": "site",
            "name": names,
            "sector": [sectors[i % len(sectors)] for i in range(enterprises)],
            "ipcc_categories": "",
            "member_from": 2019,
            "member_to": "",
            "on_national_list": "yes",
        }
    )
    registry.to_csv(folder / "registry.csv", index=False)
    rows = []
    for year in (2024, 2025):
        for scope, category, ipcc, activity, method, typical in STREAMS:
            size = rng.lognormal(0.0, 0.8, enterprises) * typical
            mwh = size / 0.6592 if category == "purchased_electricity" else np.ones(enterprises)
            rows.append(
                pd.DataFrame(
                    {
                        "enterprise": names,
                        "facility": "site",
                        "year": year,
                        "scope": scope,
                        "source_category": category,
                        "ipcc_category": ipcc,
                        "activity": activity,
                        "method": method,
                        "supplier": "",
                        "gas": "CO2",
                        "mass_t": size,
                        "co2e_t": size,
                        "gwp_set": "AR5",
                        "quantity": mwh,
                        "unit": "MWh" if category == "purchased_electricity" else "t",
                        "revision": 1,
                    }
                )
            )
    (folder / "grid.csv").write_text(
        "year,value,unit,source,note\n2023,0.6592,t CO2/MWh,DCC,\n2030,0.334,t CO2/MWh,derived,\n"
        "2050,0.0188,t CO2/MWh,derived,\n",
        encoding="utf-8",
    )
    drivers = ["enterprise,sector,from_year,to_year,growth,source"]
    drivers += [f",{s},2026,2050,{1 + i} %/yr,synthetic" for i, s in enumerate(sectors)]
    (folder / "drivers.csv").write_text("\n".join(drivers) + "\n", encoding="utf-8")
    header = (
        "id,name,enterprises,kind,source_category,activity,ipcc_category,effect,adds_electricity,start_year,"
        "ramp_years,lifetime_years,order,removals,capex,opex_per_year,savings_per_year,currency,discount_rate,source"
    )
    lines = [header]
    for i in range(measures):
        kind, category, effect = KINDS[i % len(KINDS)]
        chosen = rng.choice(enterprises, size=max(1, enterprises // measures * 4), replace=False)
        who = ";".join(names[j] for j in sorted(chosen))
        capex, opex, savings = rng.integers(1, 50) * 100000, rng.integers(0, 5) * 10000, rng.integers(0, 40) * 10000
        lines.append(
            f"m{i:04d},measure {i},{who},{kind},{category},,,{effect},,{2026 + i % 20},3,20,{i},no,"
            f"{capex},{opex},{savings},USD,8 %,synthetic"
        )
    (folder / "measures.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "scenario.toml").write_text(
        '[scenario]\nid = "bench"\nname = "bench"\nbase_year = 2025\nhorizon = 2050\n'
        'grid = "grid.csv"\ndrivers = "drivers.csv"\nmeasures = "measures.csv"\n',
        encoding="utf-8",
    )
    return pd.concat(rows, ignore_index=True)


def once(enterprises: int, measures: int) -> dict[str, float]:
    """One timed run in this process."""
    sys.path.insert(0, str(ROOT))
    from ghg import park
    from ghg.pathways import macc
    from ghg.pathways.projection import project
    from ghg.pathways.scenario import load_scenario
    from ghg.pathways.targets import gap, load_target

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        lines = build(folder, enterprises, measures)
        start = time.perf_counter()
        scenario = load_scenario(folder / "scenario.toml")
        registry = park.load_registry(folder / "registry.csv")
        result = project(lines, scenario, registry)
        projected = time.perf_counter()
        target = load_target(ROOT / "pathways" / "targets" / "sbti-aca-1.5c.toml")
        gap(target, result)
        macc.curve(result, 2030)
        end = time.perf_counter()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {
        "streams": float(len(lines) / 2),
        "projection_rows": float(len(result.lines)),
        "project_s": projected - start,
        "total_s": end - start,
        "peak_mb": peak,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--enterprises", type=int, default=2400)
    parser.add_argument("--measures", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--once", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.once:
        print(json.dumps(once(args.enterprises, args.measures)))
        return
    runs = []
    for _ in range(args.repeat):
        out = subprocess.run(
            [
                sys.executable,
                __file__,
                "--once",
                "--enterprises",
                str(args.enterprises),
                "--measures",
                str(args.measures),
            ],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        runs.append(json.loads(out.strip().splitlines()[-1]))
    total = sorted(r["total_s"] for r in runs)
    first = runs[0]
    print(
        f"{args.enterprises} facilities, {int(first['streams']):,} base-year streams, {args.measures} measures, "
        f"{int(first['projection_rows']):,} projection rows (2019-2050, actual + BAU + scenario)"
    )
    print(f"project + target check + cost curve: median {total[len(total) // 2]:.2f} s over {len(runs)} runs")
    print(f"of which projection: median {sorted(r['project_s'] for r in runs)[len(runs) // 2]:.2f} s")
    print(f"peak memory (max RSS, whole process incl. the synthetic data): {max(r['peak_mb'] for r in runs):.0f} MB")


if __name__ == "__main__":
    main()
