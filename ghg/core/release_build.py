"""Making a factor release of one's own: :func:`new` starts a folder, :func:`add` takes rows from a CSV file
or an Excel sheet, :func:`build` checks every row and writes the manifest with the SHA-256 of every table.

A built folder is a release like the bundled ones (``--extra-factors FOLDER``). Every problem of every row is
reported at once (file, row, column, value and the fix) and nothing is written while one remains. A release
is named by its id: building one whose id is a known release (bundled, or the example's) with other content is
refused, and so is a second build of another content under the id of a release already published beside it.
"""

from __future__ import annotations

import csv
import json
import math
import re
import shutil
from datetime import date
from functools import lru_cache
from pathlib import Path

import pandas as pd
from pydantic import ValidationError

from ghg.core import fsutil
from ghg.core.errors import InputError, Problem, ReleaseError, UnitError
from ghg.core.hashing import sha256_bytes, sha256_file
from ghg.core.releases import (
    ACTIVITY_COLUMNS,
    FACTOR_COLUMNS,
    GROSS_PARAMETERS,
    PARAMETER_UNITS,
    ReleaseMeta,
    known_releases,
    load,
)
from ghg.core.units import factor_to
from ghg.core.vocabulary import STATES

#: The tables a release may hold, and their columns.
TABLES = {"factors.csv": FACTOR_COLUMNS, "activities.csv": ACTIVITY_COLUMNS}
#: Gases a factor may name: the combustion gases and those with a GWP in the bundled release.
_CODE = re.compile(r"^[a-z0-9][a-z0-9_]{0,63}$")
_IPCC = re.compile(r"^[1-5](\.[A-H](\.[0-9]{1,2}(\.[a-z](\.[ivx]{1,4})?)?)?)?$")
#: Parameters that are a ratio or a fraction (0 < value <= 1.2, the NCV/GCV ratio of a fuel is below 1).
_RATIOS = ("ncv_gcv_ratio",)


def new(
    folder: Path,
    release_id: str,
    title: str,
    publisher: str,
    tier: str,
    valid_from: int,
    valid_to: int,
    licence: str = "",
    published: date | None = None,
    sources: list[dict[str, str]] | None = None,
) -> Path:
    """Start a release folder: its metadata (``release.json``, without tables yet) and an empty ``factors.csv``.

    Raises
    ------
    ReleaseError
        The folder exists and is not empty, or the metadata is invalid (an id that is not lower-case letters,
        digits, ``.`` and ``-``, an unknown tier, years in the wrong order).
    """
    folder = Path(folder)
    if folder.exists() and any(folder.iterdir()):
        raise ReleaseError("release.folder_not_empty", path=str(folder))
    meta = {
        "id": release_id,
        "version": "1.0.0",
        "title": title,
        "publisher": publisher,
        "published": (published or date.today()).isoformat(),
        "licence": licence,
        "tier": tier,
        "valid_from": valid_from,
        "valid_to": valid_to,
        "gwp_set": None,
        "sources": sources or [],
        "files": {},
    }
    _validated(meta, folder / "release.json")
    if valid_from > valid_to:
        raise ReleaseError("release.bad_years", path=str(folder), first=valid_from, last=valid_to)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "release.json").write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    _write_rows(folder / "factors.csv", FACTOR_COLUMNS, [])
    return folder


def add(folder: Path, table: Path, sheet: str | None = None) -> tuple[str, int]:
    """Check the rows of a CSV file or an Excel sheet and append them to the release's table of the same columns
    (``factors.csv`` or ``activities.csv``). Returns the table's name and the rows added.

    Raises
    ------
    InputError
        Every problem of every row (nothing is added).
    """
    folder = Path(folder)
    rows, columns, problems = _read(Path(table), sheet)
    name = next((n for n, c in TABLES.items() if c == columns), None)
    if name is None:
        expected = " | ".join(", ".join(c) for c in TABLES.values())
        raise InputError(
            [Problem(str(table), 1, None, ", ".join(columns), "release_columns", sheet, {"expected": expected})]
        )
    target = folder / name
    existing = _read(target, None)[0] if target.exists() else []
    meta = _meta(folder)
    problems += _check(name, [*existing, *rows], meta, str(table), len(existing), sheet)
    if problems:
        raise InputError(problems)
    _write_rows(target, TABLES[name], [*existing, *rows])
    return name, len(rows)


