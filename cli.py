"""The ``ghg`` command line: parses options, calls the library, renders the result.

Exit codes: 0 ok, 1 bad data, 2 bad usage.
"""

from __future__ import annotations

import json
import os
import re
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from ghg import __version__, eip, park, store
from ghg.core import dataset, inventory, jsonout, releases, template
from ghg.core.errors import GhgError, InputError, Problem, ReleaseError, StoreError, UsageError
from ghg.core.factors import DEFAULT_RELEASES, FactorSet
from ghg.core.vocabulary import GWP_SETS
from ghg.engines import tasks as engine
from ghg.i18n import CATALOGUE, formatting, text
from ghg.park import checks, export, form06
from ghg.pathways import macc, uncertainty
from ghg.pathways import output as pathway_output
from ghg.pathways.scenario import load_scenario
from ghg.reports import charts, pathway, review
from ghg.reports import html as report_html
from ghg.store import audit, migrate

if TYPE_CHECKING:
    import pandas as pd

LANG_ENV = "GHG_LANG"


def _lang(ctx: click.Context) -> str:
    lang = ctx.find_root().params.get("lang") or "en"
    return str(ctx.params.get("lang") or lang)


def lang_option(f: Callable[..., Any]) -> Callable[..., Any]:
    return click.option("--lang", type=click.Choice(["en", "vi"]), default=None)(f)


def json_option(f: Callable[..., Any]) -> Callable[..., Any]:
    return click.option("--json", "as_json", is_flag=True)(f)


def factors_option(f: Callable[..., Any]) -> Callable[..., Any]:
    f = click.option(
        "--extra-factors",
        "extra_refs",
        multiple=True,
        metavar="RELEASE|PATH",
    )(f)
    return click.option(
        "--factors",
        "factor_refs",
        multiple=True,
        metavar="RELEASE|PATH",
    )(f)


def _factor_set(refs: tuple[str, ...], extra: tuple[str, ...]) -> FactorSet:
    """The selected releases (default: the bundled ones) plus any extra ones."""
    return FactorSet.load([*(refs or DEFAULT_RELEASES), *extra])


def _emit_json(payload: object) -> None:
    click.echo(jsonout.dumps(payload, indent=2))


def _heads(lang: str, *keys: str) -> list[str]:
    """Table headings from catalogue keys, in ``lang``."""
    return [text(k, lang) for k in keys]


def _cols(lang: str, names: list[str]) -> list[str]:
    """Table headings for result columns (``col.<name>`` in the catalogue), in ``lang``."""
    return [text(f"col.{n}", lang) for n in names]


def _cell(value: object, lang: str) -> str:
    """A table cell: booleans as yes/no in ``lang``, anything else as text."""
    if isinstance(value, bool) or type(value).__name__ == "bool_":
        return text("cli.yes" if value else "cli.no", lang)
    return str(value)


def _fail(ctx: click.Context, exc: GhgError, as_json: bool) -> None:
    lang = _lang(ctx)
    code = exc.exit_code
    if isinstance(exc, ReleaseError) and exc.key == "release.unknown":
        code = 2
    if as_json:
        payload: dict[str, object] = {"error": type(exc).__name__, "message": exc.render(lang), "exit_code": code}
        if isinstance(exc, InputError):
            payload["problems"] = [p.as_dict(lang) for p in exc.problems]
        _emit_json(payload)
    else:
        click.echo(f"{click.style(text('cli.error', lang), fg='red', bold=True)}: {exc.render(lang)}", err=True)
    ctx.exit(code)


@contextmanager
def _progress(enabled: bool, files: tuple[Path, ...]) -> Iterator[Callable[[int, float], None]]:
    """A progress bar on stderr (per file, per batch) when it is a terminal; otherwise nothing."""
    if not enabled or not sys.stderr.isatty():
        yield lambda _file, _done: None
        return
    steps = 1000
    with click.progressbar(length=steps * len(files), file=sys.stderr, label="ghg") as bar:
        position = {"at": 0}

        def step(file_index: int, done: float) -> None:
            target = int(steps * (file_index + done))
            if target > position["at"]:
                bar.label = files[file_index].name[-40:]
                bar.update(target - position["at"])
                position["at"] = target

        yield step


def _help_lang(ctx: click.Context | None) -> str:
    """Language of help texts: ``--lang`` (of the command or the root), else $GHG_LANG, else the raw arguments."""
    if ctx is not None:
        for c in (ctx, ctx.find_root()):
            if c.params.get("lang") in ("en", "vi"):
                return str(c.params["lang"])
    env = os.environ.get(LANG_ENV, "")
    if env in ("en", "vi"):
        return env
    argv = sys.argv[1:]
    for i, arg in enumerate(argv):
        if arg == "--lang=vi" or (arg == "--lang" and argv[i + 1 : i + 2] == ["vi"]):
            return "vi"
    return "en"


def _command_key(ctx: click.Context) -> str:
    names = []
    while ctx.parent is not None:
        names.append(str(ctx.info_name))
        ctx = ctx.parent
    return ".".join(reversed(names)) or "ghg"


def _option_help(key: str, name: str, lang: str) -> str | None:
    parts = key.split(".")
    # the command's own entry, then its groups' (help.opt.eip.year serves every eip command), then the shared one
    candidates = [f"help.opt.{'.'.join(parts[:n])}.{name}" for n in range(len(parts), 0, -1)] + [f"help.opt.{name}"]
    for candidate in candidates:
        if candidate in CATALOGUE:
            return text(candidate, lang, defaults=", ".join(DEFAULT_RELEASES))
    return None


def _format_usage(command: click.Command, ctx: click.Context, formatter: click.HelpFormatter) -> None:
    pieces = command.collect_usage_pieces(ctx)
    formatter.write_usage(ctx.command_path, " ".join(pieces), prefix=text("cli.usage", _help_lang(ctx)) + ": ")


def _format_options(command: click.Command, ctx: click.Context, formatter: click.HelpFormatter) -> None:
    lang = _help_lang(ctx)
    marks = {"[default: ": f"[{text('cli.default', lang)}: ", "[required]": f"[{text('cli.required', lang)}]"}
    records = []
    for param in command.get_params(ctx):
        record = param.get_help_record(ctx)
        if record is not None:
            described = record[1]
            for english, local in marks.items():
                described = described.replace(english, local)
            records.append((record[0], described))
    if records:
        with formatter.section(text("cli.options", lang)):
            formatter.write_dl(records)


