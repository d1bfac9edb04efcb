"""Shared fixtures: the bundled factor set, and writers of small activity files."""

from __future__ import annotations

import csv
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
# The repository's ghg, not a copy an install may have placed in site-packages.
sys.path.insert(0, str(ROOT))

import json  # noqa: E402

import pandas as pd  # noqa: E402

from ghg.core import releases  # noqa: E402
from ghg.core.activity import INPUT_COLUMNS  # noqa: E402
from ghg.core.factors import FactorSet  # noqa: E402
from ghg.core.hashing import sha256_file  # noqa: E402

EXAMPLE = ROOT / "examples" / "example-enterprise" / "activity.csv"


@pytest.fixture(scope="session")
def factor_set() -> FactorSet:
    """The bundled default releases, loaded and verified once."""
    return FactorSet.load()


Row = dict[str, object]


def record(**fields: object) -> Row:
    """One activity record with defaults for the required columns (enterprise E1, facility F1, 2023)."""
    base: Row = {"enterprise": "E1", "facility": "F1", "year": 2023}
    base.update(fields)
    return base


@pytest.fixture
def write_csv(tmp_path: Path) -> Callable[..., Path]:
    """Write records to a CSV file with every input column; returns its path."""
    counter = {"n": 0}

    def write(
        rows: list[Row], name: str | None = None, columns: tuple[str, ...] = INPUT_COLUMNS, bom: bool = False
    ) -> Path:
        counter["n"] += 1
        path = tmp_path / (name or f"activity-{counter['n']}.csv")
        with path.open("w", encoding="utf-8-sig" if bom else "utf-8", newline="") as f:
            w = csv.DictWriter(f, fieldnames=list(columns))
            w.writeheader()
            for row in rows:
                w.writerow({c: row.get(c, "") for c in columns})
        return path

    return write


def make_release(folder: Path, rows: list[dict[str, str]], tier: str = "measured") -> Path:
    """Write a minimal release folder (a factors.csv and a correct release.json) of ``tier``."""
    folder.mkdir(parents=True)
    frame = pd.DataFrame([{c: r.get(c, "") for c in releases.FACTOR_COLUMNS} for r in rows])
    frame.to_csv(folder / "factors.csv", index=False)
    meta = {
        "id": folder.name,
        "version": "1",
        "title": "test",
        "publisher": "test",
        "published": "2026-01-01",
        "licence": "CC0",
        "tier": tier,
        "valid_from": 1990,
        "valid_to": 2100,
        "gwp_set": None,
        "sources": [{"id": "s", "title": "lab report"}],
        "files": {"factors.csv": sha256_file(folder / "factors.csv")},
    }
    (folder / "release.json").write_text(json.dumps(meta))
    return folder


PARK = ROOT / "examples" / "tang-loong"


@pytest.fixture(scope="session")
def park_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example park's inventories 2019-2025 computed once into a store, as `ghg demo` does."""
    from click.testing import CliRunner

    from ghg import cli

    store = tmp_path_factory.mktemp("park") / "ghg-store"
    res = CliRunner().invoke(
        cli.main,
        [
            "inventory",
            *(str(p) for p in sorted((PARK / "activity").glob("*.csv"))),
            "--gwp",
            "AR5",
            "--extra-factors",
            str(PARK / "factors" / "park-furnace-gas-2026"),
            "--extra-factors",
            "vn-grid-estimates-2024-2025",
            "--out",
            str(store),
        ],
    )
    assert res.exit_code == 0, res.output
    return store
