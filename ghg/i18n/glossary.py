"""The glossary: the terms of the tool and of the Vietnamese legal texts, each with its source.

``glossary.csv`` (beside this module) holds one term per row: its catalogue key, the English and the
Vietnamese term, the legal text or standard it comes from, whether that wording was ``seen`` in the text
(or its official summary) while writing the glossary, ``recalled`` from it, or is established ``practice``
where no legal text names the thing, and the Vietnamese variants not to use (``avoid_vi``, ``;``-separated).
The catalogue takes the terms from here, so a term is named once; a test checks that no Vietnamese message
uses an avoided variant.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from pathlib import Path

PATH = Path(__file__).with_name("glossary.csv")


@dataclass(frozen=True)
class Term:
    """One glossary row."""

    key: str
    en: str
    vi: str
    source: str
    status: str
    avoid_vi: tuple[str, ...]


@cache
def terms() -> tuple[Term, ...]:
    """Every term of ``glossary.csv``, in file order."""
    with PATH.open(encoding="utf-8", newline="") as f:
        return tuple(
            Term(r["key"], r["en"], r["vi"], r["source"], r["status"], tuple(a for a in r["avoid_vi"].split(";") if a))
            for r in csv.DictReader(f)
        )


def messages() -> dict[str, dict[str, str]]:
    """The glossary as catalogue entries: ``{key: {"en": …, "vi": …}}``."""
    return {t.key: {"en": t.en, "vi": t.vi} for t in terms()}
