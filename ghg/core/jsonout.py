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
