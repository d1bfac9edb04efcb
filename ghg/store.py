"""The result store: a Parquet dataset partitioned by year and enterprise, append-only.

Layout::

    STORE/lines/year=2023/enterprise=E1/revision=1/part-0.parquet   (+ production.parquet, checksums.json)
    STORE/lines/year=2023/enterprise=E1/status/<rev>.<n>-<status>.json
    STORE/runs/<created>-<hash>.json          (what one run wrote, with its inputs and releases)

Every file has the pinned :data:`LINE_SCHEMA` and key-value metadata (software
version, releases and their hashes, GWP set, input hashes, creation time, revision,
parent, reason, author, logical hash). A revision is staged under a temporary name and
published by one rename into place: readers see a whole revision or none, and an existing
revision is never overwritten (a rerun becomes revision N+1, with a reason).
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from ghg import fsutil
from ghg.errors import StoreError
from ghg.hashing import sha256_bytes, sha256_file

LINE_SCHEMA = pa.schema(
    [
        pa.field("enterprise", pa.string(), nullable=False),
        pa.field("facility", pa.string(), nullable=False),
        pa.field("year", pa.int32(), nullable=False),
        pa.field("period", pa.string(), nullable=False),
        pa.field("scope", pa.string(), nullable=False),
        pa.field("source_category", pa.string(), nullable=False),
        pa.field("ipcc_category", pa.string(), nullable=False),
        pa.field("activity", pa.string(), nullable=False),
        pa.field("technology", pa.string(), nullable=False),
        pa.field("gas", pa.string(), nullable=False),
        pa.field("mass_t", pa.float64(), nullable=False),
        pa.field("gwp_set", pa.string(), nullable=False),
        pa.field("gwp", pa.float64(), nullable=False),
        pa.field("co2e_t", pa.float64(), nullable=False),
        pa.field("energy_tj", pa.float64()),
        pa.field("energy_toe", pa.float64()),
        pa.field("toe_method", pa.string(), nullable=False),
        pa.field("quantity", pa.float64(), nullable=False),
        pa.field("unit", pa.string(), nullable=False),
        pa.field("method", pa.string(), nullable=False),
        pa.field("emission_factor_t_per_tj", pa.float64()),
        pa.field("tier", pa.string(), nullable=False),
        pa.field("measured", pa.string(), nullable=False),
        pa.field("factor_id", pa.string(), nullable=False),
        pa.field("factor_release", pa.string(), nullable=False),
        pa.field("input_file", pa.string(), nullable=False),
        pa.field("input_sha256", pa.string(), nullable=False),
        pa.field("input_row", pa.int64(), nullable=False),
        pa.field("supplier", pa.string(), nullable=False),
        pa.field("evidence", pa.string(), nullable=False),
        pa.field("note", pa.string(), nullable=False),
    ]
)


@dataclass(frozen=True)
class Written:
    """One published partition revision."""

    year: int
    enterprise: str
    revision: int
    path: Path
    content_hash: str
    same_as_previous: bool


#: Rows of the canonical form are ordered by these columns (unique per line).
CANONICAL_ORDER = ["input_sha256", "input_row", "scope", "gas", "method"]
#: The logical hash's definition, recorded on every file as ``ghg.content_hash_method``.
HASH_METHOD = "ghg-arrow-1"
#: The first definition (CSV text of the canonical form); files without a recorded method use it.
LEGACY_HASH_METHOD = "ghg-csv-1"
_NAN = np.float64("nan")


def content_hash(lines: pd.DataFrame | pa.Table, method: str = HASH_METHOD) -> str:
    """The logical hash of result lines: SHA-256 of their canonical form.

    It depends on the values only - not on the Parquet writer, compression, metadata, row order, chunking
    or whether text is dictionary-encoded. Canonical form (``ghg-arrow-1``): the columns of
    :data:`LINE_SCHEMA` in order, rows sorted by :data:`CANONICAL_ORDER` (text by its UTF-8 bytes); for each
    column its name and a NUL, then its values - integers as little-endian int64, floats as little-endian
    IEEE 754 binary64 (exact; a missing value is the quiet NaN ``0x7ff8000000000000``), text as every
    value's UTF-8 length (little-endian int32) followed by all the values' bytes. ``ghg-csv-1``, the
    earlier definition (still read for files that record it), hashed the CSV text of the same rows.
    """
    if method == LEGACY_HASH_METHOD:
        frame = lines.to_pandas() if isinstance(lines, pa.Table) else lines
        frame = frame[LINE_SCHEMA.names].sort_values(CANONICAL_ORDER, kind="stable")
        csv = frame.to_csv(index=False, lineterminator="\n", float_format=None)
        return sha256_bytes(csv.encode("utf-8"))
    if method != HASH_METHOD:
        raise StoreError("store.hash_method", method=method)
    table = _plain(lines)
    keys = pa.table({k: table.column(k) for k in CANONICAL_ORDER})
    order = pc.sort_indices(keys, sort_keys=[(k, "ascending") for k in CANONICAL_ORDER])
    digest = hashlib.sha256(HASH_METHOD.encode() + b"\n")
    for field in LINE_SCHEMA:
        column = table.column(field.name).take(order).combine_chunks()
        digest.update(field.name.encode() + b"\0")
        if pa.types.is_floating(field.type):
            values = column.to_numpy(zero_copy_only=False).astype("<f8")
            digest.update(np.where(np.isnan(values), _NAN, values).tobytes())
        elif pa.types.is_integer(field.type):
            digest.update(column.to_numpy(zero_copy_only=False).astype("<i8").tobytes())
        else:
            column = pc.fill_null(column, "")
            lengths = pc.binary_length(column).to_numpy(zero_copy_only=False).astype("<i4")
            digest.update(lengths.tobytes())
            if len(column):
                offsets = np.frombuffer(column.buffers()[1], dtype=np.int32)[column.offset : column.offset + 2]
                start = int(offsets[0])
                digest.update(memoryview(column.buffers()[2])[start : start + int(lengths.sum(dtype=np.int64))])
    return digest.hexdigest()


def _plain(lines: pd.DataFrame | pa.Table) -> pa.Table:
    """``lines`` as an Arrow table with the types of :data:`LINE_SCHEMA` (text decoded from dictionaries)."""
    if isinstance(lines, pd.DataFrame):
        return pa.Table.from_pandas(lines[LINE_SCHEMA.names], schema=LINE_SCHEMA, preserve_index=False)
    table = lines.select(LINE_SCHEMA.names)
    return table if table.schema.equals(LINE_SCHEMA) else table.cast(LINE_SCHEMA)


def hash_method_of(meta: dict[str, object]) -> str:
    """The logical hash definition a stored file's metadata records."""
    return str(meta.get("content_hash_method") or LEGACY_HASH_METHOD)


