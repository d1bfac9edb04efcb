"""Audit: replay of a stored run, what differs between revisions and factor releases, and signed statements.

- Inputs and factor releases are kept in the store by :mod:`ghg.store.kept` (re-exported here).
- A run is replayed from its manifest (a commit of the store): the kept inputs and the kept factor
  releases (verified by their hashes) are computed again and each revision's logical hash
  (:func:`ghg.store.content_hash`) compared; differing lines are listed value by value. Nothing outside
  the store is needed, so a copy of the store replays on another machine.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pandas as pd

from ghg import store
from ghg._version import version as software_version
from ghg.core import dataset, inventory, releases
from ghg.core.errors import ReleaseError, StoreError
from ghg.core.factors import FactorSet
from ghg.store.kept import keep_input, stored_input, stored_release
from ghg.store.snapshot import StoreRef, snapshot_of

__all__ = ["keep_input", "stored_input"]


def release_for(entry: dict[str, object], store_dir: Path | None = None) -> str:
    """A release folder with the recorded hash: the store's kept copy, else the bundled or installed id.

    Raises
    ------
    ReleaseError
        ``audit.release_missing`` when no folder with that hash is found.
    """
    wanted = str(entry.get("sha256", ""))
    if store_dir is not None and (store_dir / "releases" / wanted).is_dir():
        return str(stored_release(store_dir, wanted))
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


def replay(ref: StoreRef, version: int) -> Replay:
    """Recompute the run committed as ``version`` from its kept inputs and releases; compare logical hashes.

    A dataset's run is recomputed revision by revision from the files each revision lists, each opened as
    it sat in the dataset (its name gives year and enterprise).

    Raises
    ------
    StoreError, ReleaseError
        When the run does not exist, or a kept input or release is missing or changed (naming it).
    """
    snap = snapshot_of(ref)
    if version not in snap.runs:
        raise StoreError("audit.no_run", version=version, path=str(snap.root))
    run = snap.runs[version]
    factors = FactorSet.load([release_for(r, snap.root) for r in run["releases"]])
    gwp_set, year = str(run["gwp_set"]), run.get("year")
    lines = None
    if not run.get("dataset"):
        inputs = [stored_input(snap.root, str(i["sha256"])) for i in run["inputs"]]
        lines = inventory.run(inputs, gwp_set, factors, year).lines
    rows, diffs = [], []
    for part in run["revisions"]:
        if lines is None:
            sources = [
                s
                for i in part.get("inputs", [])
                for s in dataset.open_file(stored_input(snap.root, str(i["sha256"])), str(i["file"]))
            ]
            mine = inventory.run(sources, gwp_set, factors, year).lines
        else:
            mine = lines
        mine = mine[(mine["year"] == part["year"]) & (mine["enterprise"] == part["enterprise"])]
        rev = snap.revision(int(part["year"]), str(part["enterprise"]), int(part["revision"]))
        now = store.content_hash(mine.reset_index(drop=True), rev.method)
        stored_lines = snap.file_table(rev.file).slice(rev.start, rev.rows).to_pandas()
        kept = store.content_hash(stored_lines, rev.method)  # the stored values, whatever the manifest says
        same = now == part["content_hash"] == kept
        rows.append(
            {
                "year": part["year"],
                "enterprise": part["enterprise"],
                "revision": part["revision"],
                "version": version,
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
    return Replay(pd.DataFrame(rows), differences, str(run.get("software_version", "")), software_version())


def replay_all(ref: StoreRef, versions: list[int] | None = None) -> Replay:
    """Replay the runs ``versions`` (default: every run that made a latest revision), as one outcome."""
    snap = snapshot_of(ref)
    chosen = versions if versions else latest_runs(snap)
    if not chosen:
        raise StoreError("store.not_store", path=str(snap.root))
    done = [replay(snap, v) for v in chosen]
    return Replay(
        pd.concat([d.partitions for d in done], ignore_index=True),
        pd.concat([d.differences for d in done], ignore_index=True),
        ", ".join(sorted({d.software_recorded for d in done})),
        software_version(),
    )


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


def revision_diff(store_dir: StoreRef, year: int, enterprise: str, a: int, b: int) -> pd.DataFrame:
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


def latest_runs(ref: StoreRef) -> list[int]:
    """The versions of the runs that made the latest revision of at least one partition."""
    snap = snapshot_of(ref)
    return sorted({revs[-1].version for revs in snap.revisions.values()})


def impact_summary(change: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Of an :func:`impact` table, the (enterprise, year) whose totals move, and the park's change per year
    [t CO2e, Scope 1 + 2 location-based and market-based Scope 2]."""
    moved = change[(change["total_t_co2e_change"].abs() > 1e-9) | (change["scope_2_market_t_co2e_change"].abs() > 1e-9)]
    park = change.groupby("year")[["total_t_co2e_change", "scope_2_market_t_co2e_change"]].sum().reset_index()
    return moved, park


