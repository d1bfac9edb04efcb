"""Audit: inputs kept as received, replay of a stored run, and what differs between factor releases.

- Every input file is stored unchanged under its SHA-256 (``STORE/inputs/<sha256>/<name>``) with a
  receipt (hash, size, time, who submitted it); the same bytes again return the same receipt.
- A run is replayed from its manifest: the stored inputs and the recorded factor releases (verified by
  their hashes) are computed again and each partition's logical hash (:func:`ghg.store.content_hash`)
  compared; differing lines are listed value by value.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pandas as pd

from ghg import __version__, dataset, fsutil, inventory, releases, store
from ghg.errors import ReleaseError, StoreError
from ghg.factors import FactorSet
from ghg.hashing import sha256_file


def keep_input(store_dir: Path, path: Path, submitted_by: str = "", parsed_sha256: str = "") -> dict[str, object]:
    """Store ``path`` unchanged under its SHA-256 and return its receipt (the existing one for known bytes).

    ``parsed_sha256`` is the hash of the bytes that were parsed (computed while reading): the file is
    refused if it changed since, so what is kept is exactly what was computed from.
    """
    digest = sha256_file(path)
    if parsed_sha256 and digest != parsed_sha256:
        raise StoreError("store.input_changed", path=str(path), parsed=parsed_sha256, now=digest)
    folder = store_dir / "inputs" / digest
    receipt_path = folder / "receipt.json"
    if receipt_path.is_file():
        return dict(json.loads(receipt_path.read_text(encoding="utf-8")))
    folder.mkdir(parents=True, exist_ok=True)
    fsutil.clean_stale(folder)  # a copy left by a killed process
    target = folder / path.name
    tmp = folder / fsutil.tmp_name()
    with path.open("rb") as src, tmp.open("wb") as dst:
        while chunk := src.read(1 << 20):
            dst.write(chunk)
        dst.flush()
        os.fsync(dst.fileno())
    if sha256_file(tmp) != digest:  # the file changed while it was copied
        tmp.unlink()
        raise StoreError("store.write_failed", path=str(path), detail="the file changed while it was stored")
    os.replace(tmp, target)
    receipt = {
        "sha256": digest,
        "size": target.stat().st_size,
        "name": path.name,
        "received": datetime.now(UTC).isoformat(timespec="seconds"),
        "submitted_by": submitted_by,
    }
    tmp = folder / fsutil.tmp_name(".json")
    fsutil.write_durable(tmp, (json.dumps(receipt, indent=2, ensure_ascii=False) + "\n").encode("utf-8"))
    try:
        os.link(tmp, receipt_path)  # the first receipt stays: never replaced
    except FileExistsError:
        pass
    finally:
        tmp.unlink()
    return dict(json.loads(receipt_path.read_text(encoding="utf-8")))


def stored_input(store_dir: Path, sha256: str) -> Path:
    """The stored copy of an input, checked against its hash."""
    folder = store_dir / "inputs" / sha256
    receipt = folder / "receipt.json"
    if not receipt.is_file():
        raise StoreError("audit.input_missing", sha256=sha256, store=str(store_dir))
    path = folder / str(json.loads(receipt.read_text(encoding="utf-8"))["name"])
    if not path.is_file() or sha256_file(path) != sha256:
        raise StoreError("audit.input_changed", path=str(path), sha256=sha256)
    return path


def release_for(entry: dict[str, object]) -> str:
    """A release folder whose release.json has the recorded hash (the recorded path, else the bundled id)."""
    wanted = str(entry.get("sha256", ""))
    for ref in (entry.get("path"), entry.get("id")):
        if not ref:
            continue
        try:
            _, digest = releases.verify(str(ref))
        except ReleaseError:
            continue
        if digest == wanted:
            return str(releases.locate(str(ref)))
    raise ReleaseError("audit.release_missing", release=str(entry.get("id")), sha256=wanted)


@dataclass
class Replay:
    """The outcome of a replay: per partition the recorded and the recomputed logical hash, and differences."""

    partitions: pd.DataFrame
    differences: pd.DataFrame
    software_recorded: str
    software_now: str

    @property
    def reproduced(self) -> bool:
        return bool(self.partitions["reproduced"].all())


def replay(store_dir: Path, manifest: Path) -> Replay:
    """Recompute a stored run from its stored inputs and recorded releases; compare logical hashes.

    A dataset's run is recomputed partition by partition from the files each partition lists (its
    ``inputs`` metadata), each opened as it sat in the dataset (the folder gives year and enterprise).

    Raises
    ------
    StoreError, ReleaseError
        When a stored input or a recorded release is missing or changed (naming it).
    """
    run = json.loads(manifest.read_text(encoding="utf-8"))
    factors = FactorSet.load([release_for(r) for r in run["releases"]])
    gwp_set, year = str(run["gwp_set"]), run.get("year")
    if run.get("dataset"):  # a dataset's run: each partition from its own files, as they sat in the dataset
        lines = None
    else:
        inputs = [stored_input(store_dir, str(i["sha256"])) for i in run["inputs"]]
        lines = inventory.run(inputs, gwp_set, factors, year).lines
    rows, diffs = [], []
    for part in run["partitions"]:
        if lines is None:
            own = store.read_metadata(store_dir / part["path"]).get("inputs")
            sources = [
                s
                for i in (own if isinstance(own, list) else [])
                for s in dataset.open_file(stored_input(store_dir, str(i["sha256"])), str(i["file"]))
            ]
            mine = inventory.run(sources, gwp_set, factors, year).lines
        else:
            mine = lines
        mine = mine[(mine["year"] == part["year"]) & (mine["enterprise"] == part["enterprise"])]
        method = store.hash_method_of(store.read_metadata(store_dir / part["path"]))
        now = store.content_hash(mine.reset_index(drop=True), method)
        stored_lines = pd.read_parquet(store_dir / part["path"])
        kept = store.content_hash(stored_lines, method)  # the stored file's values, whatever its hash says
        same = now == part["content_hash"] == kept
        rows.append(
            {
                "year": part["year"],
                "enterprise": part["enterprise"],
                "revision": part["revision"],
                "recorded": part["content_hash"],
                "stored": kept,
                "recomputed": now,
                "reproduced": same,
            }
        )
        if not same:
            diffs.append(_difference(stored_lines, mine, part))
    differences = (
        pd.concat(diffs, ignore_index=True)
        if diffs
        else pd.DataFrame(columns=["year", "enterprise", *store.CANONICAL_ORDER, "column", "stored", "recomputed"])
    )
    return Replay(pd.DataFrame(rows), differences, str(run.get("software_version", "")), __version__)


def _difference(stored: pd.DataFrame, now: pd.DataFrame, part: dict[str, object]) -> pd.DataFrame:
    key = store.CANONICAL_ORDER
    a = stored[store.LINE_SCHEMA.names].set_index(key)
    b = now[store.LINE_SCHEMA.names].set_index(key)
    out = []
    for idx in a.index.union(b.index):
        left = a.loc[idx] if idx in a.index else None
        right = b.loc[idx] if idx in b.index else None
        if left is None or right is None:
            out.append(
                {
                    **dict(zip(key, idx, strict=True)),
                    "column": "(line)",
                    "stored": "present" if left is not None else "absent",
                    "recomputed": "present" if right is not None else "absent",
                }
            )
            continue
        for column in a.columns:
            x, y = left[column], right[column]
            if not (x == y or (pd.isna(x) and pd.isna(y))):
                out.append({**dict(zip(key, idx, strict=True)), "column": column, "stored": x, "recomputed": y})
    frame = pd.DataFrame(out)
    frame.insert(0, "enterprise", str(part["enterprise"]))
    frame.insert(0, "year", int(str(part["year"])))
    return frame


#: What a line is about, without where it came from: a corrected resubmission is a new file with new
#: row numbers, so revisions are compared on these columns, summing what they measure.
DIFF_KEY = [
    "facility",
    "period",
    "scope",
    "source_category",
    "ipcc_category",
    "activity",
    "technology",
    "gas",
    "method",
    "unit",
    "factor_id",
    "factor_release",
]
DIFF_VALUES = ["quantity", "mass_t", "co2e_t", "energy_tj"]


def revision_diff(store_dir: Path, year: int, enterprise: str, a: int, b: int) -> pd.DataFrame:
    """What changed between two revisions of one partition.

    Lines are compared on :data:`DIFF_KEY` (what they are about, not which file row they came from), with
    :data:`DIFF_VALUES` summed; a key present in one revision only is ``added`` or ``removed``.

    Returns
    -------
    DataFrame
        One row per changed key: the key, ``change`` (added, removed, changed), and each value in revision
        ``a`` (``<value>_a``), in revision ``b`` (``<value>_b``) and their difference (``<value>_change``),
        quantities in the line's ``unit``, masses [t], energy [TJ].
    """
    sums = [
        store.read_revision(store_dir, year, enterprise, revision)
        .groupby(DIFF_KEY, dropna=False)[DIFF_VALUES]
        .sum(min_count=1)
        for revision in (a, b)
    ]
    both = sums[0].merge(sums[1], left_index=True, right_index=True, how="outer", suffixes=("_a", "_b"), indicator=True)
    out = both.reset_index()
    out.insert(0, "change", out["_merge"].astype(str).map({"left_only": "removed", "right_only": "added", "both": ""}))
    for value in DIFF_VALUES:
        out[f"{value}_change"] = out[f"{value}_b"].fillna(0.0) - out[f"{value}_a"].fillna(0.0)
    moved = (out["change"] == "") & (out[[f"{v}_change" for v in DIFF_VALUES]].abs() > 0).any(axis=1)
    out.loc[moved, "change"] = "changed"
    columns = ["change", *DIFF_KEY] + [f"{v}_{s}" for v in DIFF_VALUES for s in ("a", "b", "change")]
    return out.loc[out["change"] != "", columns].reset_index(drop=True)


def factors_diff(a: str | Path, b: str | Path) -> pd.DataFrame:
    """Factors added, removed and changed from release ``a`` to release ``b`` (by parameter and key)."""
    key = ["parameter", "activity", "ipcc_category", "technology", "year", "gas"]
    left = releases.load(a).factors
    right = releases.load(b).factors
    merged = left[[*key, "factor_id", "value", "unit"]].merge(
        right[[*key, "factor_id", "value", "unit"]], on=key, how="outer", suffixes=("_a", "_b"), indicator=True
    )
    merged["change"] = merged["_merge"].astype(str).map({"left_only": "removed", "right_only": "added", "both": "same"})
    changed = (merged["_merge"] == "both") & (
        (merged["value_a"] != merged["value_b"]) | (merged["unit_a"] != merged["unit_b"])
    )
    merged.loc[changed, "change"] = "changed"
    out = merged[merged["change"] != "same"].drop(columns="_merge")
    return out.sort_values(["change", *key]).reset_index(drop=True)


def latest_runs(store_dir: Path) -> list[Path]:
    """The run manifests that wrote the latest revision of at least one partition."""
    latest: dict[tuple[int, str], tuple[int, Path]] = {}
    for manifest in sorted(p for p in (store_dir / "runs").glob("*.json") if not p.name.startswith(".")):
        run = json.loads(manifest.read_text(encoding="utf-8"))
        for part in run["partitions"]:
            key = (part["year"], part["enterprise"])
            if key not in latest or part["revision"] > latest[key][0]:
                latest[key] = (part["revision"], manifest)
    return sorted({m for _, m in latest.values()})


def impact(store_dir: Path, new_release: str | Path, replaces: str) -> pd.DataFrame:
    """How the stored totals would move if ``new_release`` replaced ``replaces`` (nothing is written).

    Every run that wrote a latest revision is computed again from its stored inputs with the releases it
    recorded, ``replaces`` swapped for ``new_release``; totals per enterprise and year (Scope 1 +
    Scope 2 location-based, and market-based Scope 2) are set beside the stored ones.
    """
    stored = store.read_lines(store_dir)
    before = _scope_totals(stored)
    frames = []
    for manifest in latest_runs(store_dir):
        run = json.loads(manifest.read_text(encoding="utf-8"))
        refs = [str(new_release) if r["id"] == replaces else release_for(r) for r in run["releases"]]
        if all(r["id"] != replaces for r in run["releases"]):
            refs.append(str(new_release))
        inputs = [stored_input(store_dir, str(i["sha256"])) for i in run["inputs"]]
        lines = inventory.run(inputs, str(run["gwp_set"]), FactorSet.load(refs), run.get("year")).lines
        keys = {(p["year"], p["enterprise"]) for p in run["partitions"]}
        frames.append(lines[[k in keys for k in zip(lines["year"], lines["enterprise"], strict=True)]])
    after = _scope_totals(pd.concat(frames, ignore_index=True)) if frames else before.iloc[:0]
    out = before.merge(after, left_index=True, right_index=True, how="outer", suffixes=("_stored", "_new"))
    out = out.fillna(0.0)
    for name in ("total_t_co2e", "scope_2_market_t_co2e"):
        out[f"{name}_change"] = out[f"{name}_new"] - out[f"{name}_stored"]
    return out.reset_index()


def _scope_totals(lines: pd.DataFrame) -> pd.DataFrame:
    counted = lines[lines["scope"].isin(["scope_1", "scope_2"])]
    market = lines[lines["scope"] == "scope_2_market"]
    total = counted.groupby(["enterprise", "year"])["co2e_t"].sum().rename("total_t_co2e")
    m = market.groupby(["enterprise", "year"])["co2e_t"].sum().rename("scope_2_market_t_co2e")
    return pd.concat([total, m], axis=1).fillna(0.0)


def verify_store(store_dir: Path) -> pd.DataFrame:
    """Check every stored file: each revision's Parquet files against their SHA-256, page checksums and (lines)
    logical hash, each input against its SHA-256. A flipped byte shows as ``ok = False`` with the reason."""
    rows = []
    for path in sorted((store_dir / "lines").glob("year=*/enterprise=*/revision=*/*.parquet")):
        try:
            store.verify_file(path)
            ok, reason = True, ""
        except StoreError as exc:
            ok, reason = False, exc.render()
        rows.append({"file": str(path.relative_to(store_dir)), "ok": ok, "reason": reason})
    for receipt in sorted((store_dir / "inputs").glob("*/receipt.json")):
        digest = receipt.parent.name
        try:
            stored_input(store_dir, digest)
            rows.append({"file": str(receipt.parent.relative_to(store_dir)), "ok": True, "reason": ""})
        except StoreError as exc:
            rows.append({"file": str(receipt.parent.relative_to(store_dir)), "ok": False, "reason": exc.render()})
    return pd.DataFrame(rows, columns=["file", "ok", "reason"])


def new_key(path: Path) -> Path:
    """Write a new Ed25519 private key (PEM, unencrypted; keep it private) and return its path."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    key = Ed25519PrivateKey.generate()
    pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)  # never overwrites a key
    with os.fdopen(fd, "wb") as f:
        f.write(pem)
    return path


