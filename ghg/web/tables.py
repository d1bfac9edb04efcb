"""Tables as pages show them: headings and codes in the reader's language (:func:`ghg.core.labels.present`),
numbers in its format with a fixed number of decimals, right-aligned."""

from __future__ import annotations

import math

import pandas as pd

from ghg.core import labels
from ghg.i18n.formatting import number


def shown(
    frame: pd.DataFrame, lang: str, digits: int = 0, activities: dict[str, str] | None = None
) -> dict[str, object]:
    """``{"columns": [...], "rows": [[(text, is_number), ...], ...]}`` for the table templates."""
    present = labels.present(frame, lang, activities)
    floats = [frame[c].dtype.kind == "f" for c in frame.columns]
    integers = [frame[c].dtype.kind in "iu" for c in frame.columns]
    rows = []
    for values in present.itertuples(index=False, name=None):
        cells = []
        for v, is_float, is_int in zip(values, floats, integers, strict=True):
            if is_float:
                cells.append(
                    ("" if v is None or (isinstance(v, float) and math.isnan(v)) else number(v, lang, digits), True)
                )
            else:
                cells.append(("" if v is None else str(v), is_int))
        rows.append(cells)
    return {"columns": list(present.columns), "rows": rows}
