"""One consistent state of the result store, as of a commit: what every reading command reads.

The store's lines are a Delta table (``STORE/lines``, :mod:`ghg.store.delta`) holding every revision of every
(year, enterprise) with a ``revision`` column; it is append-only. Each commit of its log is either a *run*
(its data files, and as the commit's own metadata the run's manifest: inputs, receipts, releases, GWP
set, software version, reason, author, and per revision its parent, logical hash, rows in its file and
production records) or a *status step* of one revision. A :class:`Snapshot` reads the log up to one
version once, so everything a command shows comes from that version even while another writer commits.

Integrity is checked as the snapshot is read: every commit names the SHA-256 of the commit before it and
of all commits before it (a changed log file is named), every run's manifest carries its own SHA-256, and
every data file is read only after its SHA-256 matches the run that added it, its page checksums hold
and each revision's lines match their logical hash.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from ghg.core.errors import StoreError
from ghg.core.hashing import sha256_bytes
from ghg.core.linehash import HASH_METHOD, LEGACY_HASH_METHOD, PRODUCTION_SCHEMA, STORED_SCHEMA, content_hash
from ghg.store import delta

LINES = "lines"
RUN_KEY, RUN_SHA_KEY = "ghg.run", "ghg.run_sha256"
STATUS_KEY, STATUS_SHA_KEY = "ghg.status", "ghg.status_sha256"
PREVIOUS_KEY, CHAIN_KEY = "ghg.previous_commit_sha256", "ghg.log_sha256"
#: The life of a revision: each status may only move to the next; a locked revision never changes.
STATUSES = ("draft", "submitted", "verified", "locked")
HISTORY_COLUMNS = [
    "year",
    "enterprise",
    "revision",
    "parent",
    "reason",
    "author",
    "created",
    "status",
    "content_hash",
    "version",
]


@dataclass(frozen=True)
class Revision:
    """One revision of one (year, enterprise), as its run recorded it."""

    year: int
    enterprise: str
    revision: int
    parent: int
    content_hash: str
    method: str
    file: str
    start: int
    rows: int
    version: int


@dataclass
class Snapshot:
    """The store as of one version of its log (``version`` -1: a store with no commit yet)."""

    root: Path
    version: int
    runs: dict[int, dict[str, Any]] = field(default_factory=dict)
    revisions: dict[tuple[int, str], list[Revision]] = field(default_factory=dict)
    steps: list[dict[str, Any]] = field(default_factory=list)
    files: dict[str, dict[str, Any]] = field(default_factory=dict)
    log_sha256: str = ""
    last_commit_sha256: str = ""
    _cache: dict[str, pa.Table] = field(default_factory=dict, repr=False)

    def __getstate__(self) -> dict[str, Any]:  # sent to Dask workers without the lines read so far
        return {**self.__dict__, "_cache": {}}

    # --- revisions and statuses -------------------------------------------------------------------
    def latest(self) -> dict[tuple[int, str], int]:
        """The latest revision of each (year, enterprise)."""
        return {key: revs[-1].revision for key, revs in sorted(self.revisions.items())}

    def latest_hashes(self) -> dict[tuple[int, str], str]:
        """The logical hash of each latest revision (empty where it was made by an earlier definition)."""
        return {k: r[-1].content_hash for k, r in self.revisions.items() if r[-1].method == HASH_METHOD}

    def revision(self, year: int, enterprise: str, revision: int) -> Revision:
        """One revision.

        Raises
        ------
        StoreError
            ``store.no_revision`` when it does not exist.
        """
        for r in self.revisions.get((year, enterprise), []):
            if r.revision == revision:
                return r
        raise StoreError("store.no_revision", partition=f"{enterprise} {year}", revision=revision)

    def run_of(self, rev: Revision) -> dict[str, Any]:
        """The manifest of the run that wrote ``rev``."""
        return self.runs[rev.version]

    def statuses(self, year: int, enterprise: str) -> dict[int, dict[str, object]]:
        """The current status of each revision of a partition (``draft`` unless a status step says more)."""
        out: dict[int, dict[str, object]] = {
            r.revision: {"status": "draft"} for r in self.revisions.get((year, enterprise), [])
        }
        for step in self.steps:
            if step["year"] == year and step["enterprise"] == enterprise and step["revision"] in out:
                now = STATUSES.index(str(out[step["revision"]]["status"]))
                if STATUSES.index(step["status"]) == now + 1:
                    out[step["revision"]] = {k: step[k] for k in ("revision", "status", "by", "comment", "at")}
        return out

    def history(self) -> pd.DataFrame:
        """Every revision of every partition: parent, reason, author, creation time, status, logical hash
        and the version of the commit that wrote it."""
        rows = []
        for (year, enterprise), revs in sorted(self.revisions.items()):
            status = self.statuses(year, enterprise)
            for r in revs:
                run = self.runs[r.version]
                rows.append(
                    {
                        "year": year,
                        "enterprise": enterprise,
                        "revision": r.revision,
                        "parent": r.parent,
                        "reason": run.get("reason", ""),
                        "author": run.get("author", ""),
                        "created": run.get("created", ""),
                        "status": status[r.revision]["status"],
                        "content_hash": r.content_hash,
                        "version": r.version,
                    }
                )
        return pd.DataFrame(rows, columns=HISTORY_COLUMNS)

    # --- lines ------------------------------------------------------------------------------------
    def chosen(self, revision: str = "latest", min_status: str = "draft") -> list[Revision]:
        """The revisions a read covers: the latest of each partition (at least ``min_status``) or all."""
        floor = STATUSES.index(min_status)
        out: list[Revision] = []
        for (year, enterprise), revs in sorted(self.revisions.items()):
            if revision == "all":
                out += revs
                continue
            if floor:
                status = self.statuses(year, enterprise)
                revs = [r for r in revs if STATUSES.index(str(status[r.revision]["status"])) >= floor]
            out += revs[-1:]
        return out

    def lines_table(self, revisions: list[Revision]) -> pa.Table:
        """The verified lines of ``revisions`` (with their ``revision`` column), in that order."""
        parts = [self.revision_table(r) for r in revisions]
        return pa.concat_tables(parts) if parts else STORED_SCHEMA.empty_table()

    def revision_table(self, rev: Revision) -> pa.Table:
        """The lines of one revision, checked against its logical hash."""
        part = self.file_table(rev.file).slice(rev.start, rev.rows)
        if content_hash(part, rev.method) != rev.content_hash:
            raise StoreError(
                "store.corrupt",
                path=f"{LINES}/{rev.file}",
                detail=f"{rev.enterprise} {rev.year} revision {rev.revision}: its lines differ from their logical hash",
            )
        return part

    def file_table(self, name: str) -> pa.Table:
        """A data file of the snapshot, read after its SHA-256 and page checksums are checked."""
        if name in self._cache:
            return self._cache[name]
        shown = f"{LINES}/{name}"
        entry = self.files.get(name)
        if entry is None:
            raise StoreError("store.corrupt", path=shown, detail="no run of the store added this file")
        try:
            data = (self.root / LINES / name).read_bytes()
        except OSError as exc:
            raise StoreError("store.corrupt", path=shown, detail=str(exc)[:200]) from None
        if sha256_bytes(data) != entry["sha256"]:
            raise StoreError("store.corrupt", path=shown, detail="its SHA-256 differs from the one its run recorded")
        try:
            table = pq.read_table(pa.BufferReader(data), page_checksum_verification=True)
            table = table.select(STORED_SCHEMA.names).cast(STORED_SCHEMA)
        except (OSError, ValueError, KeyError, pa.ArrowException) as exc:
            raise StoreError("store.corrupt", path=shown, detail=str(exc)[:200]) from None
        self._cache[name] = table
        return table

    def lines(self, revision: str = "latest", min_status: str = "draft") -> pd.DataFrame:
        """Result lines as a DataFrame (see :func:`read_lines`)."""
        if not self.revisions:
            raise StoreError("store.not_store", path=str(self.root))
        chosen = self.chosen(revision, min_status)
        if not chosen:
            raise StoreError("store.no_status", path=str(self.root), status=min_status)
        return self.lines_table(chosen).to_pandas()

    def production(self) -> pd.DataFrame:
        """Production records of the latest revision of every partition (empty when there are none)."""
        rows = []
        for rev in self.chosen():
            for p in self.run_of(rev)["revisions_production"].get(f"{rev.year}\t{rev.enterprise}\t{rev.revision}", []):
                rows.append({"enterprise": rev.enterprise, "year": rev.year, **p})
        frame = pd.DataFrame(rows, columns=PRODUCTION_SCHEMA.names)
        return frame.astype({"year": "int32", "output_t": "float64"}) if len(frame) else frame


def open_snapshot(store_dir: Path, as_of: int | datetime | None = None) -> Snapshot:
    """The store as of ``as_of`` (a version of its log, a time, or the latest).

    Raises
    ------
    StoreError
        ``store.legacy`` for a store written by an earlier version (to migrate), ``store.corrupt`` naming
        a damaged log file or manifest, ``store.no_version`` for a version the store does not have.
    """
    store_dir = Path(store_dir)
    table = store_dir / LINES
    if not delta.exists(table):
        if any(table.glob("year=*")):
            raise StoreError("store.legacy", path=str(store_dir))
        return Snapshot(store_dir, -1)
    newest = delta.latest_version(table)
    if isinstance(as_of, int) and not 0 <= as_of <= newest:
        raise StoreError("store.no_version", path=str(store_dir), version=as_of, latest=newest)
    version = newest if as_of is None else as_of
    if isinstance(version, int):  # the log is read and checked before delta-rs replays it
        snap = _read_log(store_dir, table, version)
    try:
        dt = delta.open_table(table, version if isinstance(version, int) else as_of)
        active = delta.data_files(dt)
    except StoreError:
        raise
    except Exception as exc:  # delta-rs: a log it cannot replay, or no version at that time
        if isinstance(as_of, datetime):
            raise StoreError("store.no_version", path=str(store_dir), version=str(as_of), latest=newest) from None
        raise StoreError("store.corrupt", path=f"{LINES}/{delta.LOG}", detail=str(exc)[:300]) from None
    if not isinstance(version, int):
        snap = _read_log(store_dir, table, int(dt.version()))
    recorded = {name: int(entry["size"]) for name, entry in snap.files.items()}
    if active != recorded:
        differ = sorted(set(active.items()) ^ set(recorded.items()))
        raise StoreError(
            "store.corrupt",
            path=f"{LINES}/{delta.LOG}",
            detail=f"the table's data files and the runs' records differ: {differ[:2]}",
        )
    return snap


def _read_log(store_dir: Path, table: Path, version: int) -> Snapshot:
    """Every commit up to ``version``, checked (links, manifests), as a snapshot."""
    snap = Snapshot(store_dir, version)
    chain = hashlib.sha256()
    previous = ""
    for v in range(version + 1):
        raw, info = delta.read_commit(table, v)
        _check_links(info, v, chain.hexdigest(), previous)
        if RUN_KEY in info:
            _add_run(snap, v, info)
        elif STATUS_KEY in info:
            _add_step(snap, v, info)
        previous = sha256_bytes(raw)
        chain.update((previous + "\n").encode())
    snap.log_sha256, snap.last_commit_sha256 = chain.hexdigest(), previous
    return snap


def _shown_commit(v: int) -> str:
    return f"{LINES}/{delta.LOG}/{v:020d}.json"


def _check_links(info: dict[str, Any], v: int, chain: str, previous: str) -> None:
    """A ghg commit names the commit before it and the whole log before it: a changed log file shows."""
    if PREVIOUS_KEY not in info:
        return
    if info[PREVIOUS_KEY] != previous:
        raise StoreError("store.corrupt", path=_shown_commit(v - 1), detail="the next commit recorded another SHA-256")
    if info.get(CHAIN_KEY) != chain:
        raise StoreError("store.corrupt", path=f"{LINES}/{delta.LOG}", detail=f"a commit before version {v} changed")


def _manifest(info: dict[str, Any], key: str, v: int) -> dict[str, Any]:
    text = info.get(key)
    try:
        own = info.get(RUN_SHA_KEY if key == RUN_KEY else STATUS_SHA_KEY)
        if not isinstance(text, str) or sha256_bytes(text.encode("utf-8")) != own:
            raise ValueError("its SHA-256 differs from the one recorded beside it")
        body = json.loads(text)
        if not isinstance(body, dict):
            raise ValueError("not an object")
    except ValueError as exc:
        raise StoreError("store.corrupt", path=_shown_commit(v), detail=f"{key}: {exc}"[:300]) from None
    return body


def _add_run(snap: Snapshot, v: int, info: dict[str, Any]) -> None:
    run = _manifest(info, RUN_KEY, v)
    production: dict[str, list[dict[str, Any]]] = {}
    try:
        for name, entry in run["files"].items():
            snap.files[str(name)] = {"sha256": str(entry["sha256"]), "size": int(entry["size"]), "version": v}
        for r in run["revisions"]:
            rev = Revision(
                int(r["year"]),
                str(r["enterprise"]),
                int(r["revision"]),
                int(r["parent"]),
                str(r["content_hash"]),
                str(r.get("content_hash_method", LEGACY_HASH_METHOD)),
                str(r["file"]),
                int(r["start"]),
                int(r["rows"]),
                v,
            )
            revs = snap.revisions.setdefault((rev.year, rev.enterprise), [])
            if rev.revision != (revs[-1].revision if revs else 0) + 1 or rev.parent != rev.revision - 1:
                raise ValueError(f"{rev.enterprise} {rev.year} revision {rev.revision} does not follow its parent")
            revs.append(rev)
            production[f"{rev.year}\t{rev.enterprise}\t{rev.revision}"] = list(r.get("production", []))
    except (KeyError, TypeError, ValueError) as exc:
        raise StoreError("store.corrupt", path=_shown_commit(v), detail=f"run manifest: {exc}"[:300]) from None
    run["revisions_production"] = production
    run["partitions"] = run["revisions"]
    run["version"] = v
    snap.runs[v] = run


def _add_step(snap: Snapshot, v: int, info: dict[str, Any]) -> None:
    step = _manifest(info, STATUS_KEY, v)
    try:
        snap.steps.append(
            {
                "year": int(step["year"]),
                "enterprise": str(step["enterprise"]),
                "revision": int(step["revision"]),
                "status": str(step["status"]),
                "by": str(step["by"]),
                "comment": str(step.get("comment", "")),
                "at": str(step["at"]),
                "version": v,
            }
        )
        if snap.steps[-1]["status"] not in STATUSES:
            raise ValueError(step["status"])
    except (KeyError, TypeError, ValueError) as exc:
        raise StoreError("store.corrupt", path=_shown_commit(v), detail=f"status step: {exc}"[:300]) from None


StoreRef = Path | str | Snapshot


def snapshot_of(ref: StoreRef) -> Snapshot:
    """``ref`` itself, or the latest snapshot of the store folder ``ref``."""
    return ref if isinstance(ref, Snapshot) else open_snapshot(Path(ref))


def parse_as_of(value: str | None) -> int | datetime | None:
    """A ``--as-of`` value: a version number or an ISO 8601 time (UTC when no zone is given).

    Raises
    ------
    StoreError
        ``store.bad_as_of`` for anything else.
    """
    if value is None or value == "":
        return None
    if value.isdigit():
        return int(value)
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise StoreError("store.bad_as_of", value=value) from None
    if moment.tzinfo is None:
        from datetime import UTC

        moment = moment.replace(tzinfo=UTC)
    return moment


def manifests(ref: StoreRef) -> list[dict[str, Any]]:
    """Every run manifest of the store (the releases, inputs and receipts of each run), oldest first."""
    snap = snapshot_of(ref)
    return [snap.runs[v] for v in sorted(snap.runs)]
