"""What the store keeps beside its tables so that any run can be replayed from the store alone.

- ``STORE/inputs/<sha256>/<name>`` with ``receipt.json``: every input file unchanged, under its SHA-256,
  with its receipt (hash, size, name, time, who submitted it); the same bytes again keep the first receipt.
- ``STORE/releases/<sha256>/``: every factor release a run used (bundled or not), a verified copy of its
  folder named by its release hash (the SHA-256 of its ``release.json``, which lists every file's hash).

Both are content-addressed and written all or nothing (temporary name, fsync, one rename). A writer that
fails removes what it kept for the run and had not been kept before (:class:`Kept`); what a killed writer
left is referenced by no run and removed by ``ghg store vacuum``.
"""

from __future__ import annotations

import json
import os
import shutil
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from ghg.core import fsutil, releases
from ghg.core.errors import ReleaseError, StoreError
from ghg.core.hashing import sha256_bytes, sha256_file

INPUTS = "inputs"
RELEASES = "releases"
RECEIPT = "receipt.json"


@dataclass
class Kept:
    """Folders a writer created in the store for one run (removed again if the run is not committed)."""

    created: list[Path] = field(default_factory=list)

    def undo(self) -> None:
        """Remove every folder this run created."""
        for folder in reversed(self.created):
            shutil.rmtree(folder, ignore_errors=True)
        self.created.clear()


def keep_input(
    store_dir: Path, path: Path, submitted_by: str = "", parsed_sha256: str = "", kept: Kept | None = None
) -> dict[str, object]:
    """Store ``path`` unchanged under its SHA-256 and return its receipt (the existing one for known bytes).

    ``parsed_sha256`` is the hash of the bytes that were parsed (computed while reading): the file is
    refused if it changed since, so what is kept is exactly what was computed from.

    Raises
    ------
    StoreError
        ``store.input_changed`` when the file changed since it was read; ``store.write_failed`` when it
        cannot be written (nothing partial is left).
    """
    digest = sha256_file(path)
    if parsed_sha256 and digest != parsed_sha256:
        raise StoreError("store.input_changed", path=str(path), parsed=parsed_sha256, now=digest)
    folder = store_dir / INPUTS / digest
    receipt_path = folder / RECEIPT
    if receipt_path.is_file():
        return read_receipt(store_dir, digest)
    receipt = {
        "sha256": digest,
        "size": path.stat().st_size,
        "name": path.name,
        "received": datetime.now(UTC).isoformat(timespec="seconds"),
        "submitted_by": submitted_by,
    }
    parent = folder.parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
        fsutil.clean_stale(parent)
        tmp = parent / fsutil.tmp_name()
        try:
            tmp.mkdir()
            with path.open("rb") as src, (tmp / path.name).open("wb") as dst:
                while chunk := src.read(1 << 20):
                    dst.write(chunk)
                dst.flush()
                os.fsync(dst.fileno())
            if sha256_file(tmp / path.name) != digest:  # the file changed while it was copied
                raise StoreError("store.input_changed", path=str(path), parsed=digest, now="?")
            text = json.dumps(receipt, indent=2, ensure_ascii=False) + "\n"
            fsutil.write_durable(tmp / RECEIPT, text.encode("utf-8"))
            fsutil.fsync_dir(tmp)
            try:
                os.rename(tmp, folder)  # fails if another writer kept the same bytes first
                fsutil.fsync_dir(parent)
                if kept is not None:
                    kept.created.append(folder)
            except OSError:
                if not receipt_path.is_file():
                    raise
        finally:
            if tmp.exists():
                shutil.rmtree(tmp, ignore_errors=True)
    except OSError as exc:
        if isinstance(exc, StoreError):
            raise
        raise StoreError("store.write_failed", path=str(store_dir), detail=str(exc)[:300], published=0) from None
    return read_receipt(store_dir, digest)


def read_receipt(store_dir: Path, sha256: str) -> dict[str, object]:
    """The receipt of a kept input, checked to name its own hash.

    Raises
    ------
    StoreError
        ``audit.input_missing`` or ``store.corrupt`` naming the receipt.
    """
    path = store_dir / INPUTS / sha256 / RECEIPT
    if not path.is_file():
        raise StoreError("audit.input_missing", sha256=sha256, store=str(store_dir))
    try:
        receipt = json.loads(path.read_text(encoding="utf-8"))
        ok = isinstance(receipt, dict) and receipt.get("sha256") == sha256 and isinstance(receipt.get("name"), str)
    except (OSError, UnicodeDecodeError, ValueError):
        ok = False
    if not ok:
        raise StoreError("store.corrupt", path=f"{INPUTS}/{sha256}/{RECEIPT}", detail="not a receipt of this input")
    return dict(receipt)


def stored_input(store_dir: Path, sha256: str) -> Path:
    """The stored copy of an input, checked against its hash.

    Raises
    ------
    StoreError
        ``audit.input_missing`` when it is not kept, ``audit.input_changed`` when its bytes changed.
    """
    receipt = read_receipt(store_dir, sha256)
    path = store_dir / INPUTS / sha256 / str(receipt["name"])
    if not path.is_file() or sha256_file(path) != sha256:
        raise StoreError("audit.input_changed", path=f"{INPUTS}/{sha256}/{receipt['name']}", sha256=sha256)
    if path.stat().st_size != receipt.get("size", path.stat().st_size):
        raise StoreError("store.corrupt", path=f"{INPUTS}/{sha256}/{RECEIPT}", detail="its size differs")
    return path


def keep_release(store_dir: Path, ref: str | Path, kept: Kept | None = None) -> str:
    """Keep a verified copy of the release ``ref`` as ``STORE/releases/<release hash>/``; return the hash.

    Raises
    ------
    ReleaseError
        When ``ref`` does not verify.
    StoreError
        ``store.write_failed`` when it cannot be written.
    """
    _, digest = releases.verify(ref)
    into = store_dir / RELEASES
    if (into / digest / "release.json").is_file():
        return digest
    try:
        _, made = releases.install(ref, into, name=digest)
    except OSError as exc:
        raise StoreError("store.write_failed", path=str(store_dir), detail=str(exc)[:300], published=0) from None
    if made and kept is not None:
        kept.created.append(into / digest)
    return digest


def stored_release(store_dir: Path, sha256: str) -> Path:
    """The kept copy of a release, verified file by file and against its release hash.

    Raises
    ------
    ReleaseError
        ``audit.release_missing`` when it is not kept, or the release's own error when it is damaged.
    """
    folder = store_dir / RELEASES / sha256
    if not (folder / "release.json").is_file():
        raise ReleaseError("audit.release_missing", release=sha256[:12], sha256=sha256)
    _, digest = releases.verify(folder)
    if digest != sha256:
        raise ReleaseError(
            "release.tampered",
            release=sha256[:12],
            file=f"{RELEASES}/{sha256}/release.json",
            expected=sha256,
            actual=digest,
        )
    return folder


def receipt_hash(receipt: dict[str, object]) -> str:
    """SHA-256 of a receipt's canonical JSON (recorded in the run, so that a changed receipt shows)."""
    return sha256_bytes(json.dumps(receipt, sort_keys=True, ensure_ascii=False).encode("utf-8"))


def kept_release_dirs(store_dir: Path) -> tuple[Path, ...]:
    """The folders of every release kept in the store (for the names of their activities), sorted."""
    into = Path(store_dir) / RELEASES
    return tuple(sorted(p for p in into.glob("*") if (p / "release.json").is_file())) if into.is_dir() else ()
