"""Publishing a streamed run: result lines arriving a group of whole partitions at a time
(:meth:`ghg.core.spill.Spill.groups`), hashed and written as they come into the run's one data file.

Each group's partitions are hashed (``ghg-arrow-1``, the same logical hash as :func:`ghg.store.table.stage`)
on two threads while the previous group is written; a partition equal to its latest revision is left
out, one that supersedes a revision needs a reason. The data file grows a row group per group and is made
durable once, when the last group is written (``fsync``); nothing is visible to readers until the run is
published (:func:`ghg.store.table.publish`), and a failure removes the file.
"""

from __future__ import annotations

import contextlib
import os
import uuid
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import IO, Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from ghg.core.errors import StoreError
from ghg.core.linehash import LINE_SCHEMA, partition_hashes
from ghg.store import delta
from ghg.store.snapshot import LINES, Snapshot, open_snapshot
from ghg.store.table import (
    HASH_THREADS,
    STATS_COLUMNS,
    Staged,
    Written,
    check_submitter_of,
    parquet_options,
    production_by_partition,
    remove_file,
    revision_entry,
    sha256_and_size,
    write_staged,
)

#: A group of lines and its partitions ``(year, enterprise, start, end)`` (see :meth:`Spill.groups`).
Group = tuple[pa.Table, list[tuple[int, str, int, int]]]


def stage_groups(
    store_dir: Path,
    groups: Iterable[Group],
    production: pd.DataFrame | None,
    reason: str,
    base: Snapshot,
    token: str,
    on_group: Callable[[pa.Table], None] | None = None,
    own_inputs: list[dict[str, object]] | None = None,
) -> Staged:
    """Write the changed partitions of ``groups`` as the next revision of each, in one new data file.

    ``on_group`` sees every group's lines (totals, warnings) before they are written. Nothing is visible to
    readers until :func:`ghg.store.table.publish` commits the file. With ``own_inputs`` (a dataset's files),
    each revision records the inputs (by ``sha256``) its lines come from.

    Raises
    ------
    StoreError
        A missing reason (``store.reason_required``, every partition that needs one), or a file that cannot
        be written (nothing is left).
    """
    latest, before = base.latest(), base.latest_hashes()
    name = f"part-{token}-{uuid.uuid4().hex[:12]}.parquet"
    path = store_dir / LINES / name
    staged = Staged(name, "", 0, "")
    made = production_by_partition(production)
    missing: list[str] = []
    pool = ThreadPoolExecutor(1)
    pending: Future[None] | None = None
    handle: IO[bytes] | None = None
    writer: pq.ParquetWriter | None = None
    start = 0
    try:
        for table, bounds in groups:
            if on_group is not None:
                on_group(table)
            hashes = partition_hashes(table, [(a, b) for *_, a, b in bounds], threads=HASH_THREADS)
            rows: list[tuple[int, int]] = []
            revisions: list[int] = []
            for (year, enterprise, a, b), digest in zip(bounds, hashes, strict=True):
                if before.get((year, enterprise)) == digest:
                    rev = base.revision(year, enterprise, latest[(year, enterprise)])
                    staged.written.append(Written(year, enterprise, rev.revision, Path(LINES) / rev.file, digest, True))
                    continue
                parent = latest.get((year, enterprise), 0)
                if parent and not reason.strip():
                    missing.append(f"{enterprise} {year} (revision {parent})")
                    continue
                part = table.slice(a, b - a)
                staged.revisions.append(
                    revision_entry(year, enterprise, parent, digest, name, start, part, made, own_inputs)
                )
                staged.written.append(Written(year, enterprise, parent + 1, Path(LINES) / name, digest, False))
                rows.append((a, b))
                revisions.append(parent + 1)
                start += b - a
            if missing or not rows:
                continue  # a reason is missing: nothing will be written, every partition that needs one is named
            part = _with_revisions(table, rows, revisions)
            if pending is not None:
                pending.result()
            if writer is None:
                (store_dir / LINES).mkdir(parents=True, exist_ok=True)
                handle, writer = open_data_file(path, part.schema)
            elif not part.schema.equals(writer.schema):
                part = part.cast(writer.schema)
            pending = pool.submit(write_group, writer, part)
        if pending is not None:
            pending.result()
        if missing:
            raise StoreError("store.reason_required", partitions=", ".join(sorted(missing)))
        if writer is None or handle is None:
            return staged
        writer.close()
        handle.flush()
        os.fsync(handle.fileno())  # durable once, for the whole run
        handle.close()
        staged.sha256, staged.size = sha256_and_size(path)
        staged.stats = _stats(staged.revisions, start)
        return staged
    except OSError as exc:
        _abandon(pending, writer, handle, path)
        if isinstance(exc, StoreError):  # a reason missing: said as it is, not as a failed write
            raise
        raise StoreError("store.write_failed", path=str(store_dir), detail=str(exc)[:300], published=0) from None
    except BaseException:
        _abandon(pending, writer, handle, path)
        raise
    finally:
        pool.shutdown(wait=True)


