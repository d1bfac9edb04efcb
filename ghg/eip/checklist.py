"""The Art. 37 checklist (Decree 35/2022/NĐ-CP): the authority's answers per criterion and year, kept append-only
in the store's eip/ folder, outside the result table.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

CHECKLIST = ("37.1(a)", "37.1(b)", "37.1(c)", "37.2(a)", "37.2(b)-iso")


def checklist_set(store_dir: Path, year: int, criterion: str, value: str, by: str, comment: str = "") -> Path:
    """Record the authority's assessment of a non-numeric criterion for ``year`` (a new file, never replaced).

    Raises
    ------
    UsageError
        An unknown criterion or a value other than yes / no / partly, or no ``by``.
    """
    import json
    import os
    from datetime import UTC, datetime

    from ghg.core import fsutil
    from ghg.core.errors import UsageError

    if criterion not in CHECKLIST:
        raise UsageError("eip.checklist.unknown", criterion=criterion, allowed=", ".join(CHECKLIST))
    if value not in ("yes", "no", "partly") or not by.strip():
        raise UsageError("eip.checklist.value")
    folder = store_dir / "eip" / "checklist" / str(year)
    folder.mkdir(parents=True, exist_ok=True)
    entry = {
        "year": year,
        "criterion": criterion,
        "value": value,
        "by": by,
        "comment": comment,
        "at": datetime.now(UTC).isoformat(timespec="seconds"),
    }
    data = (json.dumps(entry, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    safe = criterion.replace("(", "").replace(")", "")
    n = 1 + sum(1 for p in folder.glob(f"{safe}.*.json"))
    while True:
        target = folder / f"{safe}.{n}.json"
        tmp = folder / fsutil.tmp_name(".json")
        fsutil.write_durable(tmp, data)
        try:
            os.link(tmp, target)  # never replaces: a concurrent entry takes the next number
            return target
        except FileExistsError:
            n += 1
        finally:
            tmp.unlink(missing_ok=True)


def checklist(store_dir: Path, year: int) -> pd.DataFrame:
    """The latest assessment of each non-numeric criterion for ``year`` (criteria never assessed: empty)."""
    import json

    folder = store_dir / "eip" / "checklist" / str(year)
    entries = []
    for path in sorted(folder.glob("*.json")) if folder.is_dir() else []:
        if path.name.startswith("."):
            continue
        entry = json.loads(path.read_text(encoding="utf-8"))
        entry["n"] = int(path.name.rsplit(".", 2)[1])
        entries.append(entry)
    frame = pd.DataFrame(entries, columns=["year", "criterion", "value", "by", "comment", "at", "n"])
    latest = frame.sort_values(["criterion", "n"]).groupby("criterion").tail(1)
    out = pd.DataFrame({"criterion": list(CHECKLIST)}).merge(latest, on="criterion", how="left")
    return out.drop(columns=["n"]).fillna({"value": "", "by": "", "comment": "", "at": ""})