def build(folder: Path) -> tuple[ReleaseMeta, str]:
    """Check every table of the release, then write the SHA-256 of each into ``release.json``; load it as the
    calculation will. Returns the metadata and the release hash.

    Raises
    ------
    InputError
        Every problem of every row (``release.json`` is not changed).
    ReleaseError
        The id is a known release with other content, or the tables do not load.
    """
    folder = Path(folder)
    meta = _meta(folder)
    problems: list[Problem] = []
    files = {}
    for name in sorted(p.name for p in folder.glob("*.csv")):
        if name not in TABLES:
            problems.append(
                Problem(str(folder / name), None, None, name, "release_table", None, {"allowed": ", ".join(TABLES)})
            )
            continue
        rows, columns, found = _read(folder / name, None)
        problems += found
        if columns != TABLES[name]:
            problems.append(
                Problem(
                    str(folder / name),
                    1,
                    None,
                    ", ".join(columns),
                    "release_columns",
                    None,
                    {"expected": ", ".join(TABLES[name])},
                )
            )
            continue
        problems += _check(name, rows, meta, str(folder / name), 0, None)
        files[name] = sha256_file(folder / name)
    if problems:
        raise InputError(problems)
    meta["files"] = files
    text = json.dumps(meta, indent=2, ensure_ascii=False) + "\n"
    digest = sha256_bytes(text.encode("utf-8"))
    known = known_releases().get(str(meta["id"]))
    if known is not None and known != digest:
        raise ReleaseError("release.known_id_differs", release=meta["id"], path=str(folder), known=known, got=digest)
    _validated(meta, folder / "release.json")
    tmp = folder / fsutil.tmp_name(".json")
    fsutil.write_durable(tmp, text.encode("utf-8"))
    tmp.replace(folder / "release.json")  # the manifest is replaced whole, never half written
    release = load(folder)
    return release.meta, release.release_hash


def build_from(folder: Path, tables: list[Path]) -> tuple[ReleaseMeta, str]:
    """Add every table to the release just started in ``folder`` and build it: one step from CSV files (or
    workbooks) to a release. Nothing of the folder is left when a table has a problem.

    Raises
    ------
    InputError
        Every problem of every row of the tables.
    """
    try:
        for table in tables:
            add(folder, table)
        return build(folder)
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)  # the folder was made by this call: no half-made release
        raise


def _meta(folder: Path) -> dict[str, object]:
    path = folder / "release.json"
    if not path.is_file():
        raise ReleaseError("release.no_metadata", path=str(folder))
    try:
        meta = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise ReleaseError("release.bad_metadata", path=str(path), detail=str(exc)) from None
    if not isinstance(meta, dict):
        raise ReleaseError("release.bad_metadata", path=str(path), detail="not an object")
    return meta


def _validated(meta: dict[str, object], path: Path) -> None:
    try:
        ReleaseMeta.model_validate(meta)
    except ValidationError as exc:
        raise ReleaseError("release.bad_metadata", path=str(path), detail=str(exc).splitlines()[0:3]) from None


def _read(path: Path, sheet: str | None) -> tuple[list[dict[str, str]], list[str], list[Problem]]:
    """Rows as text (cells of a sheet as written), the columns, and problems of reading."""
    if path.suffix.lower() == ".xlsx":
        try:
            frame = pd.read_excel(path, sheet_name=sheet or 0, dtype=str, keep_default_na=False)
        except (ValueError, KeyError, OSError) as exc:
            return (
                [],
                [],
                [Problem(str(path), None, None, sheet, "release_unreadable", sheet, {"detail": str(exc)[:200]})],
            )
    else:
        try:
            frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
        except (ValueError, UnicodeDecodeError, OSError) as exc:
            return (
                [],
                [],
                [Problem(str(path), None, None, None, "release_unreadable", None, {"detail": str(exc)[:200]})],
            )
    columns = [str(c) for c in frame.columns]
    rows = [
        {c: str(v).strip() for c, v in zip(columns, values, strict=True)} for values in frame.itertuples(index=False)
    ]
    return rows, columns, []


