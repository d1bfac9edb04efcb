"""Benchmark: ``ghg inventory`` at national scale - in memory, streamed from a partitioned dataset, on Dask.

Usage::

    python benchmarks/bench_scale.py                          # 10 million rows: memory, stream, dask 1 and 2
    python benchmarks/bench_scale.py --rows 100000000 --engines stream
    python benchmarks/bench_scale.py --rows 1000000 --engines memory,stream,dask1,dask2 --repeat 3

Each engine runs the whole job a user runs - ``ghg inventory ... --gwp AR5 --out STORE``: read and check
every record, resolve factors, calculate, build the result lines (one per record and gas), keep the inputs
and publish every (year, enterprise) partition to a fresh store - as a separate command, timed from start to
end; its peak memory is the largest maximum resident set size of any of its processes (the command, or a
Dask worker), read with ``getrusage(RUSAGE_CHILDREN)`` as ``/usr/bin/time -v`` does.

- ``memory``: one Parquet file holding every record (the file engine: every line built in memory, then written).
- ``stream``: the same records as a hive dataset ``year=Y/enterprise=E/part-0.parquet``; the local engine
  calculates one task (about 8 MB of input) at a time.
- ``dask1``, ``dask2``: the dataset on a ``distributed.LocalCluster`` of 1 or 2 worker processes.

The data (same mix of activities and units as ``bench_inventory.py``: coal in t and kg, diesel in L, m3 and
t, natural gas in GJ, LPG in kg, electricity in kWh and MWh; 2,000 enterprises, years 2019-2023) is
generated once under ``benchmarks/data/`` partition by partition, so generating 100 million rows needs
little memory. The dataset runs print their logical hash: the stream and Dask runs of the same dataset
must print the same one.
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from bench_inventory import MIX  # noqa: E402

YEARS = range(2019, 2024)


def _dictionary(values: list[str], codes: np.ndarray) -> pa.DictionaryArray:
    uniq, inverse = np.unique(np.array(values, dtype=object), return_inverse=True)
    return pa.DictionaryArray.from_arrays(pa.array(inverse.astype(np.int32)[codes]), pa.array(list(uniq)))


def _partition(rng: np.random.Generator, enterprise: int, year: int, rows: int, first: int) -> pa.Table:
    """``rows`` synthetic records of one enterprise and year (without the partition columns); each has its own
    evidence (a reading number from ``first`` on), as meter readings and invoices do: no two records alike."""
    pick = rng.integers(0, len(MIX), rows)
    month = rng.integers(1, 13, rows)
    base = np.array([m[4] for m in MIX])[pick]
    return pa.table(
        {
            "facility": _dictionary([f"F{enterprise:05d}-{j}" for j in range(3)], rng.integers(0, 3, rows)),
            "period": _dictionary([f"{year}-{m:02d}" for m in range(1, 13)], month - 1),
            "source_category": _dictionary([m[0] for m in MIX], pick),
            "ipcc_category": _dictionary([m[1] for m in MIX], pick),
            "activity": _dictionary([m[2] for m in MIX], pick),
            "quantity": np.round(base * rng.uniform(0.2, 1.8, rows), 3),
            "unit": _dictionary([m[3] for m in MIX], pick),
            "energy_basis": _dictionary(["net" if m[3] == "GJ" else "" for m in MIX], pick),
            "evidence": pa.array([f"reading {i}" for i in range(first, first + rows)], pa.string()),
        }
    )


def generate(root: Path, rows: int, enterprises: int, seed: int = 20261128) -> None:
    """Write the hive dataset ``root`` (``rows`` records over ``enterprises`` x 5 years), one partition at a time."""
    tmp = root.with_name(root.name + ".tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    per = rows // (enterprises * len(YEARS))
    extra = rows - per * enterprises * len(YEARS)
    rng = np.random.default_rng(seed)
    k = first = 0
    for year in YEARS:
        for e in range(enterprises):
            n = per + (1 if k < extra else 0)
            k += 1
            folder = tmp / f"year={year}" / f"enterprise=E{e:05d}"
            folder.mkdir(parents=True)
            pq.write_table(_partition(rng, e, year, n, first), folder / "part-0.parquet")
            first += n
    tmp.rename(root)


def single_file(root: Path, path: Path) -> None:
    """The dataset's records as one Parquet file with ``year`` and ``enterprise`` (the memory engine's input)."""
    tables = []
    for folder in sorted(root.glob("year=*/enterprise=*")):
        part = pq.read_table(folder / "part-0.parquet")
        year = int(folder.parent.name.split("=", 1)[1])
        enterprise = folder.name.split("=", 1)[1]
        n = part.num_rows
        part = part.append_column("year", pa.array(np.full(n, year, dtype=np.int32)))
        part = part.append_column("enterprise", _dictionary([enterprise], np.zeros(n, dtype=np.int64)))
        tables.append(part)
    table = pa.concat_tables(tables, promote_options="permissive").unify_dictionaries().combine_chunks()
    tmp = path.with_suffix(".tmp")
    pq.write_table(table, tmp)
    tmp.rename(path)


def prepared(work: Path, rows: int, enterprises: int, single: bool = True) -> tuple[Path, Path]:
    """The dataset of ``rows`` records under ``work`` (generated once) and, with ``single``, its one-file copy."""
    work.mkdir(parents=True, exist_ok=True)
    root = work / f"scale-{rows}-{enterprises}"
    if not root.exists():
        print(f"generating {rows:,} rows in {root} ...", file=sys.stderr)
        generate(root, rows, enterprises)
    path = work / f"scale-{rows}-{enterprises}.parquet"
    if single and not path.exists():
        single_file(root, path)
    return root, path


def measure(command: list[str]) -> dict[str, object]:
    """Run ``command`` as a child; wall time [s] and the largest peak RSS of its processes [MB]."""
    t0 = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True)
    wall = time.perf_counter() - t0
    if done.returncode:
        raise SystemExit(f"{' '.join(command)} failed:\n{done.stderr[-3000:]}")
    out = json.loads(done.stdout)
    return {
        "wall_s": wall,
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
        "records": out.get("records"),
        "lines": out.get("lines"),
        "logical_hash": out.get("logical_hash", ""),
        "partitions": len(out.get("written", [])),
        "total_t_co2e": sum(r["total_t_co2e"] for r in out.get("summary", [])),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000_000)
    parser.add_argument("--enterprises", type=int, default=2000)
    parser.add_argument("--engines", default="memory,stream,dask1,dask2")
    parser.add_argument("--repeat", type=int, default=1, help="runs per engine, each a fresh process and store")
    parser.add_argument("--task-mb", type=float, default=8.0)
    parser.add_argument("--work", type=Path, default=HERE / "data", help="where data and stores go")
    parser.add_argument("--measure", nargs=argparse.REMAINDER, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure(args.measure)))
        return
    engines = args.engines.split(",")
    root, single = prepared(args.work, args.rows, args.enterprises, single="memory" in engines)
    ghg = str(Path(sys.executable).with_name("ghg"))
    results = []
    for engine in engines:
        for _ in range(args.repeat):
            out = args.work / f"store-{engine}"
            shutil.rmtree(out, ignore_errors=True)
            common = ["--gwp", "AR5", "--out", str(out), "--json"]
            if engine == "memory":
                command = [ghg, "inventory", str(single), *common]
            elif engine == "stream":
                command = [ghg, "inventory", str(root), *common, "--task-mb", str(args.task_mb)]
            else:
                workers = engine.removeprefix("dask")
                command = [ghg, "inventory", str(root), *common, "--engine", "dask", "--workers", workers]
                command += ["--task-mb", str(args.task_mb)]
            child = subprocess.run(
                [sys.executable, __file__, "--measure", *command], capture_output=True, text=True, check=False
            )
            if child.returncode:
                raise SystemExit(child.stdout + child.stderr)
            row = {"engine": engine, "rows": args.rows, **json.loads(child.stdout)}
            row["rows_per_s"] = args.rows / float(row["wall_s"])
            results.append(row)
            print(
                f"{engine:7s} {args.rows:>12,} rows  {row['wall_s']:8.1f} s  {row['rows_per_s']:>10,.0f} rows/s  "
                f"peak {row['peak_rss_mb']:>7,.0f} MB  {row['partitions']:>6} partitions  "
                f"total {row['total_t_co2e']:,.1f} t CO2e  {row['logical_hash'] or ''}",
                flush=True,
            )
            shutil.rmtree(out, ignore_errors=True)
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