def file_hash(path: Path) -> str:
    """The logical hash of a stored lines file, by the definition the file records."""
    return content_hash(pq.read_table(path), hash_method_of(read_metadata(path)))


def _revisions(partition: Path) -> list[int]:
    if not partition.is_dir():
        return []
    out = []
    for p in partition.iterdir():
        if p.is_dir() and p.name.startswith("revision="):
            try:
                out.append(int(p.name.split("=", 1)[1]))
            except ValueError:
                continue
    return sorted(out)


def _partitions(store: Path) -> list[tuple[int, str, Path]]:
    """Every (year, enterprise) partition folder of the store, sorted."""
    return [
        (int(p.parent.name.split("=", 1)[1]), p.name.split("=", 1)[1], p)
        for p in sorted((store / "lines").glob("year=*/enterprise=*"))
    ]


def _partition(store: Path, year: int, enterprise: str) -> Path:
    return store / "lines" / f"year={year}" / f"enterprise={enterprise}"


def _previous_hash(partition: Path, revision: int) -> str | None:
    """The recorded logical hash of a revision, if made by the current definition."""
    meta = read_metadata(partition / f"revision={revision}" / "part-0.parquet")
    value = meta.get("content_hash")
    return str(value) if value and hash_method_of(meta) == HASH_METHOD else None


PRODUCTION_SCHEMA = pa.schema(
    [
        pa.field("enterprise", pa.string(), nullable=False),
        pa.field("facility", pa.string(), nullable=False),
        pa.field("year", pa.int32(), nullable=False),
        pa.field("product", pa.string(), nullable=False),
        pa.field("output_t", pa.float64(), nullable=False),
    ]
)


#: File in each revision folder with the SHA-256 of each of its Parquet files.
CHECKSUMS = "checksums.json"

