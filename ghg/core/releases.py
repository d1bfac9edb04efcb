"""Factor releases: versioned folders of tidy CSV tables, verified by SHA-256 when loaded.

A release folder holds ``release.json`` (metadata, sources and the SHA-256 of every
table) and tables: ``factors.csv`` (one factor per row), optionally ``activities.csv``
(the activity codes it defines) and ``gwp.csv``/``blends.csv`` (GWP-100 sets).
The release hash is the SHA-256 of ``release.json``, which covers every table's hash.
"""

from __future__ import annotations

import csv
import json
import os
import shutil
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from importlib import resources
from pathlib import Path

import pandas as pd
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from ghg.core import fsutil
from ghg.core.errors import ReleaseError, UnitError
from ghg.core.hashing import sha256_bytes, sha256_file
from ghg.core.units import factor_to, parse_unit
from ghg.core.vocabulary import GWP_SETS, STATES, Tier

FACTOR_COLUMNS = [
    "factor_id",
    "parameter",
    "activity",
    "ipcc_category",
    "technology",
    "year",
    "gas",
    "value",
    "unit",
    "lower",
    "upper",
    "source_id",
    "reference",
    "status",
    "note",
]
ACTIVITY_COLUMNS = ["activity", "name", "name_vi", "state", "biomass"]
GWP_COLUMNS = ["gas", "gwp_set", "value", "source_id", "note"]

#: Canonical unit of each factor parameter (``{gas}`` is the row's gas).
PARAMETER_UNITS = {
    "ncv": ("TJ/t", "TJ/Nm3"),
    "emission_factor": ("t {gas}/TJ",),
    "grid_emission_factor": ("t {gas}/TJ",),
    "density": ("t/m3",),
    "toe_factor": ("TOE/t", "TOE/TJ"),
    # MOIT states some fuels per volume too (per 1,000 L; natural gas per 1,000 m3): used for volumes, before
    # density x the factor per tonne
    "toe_factor_volume": ("TOE/m3", "TOE/Nm3"),
    "ncv_gcv_ratio": ("dimensionless",),
    "carbonate_factor": ("t {gas}/t",),
    "carbon_content": ("t CO2/t", "t CO2/Nm3"),
    # on a gross (higher heating value) basis, as US EPA and other sets state them: converted to the net basis
    # when the release is loaded, with the release's own ``ncv_gcv_ratio`` for the activity
    "gcv": ("TJ/t", "TJ/Nm3"),
    "emission_factor_gross": ("t {gas}/TJ",),
}
#: Gross-basis parameters and the net-basis parameter each becomes.
GROSS_PARAMETERS = {"gcv": "ncv", "emission_factor_gross": "emission_factor"}


class Source(BaseModel):
    """A cited source of a release."""

    model_config = ConfigDict(extra="forbid")
    id: str
    title: str
    url: str = ""
    table: str = ""
    page: str = ""


class ReleaseMeta(BaseModel):
    """The contents of ``release.json``."""

    model_config = ConfigDict(extra="allow")
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9.\-]*$")
    version: str
    title: str
    publisher: str
    published: date
    compiled: date | None = None
    licence: str
    tier: Tier
    valid_from: int
    valid_to: int
    gwp_set: str | None = None
    sources: list[Source]
    files: dict[str, str]

    @field_validator("files")
    @classmethod
    def _files(cls, v: dict[str, str]) -> dict[str, str]:
        for name, digest in v.items():
            if "/" in name or "\\" in name or not name.endswith(".csv"):
                raise ValueError(f"file name {name!r} must be a plain .csv name")
            if len(digest) != 64:
                raise ValueError(f"{name}: SHA-256 must have 64 hex digits")
        return v


@dataclass(frozen=True)
class Release:
    """A loaded, verified factor release.

    ``factors`` has the columns of ``FACTOR_COLUMNS`` plus ``canonical_value``,
    ``canonical_unit``, ``canonical_lower``, ``canonical_upper``, ``release``, ``tier``.
    """

    id: str
    path: Path
    meta: ReleaseMeta
    release_hash: str
    factors: pd.DataFrame
    activities: pd.DataFrame
    gwp: pd.DataFrame

    @property
    def tier(self) -> Tier:
        return self.meta.tier


def bundled_dir() -> Path:
    """The bundled ``factors/`` folder: inside the installed wheel, else at the repository root."""
    packaged = Path(str(resources.files("ghg"))) / "_data" / "factors"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "factors"


