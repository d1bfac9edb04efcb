"""``ghg serve`` (the web application on the loopback address, ``--demo`` with the example park, ``--check``
for Django's deployment check) and ``ghg users add`` (accounts with a role)."""

from __future__ import annotations

from pathlib import Path

import click

from ghg.cli.common import LocalizedCommand, LocalizedGroup, fail, lang_of, lang_option
from ghg.core.errors import GhgError, UsageError
from ghg.i18n import text


def _server(ctx: click.Context):  # type: ignore[no-untyped-def]
    """The web package, or a clear message when its extra packages are not installed."""
    try:
        from ghg.web import server
    except ImportError:
        fail(ctx, UsageError("usage.web_missing"), False)
        raise
    try:
        import django  # noqa: F401
    except ImportError:
        fail(ctx, UsageError("usage.web_missing"), False)
    return server


def _place(f):  # type: ignore[no-untyped-def]
    f = click.option("--eip", "eip_dir", type=click.Path(path_type=Path, exists=True, file_okay=False), default=None)(f)
    f = click.option("--home", type=click.Path(path_type=Path), default=None)(f)
    f = click.option("--extra-factors", "extra", multiple=True)(f)
    f = click.option("--transfers", type=click.Path(path_type=Path, exists=True), default=None)(f)
    f = click.option("--registry", type=click.Path(path_type=Path, exists=True), default=None)(f)
    return click.option("--store", "store_dir", type=click.Path(path_type=Path), default=None)(f)


def _accounts(f):  # type: ignore[no-untyped-def]
    f = click.option("--home", type=click.Path(path_type=Path), default=None)(f)
    return click.option("--store", "store_dir", type=click.Path(path_type=Path), default=None)(f)


def _open_accounts(store_dir: Path | None, home: Path | None):  # type: ignore[no-untyped-def]
    """The web package set up over the accounts' database of the store (``--store``, ``--home``)."""
    from ghg.web import server

    if store_dir is None:
        raise UsageError("usage.web_store")
    server.configure(store_dir, home=home)
    return server


@click.command(cls=LocalizedCommand, name="serve")
@_place
@click.option("--scenario", "scenario_ref", default="")
@click.option("--target", "target_refs", multiple=True)
@click.option("--macc-year", type=int, default=None)
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", type=int, default=8000, show_default=True)
@click.option("--demo", "demo_dir", is_flag=False, flag_value="ghg-serve-demo", default=None,
              type=click.Path(path_type=Path))  # fmt: skip
@click.option("--check", "deploy_check", is_flag=True)
@lang_option
@click.pass_context
def serve_cmd(
    ctx: click.Context,
    store_dir: Path | None,
    registry: Path | None,
    transfers: Path | None,
    extra: tuple[str, ...],
    home: Path | None,
    eip_dir: Path | None,
    scenario_ref: str,
    target_refs: tuple[str, ...],
    macc_year: int | None,
    host: str,
    port: int,
    demo_dir: Path | None,
    deploy_check: bool,
    lang: str | None,
) -> None:
    lg = lang_of(ctx)
    server = _server(ctx)
    try:
        if demo_dir is not None:
            store_dir, accounts = server.demo(demo_dir.resolve())
            click.echo(text("web.demo_accounts", lg))
            for a in accounts:
                shown = f" ({', '.join(a.enterprises)})" if a.enterprises else ""
                click.echo(f"  {a.name} / {a.password}  [{text('web.role.' + a.role, lg)}{shown}]")
        elif store_dir is None:
            raise UsageError("usage.web_store")
        else:
            server.configure(store_dir, registry, transfers, home, extra, insecure_http=not deploy_check, eip=eip_dir,
                             scenario=scenario_ref, targets=target_refs, macc_year=macc_year)  # fmt: skip
        if deploy_check:
            server.deployment_check()
            click.echo(text("web.deploy_ok", lg))
            return
        from django.conf import settings

        database = settings.DATABASES["default"]["NAME"]
        click.echo(text("web.serving", lg, url=f"http://{host}:{port}/", store=store_dir, database=database))
        server.run(host, port)
    except GhgError as exc:
        fail(ctx, exc, False)


@click.group(cls=LocalizedGroup, name="users")
def users_group() -> None:
    pass


@users_group.command(cls=LocalizedCommand, name="add")
@click.argument("name")
@click.option("--role", required=True)
@click.option("--enterprise", "enterprises", multiple=True)
@click.option("--assign", "assignments", multiple=True)
@click.option("--key", "keys", multiple=True, type=click.Path(path_type=Path, exists=True, dir_okay=False))
@click.option("--reset-password", "reset", is_flag=True)
@_accounts
@lang_option
@click.pass_context
def users_add(
    ctx: click.Context,
    name: str,
    role: str,
    enterprises: tuple[str, ...],
    assignments: tuple[str, ...],
    keys: tuple[Path, ...],
    reset: bool,
    store_dir: Path | None,
    home: Path | None,
    lang: str | None,
) -> None:
    lg = lang_of(ctx)
    _server(ctx)
    try:
        server = _open_accounts(store_dir, home)
        pairs = []
        for a in assignments:  # ENTERPRISE:YEAR
            code, _, year = a.rpartition(":")
            if not code or not year.isdigit():
                raise UsageError("usage.web_assign", value=a)
            pairs.append((code, int(year)))
        pems = [k.read_text(encoding="utf-8") for k in keys]
        account = server.add_user(name, role, enterprises, pairs, keys=pems, reset=reset)
    except GhgError as exc:
        fail(ctx, exc, False)
        return
    role_name = text("web.role." + account.role, lg)
    if account.password:
        click.echo(text("web.user_added", lg, name=account.name, role=role_name, password=account.password))
    else:
        click.echo(text("web.user_updated", lg, name=account.name, role=role_name))


@users_group.command(cls=LocalizedCommand, name="token")
@click.argument("name")
@_accounts
@lang_option
@click.pass_context
def users_token(ctx: click.Context, name: str, store_dir: Path | None, home: Path | None, lang: str | None) -> None:
    lg = lang_of(ctx)
    _server(ctx)
    try:
        token = _open_accounts(store_dir, home).new_token(name)
    except GhgError as exc:
        fail(ctx, exc, False)
        return
    click.echo(text("web.token_made", lg, name=name, token=token))
