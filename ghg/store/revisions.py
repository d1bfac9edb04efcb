"""Revisions as read and moved along: statuses and their steps, history, lines of a snapshot, production
records, and vacuuming what no commit references.

Each status step (draft -> submitted -> verified -> locked) is a Delta commit of its own, chained to the
run commits like them (:mod:`ghg.store.table`).
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pandas as pd

from ghg.core.errors import StoreError
from ghg.core.hashing import sha256_bytes
from ghg.core.linehash import (
    STORED_SCHEMA,
)
from ghg.store import delta, kept
from ghg.store.snapshot import (
    LINES,
    STATUS_KEY,
    STATUS_SHA_KEY,
    STATUSES,
    StoreRef,
    open_snapshot,
    snapshot_of,
)
from ghg.store.table import COMMIT_ATTEMPTS, chain_links


def statuses(ref: StoreRef, year: int, enterprise: str) -> dict[int, dict[str, object]]:
    """The current status of each revision of a partition (``draft`` unless a status step says more)."""
    return snapshot_of(ref).statuses(year, enterprise)


def set_status(
    store_dir: Path, year: int, enterprise: str, revision: int, status: str, by: str, comment: str = "", at: str = ""
) -> dict[str, object]:
    """Move a revision to the next status (draft -> submitted -> verified -> locked): one commit.

    ``at`` is the time of the step (default: now; a migration keeps the original time).

    Raises
    ------
    StoreError
        An unknown revision or status, a step that skips or goes back (a locked revision never changes), or
        a step another person took first.
    """
    partition = f"{enterprise} {year}"
    table = store_dir / LINES
    for _ in range(COMMIT_ATTEMPTS):
        snap = open_snapshot(store_dir)
        current = snap.statuses(year, enterprise)
        if revision not in current:
            raise StoreError("store.no_revision", partition=partition, revision=revision)
        now = str(current[revision]["status"])
        if status not in STATUSES or STATUSES.index(status) != STATUSES.index(now) + 1:
            raise StoreError(
                "store.bad_status",
                partition=partition,
                revision=revision,
                current=now,
                wanted=status,
                allowed=" -> ".join(STATUSES),
            )
        entry: dict[str, object] = {
            "year": year,
            "enterprise": enterprise,
            "revision": revision,
            "status": status,
            "by": by,
            "comment": comment,
            "at": at or datetime.now(UTC).isoformat(timespec="seconds"),
        }
        if snap.version < 0:
            raise StoreError("store.no_revision", partition=partition, revision=revision)
        text = json.dumps(entry, ensure_ascii=False, sort_keys=True)
        meta = {STATUS_KEY: text, STATUS_SHA_KEY: sha256_bytes(text.encode("utf-8")), **chain_links(snap)}
        try:
            delta.commit(delta.open_table(table, snap.version), STORED_SCHEMA, [], meta)
        except delta.CommitLost:
            continue  # read again: another person may have taken this step
        except OSError as exc:
            raise StoreError("store.write_failed", path=str(store_dir), detail=str(exc)[:300], published=0) from None
        return {k: entry[k] for k in ("revision", "status", "by", "comment", "at")}
    raise StoreError("store.busy", path=str(store_dir))


def history(ref: StoreRef) -> pd.DataFrame:
    """Every revision of every partition: parent, reason, author, creation time, status, logical hash,
    and ``version``, the commit that made it."""
    return snapshot_of(ref).history()


def read_lines(ref: StoreRef, revision: str = "latest", min_status: str = "draft") -> pd.DataFrame:
    """Read verified result lines of one snapshot: the latest revision of every partition (or ``"all"``).

    Parameters
    ----------
    ref : Path or Snapshot
        The store (its latest snapshot) or a snapshot already opened (``--as-of``).
    min_status : str
        With ``revision="latest"``, the latest revision whose status is at least this one (see
        :data:`STATUSES`); a partition without such a revision is left out. The ``revision`` column names
        the revision each line comes from.

    Raises
    ------
    StoreError
        When the store holds no result lines, or a file is damaged (naming it).
    """
    return snapshot_of(ref).lines(revision, min_status)


def read_revision(ref: StoreRef, year: int, enterprise: str, revision: int) -> pd.DataFrame:
    """The verified lines of one revision of one partition.

    Raises
    ------
    StoreError
        ``store.no_revision`` when it does not exist, ``store.corrupt`` when it is damaged.
    """
    snap = snapshot_of(ref)
    return snap.revision_table(snap.revision(year, enterprise, revision)).to_pandas()


def read_production(ref: StoreRef) -> pd.DataFrame:
    """Production records kept with the latest revision of every partition (empty when there are none)."""
    return snapshot_of(ref).production()


def vacuum(store_dir: Path, older_than_hours: int = 1) -> list[str]:
    """Remove what no commit references and is older than ``older_than_hours``: data files, kept inputs and
    releases that a writer left without committing (a killed writer). Returns the removed paths."""
    import shutil
    import time

    removed = [f"{LINES}/{p}" for p in delta.vacuum(store_dir / LINES, older_than_hours)]
    snap = open_snapshot(store_dir)
    used_inputs = {str(i.get("sha256")) for run in snap.runs.values() for i in run.get("receipts", []) or []}
    used_releases = {str(r.get("sha256")) for run in snap.runs.values() for r in run.get("releases", []) or []}
    limit = time.time() - older_than_hours * 3600
    for kind, used in ((kept.INPUTS, used_inputs), (kept.RELEASES, used_releases)):
        folder = store_dir / kind
        for entry in sorted(folder.iterdir()) if folder.is_dir() else []:
            if entry.name not in used and entry.stat().st_mtime <= limit:
                shutil.rmtree(entry, ignore_errors=True) if entry.is_dir() else entry.unlink(missing_ok=True)
                removed.append(f"{kind}/{entry.name}")
    return removed
