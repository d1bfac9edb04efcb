"""Files received from enterprises: size and type limits, a workbook's expanded size checked before it is
opened, every problem of the file collected (with the rows naming another enterprise than the uploader's),
and the inventory computed for the page that shows it before it is submitted.

A refused file is deleted; a valid one waits in ``<home>/uploads/<id>/`` until it is submitted (the store
keeps its own copy then).
"""

from __future__ import annotations

import re
import shutil
import uuid
import zipfile
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import pandas as pd

from ghg.core import inventory
from ghg.core.errors import InputError, Problem
from ghg.core.hashing import sha256_file
from ghg.web.config import WebConfig
from ghg.web.writer import factors_of

#: File types an enterprise may upload: the template or any workbook, CSV, Parquet.
SUFFIXES = (".xlsx", ".csv", ".parquet")
#: A workbook's parts may expand to at most this many times the upload limit.
EXPANSION = 10


@dataclass
class Received:
    """A file saved in the uploads folder."""

    path: Path
    name: str
    sha256: str


def _safe_name(name: str) -> str:
    """The file's own name without folders or characters a file system could misread."""
    base = Path(name.replace("\\", "/")).name
    return re.sub(r"[^\w.\-]+", "_", base)[:120] or "upload"


def receive(config: WebConfig, upload: Any) -> Received | Problem:
    """Save an uploaded file (Django's ``UploadedFile``) or say why it is refused.

    Refused before anything is read: a type other than xlsx, csv or parquet; a file larger than the limit; a
    workbook that is not a valid zip or whose parts would expand beyond ``EXPANSION`` times the limit.
    """
    name = _safe_name(str(upload.name))
    suffix = Path(name).suffix.lower()
    if suffix not in SUFFIXES:
        return Problem(name, None, None, suffix or name, "web_type", params={"allowed": ", ".join(SUFFIXES)})
    if upload.size > config.max_upload_bytes:
        limit = config.max_upload_bytes // (1024 * 1024)
        return Problem(name, None, None, f"{upload.size // 1024} KB", "web_size", params={"limit": limit})
    folder = config.home / "uploads" / uuid.uuid4().hex
    folder.mkdir(parents=True, mode=0o700)
    path = folder / name
    with path.open("wb") as f:
        for chunk in upload.chunks():
            f.write(chunk)
    if suffix == ".xlsx":
        problem = _workbook_bomb(path, name, config.max_upload_bytes * EXPANSION)
        if problem is not None:
            discard(path)
            return problem
    return Received(path, name, sha256_file(path))


def _workbook_bomb(path: Path, name: str, limit: int) -> Problem | None:
    """A problem when ``path`` is not a zip or its parts declare more than ``limit`` bytes expanded."""
    try:
        with zipfile.ZipFile(path) as book:
            expanded = sum(i.file_size for i in book.infolist())
    except zipfile.BadZipFile:
        return Problem(name, None, None, None, "web_not_workbook")
    if expanded > limit:
        return Problem(name, None, None, f"{expanded // (1024 * 1024)} MB", "web_expands",
                       params={"limit": limit // (1024 * 1024)})  # fmt: skip
    return None


def discard(path: Path) -> None:
    """Delete an upload and its folder."""
    shutil.rmtree(path.parent, ignore_errors=True)


def check(
    config: WebConfig, received: Received, enterprise: str
) -> tuple[inventory.InventoryResult | None, list[Problem]]:
    """The inventory of the file, or every problem in it: the file's own problems, and each record of another
    enterprise than ``enterprise`` (a reporter submits for its own enterprise only)."""
    try:
        result = inventory.run([received.path], config.gwp, factors_of(config))
    except InputError as exc:  # named by the file's own name, never the server's folder
        return None, [replace(p, file=received.name) if p.file == str(received.path) else p for p in exc.problems]
    others = result.lines[result.lines["enterprise"] != enterprise]
    problems = [
        Problem(received.name, int(row), "enterprise", str(code), "web_other_enterprise", params={"mine": enterprise})
        for row, code in sorted(set(zip(others["input_row"], others["enterprise"], strict=True)))
    ]
    return (None, problems) if problems else (result, [])


#: The computed lines of a valid upload, kept beside it so that its pages are not computed again.
LINES = "lines.parquet"


def keep_lines(received: Received, result: inventory.InventoryResult) -> None:
    """Keep the lines computed from a valid upload beside it (removed with it)."""
    result.lines.to_parquet(received.path.with_name(LINES), index=False)


def kept_lines(path: Path) -> pd.DataFrame | None:
    """The lines kept beside the upload at ``path`` (``None`` when there are none)."""
    lines = path.with_name(LINES)
    return pd.read_parquet(lines) if lines.is_file() else None


def totals(lines: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """What the page shows of a computed inventory: totals by scope, by source category and by gas
    [t CO2e] per year, from the same lines that will be stored."""
    return {
        by: lines.groupby(["year", by], as_index=False).agg(co2e_t=("co2e_t", "sum")).sort_values(["year", by])
        for by in ("scope", "source_category", "gas")
    }
