"""``ghg pathway list|run|check|macc|export``: pathways to 2050, targets and the cost curve."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from ghg import store
from ghg.core import fsutil
from ghg.core.errors import GhgError, UsageError
from ghg.i18n import formatting, text
from ghg.pathways import macc, workflow
from ghg.pathways import output as pathway_output
from ghg.reports import pathway

if TYPE_CHECKING:
    pass


from ghg.cli.common import (
    LocalizedGroup,
    as_of_option,
    emit_json,
    fail,
    heads_of,
    json_option,
    lang_of,
    lang_option,
    show_published,
    snapshot_at,
)


@click.group(cls=LocalizedGroup, name="pathway")
def pathway_group() -> None:
    pass


def _pathway_options(f: Callable[..., Any]) -> Callable[..., Any]:
    f = click.option(
        "--min-status",
        type=click.Choice(store.STATUSES),
        default="draft",
        show_default=True,
    )(f)
    f = click.option(
        "--registry",
        type=click.Path(path_type=Path),
        required=True,
    )(f)
    f = click.option(
        "--store",
        "store_dir",
        type=click.Path(path_type=Path),
        default=Path("ghg-store"),
        show_default=True,
    )(f)
    f = as_of_option(f)
    return click.argument("scenario_ref", metavar="SCENARIO")(f)


def _out_option(f: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "--out",
        type=click.Path(path_type=Path),
        default=Path("pathway-out"),
        show_default=True,
    )(f)


@pathway_group.command(name="list")
@lang_option
@json_option
@click.pass_context
def pathway_list(ctx: click.Context, lang: str | None, as_json: bool) -> None:
    lg = lang_of(ctx)
    found = workflow.bundled()
    if as_json:
        emit_json({"folder": str(workflow.bundled_dir()), **found})
        return
    for kind in ("scenarios", "targets"):
        click.echo(f"{text(f'pathway.list.{kind}', lg)}: {', '.join(found[kind])}")


@pathway_group.command(name="run")
@_pathway_options
@_out_option
@lang_option
@json_option
@click.pass_context
def pathway_run(
    ctx: click.Context,
    scenario_ref: str,
    store_dir: Path,
    registry: Path,
    min_status: str,
    out: Path,
    lang: str | None,
    as_json: bool,
) -> None:
    lg = lang_of(ctx)
    try:
        result = workflow.run(scenario_ref, snapshot_at(ctx, store_dir), registry, min_status)
        outcome = fsutil.publish_files(out, pathway.run_files(result, lg))
    except GhgError as exc:
        fail(ctx, exc, as_json)
        return
    scenario = result.scenario
    totals = result.totals(["scope_1", "scope_2_location"])
    abated = result.abatement[result.abatement["scope"].isin(["scope_1", "scope_2"])]
    by_measure = abated.pivot_table(index="measure", columns="year", values="abated_t_co2e", aggfunc="sum")
    grid = dict(zip(scenario.years.tolist(), scenario.grid_factor(scenario.years).tolist(), strict=True))
    if as_json:
        emit_json(
            {
                "scenario": scenario.id,
                "provenance": pathway_output.provenance(result),
                "totals_scope_1_2_location": totals.reset_index().to_dict(orient="records"),
                "grid_t_co2_per_mwh": grid,
                "abatement": abated.to_dict(orient="records"),
                "left_out": result.left_out,
                "grid_basis": result.grid_basis,
                "files": [{"path": str(p), "state": st} for p, st in outcome],
            }
        )
        return
    name = scenario.name_vi if lg == "vi" else scenario.name
    click.echo(
        text(
            "pathway.run.header",
            lg,
            id=scenario.id,
            name=name,
            base=scenario.base_year,
            horizon=scenario.horizon,
            gwp=result.gwp_set,
        )
    )
    heads = heads_of(
        lg,
        "pathway.head.year",
        "pathway.head.actual_t",
        "pathway.head.bau_t",
        "pathway.head.scenario_t",
        "pathway.head.grid",
    )
    rows = []
    for year, row in totals.iterrows():
        cells = [str(year)]
        for case in ("actual", "bau", "scenario"):
            value = row.get(case, 0.0)
            cells.append(formatting.number(value, lg, 0) if value else "")
        cells.append(formatting.number(grid[year], lg, 4) if year in grid else "")
        rows.append(cells)
    click.echo(formatting.table(heads, rows, [False, True, True, True, True]))
    if result.left_out:
        click.echo(text("pathway.run.left_out", lg, names=", ".join(result.left_out)))
    click.echo(workflow.grid_basis_text(result, lg))
    shown = [y for y in by_measure.columns if y % 5 == 0 or y == scenario.horizon]
    if len(by_measure):
        click.echo("")
        click.echo(text("pathway.run.abatement", lg))
        heads = [text("pathway.head.measure", lg), *(str(y) for y in shown)]
        rows = [[m] + [formatting.number(by_measure.loc[m, y], lg, 0) for y in shown] for m in by_measure.index]
        click.echo(formatting.table(heads, rows, [False] + [True] * len(shown)))
    click.echo("")
    show_published(outcome, lg)


@pathway_group.command(name="check")
@_pathway_options
@click.option(
    "--target",
    "target_refs",
    multiple=True,
    required=True,
)
@click.option("--enterprise", default=None)
@click.option("--each-enterprise", is_flag=True)
@click.option("--strict", is_flag=True)
@_out_option
@lang_option
@json_option
@click.pass_context
def pathway_check(
    ctx: click.Context,
    scenario_ref: str,
    store_dir: Path,
    registry: Path,
    min_status: str,
    target_refs: tuple[str, ...],
    enterprise: str | None,
    each_enterprise: bool,
    strict: bool,
    out: Path,
    lang: str | None,
    as_json: bool,
) -> None:
    lg = lang_of(ctx)
    try:
        if enterprise and each_enterprise:
            raise UsageError("pathway.each_and_one")
        result = workflow.run(scenario_ref, snapshot_at(ctx, store_dir), registry, min_status)
        gaps = workflow.check(result, list(target_refs), enterprise, each_enterprise)
        outcome = fsutil.publish_files(out, pathway.check_files(result, gaps, lg))
    except GhgError as exc:
        fail(ctx, exc, as_json)
        return
    missed = any(g.summary["first_year_off_track"] is not None for g in gaps)
    if as_json:
        emit_json(
            {
                "scenario": result.scenario.id,
                "checks": [{**g.summary, "yearly": g.yearly.to_dict(orient="records")} for g in gaps],
                "grid_basis": result.grid_basis,
                "files": [{"path": str(p), "state": st} for p, st in outcome],
            }
        )
    else:
        click.echo(workflow.grid_basis_text(result, lg))
        for g in gaps:
            s = g.summary
            name = g.target.name_vi if lg == "vi" else g.target.name
            click.echo(
                text(
                    "pathway.check.header",
                    lg,
                    id=g.target.id,
                    name=name,
                    boundary=g.enterprise or text("pathway.park", lg),
                    scopes=" + ".join(g.target.scopes),
                )
            )
            heads = heads_of(
                lg,
                "pathway.head.year",
                "pathway.head.kind",
                "pathway.head.emissions_t",
                "pathway.head.bau_t",
                "pathway.head.target_t",
                "pathway.head.gap_t",
                "pathway.head.on_track",
            )
            shown = g.yearly[
                (g.yearly["year"] % 5 == 0) | (g.yearly.index == 0) | (g.yearly.index == len(g.yearly) - 1)
            ]
            rows = [
                [str(r["year"]), text(f"pathway.kind.{r['kind']}", lg)]
                + [
                    formatting.number(r[c], lg, 0)
                    for c in ("emissions_t_co2e", "bau_t_co2e", "target_t_co2e", "gap_t_co2e")
                ]
                + [text("pathway.yes" if r["on_track"] else "pathway.no", lg)]
                for r in shown.to_dict(orient="records")
            ]
            click.echo(formatting.table(heads, rows, [False, False, True, True, True, True, False]))
            first = s["first_year_off_track"]
            rate = s["rate_needed_per_year"]
            click.echo(
                text(
                    "pathway.check.summary",
                    lg,
                    first=first if first is not None else text("pathway.check.never", lg),
                    budget=formatting.number(s["carbon_budget_t_co2e"], lg, 0),
                    horizon=s["horizon"],
                    cumulative=formatting.number(s["cumulative_t_co2e"], lg, 0),
                    overshoot=formatting.number(s["overshoot_t_co2e"], lg, 0),
                    latest=s["latest_actual_year"],
                    latest_t=formatting.number(s["latest_actual_t_co2e"], lg, 0),
                    rate=formatting.number(100 * rate, lg, 2) if rate is not None else "-",
                    residual=formatting.number(s["residual_t_co2e"], lg, 0),
                    target_end=formatting.number(s["target_at_horizon_t_co2e"], lg, 0),
                )
            )
            if s["to_neutralise_t_co2e"] is not None:
                click.echo(
                    text(
                        "pathway.check.neutralise",
                        lg,
                        year=s["horizon"],
                        amount=formatting.number(s["to_neutralise_t_co2e"], lg, 0),
                    )
                )
            click.echo("")
        show_published(outcome, lg)
    if strict and missed:
        ctx.exit(1)


@pathway_group.command(name="macc")
@_pathway_options
@click.option("--year", type=int, required=True)
@click.option("--enterprise", default=None)
@click.option(
    "--scope-2",
    "method",
    type=click.Choice(["location", "market"]),
    default="location",
    show_default=True,
)
@_out_option
@lang_option
@json_option
@click.pass_context
def pathway_macc(
    ctx: click.Context,
    scenario_ref: str,
    store_dir: Path,
    registry: Path,
    min_status: str,
    year: int,
    enterprise: str | None,
    method: str,
    out: Path,
    lang: str | None,
    as_json: bool,
) -> None:
    lg = lang_of(ctx)
    try:
        result = workflow.run(scenario_ref, snapshot_at(ctx, store_dir), registry, min_status)
        frame, left = macc.curve(result, year, enterprise, method)
        outcome = fsutil.publish_files(out, pathway.macc_files(result, frame, year, enterprise, method, lg))
    except GhgError as exc:
        fail(ctx, exc, as_json)
        return
    if as_json:
        emit_json(
            {
                "scenario": result.scenario.id,
                "year": year,
                "boundary": enterprise or "park",
                "scope_2_method": method,
                "gwp_set": result.gwp_set,
                "curve": frame.to_dict(orient="records"),
                "left_out": left.to_dict(orient="records"),
                "files": [{"path": str(p), "state": st} for p, st in outcome],
            }
        )
        return
    currency = frame["currency"].iloc[0] if len(frame) else "-"
    click.echo(
        text(
            "pathway.macc.header",
            lg,
            year=year,
            boundary=enterprise or text("pathway.park", lg),
            method=text(f"pathway.method.{method}", lg),
            currency=currency,
            gwp=result.gwp_set,
        )
    )
    heads = heads_of(
        lg,
        "pathway.head.measure",
        "pathway.head.abated_t",
        "pathway.head.cost_t",
        "pathway.head.annual_cost",
        "pathway.head.cumulative_t",
    )
    rows = [
        [
            r["measure"],
            formatting.number(r["abatement_t_co2e"], lg, 0),
            formatting.number(r["cost_per_t_co2e"], lg, 1),
            formatting.number(r["annual_cost"], lg, 0),
            formatting.number(r["to_t_co2e"], lg, 0),
        ]
        for r in frame.to_dict(orient="records")
    ]
    click.echo(formatting.table(heads, rows, [False, True, True, True, True]))
    for r in left.to_dict(orient="records"):
        click.echo(
            text(
                "pathway.macc.left_out", lg, measure=r["measure"], reason=text(f"pathway.macc.reason.{r['reason']}", lg)
            )
        )
    click.echo("")
    show_published(outcome, lg)


@pathway_group.command(name="export")
@_pathway_options
@click.option("--format", "fmt", type=click.Choice(["iamc"]), required=True)
@click.option("--region", default=None)
@click.option("--out", type=click.Path(path_type=Path), required=True)
@lang_option
@json_option
@click.pass_context
def pathway_export(
    ctx: click.Context,
    scenario_ref: str,
    store_dir: Path,
    registry: Path,
    min_status: str,
    fmt: str,
    region: str | None,
    out: Path,
    lang: str | None,
    as_json: bool,
) -> None:
    lg = lang_of(ctx)
    try:
        result = workflow.run(scenario_ref, snapshot_at(ctx, store_dir), registry, min_status)
        frame, data = pathway.iamc_bytes(result, region or result.scenario.id)
        outcome = fsutil.publish_files(out.parent, {out.name: data})
    except GhgError as exc:
        fail(ctx, exc, as_json)
        return
    summary = {
        "rows": len(frame),
        "scenarios": frame["scenario"].nunique(),
        "regions": frame["region"].nunique(),
        "path": str(out),
    }
    if as_json:
        emit_json({"format": fmt, **summary, "files": [{"path": str(p), "state": st} for p, st in outcome]})
        return
    click.echo(text("pathway.export.written", lg, **summary))
    show_published(outcome, lg)
