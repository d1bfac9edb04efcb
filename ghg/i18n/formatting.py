"""Number and table formatting for people: English (1,234.5) and Vietnamese (1.234,5)."""

from __future__ import annotations

import math
from collections.abc import Sequence


def number(value: float, lang: str = "en", decimals: int = 1) -> str:
    """Format ``value`` with thousands separators; rounding happens here only (half to even).

    Examples
    --------
    >>> number(1234567.891, "en")
    '1,234,567.9'
    >>> number(1234567.891, "vi")
    '1.234.567,9'
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "-"
    text = f"{value:,.{decimals}f}"
    if lang == "vi":
        text = text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
    return text


def table(header: Sequence[str], rows: Sequence[Sequence[str]], numeric: Sequence[bool]) -> str:
    """An aligned plain-text table: text columns left-aligned, numbers right-aligned."""
    widths = [max([len(h)] + [len(r[i]) for r in rows]) for i, h in enumerate(header)]

    def line(cells: Sequence[str]) -> str:
        return "  ".join(
            c.rjust(w) if n else c.ljust(w) for c, w, n in zip(cells, widths, numeric, strict=True)
        ).rstrip()

    return "\n".join([line(header), "  ".join("-" * w for w in widths)] + [line(r) for r in rows])