#: The life of a revision: each status may only move to the next; a locked revision never changes.
STATUSES = ("draft", "submitted", "verified", "locked")


def latest_revisions(store: Path, keys: list[tuple[int, str]] | None = None) -> dict[tuple[int, str], int]:
    """The latest revision of each (year, enterprise) partition (0 where there is none).

    With ``keys`` omitted, every partition in the store. A writer takes this snapshot *before* it computes,
    and passes it to :func:`write` as ``parents``: a revision published meanwhile is then a conflict.
    """
    if keys is None:
        keys = [(year, enterprise) for year, enterprise, _ in _partitions(store)]
    out = {}
    for year, enterprise in keys:
        revs = _revisions(_partition(store, year, enterprise))
        out[(year, enterprise)] = revs[-1] if revs else 0
    return out


def check_reason(lines: pd.DataFrame | pa.Table, parents: dict[tuple[int, str], int], reason: str) -> None:
    """Refuse a new revision of an existing partition without a reason.

    Raises
    ------
    StoreError
        ``store.reason_required``, naming every partition (and its current revision) that needs one.
    """
    if reason.strip():
        return
    keys = partition_keys(lines)
    missing = sorted(f"{e} {y} (revision {parents[(y, e)]})" for y, e in keys if parents.get((y, e), 0))
    if missing:
        raise StoreError("store.reason_required", partitions=", ".join(missing))


def write(
    store: Path,
    lines: pd.DataFrame | pa.Table,
    metadata: dict[str, object],
    production: pd.DataFrame | None = None,
    reason: str = "",
    author: str = "",
    parents: dict[tuple[int, str], int] | None = None,
) -> list[Written]:
    """Publish ``lines`` as a new revision of each (year, enterprise) partition they cover.

    Each revision records its parent (the revision it supersedes), a reason (required when there is a
    parent), an author and starts as ``draft``. Writers are optimistic: a revision is published only if
    its parent is still the latest; if another writer published first, this one gets a conflict and
    nothing of it is published for that partition.

    Parameters
    ----------
    store : Path
        Root folder of the store (created if missing).
    lines : DataFrame
        Result lines with the columns of :data:`LINE_SCHEMA`.
    metadata : dict
        Run metadata stored on every file (JSON-serialisable values).
    production : DataFrame, optional
        Production records (:data:`PRODUCTION_SCHEMA`), stored beside the lines of each partition.
    reason, author : str
        Why this revision exists and who made it (free text).
    parents : dict, optional
        The latest revision per partition as the writer saw it (default: read now).

    Returns
    -------
    list of Written

    Raises
    ------
    StoreError
        A missing reason, a conflict with another writer, or a file that cannot be written; nothing
        partial is published.
    """
    seen = parents if parents is not None else latest_revisions(store, partition_keys(lines))
    staged = stage(store, lines, metadata, production, reason, author, seen)
    return publish(store, staged, {**metadata, "reason": reason, "author": author})


def partition_keys(lines: pd.DataFrame | pa.Table) -> list[tuple[int, str]]:
    """The (year, enterprise) partitions that ``lines`` cover, sorted."""
    if isinstance(lines, pa.Table):
        return [(year, enterprise) for year, enterprise, _ in split_partitions(lines.select(["year", "enterprise"]))]
    pairs = lines[["year", "enterprise"]].drop_duplicates().itertuples(index=False)
    return sorted((int(y), str(e)) for y, e in pairs)