def _write_rows(path: Path, columns: list[str], rows: list[dict[str, str]]) -> None:
    tmp = path.parent / fsutil.tmp_name(".csv")
    with tmp.open("w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows({c: r.get(c, "") for c in columns} for r in rows)
    tmp.replace(path)


@lru_cache(maxsize=1)
def _known_codes() -> tuple[frozenset[str], frozenset[str]]:
    """Activity codes and gases of the bundled releases (loaded once per process)."""
    from ghg.core.releases import available

    activities: set[str] = set()
    gases = {"CO2", "CH4", "N2O"}
    for release_id in available():
        release = load(release_id)
        activities |= set(release.activities["activity"])
        gases |= set(release.gwp["gas"]) if len(release.gwp) else set()
    return frozenset(activities), frozenset(gases)


def _number(value: str) -> float | None:
    try:
        number = float(value)
    except ValueError:
        return None
    return number if math.isfinite(number) else None


def _check(
    name: str, rows: list[dict[str, str]], meta: dict[str, object], file: str, offset: int, sheet: str | None
) -> list[Problem]:
    """Problems of the rows of one table from row ``offset`` on (rows already in the release were checked when
    they were added; they still count for duplicates)."""
    if name == "activities.csv":
        return _check_activities(rows, file, offset, sheet)
    known, gases = _known_codes()
    activities = known | {r["activity"] for r in rows if _CODE.match(r["activity"])}
    listed = meta.get("sources", [])
    sources = {str(s.get("id")) for s in listed if isinstance(s, dict)} if isinstance(listed, list) else set()
    ratios = {(r["activity"], r["year"]) for r in rows if r["parameter"] == "ncv_gcv_ratio"}
    problems: list[Problem] = []
    seen_ids: dict[str, int] = {}
    seen_keys: dict[tuple[str, ...], int] = {}
    for i, row in enumerate(rows):
        at = i - offset + 2
        found = _row_problems(row, activities, gases, sources, ratios)
        parameter = GROSS_PARAMETERS.get(row["parameter"], row["parameter"])
        key = (parameter, row["activity"], row["ipcc_category"], row["technology"], row["year"], row["gas"])
        if row["factor_id"] in seen_ids:
            found.append(("factor_id", "release_duplicate_id", {"first": seen_ids[row["factor_id"]]}))
        if key in seen_keys:
            found.append(("factor_id", "release_duplicate_key", {"first": seen_keys[key]}))
        seen_ids.setdefault(row["factor_id"], at)
        seen_keys.setdefault(key, at)
        if i >= offset:
            problems += [Problem(file, at, c, row.get(c, ""), code, sheet, params) for c, code, params in found]
    return problems


def _row_problems(
    row: dict[str, str],
    activities: frozenset[str],
    gases: frozenset[str],
    sources: set[str],
    ratios: set[tuple[str, str]],
) -> list[tuple[str, str, dict[str, object]]]:
    """(column, problem code, parameters) of one row of ``factors.csv``."""
    found: list[tuple[str, str, dict[str, object]]] = []
    parameter, gas = row["parameter"], row["gas"]
    if not row["factor_id"]:
        found.append(("factor_id", "required", {}))
    if parameter not in PARAMETER_UNITS:
        found.append(("parameter", "vocabulary", {"allowed": ", ".join(PARAMETER_UNITS)}))
    if row["activity"] and row["activity"] not in activities:
        found.append(("activity", "release_activity", {}))
    if row["ipcc_category"] and not _IPCC.match(row["ipcc_category"]):
        found.append(("ipcc_category", "ipcc_category", {}))
    if gas and gas not in gases:
        found.append(("gas", "release_gas", {}))
    value = _number(row["value"])
    if value is None:
        found.append(("value", "release_number", {}))
    elif value < 0:
        found.append(("value", "release_negative", {}))
    elif parameter in _RATIOS and not 0 < value <= 1.2:
        found.append(("value", "release_ratio", {}))
    bounds = {c: _number(row[c]) for c in ("lower", "upper") if row[c]}
    found += [(c, "release_number", {}) for c, v in bounds.items() if v is None]
    lower, upper = bounds.get("lower"), bounds.get("upper")
    if value is not None and ((lower is not None and lower > value) or (upper is not None and upper < value)):
        found.append(("value", "release_bounds", {"lower": row["lower"] or "-", "upper": row["upper"] or "-"}))
    if row["year"] and (not row["year"].isdigit() or not 1900 <= int(row["year"]) <= 2100):
        found.append(("year", "release_year", {}))
    if parameter in PARAMETER_UNITS:
        targets = [t.format(gas=gas) for t in PARAMETER_UNITS[parameter]]
        if not any(_converts(row["unit"], t) for t in targets):
            found.append(("unit", "release_unit", {"expected": " or ".join(targets)}))
    if row["source_id"] not in sources:
        found.append(("source_id", "release_source", {"allowed": ", ".join(sorted(sources)) or "-"}))
    if parameter in GROSS_PARAMETERS and not {(row["activity"], row["year"]), (row["activity"], "")} & ratios:
        found.append(("parameter", "release_no_ratio", {"activity": row["activity"]}))
    return found


def _converts(unit: str, target: str) -> bool:
    try:
        factor_to(unit, target)
    except UnitError:
        return False
    return True


def _check_activities(rows: list[dict[str, str]], file: str, offset: int, sheet: str | None) -> list[Problem]:
    problems: list[Problem] = []
    seen: set[str] = set()
    for i, row in enumerate(rows[offset:]):
        at = i + 2
        if not _CODE.match(row["activity"]) or row["activity"] in seen:
            problems.append(Problem(file, at, "activity", row["activity"], "release_activity", sheet, {}))
        seen.add(row["activity"])
        if row["state"] not in STATES:
            problems.append(
                Problem(file, at, "state", row["state"], "vocabulary", sheet, {"allowed": ", ".join(STATES)})
            )
        if row["biomass"] not in ("true", "false"):
            problems.append(
                Problem(file, at, "biomass", row["biomass"], "vocabulary", sheet, {"allowed": "true, false"})
            )
        if not row["name"]:
            problems.append(Problem(file, at, "name", "", "required", sheet, {}))
    return problems


__all__ = ["TABLES", "add", "build", "build_from", "new"]
