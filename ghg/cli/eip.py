"""``ghg eip indicators|report|network|checklist``: eco-industrial park monitoring (Decree 35/2022/NĐ-CP)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from ghg import eip
from ghg.core import fsutil
from ghg.core.errors import GhgError
from ghg.eip.indicators import from_store as indicators_from_store
from ghg.i18n import formatting, text
from ghg.reports import network

if TYPE_CHECKING:
    pass


from ghg.cli.common import (
    LocalizedGroup,
    cell_of,
    cols_of,
    emit_json,
    fail,
    json_option,
    lang_of,
    lang_option,
    show_published,
    snapshot_at,
    store_option,
)


@click.group(cls=LocalizedGroup, name="eip")
def eip_group() -> None:
    pass


def _eip_options(f: Callable[..., Any]) -> Callable[..., Any]:
    f = click.option("--eip", "eip_dir", type=click.Path(path_type=Path), required=True)(f)
    f = click.option("--year", type=int, default=None)(f)
    return store_option(f)


@eip_group.command(name="indicators")
@_eip_options
@lang_option
@json_option
@click.pass_context
def eip_indicators_cmd(
    ctx: click.Context,
    store_dir: Path,
    registry: Path,
    transfers: Path | None,
    year: int | None,
    eip_dir: Path,
    lang: str | None,
    as_json: bool,
) -> None:
    lg = lang_of(ctx)
    try:
        ind, year = indicators_from_store(snapshot_at(ctx, store_dir), registry, transfers, eip_dir, year)
        checks_done = eip.checklist(store_dir, year)
    except GhgError as exc:
        fail(ctx, exc, as_json)
        return
    findings = [
        {**{k: v for k, v in f.items() if k not in ("key", "params")}, "message": text(f["key"], lg, **f["params"])}
        for f in ind.findings.to_dict(orient="records")
    ]
    if as_json:
        emit_json(
            {
                **ind.summary,
                "criteria": ind.criteria.to_dict(orient="records"),
                "checklist": checks_done.to_dict(orient="records"),
                "links": ind.links.to_dict(orient="records"),
                "recp": ind.recp.to_dict(orient="records"),
                "intensities": ind.intensities.to_dict(orient="records"),
                "findings": findings,
            }
        )
        return
    s = ind.summary
    met = {c["criterion"]: c["met"] for c in ind.criteria.to_dict(orient="records")}
    click.echo(text("eip.header", lg, year=year))
    click.echo(
        text("eip.recp_share", lg, count=s["recp_enterprises"], members=s["members"],
             share=formatting.number(100 * s["recp_share"], lg, 1),
             status=text("eip.met" if met["37.2(c)"] else "eip.not_met", lg))
    )  # fmt: skip
    click.echo(
        text(
            "eip.links", lg, count=s["symbiosis_links"], status=text("eip.met" if met["37.2(b)"] else "eip.not_met", lg)
        )
    )
    amounts = {
        k: formatting.number(s[f], lg, 0)
        for k, f in (("mwh", "electricity_saved_mwh"), ("water", "water_saved_m3"),
                     ("materials", "materials_saved_t"), ("chemicals", "chemicals_saved_t"))
    }  # fmt: skip
    click.echo(text("eip.savings", lg, **amounts))
    change = s["inventory_change_t_co2e"]
    click.echo(
        text("eip.avoided", lg, recp=formatting.number(s["avoided_recp_t_co2e"], lg, 0),
             grid=formatting.number(s["grid_factor_t_co2_per_mwh"], lg, 4),
             links=formatting.number(s["avoided_symbiosis_t_co2e"], lg, 0),
             change=formatting.number(change, lg, 0) if change is not None else "-")
    )  # fmt: skip
    click.echo("")
    heads = ["supplier", "receiver", "material", "quantity", "avoided_t_co2e"]
    rows = [
        [r["supplier"], r["receiver"], cell_of(r["material"], lg, "material"),
         f"{formatting.number(r['quantity'], lg, 0)} {r['unit']}", formatting.number(r["avoided_t_co2e"], lg, 0)]
        for r in ind.links.to_dict(orient="records")
    ]  # fmt: skip
    click.echo(formatting.table(cols_of(lg, heads), rows, [False, False, False, True, True]))
    click.echo("")
    click.echo(text("eip.checklist_title", lg))
    rows = [[r["criterion"], r["value"] or "-", r["by"], r["at"]] for r in checks_done.to_dict(orient="records")]
    click.echo(formatting.table(cols_of(lg, ["criterion", "value", "by", "at"]), rows, [False] * 4))
    if findings:
        click.echo("")
        click.echo(text("eip.findings", lg))
        for f in findings:
            click.echo(f"  {f['code']} {f['file']}:{f['row']} {f['enterprise']}: {f['message']}")


@eip_group.command(name="report")
@_eip_options
@click.option("--enterprise", default=None)
@click.option("--out", type=click.Path(path_type=Path), required=True)
@lang_option
@json_option
@click.pass_context
def eip_report_cmd(
    ctx: click.Context,
    store_dir: Path,
    registry: Path,
    transfers: Path | None,
    year: int | None,
    eip_dir: Path,
    enterprise: str | None,
    out: Path,
    lang: str | None,
    as_json: bool,
) -> None:
    lg = lang_of(ctx)
    try:
        ind, year = indicators_from_store(snapshot_at(ctx, store_dir), registry, transfers, eip_dir, year)
        document = eip.report(ind, eip.checklist(store_dir, year), lg, enterprise)
        stem = out.name[: -len(out.suffix)] if out.suffix else out.name
        outcome = fsutil.publish_files(out.parent, eip.report_files(document, stem))
    except GhgError as exc:
        fail(ctx, exc, as_json)
        return
    if as_json:
        emit_json({"report": document, "files": [{"path": str(p), "state": st} for p, st in outcome]})
        return
    show_published(outcome, lg)


@eip_group.command(name="network")
@_eip_options
@click.option("--out", type=click.Path(path_type=Path), required=True)
@lang_option
@json_option
@click.pass_context
def eip_network_cmd(
    ctx: click.Context,
    store_dir: Path,
    registry: Path,
    transfers: Path | None,
    year: int | None,
    eip_dir: Path,
    out: Path,
    lang: str | None,
    as_json: bool,
) -> None:
    lg = lang_of(ctx)
    try:
        ind, year = indicators_from_store(snapshot_at(ctx, store_dir), registry, transfers, eip_dir, year)
        title = text("eip.network_title", lg, year=year)
        files = network.network(ind.links, title, lg, Path(f"symbiosis-{year}.{lg}"))
        outcome = fsutil.publish_files(out, files)
    except GhgError as exc:
        fail(ctx, exc, as_json)
        return
    if as_json:
        emit_json(
            {"year": year, "links": ind.links.to_dict(orient="records"),
             "files": [{"path": str(p), "state": st} for p, st in outcome]}
        )  # fmt: skip
        return
    show_published(outcome, lg)


@eip_group.command(name="checklist")
@click.option("--store", "store_dir", type=click.Path(path_type=Path), default=Path("ghg-store"), show_default=True)
@click.option("--year", type=int, required=True)
@click.option("--criterion", required=True)
@click.option("--value", required=True)
@click.option("--by", required=True)
@click.option("--comment", default="")
@lang_option
@json_option
@click.pass_context
def eip_checklist_cmd(
    ctx: click.Context,
    store_dir: Path,
    year: int,
    criterion: str,
    value: str,
    by: str,
    comment: str,
    lang: str | None,
    as_json: bool,
) -> None:
    lg = lang_of(ctx)
    try:
        path = eip.checklist_set(store_dir, year, criterion, value, by, comment)
    except GhgError as exc:
        fail(ctx, exc, as_json)
        return
    if as_json:
        emit_json({"recorded": str(path)})
    else:
        click.echo(text("eip.checklist.recorded", lg, path=str(path)))
