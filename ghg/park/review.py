"""What the authority reads of the park from one snapshot of the store: the members' latest lines with the
registry and the transfer ledger, the consolidation with its thresholds and the revisions it was built from,
and the QA/QC findings with their acknowledgements."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from ghg import store
from ghg.core.accumulate import intensities
from ghg.park import checks
from ghg.park.consolidation import ParkResult, Registry, consolidate, load_registry, load_transfers, thresholds
from ghg.store.kept import kept_release_dirs
from ghg.store.snapshot import StoreRef, snapshot_of


@dataclass
class ParkInputs:
    """The latest stored lines (at least a status), the registry of members and the transfer ledger."""

    lines: pd.DataFrame
    registry: Registry
    transfers: pd.DataFrame | None
    #: the store's kept factor releases (the names of their activities are shown to people)
    release_dirs: tuple[Path, ...] = ()


def park_inputs(
    ref: StoreRef, registry_path: Path, transfers_path: Path | None, min_status: str = "draft"
) -> ParkInputs:
    """The latest stored lines (at least ``min_status``) of one snapshot, the registry and the transfer ledger.

    Raises
    ------
    InputError
        A problem in the registry or the ledger (file, row, column, value, fix).
    StoreError
        No result lines in the store, or a damaged file.
    """
    registry = load_registry(registry_path)
    snap = snapshot_of(ref)
    lines = store.read_lines(snap, min_status=min_status)
    transfers = load_transfers(transfers_path, registry) if transfers_path else None
    return ParkInputs(lines, registry, transfers, kept_release_dirs(snap.root))


@dataclass
class ParkView:
    """The park's consolidation, each facility's thresholds, and the revisions (status, logical hash) it used."""

    result: ParkResult
    thresholds: pd.DataFrame
    built_from: pd.DataFrame


def view(
    ref: StoreRef,
    registry_path: Path,
    transfers_path: Path | None = None,
    years: list[int] | None = None,
    enterprises: list[str] | None = None,
    min_status: str = "draft",
) -> ParkView:
    """Consolidate the park from one snapshot: totals with internal supply counted once, members' shares,
    both sides of every transfer, the legal thresholds per facility (Decree 06/2022/NĐ-CP Art. 5; Decision
    896/QĐ-TTg), and the revisions the totals were built from."""
    snap = snapshot_of(ref)
    inputs = park_inputs(snap, registry_path, transfers_path, min_status)
    result = consolidate(inputs.lines, inputs.registry, inputs.transfers, years, enterprises)
    known = snap.history()[["enterprise", "year", "revision", "status", "content_hash"]]
    built_from = result.revisions.merge(known, on=["enterprise", "year", "revision"], how="left")
    return ParkView(result, thresholds(result.lines, inputs.registry), built_from)


def findings(
    ref: StoreRef, inputs: ParkInputs, ack_path: Path | None, lang: str, threshold: float = 0.05
) -> pd.DataFrame:
    """Every QA/QC finding of the latest lines (QC01-QC13), with the acknowledgements of ``ack_path`` applied."""
    made = intensities(inputs.lines, store.read_production(ref))
    history = store.read_lines(ref, revision="all")
    found = checks.run_checks(
        inputs.lines, inputs.registry, inputs.transfers, made, history, threshold, lang, inputs.release_dirs
    )
    return checks.acknowledge(found, ack_path)


def check(
    ref: StoreRef,
    registry_path: Path,
    transfers_path: Path | None = None,
    ack_path: Path | None = None,
    lang: str = "en",
    threshold: float = 0.05,
) -> pd.DataFrame:
    """The QA/QC findings of one snapshot of the park (see :func:`findings`)."""
    snap = snapshot_of(ref)
    return findings(snap, park_inputs(snap, registry_path, transfers_path), ack_path, lang, threshold)
