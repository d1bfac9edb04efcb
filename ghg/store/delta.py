"""Delta Lake primitives of the result store, through ``deltalake`` (delta-rs): no JVM, no server.

This module owns everything the store asks of the table format and nothing of what revisions mean:
creating the lines table, opening it at a version or a time, the data files of a snapshot, the raw
commit files of its log, one commit with its own metadata and *no* automatic retry (the caller decides
whether a concurrent commit conflicts with it), and the removal of files no commit references.

Delta's log is append-only: commit ``N`` is the file ``_delta_log/<N>.json``, created only if absent, so
two writers can never both take version ``N``. A snapshot is the set of data files the log adds up to a
version; files written by a writer that died before committing are in no snapshot. Every table is created
with the expired-log clean-up switched off (commits are the store's history and are kept for ever) and
without checkpoints (a reader replays the log's JSON files).

References
----------
Delta Lake transaction protocol, https://github.com/delta-io/delta/blob/master/PROTOCOL.md
"""

from __future__ import annotations

import json
import os
from datetime import datetime
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc

from ghg.core.errors import StoreError

#: Table properties: the log is the store's history and is never cleaned up by age.
TABLE_CONFIG = {
    "delta.enableExpiredLogCleanup": "false",
    "delta.logRetentionDuration": "interval 36500 days",
}
LOG = "_delta_log"


class CommitLost(Exception):
    """Another writer committed the version this commit wanted (the caller looks at it and retries or refuses)."""


def _hooks() -> Any:
    from deltalake import PostCommitHookProperties

    return PostCommitHookProperties(create_checkpoint=False, cleanup_expired_logs=False)


def exists(table: Path) -> bool:
    """Whether ``table`` holds a Delta log with at least one commit."""
    return (table / LOG / f"{0:020d}.json").is_file()


def create(table: Path, schema: pa.Schema, metadata: dict[str, str]) -> None:
    """Create an empty table (version 0) unless one exists; two creators at once are both fine."""
    from deltalake import CommitProperties, DeltaTable

    if exists(table):
        return
    table.mkdir(parents=True, exist_ok=True)
    try:
        DeltaTable.create(
            str(table),
            schema,
            mode="error",
            configuration=TABLE_CONFIG,
            commit_properties=CommitProperties(custom_metadata=metadata),
            post_commithook_properties=_hooks(),
        )
    except Exception as exc:
        if not exists(table):  # not a lost race: the folder cannot be written
            raise _failed(table, exc) from None
    sync_log(table, 0)


def open_table(table: Path, as_of: int | datetime | None = None) -> Any:
    """The ``DeltaTable`` at ``as_of`` (a version, a time, or the latest)."""
    from deltalake import DeltaTable

    dt = DeltaTable(str(table), version=as_of if isinstance(as_of, int) else None)
    if isinstance(as_of, datetime):
        dt.load_as_version(as_of)
    return dt


def data_files(dt: Any) -> dict[str, int]:
    """The data files of the snapshot (paths relative to the table) and their sizes in bytes."""
    actions = pa.table(dt.get_add_actions(flatten=True))
    return dict(zip(actions.column("path").to_pylist(), actions.column("size_bytes").to_pylist(), strict=True))


def commit_path(table: Path, version: int) -> Path:
    """The log file of commit ``version``."""
    return table / LOG / f"{version:020d}.json"


def read_commit(table: Path, version: int) -> tuple[bytes, dict[str, Any]]:
    """The raw bytes of commit ``version`` and its ``commitInfo``.

    Raises
    ------
    StoreError
        ``store.corrupt`` naming the log file when it cannot be read or is not the log's JSON lines.
    """
    path = commit_path(table, version)
    try:
        raw = path.read_bytes()
        info: dict[str, Any] = {}
        for line in raw.decode("utf-8").splitlines():
            if line.strip():
                action = json.loads(line)
                if "commitInfo" in action:
                    info = dict(action["commitInfo"])
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise StoreError("store.corrupt", path=_shown(path), detail=str(exc)[:200]) from None
    return raw, info


