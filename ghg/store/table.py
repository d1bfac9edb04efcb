"""The result store: every revision of every (year, enterprise) in one Delta table, one commit per run.

Layout::

    STORE/lines/                 Delta table (lines of every revision, with a ``revision`` column)
    STORE/lines/_delta_log/      its log: one commit per run (manifest as the commit's metadata) or status step
    STORE/inputs/<sha256>/       every input file as received, with its receipt       (:mod:`ghg.store.kept`)
    STORE/releases/<sha256>/     every factor release a run used, verified             (:mod:`ghg.store.kept`)

A run writes its lines as new Parquet files (one per task), then commits them in one Delta commit whose
metadata is the run's manifest: every revision it makes becomes visible at the same instant, or none does.
Writers are optimistic: a run is committed on top of the version it read; if another run committed first
and made a revision of the same (year, enterprise), this one is refused (nothing of it is visible);
otherwise it is committed on top. Revisions are append-only and start as ``draft``; a status step is a
commit of its own. The same content sent again makes no new revision.

Reading is in :mod:`ghg.store.snapshot` and :mod:`ghg.store.revisions`; schema and logical hash in
:mod:`ghg.core.linehash`.
"""

from __future__ import annotations

import contextlib
import os
import re
import uuid
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from ghg.core import jsonout
from ghg.core.errors import StoreError
from ghg.core.hashing import sha256_bytes, sha256_file
from ghg.core.linehash import (
    HASH_METHOD,
    LINE_SCHEMA,
    STORED_SCHEMA,
    lines_table,
    ordered_partitions,
    partition_hashes,
    partition_keys,
)
from ghg.store import delta, kept
from ghg.store.snapshot import (
    CHAIN_KEY,
    LINES,
    PREVIOUS_KEY,
    RUN_KEY,
    RUN_SHA_KEY,
    Snapshot,
    StoreRef,
    open_snapshot,
    snapshot_of,
)

#: Attempts to commit on top of other writers' disjoint commits before giving up.
COMMIT_ATTEMPTS = 100
#: Columns whose range each data file records in the log (readers skip files by them).
STATS_COLUMNS = ("year", "enterprise", "revision")


@dataclass(frozen=True)
class Written:
    """One revision a run made (or, with ``same_as_previous``, found already stored)."""

    year: int
    enterprise: str
    revision: int
    path: Path
    content_hash: str
    same_as_previous: bool


@dataclass
class Staged:
    """A data file written for a run and not yet committed, with the revisions it holds."""

    file: str
    sha256: str
    size: int
    stats: str
    revisions: list[dict[str, Any]] = field(default_factory=list)
    written: list[Written] = field(default_factory=list)


def latest_revisions(ref: StoreRef, keys: list[tuple[int, str]] | None = None) -> dict[tuple[int, str], int]:
    """The latest revision of each (year, enterprise) (0 where there is none; every partition without ``keys``)."""
    latest = snapshot_of(ref).latest()
    return latest if keys is None else {k: latest.get(k, 0) for k in keys}


def _changed(lines: pd.DataFrame | pa.Table, base: Snapshot) -> list[tuple[int, str, pa.Table, str]]:
    """The partitions of ``lines`` with their logical hash, those equal to the latest revision left out.

    The lines are put in partition and canonical order once (text stays dictionary-encoded) and every
    partition is hashed from zero-copy slices, on two threads.
    """
    table = lines_table(lines)
    ordered, parts = ordered_partitions(table)
    hashes = partition_hashes(ordered, [(a, b) for _, _, a, b in parts], threads=HASH_THREADS)
    same = base.latest_hashes()
    return [
        (year, enterprise, ordered.slice(a, b - a), digest)
        for (year, enterprise, a, b), digest in zip(parts, hashes, strict=True)
        if same.get((year, enterprise)) != digest
    ]


#: Threads hashing a run's partitions (SHA-256 and decoding run outside Python's lock).
HASH_THREADS = 2


def _plain(lines: pd.DataFrame | pa.Table) -> pa.Table:
    if isinstance(lines, pd.DataFrame):
        return pa.Table.from_pandas(lines[LINE_SCHEMA.names], schema=LINE_SCHEMA, preserve_index=False)
    table = lines.select(LINE_SCHEMA.names)
    return table if table.schema.equals(LINE_SCHEMA) else table.cast(LINE_SCHEMA)


