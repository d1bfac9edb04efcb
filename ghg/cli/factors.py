"""``ghg factors install|list|show|diff|verify``: factor releases."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from ghg.core import release_build, releases
from ghg.core.errors import GhgError
from ghg.core.vocabulary import Tier
from ghg.i18n import formatting, text
from ghg.store import audit

if TYPE_CHECKING:
    pass


from ghg.cli.common import LocalizedGroup, cols_of, emit_json, fail, heads_of, json_option, lang_of, lang_option


@click.group(cls=LocalizedGroup)
def factors() -> None:
    pass


@factors.command(name="install")
@click.argument("source", type=click.Path(path_type=Path, exists=True, file_okay=False))
@click.option(
    "--into",
    type=click.Path(path_type=Path),
    required=True,
)
@lang_option
@json_option
@click.pass_context
def factors_install(ctx: click.Context, source: Path, into: Path, lang: str | None, as_json: bool) -> None:
    try:
        target, new = releases.install(source, into)
    except GhgError as exc:
        fail(ctx, exc, as_json)
        return
    if as_json:
        emit_json({"path": str(target), "installed": new})
    else:
        key = "cli.installed" if new else "cli.already_installed"
        click.echo(text(key, lang_of(ctx), release=target.name, path=into))


@factors.command(name="list")
@click.option(
    "--folder",
    type=click.Path(path_type=Path, file_okay=False),
    default=None,
)
@lang_option
@json_option
@click.pass_context
def factors_list(ctx: click.Context, folder: Path | None, lang: str | None, as_json: bool) -> None:
    lg = lang_of(ctx)
    metas = []
    try:
        for rid in releases.available(folder):
            meta, digest = releases.verify(folder / rid if folder else rid)
            metas.append((meta, digest))
    except GhgError as exc:
        fail(ctx, exc, as_json)
        return
    if as_json:
        emit_json(
            [
                {
                    "id": m.id,
                    "version": m.version,
                    "tier": m.tier.value,
                    "title": m.title,
                    "valid_from": m.valid_from,
                    "valid_to": m.valid_to,
                    "sha256": d,
                }
                for m, d in metas
            ]
        )
        return
    header = heads_of(lg, "cli.release", "cli.version", "cli.tier", "cli.valid_years", "cli.title")
    rows = [
        [
            m.id,
            m.version,
            m.tier.value,
            f"{m.valid_from}-{m.valid_to}",
            str(getattr(m, "title_vi", None) or m.title) if lg == "vi" else m.title,
        ]
        for m, _ in metas
    ]
    click.echo(formatting.table(header, rows, [False] * 5))


@factors.command(name="show")
@click.argument("release")
@lang_option
@json_option
@click.pass_context
def factors_show(ctx: click.Context, release: str, lang: str | None, as_json: bool) -> None:
    lg = lang_of(ctx)
    try:
        rel = releases.load(release)
    except GhgError as exc:
        fail(ctx, exc, as_json)
        return
    meta = rel.meta.model_dump(mode="json")
    if as_json:
        emit_json(
            {
                **meta,
                "sha256": rel.release_hash,
                "path": str(rel.path),
                "activities": rel.activities[releases.ACTIVITY_COLUMNS].to_dict(orient="records"),
                "factors": rel.factors[releases.FACTOR_COLUMNS].to_dict(orient="records"),
                "gwp": rel.gwp[releases.GWP_COLUMNS].to_dict(orient="records"),
            }
        )
        return
    title = str(meta.get("title_vi") or meta["title"]) if lg == "vi" else str(meta["title"])
    click.echo(f"{rel.id} {rel.meta.version} ({rel.tier.value}): {title}")
    click.echo(
        "  "
        + text(
            "cli.release_meta", lg, publisher=rel.meta.publisher, published=rel.meta.published, licence=rel.meta.licence
        )
    )
    click.echo(
        f"  {text('cli.valid_years', lg)}: {rel.meta.valid_from}-{rel.meta.valid_to}; SHA-256 {rel.release_hash}"
    )
    click.echo(
        "  " + text("cli.factors_count", lg, count=len(rel.factors), activities=len(rel.activities), gwp=len(rel.gwp))
    )
    click.echo(f"  {text('cli.sources', lg)}:")
    for s in rel.meta.sources:
        where = ", ".join(x for x in (s.table, f"p. {s.page}" if s.page else "", s.url) if x)
        click.echo(f"    [{s.id}] {s.title}" + (f" ({where})" if where else ""))


@factors.command(name="diff")
@click.argument("first")
@click.argument("second")
@lang_option
@json_option
@click.pass_context
def factors_diff(ctx: click.Context, first: str, second: str, lang: str | None, as_json: bool) -> None:
    try:
        diff = audit.factors_diff(first, second)
    except GhgError as exc:
        fail(ctx, exc, as_json)
        return
    if as_json:
        emit_json(diff.to_dict(orient="records"))
        return
    heads = ["change", "parameter", "activity", "ipcc_category", "year", "gas", "value_a", "value_b", "unit_b"]
    body = [[str(r[h]) for h in heads] for r in diff.fillna("").to_dict(orient="records")]
    click.echo(formatting.table(cols_of(lang_of(ctx), heads), body, [False] * len(heads)))
    click.echo(
        text(
            "cli.diff_summary",
            lang_of(ctx),
            **{k: int((diff["change"] == k).sum()) for k in ("added", "removed", "changed")},
        )
    )


@factors.command(name="verify")
@click.argument("refs", nargs=-1)
@lang_option
@json_option
@click.pass_context
def factors_verify(ctx: click.Context, refs: tuple[str, ...], lang: str | None, as_json: bool) -> None:
    lg = lang_of(ctx)
    results = []
    try:
        for ref in refs or tuple(releases.available()):
            meta, digest = releases.verify(ref)
            results.append(
                {"id": meta.id, "files": len(meta.files), "sha256": digest, "path": str(releases.locate(ref))}
            )
    except GhgError as exc:
        fail(ctx, exc, as_json)
        return
    if as_json:
        emit_json({"verified": results})
    else:
        for r in results:
            click.echo(text("cli.verified", lg, release=r["id"], files=r["files"], sha256=r["sha256"]))


# ---------------------------------------------------------------- pathways


@factors.command(name="new")
@click.argument("folder", type=click.Path(path_type=Path))
@click.option("--id", "release_id", required=True)
@click.option("--title", required=True)
@click.option("--publisher", required=True)
@click.option("--tier", type=click.Choice([t.value for t in Tier]), required=True)
@click.option("--valid-from", type=int, required=True)
@click.option("--valid-to", type=int, required=True)
@click.option("--licence", default="")
@click.option("--source", "source_specs", multiple=True)
@click.option("--table", "tables", type=click.Path(path_type=Path, exists=True, dir_okay=False), multiple=True)
@lang_option
@json_option
@click.pass_context
def factors_new(
    ctx: click.Context,
    folder: Path,
    release_id: str,
    title: str,
    publisher: str,
    tier: str,
    valid_from: int,
    valid_to: int,
    licence: str,
    source_specs: tuple[str, ...],
    tables: tuple[Path, ...],
    lang: str | None,
    as_json: bool,
) -> None:
    lg = lang_of(ctx)
    sources = []
    for spec in source_specs:
        sid, _, rest = spec.partition("=")
        title_text, _, url = rest.partition("|")
        if not sid or not title_text:
            raise click.UsageError(text("usage.source_spec", lg, value=spec))
        sources.append({"id": sid.strip(), "title": title_text.strip(), "url": url.strip()})
    try:
        path = release_build.new(
            folder, release_id, title, publisher, tier, valid_from, valid_to, licence, None, sources
        )
        built = release_build.build_from(path, list(tables)) if tables else None
    except GhgError as exc:
        fail(ctx, exc, as_json)
        return
    if built is not None:  # started, filled and built in one command
        _show_built(lg, *built, path, as_json)
    elif as_json:
        emit_json({"release": release_id, "path": str(path)})
    else:
        click.echo(text("release.started", lg, release=release_id, path=path))


def _show_built(lg: str, meta: releases.ReleaseMeta, digest: str, folder: Path, as_json: bool) -> None:
    """What a build made: the release, its tier, its tables and its hash, and how to use it."""
    if as_json:
        emit_json({"release": meta.id, "version": meta.version, "tier": meta.tier.value, "sha256": digest,
                   "files": meta.files})  # fmt: skip
        return
    click.echo(
        text(
            "release.built",
            lg,
            release=meta.id,
            version=meta.version,
            tier=meta.tier.value,
            files=", ".join(sorted(meta.files)),
            sha256=digest,
            path=folder,
        )
    )


@factors.command(name="add")
@click.argument("folder", type=click.Path(path_type=Path, exists=True, file_okay=False))
@click.argument("table", type=click.Path(path_type=Path, exists=True, dir_okay=False))
@click.option("--sheet", default=None)
@lang_option
@json_option
@click.pass_context
def factors_add(
    ctx: click.Context, folder: Path, table: Path, sheet: str | None, lang: str | None, as_json: bool
) -> None:
    lg = lang_of(ctx)
    try:
        name, rows = release_build.add(folder, table, sheet)
    except GhgError as exc:
        fail(ctx, exc, as_json)
        return
    if as_json:
        emit_json({"table": name, "rows": rows, "path": str(folder)})
    else:
        click.echo(text("release.added", lg, rows=rows, table=name, path=folder))


@factors.command(name="build")
@click.argument("folder", type=click.Path(path_type=Path, exists=True, file_okay=False))
@lang_option
@json_option
@click.pass_context
def factors_build(ctx: click.Context, folder: Path, lang: str | None, as_json: bool) -> None:
    lg = lang_of(ctx)
    try:
        meta, digest = release_build.build(folder)
    except GhgError as exc:
        fail(ctx, exc, as_json)
        return
    _show_built(lg, meta, digest, folder, as_json)