def _shown(path: Path) -> str:
    """A log file named from the store's root (``lines/_delta_log/...``)."""
    return "/".join(path.parts[-3:])


def stats(table: pa.Table, columns: tuple[str, ...], rows: int | None = None) -> str:
    """The Delta ``stats`` JSON of a data file: rows, and minimum, maximum and nulls of ``columns``.

    ``table`` may hold only the distinct values of ``columns`` (one row per partition) when ``rows`` gives
    the file's rows."""
    low, high, nulls = {}, {}, {}
    for name in columns:
        column = table.column(name)
        if pa.types.is_dictionary(column.type):
            column = pc.cast(column, column.type.value_type)
        bounds = pc.min_max(column).as_py()
        low[name], high[name] = bounds["min"], bounds["max"]
        nulls[name] = column.null_count
    return json.dumps(
        {
            "numRecords": table.num_rows if rows is None else rows,
            "minValues": low,
            "maxValues": high,
            "nullCount": nulls,
        }
    )


def commit(dt: Any, schema: pa.Schema, adds: list[tuple[str, int, str]], metadata: dict[str, str]) -> int:
    """Commit the data files ``adds`` (relative path, size, stats JSON) with ``metadata`` as the next version.

    The commit is made on top of the version ``dt`` was read at, or not at all: Delta's log entry is
    created only if absent, and no automatic retry is allowed.

    Returns
    -------
    int
        The version committed.

    Raises
    ------
    CommitLost
        Another writer committed that version first; nothing of this commit is visible.
    """
    from deltalake import CommitProperties
    from deltalake.exceptions import CommitFailedError
    from deltalake.transaction import AddAction

    now = int(datetime.now().timestamp() * 1000)
    actions = [AddAction(path, size, {}, now, True, stat) for path, size, stat in adds]
    try:
        dt.create_write_transaction(
            actions,
            "append",
            schema,
            commit_properties=CommitProperties(custom_metadata=metadata, max_commit_retries=0),
            post_commithook_properties=_hooks(),
        )
    except CommitFailedError as exc:
        raise CommitLost(str(exc)) from None
    except Exception as exc:  # delta-rs: an I/O error writing the log entry (full disk, read-only folder)
        raise _failed(Path(str(dt.table_uri).removeprefix("file://")), exc) from None
    version = int(dt.version())
    sync_log(Path(str(dt.table_uri).removeprefix("file://")), version)
    return version


def _failed(table: Path, exc: Exception) -> StoreError:
    return StoreError("store.write_failed", path=str(table.parent), detail=str(exc)[:300], published=0)


def sync_log(table: Path, version: int) -> None:
    """Make commit ``version`` durable: fsync its log file and the log folder."""
    path = commit_path(table, version)
    try:
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
        fd = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
    except OSError:  # pragma: no cover - a file system without fsync on folders
        pass


def latest_version(table: Path) -> int:
    """The newest committed version (read from the log folder, without loading the table)."""
    versions = [int(p.stem) for p in (table / LOG).glob("*.json") if p.stem.isdigit()]
    if not versions:
        raise StoreError("store.not_store", path=str(table.parent))
    return max(versions)


def vacuum(table: Path, older_than_hours: int) -> list[str]:
    """Remove the table's files that no commit references and older than ``older_than_hours``.

    The store never removes a data file from a snapshot (it is append-only), so every file of every
    version is referenced by the latest one: what goes is only what a writer left without committing.
    """
    if not exists(table):
        return []
    dt = open_table(table)
    removed = dt.vacuum(
        retention_hours=older_than_hours,
        dry_run=False,
        enforce_retention_duration=False,
        full=True,
        post_commithook_properties=_hooks(),
    )
    return [str(p) for p in removed]