class LocalizedCommand(click.Command):
    """A command whose help (its own and its options') comes from the catalogue, in the chosen language."""

    def format_help(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        _localize(self, ctx, lambda: super(LocalizedCommand, self).format_help(ctx, formatter))

    def format_usage(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        _format_usage(self, ctx, formatter)

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        _format_options(self, ctx, formatter)


class LocalizedGroup(click.Group):
    """A group whose help, options and list of commands come from the catalogue, in the chosen language."""

    command_class = LocalizedCommand
    group_class = type

    def format_help(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        _localize(self, ctx, lambda: super(LocalizedGroup, self).format_help(ctx, formatter))

    def format_usage(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        _format_usage(self, ctx, formatter)

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        _format_options(self, ctx, formatter)
        self.format_commands(ctx, formatter)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        lang = _help_lang(ctx)
        key = _command_key(ctx)
        rows = []
        for name in self.list_commands(ctx):
            command = self.get_command(ctx, name)
            if command is None or command.hidden:
                continue
            path = f"{key}.{name}" if key != "ghg" else name
            rows.append((name, text(f"help.cmd.{path}", lang).split(". ")[0].rstrip(".")))
        if rows:
            with formatter.section(text("cli.commands", lang)):
                formatter.write_dl(rows)


def _localize(command: click.Command, ctx: click.Context, render: Callable[[], None]) -> None:
    lang = _help_lang(ctx)
    key = _command_key(ctx)
    shown = [*command.params, command.get_help_option(ctx)]
    saved = [(command, "help", command.help)] + [(p, "help", getattr(p, "help", None)) for p in shown if p]
    command.help = text(f"help.cmd.{key}", lang)
    help_option = command.get_help_option(ctx)
    if help_option is not None:
        help_option.help = text("help.opt.help", lang)
    for param in command.params:
        if isinstance(param, click.Option):
            param.help = (
                text("help.opt.help", lang) if param.name == "help" else _option_help(key, str(param.name), lang)
            )
    try:
        render()
    finally:
        for owner, attribute, value in saved:
            setattr(owner, attribute, value)


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


def decimal_mark_option(f: Callable[..., Any]) -> Callable[..., Any]:
    """``--decimal-mark . | ,``: the decimal mark of numbers written as text in the input files."""
    return click.option("--decimal-mark", "decimal_mark", type=click.Choice([".", ","]), default=None)(f)


@main.command()
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
        raise click.UsageError(text("usage.no_files", _lang(ctx)))
    if any(f.is_dir() for f in files) and len(files) > 1:
        raise click.UsageError(text("usage.dataset_alone", _lang(ctx)))
    try:
        factors = _factor_set(factor_refs, extra_refs)
        if files[0].is_dir():
            with _unit_progress(not as_json) as unit_step:
                checked = engine.check_local(dataset.discover(files[0]), factors, unit_step, decimal_mark=decimal_mark)
            sources = [{"path": i["path"], "sha256": i["sha256"], "rows": i["rows"]} for i in checked.inputs]
            rows, count = checked.records, len(sources)
        else:
            with _progress(not as_json, files) as step:
                computed = inventory.check(files, factors, progress=step, decimal_mark=decimal_mark)
            sources = [{"path": str(f.path), "sha256": f.sha256, "rows": f.n_rows} for f in computed.sources]
            rows, count = computed.records, len(files)
    except GhgError as exc:
        _fail(ctx, exc, as_json)
        return
    warnings = [] if files[0].is_dir() else computed.warnings
    if as_json:
        _emit_json({"valid": True, "records": rows, "files": sources, "warnings": _warnings_json(warnings)})
    else:
        lg = _lang(ctx)
        click.echo(text("cli.valid", lg, rows=formatting.number(rows, lg, 0), files=count))
        _show_warnings(lg, warnings)


@main.command(name="inventory")
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
    lg = _lang(ctx)
    if not files:
        raise click.UsageError(text("usage.no_files", lg))
    if any(f.is_dir() for f in files):
        if len(files) > 1:
            raise click.UsageError(text("usage.dataset_alone", lg))
        try:
            job = engine.new_job(gwp_set, out, year, reason, author or submitted_by, submitted_by, decimal_mark)
            factors = _factor_set(factor_refs, extra_refs)
        except GhgError as exc:
            _fail(ctx, exc, as_json)
            return
        _inventory_dataset(ctx, files[0], job, factors, engine_name, scheduler, workers, task_mb, as_json)
        return
    if engine_name != "local" or scheduler:
        raise click.UsageError(text("usage.engine_dataset", lg))
    try:
        base = store.open_snapshot(out)
        factors = _factor_set(factor_refs, extra_refs)
        with _progress(not as_json, files) as step:
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
            "warnings": _warnings_json(warnings),
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
        _fail(ctx, exc, as_json)
        return
    summary = result.summary
    if as_json:
        _emit_json(
            {
                **metadata,
                "warnings": _warnings_json(warnings, lg),
                "reason": reason,
                "author": author or submitted_by,
                "store": str(out),
                "excluded_records": result.excluded_records,
                "summary": summary.to_dict(orient="records"),
                "intensities": result.intensities.to_dict(orient="records"),
                "totals": result.totals.to_dict(orient="records"),
                "written": _written_json(written, parents),
            }
        )
        return
    _show_inventory(lg, gwp_set, summary, result.intensities, result.excluded_records, year, out, written)
    _show_warnings(lg, warnings)


def _warnings_json(warnings: list[Problem], lang: str = "en") -> list[dict[str, object]]:
    """Warnings as JSON rows: file, sheet, row, column, value, code, and the message in ``lang``."""
    return [
        {
            "file": w.file,
            "sheet": w.sheet,
            "row": w.row,
            "column": w.column,
            "value": w.value,
            "code": w.code,
            "message": w.render(lang),
        }
        for w in warnings
    ]


def _show_warnings(lang: str, warnings: list[Problem]) -> None:
    """Print inputs flagged (not refused), each with its file, row and column."""
    if not warnings:
        return
    click.echo(text("cli.warnings", lang, count=len(warnings)))
    for w in warnings:
        click.echo(f"  - {w.render(lang)}")


def _written_json(written: list[store.Written], parents: dict[tuple[int, str], int]) -> list[dict[str, object]]:
    """The published revisions as JSON rows."""
    return [
        {
            "year": w.year,
            "enterprise": w.enterprise,
            "revision": w.revision,
            "parent": parents.get((w.year, w.enterprise), 0),
            "path": str(w.path),
            "content_hash": w.content_hash,
            "same_as_previous": w.same_as_previous,
        }
        for w in written
    ]


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
    lg = _lang(ctx)
    try:
        data, pruned = dataset.of_year(dataset.discover(folder), job.year)
        with _unit_progress(not as_json) as step:
            if engine_name == "dask":
                result = engine.run_dask(data, job, factors, scheduler, workers, step, int(task_mb * (1 << 20)))
            else:
                result = engine.run_local(data, job, factors, step, int(task_mb * (1 << 20)))
    except GhgError as exc:
        _fail(ctx, exc, as_json)
        return
    if as_json:
        _emit_json(
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
                "written": _written_json(result.written, job.base.latest()),
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


@contextmanager
def _unit_progress(enabled: bool) -> Iterator[Callable[[int, int], None]]:
    """A progress bar on stderr over a dataset's partition folders, when it is a terminal."""
    if not enabled or not sys.stderr.isatty():
        yield lambda _done, _units: None
        return
    with click.progressbar(length=1, file=sys.stderr, label="ghg") as bar:

        def step(done: int, units: int) -> None:
            bar.length = units
            bar.update(done - bar.pos)

        yield step


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
    header = _heads(
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
        head = _heads(
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


@main.command(name="template")
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
    lg = _lang(ctx)
    try:
        factors_set = _factor_set(factor_refs, extra_refs)
        path = template.write_template(out, lg, factors_set)
    except GhgError as exc:
        _fail(ctx, exc, as_json)
        return
    if as_json:
        _emit_json({"path": str(path), "sheets": [s.name for s in template.SHEETS], "lang": lg})
    else:
        click.echo(text("cli.template_written", lg, path=path, sheets=len(template.SHEETS)))


def _keep_as_of(ctx: click.Context, _param: click.Parameter, value: str | None) -> None:
    ctx.meta["ghg.as_of"] = value


def as_of_option(f: Callable[..., Any]) -> Callable[..., Any]:
    """``--as-of VERSION|TIME``: read the store as it was at that commit (kept in the context)."""
    return click.option("--as-of", "as_of", default=None, expose_value=False, callback=_keep_as_of)(f)


def _snapshot(ctx: click.Context, store_dir: Path) -> store.Snapshot:
    """The one snapshot of the store a reading command reads (``--as-of``, else the latest).

    Raises
    ------
    StoreError
        A bad ``--as-of``, a version the store does not have, or a damaged log.
    """
    return store.open_snapshot(store_dir, store.parse_as_of(ctx.meta.get("ghg.as_of")))


def _store_option(f: Callable[..., Any]) -> Callable[..., Any]:
    f = as_of_option(f)
    f = click.option(
        "--transfers",
        type=click.Path(path_type=Path),
        default=None,
    )(f)
    f = click.option(
        "--registry",
        type=click.Path(path_type=Path),
        required=True,
    )(f)
    return click.option(
        "--store",
        "store_dir",
        type=click.Path(path_type=Path),
        default=Path("ghg-store"),
        show_default=True,
    )(f)


@main.command(name="park")
@_store_option
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
    lg = _lang(ctx)
    try:
        snap = _snapshot(ctx, store_dir)
        lines, reg, ledger = review.park_inputs(snap, registry, transfers, min_status)
        result = park.consolidate(lines, reg, ledger, list(years) or None, list(enterprises) or None)
        limits = park.thresholds(result.lines, reg)
    except GhgError as exc:
        _fail(ctx, exc, as_json)
        return
    known = snap.history()[["enterprise", "year", "revision", "status", "content_hash"]]
    built_from = result.revisions.merge(known, on=["enterprise", "year", "revision"], how="left")
    if as_json:
        _emit_json(
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
    click.echo(formatting.table([text("cli.year", lg), *_cols(lg, cols)], rows, [False] + [True] * len(cols)))
    if len(result.transfers):
        click.echo("")
        click.echo(text("cli.transfers_title", lg))
        heads = ["year", "seller", "buyer", "carrier", "ledger_quantity", "buyer_quantity", "unit", "agrees"]
        body = [
            [
                _cell(r[h], lg) if h not in ("ledger_quantity", "buyer_quantity") else formatting.number(r[h], lg)
                for h in heads
            ]
            for r in result.transfers.to_dict(orient="records")
        ]
        click.echo(formatting.table(_cols(lg, heads), body, [False, False, False, False, True, True, False, False]))
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
        [formatting.number(r[h], lg, 0) if h in ("t_co2e", "toe") else _cell(r[h], lg) for h in heads]
        for r in last.to_dict(orient="records")
    ]
    click.echo(formatting.table(_cols(lg, heads), body, [False, False, False, True, True, False, False, False]))
    click.echo("")
    click.echo(text("cli.built_from", lg, count=len(built_from), status=text(f"status.{min_status}", lg)))
    heads = _heads(lg, "cli.enterprise", "cli.year", "cli.revision", "cli.status", "cli.content_hash")
    body = [
        [str(r["enterprise"]), str(r["year"]), str(r["revision"]), text(f"status.{r['status']}", lg), r["content_hash"]]
        for r in built_from.to_dict(orient="records")
    ]
    click.echo(formatting.table(heads, body, [False, False, True, False, False]))


@main.command(name="check")
@_store_option
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
    lg = _lang(ctx)
    try:
        snap = _snapshot(ctx, store_dir)
        lines, reg, ledger = review.park_inputs(snap, registry, transfers)
        findings = review.findings(snap, lines, reg, ledger, ack_path, lg, recalculation_threshold)
    except GhgError as exc:
        _fail(ctx, exc, as_json)
        return
    errors = int((findings["severity"] == "error").sum())
    if as_json:
        _emit_json({"errors": errors, "findings": findings.to_dict(orient="records")})
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
        click.echo(formatting.table(_cols(lg, heads), body, [False] * len(heads)))
    if errors:
        ctx.exit(1)


@main.group()
def report() -> None:
    pass


@report.command(name="form06")
@_store_option
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
    lg = _lang(ctx)
    if "/" not in facility or not re.fullmatch(r"\d{4}-\d{4}", period):
        raise click.UsageError(text("usage.form06", lg))
    enterprise, fac = facility.split("/", 1)
    first, last = (int(p) for p in period.split("-"))
    try:
        snap = _snapshot(ctx, store_dir)
        lines, reg, ledger = review.park_inputs(snap, registry, transfers)
        findings = checks.run_checks(lines, reg, ledger, lang=lg)
        made = snap.latest()
        if (last, enterprise) not in made:
            raise StoreError("store.no_revision", partition=f"{enterprise} {last}", revision="-")
        releases_used = snap.run_of(snap.revision(last, enterprise, made[(last, enterprise)])).get("releases", [])
        mine = lines[(lines["enterprise"] == enterprise) & (lines["facility"] == fac)]
        spread: list[dict[str, object]] = []
        for year in range(first, last + 1):
            if (mine["year"] == year).any():
                found = uncertainty.analyse(snap, mine, None, year, enterprise, samples=20_000).table
                spread += [{"year": year, **{str(k): v for k, v in r.items()}} for r in found.to_dict(orient="records")]
        document = form06.build(
            lines,
            reg,
            enterprise,
            fac,
            list(range(first, last + 1)),
            findings,
            releases_used if isinstance(releases_used, list) else [],
            lg,
            spread,
        )
        xlsx = form06.write_xlsx(document, out)
        js = form06.write_json(document, out.with_suffix(".json"))
    except StopIteration:
        raise click.UsageError(text("usage.no_inventory", lg, enterprise=enterprise, year=last)) from None
    except GhgError as exc:
        _fail(ctx, exc, as_json)
        return
    if as_json:
        _emit_json({"xlsx": str(xlsx), "json": str(js), "report": document})
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
@_store_option
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
    lg = _lang(ctx)
    try:
        inputs = review.report_inputs(
            _snapshot(ctx, store_dir),
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
        outcome = pathway_output.publish(out.parent, {out.name: document})
    except GhgError as exc:
        _fail(ctx, exc, as_json)
        return
    if as_json:
        _emit_json({"html": str(out), "bytes": len(document), "state": outcome[0][1]})
    else:
        click.echo(text("report.written", lg, path=str(out)))


@report.command(name="xlsx")
@_store_option
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
    lg = _lang(ctx)
    try:
        years = _years(years_text)
        snap = _snapshot(ctx, store_dir)
        lines, reg, ledger = review.park_inputs(snap, registry, transfers)
        findings = review.findings(snap, lines, reg, ledger, ack_path, lg)
        path = export.write_workbook(
            export.workbook_sheets(lines, reg, ledger, findings, snap.history(), enterprise, years, lg), out
        )
    except GhgError as exc:
        _fail(ctx, exc, as_json)
        return
    if as_json:
        _emit_json({"xlsx": str(path)})
    else:
        click.echo(text("report.written", lg, path=str(path)))


@main.group(name="audit")
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
    lg = _lang(ctx)
    try:
        outcome = audit.replay_all(_snapshot(ctx, store_dir), list(versions))
    except GhgError as exc:
        _fail(ctx, exc, as_json)
        return
    if as_json:
        _emit_json(
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
    lg = _lang(ctx)
    try:
        change = audit.impact(_snapshot(ctx, store_dir), new_release, replaces)
    except GhgError as exc:
        _fail(ctx, exc, as_json)
        return
    moved = change[(change["total_t_co2e_change"].abs() > 1e-9) | (change["scope_2_market_t_co2e_change"].abs() > 1e-9)]
    park_change = change.groupby("year")[["total_t_co2e_change", "scope_2_market_t_co2e_change"]].sum().reset_index()
    if as_json:
        _emit_json({"enterprises": moved.to_dict(orient="records"), "park": park_change.to_dict(orient="records")})
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
    click.echo(formatting.table(_cols(lg, heads), body, [False, False, True, True, True, True]))
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
        _fail(ctx, StoreError("store.write_failed", path=str(out), detail=str(exc)[:200], published=0), as_json)
        return
    if as_json:
        _emit_json({"private_key": str(private), "public_key": str(public), "fingerprint": print_})
    else:
        click.echo(text("audit.keygen", _lang(ctx), private=private, public=public, fingerprint=print_))


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
        _fail(ctx, exc, as_json)
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
        _fail(ctx, exc, as_json)
        return
    ok, key = audit.verify_statement(store_dir, json.loads(statement_file.read_text(encoding="utf-8")), keys)
    message = text(key, _lang(ctx))
    click.echo(jsonout.dumps({"valid": ok, "message": message}) if as_json else message)
    if not ok:
        ctx.exit(1)


@main.group(name="store")
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
        _emit_json(report.to_dict(orient="records"))
    else:
        click.echo(text("cli.store_verify", _lang(ctx), ok=int(report["ok"].sum()), total=len(report)))
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
        _fail(ctx, exc, as_json)
        return
    if as_json:
        _emit_json(entry)
    else:
        click.echo(
            text(
                "cli.status_set",
                _lang(ctx),
                partition=f"{enterprise} {year}",
                revision=revision,
                status=text(f"status.{status}", _lang(ctx)),
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
        _fail(ctx, exc, as_json)
        return
    if as_json:
        _emit_json(done)
    else:
        click.echo(text("store.migrated", _lang(ctx), path=str(new), **done))


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
        _fail(ctx, exc, as_json)
        return
    if as_json:
        _emit_json({"removed": removed})
    else:
        click.echo(text("store.vacuumed", _lang(ctx), count=len(removed)))
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
        diff = audit.revision_diff(_snapshot(ctx, store_dir), year, enterprise, revision_a, revision_b)
    except GhgError as exc:
        _fail(ctx, exc, as_json)
        return
    if as_json:
        _emit_json(diff.to_dict(orient="records"))
        return
    lg = _lang(ctx)
    if len(diff):
        keys = ["change", "facility", "scope", "activity", "gas", "unit", "factor_id"]
        values = ["quantity_a", "quantity_b", "co2e_t_a", "co2e_t_b", "co2e_t_change"]
        body = [
            [str(r[k]) for k in keys] + [formatting.number(r[v], lg) for v in values]
            for r in diff.to_dict(orient="records")
        ]
        click.echo(formatting.table(keys + values, body, [False] * len(keys) + [True] * len(values)))
    click.echo(text("cli.revision_diff", _lang(ctx), count=len(diff), a=revision_a, b=revision_b))


@main.command(name="export")
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
        lines = store.read_lines(_snapshot(ctx, store_dir), revision="all" if all_revisions else "latest")
        if year is not None:
            lines = lines[lines["year"] == year]
        if enterprise is not None:
            lines = lines[lines["enterprise"] == enterprise]
        path = export.export(lines, out)
    except GhgError as exc:
        _fail(ctx, exc, as_json)
        return
    if as_json:
        _emit_json({"path": str(path), "rows": len(lines)})
    else:
        click.echo(text("cli.exported", _lang(ctx), rows=len(lines), path=path))


@main.command(name="history")
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
    lg = _lang(ctx)
    try:
        table = store.history(_snapshot(ctx, store_dir))
    except GhgError as exc:
        _fail(ctx, exc, as_json)
        return
    if enterprise is not None:
        table = table[table["enterprise"] == enterprise]
    if year is not None:
        table = table[table["year"] == year]
    if as_json:
        _emit_json(table.to_dict(orient="records"))
        return
    heads = _heads(
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


@main.group()
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
        _fail(ctx, exc, as_json)
        return
    if as_json:
        _emit_json({"path": str(target), "installed": new})
    else:
        key = "cli.installed" if new else "cli.already_installed"
        click.echo(text(key, _lang(ctx), release=target.name, path=into))


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
    lg = _lang(ctx)
    metas = []
    try:
        for rid in releases.available(folder):
            meta, digest = releases.verify(folder / rid if folder else rid)
            metas.append((meta, digest))
    except GhgError as exc:
        _fail(ctx, exc, as_json)
        return
    if as_json:
        _emit_json(
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
    header = _heads(lg, "cli.release", "cli.version", "cli.tier", "cli.valid_years", "cli.title")
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
    lg = _lang(ctx)
    try:
        rel = releases.load(release)
    except GhgError as exc:
        _fail(ctx, exc, as_json)
        return
    meta = rel.meta.model_dump(mode="json")
    if as_json:
        _emit_json(
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
        _fail(ctx, exc, as_json)
        return
    if as_json:
        _emit_json(diff.to_dict(orient="records"))
        return
    heads = ["change", "parameter", "activity", "ipcc_category", "year", "gas", "value_a", "value_b", "unit_b"]
    body = [[str(r[h]) for h in heads] for r in diff.fillna("").to_dict(orient="records")]
    click.echo(formatting.table(_cols(_lang(ctx), heads), body, [False] * len(heads)))
    click.echo(
        text(
            "cli.diff_summary",
            _lang(ctx),
            **{k: int((diff["change"] == k).sum()) for k in ("added", "removed", "changed")},
        )
    )


@factors.command(name="verify")
@click.argument("refs", nargs=-1)
@lang_option
@json_option
@click.pass_context
def factors_verify(ctx: click.Context, refs: tuple[str, ...], lang: str | None, as_json: bool) -> None:
    lg = _lang(ctx)
    results = []
    try:
        for ref in refs or tuple(releases.available()):
            meta, digest = releases.verify(ref)
            results.append(
                {"id": meta.id, "files": len(meta.files), "sha256": digest, "path": str(releases.locate(ref))}
            )
    except GhgError as exc:
        _fail(ctx, exc, as_json)
        return
    if as_json:
        _emit_json({"verified": results})
    else:
        for r in results:
            click.echo(text("cli.verified", lg, release=r["id"], files=r["files"], sha256=r["sha256"]))


# ---------------------------------------------------------------- pathways


@main.group(name="eip")
def eip_group() -> None:
    pass


def _eip_options(f: Callable[..., Any]) -> Callable[..., Any]:
    f = click.option("--eip", "eip_dir", type=click.Path(path_type=Path), required=True)(f)
    f = click.option("--year", type=int, default=None)(f)
    return _store_option(f)


def _eip_inputs(
    snap: store.Snapshot, registry: Path, transfers: Path | None, eip_dir: Path, year: int | None
) -> tuple[Any, int, Any]:
    lines, reg, ledger = review.park_inputs(snap, registry, transfers)
    records = eip.load(eip_dir, reg)
    year = year or int(lines["year"].max())
    return eip.indicators(records, reg, lines, snap.production(), ledger, year), year, reg


@eip_group.command(name="indicators")
@_eip_options
@lang_option
@json_option
@click.pass_context
def eip_indicators_cmd(
    ctx: click.Context,
    store_dir: Path,
    registry: Path,
    transfers: Path | None,
    year: int | None,
    eip_dir: Path,
    lang: str | None,
    as_json: bool,
) -> None:
    lg = _lang(ctx)
    try:
        ind, year, _ = _eip_inputs(_snapshot(ctx, store_dir), registry, transfers, eip_dir, year)
        checks_done = eip.checklist(store_dir, year)
    except GhgError as exc:
        _fail(ctx, exc, as_json)
        return
    findings = [
        {**{k: v for k, v in f.items() if k not in ("key", "params")}, "message": text(f["key"], lg, **f["params"])}
        for f in ind.findings.to_dict(orient="records")
    ]
    if as_json:
        _emit_json(
            {
                **ind.summary,
                "criteria": ind.criteria.to_dict(orient="records"),
                "checklist": checks_done.to_dict(orient="records"),
                "links": ind.links.to_dict(orient="records"),
                "recp": ind.recp.to_dict(orient="records"),
                "intensities": ind.intensities.to_dict(orient="records"),
                "findings": findings,
            }
        )
        return
    s = ind.summary
    met = {c["criterion"]: c["met"] for c in ind.criteria.to_dict(orient="records")}
    click.echo(text("eip.header", lg, year=year))
    click.echo(
        text("eip.recp_share", lg, count=s["recp_enterprises"], members=s["members"],
             share=formatting.number(100 * s["recp_share"], lg, 1),
             status=text("eip.met" if met["37.2(c)"] else "eip.not_met", lg))
    )  # fmt: skip
    click.echo(
        text(
            "eip.links", lg, count=s["symbiosis_links"], status=text("eip.met" if met["37.2(b)"] else "eip.not_met", lg)
        )
    )
    amounts = {
        k: formatting.number(s[f], lg, 0)
        for k, f in (("mwh", "electricity_saved_mwh"), ("water", "water_saved_m3"),
                     ("materials", "materials_saved_t"), ("chemicals", "chemicals_saved_t"))
    }  # fmt: skip
    click.echo(text("eip.savings", lg, **amounts))
    change = s["inventory_change_t_co2e"]
    click.echo(
        text("eip.avoided", lg, recp=formatting.number(s["avoided_recp_t_co2e"], lg, 0),
             grid=formatting.number(s["grid_factor_t_co2_per_mwh"], lg, 4),
             links=formatting.number(s["avoided_symbiosis_t_co2e"], lg, 0),
             change=formatting.number(change, lg, 0) if change is not None else "-")
    )  # fmt: skip
    click.echo("")
    heads = ["supplier", "receiver", "material", "quantity", "avoided_t_co2e"]
    rows = [
        [r["supplier"], r["receiver"], r["material"], f"{formatting.number(r['quantity'], lg, 0)} {r['unit']}",
         formatting.number(r["avoided_t_co2e"], lg, 0)]
        for r in ind.links.to_dict(orient="records")
    ]  # fmt: skip
    click.echo(formatting.table(_cols(lg, heads), rows, [False, False, False, True, True]))
    click.echo("")
    click.echo(text("eip.checklist_title", lg))
    rows = [[r["criterion"], r["value"] or "-", r["by"], r["at"]] for r in checks_done.to_dict(orient="records")]
    click.echo(formatting.table(_cols(lg, ["criterion", "value", "by", "at"]), rows, [False] * 4))
    if findings:
        click.echo("")
        click.echo(text("eip.findings", lg))
        for f in findings:
            click.echo(f"  {f['code']} {f['file']}:{f['row']} {f['enterprise']}: {f['message']}")


@eip_group.command(name="report")
@_eip_options
@click.option("--enterprise", default=None)
@click.option("--out", type=click.Path(path_type=Path), required=True)
@lang_option
@json_option
@click.pass_context
def eip_report_cmd(
    ctx: click.Context,
    store_dir: Path,
    registry: Path,
    transfers: Path | None,
    year: int | None,
    eip_dir: Path,
    enterprise: str | None,
    out: Path,
    lang: str | None,
    as_json: bool,
) -> None:
    lg = _lang(ctx)
    try:
        ind, year, _ = _eip_inputs(_snapshot(ctx, store_dir), registry, transfers, eip_dir, year)
        document = eip.report(ind, eip.checklist(store_dir, year), lg, enterprise)
        stem = out.name[: -len(out.suffix)] if out.suffix else out.name
        outcome = pathway_output.publish(out.parent, eip.report_files(document, stem))
    except GhgError as exc:
        _fail(ctx, exc, as_json)
        return
    if as_json:
        _emit_json({"report": document, "files": [{"path": str(p), "state": st} for p, st in outcome]})
        return
    _published(outcome, lg)


@eip_group.command(name="network")
@_eip_options
@click.option("--out", type=click.Path(path_type=Path), required=True)
@lang_option
@json_option
@click.pass_context
def eip_network_cmd(
    ctx: click.Context,
    store_dir: Path,
    registry: Path,
    transfers: Path | None,
    year: int | None,
    eip_dir: Path,
    out: Path,
    lang: str | None,
    as_json: bool,
) -> None:
    lg = _lang(ctx)
    try:
        ind, year, _ = _eip_inputs(_snapshot(ctx, store_dir), registry, transfers, eip_dir, year)
        title = text("eip.network_title", lg, year=year)
        files = charts.network(ind.links, title, lg, Path(f"symbiosis-{year}.{lg}"))
        outcome = pathway_output.publish(out, files)
    except GhgError as exc:
        _fail(ctx, exc, as_json)
        return
    if as_json:
        _emit_json(
            {"year": year, "links": ind.links.to_dict(orient="records"),
             "files": [{"path": str(p), "state": st} for p, st in outcome]}
        )  # fmt: skip
        return
    _published(outcome, lg)


@eip_group.command(name="checklist")
@click.option("--store", "store_dir", type=click.Path(path_type=Path), default=Path("ghg-store"), show_default=True)
@click.option("--year", type=int, required=True)
@click.option("--criterion", required=True)
@click.option("--value", required=True)
@click.option("--by", required=True)
@click.option("--comment", default="")
@lang_option
@json_option
@click.pass_context
def eip_checklist_cmd(
    ctx: click.Context,
    store_dir: Path,
    year: int,
    criterion: str,
    value: str,
    by: str,
    comment: str,
    lang: str | None,
    as_json: bool,
) -> None:
    lg = _lang(ctx)
    try:
        path = eip.checklist_set(store_dir, year, criterion, value, by, comment)
    except GhgError as exc:
        _fail(ctx, exc, as_json)
        return
    if as_json:
        _emit_json({"recorded": str(path)})
    else:
        click.echo(text("eip.checklist.recorded", lg, path=str(path)))


@main.command(name="uncertainty")
@_store_option
@click.option("--year", type=int, default=None)
@click.option("--enterprise", default=None)
@click.option("--method", type=click.Choice(["1", "2", "both"]), default="both", show_default=True)
@click.option("--samples", type=click.IntRange(1_000, 10_000_000), default=100_000, show_default=True)
@click.option("--seed", type=int, default=20261128, show_default=True)
@click.option("--default-tier", type=click.IntRange(1, 4), default=1, show_default=True)
@click.option("--scenario", "scenario_ref", default=None)
@click.option("--pathway-samples", type=click.IntRange(20, 5_000), default=200, show_default=True)
@click.option("--out", type=click.Path(path_type=Path), default=None)
@lang_option
@json_option
@click.pass_context
def uncertainty_cmd(
    ctx: click.Context,
    store_dir: Path,
    registry: Path,
    transfers: Path | None,
    year: int | None,
    enterprise: str | None,
    method: str,
    samples: int,
    seed: int,
    default_tier: int,
    scenario_ref: str | None,
    pathway_samples: int,
    out: Path | None,
    lang: str | None,
    as_json: bool,
) -> None:
    lg = _lang(ctx)
    try:
        snap = _snapshot(ctx, store_dir)
        lines, reg, _ = review.park_inputs(snap, registry, transfers)
        year = year or int(lines["year"].max())
        internal = park.internal_supply(lines, reg)
        result = uncertainty.analyse(snap, lines, internal, year, enterprise, default_tier, samples, seed, method)
        band = None
        if scenario_ref:
            scenario = load_scenario(pathway.locate_scenario(scenario_ref))
            band = uncertainty.pathway_band(lines, scenario, reg, pathway_samples, seed, enterprise)
        outcome = []
        if out is not None:
            outcome = pathway_output.publish(out, uncertainty.result_files(result, band))
    except GhgError as exc:
        _fail(ctx, exc, as_json)
        return
    settings = {
        "year": year,
        "method": method,
        "samples": samples,
        "seed": seed,
        "default_tier": default_tier,
        "converged": result.converged,
        "convergence": result.convergence,
    }
    if as_json:
        _emit_json(
            {
                **settings,
                "boundaries": result.table.to_dict(orient="records"),
                "key_categories": result.key_categories.to_dict(orient="records"),
                "categories_approach_1": result.categories.to_dict(orient="records"),
                "no_published_factor_range": result.not_covered.to_dict(orient="records"),
                "pathway_band": band.to_dict(orient="records") if band is not None else None,
                "files": [{"path": str(p), "state": st} for p, st in outcome],
            }
        )
        return
    click.echo(text("uncertainty.header", lg, year=year, samples=samples, seed=seed, tier=default_tier))
    table = result.table
    heads = [text("cli.enterprise", lg), "t CO2e"]
    numeric = [False, True]
    if "u_lo" in table:
        heads += _heads(lg, "uncertainty.head.a1", "uncertainty.head.naive")
        numeric += [True, True]
    if "mc_p2_5" in table:
        heads += _heads(lg, "uncertainty.head.a2", "uncertainty.head.mean")
        numeric += [True, True]
    rows = []
    for r in table.to_dict(orient="records"):
        cells = [
            text("pathway.park", lg) if r["boundary"] == "park" else r["boundary"],
            formatting.number(r["t_co2e"], lg, 0),
        ]
        if "u_lo" in r:
            cells.append(
                f"-{formatting.number(100 * r['u_lo'], lg, 1)} / +{formatting.number(100 * r['u_hi'], lg, 1)} %"
            )
            cells.append(
                f"-{formatting.number(100 * r['naive_lo'], lg, 1)} / +{formatting.number(100 * r['naive_hi'], lg, 1)} %"
            )
        if "mc_p2_5" in r:
            low = 100 * (r["mc_p2_5"] / r["t_co2e"] - 1)
            high = 100 * (r["mc_p97_5"] / r["t_co2e"] - 1)
            cells.append(f"{formatting.number(low, lg, 1)} / +{formatting.number(high, lg, 1)} %")
            cells.append(formatting.number(r["mc_mean"], lg, 0))
        rows.append(cells)
    click.echo(formatting.table(heads, rows, numeric))
    if result.converged is not None:
        click.echo(
            text(
                "uncertainty.converged" if result.converged else "uncertainty.not_converged",
                lg,
                change=formatting.number(100 * (result.convergence or 0.0), lg, 2),
            )
        )
    if len(result.key_categories):
        click.echo("")
        click.echo(text("uncertainty.key_categories", lg))
        rows = [
            [
                r["source_category"],
                r["activity"],
                formatting.number(r["t_co2e"], lg, 0),
                formatting.number(100 * r["variance_share"], lg, 1) + " %",
            ]
            for r in result.key_categories.head(10).to_dict(orient="records")
        ]
        click.echo(
            formatting.table(
                _cols(lg, ["source_category", "activity", "t_co2e", "variance_share"]), rows, [False, False, True, True]
            )
        )
    if len(result.not_covered):
        covered = result.not_covered.groupby("factor_release")["t_co2e"].sum()
        listing = ", ".join(
            f"{k or text('uncertainty.measured', lg)} {formatting.number(v, lg, 0)} t" for k, v in covered.items()
        )
        click.echo("")
        click.echo(text("uncertainty.not_covered", lg, listing=listing))
    if band is not None:
        click.echo("")
        click.echo(text("uncertainty.band", lg, samples=pathway_samples))
        shown = band[(band["year"] % 5 == 0) | (band["year"] == band["year"].max())]
        rows = [
            [
                str(r["year"]),
                formatting.number(r["p2_5"], lg, 0),
                formatting.number(r["p50"], lg, 0),
                formatting.number(r["p97_5"], lg, 0),
            ]
            for r in shown.to_dict(orient="records")
        ]
        click.echo(formatting.table(_cols(lg, ["year", "p2_5", "p50", "p97_5"]), rows, [False, True, True, True]))
    _published(outcome, lg)


@main.group(name="pathway")
def pathway_group() -> None:
    pass


def _pathway_options(f: Callable[..., Any]) -> Callable[..., Any]:
    f = click.option(
        "--min-status",
        type=click.Choice(store.STATUSES),
        default="draft",
        show_default=True,
    )(f)
    f = click.option(
        "--registry",
        type=click.Path(path_type=Path),
        required=True,
    )(f)
    f = click.option(
        "--store",
        "store_dir",
        type=click.Path(path_type=Path),
        default=Path("ghg-store"),
        show_default=True,
    )(f)
    f = as_of_option(f)
    return click.argument("scenario_ref", metavar="SCENARIO")(f)


def _out_option(f: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "--out",
        type=click.Path(path_type=Path),
        default=Path("pathway-out"),
        show_default=True,
    )(f)


def _published(outcome: list[tuple[Path, str]], lg: str) -> None:
    for path, state in outcome:
        click.echo(text(f"pathway.{state}", lg, path=str(path)))


@pathway_group.command(name="list")
@lang_option
@json_option
@click.pass_context
def pathway_list(ctx: click.Context, lang: str | None, as_json: bool) -> None:
    lg = _lang(ctx)
    found = pathway.bundled()
    if as_json:
        _emit_json({"folder": str(pathway.bundled_dir()), **found})
        return
    for kind in ("scenarios", "targets"):
        click.echo(f"{text(f'pathway.list.{kind}', lg)}: {', '.join(found[kind])}")


@pathway_group.command(name="run")
@_pathway_options
@_out_option
@lang_option
@json_option
@click.pass_context
def pathway_run(
    ctx: click.Context,
    scenario_ref: str,
    store_dir: Path,
    registry: Path,
    min_status: str,
    out: Path,
    lang: str | None,
    as_json: bool,
) -> None:
    lg = _lang(ctx)
    try:
        result = pathway.run(scenario_ref, _snapshot(ctx, store_dir), registry, min_status)
        outcome = pathway_output.publish(out, pathway.run_files(result, lg))
    except GhgError as exc:
        _fail(ctx, exc, as_json)
        return
    scenario = result.scenario
    totals = result.totals(["scope_1", "scope_2_location"])
    abated = result.abatement[result.abatement["scope"].isin(["scope_1", "scope_2"])]
    by_measure = abated.pivot_table(index="measure", columns="year", values="abated_t_co2e", aggfunc="sum")
    grid = dict(zip(scenario.years.tolist(), scenario.grid_factor(scenario.years).tolist(), strict=True))
    if as_json:
        _emit_json(
            {
                "scenario": scenario.id,
                "provenance": pathway_output.provenance(result),
                "totals_scope_1_2_location": totals.reset_index().to_dict(orient="records"),
                "grid_t_co2_per_mwh": grid,
                "abatement": abated.to_dict(orient="records"),
                "left_out": result.left_out,
                "files": [{"path": str(p), "state": st} for p, st in outcome],
            }
        )
        return
    name = scenario.name_vi if lg == "vi" else scenario.name
    click.echo(
        text(
            "pathway.run.header",
            lg,
            id=scenario.id,
            name=name,
            base=scenario.base_year,
            horizon=scenario.horizon,
            gwp=result.gwp_set,
        )
    )
    heads = _heads(
        lg,
        "pathway.head.year",
        "pathway.head.actual_t",
        "pathway.head.bau_t",
        "pathway.head.scenario_t",
        "pathway.head.grid",
    )
    rows = []
    for year, row in totals.iterrows():
        cells = [str(year)]
        for case in ("actual", "bau", "scenario"):
            value = row.get(case, 0.0)
            cells.append(formatting.number(value, lg, 0) if value else "")
        cells.append(formatting.number(grid[year], lg, 4) if year in grid else "")
        rows.append(cells)
    click.echo(formatting.table(heads, rows, [False, True, True, True, True]))
    if result.left_out:
        click.echo(text("pathway.run.left_out", lg, names=", ".join(result.left_out)))
    shown = [y for y in by_measure.columns if y % 5 == 0 or y == scenario.horizon]
    if len(by_measure):
        click.echo("")
        click.echo(text("pathway.run.abatement", lg))
        heads = [text("pathway.head.measure", lg), *(str(y) for y in shown)]
        rows = [[m] + [formatting.number(by_measure.loc[m, y], lg, 0) for y in shown] for m in by_measure.index]
        click.echo(formatting.table(heads, rows, [False] + [True] * len(shown)))
    click.echo("")
    _published(outcome, lg)


@pathway_group.command(name="check")
@_pathway_options
@click.option(
    "--target",
    "target_refs",
    multiple=True,
    required=True,
)
@click.option("--enterprise", default=None)
@click.option("--each-enterprise", is_flag=True)
@click.option("--strict", is_flag=True)
@_out_option
@lang_option
@json_option
@click.pass_context
def pathway_check(
    ctx: click.Context,
    scenario_ref: str,
    store_dir: Path,
    registry: Path,
    min_status: str,
    target_refs: tuple[str, ...],
    enterprise: str | None,
    each_enterprise: bool,
    strict: bool,
    out: Path,
    lang: str | None,
    as_json: bool,
) -> None:
    lg = _lang(ctx)
    try:
        if enterprise and each_enterprise:
            raise UsageError("pathway.each_and_one")
        result = pathway.run(scenario_ref, _snapshot(ctx, store_dir), registry, min_status)
        gaps = pathway.check(result, list(target_refs), enterprise, each_enterprise)
        outcome = pathway_output.publish(out, pathway.check_files(result, gaps, lg))
    except GhgError as exc:
        _fail(ctx, exc, as_json)
        return
    missed = any(g.summary["first_year_off_track"] is not None for g in gaps)
    if as_json:
        _emit_json(
            {
                "scenario": result.scenario.id,
                "checks": [{**g.summary, "yearly": g.yearly.to_dict(orient="records")} for g in gaps],
                "files": [{"path": str(p), "state": st} for p, st in outcome],
            }
        )
    else:
        for g in gaps:
            s = g.summary
            name = g.target.name_vi if lg == "vi" else g.target.name
            click.echo(
                text(
                    "pathway.check.header",
                    lg,
                    id=g.target.id,
                    name=name,
                    boundary=g.enterprise or text("pathway.park", lg),
                    scopes=" + ".join(g.target.scopes),
                )
            )
            heads = _heads(
                lg,
                "pathway.head.year",
                "pathway.head.kind",
                "pathway.head.emissions_t",
                "pathway.head.bau_t",
                "pathway.head.target_t",
                "pathway.head.gap_t",
                "pathway.head.on_track",
            )
            shown = g.yearly[
                (g.yearly["year"] % 5 == 0) | (g.yearly.index == 0) | (g.yearly.index == len(g.yearly) - 1)
            ]
            rows = [
                [str(r["year"]), text(f"pathway.kind.{r['kind']}", lg)]
                + [
                    formatting.number(r[c], lg, 0)
                    for c in ("emissions_t_co2e", "bau_t_co2e", "target_t_co2e", "gap_t_co2e")
                ]
                + [text("pathway.yes" if r["on_track"] else "pathway.no", lg)]
                for r in shown.to_dict(orient="records")
            ]
            click.echo(formatting.table(heads, rows, [False, False, True, True, True, True, False]))
            first = s["first_year_off_track"]
            rate = s["rate_needed_per_year"]
            click.echo(
                text(
                    "pathway.check.summary",
                    lg,
                    first=first if first is not None else text("pathway.check.never", lg),
                    budget=formatting.number(s["carbon_budget_t_co2e"], lg, 0),
                    horizon=s["horizon"],
                    cumulative=formatting.number(s["cumulative_t_co2e"], lg, 0),
                    overshoot=formatting.number(s["overshoot_t_co2e"], lg, 0),
                    latest=s["latest_actual_year"],
                    latest_t=formatting.number(s["latest_actual_t_co2e"], lg, 0),
                    rate=formatting.number(100 * rate, lg, 2) if rate is not None else "-",
                    residual=formatting.number(s["residual_t_co2e"], lg, 0),
                    target_end=formatting.number(s["target_at_horizon_t_co2e"], lg, 0),
                )
            )
            if s["to_neutralise_t_co2e"] is not None:
                click.echo(
                    text(
                        "pathway.check.neutralise",
                        lg,
                        year=s["horizon"],
                        amount=formatting.number(s["to_neutralise_t_co2e"], lg, 0),
                    )
                )
            click.echo("")
        _published(outcome, lg)
    if strict and missed:
        ctx.exit(1)


@pathway_group.command(name="macc")
@_pathway_options
@click.option("--year", type=int, required=True)
@click.option("--enterprise", default=None)
@click.option(
    "--scope-2",
    "method",
    type=click.Choice(["location", "market"]),
    default="location",
    show_default=True,
)
@_out_option
@lang_option
@json_option
@click.pass_context
def pathway_macc(
    ctx: click.Context,
    scenario_ref: str,
    store_dir: Path,
    registry: Path,
    min_status: str,
    year: int,
    enterprise: str | None,
    method: str,
    out: Path,
    lang: str | None,
    as_json: bool,
) -> None:
    lg = _lang(ctx)
    try:
        result = pathway.run(scenario_ref, _snapshot(ctx, store_dir), registry, min_status)
        frame, left = macc.curve(result, year, enterprise, method)
        outcome = pathway_output.publish(out, pathway.macc_files(result, frame, year, enterprise, method, lg))
    except GhgError as exc:
        _fail(ctx, exc, as_json)
        return
    if as_json:
        _emit_json(
            {
                "scenario": result.scenario.id,
                "year": year,
                "boundary": enterprise or "park",
                "scope_2_method": method,
                "gwp_set": result.gwp_set,
                "curve": frame.to_dict(orient="records"),
                "left_out": left.to_dict(orient="records"),
                "files": [{"path": str(p), "state": st} for p, st in outcome],
            }
        )
        return
    currency = frame["currency"].iloc[0] if len(frame) else "-"
    click.echo(
        text(
            "pathway.macc.header",
            lg,
            year=year,
            boundary=enterprise or text("pathway.park", lg),
            method=text(f"pathway.method.{method}", lg),
            currency=currency,
            gwp=result.gwp_set,
        )
    )
    heads = _heads(
        lg,
        "pathway.head.measure",
        "pathway.head.abated_t",
        "pathway.head.cost_t",
        "pathway.head.annual_cost",
        "pathway.head.cumulative_t",
    )
    rows = [
        [
            r["measure"],
            formatting.number(r["abatement_t_co2e"], lg, 0),
            formatting.number(r["cost_per_t_co2e"], lg, 1),
            formatting.number(r["annual_cost"], lg, 0),
            formatting.number(r["to_t_co2e"], lg, 0),
        ]
        for r in frame.to_dict(orient="records")
    ]
    click.echo(formatting.table(heads, rows, [False, True, True, True, True]))
    for r in left.to_dict(orient="records"):
        click.echo(
            text(
                "pathway.macc.left_out", lg, measure=r["measure"], reason=text(f"pathway.macc.reason.{r['reason']}", lg)
            )
        )
    click.echo("")
    _published(outcome, lg)


@pathway_group.command(name="export")
@_pathway_options
@click.option("--format", "fmt", type=click.Choice(["iamc"]), required=True)
@click.option("--region", default=None)
@click.option("--out", type=click.Path(path_type=Path), required=True)
@lang_option
@json_option
@click.pass_context
def pathway_export(
    ctx: click.Context,
    scenario_ref: str,
    store_dir: Path,
    registry: Path,
    min_status: str,
    fmt: str,
    region: str | None,
    out: Path,
    lang: str | None,
    as_json: bool,
) -> None:
    lg = _lang(ctx)
    try:
        result = pathway.run(scenario_ref, _snapshot(ctx, store_dir), registry, min_status)
        frame, data = pathway.iamc_bytes(result, region or result.scenario.id)
        outcome = pathway_output.publish(out.parent, {out.name: data})
    except GhgError as exc:
        _fail(ctx, exc, as_json)
        return
    summary = {
        "rows": len(frame),
        "scenarios": frame["scenario"].nunique(),
        "regions": frame["region"].nunique(),
        "path": str(out),
    }
    if as_json:
        _emit_json({"format": fmt, **summary, "files": [{"path": str(p), "state": st} for p, st in outcome]})
        return
    click.echo(text("pathway.export.written", lg, **summary))
    _published(outcome, lg)


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


if __name__ == "__main__":
    run()
