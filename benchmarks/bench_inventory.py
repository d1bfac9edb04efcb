"""Benchmark: read + validate + calculate + aggregate N synthetic activity rows from Parquet.

Usage::

    python benchmarks/bench_inventory.py                 # 10 million rows, about 2,000 enterprises
    python benchmarks/bench_inventory.py --rows 1000000 --repeat 3

The data set is generated once (mixed activities and units: coal in t and kg, diesel in
L, m3 and t, natural gas in GJ, LPG in kg, electricity in kWh and MWh; years 2019-2023)
and cached under ``benchmarks/data/``. Each timed run is a fresh process, so its peak
memory (maximum resident set size) is the job's own, and its wall time covers reading
the file, checking every row, resolving factors, computing and aggregating the totals.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

HERE = Path(__file__).resolve().parent

#: (source_category, ipcc_category, activity, unit, typical quantity in that unit)
MIX = [
    ("stationary_combustion", "1.A.2.c", "other_bituminous_coal", "t", 300.0),
    ("stationary_combustion", "1.A.2.c", "other_bituminous_coal", "kg", 300_000.0),
    ("stationary_combustion", "1.A.2.c", "anthracite", "t", 150.0),
    ("stationary_combustion", "1.A.2", "gas_diesel_oil", "L", 5_000.0),
    ("stationary_combustion", "1.A.2", "gas_diesel_oil", "m3", 5.0),
    ("stationary_combustion", "1.A.2", "residual_fuel_oil", "t", 20.0),
    ("stationary_combustion", "1.A.2", "natural_gas", "GJ", 800.0),
    ("stationary_combustion", "1.A.2", "lpg", "kg", 2_000.0),
    ("mobile_combustion", "1.A.2.g.vii", "gas_diesel_oil", "t", 8.0),
    ("mobile_combustion", "1.A.3.b", "gas_diesel_oil", "L", 3_000.0),
    ("purchased_electricity", "", "grid_electricity", "kWh", 250_000.0),
    ("purchased_electricity", "", "grid_electricity", "MWh", 250.0),
]


def generate(path: Path, rows: int, enterprises: int = 2000, seed: int = 20261128) -> None:
    """Write ``rows`` synthetic records to ``path`` (dictionary-encoded text columns)."""
    rng = np.random.default_rng(seed)
    pick = rng.integers(0, len(MIX), rows)
    ent = rng.integers(0, enterprises, rows)
    years = rng.integers(2019, 2024, rows).astype(np.int32)
    months = rng.integers(1, 13, rows)
    base = np.array([m[4] for m in MIX])[pick]
    quantity = np.round(base * rng.uniform(0.2, 1.8, rows), 3)

    def dictionary(values: list[str], codes: np.ndarray) -> pa.DictionaryArray:
        uniq, inverse = np.unique(np.array(values, dtype=object), return_inverse=True)
        return pa.DictionaryArray.from_arrays(pa.array(inverse.astype(np.int32)[codes]), pa.array(list(uniq)))

    ent_names = [f"E{i:05d}" for i in range(enterprises)]
    facility_names = [f"F{i:05d}-{j}" for i in range(enterprises) for j in range(3)]
    facility = ent * 3 + rng.integers(0, 3, rows)
    periods = [f"{y}-{m:02d}" for y in range(2019, 2024) for m in range(1, 13)]
    period = (years - 2019) * 12 + (months - 1)
    table = pa.table(
        {
            "enterprise": dictionary(ent_names, ent),
            "facility": dictionary(facility_names, facility),
            "year": years,
            "period": dictionary(periods, period),
            "source_category": dictionary([m[0] for m in MIX], pick),
            "ipcc_category": dictionary([m[1] for m in MIX], pick),
            "activity": dictionary([m[2] for m in MIX], pick),
            "quantity": quantity,
            "unit": dictionary([m[3] for m in MIX], pick),
            "energy_basis": dictionary(["net" if m[3] == "GJ" else "" for m in MIX], pick),
            "evidence": dictionary([f"meter-{i}" for i in range(1000)], rng.integers(0, 1000, rows)),
        }
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    pq.write_table(table, tmp)  # pyarrow's default row groups (1,048,576 rows), as most writers make
    tmp.rename(path)


def measure(path: Path) -> dict[str, float]:
    """Run the job once in this process; return its timings [s]."""
    t0 = time.perf_counter()
    from ghg.core import inventory
    from ghg.core.factors import FactorSet

    factors = FactorSet.load()
    t1 = time.perf_counter()
    result = inventory.compute([path], "AR5", factors)
    t2 = time.perf_counter()
    rows = result.records
    total = float(result.summary["total_t_co2e"].sum())  # Scope 1 + Scope 2 location-based
    return {
        "rows": rows,
        "load_factors_s": t1 - t0,
        "job_s": t2 - t1,
        "total_t_co2e": total,
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000_000)
    parser.add_argument("--enterprises", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=3, help="timed runs, each in a fresh process")
    parser.add_argument("--measure", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure(args.measure)))
        return
    path = HERE / "data" / f"activity-{args.rows}-{args.enterprises}.parquet"
    if not path.exists():
        t = time.perf_counter()
        generate(path, args.rows, args.enterprises)
        print(f"generated {args.rows:,} rows in {time.perf_counter() - t:.1f} s: {path}")
    runs = []
    for _ in range(args.repeat):
        out = subprocess.run(
            [sys.executable, __file__, "--measure", str(path)], check=True, capture_output=True, text=True
        )
        runs.append(json.loads(out.stdout.strip().splitlines()[-1]))
    job = sorted(r["job_s"] for r in runs)
    median = job[len(job) // 2]
    peak = max(r["peak_rss_mb"] for r in runs)
    print(
        f"rows: {runs[0]['rows']:,}; read + validate + calculate + aggregate: median {median:.2f} s "
        f"(min {job[0]:.2f}, max {job[-1]:.2f}) over {len(runs)} fresh processes"
    )
    print(
        f"throughput: {runs[0]['rows'] / median / 1e6:.2f} million rows/s; peak memory (max RSS): {peak:.0f} MB; "
        f"loading the factor releases: {runs[0]['load_factors_s']:.2f} s (not in the job time)"
    )
    print(f"total (Scope 1 + Scope 2 location-based): {runs[0]['total_t_co2e']:,.0f} t CO2e (AR5)")


if __name__ == "__main__":
    main()
