"""Strict JSON for everything ``ghg`` prints or writes: RFC 8259 only, a missing number is ``null``.

Python's ``json`` writes ``NaN`` and ``Infinity`` by default, which strict parsers (JavaScript's
``JSON.parse``, Go, jq, ``json.loads(..., parse_constant=...)``) reject. Every JSON document goes through
:func:`dumps`, which turns a missing or non-finite number into ``null`` and refuses anything else that
JSON cannot hold.
"""

from __future__ import annotations

import json
import math
from datetime import date, datetime
from pathlib import Path
from typing import Any

import numpy as np


def strict(value: Any) -> Any:
    """``value`` with NaN, infinities and pandas' missing values as ``None`` and numpy scalars as Python ones."""
    kind = type(value)
    if kind is str or kind is int or kind is bool or value is None:  # the most common first
        return value
    if kind is float:
        return value if math.isfinite(value) else None
    if isinstance(value, dict):
        return {str(k): strict(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [strict(v) for v in value]
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Path):
        return str(value)
    try:
        import pandas as pd

        if value is pd.NA or value is pd.NaT:
            return None
    except ImportError:  # pragma: no cover
        pass
    return str(value)


def dumps(value: Any, **kwargs: Any) -> str:
    """``json.dumps`` of :func:`strict` ``value`` with ``allow_nan=False`` (``ensure_ascii=False`` by default)."""
    kwargs.setdefault("ensure_ascii", False)
    return json.dumps(strict(value), allow_nan=False, **kwargs)


def dumps_document(value: Any) -> str:
    """A JSON document as commands print it: each top-level member of an object on its own line, its value
    compact (Python's C encoder: a run's thousands of rows print in a fraction of the time indenting takes)."""
    clean = strict(value)
    if not isinstance(clean, dict) or not clean:
        return json.dumps(clean, allow_nan=False, ensure_ascii=False)
    members = [
        f"  {json.dumps(k, ensure_ascii=False)}: {json.dumps(v, allow_nan=False, ensure_ascii=False)}"
        for k, v in clean.items()
    ]
    return "{\n" + ",\n".join(members) + "\n}"
