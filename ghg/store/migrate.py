"""``ghg store migrate OLD NEW``: a store written by ghg 0.1 (one folder per partition revision) into a new one.

The earlier layout::

    OLD/lines/year=Y/enterprise=E/revision=R/part-0.parquet   (+ production.parquet, checksums.json)
    OLD/lines/year=Y/enterprise=E/status/<R>.<n>-<status>.json
    OLD/runs/<created>-<hash>.json                              (the run's manifest)
    OLD/inputs/<sha256>/<name> + receipt.json

Every revision is checked first (file SHA-256, page checksums, logical hash): a damaged store is refused,
naming the file. Revisions are then committed run by run, oldest first, keeping their numbers, parents,
reasons, authors, creation times and logical hashes (a revision hashed by the first definition keeps it);
status steps follow with their original times and authors; inputs are copied and checked; the factor
releases the runs name are kept in the new store when a release with the recorded hash is found (bundled,
installed, or at the recorded path). OLD is only read.
"""

from __future__ import annotations

import json
import shutil
import uuid
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from ghg import store
from ghg.core.errors import ReleaseError, StoreError
from ghg.core.hashing import sha256_bytes
from ghg.store import delta, kept
from ghg.store.table import sha256_and_size, write_parquet


def _meta(table: pa.Table) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for k, v in (table.schema.metadata or {}).items():
        key = k.decode()
        if key.startswith("ghg."):
            try:
                out[key[4:]] = json.loads(v.decode())
            except json.JSONDecodeError:
                out[key[4:]] = v.decode()
    return out


def _read_old(path: Path) -> pa.Table:
    """A file of the earlier store, checked against its ``checksums.json`` and page checksums."""
    data = path.read_bytes()
    sums = path.parent / "checksums.json"
    if sums.is_file():
        try:
            expected = json.loads(sums.read_text(encoding="utf-8")).get(path.name)
        except (ValueError, UnicodeDecodeError):
            raise StoreError("store.corrupt", path=str(sums), detail="unreadable checksums") from None
        if expected != sha256_bytes(data):
            raise StoreError("store.corrupt", path=str(path), detail="its SHA-256 differs from checksums.json")
    try:
        return pq.read_table(pa.BufferReader(data), page_checksum_verification=True)
    except (OSError, ValueError, pa.ArrowException) as exc:
        raise StoreError("store.corrupt", path=str(path), detail=str(exc)[:200]) from None


def _old_revisions(old: Path) -> list[dict[str, Any]]:
    """Every revision of the earlier store with its lines, metadata and production, checked."""
    out = []
    for folder in sorted((old / "lines").glob("year=*/enterprise=*/revision=*")):
        if not (folder / "part-0.parquet").is_file():
            continue
        year = int(folder.parent.parent.name.split("=", 1)[1])
        enterprise = folder.parent.name.split("=", 1)[1]
        revision = int(folder.name.split("=", 1)[1])
        table = _read_old(folder / "part-0.parquet")
        meta = _meta(table)
        method = store.hash_method_of(meta)
        lines = table.select(store.LINE_SCHEMA.names).cast(store.LINE_SCHEMA).replace_schema_metadata(None)
        if store.content_hash(lines, method) != meta.get("content_hash"):
            raise StoreError(
                "store.corrupt", path=str(folder / "part-0.parquet"), detail="its lines differ from their logical hash"
            )
        production = []
        if (folder / "production.parquet").is_file():
            made = _read_old(folder / "production.parquet").to_pylist()
            production = [{"facility": r["facility"], "product": r["product"], "output_t": r["output_t"]} for r in made]
        out.append(
            {
                "year": year,
                "enterprise": enterprise,
                "revision": revision,
                "parent": int(meta.get("parent", revision - 1) or 0),
                "method": method,
                "content_hash": str(meta["content_hash"]),
                "lines": lines,
                "meta": meta,
                "production": production,
                "path": str(folder.relative_to(old) / "part-0.parquet"),
            }
        )
    return out


def _old_steps(old: Path) -> list[dict[str, Any]]:
    steps = []
    for path in sorted((old / "lines").glob("year=*/enterprise=*/status/*.json")):
        if path.name.startswith("."):
            continue
        entry = json.loads(path.read_text(encoding="utf-8"))
        year = int(path.parent.parent.parent.name.split("=", 1)[1])
        enterprise = path.parent.parent.name.split("=", 1)[1]
        steps.append({**entry, "year": year, "enterprise": enterprise})
    return sorted(steps, key=lambda s: (str(s.get("at", "")), store.STATUSES.index(s["status"])))


