"""What a reviewer reads from the store: the park's inputs, the QA/QC findings, and everything a report shows.

The command line calls these; each only gathers (reads, checks, computes) and returns plain objects.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from ghg import eip, park, store
from ghg.core.accumulate import intensities
from ghg.park import checks
from ghg.pathways import macc, uncertainty, workflow
from ghg.reports import html as report_html
from ghg.store.snapshot import StoreRef, manifests, snapshot_of


def park_inputs(
    store_dir: StoreRef, registry_path: Path, transfers_path: Path | None, min_status: str = "draft"
) -> tuple[pd.DataFrame, park.Registry, pd.DataFrame | None]:
    """The latest stored lines (at least ``min_status``) of one snapshot, the registry and the transfer ledger."""
    registry = park.load_registry(registry_path)
    lines = store.read_lines(store_dir, min_status=min_status)
    transfers = park.load_transfers(transfers_path, registry) if transfers_path else None
    return lines, registry, transfers


def findings(
    store_dir: StoreRef,
    lines: pd.DataFrame,
    registry: park.Registry,
    transfers: pd.DataFrame | None,
    ack_path: Path | None,
    lang: str,
    threshold: float = 0.05,
) -> pd.DataFrame:
    """Every QA/QC finding of the latest lines, with the acknowledgements of ``ack_path`` applied."""
    made = intensities(lines, store.read_production(store_dir))
    history = store.read_lines(store_dir, revision="all")
    return checks.acknowledge(checks.run_checks(lines, registry, transfers, made, history, threshold, lang), ack_path)


def report_inputs(
    store_dir: StoreRef,
    registry_path: Path,
    transfers_path: Path | None,
    ack_path: Path | None,
    lang: str,
    enterprise: str | None = None,
    years: list[int] | None = None,
    scenario_ref: str | None = None,
    target_refs: list[str] | None = None,
    macc_year: int | None = None,
    samples: int = 20_000,
    band_samples: int = 100,
    eip_dir: Path | None = None,
) -> report_html.ReportInputs:
    """Everything the HTML report shows: lines, findings, revisions, run manifests, the uncertainty of the
    latest year, and with a scenario its projection, target gaps, pathway band and cost curve, all read from
    one snapshot of the store."""
    store_dir = snapshot_of(store_dir)
    lines, registry, transfers = park_inputs(store_dir, registry_path, transfers_path)
    inputs = report_html.ReportInputs(
        lines=lines,
        findings=findings(store_dir, lines, registry, transfers, ack_path, lang),
        history=store.history(store_dir),
        manifests=manifests(store_dir),
        registry=registry,
        transfers=transfers,
        enterprise=enterprise,
        years=years or [],
    )
    chosen = lines[lines["year"].isin(years)] if years else lines
    internal = park.internal_supply(lines, registry)
    latest = int(chosen["year"].max())
    inputs.uncertainty = uncertainty.analyse(store_dir, lines, internal, latest, enterprise, samples=samples)
    if eip_dir is not None:
        records = eip.load(eip_dir, registry)
        inputs.eip = eip.indicators(records, registry, lines, store.read_production(store_dir), transfers, latest)
    if scenario_ref:
        inputs.projection = workflow.run(scenario_ref, store_dir, registry_path)
        inputs.gaps = workflow.check(inputs.projection, list(target_refs or []), enterprise, False)
        scenario = inputs.projection.scenario
        inputs.band = uncertainty.pathway_band(lines, scenario, registry, band_samples, enterprise=enterprise)
        if macc_year:
            inputs.macc, _ = macc.curve(inputs.projection, macc_year, enterprise)
            inputs.macc_year = macc_year
    return inputs
