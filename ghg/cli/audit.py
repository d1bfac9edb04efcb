"""``ghg audit replay|impact|keygen|sign|verify``: reproduce stored runs, a release's impact, and signed
verification statements.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import TYPE_CHECKING

import click

from ghg.core import jsonout
from ghg.core.errors import GhgError, StoreError
from ghg.i18n import formatting, text
from ghg.store import audit

if TYPE_CHECKING:
    pass


from ghg.cli.common import (
    LocalizedGroup,
    as_of_option,
    cols_of,
    emit_json,
    fail,
    json_option,
    lang_of,
    lang_option,
    snapshot_at,
)


@click.group(cls=LocalizedGroup, name="audit")
def audit_group() -> None:
    pass


@audit_group.command(name="replay")
@click.argument("versions", nargs=-1, type=int)
@click.option("--store", "store_dir", type=click.Path(path_type=Path), default=Path("ghg-store"), show_default=True)
@as_of_option
@lang_option
@json_option
@click.pass_context
def replay_cmd(ctx: click.Context, versions: tuple[int, ...], store_dir: Path, lang: str | None, as_json: bool) -> None:
    lg = lang_of(ctx)
    try:
        outcome = audit.replay_all(snapshot_at(ctx, store_dir), list(versions))
    except GhgError as exc:
        fail(ctx, exc, as_json)
        return
    if as_json:
        emit_json(
            {
                "reproduced": outcome.reproduced,
                "software_recorded": outcome.software_recorded,
                "software_now": outcome.software_now,
                "partitions": outcome.partitions.to_dict(orient="records"),
                "differences": outcome.differences.head(1000).to_dict(orient="records"),
            }
        )
    else:
        ok = int(outcome.partitions["reproduced"].sum())
        click.echo(text("cli.replay", lg, ok=ok, total=len(outcome.partitions)))
        if outcome.software_recorded != outcome.software_now:
            click.echo(text("cli.replay_software", lg, recorded=outcome.software_recorded, now=outcome.software_now))
        if len(outcome.differences):
            heads = list(outcome.differences.columns)
            body = [[str(v)[:40] for v in r] for r in outcome.differences.head(50).itertuples(index=False)]
            click.echo(formatting.table(heads, body, [False] * len(heads)))
    if not outcome.reproduced:
        ctx.exit(1)


@audit_group.command(name="impact")
@click.option("--release", "new_release", required=True)
@click.option("--replaces", required=True)
@click.option("--store", "store_dir", type=click.Path(path_type=Path), default=Path("ghg-store"), show_default=True)
@as_of_option
@lang_option
@json_option
@click.pass_context
def impact_cmd(
    ctx: click.Context, new_release: str, replaces: str, store_dir: Path, lang: str | None, as_json: bool
) -> None:
    lg = lang_of(ctx)
    try:
        moved, park_change = audit.impact_summary(audit.impact(snapshot_at(ctx, store_dir), new_release, replaces))
    except GhgError as exc:
        fail(ctx, exc, as_json)
        return
    if as_json:
        emit_json({"enterprises": moved.to_dict(orient="records"), "park": park_change.to_dict(orient="records")})
        return
    heads = [
        "enterprise",
        "year",
        "total_t_co2e_stored",
        "total_t_co2e_new",
        "total_t_co2e_change",
        "scope_2_market_t_co2e_change",
    ]
    body = [
        [str(r[h]) if h in ("enterprise", "year") else formatting.number(r[h], lg) for h in heads]
        for r in moved.to_dict(orient="records")
    ]
    click.echo(formatting.table(cols_of(lg, heads), body, [False, False, True, True, True, True]))
    click.echo(text("cli.impact", lg, count=len(moved)))


@audit_group.command(name="keygen")
@click.argument("out", type=click.Path(path_type=Path))
@lang_option
@json_option
@click.pass_context
def keygen_cmd(ctx: click.Context, out: Path, lang: str | None, as_json: bool) -> None:
    try:
        private, public, print_ = audit.new_key(out)
    except OSError as exc:
        fail(ctx, StoreError("store.write_failed", path=str(out), detail=str(exc)[:200], published=0), as_json)
        return
    if as_json:
        emit_json({"private_key": str(private), "public_key": str(public), "fingerprint": print_})
    else:
        click.echo(text("audit.keygen", lang_of(ctx), private=private, public=public, fingerprint=print_))


@audit_group.command(name="sign")
@click.option("--year", type=int, required=True)
@click.option("--enterprise", required=True)
@click.option("--revision", type=int, required=True)
@click.option("--key", "key_path", type=click.Path(path_type=Path), required=True)
@click.option("--signer", required=True)
@click.option("--opinion", default="")
@click.option("--store", "store_dir", type=click.Path(path_type=Path), default=Path("ghg-store"), show_default=True)
@click.option("--out", type=click.Path(path_type=Path), required=True)
@json_option
@click.pass_context
def sign_cmd(
    ctx: click.Context,
    year: int,
    enterprise: str,
    revision: int,
    key_path: Path,
    signer: str,
    opinion: str,
    store_dir: Path,
    out: Path,
    as_json: bool,
) -> None:
    try:
        statement = audit.sign(store_dir, year, enterprise, revision, key_path, signer, opinion)
    except GhgError as exc:
        fail(ctx, exc, as_json)
        return
    fd = os.open(out, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)  # a statement is never overwritten
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        json.dump(statement, f, indent=2, ensure_ascii=False)
    click.echo(jsonout.dumps(statement, indent=2) if as_json else str(out))


@audit_group.command(name="verify")
@click.argument("statement_file", type=click.Path(path_type=Path))
@click.option("--store", "store_dir", type=click.Path(path_type=Path), default=Path("ghg-store"), show_default=True)
@click.option("--trusted-key", "trusted", type=click.Path(path_type=Path), multiple=True, required=True)
@lang_option
@json_option
@click.pass_context
def verify_cmd(
    ctx: click.Context,
    statement_file: Path,
    store_dir: Path,
    trusted: tuple[Path, ...],
    lang: str | None,
    as_json: bool,
) -> None:
    try:
        keys = audit.trusted_keys(list(trusted))
    except GhgError as exc:
        fail(ctx, exc, as_json)
        return
    ok, key = audit.verify_statement(store_dir, json.loads(statement_file.read_text(encoding="utf-8")), keys)
    message = text(key, lang_of(ctx))
    click.echo(jsonout.dumps({"valid": ok, "message": message}) if as_json else message)
    if not ok:
        ctx.exit(1)
