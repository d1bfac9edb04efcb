"""Small CSV tables people keep by hand (registry, ledger, scenarios, EIP records): read as text, header checked."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from ghg.core.errors import Problem


def read_csv(
    path: Path, columns: list[str], optional: tuple[str, ...] = (), strip: bool = True
) -> tuple[pd.DataFrame, list[Problem]]:
    """Every cell of ``path`` as text ('' when empty), with the problems of its header.

    A column of ``columns`` that is missing is a problem unless it is ``optional`` (then it is added empty);
    a column not in ``columns`` is a problem (a typo would otherwise be ignored). A missing file is a problem.
    """
    if not path.is_file():
        return pd.DataFrame(columns=columns), [Problem(str(path), None, None, None, "no_file")]
    frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    if strip:
        frame = frame.apply(lambda c: c.str.strip())
    problems = [
        Problem(str(path), 1, c, None, "missing_column") for c in columns if c not in frame and c not in optional
    ]
    problems += [
        Problem(str(path), 1, c, None, "unknown_column", params={"allowed": ", ".join(columns)})
        for c in frame.columns
        if c not in columns
    ]
    for c in optional:
        if c not in frame:
            frame[c] = ""
    return frame, problems
