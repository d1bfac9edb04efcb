"""The pathway's published files: tables, charts (PNG, SVG) and the IAMC export of a projection, its target
checks and its cost curve, as bytes ready to publish (the workflow itself is :mod:`ghg.pathways.workflow`)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from ghg.i18n import text
from ghg.pathways import iamc
from ghg.pathways.output import GAP_SCHEMA, MACC_SCHEMA, parquet_bytes, provenance, table_frames
from ghg.pathways.projection import Projection
from ghg.pathways.targets import Gap
from ghg.reports import charts


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
