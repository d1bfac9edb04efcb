"""Benchmark: what publishing to the result store costs in ``ghg inventory FILE --out STORE``.

Usage::

    python benchmarks/bench_store.py                       # 1 million records, 200 enterprises x 5 years
    python benchmarks/bench_store.py --rows 100000 --repeat 5

Each run is the command a user runs, ``ghg inventory FILE --gwp AR5 --out STORE`` into a fresh store, in a
fresh process; inside it the calls that make a run durable and visible are timed:

- ``commit``: creating the Delta table and committing the run (delta-rs writes the log entry; the log file
  and folder are fsynced);
- ``fsync``: every other ``os.fsync`` (the data file, the kept input copy and receipt, kept releases);
- ``write``: writing the run's Parquet data file (without its fsync).

The share of the wall time spent on commit and durability (``commit`` + ``fsync``) is printed per run
and as the median over ``--repeat`` runs; wall time is measured from outside, start of the process to exit.
The data are ``bench_scale.py``'s (same generator and mix), one Parquet file with every record.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))


def child(activity: Path, out: Path) -> None:
    """Run the command in this process with the store's durable steps timed; print the timings as JSON."""
    from ghg import cli
    from ghg.store import delta
    from ghg.store import table as store

    spent = {"commit": 0.0, "fsync": 0.0, "fsync_in_commit": 0.0, "write": 0.0}
    inside = [False]
    real_fsync, real_commit, real_create, real_write = os.fsync, delta.commit, delta.create, store.write_parquet

    def fsync(fd: int) -> None:
        t0 = time.perf_counter()
        real_fsync(fd)
        spent["fsync_in_commit" if inside[0] else "fsync"] += time.perf_counter() - t0

    def timed(key: str, fn: object) -> object:
        def run(*args: object, **kwargs: object) -> object:
            t0 = time.perf_counter()
            inside[0] = key == "commit"
            try:
                return fn(*args, **kwargs)  # type: ignore[operator]
            finally:
                inside[0] = False
                spent[key] += time.perf_counter() - t0

        return run

    def write(table: object, path: Path) -> None:
        t0 = time.perf_counter()
        fsync_before = spent["fsync"]
        real_write(table, path)
        spent["write"] += time.perf_counter() - t0 - (spent["fsync"] - fsync_before)

    os.fsync = fsync  # type: ignore[assignment]
    delta.commit = timed("commit", real_commit)  # type: ignore[assignment]
    delta.create = timed("commit", real_create)  # type: ignore[assignment]
    store.write_parquet = write  # type: ignore[assignment]
    try:
        cli.main(["inventory", str(activity), "--gwp", "AR5", "--out", str(out), "--json"], standalone_mode=False)
    finally:
        print("\n" + json.dumps(spent), file=sys.stderr)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--enterprises", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=3, help="runs, each a fresh process and store")
    parser.add_argument("--work", type=Path, default=HERE / "data", help="where data and stores go")
    parser.add_argument("--child", nargs=2, type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(*args.child)
        return
    from bench_scale import prepared

    _, single = prepared(args.work, args.rows, args.enterprises)
    shares, walls = [], []
    for i in range(args.repeat):
        out = args.work / "store-bench"
        shutil.rmtree(out, ignore_errors=True)
        t0 = time.perf_counter()
        done = subprocess.run(
            [sys.executable, __file__, "--child", str(single), str(out)], capture_output=True, text=True, check=False
        )
        wall = time.perf_counter() - t0
        if done.returncode:
            raise SystemExit(done.stdout[-2000:] + done.stderr[-3000:])
        spent = json.loads(done.stderr.strip().splitlines()[-1])
        result = json.loads(done.stdout)
        durable = spent["commit"] + spent["fsync"]
        shares.append(durable / wall)
        walls.append(wall)
        print(
            f"run {i + 1}: {args.rows:,} records, {len(result['written'])} partitions, wall {wall:.2f} s; "
            f"commit {spent['commit']:.3f} s (of which log fsync {spent['fsync_in_commit']:.3f} s), "
            f"other fsync {spent['fsync']:.3f} s, data file write {spent['write']:.3f} s; "
            f"commit + durability {durable:.3f} s = {100 * durable / wall:.2f} % of the wall time",
            flush=True,
        )
        shutil.rmtree(out, ignore_errors=True)
    print(
        f"median of {args.repeat}: wall {statistics.median(walls):.2f} s, "
        f"commit + durability {100 * statistics.median(shares):.2f} % of the wall time"
    )


if __name__ == "__main__":
    main()
