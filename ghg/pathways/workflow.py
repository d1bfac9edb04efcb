"""The pathway workflow: bundled scenarios and targets found by name, the park's stored inventories projected
(BAU and scenario), and targets checked against the projection.

Scenarios and targets are given by path or by the name of a bundled one (``pathways/`` in the repository,
``ghg/_data/pathways`` in an installed wheel): ``tang-loong`` is ``pathways/tang-loong/scenario.toml``,
``sbti-aca-1.5c`` is ``pathways/targets/sbti-aca-1.5c.toml``.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from ghg import park, store
from ghg.core.errors import UsageError
from ghg.i18n import text
from ghg.pathways.projection import Projection, project
from ghg.pathways.scenario import load_scenario
from ghg.pathways.targets import Gap, gap, load_target


def bundled_dir() -> Path:
    """The bundled ``pathways/`` folder: inside the installed wheel, else at the repository root."""
    packaged = Path(str(resources.files("ghg"))) / "_data" / "pathways"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "pathways"


def bundled() -> dict[str, list[str]]:
    """Names of the bundled scenarios and targets."""
    folder = bundled_dir()
    scenarios = sorted(p.parent.name for p in folder.glob("*/scenario.toml"))
    targets = sorted(p.stem for p in (folder / "targets").glob("*.toml"))
    return {"scenarios": scenarios, "targets": targets}


def locate_scenario(ref: str | Path) -> Path:
    """A scenario file given by path, or a bundled scenario by name."""
    path = Path(ref)
    if path.is_file():
        return path
    candidate = bundled_dir() / str(ref) / "scenario.toml"
    if not str(ref).startswith(".") and "/" not in str(ref) and candidate.is_file():
        return candidate
    raise UsageError("pathway.unknown_scenario", name=str(ref), available=", ".join(bundled()["scenarios"]))


def locate_target(ref: str | Path) -> Path:
    """A target file given by path, or a bundled target by name."""
    path = Path(ref)
    if path.is_file():
        return path
    candidate = bundled_dir() / "targets" / f"{ref}.toml"
    if not str(ref).startswith(".") and "/" not in str(ref) and candidate.is_file():
        return candidate
    raise UsageError("pathway.unknown_target", name=str(ref), available=", ".join(bundled()["targets"]))


def run(
    scenario_ref: str | Path, store_dir: store.StoreRef, registry_path: Path, min_status: str = "draft"
) -> Projection:
    """Load the scenario and the park's stored inventories, and project them (BAU and scenario)."""
    scenario = load_scenario(locate_scenario(scenario_ref))
    registry = park.load_registry(registry_path)
    lines = store.read_lines(store_dir, min_status=min_status)
    return project(lines, scenario, registry)


def check(projection: Projection, target_refs: list[str], enterprise: str | None, each: bool) -> list[Gap]:
    """Every target against the projection: for the park, one enterprise, or each enterprise in turn."""
    loaded = [load_target(locate_target(ref)) for ref in target_refs]
    if each:
        names = sorted(
            set(projection.lines.loc[projection.lines["year"] == projection.scenario.base_year, "enterprise"])
        )
        return [gap(t, projection, name) for t in loaded for name in names]
    return [gap(t, projection, enterprise) for t in loaded]


def grid_basis_text(projection: Projection, lang: str) -> str:
    """One sentence saying which grid factor the pathway uses (the inventory's, scaled by the trajectory)."""
    from ghg.i18n.formatting import number

    basis = projection.grid_basis
    if not basis:
        return ""
    return text(
        "pathway.grid_basis",
        lang,
        factor=number(float(basis["base_factor"]), lang, 4),  # type: ignore[arg-type]
        year=basis["base_year"],
        file=basis["trajectory"],
        first=number(float(basis["trajectory_base"]), lang, 4),  # type: ignore[arg-type]
        last=number(float(basis["trajectory_horizon"]), lang, 4),  # type: ignore[arg-type]
        horizon=projection.scenario.horizon,
    )
