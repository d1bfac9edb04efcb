"""``ghg park``, ``ghg check``, ``ghg export`` and ``ghg history``: the park's consolidation, QA/QC findings,
the stored lines as files, and the revisions of each partition.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from ghg import store
from ghg.core.errors import GhgError
from ghg.i18n import formatting, text
from ghg.park import export, review

if TYPE_CHECKING:
    pass


from ghg.cli.common import (
    LocalizedCommand,
    as_of_option,
    cell_of,
    cols_of,
    emit_json,
    fail,
    heads_of,
    json_option,
    lang_of,
    lang_option,
    snapshot_at,
    store_option,
)


@click.command(cls=LocalizedCommand, name="park")
@store_option
@click.option("--years", "years", multiple=True, type=int)
@click.option("--enterprises", "enterprises", multiple=True)
@click.option(
    "--min-status",
    type=click.Choice(store.STATUSES),
    default="draft",
    show_default=True,
)
@lang_option
@json_option
@click.pass_context
def park_cmd(
    ctx: click.Context,
    store_dir: Path,
    registry: Path,
    transfers: Path | None,
    years: tuple[int, ...],
    enterprises: tuple[str, ...],
    min_status: str,
    lang: str | None,
    as_json: bool,
) -> None:
    lg = lang_of(ctx)
    try:
        seen = review.view(
            snapshot_at(ctx, store_dir), registry, transfers, list(years) or None, list(enterprises) or None, min_status
        )
    except GhgError as exc:
        fail(ctx, exc, as_json)
        return
    result, limits, built_from = seen.result, seen.thresholds, seen.built_from
    if as_json:
        emit_json(
            {
                "revisions": built_from.to_dict(orient="records"),
                "consolidated": result.consolidated.to_dict(orient="records"),
                "shares": result.shares.to_dict(orient="records"),
                "totals": result.totals.to_dict(orient="records"),
                "transfers": result.transfers.to_dict(orient="records"),
                "thresholds": limits.to_dict(orient="records"),
                "not_members": result.not_members.to_dict(orient="records"),
            }
        )
        return
    click.echo(text("cli.park_title", lg))
    cols = [
        "scope_1_t_co2e",
        "scope_2_location_members_t_co2e",
        "internal_supply_location_t_co2e",
        "consolidated_location_t_co2e",
        "consolidated_market_t_co2e",
    ]
    rows = [
        [str(r["year"])] + [formatting.number(r[c], lg) for c in cols]
        for r in result.consolidated.to_dict(orient="records")
    ]
    click.echo(formatting.table([text("cli.year", lg), *cols_of(lg, cols)], rows, [False] + [True] * len(cols)))
    if len(result.transfers):
        click.echo("")
        click.echo(text("cli.transfers_title", lg))
        heads = ["year", "seller", "buyer", "carrier", "ledger_quantity", "buyer_quantity", "unit", "agrees"]
        body = [
            [
                cell_of(r[h], lg, h) if h not in ("ledger_quantity", "buyer_quantity") else formatting.number(r[h], lg)
                for h in heads
            ]
            for r in result.transfers.to_dict(orient="records")
        ]
        click.echo(formatting.table(cols_of(lg, heads), body, [False, False, False, False, True, True, False, False]))
    click.echo("")
    click.echo(text("cli.thresholds_title", lg))
    heads = [
        "enterprise",
        "facility",
        "year",
        "t_co2e",
        "toe",
        "decree_06_inventory_duty",
        "decision_896_reduce_by_2030",
        "on_national_list",
    ]
    last = limits[limits["year"] == limits["year"].max()] if len(limits) else limits
    body = [
        [formatting.number(r[h], lg, 0) if h in ("t_co2e", "toe") else cell_of(r[h], lg) for h in heads]
        for r in last.to_dict(orient="records")
    ]
    click.echo(formatting.table(cols_of(lg, heads), body, [False, False, False, True, True, False, False, False]))
    click.echo("")
    click.echo(text("cli.built_from", lg, count=len(built_from), status=text(f"status.{min_status}", lg)))
    heads = heads_of(lg, "cli.enterprise", "cli.year", "cli.revision", "cli.status", "cli.content_hash")
    body = [
        [str(r["enterprise"]), str(r["year"]), str(r["revision"]), text(f"status.{r['status']}", lg), r["content_hash"]]
        for r in built_from.to_dict(orient="records")
    ]
    click.echo(formatting.table(heads, body, [False, False, True, False, False]))


@click.command(cls=LocalizedCommand, name="check")
@store_option
@click.option(
    "--ack",
    "ack_path",
    type=click.Path(path_type=Path),
    default=None,
)
@click.option(
    "--recalculation-threshold",
    type=float,
    default=0.05,
    show_default=True,
)
@lang_option
@json_option
@click.pass_context
def check_cmd(
    ctx: click.Context,
    store_dir: Path,
    registry: Path,
    transfers: Path | None,
    ack_path: Path | None,
    recalculation_threshold: float,
    lang: str | None,
    as_json: bool,
) -> None:
    lg = lang_of(ctx)
    try:
        findings = review.check(snapshot_at(ctx, store_dir), registry, transfers, ack_path, lg, recalculation_threshold)
    except GhgError as exc:
        fail(ctx, exc, as_json)
        return
    errors = int((findings["severity"] == "error").sum())
    if as_json:
        emit_json({"errors": errors, "findings": findings.to_dict(orient="records")})
    else:
        warnings = findings["severity"] == "warning"
        click.echo(
            text(
                "cli.findings_title",
                lg,
                errors=errors,
                warnings=int(warnings.sum()),
                acknowledged=int((warnings & findings["acknowledged"]).sum()),
                infos=int((findings["severity"] == "info").sum()),
            )
        )
        heads = ["code", "severity", "enterprise", "facility", "year", "message", "rows", "acknowledged"]
        body = [
            [
                text(f"severity.{r[h]}", lg)
                if h == "severity"
                else (text("cli.yes", lg) if r[h] else "")
                if h == "acknowledged"
                else str(r[h])[:140]
                for h in heads
            ]
            for r in findings.to_dict(orient="records")
        ]
        click.echo(formatting.table(cols_of(lg, heads), body, [False] * len(heads)))
    if errors:
        ctx.exit(1)


@click.command(cls=LocalizedCommand, name="export")
@click.argument("out", type=click.Path(path_type=Path))
@click.option("--store", "store_dir", type=click.Path(path_type=Path), default=Path("ghg-store"), show_default=True)
@click.option("--all-revisions", is_flag=True)
@click.option("--year", type=int, default=None)
@click.option("--enterprise", default=None)
@as_of_option
@lang_option
@json_option
@click.pass_context
def export_cmd(
    ctx: click.Context,
    out: Path,
    store_dir: Path,
    all_revisions: bool,
    year: int | None,
    enterprise: str | None,
    lang: str | None,
    as_json: bool,
) -> None:
    try:
        lines = store.read_lines(snapshot_at(ctx, store_dir), revision="all" if all_revisions else "latest")
        if year is not None:
            lines = lines[lines["year"] == year]
        if enterprise is not None:
            lines = lines[lines["enterprise"] == enterprise]
        path = export.export(lines, out)
    except GhgError as exc:
        fail(ctx, exc, as_json)
        return
    if as_json:
        emit_json({"path": str(path), "rows": len(lines)})
    else:
        click.echo(text("cli.exported", lang_of(ctx), rows=len(lines), path=path))


@click.command(cls=LocalizedCommand, name="history")
@click.option("--store", "store_dir", type=click.Path(path_type=Path), default=Path("ghg-store"), show_default=True)
@click.option("--enterprise", default=None)
@click.option("--year", type=int, default=None)
@as_of_option
@lang_option
@json_option
@click.pass_context
def history_cmd(
    ctx: click.Context, store_dir: Path, enterprise: str | None, year: int | None, lang: str | None, as_json: bool
) -> None:
    lg = lang_of(ctx)
    try:
        table = store.history(snapshot_at(ctx, store_dir))
    except GhgError as exc:
        fail(ctx, exc, as_json)
        return
    if enterprise is not None:
        table = table[table["enterprise"] == enterprise]
    if year is not None:
        table = table[table["year"] == year]
    if as_json:
        emit_json(table.to_dict(orient="records"))
        return
    heads = heads_of(
        lg,
        "cli.enterprise",
        "cli.year",
        "cli.revision",
        "cli.parent",
        "cli.status",
        "cli.author",
        "cli.created",
        "cli.reason",
        "cli.content_hash",
    )
    body = [
        [
            str(r["enterprise"]),
            str(r["year"]),
            str(r["revision"]),
            str(r["parent"]) if r["parent"] else "-",
            text(f"status.{r['status']}", lg),
            str(r["author"]),
            str(r["created"]),
            str(r["reason"])[:60],
            str(r["content_hash"])[:12],
        ]
        for r in table.to_dict(orient="records")
    ]
    click.echo(formatting.table(heads, body, [False, False, True, True, False, False, False, False, False]))