def sign(store_dir: Path, partition_file: Path, key_path: Path, signer: str, opinion: str = "") -> dict[str, object]:
    """A verification statement: the signer's Ed25519 signature over the revision's logical hash."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    key = serialization.load_pem_private_key(key_path.read_bytes(), password=None)
    if not isinstance(key, Ed25519PrivateKey):
        raise StoreError("audit.not_ed25519", path=str(key_path))
    meta = store.read_metadata(partition_file)
    digest = store.content_hash(pd.read_parquet(partition_file), store.hash_method_of(meta))
    if digest != meta.get("content_hash"):
        raise StoreError("audit.not_signable", path=str(partition_file))
    body = {
        "statement": "ghg verification statement v1",
        "path": str(partition_file.resolve().relative_to(store_dir.resolve())),
        "year": meta.get("year"),
        "enterprise": meta.get("enterprise"),
        "revision": meta.get("revision"),
        "logical_hash": digest,
        "signer": signer,
        "opinion": opinion,
        "signed_at": datetime.now(UTC).isoformat(timespec="seconds"),
    }
    message = json.dumps(body, sort_keys=True, ensure_ascii=False).encode("utf-8")
    public = key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    signature = key.sign(message)
    return {**body, "public_key": public.hex(), "signature": signature.hex()}


def verify_statement(store_dir: Path, statement: dict[str, object]) -> tuple[bool, str]:
    """Check a statement against the stored data: the signature, and the stored lines' logical hash now."""
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    body = {k: v for k, v in statement.items() if k not in ("public_key", "signature")}
    message = json.dumps(body, sort_keys=True, ensure_ascii=False).encode("utf-8")
    try:
        Ed25519PublicKey.from_public_bytes(bytes.fromhex(str(statement["public_key"]))).verify(
            bytes.fromhex(str(statement["signature"])), message
        )
    except (InvalidSignature, ValueError, KeyError):
        return False, "audit.bad_signature"
    path = store_dir / str(statement["path"])
    if not path.is_file():
        return False, "audit.statement_data_missing"
    if store.file_hash(path) != statement["logical_hash"]:
        return False, "audit.statement_data_changed"
    return True, "audit.statement_ok"