def check_reason(lines: pd.DataFrame | pa.Table, base: StoreRef, reason: str) -> None:
    """Refuse a new revision of an existing partition without a reason (unchanged partitions need none).

    Raises
    ------
    StoreError
        ``store.reason_required``, naming every partition (and its current revision) that needs one.
    """
    if reason.strip():
        return
    snap = snapshot_of(base)
    latest = snap.latest()
    missing = sorted(f"{e} {y} (revision {latest[(y, e)]})" for y, e, _, _ in _changed(lines, snap) if (y, e) in latest)
    if missing:
        raise StoreError("store.reason_required", partitions=", ".join(missing))


def dropped_warnings(lines: pd.DataFrame | pa.Table, base: Snapshot, shown: str) -> list[Any]:
    """Warnings (:mod:`ghg.core.flags`) for the sources of each superseded latest revision missing from ``lines``."""
    from ghg.core.errors import Problem
    from ghg.core.flags import dropped_sources

    latest = base.latest()
    keys = [k for k in partition_keys(lines) if k in latest]
    if not keys:
        return []
    parent = base.lines_table([base.revision(y, e, latest[(y, e)]) for y, e in keys]).to_pandas()
    child = _plain(lines).to_pandas() if isinstance(lines, pa.Table) else lines
    found = []
    for r in dropped_sources(parent, child).to_dict(orient="records"):
        params = {
            "revision": latest[(int(r["year"]), str(r["enterprise"]))],
            "co2e": f"{float(r['co2e_t']):,.1f}",
            "enterprise": r["enterprise"],
            "year": int(r["year"]),
            "facility": r["facility"],
            "category": r["source_category"],
        }
        found.append(Problem(shown, None, "activity", str(r["activity"]), "dropped_source", params=params))
    return found


def check_submitter(submitted_by: str, lines: pd.DataFrame | pa.Table, base: Snapshot) -> None:
    """Refuse a submitter who names an enterprise other than the ones whose records are submitted.

    ``--submitted-by`` is free text ("DUCGIANG-LC environment officer"); an enterprise code in it that the
    store or the records know is a claim of who submits, checked against the records' enterprises.

    Raises
    ------
    StoreError
        ``store.submitter_other``, naming the enterprise named and the enterprises of the records.
    """
    if submitted_by.strip():
        check_submitter_of(submitted_by, {e for _, e in partition_keys(lines)}, base)


def check_submitter_of(submitted_by: str, mine: set[str], base: Snapshot) -> None:
    """:func:`check_submitter` for records of the enterprises ``mine``."""
    if not submitted_by.strip():
        return
    known = mine | {e for _, e in base.revisions}
    named = {token for token in re.split(r"[\s,;:()/]+", submitted_by) if token in known}
    others = sorted(named - mine)
    if others:
        raise StoreError("store.submitter_other", named=", ".join(others), records=", ".join(sorted(mine)))