def impact(store_dir: StoreRef, new_release: str | Path, replaces: str) -> pd.DataFrame:
    """How the stored totals would move if ``new_release`` replaced ``replaces`` (nothing is written).

    Every run that wrote a latest revision is computed again from its stored inputs with the releases it
    recorded, ``replaces`` swapped for ``new_release``; totals per enterprise and year (Scope 1 +
    Scope 2 location-based, and market-based Scope 2) are set beside the stored ones.
    """
    snap = snapshot_of(store_dir)
    stored = snap.lines()
    before = _scope_totals(stored)
    frames = []
    latest = snap.latest()
    for version in latest_runs(snap):
        run = snap.runs[version]
        refs = [str(new_release) if r["id"] == replaces else release_for(r, snap.root) for r in run["releases"]]
        if all(r["id"] != replaces for r in run["releases"]):
            refs.append(str(new_release))
        inputs = [stored_input(snap.root, str(i["sha256"])) for i in run["inputs"]]
        lines = inventory.run(inputs, str(run["gwp_set"]), FactorSet.load(refs), run.get("year")).lines
        keys = {
            (p["year"], p["enterprise"])
            for p in run["revisions"]
            if latest[(p["year"], p["enterprise"])] == p["revision"]
        }
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
    """Check everything the store holds, naming each damaged object and why.

    The log (every commit, its links to the commits before it and its manifest's own hash), every data
    file (its SHA-256 as its run recorded it, page checksums, each revision's logical hash), every kept
    input (its bytes and its receipt, against the receipt's hash recorded by the run), every kept factor
    release (each file's SHA-256 and the release hash), and every run's references to inputs and releases.
    """
    rows: list[dict[str, object]] = []

    def check(name: str, step: Any) -> None:
        try:
            step()
            rows.append({"file": name, "ok": True, "reason": ""})
        except (StoreError, ReleaseError) as exc:
            rows.append({"file": name, "ok": False, "reason": exc.render()})

    try:
        snap = store.open_snapshot(store_dir)
        rows.append({"file": "lines/_delta_log", "ok": True, "reason": ""})
    except StoreError as exc:
        return pd.DataFrame([{"file": "lines/_delta_log", "ok": False, "reason": exc.render()}])
    for name in sorted(snap.files):
        revs = [r for revs in snap.revisions.values() for r in revs if r.file == name]
        check(
            f"lines/{name}",
            lambda revs=revs, name=name: [snap.file_table(name)] + [snap.revision_table(r) for r in revs],
        )
        snap._cache.pop(name, None)
    receipts = {str(r["sha256"]): r for run in snap.runs.values() for r in run.get("receipts", []) or []}
    folder = store_dir / "inputs"
    for digest in sorted(p.name for p in folder.iterdir() if not p.name.startswith(".")) if folder.is_dir() else []:
        check(f"inputs/{digest}", lambda digest=digest: _check_input(store_dir, digest, receipts.get(digest)))
    for digest in sorted(set(receipts) - {str(r["file"]).split("/")[-1] for r in rows}):
        check(f"inputs/{digest}", lambda digest=digest: stored_input(store_dir, digest))
    used = {str(r["sha256"]): r for run in snap.runs.values() for r in run.get("releases", []) or []}
    folder = store_dir / "releases"
    present = sorted(p.name for p in folder.iterdir() if not p.name.startswith(".")) if folder.is_dir() else []
    for digest in sorted(set(present) | set(used)):
        check(f"releases/{digest}", lambda digest=digest: release_for(used.get(digest, {"sha256": digest}), store_dir))
    return pd.DataFrame(rows, columns=["file", "ok", "reason"])


def _check_input(store_dir: Path, digest: str, recorded: dict[str, Any] | None) -> None:
    from ghg.store.kept import read_receipt, receipt_hash

    stored_input(store_dir, digest)
    wanted = (recorded or {}).get("receipt_sha256")
    if wanted is not None and receipt_hash(read_receipt(store_dir, digest)) != wanted:
        raise StoreError(
            "store.corrupt", path=f"inputs/{digest}/receipt.json", detail="it differs from the run's record"
        )


def new_key(path: Path) -> tuple[Path, Path, str]:
    """Write a new Ed25519 key pair: the private key at ``path`` (PEM, readable by its owner only; keep it
    private) and the public key at ``path`` + ``.pub`` (PEM, to hand to whoever verifies).

    Returns
    -------
    (Path, Path, str)
        The private key's path, the public key's path, and the key's fingerprint (:func:`fingerprint`).
    """
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    key = Ed25519PrivateKey.generate()
    pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    public = key.public_key().public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
    pub_path = path.with_name(path.name + ".pub")
    for target, data, mode in ((path, pem, 0o600), (pub_path, public, 0o644)):
        fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)  # never overwrites a key
        with os.fdopen(fd, "wb") as f:
            f.write(data)
    return path, pub_path, fingerprint(_raw_public(key.public_key()))


