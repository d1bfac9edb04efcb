"""Benchmark: Monte Carlo (IPCC Approach 2) over the example park.

Usage::

    python benchmarks/bench_uncertainty.py                     # 100,000 iterations, year 2025, 3 repeats
    python benchmarks/bench_uncertainty.py --samples 1000000 --repeat 1

The example park's inventories 2019-2025 are computed once into a temporary store (as `ghg demo`
does); then each repeat runs, in a fresh process, Approach 1 and Approach 2 for the park and its 15
members (every line of the year, shared factors drawn once per iteration) plus the key categories.
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

ROOT = Path(__file__).resolve().parents[1]
PARK = ROOT / "examples" / "tang-loong"


def build(store: Path) -> None:
    """The example park's store, written by the command line."""
    subprocess.run(
        [
            sys.executable,
            "-m",
            "ghg.cli",
            "inventory",
            *(str(p) for p in sorted((PARK / "activity").glob("*.csv"))),
            "--gwp",
            "AR5",
            "--extra-factors",
            str(PARK / "factors" / "park-furnace-gas-2026"),
            "--extra-factors",
            "vn-grid-estimates-2024-2025",
            "--out",
            str(store),
        ],
        check=True,
        capture_output=True,
    )


def once(store: Path, samples: int, year: int) -> dict[str, float]:
    sys.path.insert(0, str(ROOT))
    from ghg import park
    from ghg import store as results
    from ghg.pathways import uncertainty

    lines = results.read_lines(store)
    registry = park.load_registry(PARK / "registry.csv")
    internal = park.internal_supply(lines, registry)
    start = time.perf_counter()
    result = uncertainty.analyse(store, lines, internal, year, samples=samples)
    elapsed = time.perf_counter() - start
    park_row = result.table[result.table["boundary"] == "park"].iloc[0]
    return {
        "seconds": elapsed,
        "lines": float((lines["year"] == year).sum()),
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "low": float(park_row["mc_p2_5"] / park_row["t_co2e"] - 1),
        "high": float(park_row["mc_p97_5"] / park_row["t_co2e"] - 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--samples", type=int, default=100_000)
    parser.add_argument("--year", type=int, default=2025)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--store", type=Path, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.store is not None:
        print(json.dumps(once(args.store, args.samples, args.year)))
        return
    with tempfile.TemporaryDirectory() as tmp:
        store = Path(tmp) / "ghg-store"
        build(store)
        runs = []
        for _ in range(args.repeat):
            out = subprocess.run(
                [
                    sys.executable,
                    __file__,
                    "--store",
                    str(store),
                    "--samples",
                    str(args.samples),
                    "--year",
                    str(args.year),
                ],
                check=True,
                capture_output=True,
                text=True,
            ).stdout
            runs.append(json.loads(out.strip().splitlines()[-1]))
    seconds = sorted(r["seconds"] for r in runs)
    first = runs[0]
    print(
        f"example park {args.year}: {int(first['lines'])} result lines, the park and 15 members, "
        f"Approach 1 + Approach 2 with {args.samples:,} iterations + key categories"
    )
    peak = max(r["peak_mb"] for r in runs)
    print(f"median {seconds[len(seconds) // 2]:.2f} s over {len(runs)} fresh processes; peak RSS {peak:.0f} MB")
    print(f"park 95 % interval: {100 * first['low']:+.1f} % / {100 * first['high']:+.1f} %")


if __name__ == "__main__":
    main()