def open_data_file(path: Path, schema: pa.Schema) -> tuple[IO[bytes], pq.ParquetWriter]:
    """Create the run's data file (it must not exist) and its Parquet writer (as every data file of the store:
    :func:`ghg.store.table.parquet_options`)."""
    handle = path.open("xb")
    try:
        writer = pq.ParquetWriter(handle, schema, **parquet_options(schema))
    except BaseException:
        handle.close()
        raise
    return handle, writer


def write_group(writer: pq.ParquetWriter, table: pa.Table) -> None:
    """Append one group's lines to the data file (a row group, or several past :data:`ROW_GROUP_ROWS`)."""
    writer.write_table(table, row_group_size=ROW_GROUP_ROWS)


#: Most lines in one row group of a data file.
ROW_GROUP_ROWS = 1 << 20


def _with_revisions(table: pa.Table, rows: list[tuple[int, int]], revisions: list[int]) -> pa.Table:
    """The rows ``rows`` of ``table`` (whole partitions) with their ``revision`` column."""
    lengths = np.array([b - a for a, b in rows], dtype=np.int64)
    chosen = (
        table if int(lengths.sum()) == table.num_rows else pa.concat_tables([table.slice(a, b - a) for a, b in rows])
    )
    chosen = chosen.select(LINE_SCHEMA.names)
    revision = pa.array(np.repeat(np.asarray(revisions, dtype=np.int32), lengths))
    return chosen.append_column(pa.field("revision", pa.int32(), nullable=False), revision)


def _stats(revisions: list[dict[str, Any]], rows: int) -> str:
    """The Delta statistics of the data file, from its partitions (one row each) and its number of rows."""
    table = pa.table(
        {
            "year": pa.array([int(r["year"]) for r in revisions], pa.int32()),
            "enterprise": pa.array([str(r["enterprise"]) for r in revisions], pa.string()),
            "revision": pa.array([int(r["revision"]) for r in revisions], pa.int32()),
        }
    )
    return delta.stats(table, STATS_COLUMNS, rows=rows)


def _abandon(
    pending: Future[None] | None, writer: pq.ParquetWriter | None, handle: IO[bytes] | None, path: Path
) -> None:
    """After a failure: let the write in progress end, close the file and remove it."""
    if pending is not None:
        with contextlib.suppress(BaseException):
            pending.result()
    for close in (writer.close if writer else None, handle.close if handle else None):
        if close is not None:
            with contextlib.suppress(BaseException):
                close()
    remove_file(path)


def write_groups(
    store_dir: Path,
    groups: Iterable[Group],
    enterprises: set[str],
    metadata: Callable[[], dict[str, object]],
    production: pd.DataFrame | None = None,
    reason: str = "",
    author: str = "",
    base: Snapshot | None = None,
    inputs: list[tuple[Path, str]] | None = None,
    submitted_by: str = "",
    release_refs: list[str] | None = None,
    on_group: Callable[[pa.Table], None] | None = None,
) -> list[Written]:
    """Publish streamed lines as the next revision of each (year, enterprise) they cover, in one commit.

    As :func:`ghg.store.table.write`, for lines that arrive by groups of whole partitions; ``enterprises``
    are those of the records (checked against ``submitted_by``) and ``metadata`` is asked for once every
    group is staged. It raises what :func:`ghg.store.table.write` raises, and publishes all or nothing.
    """
    snap = base if base is not None else open_snapshot(store_dir)
    check_submitter_of(submitted_by, enterprises, snap)

    def staging(token: str) -> Staged:
        return stage_groups(store_dir, groups, production, reason, snap, token, on_group)

    return write_staged(store_dir, staging, metadata, reason, author, snap, inputs, submitted_by, release_refs)