def stage(
    store_dir: Path,
    lines: pd.DataFrame | pa.Table,
    production: pd.DataFrame | None,
    reason: str,
    base: Snapshot,
    token: str,
    own_inputs: list[dict[str, object]] | None = None,
) -> Staged:
    """Write the changed partitions of ``lines`` as the next revision of each, in one new data file.

    Nothing is visible to readers until :func:`publish` commits it; :func:`discard` removes it. With
    ``own_inputs`` (a dataset's files), each revision records the inputs (by ``sha256``) its lines come from.

    Raises
    ------
    StoreError
        A missing reason (``store.reason_required``), or a file that cannot be written (nothing is left).
    """
    table = lines_table(lines)
    ordered, parts = ordered_partitions(table)
    del table
    latest, before = base.latest(), base.latest_hashes()
    name = f"part-{token}-{uuid.uuid4().hex[:12]}.parquet"
    path = store_dir / LINES / name
    bounds = [(a, b) for _, _, a, b in parts]
    writing: Future[tuple[str, int, str]] | None = None
    pool = ThreadPoolExecutor(1)
    try:
        if parts and not any((y, e) in latest for y, e, _, _ in parts):
            # no partition has a revision yet: every one is written, while the main thread hashes them
            writing = pool.submit(_write_lines, store_dir, path, ordered, [1] * len(parts), bounds)
            hashes = partition_hashes(ordered, bounds)
        else:
            hashes = partition_hashes(ordered, bounds, threads=HASH_THREADS)
        changed = [
            (year, enterprise, a, b, digest)
            for (year, enterprise, a, b), digest in zip(parts, hashes, strict=True)
            if before.get((year, enterprise)) != digest
        ]
        if not reason.strip():
            missing = sorted(f"{e} {y} (revision {latest[(y, e)]})" for y, e, *_ in changed if (y, e) in latest)
            if missing:
                raise StoreError("store.reason_required", partitions=", ".join(missing))
        staged = Staged(name, "", 0, "")
        keys = {(y, e) for y, e, *_ in changed}
        for (year, enterprise, _, _), digest in zip(parts, hashes, strict=True):
            if (year, enterprise) not in keys:
                rev = base.revision(year, enterprise, latest[(year, enterprise)])
                staged.written.append(Written(year, enterprise, rev.revision, Path(LINES) / rev.file, digest, True))
        if not changed:
            return staged
        made = production_by_partition(production)
        start = 0
        for year, enterprise, a, b, digest in changed:
            parent = latest.get((year, enterprise), 0)
            part = ordered.slice(a, b - a)
            entry = revision_entry(year, enterprise, parent, digest, name, start, part, made, own_inputs)
            staged.revisions.append(entry)
            staged.written.append(Written(year, enterprise, parent + 1, Path(LINES) / name, digest, False))
            start += b - a
        if writing is None:
            revisions = [int(r["revision"]) for r in staged.revisions]
            writing = pool.submit(
                _write_lines, store_dir, path, ordered, revisions, [(a, b) for *_, a, b, _ in changed]
            )
        staged.sha256, staged.size, staged.stats = writing.result()
        return staged
    except OSError as exc:
        _settle(writing, path)
        if isinstance(exc, StoreError):  # a reason missing: said as it is, not as a failed write
            raise
        raise StoreError("store.write_failed", path=str(store_dir), detail=str(exc)[:300], published=0) from None
    except BaseException:
        _settle(writing, path)
        raise
    finally:
        pool.shutdown(wait=True)


def revision_entry(
    year: int,
    enterprise: str,
    parent: int,
    digest: str,
    file: str,
    start: int,
    lines: pa.Table,
    production: dict[tuple[int, str], list[dict[str, Any]]],
    own_inputs: list[dict[str, object]] | None,
) -> dict[str, Any]:
    """A revision as the run's manifest records it: its partition, parent, logical hash, rows in ``file`` from
    ``start``, production, and (a dataset's run) the inputs its ``lines`` come from, by SHA-256."""
    entry: dict[str, Any] = {
        "year": year,
        "enterprise": enterprise,
        "revision": parent + 1,
        "parent": parent,
        "content_hash": digest,
        "content_hash_method": HASH_METHOD,
        "file": file,
        "start": start,
        "rows": lines.num_rows,
        "production": production.get((year, enterprise), []),
    }
    if own_inputs is not None:
        used = set(pc.unique(pc.cast(lines.column("input_sha256"), pa.string())).to_pylist())
        entry["inputs"] = [{k: v for k, v in i.items() if k != "path"} for i in own_inputs if i.get("sha256") in used]
    return entry


def _write_lines(
    store_dir: Path, path: Path, ordered: pa.Table, revisions: list[int], bounds: list[tuple[int, int]]
) -> tuple[str, int, str]:
    """Write the rows ``bounds`` of ``ordered`` with their ``revisions`` as one data file: SHA-256, size, stats."""
    lengths = np.array([b - a for a, b in bounds], dtype=np.int64)
    revision = pa.array(np.repeat(np.asarray(revisions, dtype=np.int32), lengths))
    whole = (
        len(bounds)
        and bounds[0][0] == 0
        and bounds[-1][1] == ordered.num_rows
        and int(lengths.sum()) == ordered.num_rows
    )
    rows = ordered if whole else pa.concat_tables([ordered.slice(a, b - a) for a, b in bounds])
    table = rows.append_column(pa.field("revision", pa.int32(), nullable=False), revision)
    (store_dir / LINES).mkdir(parents=True, exist_ok=True)
    write_parquet(table, path)
    sha, size = sha256_and_size(path)
    return sha, size, delta.stats(table, STATS_COLUMNS)


def _settle(writing: Future[tuple[str, int, str]] | None, path: Path) -> None:
    """After a failure: wait for the file being written, then remove it."""
    if writing is not None:
        with contextlib.suppress(BaseException):
            writing.result()
    remove_file(path)


