"""``ghg validate``, ``ghg inventory`` and ``ghg template``: check activity files, compute and store an
inventory (files or a dataset, locally or on Dask), write the Excel template.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from ghg.core.errors import GhgError
from ghg.core.totals import SUMMARY_COLUMNS
from ghg.core.vocabulary import GWP_SETS
from ghg.engines import job
from ghg.i18n import formatting, text

if TYPE_CHECKING:
    pass


from ghg.cli.common import (
    LocalizedCommand,
    decimal_mark_option,
    emit_json,
    factor_set_of,
    factors_option,
    fail,
    file_progress,
    heads_of,
    json_option,
    lang_of,
    lang_option,
    show_warnings,
    unit_progress,
    warnings_json,
    written_json,
)


@click.command(cls=LocalizedCommand)
@click.argument("files", nargs=-1, type=click.Path(path_type=Path))
@factors_option
@decimal_mark_option
@lang_option
@json_option
@click.pass_context
def validate(
    ctx: click.Context,
    files: tuple[Path, ...],
    factor_refs: tuple[str, ...],
    extra_refs: tuple[str, ...],
    decimal_mark: str | None,
    lang: str | None,
    as_json: bool,
) -> None:
    lg = lang_of(ctx)
    _usage(files, lg)
    try:
        factors = factor_set_of(factor_refs, extra_refs)
        with _progress_of(files, not as_json) as step:
            checked = job.check(files, factors, step, decimal_mark=decimal_mark)
    except GhgError as exc:
        fail(ctx, exc, as_json)
        return
    if as_json:
        emit_json(
            {
                "valid": True,
                "records": checked.records,
                "files": checked.files,
                "warnings": warnings_json(checked.warnings),
            }
        )
    else:
        click.echo(text("cli.valid", lg, rows=formatting.number(checked.records, lg, 0), files=len(checked.files)))
        show_warnings(lg, checked.warnings)


def _usage(files: tuple[Path, ...], lg: str) -> None:
    """No file, or a dataset folder with other sources, is a usage error (exit code 2)."""
    if not files:
        raise click.UsageError(text("usage.no_files", lg))
    if any(f.is_dir() for f in files) and len(files) > 1:
        raise click.UsageError(text("usage.dataset_alone", lg))


def _progress_of(files: tuple[Path, ...], enabled: bool) -> AbstractContextManager[Callable[[int, Any], None]]:
    """A progress bar over a dataset's partition folders, or over the files' bytes."""
    return unit_progress(enabled) if files[0].is_dir() else file_progress(enabled, files)


@click.command(cls=LocalizedCommand, name="inventory")
@click.argument("files", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--gwp",
    "gwp_set",
    type=click.Choice(GWP_SETS),
    required=True,
)
@click.option("--year", type=int, default=None)
@factors_option
@click.option(
    "--out",
    type=click.Path(path_type=Path),
    default=Path("ghg-store"),
    show_default=True,
)
@click.option("--submitted-by", default="")
@click.option(
    "--reason",
    default="",
)
@click.option("--author", default="")
@click.option("--engine", "engine_name", type=click.Choice(["local", "dask"]), default="local", show_default=True)
@click.option("--scheduler", default=None)
@click.option("--workers", type=click.IntRange(1), default=2, show_default=True)
@click.option("--task-mb", type=click.FloatRange(min=0.001), default=8.0, show_default=True)
@decimal_mark_option
@lang_option
@json_option
@click.pass_context
def inventory_cmd(
    ctx: click.Context,
    files: tuple[Path, ...],
    gwp_set: str,
    year: int | None,
    factor_refs: tuple[str, ...],
    extra_refs: tuple[str, ...],
    out: Path,
    submitted_by: str,
    reason: str,
    author: str,
    engine_name: str,
    scheduler: str | None,
    workers: int,
    task_mb: float,
    decimal_mark: str | None,
    lang: str | None,
    as_json: bool,
) -> None:
    lg = lang_of(ctx)
    _usage(files, lg)
    if not files[0].is_dir() and (engine_name != "local" or scheduler):
        raise click.UsageError(text("usage.engine_dataset", lg))
    try:
        the_job = job.new_job(gwp_set, out, year, reason, author or submitted_by, submitted_by, decimal_mark)
        factors = factor_set_of(factor_refs, extra_refs)
        with _progress_of(files, not as_json) as step:
            published = job.submit(
                files,
                the_job,
                factors,
                engine=engine_name,
                scheduler=scheduler,
                workers=workers,
                task_bytes=int(task_mb * (1 << 20)),
                progress=step,
            )
    except GhgError as exc:
        fail(ctx, exc, as_json)
        return
    if as_json:
        emit_json(_inventory_json(published, lg, files[0]))
        return
    _show_inventory(lg, published)
    show_warnings(lg, published.warnings)
    run = published.run
    if run is not None:
        click.echo(
            text(
                "cli.dataset_done",
                lg,
                units=formatting.number(run.units, lg, 0),
                records=formatting.number(run.records, lg, 0),
                lines=formatting.number(run.lines, lg, 0),
                engine=run.engine,
                hash=run.logical_hash,
            )
        )
        if published.pruned:
            click.echo(text("cli.dataset_pruned", lg, count=published.pruned, year=year))


def _inventory_json(published: job.Published, lg: str, source: Path) -> dict[str, object]:
    """``ghg inventory --json``: the run's manifest, summary, totals, intensities and the revisions written."""
    the_job, run = published.job, published.run
    tables = {
        "summary": published.summary.to_dict(orient="records"),
        "intensities": published.intensities.to_dict(orient="records"),
        "totals": published.totals.to_dict(orient="records"),
        "written": written_json(published.written, published.parents),
    }
    common = {"reason": the_job.reason, "author": the_job.author, "store": str(the_job.store)}
    if run is None:
        return {
            **published.metadata,
            "warnings": warnings_json(published.warnings, lg),
            **common,
            "excluded_records": published.excluded_records,
            **tables,
        }
    return {
        "software_version": run.software_version,
        "releases": run.releases,
        "gwp_set": the_job.gwp_set,
        "year": the_job.year,
        "dataset": str(source),
        "engine": run.engine,
        "units": run.units,
        "records": run.records,
        "lines": run.lines,
        "logical_hash": run.logical_hash,
        "created": run.created,
        **common,
        "excluded_records": run.excluded_records,
        "folders_of_other_years": published.pruned,
        **tables,
    }