def available(folder: Path | None = None) -> list[str]:
    """Ids of the releases in ``folder`` (default: the bundled ones), sorted."""
    folder = folder or bundled_dir()
    if not folder.is_dir():
        return []
    return sorted(p.name for p in folder.iterdir() if not p.name.startswith(".") and (p / "release.json").is_file())


#: Folders of installed releases (``ghg factors install``), separated like ``PATH``; searched after the
#: bundled releases when a release is given by id.
FACTORS_PATH_VARIABLE = "GHG_FACTORS_PATH"


def installed_dirs() -> list[Path]:
    """The folders named by ``GHG_FACTORS_PATH``, in order."""
    return [Path(p) for p in os.environ.get(FACTORS_PATH_VARIABLE, "").split(os.pathsep) if p]


def locate(ref: str | Path) -> Path:
    """The folder of a release given by path, or by id (bundled first, then ``GHG_FACTORS_PATH``)."""
    path = Path(ref)
    if path.is_dir():
        return path
    for folder in [bundled_dir(), *installed_dirs()]:
        candidate = folder / str(ref)
        if not str(ref).startswith(".") and candidate.is_dir() and (candidate / "release.json").is_file():
            return candidate
    known = available() + [r for d in installed_dirs() for r in available(d)]
    raise ReleaseError("release.unknown", name=str(ref), available=", ".join(known))


def install(source: str | Path, into: Path, name: str | None = None) -> tuple[Path, bool]:
    """Install the release folder ``source`` into the folder ``into`` as ``into/<id>`` (or ``into/<name>``),
    all or nothing.

    The release is verified, copied under a temporary name, fsynced, verified again and published by one
    rename: an install interrupted at any point leaves the releases already in ``into`` as they were and
    no partial ``<id>`` folder. A published release is never replaced.

    Returns
    -------
    (Path, bool)
        The installed folder, and whether it was installed now (``False``: the same release was there).

    Raises
    ------
    ReleaseError
        When ``source`` does not verify, or ``into`` already holds a different release with the same id.
    """
    meta, digest = verify(source)
    folder = locate(source)
    into.mkdir(parents=True, exist_ok=True)
    fsutil.clean_stale(into)
    target = into / (name or meta.id)
    if not target.exists():
        tmp = into / fsutil.tmp_name()
        try:
            tmp.mkdir()
            for name in sorted(p.name for p in folder.iterdir() if p.is_file() and not p.name.startswith(".")):
                fsutil.write_durable(tmp / name, (folder / name).read_bytes())
            fsutil.fsync_dir(tmp)
            if verify(tmp)[1] != digest:  # the source changed while it was copied
                raise ReleaseError("release.changed_while_installing", release=meta.id, path=str(folder))
            try:
                os.rename(tmp, target)  # fails if another install published it first: checked below
                fsutil.fsync_dir(into)
                return target, True
            except OSError:
                if not target.exists():
                    raise
        finally:
            if tmp.exists():
                shutil.rmtree(tmp, ignore_errors=True)
    _, existing = verify(target)
    if existing != digest:
        raise ReleaseError("release.installed_differs", release=meta.id, path=str(target), new=digest, old=existing)
    return target, False


def verify(ref: str | Path) -> tuple[ReleaseMeta, str]:
    """Check a release's metadata and every file's SHA-256; return the metadata and release hash.

    Raises
    ------
    ReleaseError
        Missing or malformed ``release.json``, a listed file missing or changed, or a
        table present in the folder but not listed.
    """
    folder = locate(ref)
    meta_path = folder / "release.json"
    if not meta_path.is_file():
        raise ReleaseError("release.no_metadata", path=str(folder))
    raw = meta_path.read_bytes()
    try:
        meta = ReleaseMeta.model_validate(json.loads(raw))
    except (json.JSONDecodeError, ValidationError) as exc:
        raise ReleaseError("release.bad_metadata", path=str(meta_path), detail=str(exc).splitlines()[0:3]) from None
    for name, digest in meta.files.items():
        path = folder / name
        if not path.is_file():
            raise ReleaseError("release.missing_file", release=meta.id, file=str(path))
        actual = sha256_file(path)
        if actual != digest:
            raise ReleaseError("release.tampered", release=meta.id, file=str(path), expected=digest, actual=actual)
    unlisted = sorted(p.name for p in folder.glob("*.csv") if p.name not in meta.files)
    if unlisted:
        raise ReleaseError("release.unlisted_file", release=meta.id, files=", ".join(unlisted))
    return meta, sha256_bytes(raw)


