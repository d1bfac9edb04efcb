"""The pathway's uncertainty: drivers' growth ranges and measures' effect ranges drawn (seeded) to give the
projection's 95 % band; the uncertainty of a year from one snapshot of the park; and the result files
(Parquet) of both.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

#: Published asymmetric 95 % limits of a factor: a two-piece normal whose median is the published value and
#: whose 2.5th and 97.5th percentiles are the published limits (truncated at 0).
from ghg.pathways.uncertainty import Z95, Result, analyse
from ghg.store.snapshot import Snapshot


def pathway_band(
    lines: pd.DataFrame,
    scenario: Any,
    registry: Any,
    samples: int = 200,
    seed: int = 20261128,
    enterprise: str | None = None,
    scopes: tuple[str, ...] = ("scope_1", "scope_2_location"),
) -> pd.DataFrame:
    """The scenario's projection with its uncertain drivers and measure effects drawn ``samples`` times.

    Each driver row's growth rate is drawn from a normal with its ``growth_range`` as 95 % half-width
    [percentage points]; each measure's effect is scaled by a normal factor with its ``effect_range`` as 95 %
    half-width [fraction of the effect], kept within 0 and 100 % unless the measure declares removals. The
    base year is the stored inventory (certain here; its own uncertainty is the inventory's). Returns per
    projected year the 2.5th, 50th and 97.5th percentiles and the central projection [t CO2e].
    """
    import copy

    from ghg.pathways.projection import project

    rng = np.random.default_rng(seed)
    base = lines[lines["year"] == scenario.base_year]
    central = project(base, scenario, registry).totals(list(scopes), enterprise)["scenario"]
    central = central[central.index > scenario.base_year]
    drivers = scenario.drivers
    runs = []
    for _ in range(samples):
        drawn = copy.copy(scenario)
        drawn.drivers = drivers.assign(
            growth=drivers["growth"] + rng.standard_normal(len(drivers)) * drivers["growth_u"] / Z95
        )
        drawn.measures = []
        for measure in scenario.measures:
            m = copy.copy(measure)
            m.effect = measure.effect * max(0.0, 1.0 + rng.standard_normal() * measure.effect_u / Z95)
            if m.effect_kind == "percent" and not m.removals:
                m.effect = min(m.effect, 1.0)
            drawn.measures.append(m)
        totals = project(base, drawn, registry).totals(list(scopes), enterprise)["scenario"]
        runs.append(totals.reindex(central.index).to_numpy())
    matrix = np.vstack(runs)
    low, mid, high = np.percentile(matrix, [2.5, 50, 97.5], axis=0)
    return pd.DataFrame(
        {"year": central.index.astype(int), "central": central.to_numpy(), "p2_5": low, "p50": mid, "p97_5": high}
    )


def result_files(result: Result, band: pd.DataFrame | None) -> dict[str, bytes]:
    """The result as Parquet (settings, seed and sample count in the metadata), and the pathway band."""
    from ghg.pathways.output import parquet_bytes

    meta: dict[str, object] = {
        "year": result.year,
        "samples": result.samples,
        "seed": result.seed,
        "default_tier": result.default_tier,
        "converged": result.converged,
        "convergence": result.convergence,
    }
    tables = {
        "": result.table,
        "-categories": result.categories,
        "-lines": result.per_line,
        "-key-categories": result.key_categories,
        "-pathway-band": band,
    }
    return {
        f"uncertainty-{result.year}{suffix}.parquet": parquet_bytes(frame, None, meta)
        for suffix, frame in tables.items()
        if frame is not None
    }


def from_store(
    ref: Path | Snapshot,
    registry_path: Path,
    transfers_path: Path | None = None,
    year: int | None = None,
    enterprise: str | None = None,
    default_tier: int = 1,
    samples: int = 100_000,
    seed: int = 20261128,
    method: str = "both",
    scenario: Path | None = None,
    pathway_samples: int = 200,
) -> tuple[Result, pd.DataFrame | None]:
    """The uncertainty of a year (default: the latest stored) from one snapshot of the park, and with a
    ``scenario`` file the 95 % band of its pathway (see :func:`analyse` and :func:`pathway_band`)."""
    from ghg import park
    from ghg.park.review import park_inputs
    from ghg.pathways.scenario import load_scenario
    from ghg.store.snapshot import snapshot_of

    snap = snapshot_of(ref)
    members = park_inputs(snap, registry_path, transfers_path)
    lines = members.lines
    year = year or int(lines["year"].max())
    internal = park.internal_supply(lines, members.registry)
    result = analyse(snap, lines, internal, year, enterprise, default_tier, samples, seed, method)
    band = None
    if scenario is not None:
        band = pathway_band(lines, load_scenario(scenario), members.registry, pathway_samples, seed, enterprise)
    return result, band
