"""Benchmark: the real path (``ghg inventory FILE --out STORE``: result lines with lineage, hashed and stored)
beside a DuckDB script doing the same job on the same data, in the same run.

Usage::

    python benchmarks/bench_peers.py                      # 1 million records, 5 fresh processes each
    python benchmarks/bench_peers.py --rows 10000000 --repeat 3

The data: the mix of ``bench_inventory.py`` (coal in t and kg, diesel in L, m3 and t, natural gas in GJ, LPG in
kg, electricity in kWh and MWh; 200 enterprises by default, years 2019-2023: 1,000 partitions) as one Parquet
file.

The DuckDB script (DuckDB is a bench-only peer, ``pip install duckdb``) is given what a DuckDB user would
prepare once: the coefficients of each kind of record (t of each gas and t CO2e per unit of quantity, with the
factor, release, method and tier), taken from ghg's own calculation of one record of each kind. It then does
per record what ghg does: one line per record and gas with its lineage (input file, row, factor, release),
sorted by year, enterprise, row and gas, written as Parquet partitioned by year and enterprise. Both runs'
totals must agree to 1e-9 (relative). Each run is a fresh process; the script prints wall time, records per
second and peak memory (the largest maximum resident set size of the process, as ``/usr/bin/time -v``).

It then times the start of the tool as a user meets it, medians of 5 fresh processes: ``ghg --help`` and
``ghg validate`` of a 10-record file of the same mix.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
from bench_inventory import MIX, generate  # noqa: E402

#: The years of the generated records (each has its own grid factor).
YEARS = range(2019, 2024)

DUCKDB_SCRIPT = """
import sys, duckdb
data, coefficients, out = sys.argv[1:4]
con = duckdb.connect()
con.execute("SET enable_progress_bar = false")
con.execute(f"CREATE TABLE k AS SELECT * FROM read_parquet('{coefficients}')")
con.execute(f'''
COPY (
    SELECT r.enterprise, r.facility, r.year, r.period, k.scope, r.source_category, r.ipcc_category, r.activity,
           k.gas, r.quantity * k.mass_per_unit AS mass_t, k.gwp, r.quantity * k.co2e_per_unit AS co2e_t,
           r.quantity, r.unit, k.method, k.tier, k.factor_id, k.factor_release,
           'data.parquet' AS input_file, r.row_number + 2 AS input_row, r.evidence
    FROM (SELECT *, row_number() OVER () - 1 AS row_number FROM read_parquet('{data}')) r
    JOIN k USING (year, source_category, ipcc_category, activity, unit)
    ORDER BY r.year, r.enterprise, r.row_number, k.scope, k.gas
) TO '{out}' (FORMAT PARQUET, PARTITION_BY (year, enterprise), OVERWRITE_OR_IGNORE)
''')
total = con.execute(f"SELECT sum(co2e_t) FROM read_parquet('{out}/**/*.parquet')").fetchone()[0]
print(repr(total))
"""


def coefficients(path: Path) -> None:
    """Per unit of quantity of each kind of record of the mix: t of each gas and t CO2e (AR5), with the factor,
    release, method and tier - computed by ghg from one record of each kind and year, of quantity 1."""
    import pandas as pd

    import ghg

    one = pd.DataFrame(
        [
            {"enterprise": "E", "facility": "f", "year": year, "source_category": s, "ipcc_category": c}
            | {"activity": a, "quantity": 1.0, "unit": u, "energy_basis": "net" if u == "GJ" else ""}
            for year in YEARS
            for s, c, a, u, _ in MIX
        ]
    )
    source = path.parent / "one-of-each.csv"
    one.to_csv(source, index=False)
    lines = ghg.compute([source], gwp="AR5").lines.rename(
        columns={"mass_t": "mass_per_unit", "co2e_t": "co2e_per_unit"}
    )
    keep = ["year", "source_category", "ipcc_category", "activity", "unit", "scope", "gas", "mass_per_unit", "gwp"]
    keep += ["co2e_per_unit", "method", "tier", "factor_id", "factor_release"]
    lines[keep].to_parquet(path, index=False)


#: Runs a command and prints the peak memory of its process tree [kB] on the last line of standard error.
_MEASURED = (
    "import resource, subprocess, sys; done = subprocess.run(sys.argv[1:]); "
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr); sys.exit(done.returncode)"
)


def _child(command: list[str]) -> tuple[float, float, str]:
    """Run ``command`` in a fresh process: wall time [s], its peak memory [MB], its standard output."""
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", _MEASURED, *command], capture_output=True, text=True)
    wall = time.perf_counter() - start
    if done.returncode:
        raise SystemExit(f"{command[0]} failed:\n{done.stderr[-2000:]}")
    return wall, int(done.stderr.strip().splitlines()[-1]) / 1024, done.stdout


def _figures(rows: int, wall: float, peak: float) -> str:
    return f"wall {wall:.2f} s, {rows / wall:,.0f} records/s, peak {peak:,.0f} MB"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--enterprises", type=int, default=200)
    parser.add_argument("--work", type=Path, default=HERE / "data" / "peers")
    args = parser.parse_args()
    work = args.work / f"{args.rows}-{args.enterprises}"
    work.mkdir(parents=True, exist_ok=True)
    data = work / "data.parquet"
    if not data.exists():
        generate(data, args.rows, enterprises=args.enterprises)
    coefficients(work / "coefficients.parquet")
    ghg = [str(Path(sys.executable).parent / "ghg"), "inventory", str(data), "--gwp", "AR5", "--json"]
    results: dict[str, list[tuple[float, float]]] = {"ghg": [], "duckdb": []}
    totals = {}
    for _ in range(args.repeat):
        for name in ("ghg", "duckdb"):  # paired: the two run one after the other, each in a fresh process
            out = work / f"out-{name}"
            shutil.rmtree(out, ignore_errors=True)
            if name == "ghg":
                wall, peak, stdout = _child([*ghg, "--out", str(out)])
                totals[name] = sum(r["co2e_t"] for r in json.loads(stdout)["totals"])
            else:
                script = [sys.executable, "-c", DUCKDB_SCRIPT, str(data), str(work / "coefficients.parquet"), str(out)]
                wall, peak, stdout = _child(script)
                totals[name] = float(stdout.strip().splitlines()[-1])
            results[name].append((wall, peak))
            print(f"{name:7s} {args.rows:,} records: {_figures(args.rows, wall, peak)}")
    agree = abs(totals["ghg"] - totals["duckdb"]) <= 1e-9 * abs(totals["ghg"])
    print(f"totals: ghg {totals['ghg']:.6f} t CO2e, duckdb {totals['duckdb']:.6f} t CO2e, agree to 1e-9: {agree}")
    for name, runs in results.items():
        wall = statistics.median(w for w, _ in runs)
        peak = max(p for _, p in runs)
        print(f"median of {len(runs)}: {name:7s} {_figures(args.rows, wall, peak)}")
    small = work.parent / "ten-records.parquet"
    if not small.exists():
        generate(small, 10, enterprises=2)
    exe = str(Path(sys.executable).parent / "ghg")
    starts = (("ghg --help", [exe, "--help"]), ("ghg validate (10 records)", [exe, "validate", str(small)]))
    for label, command in starts:
        walls = [_child(command)[0] for _ in range(5)]
        print(f"median of 5: {label:26s} {statistics.median(walls):.2f} s")
    if not agree:
        sys.exit(1)


if __name__ == "__main__":
    main()