def split_partitions(lines: pd.DataFrame | pa.Table) -> list[tuple[int, str, pd.DataFrame | pa.Table]]:
    """``lines`` cut into (year, enterprise) partitions, sorted by year and enterprise.

    An Arrow table already in that order is cut into zero-copy slices; otherwise it is reordered once.
    """
    if isinstance(lines, pd.DataFrame):
        return [
            (int(key[0]), str(key[1]), part.reset_index(drop=True))  # type: ignore[call-overload]
            for key, part in lines.groupby(["year", "enterprise"], sort=True)
        ]
    if not len(lines):
        return []
    year = lines.column("year").to_numpy().astype(np.int64)
    first = int(year.min())
    names = pc.cast(lines.column("enterprise"), pa.string()).combine_chunks().dictionary_encode()
    labels = names.dictionary.to_numpy(zero_copy_only=False).astype(str)
    rank = np.empty(len(labels), dtype=np.int64)
    rank[np.argsort(labels, kind="stable")] = np.arange(len(labels))  # enterprises in text order
    key = (year - first) * len(labels) + rank[names.indices.to_numpy()]
    if (np.diff(key) < 0).any():
        order = np.argsort(key, kind="stable")
        lines, key = lines.take(order), key[order]
    starts = np.concatenate([[0], np.flatnonzero(np.diff(key)) + 1])
    ends = np.append(starts[1:], len(key))
    inverse = np.argsort(rank)
    return [
        (first + int(key[a] // len(labels)), str(labels[inverse[key[a] % len(labels)]]), lines.slice(a, b - a))
        for a, b in zip(starts, ends, strict=True)
    ]


def stage(
    store: Path,
    lines: pd.DataFrame | pa.Table,
    metadata: dict[str, object],
    production: pd.DataFrame | None,
    reason: str,
    author: str,
    parents: dict[tuple[int, str], int],
    token: str = "",
    own_inputs: bool = False,
) -> list[Staged]:
    """Write ``lines`` as the next revision of each partition they cover, under temporary names.

    Nothing is visible to readers until :func:`publish`; :func:`discard` removes what was staged.
    ``token`` is put in the temporary names (a run's id), so that :func:`discard_run` finds them.
    With ``own_inputs``, each partition's metadata lists only the ``inputs`` and ``receipts`` (matched by
    ``sha256``) its lines come from - a dataset's run has thousands of files; the manifest lists them all.

    Raises
    ------
    StoreError
        A missing reason (the partition has a revision already), or a file that cannot be written;
        what this call staged is removed.
    """
    check_reason(lines, parents, reason)
    staged: list[Staged] = []
    try:
        (store / "lines").mkdir(parents=True, exist_ok=True)
        for year, enterprise, part in split_partitions(lines):
            made = None
            if production is not None and len(production):
                made = production[(production["year"] == year) & (production["enterprise"] == enterprise)]
            meta = {
                **metadata,
                **(_own_inputs(metadata, part) if own_inputs else {}),
                "parent": parents.get((year, enterprise), 0),
                "reason": reason,
                "author": author,
            }
            staged.append(_stage(store, year, enterprise, part, meta, made, token))
    except OSError as exc:
        discard(staged)
        raise StoreError("store.write_failed", path=str(store), detail=str(exc), published=0) from exc
    except BaseException:
        discard(staged)
        raise
    return staged


def _own_inputs(metadata: dict[str, object], part: pd.DataFrame | pa.Table) -> dict[str, object]:
    """The metadata's ``inputs`` and ``receipts`` that ``part``'s lines come from."""
    column = part.column("input_sha256") if isinstance(part, pa.Table) else pa.array(part["input_sha256"])
    used = set(pc.unique(pc.cast(column, pa.string())).to_pylist())
    out: dict[str, object] = {}
    for key in ("inputs", "receipts"):
        items = metadata.get(key)
        if isinstance(items, list):
            out[key] = [i for i in items if isinstance(i, dict) and i.get("sha256") in used]
    return out


def publish(store: Path, staged: list[Staged], metadata: dict[str, object]) -> list[Written]:
    """Publish staged revisions: each by one rename, then the run's manifest (``STORE/runs/``).

    Every parent must still be the latest revision of its partition: a conflict anywhere publishes
    nothing. On any failure the staged temporaries are removed.

    Raises
    ------
    StoreError
        A conflict with another writer, or a file that cannot be written.
    """
    manifest: tuple[Path, Path] | None = None
    published = 0
    try:
        written = [s.written for s in staged]
        manifest = _stage_manifest(store, written, metadata)
        for s in staged:
            _check_parent(s)
        for s in staged:
            _commit(s)
            published += 1
        _commit_manifest(*manifest)
    except OSError as exc:
        key = "store.write_failed" if not published else "store.write_failed_partly"
        raise StoreError(key, path=str(store), detail=str(exc), published=published) from exc
    finally:
        discard(staged)
        if manifest is not None:
            manifest[0].unlink(missing_ok=True)
    return written


def discard(staged: list[Staged]) -> None:
    """Remove the temporaries of revisions staged and not published."""
    for s in staged:
        if s.tmp.exists():
            shutil.rmtree(s.tmp, ignore_errors=True)


def discard_run(store: Path, token: str) -> list[Path]:
    """Remove every temporary revision whose name carries ``token`` (staged by any process of one run)."""
    removed = []
    for tmp in (store / "lines").glob(f"year=*/enterprise=*/{fsutil.TMP_PREFIX}*-{token}-*"):
        shutil.rmtree(tmp, ignore_errors=True)
        removed.append(tmp)
    return removed


@dataclass(frozen=True)
class Staged:
    """A revision written under a temporary name, not yet published."""

    tmp: Path
    target: Path
    parent: int
    written: Written


def _stage(
    store: Path,
    year: int,
    enterprise: str,
    part: pd.DataFrame | pa.Table,
    metadata: dict[str, object],
    production: pd.DataFrame | None = None,
    token: str = "",
) -> Staged:
    partition = _partition(store, year, enterprise)
    partition.mkdir(parents=True, exist_ok=True)
    plain = _plain(part)
    digest = content_hash(plain)
    parent = int(str(metadata.get("parent", 0)))
    revision = parent + 1
    same = parent > 0 and _previous_hash(partition, parent) == digest
    fsutil.clean_stale(partition)  # temporaries of writers that were killed
    tmp = partition / fsutil.tmp_name(f"-{token}-" if token else "")
    tmp.mkdir()
    target = partition / f"revision={revision}"
    staged = Staged(tmp, target, parent, Written(year, enterprise, revision, target / "part-0.parquet", digest, same))
    meta = {
        **metadata,
        "revision": revision,
        "content_hash": digest,
        "content_hash_method": HASH_METHOD,
        "year": year,
        "enterprise": enterprise,
    }
    kv = {
        f"ghg.{k}".encode(): (v if isinstance(v, str) else json.dumps(v, sort_keys=True)).encode()
        for k, v in meta.items()
    }
    table = plain.replace_schema_metadata(kv)
    try:
        _write_parquet(table, tmp / "part-0.parquet")
        if production is not None and len(production):
            made = pa.Table.from_pandas(
                production.reset_index(drop=True), schema=PRODUCTION_SCHEMA, preserve_index=False
            )
            _write_parquet(made, tmp / "production.parquet")
        sums = {p.name: sha256_file(p) for p in sorted(tmp.glob("*.parquet"))}
        fsutil.write_durable(tmp / CHECKSUMS, (json.dumps(sums, indent=2, sort_keys=True) + "\n").encode())
        fsutil.fsync_dir(tmp)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return staged


def _write_parquet(table: pa.Table, path: Path) -> None:
    with path.open("xb") as f:
        pq.write_table(table, f, compression="zstd", write_page_checksum=True)
        f.flush()
        os.fsync(f.fileno())


def _check_parent(staged: Staged) -> None:
    w = staged.written
    latest = _revisions(staged.target.parent)
    now = latest[-1] if latest else 0
    if now != staged.parent:
        raise StoreError("store.conflict", partition=f"{w.enterprise} {w.year}", parent=staged.parent, latest=now)


def _commit(staged: Staged) -> None:
    w = staged.written
    try:
        os.rename(staged.tmp, staged.target)  # fails if the revision exists (a non-empty folder): never overwrites
    except OSError:
        if staged.target.exists():  # another writer published this revision first
            raise StoreError(
                "store.conflict", partition=f"{w.enterprise} {w.year}", parent=staged.parent, latest=w.revision
            ) from None
        raise
    fsutil.fsync_dir(staged.target.parent)


def statuses(store: Path, year: int, enterprise: str) -> dict[int, dict[str, object]]:
    """The current status of each revision of a partition (``draft`` unless a status step says more).

    Each step is one file ``status/<revision>.<n>-<status>.json`` in the partition, created once and never
    replaced: two people taking the same step at once cannot both succeed.
    """
    partition = _partition(store, year, enterprise)
    out: dict[int, dict[str, object]] = {r: {"status": "draft"} for r in _revisions(partition)}
    steps = partition / "status"
    if steps.is_dir():
        for path in sorted(steps.glob("*.json")):
            if path.name.startswith("."):
                continue
            entry = json.loads(path.read_text(encoding="utf-8"))
            revision = int(entry["revision"])
            if revision in out and STATUSES.index(entry["status"]) > STATUSES.index(str(out[revision]["status"])):
                out[revision] = entry
    return out


def set_status(
    store: Path, year: int, enterprise: str, revision: int, status: str, by: str, comment: str = ""
) -> dict[str, object]:
    """Move a revision to the next status (draft -> submitted -> verified -> locked).

    Raises
    ------
    StoreError
        An unknown revision or status, a step that skips or goes back (a locked revision never changes), or
        a step another person took first.
    """
    current = statuses(store, year, enterprise)
    partition = f"{enterprise} {year}"
    if revision not in current:
        raise StoreError("store.no_revision", partition=partition, revision=revision)
    now = str(current[revision]["status"])

    def refused(current_status: str) -> StoreError:
        return StoreError(
            "store.bad_status",
            partition=partition,
            revision=revision,
            current=current_status,
            wanted=status,
            allowed=" -> ".join(STATUSES),
        )

    if status not in STATUSES or STATUSES.index(status) != STATUSES.index(now) + 1:
        raise refused(now)
    entry = {
        "revision": revision,
        "status": status,
        "by": by,
        "comment": comment,
        "at": datetime.now(UTC).isoformat(timespec="seconds"),
    }
    steps = _partition(store, year, enterprise) / "status"
    steps.mkdir(exist_ok=True)
    fsutil.clean_stale(steps)
    tmp = steps / fsutil.tmp_name(".json")
    fsutil.write_durable(tmp, (json.dumps(entry, ensure_ascii=False, indent=2) + "\n").encode("utf-8"))
    try:
        os.link(tmp, steps / f"{revision}.{STATUSES.index(status)}-{status}.json")  # never replaces
    except FileExistsError:
        raise refused(status) from None  # another person took this step first
    finally:
        tmp.unlink()
    fsutil.fsync_dir(steps)
    return entry


def history(store: Path) -> pd.DataFrame:
    """Every revision of every partition: parent, reason, author, creation time, status, logical hash."""
    rows = []
    for year, enterprise, partition in _partitions(store):
        status = statuses(store, year, enterprise)
        for revision in _revisions(partition):
            meta = read_metadata(partition / f"revision={revision}" / "part-0.parquet")
            rows.append(
                {
                    "year": year,
                    "enterprise": enterprise,
                    "revision": revision,
                    "parent": meta.get("parent", 0),
                    "reason": meta.get("reason", ""),
                    "author": meta.get("author", ""),
                    "created": meta.get("created", ""),
                    "status": status[revision]["status"],
                    "content_hash": meta.get("content_hash", ""),
                }
            )
    return pd.DataFrame(
        rows,
        columns=["year", "enterprise", "revision", "parent", "reason", "author", "created", "status", "content_hash"],
    )


def _stage_manifest(store: Path, written: list[Written], metadata: dict[str, object]) -> tuple[Path, Path]:
    runs = store / "runs"
    runs.mkdir(parents=True, exist_ok=True)
    body = {
        **metadata,
        "partitions": [
            {
                "year": w.year,
                "enterprise": w.enterprise,
                "revision": w.revision,
                "path": str(w.path.relative_to(store)),
                "content_hash": w.content_hash,
            }
            for w in written
        ],
    }
    data = (json.dumps(body, indent=2, ensure_ascii=False, sort_keys=True) + "\n").encode("utf-8")
    stamp = str(metadata.get("created", "")).replace(":", "").replace("+", "Z")
    target = runs / f"{stamp}-{sha256_bytes(data)[:12]}.json"
    fsutil.clean_stale(runs)
    tmp = runs / fsutil.tmp_name(".json")
    try:
        fsutil.write_durable(tmp, data)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return tmp, target


def _commit_manifest(tmp: Path, target: Path) -> Path:
    try:
        os.link(tmp, target)  # never replaces an existing manifest
    except FileExistsError:
        pass  # the very same manifest (same content hash) already exists
    finally:
        tmp.unlink()
    fsutil.fsync_dir(target.parent)
    return target


def read_lines(store: Path, revision: str = "latest", min_status: str = "draft") -> pd.DataFrame:
    """Read result lines: the latest revision of every partition (or ``revision="all"``).

    Parameters
    ----------
    min_status : str
        With ``revision="latest"``, the latest revision whose status is at least this one (see
        :data:`STATUSES`); a partition without such a revision is left out. The ``revision`` column names the
        revision each line comes from.

    Raises
    ------
    StoreError
        When ``store`` holds no result lines.
    """
    root = store / "lines"
    if not root.is_dir():
        raise StoreError("store.not_store", path=str(store))
    floor = STATUSES.index(min_status)
    frames = []
    for year, enterprise, partition in _partitions(store):
        revs = _revisions(partition)
        if floor and revision != "all":
            status = statuses(store, year, enterprise)
            revs = [r for r in revs if STATUSES.index(str(status[r]["status"])) >= floor]
        chosen = revs if revision == "all" else revs[-1:]
        for r in chosen:
            frame = _read_checked(partition / f"revision={r}" / "part-0.parquet")
            frame["revision"] = r
            frames.append(frame)
    if not frames and floor and revision != "all":
        raise StoreError("store.no_status", path=str(store), status=min_status)
    if not frames:
        raise StoreError("store.not_store", path=str(store))
    return pd.concat(frames, ignore_index=True)


def _read_checked(path: Path, lines: bool = True) -> pd.DataFrame:
    """Read a stored Parquet file, verifying its SHA-256 (recorded in the revision's ``checksums.json``),
    every page checksum and, for result lines, the logical hash recorded in its metadata; a damaged file
    names itself and is never used."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise StoreError("store.corrupt", path=str(path), detail=str(exc)[:200]) from None
    sums = path.parent / CHECKSUMS
    if sums.is_file():
        try:
            expected = json.loads(sums.read_text(encoding="utf-8")).get(path.name)
        except (ValueError, UnicodeDecodeError):
            raise StoreError("store.corrupt", path=str(sums), detail="unreadable checksums") from None
        if expected != sha256_bytes(data):
            raise StoreError("store.corrupt", path=str(path), detail="its SHA-256 differs from checksums.json")
    try:
        table = pq.read_table(pa.BufferReader(data), page_checksum_verification=True)
        frame = table.to_pandas()
    except (OSError, ValueError, pa.ArrowException) as exc:
        raise StoreError("store.corrupt", path=str(path), detail=str(exc)[:200]) from None
    if lines:
        meta = table.schema.metadata or {}
        recorded = meta.get(b"ghg.content_hash", b"").decode("utf-8", "replace")
        method = meta.get(b"ghg.content_hash_method", LEGACY_HASH_METHOD.encode()).decode("utf-8", "replace")
        if content_hash(table, method) != recorded:
            raise StoreError("store.corrupt", path=str(path), detail="its lines differ from their logical hash")
    return frame


def read_revision(store: Path, year: int, enterprise: str, revision: int) -> pd.DataFrame:
    """The verified lines of one revision of one partition.

    Raises
    ------
    StoreError
        ``store.no_revision`` when it does not exist, ``store.corrupt`` when it is damaged.
    """
    path = _partition(store, year, enterprise) / f"revision={revision}" / "part-0.parquet"
    if not path.is_file():
        raise StoreError("store.no_revision", partition=f"{enterprise} {year}", revision=revision)
    return _read_checked(path)


def verify_file(path: Path) -> None:
    """Check one stored result file (SHA-256, page checksums, logical hash).

    Raises
    ------
    StoreError
        ``store.corrupt``, naming the file and what does not hold.
    """
    _read_checked(path, lines=path.name == "part-0.parquet")


def read_production(store: Path) -> pd.DataFrame:
    """Production records stored with the latest revision of every partition (empty when there are none)."""
    frames = []
    for _, _, partition in _partitions(store):
        revs = _revisions(partition)
        path = partition / f"revision={revs[-1]}" / "production.parquet" if revs else None
        if path is not None and path.is_file():
            frames.append(_read_checked(path, lines=False))
    if not frames:
        return pd.DataFrame(columns=PRODUCTION_SCHEMA.names)
    return pd.concat(frames, ignore_index=True)


def read_metadata(path: Path) -> dict[str, object]:
    """The ``ghg.*`` key-value metadata of one stored file, JSON values decoded."""
    raw = pq.read_schema(path).metadata or {}
    out: dict[str, object] = {}
    for k, v in raw.items():
        key = k.decode()
        if key.startswith("ghg."):
            text = v.decode()
            try:
                out[key[4:]] = json.loads(text)
            except json.JSONDecodeError:
                out[key[4:]] = text
    return out
