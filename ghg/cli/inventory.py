"""``ghg validate``, ``ghg inventory`` and ``ghg template``: check activity files, compute and store an
inventory (files or a dataset, locally or on Dask), write the Excel template.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from ghg import store
from ghg.core import dataset, inventory, template
from ghg.core.errors import GhgError
from ghg.core.factors import FactorSet
from ghg.core.vocabulary import GWP_SETS
from ghg.engines import tasks as engine
from ghg.i18n import formatting, text

if TYPE_CHECKING:
    import pandas as pd


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
    if not files:
        raise click.UsageError(text("usage.no_files", lang_of(ctx)))
    if any(f.is_dir() for f in files) and len(files) > 1:
        raise click.UsageError(text("usage.dataset_alone", lang_of(ctx)))
    try:
        factors = factor_set_of(factor_refs, extra_refs)
        if files[0].is_dir():
            with unit_progress(not as_json) as unit_step:
                checked = engine.check_local(dataset.discover(files[0]), factors, unit_step, decimal_mark=decimal_mark)
            sources = [{"path": i["path"], "sha256": i["sha256"], "rows": i["rows"]} for i in checked.inputs]
            rows, count = checked.records, len(sources)
        else:
            with file_progress(not as_json, files) as step:
                computed = inventory.check(files, factors, progress=step, decimal_mark=decimal_mark)
            sources = [{"path": str(f.path), "sha256": f.sha256, "rows": f.n_rows} for f in computed.sources]
            rows, count = computed.records, len(files)
    except GhgError as exc:
        fail(ctx, exc, as_json)
        return
    warnings = [] if files[0].is_dir() else computed.warnings
    if as_json:
        emit_json({"valid": True, "records": rows, "files": sources, "warnings": warnings_json(warnings)})
    else:
        lg = lang_of(ctx)
        click.echo(text("cli.valid", lg, rows=formatting.number(rows, lg, 0), files=count))
        show_warnings(lg, warnings)


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
    if not files:
        raise click.UsageError(text("usage.no_files", lg))
    if any(f.is_dir() for f in files):
        if len(files) > 1:
            raise click.UsageError(text("usage.dataset_alone", lg))
        try:
            job = engine.new_job(gwp_set, out, year, reason, author or submitted_by, submitted_by, decimal_mark)
            factors = factor_set_of(factor_refs, extra_refs)
        except GhgError as exc:
            fail(ctx, exc, as_json)
            return
        _inventory_dataset(ctx, files[0], job, factors, engine_name, scheduler, workers, task_mb, as_json)
        return
    if engine_name != "local" or scheduler:
        raise click.UsageError(text("usage.engine_dataset", lg))
    try:
        base = store.open_snapshot(out)
        factors = factor_set_of(factor_refs, extra_refs)
        with file_progress(not as_json, files) as step:
            result = inventory.run(files, gwp_set, factors, year, progress=step, decimal_mark=decimal_mark)
        parsed = {str(i["path"]): str(i["sha256"]) for i in result.inputs}
        warnings = result.warnings + store.dropped_warnings(result.table, base, ", ".join(f.name for f in files))
        metadata: dict[str, object] = {
            "software_version": result.software_version,
            "releases": result.releases,
            "gwp_set": result.gwp_set,
            "year": year,
            "inputs": result.inputs,
            "created": result.created,
            "warnings": warnings_json(warnings),
        }
        written = store.write(
            out,
            result.table,
            metadata,
            result.production,
            reason,
            author or submitted_by,
            base=base,
            inputs=[(Path(p), parsed[str(p)]) for p in files],
            submitted_by=submitted_by,
            release_refs=[str(r.path) for r in factors.releases],
        )
        parents = base.latest()
        metadata = store.without_paths(metadata)
    except GhgError as exc:
        fail(ctx, exc, as_json)
        return
    summary = result.summary
    if as_json:
        emit_json(
            {
                **metadata,
                "warnings": warnings_json(warnings, lg),
                "reason": reason,
                "author": author or submitted_by,
                "store": str(out),
                "excluded_records": result.excluded_records,
                "summary": summary.to_dict(orient="records"),
                "intensities": result.intensities.to_dict(orient="records"),
                "totals": result.totals.to_dict(orient="records"),
                "written": written_json(written, parents),
            }
        )
        return
    _show_inventory(lg, gwp_set, summary, result.intensities, result.excluded_records, year, out, written)
    show_warnings(lg, warnings)


def _inventory_dataset(
    ctx: click.Context,
    folder: Path,
    job: engine.Job,
    factors: FactorSet,
    engine_name: str,
    scheduler: str | None,
    workers: int,
    task_mb: float,
    as_json: bool,
) -> None:
    """``ghg inventory DATASET``: the dataset's partition folders, a task at a time or on Dask."""
    lg = lang_of(ctx)
    try:
        data, pruned = dataset.of_year(dataset.discover(folder), job.year)
        with unit_progress(not as_json) as step:
            if engine_name == "dask":
                result = engine.run_dask(data, job, factors, scheduler, workers, step, int(task_mb * (1 << 20)))
            else:
                result = engine.run_local(data, job, factors, step, int(task_mb * (1 << 20)))
    except GhgError as exc:
        fail(ctx, exc, as_json)
        return
    if as_json:
        emit_json(
            {
                "software_version": result.software_version,
                "releases": result.releases,
                "gwp_set": job.gwp_set,
                "year": job.year,
                "dataset": str(folder),
                "engine": result.engine,
                "units": result.units,
                "records": result.records,
                "lines": result.lines,
                "logical_hash": result.logical_hash,
                "created": result.created,
                "reason": job.reason,
                "author": job.author,
                "store": str(job.store),
                "excluded_records": result.excluded_records,
                "folders_of_other_years": pruned,
                "summary": result.summary.to_dict(orient="records"),
                "intensities": result.intensities.to_dict(orient="records"),
                "totals": result.totals.to_dict(orient="records"),
                "written": written_json(result.written, job.base.latest()),
            }
        )
        return
    _show_inventory(
        lg,
        job.gwp_set,
        result.summary,
        result.intensities,
        result.excluded_records,
        job.year,
        job.store,
        result.written,
    )
    click.echo(
        text(
            "cli.dataset_done",
            lg,
            units=formatting.number(result.units, lg, 0),
            records=formatting.number(result.records, lg, 0),
            lines=formatting.number(result.lines, lg, 0),
            engine=result.engine,
            hash=result.logical_hash,
        )
    )
    if pruned:
        click.echo(text("cli.dataset_pruned", lg, count=pruned, year=job.year))


def _show_inventory(
    lg: str,
    gwp_set: str,
    summary: pd.DataFrame,
    intensities: pd.DataFrame,
    excluded_records: int,
    year: int | None,
    out: Path,
    written: list[store.Written],
) -> None:
    """The inventory's table (per enterprise and year, and the total), intensities and what was written."""
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
    cols = inventory.SUMMARY_COLUMNS[2:]
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
        path = template.write_template(out, lg, factors_set)
    except GhgError as exc:
        fail(ctx, exc, as_json)
        return
    if as_json:
        emit_json({"path": str(path), "sheets": [s.name for s in template.SHEETS], "lang": lg})
    else:
        click.echo(text("cli.template_written", lg, path=path, sheets=len(template.SHEETS)))
