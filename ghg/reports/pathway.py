"""The pathway workflow the command line drives: find the files, project, check targets, cost measures, and
build the result files (tables, charts, IAMC export) as bytes ready to publish.

Scenarios and targets are given by path or by the name of a bundled one (``pathways/`` in the repository,
``ghg/_data/pathways`` in an installed wheel): ``tang-loong`` is ``pathways/tang-loong/scenario.toml``,
``sbti-aca-1.5c`` is ``pathways/targets/sbti-aca-1.5c.toml``.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pandas as pd

from ghg import park, store
from ghg.reports import charts
from ghg.pathways import iamc
from ghg.core.errors import UsageError
from ghg.i18n import text
from ghg.pathways.output import GAP_SCHEMA, MACC_SCHEMA, parquet_bytes, provenance, table_frames
from ghg.pathways.projection import Projection, project
from ghg.pathways.scenario import load_scenario
from ghg.pathways.targets import Gap, gap, load_target


def bundled_dir() -> Path:
    """The bundled ``pathways/`` folder: inside the installed wheel, else at the repository root."""
    packaged = Path(str(resources.files("ghg"))) / "_data" / "pathways"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "pathways"


def bundled() -> dict[str, list[str]]:
    """Names of the bundled scenarios and targets."""
    folder = bundled_dir()
    scenarios = sorted(p.parent.name for p in folder.glob("*/scenario.toml"))
    targets = sorted(p.stem for p in (folder / "targets").glob("*.toml"))
    return {"scenarios": scenarios, "targets": targets}


def locate_scenario(ref: str | Path) -> Path:
    """A scenario file given by path, or a bundled scenario by name."""
    path = Path(ref)
    if path.is_file():
        return path
    candidate = bundled_dir() / str(ref) / "scenario.toml"
    if not str(ref).startswith(".") and "/" not in str(ref) and candidate.is_file():
        return candidate
    raise UsageError("pathway.unknown_scenario", name=str(ref), available=", ".join(bundled()["scenarios"]))


def locate_target(ref: str | Path) -> Path:
    """A target file given by path, or a bundled target by name."""
    path = Path(ref)
    if path.is_file():
        return path
    candidate = bundled_dir() / "targets" / f"{ref}.toml"
    if not str(ref).startswith(".") and "/" not in str(ref) and candidate.is_file():
        return candidate
    raise UsageError("pathway.unknown_target", name=str(ref), available=", ".join(bundled()["targets"]))


def run(
    scenario_ref: str | Path, store_dir: store.StoreRef, registry_path: Path, min_status: str = "draft"
) -> Projection:
    """Load the scenario and the park's stored inventories, and project them (BAU and scenario)."""
    scenario = load_scenario(locate_scenario(scenario_ref))
    registry = park.load_registry(registry_path)
    lines = store.read_lines(store_dir, min_status=min_status)
    return project(lines, scenario, registry)


def _title(projection: Projection, scopes: list[str], lang: str) -> str:
    scenario = projection.scenario
    name = scenario.name_vi if lang == "vi" else scenario.name
    labels = " + ".join(text(f"pathway.scope.{s}", lang) for s in scopes)
    return f"{name}: {labels}, {projection.gwp_set} GWP-100"


def run_files(projection: Projection, lang: str) -> dict[str, bytes]:
    """The projection and abatement tables (Parquet) and the pathway chart (PNG, SVG) of a run."""
    stem = projection.scenario.id
    meta = provenance(projection)
    files = {
        f"{stem}-{name}.parquet": parquet_bytes(frame, schema, meta)
        for name, (frame, schema) in table_frames(projection).items()
    }
    scopes = ["scope_1", "scope_2_location"]
    title = _title(projection, scopes, lang)
    files.update(charts.pathway(projection.totals(scopes), {}, title, lang, Path(f"{stem}-pathway.{lang}")))
    return files


def check(projection: Projection, target_refs: list[str], enterprise: str | None, each: bool) -> list[Gap]:
    """Every target against the projection: for the park, one enterprise, or each enterprise in turn."""
    loaded = [load_target(locate_target(ref)) for ref in target_refs]
    if each:
        names = sorted(
            set(projection.lines.loc[projection.lines["year"] == projection.scenario.base_year, "enterprise"])
        )
        return [gap(t, projection, name) for t in loaded for name in names]
    return [gap(t, projection, enterprise) for t in loaded]


def check_files(projection: Projection, gaps: list[Gap], lang: str) -> dict[str, bytes]:
    """The yearly gap table (Parquet) and, per boundary and set of scopes, a chart of the pathway and targets."""
    stem = projection.scenario.id
    targets: dict[str, str] = {str(g.target.path): g.target.sha256 for g in gaps}
    frame = pd.concat(
        [
            g.yearly.assign(
                scenario=stem, target=g.target.id, boundary=g.enterprise or "park", gwp_set=projection.gwp_set
            )
            for g in gaps
        ],
        ignore_index=True,
    )
    boundaries = sorted({g.enterprise or "park" for g in gaps})
    name = "park" if boundaries == ["park"] else ("each" if len(boundaries) > 1 else boundaries[0])
    files = {f"{stem}-gap-{name}.parquet": parquet_bytes(frame, GAP_SCHEMA, provenance(projection, targets))}
    groups: dict[tuple[str | None, tuple[str, ...]], list[Gap]] = {}
    for g in gaps:
        groups.setdefault((g.enterprise, tuple(g.target.scopes)), []).append(g)
    for (enterprise, scopes), members in groups.items():
        drawn = {(t.target.name_vi if lang == "vi" else t.target.name): _drawn(t) for t in members}
        title = _title(projection, list(scopes), lang) + (f" — {enterprise}" if enterprise else "")
        scope_tag = "+".join(s.replace("scope_", "s") for s in scopes)
        stem_chart = Path(f"{stem}-targets-{enterprise or 'park'}-{scope_tag}.{lang}")
        files.update(charts.pathway(projection.totals(list(scopes), enterprise), drawn, title, lang, stem_chart))
    return files


def _drawn(g: Gap) -> pd.DataFrame:
    return g.yearly[["year", "target_t_co2e"]]


def macc_files(
    projection: Projection, frame: pd.DataFrame, year: int, enterprise: str | None, method: str, lang: str
) -> dict[str, bytes]:
    """The curve as a table (Parquet) and a chart (PNG, SVG)."""
    stem = projection.scenario.id
    boundary = enterprise or "park"
    table = frame.assign(scenario=stem, year=year, boundary=boundary, scope_2_method=method, gwp_set=projection.gwp_set)
    name = f"{stem}-macc-{year}-{boundary}-{method}"
    files = {f"{name}.parquet": parquet_bytes(table, MACC_SCHEMA, provenance(projection))}
    title = text(
        "pathway.chart.macc_title",
        lang,
        year=year,
        boundary=enterprise or text("pathway.park", lang),
        method=text(f"pathway.method.{method}", lang),
        gwp=f"{projection.gwp_set} GWP-100",
    )
    files.update(charts.macc(frame, title, lang, Path(f"{name}.{lang}")))
    return files


def iamc_bytes(projection: Projection, region: str) -> tuple[pd.DataFrame, bytes]:
    """The IAMC long table and its CSV bytes (UTF-8, ``.`` decimal mark, no index)."""
    frame = iamc.long_format(projection, region)
    return frame, frame.to_csv(index=False, lineterminator="\n").encode("utf-8")