def production_by_partition(production: pd.DataFrame | None) -> dict[tuple[int, str], list[dict[str, Any]]]:
    """Production records by (year, enterprise), as each revision records them."""
    out: dict[tuple[int, str], list[dict[str, Any]]] = {}
    if production is None or not len(production):
        return out
    for year, enterprise, facility, product, output in zip(
        production["year"],
        production["enterprise"],
        production["facility"],
        production["product"],
        production["output_t"],
        strict=True,
    ):
        out.setdefault((int(year), str(enterprise)), []).append(
            {"facility": str(facility), "product": str(product), "output_t": float(output)}
        )
    return out


def parquet_options(schema: pa.Schema) -> dict[str, Any]:
    """How the store writes a data file: zstd, a checksum on every page, statistics only for the Delta
    columns (:data:`STATS_COLUMNS`), and dictionary encoding for text only (numbers are nearly all distinct:
    trying a dictionary on them cost a quarter of the writing and made the file larger)."""
    text = [f.name for f in schema if pa.types.is_dictionary(f.type) or pa.types.is_string(f.type)]
    return {
        "compression": "zstd",
        "write_page_checksum": True,
        "write_statistics": [c for c in STATS_COLUMNS if c in schema.names],
        "use_dictionary": text,
    }


def write_parquet(table: pa.Table, path: Path) -> None:
    with path.open("xb") as f:
        pq.write_table(table, f, row_group_size=1 << 20, **parquet_options(table.schema))
        f.flush()
        os.fsync(f.fileno())


def sha256_and_size(path: Path) -> tuple[str, int]:
    return sha256_file(path), path.stat().st_size


def remove_file(path: Path) -> None:
    """Remove a file this writer made, if it can (on a read-only file system there is none to remove)."""
    with contextlib.suppress(OSError):
        path.unlink(missing_ok=True)


def discard(store_dir: Path, staged: list[Staged]) -> None:
    """Remove the data files of runs staged and not committed."""
    for s in staged:
        if s.revisions:
            remove_file(store_dir / LINES / s.file)


def discard_run(store_dir: Path, token: str, keep: set[str] | None = None) -> list[Path]:
    """Remove the data files whose name carries the run's ``token`` (written by any process), but ``keep``."""
    removed = []
    for path in (store_dir / LINES).glob(f"part-{token}-*.parquet"):
        if keep and path.name in keep:
            continue
        remove_file(path)
        removed.append(path)
    return removed


def publish(
    store_dir: Path,
    staged: list[Staged],
    metadata: dict[str, object],
    base: Snapshot,
) -> list[Written]:
    """Commit staged data files as one run: every revision becomes visible at once, with the manifest.

    The commit is made on top of ``base``; if other writers committed since, their runs are looked at:
    one that made a revision of the same (year, enterprise) is a conflict (nothing of this run is
    committed, its files are removed); otherwise this run is committed on top of theirs.

    Raises
    ------
    StoreError
        ``store.conflict``, or ``store.write_failed`` when the commit cannot be written.
    """
    written = [w for s in staged for w in s.written]
    files = [s for s in staged if s.revisions]
    if not files:
        return written
    revisions = [r for s in files for r in s.revisions]
    mine = {(int(r["year"]), str(r["enterprise"])): int(r["parent"]) for r in revisions}
    body = {
        **metadata,
        "format": "ghg-run-1",
        "files": {s.file: {"sha256": s.sha256, "size": s.size} for s in files},
        "revisions": revisions,
    }
    try:
        table = store_dir / LINES
        snap = base
        if snap.version < 0:  # the first run: create the table, then commit on top of whatever is there
            delta.create(table, STORED_SCHEMA, {"ghg.store": "ghg result store 2"})
            snap = open_snapshot(store_dir)
        for _ in range(COMMIT_ATTEMPTS):
            _check_parents(snap, mine)
            text = jsonout.dumps(body, sort_keys=True)
            meta = {
                RUN_KEY: text,
                RUN_SHA_KEY: sha256_bytes(text.encode("utf-8")),
                **chain_links(snap),
            }
            try:
                dt = delta.open_table(table, snap.version)
                delta.commit(dt, STORED_SCHEMA, [(s.file, s.size, s.stats) for s in files], meta)
                return written
            except delta.CommitLost:
                snap = open_snapshot(store_dir)
        raise StoreError("store.busy", path=str(store_dir))
    except OSError as exc:
        discard(store_dir, staged)
        if isinstance(exc, StoreError):
            raise
        raise StoreError("store.write_failed", path=str(store_dir), detail=str(exc)[:300], published=0) from None
    except BaseException:
        discard(store_dir, staged)
        raise