def _runs(old: Path, revisions: list[dict[str, Any]]) -> list[tuple[dict[str, Any], list[dict[str, Any]]]]:
    """Revisions grouped by the run that wrote them (a revision without a run record: a run of its own)."""
    by_path = {r["path"]: r for r in revisions}
    groups: list[tuple[dict[str, Any], list[dict[str, Any]]]] = []
    for manifest in sorted((old / "runs").glob("*.json")) if (old / "runs").is_dir() else []:
        if manifest.name.startswith("."):
            continue
        run = json.loads(manifest.read_text(encoding="utf-8"))
        mine = [by_path.pop(str(p["path"])) for p in run.get("partitions", []) if str(p["path"]) in by_path]
        if mine:
            groups.append((run, mine))
    for r in by_path.values():  # published, but the writer died before its run record
        groups.append(({**r["meta"], "note": "migrated: no run record was written"}, [r]))
    done: set[tuple[int, str, int]] = set()
    ordered = []
    pending = sorted(groups, key=lambda g: str(g[0].get("created", "")))
    while pending:  # a run goes after the runs that made its revisions' parents
        for i, (_, revs) in enumerate(pending):
            if all(r["parent"] == 0 or (r["year"], r["enterprise"], r["parent"]) in done for r in revs):
                ordered.append(pending.pop(i))
                done |= {(r["year"], r["enterprise"], r["revision"]) for r in revs}
                break
        else:
            raise StoreError("store.corrupt", path=str(old / "lines"), detail="revisions whose parents are missing")
    return ordered


def migrate(old: Path, new: Path) -> dict[str, Any]:
    """Convert the store ``old`` (ghg 0.1 layout) into a new store at ``new`` (absent or empty).

    Returns
    -------
    dict
        ``runs``, ``revisions``, ``steps`` migrated, ``inputs`` copied, and ``releases_missing``: ids of
        releases the runs name that were not found with their recorded hash (those runs cannot be replayed
        until the release is installed and the store migrated again).

    Raises
    ------
    StoreError
        ``store.migrate_target`` when ``new`` is not empty; ``store.corrupt`` naming a damaged file of
        ``old``; ``store.not_store`` when ``old`` is no store of the earlier layout.
    """
    if new.exists() and any(new.iterdir()):
        raise StoreError("store.migrate_target", path=str(new))
    if delta.exists(old / store.LINES) or not any((old / "lines").glob("year=*")):
        raise StoreError("store.not_store", path=str(old))
    revisions = _old_revisions(old)
    runs = _runs(old, revisions)
    steps = _old_steps(old)
    new.mkdir(parents=True, exist_ok=True)
    inputs = 0
    for folder in sorted((old / kept.INPUTS).iterdir()) if (old / kept.INPUTS).is_dir() else []:
        if folder.name.startswith("."):
            continue
        shutil.copytree(folder, new / kept.INPUTS / folder.name)
        kept.stored_input(new, folder.name)
        inputs += 1
    missing: set[str] = set()
    for run, revs in runs:
        for entry in run.get("releases", []) or []:
            try:
                from ghg.store.audit import release_for

                kept.keep_release(new, release_for(entry))
            except ReleaseError:
                missing.add(str(entry.get("id")))
        _commit_run(new, run, revs)
    for step in steps:
        store.set_status(
            new,
            step["year"],
            step["enterprise"],
            int(step["revision"]),
            step["status"],
            str(step.get("by", "")),
            str(step.get("comment", "")),
            at=str(step.get("at", "")),
        )
    return {
        "runs": len(runs),
        "revisions": len(revisions),
        "steps": len(steps),
        "inputs": inputs,
        "releases_missing": sorted(missing),
    }


def _commit_run(new: Path, run: dict[str, Any], revs: list[dict[str, Any]]) -> None:
    name = f"part-migrated-{uuid.uuid4().hex[:12]}.parquet"
    tables, entries, start = [], [], 0
    for r in sorted(revs, key=lambda r: (r["year"], r["enterprise"])):
        lines: pa.Table = r["lines"]
        tables.append(
            lines.append_column(
                pa.field("revision", pa.int32(), nullable=False), pa.array([r["revision"]] * lines.num_rows, pa.int32())
            )
        )
        entries.append(
            {
                "year": r["year"],
                "enterprise": r["enterprise"],
                "revision": r["revision"],
                "parent": r["parent"],
                "content_hash": r["content_hash"],
                "content_hash_method": r["method"],
                "file": name,
                "start": start,
                "rows": lines.num_rows,
                "production": r["production"],
                **(
                    {"inputs": [{k: v for k, v in i.items() if k != "path"} for i in r["meta"]["inputs"]]}
                    if run.get("dataset") and isinstance(r["meta"].get("inputs"), list)
                    else {}
                ),
            }
        )
        start += lines.num_rows
    table = pa.concat_tables(tables)
    (new / store.LINES).mkdir(parents=True, exist_ok=True)
    path = new / store.LINES / name
    write_parquet(table, path)
    sha, size = sha256_and_size(path)
    staged = store.Staged(name, sha, size, delta.stats(table, store.STATS_COLUMNS), entries)
    keep = (
        "software_version",
        "releases",
        "gwp_set",
        "year",
        "inputs",
        "receipts",
        "created",
        "reason",
        "author",
        "dataset",
        "engine",
        "units",
        "note",
    )
    body = store.without_paths({k: run[k] for k in keep if k in run})
    if body.get("dataset"):
        body["dataset"] = Path(str(body["dataset"])).name
    body["migrated_from"] = "ghg store 0.1"
    store.publish(new, [staged], body, store.open_snapshot(new))
