"""``ghg report form06|html|xlsx``: Form 06, the park's HTML report and its workbook."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from ghg.core import fsutil
from ghg.core.errors import GhgError, UsageError
from ghg.i18n import text
from ghg.park import export, form06
from ghg.reports import html as report_html
from ghg.reports import review

if TYPE_CHECKING:
    pass


from ghg.cli.common import LocalizedGroup, emit_json, fail, json_option, lang_of, lang_option, snapshot_at, store_option


@click.group(cls=LocalizedGroup)
def report() -> None:
    pass


@report.command(name="form06")
@store_option
@click.option("--facility", required=True)
@click.option("--period", required=True)
@click.option("--out", type=click.Path(path_type=Path), required=True)
@lang_option
@json_option
@click.pass_context
def form06_cmd(
    ctx: click.Context,
    store_dir: Path,
    registry: Path,
    transfers: Path | None,
    facility: str,
    period: str,
    out: Path,
    lang: str | None,
    as_json: bool,
) -> None:
    lg = lang_of(ctx)
    if "/" not in facility or not re.fullmatch(r"\d{4}-\d{4}", period):
        raise click.UsageError(text("usage.form06", lg))
    enterprise, fac = facility.split("/", 1)
    first, last = (int(p) for p in period.split("-"))
    try:
        years = list(range(first, last + 1))
        document = review.form06_document(snapshot_at(ctx, store_dir), registry, transfers, enterprise, fac, years, lg)
        xlsx = form06.write_xlsx(document, out)
        js = form06.write_json(document, out.with_suffix(".json"))
    except StopIteration:
        raise click.UsageError(text("usage.no_inventory", lg, enterprise=enterprise, year=last)) from None
    except GhgError as exc:
        fail(ctx, exc, as_json)
        return
    if as_json:
        emit_json({"xlsx": str(xlsx), "json": str(js), "report": document})
    else:
        click.echo(text("form06.written", lg, facility=facility, period=period, language=lg, path=f"{xlsx}, {js}"))


def _years(text_value: str | None) -> list[int]:
    """``2019-2025`` or ``2023`` as a list of years (empty: all)."""
    if not text_value:
        return []
    match = re.fullmatch(r"(\d{4})(?:-(\d{4}))?", text_value)
    if not match:
        raise UsageError("report.years", value=text_value)
    first, last = int(match.group(1)), int(match.group(2) or match.group(1))
    return list(range(first, last + 1))


def _report_scope_options(f: Callable[..., Any]) -> Callable[..., Any]:
    """--enterprise, --years and --ack: what a park report covers and which findings are acknowledged."""
    f = click.option("--ack", "ack_path", type=click.Path(path_type=Path), default=None)(f)
    f = click.option("--years", "years_text", default=None)(f)
    return click.option("--enterprise", default=None)(f)


@report.command(name="html")
@store_option
@_report_scope_options
@click.option("--scenario", "scenario_ref", default=None)
@click.option("--target", "target_refs", multiple=True)
@click.option("--macc-year", type=int, default=None)
@click.option("--eip", "eip_dir", type=click.Path(path_type=Path), default=None)
@click.option("--out", type=click.Path(path_type=Path), required=True)
@lang_option
@json_option
@click.pass_context
def report_html_cmd(
    ctx: click.Context,
    store_dir: Path,
    registry: Path,
    transfers: Path | None,
    enterprise: str | None,
    years_text: str | None,
    ack_path: Path | None,
    scenario_ref: str | None,
    target_refs: tuple[str, ...],
    macc_year: int | None,
    eip_dir: Path | None,
    out: Path,
    lang: str | None,
    as_json: bool,
) -> None:
    lg = lang_of(ctx)
    try:
        inputs = review.report_inputs(
            snapshot_at(ctx, store_dir),
            registry,
            transfers,
            ack_path,
            lg,
            enterprise,
            _years(years_text),
            scenario_ref,
            list(target_refs),
            macc_year,
            eip_dir=eip_dir,
        )
        document = report_html.render(inputs, lg).encode("utf-8")
        outcome = fsutil.publish_files(out.parent, {out.name: document})
    except GhgError as exc:
        fail(ctx, exc, as_json)
        return
    if as_json:
        emit_json({"html": str(out), "bytes": len(document), "state": outcome[0][1]})
    else:
        click.echo(text("report.written", lg, path=str(out)))


@report.command(name="xlsx")
@store_option
@_report_scope_options
@click.option("--out", type=click.Path(path_type=Path), required=True)
@lang_option
@json_option
@click.pass_context
def report_xlsx_cmd(
    ctx: click.Context,
    store_dir: Path,
    registry: Path,
    transfers: Path | None,
    enterprise: str | None,
    years_text: str | None,
    ack_path: Path | None,
    out: Path,
    lang: str | None,
    as_json: bool,
) -> None:
    lg = lang_of(ctx)
    try:
        years = _years(years_text)
        sheets = review.workbook_sheets(
            snapshot_at(ctx, store_dir), registry, transfers, ack_path, enterprise, years, lg
        )
        path = export.write_workbook(sheets, out)
    except GhgError as exc:
        fail(ctx, exc, as_json)
        return
    if as_json:
        emit_json({"xlsx": str(path)})
    else:
        click.echo(text("report.written", lg, path=str(path)))