def chain_links(snap: Snapshot) -> dict[str, str]:
    """The commit before this one and the whole log before it, by SHA-256 (checked by every reader)."""
    return {PREVIOUS_KEY: snap.last_commit_sha256, CHAIN_KEY: snap.log_sha256}


def _check_parents(snap: Snapshot, mine: dict[tuple[int, str], int]) -> None:
    latest = snap.latest()
    for (year, enterprise), parent in sorted(mine.items()):
        now = latest.get((year, enterprise), 0)
        if now != parent:
            raise StoreError("store.conflict", partition=f"{enterprise} {year}", parent=parent, latest=now)


def write(
    store_dir: Path,
    lines: pd.DataFrame | pa.Table,
    metadata: dict[str, object],
    production: pd.DataFrame | None = None,
    reason: str = "",
    author: str = "",
    base: Snapshot | None = None,
    inputs: list[tuple[Path, str]] | None = None,
    submitted_by: str = "",
    release_refs: list[str] | None = None,
) -> list[Written]:
    """Publish ``lines`` as the next revision of each (year, enterprise) they cover, in one commit.

    Parameters
    ----------
    store_dir : Path
        Root folder of the store (created if missing).
    lines : DataFrame or Table
        Result lines with the columns of :data:`LINE_SCHEMA`.
    metadata : dict
        The run's manifest (JSON values): software version, releases, GWP set, inputs, creation time.
    production : DataFrame, optional
        Production records (:data:`PRODUCTION_SCHEMA`), kept with the revision of their partition.
    reason, author : str
        Why this revision exists (required when it supersedes one) and who made it.
    base : Snapshot, optional
        The store as the writer read it before computing (default: read now).
    inputs : list of (Path, sha256), optional
        Input files to keep in the store (checked against the hash they were parsed with).
    release_refs : list of str, optional
        Factor releases to keep in the store (their release hash is recorded in ``metadata``).

    Returns
    -------
    list of Written
        Each partition's revision; ``same_as_previous`` where the content was stored already (no new
        revision, no reason needed).

    Raises
    ------
    StoreError
        A missing reason, a conflict with another writer, or a file that cannot be written; nothing of
        the run is visible.
    """
    snap = base if base is not None else open_snapshot(store_dir)
    check_submitter(submitted_by, lines, snap)

    def staging(token: str) -> Staged:
        return stage(store_dir, lines, production, reason, snap, token)

    return write_staged(store_dir, staging, lambda: metadata, reason, author, snap, inputs, submitted_by, release_refs)


def write_staged(
    store_dir: Path,
    staging: Callable[[str], Staged],
    metadata: Callable[[], dict[str, object]],
    reason: str,
    author: str,
    snap: Snapshot,
    inputs: list[tuple[Path, str]] | None,
    submitted_by: str,
    release_refs: list[str] | None,
) -> list[Written]:
    """Stage a run's data file (``staging(token)``), keep its inputs and releases, and publish it - or nothing.

    ``metadata`` is asked for once the lines are staged (a streamed run learns its warnings while staging).
    """
    token = uuid.uuid4().hex[:16]
    made = kept.Kept()
    staged: list[Staged] = []
    try:
        staged = [staging(token)]
        if not any(s.revisions for s in staged):
            return [w for s in staged for w in s.written]
        receipts = [kept.keep_input(store_dir, path, submitted_by, sha, made) for path, sha in (inputs or [])]
        for ref in release_refs or []:
            kept.keep_release(store_dir, ref, made)
        body = {**without_paths(metadata()), "reason": reason, "author": author}
        if inputs:
            body["receipts"] = [{**r, "receipt_sha256": kept.receipt_hash(r)} for r in receipts]
        return publish(store_dir, staged, body, snap)
    except BaseException:
        discard(store_dir, staged)
        made.undo()
        raise


def without_paths(metadata: dict[str, object]) -> dict[str, object]:
    """The run's metadata without local paths of inputs and releases (a store moves between machines)."""
    out = dict(metadata)
    for key in ("inputs", "releases"):
        items = out.get(key)
        if isinstance(items, list):
            out[key] = [{k: v for k, v in i.items() if k != "path"} if isinstance(i, dict) else i for i in items]
    return out
