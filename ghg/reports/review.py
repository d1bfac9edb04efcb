"""Everything a report shows, gathered from one snapshot of the store: lines, findings, revisions, run
manifests, uncertainty, the eco-industrial park, and with a scenario its projection, gaps, band and cost
curve; and the content of Form 06.

The command line calls these; each only gathers (reads, checks, computes) and returns plain objects.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from ghg import eip, park, store
from ghg.core.errors import StoreError
from ghg.park import checks, export, form06
from ghg.park import review as park_review
from ghg.pathways import bands, macc, uncertainty, workflow
from ghg.reports import html as report_html
from ghg.store.snapshot import Snapshot, StoreRef, manifests, snapshot_of


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
    members = park_review.park_inputs(store_dir, registry_path, transfers_path)
    lines, registry, transfers = members.lines, members.registry, members.transfers
    inputs = report_html.ReportInputs(
        lines=lines,
        findings=park_review.findings(store_dir, members, ack_path, lang),
        history=store.history(store_dir),
        manifests=manifests(store_dir),
        registry=registry,
        transfers=transfers,
        enterprise=enterprise,
        years=years or [],
        store_version=store_dir.version,
        store_time=_last_commit_time(store_dir),
        release_dirs=members.release_dirs,
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
        inputs.band = bands.pathway_band(lines, scenario, registry, band_samples, enterprise=enterprise)
        if macc_year:
            inputs.macc, _ = macc.curve(inputs.projection, macc_year, enterprise)
            inputs.macc_year = macc_year
    return inputs


def form06_document(
    ref: StoreRef,
    registry_path: Path,
    transfers_path: Path | None,
    enterprise: str,
    facility: str,
    years: list[int],
    lang: str,
) -> dict[str, object]:
    """The content of a facility's Form 06 for ``years`` (Decree 06/2022/NĐ-CP as amended by Decree
    119/2025/NĐ-CP): its lines, findings, the factor releases of the latest year's run, and Approach 1 and 2
    uncertainty per year.

    Raises
    ------
    StoreError
        ``store.no_revision`` when the facility has no inventory of the last year.
    """
    snap = snapshot_of(ref)
    members = park_review.park_inputs(snap, registry_path, transfers_path)
    lines = members.lines
    found = checks.run_checks(lines, members.registry, members.transfers, lang=lang, release_dirs=members.release_dirs)
    made, last = snap.latest(), years[-1]
    if (last, enterprise) not in made:
        raise StoreError("store.no_revision", partition=f"{enterprise} {last}", revision="-")
    releases_used = snap.run_of(snap.revision(last, enterprise, made[(last, enterprise)])).get("releases", [])
    mine = lines[(lines["enterprise"] == enterprise) & (lines["facility"] == facility)]
    spread: list[dict[str, object]] = []
    for year in years:
        if (mine["year"] == year).any():
            table = uncertainty.analyse(snap, mine, None, year, enterprise, samples=20_000).table
            spread += [{"year": year, **{str(k): v for k, v in r.items()}} for r in table.to_dict(orient="records")]
    used = releases_used if isinstance(releases_used, list) else []
    return form06.build(
        lines, members.registry, enterprise, facility, years, found, used, lang, spread, members.release_dirs
    )


def workbook_sheets(
    ref: StoreRef,
    registry_path: Path,
    transfers_path: Path | None,
    ack_path: Path | None,
    enterprise: str | None,
    years: list[int],
    lang: str,
) -> dict[str, pd.DataFrame]:
    """The park's workbook: every line with its lineage, totals, the consolidation, findings and revisions."""
    snap = snapshot_of(ref)
    members = park_review.park_inputs(snap, registry_path, transfers_path)
    found = park_review.findings(snap, members, ack_path, lang)
    return export.workbook_sheets(
        members.lines,
        members.registry,
        members.transfers,
        found,
        snap.history(),
        enterprise,
        years,
        lang,
        members.release_dirs,
    )


def _last_commit_time(snap: Snapshot) -> str:
    """When the snapshot's last run or status step was made (ISO 8601): the report's date, the same every time
    the same snapshot is reported."""
    times = [str(run.get("created", "")) for run in snap.runs.values()] + [str(s.get("at", "")) for s in snap.steps]
    return max((t for t in times if t), default="")
