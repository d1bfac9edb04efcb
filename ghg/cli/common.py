"""What every command shares: language, options, JSON and errors, progress bars, localized help,
snapshots for ``--as-of``, tables of warnings and written revisions."""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from ghg.core.errors import GhgError, InputError, Problem, ReleaseError
from ghg.core.vocabulary import DEFAULT_RELEASES
from ghg.i18n import CATALOGUE, text

if TYPE_CHECKING:
    from ghg.core.factors import FactorSet
    from ghg.store.snapshot import Snapshot
    from ghg.store.table import Written


LANG_ENV = "GHG_LANG"


def lang_of(ctx: click.Context) -> str:
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


def factor_set_of(refs: tuple[str, ...], extra: tuple[str, ...]) -> FactorSet:
    """The selected releases (default: the bundled ones) plus any extra ones."""
    from ghg.core.factors import FactorSet

    return FactorSet.load([*(refs or DEFAULT_RELEASES), *extra])


def emit_json(payload: object) -> None:
    from ghg.core import jsonout

    click.echo(jsonout.dumps_document(payload))


def heads_of(lang: str, *keys: str) -> list[str]:
    """Table headings from catalogue keys, in ``lang``."""
    return [text(k, lang) for k in keys]


def cols_of(lang: str, names: list[str]) -> list[str]:
    """Table headings for result columns (``col.<name>`` in the catalogue), in ``lang``."""
    return [text(f"col.{n}", lang) for n in names]


def cell_of(value: object, lang: str, column: str = "", names: dict[str, str] | None = None) -> str:
    """A table cell: booleans as yes/no in ``lang``, a code of ``column`` by its name
    (:func:`ghg.core.labels.value`; activities by ``names``), anything else as text."""
    if isinstance(value, bool) or type(value).__name__ == "bool_":
        return text("cli.yes" if value else "cli.no", lang)
    if column and isinstance(value, str):
        from ghg.core import labels

        return str(labels.value(column, value, lang, names))
    return str(value)


def fail(ctx: click.Context, exc: GhgError, as_json: bool) -> None:
    lang = lang_of(ctx)
    code = exc.exit_code
    if isinstance(exc, ReleaseError) and exc.key == "release.unknown":
        code = 2
    if as_json:
        payload: dict[str, object] = {"error": type(exc).__name__, "message": exc.render(lang), "exit_code": code}
        if isinstance(exc, InputError):
            payload["problems"] = [p.as_dict(lang) for p in exc.problems]
        emit_json(payload)
    else:
        click.echo(f"{click.style(text('cli.error', lang), fg='red', bold=True)}: {exc.render(lang)}", err=True)
    ctx.exit(code)


@contextmanager
def file_progress(enabled: bool, files: tuple[Path, ...]) -> Iterator[Callable[[int, float], None]]:
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


def help_lang(ctx: click.Context | None) -> str:
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


def option_help(key: str, name: str, lang: str) -> str | None:
    parts = key.split(".")
    # the command's own entry, then its groups' (help.opt.eip.year serves every eip command), then the shared one
    candidates = [f"help.opt.{'.'.join(parts[:n])}.{name}" for n in range(len(parts), 0, -1)] + [f"help.opt.{name}"]
    for candidate in candidates:
        if candidate in CATALOGUE:
            return text(candidate, lang, defaults=", ".join(DEFAULT_RELEASES))
    return None


def _format_usage(command: click.Command, ctx: click.Context, formatter: click.HelpFormatter) -> None:
    pieces = command.collect_usage_pieces(ctx)
    formatter.write_usage(ctx.command_path, " ".join(pieces), prefix=text("cli.usage", help_lang(ctx)) + ": ")


def _format_options(command: click.Command, ctx: click.Context, formatter: click.HelpFormatter) -> None:
    lang = help_lang(ctx)
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
        lang = help_lang(ctx)
        key = _command_key(ctx)
        rows = []
        for name in self.list_commands(ctx):
            lazy = getattr(self, "is_lazy", lambda _name: False)(name)  # listed without importing it
            command = None if lazy else self.get_command(ctx, name)
            if not lazy and (command is None or command.hidden):
                continue
            path = f"{key}.{name}" if key != "ghg" else name
            rows.append((name, first_sentence(text(f"help.cmd.{path}", lang))))
        if rows:
            with formatter.section(text("cli.commands", lang)):
                formatter.write_dl(rows)


#: Abbreviations a sentence does not end with ("Art. 43", "Vol. 2", "No. 2", "e.g. ...").
_ABBREVIATIONS = ("Art", "Vol", "No", "Eq", "Ch", "e.g", "i.e", "cf", "Điều", "Tập")