def _read_table(path: Path, columns: list[str]) -> pd.DataFrame:
    table = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    if list(table.columns) != columns:
        raise ReleaseError(
            "release.bad_columns", file=str(path), expected=", ".join(columns), found=", ".join(table.columns)
        )
    return table


def _number(table: pd.DataFrame, column: str, path: Path, required: bool) -> pd.Series:
    values = pd.to_numeric(table[column].replace("", None), errors="coerce")
    bad = values.isna() & ((table[column] != "") | required)
    if bad.any():
        row = int(bad.to_numpy().nonzero()[0][0])
        raise ReleaseError(
            "release.bad_value", file=str(path), row=row + 2, column=column, value=table[column].iloc[row]
        )
    return values.astype("float64")


def _check_allowed(table: pd.DataFrame, column: str, allowed: tuple[str, ...], path: Path) -> None:
    bad = ~table[column].isin(allowed)
    if bad.any():
        row = int(bad.to_numpy().nonzero()[0][0])
        raise ReleaseError(
            "release.bad_value", file=str(path), row=row + 2, column=column, value=table[column].iloc[row]
        )


def _canonical_factors(table: pd.DataFrame, path: Path) -> pd.DataFrame:
    """Convert each factor to its parameter's canonical unit (once per distinct unit string)."""
    table = table.copy()
    table["value_f"] = _number(table, "value", path, required=True)
    table["lower_f"] = _number(table, "lower", path, required=False)
    table["upper_f"] = _number(table, "upper", path, required=False)
    years = _number(table, "year", path, required=False)
    table["year_i"] = years.fillna(-1).astype("int64")
    multipliers, canon_units = [], []
    cache: dict[tuple[str, str, str], tuple[float, str]] = {}
    for i, (param, unit, gas) in enumerate(zip(table["parameter"], table["unit"], table["gas"], strict=True)):
        key = (param, unit, gas)
        if key not in cache:
            if param not in PARAMETER_UNITS:
                raise ReleaseError(
                    "release.bad_parameter", file=str(path), row=i + 2, value=param, allowed=", ".join(PARAMETER_UNITS)
                )
            for target in PARAMETER_UNITS[param]:
                try:
                    parse_unit(unit)
                    cache[key] = (factor_to(unit, target.format(gas=gas)), target.format(gas=gas))
                    break
                except UnitError:
                    continue
            else:
                raise ReleaseError(
                    "release.bad_unit",
                    file=str(path),
                    row=i + 2,
                    value=unit,
                    expected=" or ".join(t.format(gas=gas) for t in PARAMETER_UNITS[param]),
                )
        multiplier, canon = cache[key]
        multipliers.append(multiplier)
        canon_units.append(canon)
    table["canonical_value"] = table["value_f"] * multipliers
    table["canonical_lower"] = table["lower_f"] * multipliers
    table["canonical_upper"] = table["upper_f"] * multipliers
    table["canonical_unit"] = canon_units
    table = _net_from_gross(table, path)
    keys = ["parameter", "activity", "ipcc_category", "technology", "year", "gas"]
    dup = table.duplicated(keys, keep=False)
    if dup.any():
        rows = ", ".join(str(i + 2) for i in dup.to_numpy().nonzero()[0][:10])
        raise ReleaseError("release.duplicate_key", file=str(path), rows=rows)
    ids = table["factor_id"].duplicated(keep=False)
    if ids.any() or (table["factor_id"] == "").any():
        raise ReleaseError(
            "release.duplicate_id", file=str(path), ids=", ".join(sorted(set(table.loc[ids, "factor_id"])))[:200]
        )
    return table.drop(columns=["value_f", "lower_f", "upper_f"])


