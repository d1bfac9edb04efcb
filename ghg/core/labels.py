"""What people read in place of the tool's codes: column headings, code values and line notes in English or
Vietnamese.

Result lines, findings and revisions keep their codes (``scope_2_market``, ``combustion_mass``, ``national``)
so that they can be hashed, queried and compared; everything written for people (workbooks, Form 06, the
Art. 43 report, the HTML report) shows them through this module: a heading from the catalogue (``col.…``),
a code from the glossary (scopes, source categories, methods, tiers, statuses, severities, instruments),
an activity from the releases' names, yes/no for booleans, and each line's note (stored in English, the
same bytes in every language) rewritten in the reader's language with numbers in its format.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ghg.i18n import CATALOGUE, text
from ghg.i18n.formatting import number

if TYPE_CHECKING:
    import pandas as pd

#: Columns whose values are codes with a glossary name: column -> catalogue prefix.
CODE_COLUMNS = {
    "scope": "scope",
    "source_category": "category",
    "method": "method",
    "tier": "tier",
    "toe_method": "toe",
    "status": "status",
    "severity": "severity",
    "instrument": "instrument",
    "material": "eip.material",
    "measured": "parameter",
    "kind": "eip.kind",
    "indicator": "eip.field",
    "carrier": "eip.material",
}
#: Columns whose values are activity codes (named by the releases).
ACTIVITY_COLUMNS = ("activity", "fuel", "supplier_fuel")
#: Columns whose values are notes written by the calculation.
NOTE_COLUMNS = ("note",)

# The notes of market-based lines (ghg.core.lines and ghg.core.market write them, in English).
_SHARE_INSTRUMENTS = re.compile(
    r"^(?P<share>\d+(?:\.\d+)?)% covered by contractual instruments; the rest at the grid factor "
    r"\(Vietnam publishes no residual mix\)$"
)
_SHARE_CONTRACT = re.compile(
    r"^(?P<share>\d+(?:\.\d+)?)% covered by the contract with (?P<supplier>.+); the rest at the grid factor "
    r"\(Vietnam publishes no residual mix\)$"
)
_SUPPLIER_BOTH = "supplier-specific factor: the same for both methods"
_INSTRUMENT = re.compile(r"^(?P<kind>[a-z_]*): (?P<factor>\d+(?:\.\d+)?) t CO2/MWh$")


def code_name(prefix: str, code: str, lang: str) -> str:
    """The name of ``code`` under catalogue ``prefix`` in ``lang``; the code itself when it has none (a code
    a user made up, such as a material, is shown as written)."""
    key = f"{prefix}.{code}"
    return text(key, lang) if key in CATALOGUE else code


def heading(column: str, lang: str) -> str:
    """A column's heading in ``lang`` (``col.<column>`` in the catalogue; a missing one is a KeyError)."""
    return text(f"col.{column}", lang)


def note(value: str, lang: str) -> str:
    """A line's note in ``lang``: the market-based notes rewritten, with the share in the language's format;
    any other note (a user's text) unchanged."""
    if lang == "en" or not value:
        return value
    if value == _SUPPLIER_BOTH:
        return text("note.supplier_both", lang)
    if m := _SHARE_INSTRUMENTS.match(value):
        return text("note.share_instruments", lang, share=number(float(m["share"]), lang, 1))
    if m := _SHARE_CONTRACT.match(value):
        return text("note.share_contract", lang, share=number(float(m["share"]), lang, 1), supplier=m["supplier"])
    if m := _INSTRUMENT.match(value):
        kind = code_name("instrument", m["kind"], lang)
        return text("note.instrument", lang, kind=kind, factor=number(float(m["factor"]), lang, 4))
    return value


def value(column: str, cell: object, lang: str, activities: dict[str, str] | None = None) -> object:
    """One cell as people read it: a code by its name, an activity by the release's name, a boolean as yes or
    no, a note in ``lang``; anything else unchanged."""
    if isinstance(cell, bool):
        return text("cli.yes" if cell else "cli.no", lang)
    if not isinstance(cell, str) or not cell:
        return cell
    if column in CODE_COLUMNS:  # one code, or several joined by commas ('ncv,carbon_content')
        return ", ".join(code_name(CODE_COLUMNS[column], c, lang) for c in cell.split(","))
    if column in ACTIVITY_COLUMNS:
        if activities is None:
            from ghg.core.releases import activity_names

            activities = activity_names(lang)
        return activities.get(cell, cell)
    if column in NOTE_COLUMNS:
        return note(cell, lang)
    if column == "key":  # a finding's subject: 'park', 'level', … or a category and an activity joined by '/'
        if activities is None:
            from ghg.core.releases import activity_names

            activities = activity_names(lang)
        parts = [f"key.{p}" if f"key.{p}" in CATALOGUE else f"category.{p}" for p in cell.split("/")]
        return " / ".join(
            text(k, lang) if k in CATALOGUE else activities.get(p, p)
            for k, p in zip(parts, cell.split("/"), strict=True)
        )
    return cell


def present(frame: pd.DataFrame, lang: str, activities: dict[str, str] | None = None) -> pd.DataFrame:
    """A copy of ``frame`` for people: headings and code values in ``lang`` (numbers stay numbers); activities
    named by ``activities`` (default: the bundled releases' names)."""
    import pandas as pd

    if activities is None:
        from ghg.core.releases import activity_names

        activities = activity_names(lang)
    out = frame.copy()
    for column in out.columns:
        kind = out[column].dtype.kind
        if kind not in "iufmM":  # text, codes and booleans; numbers and dates stay as they are
            cells = out[column].astype(object)
            try:  # each distinct cell named once (a column of a million lines holds a few dozen codes)
                named = {c: value(str(column), c, lang, activities) for c in cells.drop_duplicates() if c == c}
                shown = [named.get(c, c) if c == c else c for c in cells]
            except TypeError:  # cells that are lists or dicts: one by one
                shown = [value(str(column), c, lang, activities) for c in cells]
            out[column] = pd.Series(shown, index=out.index, dtype=object)
    out.columns = [heading(str(c), lang) for c in out.columns]
    return out
