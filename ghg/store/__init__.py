"""The result store: revisions of every (year, enterprise) in one Delta table, one commit per run.

Modules: :mod:`~ghg.store.delta` (Delta Lake primitives), :mod:`~ghg.store.snapshot` (one consistent state,
checked), :mod:`~ghg.store.table` (staging and publishing a run), :mod:`~ghg.store.revisions` (statuses,
history, reading lines), :mod:`~ghg.store.kept` (inputs and releases kept as received),
:mod:`~ghg.store.audit` (replay, impact, signed statements), :mod:`~ghg.store.migrate` (older layouts).

This package's face re-exports what readers and writers of the store call.
"""

from ghg.core.linehash import (
    CANONICAL_ORDER,
    HASH_METHOD,
    LEGACY_HASH_METHOD,
    LINE_SCHEMA,
    PRODUCTION_SCHEMA,
    STORED_SCHEMA,
    content_hash,
    hash_method_of,
    partition_keys,
    split_partitions,
)
from ghg.store.revisions import (
    history,
    read_lines,
    read_production,
    read_revision,
    set_status,
    statuses,
    vacuum,
)
from ghg.store.snapshot import LINES, STATUSES, Snapshot, StoreRef, open_snapshot, parse_as_of, snapshot_of
from ghg.store.streamed import stage_groups, write_groups
from ghg.store.table import (
    STATS_COLUMNS,
    Staged,
    Written,
    check_reason,
    check_submitter,
    check_submitter_of,
    discard,
    discard_run,
    dropped_warnings,
    latest_revisions,
    publish,
    stage,
    without_paths,
    write,
)

__all__ = [
    "CANONICAL_ORDER",
    "HASH_METHOD",
    "LEGACY_HASH_METHOD",
    "LINES",
    "LINE_SCHEMA",
    "PRODUCTION_SCHEMA",
    "STATS_COLUMNS",
    "STATUSES",
    "STORED_SCHEMA",
    "Snapshot",
    "Staged",
    "StoreRef",
    "Written",
    "check_reason",
    "check_submitter",
    "check_submitter_of",
    "content_hash",
    "discard",
    "discard_run",
    "dropped_warnings",
    "hash_method_of",
    "history",
    "latest_revisions",
    "open_snapshot",
    "parse_as_of",
    "partition_keys",
    "publish",
    "read_lines",
    "read_production",
    "read_revision",
    "set_status",
    "snapshot_of",
    "split_partitions",
    "stage",
    "stage_groups",
    "statuses",
    "vacuum",
    "without_paths",
    "write",
    "write_groups",
]
