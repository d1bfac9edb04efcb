"""The ``ghg`` group: ``--lang``, ``--version``, every command group added, and :func:`run`, the entry point.

Exit codes: 0 ok, 1 bad data, 2 bad usage.
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

import click

from ghg._version import __version__
from ghg.i18n import text

if TYPE_CHECKING:
    pass


from ghg.cli import audit, demo, eip, factors, inventory, park, pathway, report, store, uncertainty
from ghg.cli.common import (
    LANG_ENV,
    LocalizedGroup,
)


@click.group(cls=LocalizedGroup)
@click.version_option(__version__, prog_name="ghg")
@click.option(
    "--lang",
    type=click.Choice(["en", "vi"]),
    envvar=LANG_ENV,
    default="en",
    show_default=True,
)
def main(lang: str) -> None:
    pass


for _command in (
    inventory.validate,
    inventory.inventory_cmd,
    inventory.template_cmd,
    park.park_cmd,
    park.check_cmd,
    park.export_cmd,
    park.history_cmd,
    report.report,
    audit.audit_group,
    store.store_group,
    factors.factors,
    eip.eip_group,
    uncertainty.uncertainty_cmd,
    pathway.pathway_group,
    demo.demo_cmd,
):
    main.add_command(_command)


def run() -> None:
    """Console entry point: a fault no command foresaw (memory, the file system) still ends in a message."""
    os.environ.setdefault("PYTHONIOENCODING", "utf-8")
    try:
        main()
    except MemoryError:
        click.echo(text("cli.out_of_memory", _argv_lang()), err=True)
        sys.exit(1)
    except OSError as exc:
        click.echo(text("cli.os_error", _argv_lang(), detail=str(exc)[:300]), err=True)
        sys.exit(1)


def _argv_lang() -> str:
    """The language asked for on the command line or in ``GHG_LANG`` (for messages outside a command)."""
    args = sys.argv[1:]
    for i, arg in enumerate(args):
        if arg == "--lang" and i + 1 < len(args):
            return "vi" if args[i + 1] == "vi" else "en"
        if arg.startswith("--lang="):
            return "vi" if arg.endswith("=vi") else "en"
    return "vi" if os.environ.get("GHG_LANG") == "vi" else "en"