def _show_inventory(lg: str, published: job.Published) -> None:
    """The inventory's table (per enterprise and year, and the total), intensities and what was written."""
    gwp_set, summary, intensities = published.job.gwp_set, published.summary, published.intensities
    excluded_records, year, out, written = (
        published.excluded_records,
        published.job.year,
        published.job.store,
        published.written,
    )
    click.echo(text("cli.inventory_title", lg, gwp_set=gwp_set))
    header = heads_of(
        lg,
        "cli.enterprise",
        "cli.year",
        "cli.scope_1",
        "cli.scope_2",
        "cli.scope_2_market",
        "cli.total",
        "cli.biogenic",
        "cli.energy_tj",
        "cli.energy_toe",
    )
    cols = SUMMARY_COLUMNS[2:]
    rows = [
        [str(r.enterprise), str(r.year)] + [formatting.number(getattr(r, c), lg) for c in cols]
        for r in summary.itertuples()
    ]
    totals = summary[cols].sum()
    rows.append([text("cli.total", lg), text("cli.all", lg)] + [formatting.number(totals[c], lg) for c in cols])
    click.echo(formatting.table(header, rows, [False, False] + [True] * len(cols)))
    if len(intensities):
        click.echo("")
        click.echo(text("cli.intensities_title", lg))
        head = heads_of(
            lg,
            "cli.enterprise",
            "cli.facility",
            "cli.year",
            "cli.product",
            "cli.output_t",
            "cli.t_co2e_per_t",
            "cli.toe_per_t",
        )
        body = [
            [
                str(r["enterprise"]),
                str(r["facility"]),
                str(r["year"]),
                str(r["product"]) + ("*" if r["products"] > 1 else ""),
                formatting.number(r["output_t"], lg, 0),
                formatting.number(r["t_co2e_per_t"], lg, 3),
                formatting.number(r["toe_per_t"], lg, 3),
            ]
            for r in intensities.to_dict(orient="records")
        ]
        click.echo(formatting.table(head, body, [False, False, False, False, True, True, True]))
        if (intensities["products"] > 1).any():
            click.echo(text("cli.shared_facility", lg))
    if excluded_records:
        click.echo(text("cli.excluded", lg, count=excluded_records, year=year))
    revisions = sorted({w.revision for w in written})
    click.echo(text("cli.written", lg, store=out, partitions=len(written), revisions=", ".join(map(str, revisions))))
    same = sum(w.same_as_previous for w in written)
    if same:
        click.echo(text("cli.same_content", lg, count=same))


@click.command(cls=LocalizedCommand, name="template")
@click.argument("out", type=click.Path(path_type=Path))
@factors_option
@lang_option
@json_option
@click.pass_context
def template_cmd(
    ctx: click.Context,
    out: Path,
    factor_refs: tuple[str, ...],
    extra_refs: tuple[str, ...],
    lang: str | None,
    as_json: bool,
) -> None:
    lg = lang_of(ctx)
    try:
        factors_set = factor_set_of(factor_refs, extra_refs)
        from ghg.core import template  # openpyxl only for this command

        path = template.write_template(out, lg, factors_set)
    except GhgError as exc:
        fail(ctx, exc, as_json)
        return
    if as_json:
        emit_json({"path": str(path), "sheets": [s.name for s in template.SHEETS], "lang": lg})
    else:
        click.echo(text("cli.template_written", lg, path=path, sheets=len(template.SHEETS)))
