"""``ghg store verify|status|migrate|vacuum|diff``: the store's integrity, workflow steps, migration,
vacuuming and the difference between two revisions.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from ghg import store
from ghg.core.errors import GhgError
from ghg.i18n import formatting, text
from ghg.store import audit, migrate

if TYPE_CHECKING:
    pass


from ghg.cli.common import LocalizedGroup, as_of_option, emit_json, fail, json_option, lang_of, lang_option, snapshot_at


@click.group(cls=LocalizedGroup, name="store")
def store_group() -> None:
    pass


@store_group.command(name="verify")
@click.option("--store", "store_dir", type=click.Path(path_type=Path), default=Path("ghg-store"), show_default=True)
@lang_option
@json_option
@click.pass_context
def store_verify_cmd(ctx: click.Context, store_dir: Path, lang: str | None, as_json: bool) -> None:
    report = audit.verify_store(store_dir)
    if as_json:
        emit_json(report.to_dict(orient="records"))
    else:
        click.echo(text("cli.store_verify", lang_of(ctx), ok=int(report["ok"].sum()), total=len(report)))
        bad = report[~report["ok"]]
        if len(bad):
            click.echo(formatting.table(["file", "reason"], bad[["file", "reason"]].values.tolist(), [False, False]))
    if not report["ok"].all():
        ctx.exit(1)


@store_group.command(name="status")
@click.option("--store", "store_dir", type=click.Path(path_type=Path), default=Path("ghg-store"), show_default=True)
@click.option("--year", type=int, required=True)
@click.option("--enterprise", required=True)
@click.option("--revision", type=int, required=True)
@click.option("--set", "status", type=click.Choice(store.STATUSES[1:]), required=True)
@click.option("--by", "by", required=True)
@click.option("--comment", default="")
@lang_option
@json_option
@click.pass_context
def store_status_cmd(
    ctx: click.Context,
    store_dir: Path,
    year: int,
    enterprise: str,
    revision: int,
    status: str,
    by: str,
    comment: str,
    lang: str | None,
    as_json: bool,
) -> None:
    try:
        entry = store.set_status(store_dir, year, enterprise, revision, status, by, comment)
    except GhgError as exc:
        fail(ctx, exc, as_json)
        return
    if as_json:
        emit_json(entry)
    else:
        click.echo(
            text(
                "cli.status_set",
                lang_of(ctx),
                partition=f"{enterprise} {year}",
                revision=revision,
                status=text(f"status.{status}", lang_of(ctx)),
            )
        )


@store_group.command(name="migrate")
@click.argument("old", type=click.Path(path_type=Path))
@click.argument("new", type=click.Path(path_type=Path))
@lang_option
@json_option
@click.pass_context
def store_migrate_cmd(ctx: click.Context, old: Path, new: Path, lang: str | None, as_json: bool) -> None:
    try:
        done = migrate.migrate(old, new)
    except GhgError as exc:
        fail(ctx, exc, as_json)
        return
    if as_json:
        emit_json(done)
    else:
        click.echo(text("store.migrated", lang_of(ctx), path=str(new), **done))


@store_group.command(name="vacuum")
@click.option("--store", "store_dir", type=click.Path(path_type=Path), default=Path("ghg-store"), show_default=True)
@click.option("--older-than", "older_than", type=click.IntRange(0), default=1, show_default=True)
@lang_option
@json_option
@click.pass_context
def store_vacuum_cmd(ctx: click.Context, store_dir: Path, older_than: int, lang: str | None, as_json: bool) -> None:
    try:
        removed = store.vacuum(store_dir, older_than)
    except GhgError as exc:
        fail(ctx, exc, as_json)
        return
    if as_json:
        emit_json({"removed": removed})
    else:
        click.echo(text("store.vacuumed", lang_of(ctx), count=len(removed)))
        for name in removed:
            click.echo(f"  {name}")


@store_group.command(name="diff")
@click.argument("revision_a", type=int)
@click.argument("revision_b", type=int)
@click.option("--store", "store_dir", type=click.Path(path_type=Path), default=Path("ghg-store"), show_default=True)
@click.option("--year", type=int, required=True)
@click.option("--enterprise", required=True)
@as_of_option
@lang_option
@json_option
@click.pass_context
def store_diff_cmd(
    ctx: click.Context,
    revision_a: int,
    revision_b: int,
    store_dir: Path,
    year: int,
    enterprise: str,
    lang: str | None,
    as_json: bool,
) -> None:
    try:
        diff = audit.revision_diff(snapshot_at(ctx, store_dir), year, enterprise, revision_a, revision_b)
    except GhgError as exc:
        fail(ctx, exc, as_json)
        return
    if as_json:
        emit_json(diff.to_dict(orient="records"))
        return
    lg = lang_of(ctx)
    if len(diff):
        keys = ["change", "facility", "scope", "activity", "gas", "unit", "factor_id"]
        values = ["quantity_a", "quantity_b", "co2e_t_a", "co2e_t_b", "co2e_t_change"]
        body = [
            [str(r[k]) for k in keys] + [formatting.number(r[v], lg) for v in values]
            for r in diff.to_dict(orient="records")
        ]
        click.echo(formatting.table(keys + values, body, [False] * len(keys) + [True] * len(values)))
    click.echo(text("cli.revision_diff", lang_of(ctx), count=len(diff), a=revision_a, b=revision_b))
