"""Read what people read in the tool's outputs, and find words and numbers of the other language.

The texts of an output: an HTML page's or SVG's visible text (not code, scripts or styles), every text cell
and sheet name of a workbook, the labels meant for people in a JSON file (titles, legal basis, boundary,
messages), and lines of terminal output. Before looking, the words the users wrote themselves (names,
evidence, comments, identifiers of their own) and identifiers of the tool's data (factor ids, release
names, file names, hashes) are taken out: they are data, the same in every language.

English vocabulary: every word of four or more letters in an English message of the catalogue that no
Vietnamese message uses, and every code of the result schema written with an underscore. Vietnamese
vocabulary: every word with a Vietnamese letter in a Vietnamese message that no English message uses.
Numbers: in Vietnamese, ``1,234,567`` or ``12.5`` are English-formatted; in English, ``1.234.567`` or
``12,5``.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterable, Iterator
from html.parser import HTMLParser
from pathlib import Path

from ghg.i18n import CATALOGUE

_VI_LETTERS = "àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ"
_VI_WORD = re.compile(rf"\b\w*[{_VI_LETTERS}]\w*\b", re.I)
_EN_WORD = re.compile(r"(?<![\w{])[A-Za-z]{4,}(?![\w}])")
_CODE = re.compile(r"(?<![\w.-])[a-z][a-z0-9]*(?:_[a-z0-9]+)+(?![\w.-])")
# identifiers: dotted, hyphenated or slashed tokens (factor ids, releases, files, enterprise codes), hashes, URLs
_IDENTIFIER = re.compile(r"https?://\S+|\b[0-9a-f]{16,}\b|(?=[\w./:+-]*[A-Za-z_])\w+(?:[-./:+]\w+)+")
_PLACEHOLDER = re.compile(r"\{[^}]*\}")
_EN_NUMBER = re.compile(r"(?<![\w.,])\d{1,3}(?:,\d{3}){2,}(?![\d])|(?<![\w.,])\d+\.\d{1,2}(?![\w.(])")
_VI_NUMBER = re.compile(r"(?<![\w.,])\d{1,3}(?:\.\d{3}){2,}(?![\d])|(?<![\w.,])\d+,\d{1,2}(?![\d,])")
#: Keys of a JSON report whose string values are written for people.
JSON_LABELS = ("title", "legal_basis", "boundary", "message", "heading")
#: Columns of the example's inputs that hold people's own text or their own identifiers.
FREE_TEXT = ("evidence", "name", "comment", "by", "baseline", "factor_source", "replaces", "reference", "note",
             "enterprise", "facility", "supplier", "receiver", "seller", "buyer", "id", "pathway_measure", "reason",
             "sector", "author")  # fmt: skip


def _words(pattern: re.Pattern[str], texts: Iterable[str]) -> set[str]:
    return {w.lower() for t in texts for w in pattern.findall(_PLACEHOLDER.sub(" ", t))}


def english_vocabulary() -> set[str]:
    """English words of the catalogue that Vietnamese messages do not use."""
    return _words(_EN_WORD, (e["en"] for e in CATALOGUE.values())) - _words(
        _EN_WORD, (e["vi"] for e in CATALOGUE.values())
    )


def vietnamese_vocabulary() -> set[str]:
    """Vietnamese words of the catalogue that English messages do not use."""
    return _words(_VI_WORD, (e["vi"] for e in CATALOGUE.values())) - _words(
        _VI_WORD, (e["en"] for e in CATALOGUE.values())
    )


def users_text(folder: Path) -> list[str]:
    """What the users wrote in the example's input files (free-text and identifier columns), longest first."""
    found: set[str] = set()
    for path in folder.rglob("*.csv"):
        with path.open(encoding="utf-8-sig", newline="") as f:
            for row in csv.DictReader(f):
                found.update(v.strip() for k, v in row.items() if k in FREE_TEXT and v and v.strip())
    return sorted(found, key=len, reverse=True)


class _Visible(HTMLParser):
    """The visible text of an HTML or SVG document."""

    def __init__(self) -> None:
        super().__init__()
        self.hidden = 0
        self.texts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style", "code", "metadata"):
            self.hidden += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style", "code", "metadata"):
            self.hidden -= 1

    def handle_data(self, data: str) -> None:
        if not self.hidden and data.strip():
            self.texts.append(data.strip())


def _json_labels(value: object) -> Iterator[str]:
    if isinstance(value, dict):
        for k, v in value.items():
            if k in JSON_LABELS and isinstance(v, str):
                yield v
            else:
                yield from _json_labels(v)
    elif isinstance(value, list):
        for v in value:
            yield from _json_labels(v)


def texts(path: Path) -> list[str]:
    """What people read in one output file."""
    if path.suffix in (".html", ".svg"):
        parser = _Visible()
        parser.feed(path.read_text(encoding="utf-8"))
        return parser.texts
    if path.suffix == ".xlsx":
        from openpyxl import load_workbook

        book = load_workbook(path, read_only=True)
        out = list(book.sheetnames)
        columns = {CATALOGUE["workbook.columns"][lang] for lang in ("en", "vi")}
        for sheet in book.worksheets:
            if sheet.title in columns:  # headings beside the schema's identifiers, for programs
                out += [c for row in sheet.iter_rows(values_only=True) for c in row[:2] if isinstance(c, str)]
                continue
            out += [c for row in sheet.iter_rows(values_only=True) for c in row if isinstance(c, str)]
        return out
    if path.suffix == ".json":
        return list(_json_labels(json.loads(path.read_text(encoding="utf-8"))))
    if path.suffix in (".txt", ".log"):
        return path.read_text(encoding="utf-8").splitlines()
    return []


#: A form's section number at the start of a heading ('2.1 Liên kết', '1.2-1.3 Tiết kiệm').
_SECTION = re.compile(r"^\d+(?:\.\d+)+(?:-\d+(?:\.\d+)+)?\s")


def strip_data(text: str, data: list[str]) -> str:
    """``text`` without the users' own words, the tool's identifiers and a leading section number."""
    text = _SECTION.sub(" ", text)
    for d in data:
        if d in text:
            text = text.replace(d, " ")
    return _IDENTIFIER.sub(" ", text)


def foreign(texts_: Iterable[str], lang: str, data: list[str]) -> list[tuple[str, str]]:
    """``(what, text)`` for each word or number of the other language found in ``texts_`` read as ``lang``."""
    found = []
    english, vietnamese = english_vocabulary(), vietnamese_vocabulary()
    for t in texts_:
        clean = strip_data(t, data)
        if lang == "vi":
            hits = [w for w in _EN_WORD.findall(clean) if w.lower() in english]
            hits += _CODE.findall(_IDENTIFIER.sub(" ", strip_data(t, data)))
            hits += _EN_NUMBER.findall(clean)
        else:
            hits = [w for w in _VI_WORD.findall(clean) if w.lower() in vietnamese]
            hits += _VI_NUMBER.findall(clean)
        found += [(h, t[:160]) for h in hits]
    return found
