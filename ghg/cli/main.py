"""The ``ghg`` group: ``--lang``, ``--version``, every command group added, and :func:`run`, the entry point.

Exit codes: 0 ok, 1 bad data, 2 bad usage.
"""

from __future__ import annotations

import gc
import importlib
import os
import sys
from typing import Any

import click

from ghg.cli.common import LANG_ENV, LocalizedGroup, usage_error
from ghg.i18n import text

#: Each command and the module that defines it: a command's module (and the library it uses) is imported
#: only when that command runs or shows its help, so ``ghg --help`` starts without pandas, pyarrow or pint.
COMMANDS = {
    "validate": ("ghg.cli.inventory", "validate"),
    "inventory": ("ghg.cli.inventory", "inventory_cmd"),
    "template": ("ghg.cli.inventory", "template_cmd"),
    "park": ("ghg.cli.park", "park_cmd"),
    "check": ("ghg.cli.park", "check_cmd"),
    "export": ("ghg.cli.park", "export_cmd"),
    "history": ("ghg.cli.park", "history_cmd"),
    "report": ("ghg.cli.report", "report"),
    "audit": ("ghg.cli.audit", "audit_group"),
    "store": ("ghg.cli.store", "store_group"),
    "factors": ("ghg.cli.factors", "factors"),
    "eip": ("ghg.cli.eip", "eip_group"),
    "uncertainty": ("ghg.cli.uncertainty", "uncertainty_cmd"),
    "pathway": ("ghg.cli.pathway", "pathway_group"),
    "demo": ("ghg.cli.demo", "demo_cmd"),
    "serve": ("ghg.cli.web", "serve_cmd"),
    "users": ("ghg.cli.web", "users_group"),
}


def _import_quietly(module: str) -> Any:
    """Import a command's module (and the libraries it uses: pandas, pyarrow, pint) with Python's cycle collector
    paused, then set what the import made aside from later collections.

    Importing allocates some hundreds of thousands of objects that live as long as the process; the collector
    would walk them again and again while they are made (about 0.1 s of a command's start) and at every later
    full collection. Nothing made by an import is garbage, so nothing is lost by not collecting it.
    """
    gc.disable()
    try:
        imported = importlib.import_module(module)
    finally:
        gc.enable()
    gc.freeze()
    return imported


class LazyGroup(LocalizedGroup):
    """The root group: its commands are imported on first use (see :data:`COMMANDS`)."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*self.commands, *COMMANDS})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in COMMANDS:
            module, attribute = COMMANDS[cmd_name]
            self.add_command(getattr(_import_quietly(module), attribute), cmd_name)
        return self.commands.get(cmd_name)

    def main(  # type: ignore[override]
        self, args: list[str] | None = None, prog_name: str | None = None, standalone_mode: bool = True, **extra: Any
    ) -> Any:
        """Run the command line; click's own usage errors are shown in the chosen language."""
        if not standalone_mode:
            return super().main(args, prog_name, standalone_mode=False, **extra)
        argv = list(sys.argv[1:] if args is None else args)
        try:
            code = super().main(argv, prog_name, standalone_mode=False, **extra)
        except click.ClickException as exc:
            usage_error(exc, _argv_lang(argv))
            sys.exit(exc.exit_code)
        except click.Abort:
            click.echo(text("cli.aborted", _argv_lang(argv)), err=True)
            sys.exit(1)
        sys.exit(code if isinstance(code, int) else 0)

    def is_lazy(self, cmd_name: str) -> bool:
        """A command not imported yet (never hidden: :data:`COMMANDS` lists only shown ones)."""
        return cmd_name in COMMANDS and cmd_name not in self.commands


def _show_version(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    """``ghg --version``: the installed version (read only when asked, not at every start)."""
    if value and not ctx.resilient_parsing:
        from ghg._version import version

        click.echo(f"ghg, version {version()}")
        ctx.exit()


@click.group(cls=LazyGroup)
@click.option(
    "--version",
    is_flag=True,
    expose_value=False,
    is_eager=True,
    callback=_show_version,
)
@click.option(
    "--lang",
    type=click.Choice(["en", "vi"]),
    envvar=LANG_ENV,
    default="en",
    show_default=True,
)
def main(lang: str) -> None:
    pass


def run() -> None:
    """Console entry point: a fault no command foresaw (memory, the file system) still ends in a message."""
    os.environ.setdefault("PYTHONIOENCODING", "utf-8")
    try:
        main(prog_name="ghg")
    except MemoryError:
        click.echo(text("cli.out_of_memory", _argv_lang()), err=True)
        sys.exit(1)
    except OSError as exc:
        click.echo(text("cli.os_error", _argv_lang(), detail=str(exc)[:300]), err=True)
        sys.exit(1)


def _argv_lang(argv: list[str] | None = None) -> str:
    """The language asked for on the command line or in ``GHG_LANG`` (for messages outside a command)."""
    args = sys.argv[1:] if argv is None else argv
    for i, arg in enumerate(args):
        if arg == "--lang" and i + 1 < len(args):
            return "vi" if args[i + 1] == "vi" else "en"
        if arg.startswith("--lang="):
            return "vi" if arg.endswith("=vi") else "en"
    return "vi" if os.environ.get("GHG_LANG") == "vi" else "en"