def _net_from_gross(table: pd.DataFrame, path: Path) -> pd.DataFrame:
    """Gross-basis rows (``gcv``, ``emission_factor_gross``) as the net-basis parameters the calculation uses.

    With r the release's NCV/GCV ratio for the activity (IPCC 2006 Vol. 2 Ch. 1.4.1.2: NCV = r x GCV, and an
    emission factor per TJ gross is 1/r of the same per TJ net): ``ncv = r x gcv``, ``emission_factor =
    emission_factor_gross / r`` (and their 95 % limits alike), so that mass x NCV x EF_net = mass x GCV x EF_gross
    exactly. The row keeps its ``factor_id``; its note says it was converted.

    Raises
    ------
    ReleaseError
        A gross-basis row without an ``ncv_gcv_ratio`` for its activity in the same release.
    """
    gross = table["parameter"].isin(list(GROSS_PARAMETERS))
    if not gross.any():
        return table
    ratio_rows = table[table["parameter"] == "ncv_gcv_ratio"]
    ratios = {
        (a, y): float(v)
        for a, y, v in zip(ratio_rows["activity"], ratio_rows["year_i"], ratio_rows["canonical_value"], strict=True)
    }
    out = table.copy()
    scales = []
    for i, (activity, year, parameter) in enumerate(zip(out["activity"], out["year_i"], out["parameter"], strict=True)):
        if parameter not in GROSS_PARAMETERS:
            scales.append(1.0)
            continue
        r = ratios.get((activity, int(year)), ratios.get((activity, -1)))
        if r is None or not r > 0:
            raise ReleaseError("release.gross_without_ratio", file=str(path), row=i + 2, activity=activity)
        scales.append(r if parameter == "gcv" else 1.0 / r)
    scale = pd.Series(scales, index=out.index)
    for column in ("canonical_value", "canonical_lower", "canonical_upper"):
        out[column] = out[column] * scale
    ratio_text = (1.0 / scale).where(out["parameter"] == "emission_factor_gross", scale).map(lambda r: f"{r:g}")
    out.loc[gross, "note"] = (out["note"] + " [net basis: gross x NCV/GCV ratio " + ratio_text + "]").str.strip()[gross]
    out.loc[gross, "parameter"] = out.loc[gross, "parameter"].map(GROSS_PARAMETERS)
    return out


def known_releases() -> dict[str, str]:
    """The release hash of every release id the tool knows (``ghg/data/known_releases.csv``: the bundled releases
    and the example park's), so that a folder reusing one of these ids with other content is refused."""
    from importlib import resources as files

    with files.files("ghg").joinpath("data/known_releases.csv").open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    return {row["id"]: row["sha256"] for row in rows}


def load(ref: str | Path) -> Release:
    """Load and verify a release given by bundled id (``vn-grid-2023``) or by folder path.

    Raises
    ------
    ReleaseError
        When the release is unknown, its files changed, or a table is malformed.
    """
    meta, release_hash = verify(ref)
    folder = locate(ref)
    known = known_releases().get(meta.id)
    if known is not None and known != release_hash:  # a release is named by its id: one id, one content
        raise ReleaseError("release.known_id_differs", release=meta.id, path=str(folder), known=known, got=release_hash)
    factors = pd.DataFrame(columns=FACTOR_COLUMNS)
    activities = pd.DataFrame(columns=ACTIVITY_COLUMNS)
    gwp = pd.DataFrame(columns=GWP_COLUMNS)
    if "factors.csv" in meta.files:
        factors = _canonical_factors(_read_table(folder / "factors.csv", FACTOR_COLUMNS), folder / "factors.csv")
        factors["release"] = meta.id
        factors["tier"] = meta.tier.value
    if "activities.csv" in meta.files:
        activities = _read_table(folder / "activities.csv", ACTIVITY_COLUMNS)
        _check_allowed(activities, "state", STATES, folder / "activities.csv")
        activities["release"] = meta.id
    if "gwp.csv" in meta.files:
        gwp = _read_table(folder / "gwp.csv", GWP_COLUMNS)
        gwp["value_f"] = _number(gwp, "value", folder / "gwp.csv", required=True)
        _check_allowed(gwp, "gwp_set", GWP_SETS, folder / "gwp.csv")
        gwp["release"] = meta.id
    return Release(meta.id, folder, meta, release_hash, factors, activities, gwp)


@lru_cache(maxsize=8)
def activity_names(lang: str, folders: tuple[Path, ...] = ()) -> dict[str, str]:
    """The name of each activity code of the bundled releases and of the release ``folders`` (a store's kept
    releases), in ``lang`` (``name_vi`` in Vietnamese), for what people read; a code no release names is
    shown as it is."""
    names: dict[str, str] = {}
    refs: list[str | Path] = [*available(), *folders]
    for ref in refs:
        acts = load(ref).activities
        if acts is None or not len(acts):
            continue
        for code, en, vi in zip(acts["activity"], acts["name"], acts["name_vi"], strict=True):
            names.setdefault(str(code), str(vi or en) if lang == "vi" else str(en or code))
    return names