def first_sentence(help_text: str) -> str:
    """The first sentence of a command's help, for the list of commands (not cut at "Art. 43")."""
    start = 0
    while True:
        end = help_text.find(". ", start)
        if end < 0:
            return help_text.rstrip(".")
        word = help_text[:end].rsplit(" ", 1)[-1].lstrip("(")
        if word not in _ABBREVIATIONS:
            return help_text[:end]
        start = end + 2


def _localize(command: click.Command, ctx: click.Context, render: Callable[[], None]) -> None:
    lang = help_lang(ctx)
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
                text("help.opt.help", lang) if param.name == "help" else option_help(key, str(param.name), lang)
            )
    try:
        render()
    finally:
        for owner, attribute, value in saved:
            setattr(owner, attribute, value)


def decimal_mark_option(f: Callable[..., Any]) -> Callable[..., Any]:
    """``--decimal-mark . | ,``: the decimal mark of numbers written as text in the input files."""
    return click.option("--decimal-mark", "decimal_mark", type=click.Choice([".", ","]), default=None)(f)


def warnings_json(warnings: list[Problem], lang: str = "en") -> list[dict[str, object]]:
    """Warnings as JSON rows: file, sheet, row, column, value, code, and the message in ``lang``."""
    return [w.as_warning(lang) for w in warnings]


def show_warnings(lang: str, warnings: list[Problem]) -> None:
    """Print inputs flagged (not refused), each with its file, row and column."""
    if not warnings:
        return
    click.echo(text("cli.warnings", lang, count=len(warnings)))
    for w in warnings:
        click.echo(f"  - {w.render(lang)}")


def written_json(written: list[Written], parents: dict[tuple[int, str], int]) -> list[dict[str, object]]:
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


@contextmanager
def unit_progress(enabled: bool) -> Iterator[Callable[[int, int], None]]:
    """A progress bar on stderr over a dataset's partition folders, when it is a terminal."""
    if not enabled or not sys.stderr.isatty():
        yield lambda _done, _units: None
        return
    with click.progressbar(length=1, file=sys.stderr, label="ghg") as bar:

        def step(done: int, units: int) -> None:
            bar.length = units
            bar.update(done - bar.pos)

        yield step


def _keep_as_of(ctx: click.Context, _param: click.Parameter, value: str | None) -> None:
    ctx.meta["ghg.as_of"] = value


def as_of_option(f: Callable[..., Any]) -> Callable[..., Any]:
    """``--as-of VERSION|TIME``: read the store as it was at that commit (kept in the context)."""
    return click.option("--as-of", "as_of", default=None, expose_value=False, callback=_keep_as_of)(f)


def snapshot_at(ctx: click.Context, store_dir: Path) -> Snapshot:
    """The one snapshot of the store a reading command reads (``--as-of``, else the latest).

    Raises
    ------
    StoreError
        A bad ``--as-of``, a version the store does not have, or a damaged log.
    """
    from ghg.store.snapshot import open_snapshot, parse_as_of

    return open_snapshot(store_dir, parse_as_of(ctx.meta.get("ghg.as_of")))


def store_option(f: Callable[..., Any]) -> Callable[..., Any]:
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


def show_published(outcome: list[tuple[Path, str]], lg: str) -> None:
    """Each file written (or found unchanged), one line each."""
    for path, state in outcome:
        click.echo(text(f"pathway.{state}", lg, path=str(path)))


def usage_error(exc: click.ClickException, lang: str) -> None:
    """Show a usage error as click does, in ``lang``: click's own messages (a missing option or argument, an
    unknown option, a value not among the choices) are rendered from the catalogue in Vietnamese."""
    if lang != "vi":
        exc.show()
        return
    message = exc.format_message()
    if isinstance(exc, click.MissingParameter) and exc.param is not None:
        kind = "argument" if isinstance(exc.param, click.Argument) else "option"
        name = exc.param.opts[0] if isinstance(exc.param, click.Option) else str(exc.param.name).upper()
        message = text(f"cli.missing_{kind}", lang, name=name)
    elif isinstance(exc, click.NoSuchOption):
        message = text("cli.no_such_option", lang, name=exc.option_name)
        if exc.possibilities:
            message += " " + text("cli.did_you_mean", lang, names=", ".join(sorted(exc.possibilities)))
    elif isinstance(exc, click.BadParameter):
        hint = exc.param_hint if isinstance(exc.param_hint, str) else (exc.param.opts[0] if exc.param else "")
        found = re.match(r"^'(.*)' is not one of (.*)\.$", exc.message)
        detail = text("cli.not_one_of", lang, value=found.group(1), choices=found.group(2)) if found else exc.message
        message = text("cli.bad_value", lang, name=hint or "", detail=detail)
    ctx = exc.ctx if isinstance(exc, click.UsageError) else None
    if ctx is not None:
        click.echo(ctx.get_usage(), err=True)
        click.echo(text("cli.try_help", lang, command=f"{ctx.command_path} --help") + "\n", err=True)
    click.echo(f"{text('cli.error', lang).capitalize()}: {message}", err=True)
