"""MkDocs hook: the command reference, generated from the click commands and the message catalogue.

A page holding ``<!-- ghg:commands -->`` gets, in the page's language (``*.vi.md`` is Vietnamese), every
command's usage, description and options with their help and defaults, exactly as ``ghg COMMAND --help``
shows them.
"""

from __future__ import annotations

from typing import Any

import click

MARKER = "<!-- ghg:commands -->"


def _walk(command: click.Command, path: list[str]) -> list[tuple[list[str], click.Command]]:
    found = [(path, command)] if path else []
    if isinstance(command, click.Group):
        ctx = click.Context(command)
        for name in command.list_commands(ctx):
            sub = command.get_command(ctx, name)
            if sub is not None:
                found += _walk(sub, [*path, name])
    return found


def _reference(lang: str) -> str:
    from ghg.cli import main
    from ghg.cli.common import option_help
    from ghg.i18n import text

    out: list[str] = []
    for path, command in _walk(main, []):
        key = ".".join(path)
        ctx = click.Context(command, info_name=" ".join(["ghg", *path]))
        usage = " ".join(command.collect_usage_pieces(ctx))
        out += [f"### ghg {' '.join(path)}", "", f"```\nghg {' '.join(path)} {usage}\n```", ""]
        out += [text(f"help.cmd.{key}", lang), ""]
        rows = []
        for param in command.params:
            if not isinstance(param, click.Option) or param.hidden:
                continue
            names = ", ".join(f"`{o}`" for o in [*param.opts, *param.secondary_opts])
            described = (option_help(key, str(param.name), lang) or "").replace("|", "\\|")
            default = param.default if param.show_default and param.default not in (None, (), "") else ""
            rows.append(f"| {names} | {described} | {f'`{default}`' if default != '' else ''} |")
        if rows:
            heads = ("tùy chọn", "ý nghĩa", "mặc định") if lang == "vi" else ("option", "meaning", "default")
            out += [f"| {heads[0]} | {heads[1]} | {heads[2]} |", "|---|---|---|", *rows, ""]
    return "\n".join(out)


def on_page_markdown(markdown: str, page: Any, **_: Any) -> str:
    if MARKER not in markdown:
        return markdown
    lang = "vi" if page.file.src_uri.endswith(".vi.md") else "en"
    return markdown.replace(MARKER, _reference(lang))
