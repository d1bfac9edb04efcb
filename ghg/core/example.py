"""The bundled example park (Tằng Loỏng): where its files are and what runs it needs, for ``ghg demo`` and
``ghg serve --demo``.

The example's files are ``examples/tang-loong`` in the repository, ``ghg/_data/examples/tang-loong`` in an
installed wheel.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

#: The example's own factor release (the park's furnace gas), and the research estimates of the grid factor
#: for 2024-2025, where no official factor exists (bundled, tier ``estimate``, never used unless named).
EXAMPLE_RELEASE = "park-furnace-gas-2026"
GRID_ESTIMATES = "vn-grid-estimates-2024-2025"


def example_dir() -> Path:
    """The bundled example park: inside the installed wheel, else in the repository."""
    packaged = Path(str(resources.files("ghg"))) / "_data" / "examples" / "tang-loong"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "examples" / "tang-loong"


def extra_releases() -> list[str]:
    """The releases the example's inventory uses beside the bundled defaults (a folder and an id)."""
    return [str(example_dir() / "factors" / EXAMPLE_RELEASE), GRID_ESTIMATES]


def activity_files() -> list[Path]:
    """The example's activity files, one per enterprise."""
    return sorted((example_dir() / "activity").glob("*.csv"))