def _raw_public(key: Any) -> bytes:
    from cryptography.hazmat.primitives import serialization

    return bytes(key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw))


def fingerprint(raw: bytes) -> str:
    """A public key's fingerprint: ``SHA256:`` and the SHA-256 of its 32 raw bytes in hex."""
    from ghg.core.hashing import sha256_bytes

    return "SHA256:" + sha256_bytes(raw)


def trusted_keys(paths: list[Path]) -> dict[str, str]:
    """The auditors' public keys a verifier trusts, by fingerprint: each path a PEM public key (``.pub`` of
    ``ghg audit keygen``) or a keyring file holding several PEM keys one after another.

    Raises
    ------
    StoreError
        ``audit.bad_key`` naming a file that holds no Ed25519 public key.
    """
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    found: dict[str, str] = {}
    for path in paths:
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise StoreError("audit.bad_key", path=str(path), detail=str(exc)[:200]) from None
        blocks = [b for b in text.split("-----END PUBLIC KEY-----") if "-----BEGIN PUBLIC KEY-----" in b]
        if not blocks:
            raise StoreError("audit.bad_key", path=str(path), detail="no PEM public key")
        for block in blocks:
            key = serialization.load_pem_public_key((block + "-----END PUBLIC KEY-----\n").encode())
            if not isinstance(key, Ed25519PublicKey):
                raise StoreError("audit.bad_key", path=str(path), detail="not an Ed25519 key")
            found[fingerprint(_raw_public(key))] = str(path)
    return found


def sign(
    store_dir: Path, year: int, enterprise: str, revision: int, key_path: Path, signer: str, opinion: str = ""
) -> dict[str, object]:
    """A verification statement: the signer's Ed25519 signature over one revision.

    The statement names the revision, its logical hash and the SHA-256 of the data file that holds it
    (every byte, footer included), and the version of the store it was read at.

    Raises
    ------
    StoreError
        The key is not Ed25519, the revision does not exist, or its data does not verify.
    """
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    key = serialization.load_pem_private_key(key_path.read_bytes(), password=None)
    if not isinstance(key, Ed25519PrivateKey):
        raise StoreError("audit.not_ed25519", path=str(key_path))
    snap = store.open_snapshot(store_dir)
    rev = snap.revision(year, enterprise, revision)
    snap.revision_table(rev)  # refuses a damaged revision
    body = {
        "statement": "ghg verification statement v2",
        "year": year,
        "enterprise": enterprise,
        "revision": revision,
        "logical_hash": rev.content_hash,
        "logical_hash_method": rev.method,
        "file": f"lines/{rev.file}",
        "file_sha256": snap.files[rev.file]["sha256"],
        "store_version": snap.version,
        "signer": signer,
        "opinion": opinion,
        "signed_at": datetime.now(UTC).isoformat(timespec="seconds"),
    }
    message = json.dumps(body, sort_keys=True, ensure_ascii=False).encode("utf-8")
    public = key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return {**body, "public_key": public.hex(), "signature": key.sign(message).hex()}


def verify_statement(store_dir: Path, statement: dict[str, object], trusted: dict[str, str]) -> tuple[bool, str]:
    """Check a statement: signed by one of the ``trusted`` keys (:func:`trusted_keys`; the key a statement
    carries is never trusted for itself), the signature, and the revision's logical hash and its file's
    SHA-256 in the store now."""
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    body = {k: v for k, v in statement.items() if k not in ("public_key", "signature")}
    message = json.dumps(body, sort_keys=True, ensure_ascii=False).encode("utf-8")
    try:
        if fingerprint(bytes.fromhex(str(statement["public_key"]))) not in trusted:
            return False, "audit.untrusted_key"
    except (ValueError, KeyError):
        return False, "audit.bad_signature"
    try:
        Ed25519PublicKey.from_public_bytes(bytes.fromhex(str(statement["public_key"]))).verify(
            bytes.fromhex(str(statement["signature"])), message
        )
    except (InvalidSignature, ValueError, KeyError):
        return False, "audit.bad_signature"
    try:
        snap = store.open_snapshot(store_dir)
        rev = snap.revision(int(str(body["year"])), str(body["enterprise"]), int(str(body["revision"])))
    except (StoreError, KeyError, ValueError):
        return False, "audit.statement_data_missing"
    try:
        table = snap.revision_table(rev)
    except StoreError:
        return False, "audit.statement_data_changed"
    if store.content_hash(table, rev.method) != body.get("logical_hash") or snap.files[rev.file]["sha256"] != body.get(
        "file_sha256"
    ):
        return False, "audit.statement_data_changed"
    return True, "audit.statement_ok"
