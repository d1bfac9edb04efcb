"""The ``GhgError`` hierarchy: every error the library raises on purpose."""

from __future__ import annotations

from dataclasses import dataclass, field

from ghg.i18n import text

#: How many problems a rendered message lists before it summarises the rest.
SHOWN_PROBLEMS = 50


class GhgError(Exception):
    """Base class of every error ``ghg`` raises on purpose.

    ``exit_code`` is what the command line returns: 1 for bad data, 2 for bad usage.
    """

    exit_code = 1

    def render(self, lang: str = "en") -> str:
        """The message in ``lang`` (``en`` or ``vi``)."""
        return str(self)


class MessageError(GhgError):
    """An error whose message is a catalogue entry ``key`` filled with ``params`` (in either language)."""

    def __init__(self, key: str, **params: object) -> None:
        self.key, self.params = key, params
        super().__init__(self.render())

    def render(self, lang: str = "en") -> str:
        return text(self.key, lang, **self.params)


class UnitError(GhgError, ValueError):
    """A unit string that is unknown, ambiguous or of the wrong dimension."""

    def __init__(self, unit: str, reason: str, **params: object) -> None:
        self.unit, self.reason, self.params = unit, reason, params
        super().__init__(self.render())

    def render(self, lang: str = "en") -> str:
        return text(f"unit.{self.reason}", lang, unit=self.unit, **self.params)


class GwpError(GhgError, ValueError):
    """A CO2e conversion without a known GWP set, or a gas the set lacks."""

    exit_code = 2

    def __init__(self, key: str, **params: object) -> None:
        self.key, self.params = key, params
        super().__init__(self.render())

    def render(self, lang: str = "en") -> str:
        return text(self.key, lang, **self.params)


@dataclass(frozen=True)
class Problem:
    """One problem found in an input file, with where it is and how to fix it.

    ``row`` is the spreadsheet row (the header is row 1) for CSV and Excel, and the
    1-based record number for Parquet. ``code`` names a message of the catalogue.
    """

    file: str
    row: int | None
    column: str | None
    value: str | None
    code: str
    sheet: str | None = None
    params: dict[str, object] = field(default_factory=dict)

    def render(self, lang: str = "en") -> str:
        where = [self.file]
        if self.sheet:
            where.append(text("where.sheet", lang, sheet=self.sheet))
        if self.row is not None:
            where.append(text("where.row", lang, row=self.row))
        if self.column:
            where.append(text("where.column", lang, column=self.column))
        value = "" if self.value is None else text("where.value", lang, value=self.value)
        return f"{', '.join(where)}{value}: {text('problem.' + self.code, lang, **self.params)}"

    def as_dict(self, lang: str = "en") -> dict[str, object]:
        return {
            "file": self.file,
            "sheet": self.sheet,
            "row": self.row,
            "column": self.column,
            "value": self.value,
            "code": self.code,
            "message": text("problem." + self.code, lang, **self.params),
        }

    def as_warning(self, lang: str = "en") -> dict[str, object]:
        """As :meth:`as_dict`, the message with its place (an input flagged, not refused, kept in a manifest)."""
        return {**self.as_dict(lang), "message": self.render(lang)}


class InputError(GhgError, ValueError):
    """Every problem found in one or more input files, raised once after the whole check."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__(self.render())

    def render(self, lang: str = "en") -> str:
        lines = [text("problems.header", lang, count=len(self.problems))]
        lines += [f"  - {p.render(lang)}" for p in self.problems[:SHOWN_PROBLEMS]]
        if len(self.problems) > SHOWN_PROBLEMS:
            lines.append(text("problems.more", lang, count=len(self.problems) - SHOWN_PROBLEMS))
        lines.append(text("problems.nothing_written", lang))
        return "\n".join(lines)


class ReleaseError(MessageError, ValueError):
    """A factor release that is missing, malformed or whose files changed."""


class FactorConflict(GhgError, ValueError):
    """Two selected releases of the same tier give a factor for the same key."""

    def __init__(self, factor_key: str, first: str, second: str) -> None:
        self.factor_key, self.first, self.second = factor_key, first, second
        super().__init__(self.render())

    def render(self, lang: str = "en") -> str:
        return text("factor.conflict", lang, key=self.factor_key, first=self.first, second=self.second)


class StoreError(MessageError, OSError):
    """The result store cannot be read or written safely."""


class EngineError(MessageError, RuntimeError):
    """A distributed run could not be completed (cluster unreachable, a task lost); nothing was published."""


class UsageError(MessageError, ValueError):
    """The call's arguments are wrong (exit code 2)."""

    exit_code = 2
