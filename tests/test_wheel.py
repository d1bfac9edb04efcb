"""The built wheel carries the factor releases and works outside the repository."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from ghg.core import releases

from .conftest import EXAMPLE, ROOT


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(out), str(ROOT)],
        check=True,
        capture_output=True,
    )
    (path,) = out.glob("ghg-*.whl")
    return path


def test_wheel_contains_the_data_folders_and_the_cli(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    assert "ghg/cli/main.py" in names and "cli.py" not in names
    for release in ("ipcc-2006-energy", "vn-grid-2023", "gwp100-ar4-ar5-ar6", "vn-energy-2011", "vn-qd2626-2022"):
        assert f"ghg/_data/factors/{release}/release.json" in names
    for name in ("tang-loong/scenario.toml", "tang-loong/measures.csv", "grid/vn-grid-pdp8-adjusted-derived.csv"):
        assert f"ghg/_data/pathways/{name}" in names
    assert "ghg/_data/pathways/targets/sbti-aca-1.5c.toml" in names
    assert "ghg/_data/examples/tang-loong/registry.csv" in names  # what `ghg demo` runs


@pytest.mark.slow
def test_installed_wheel_runs_from_another_directory(wheel: Path, tmp_path: Path) -> None:
    target = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target), str(wheel)],
        check=True,
        capture_output=True,
    )
    work = tmp_path / "elsewhere"
    work.mkdir()
    shutil.copy(EXAMPLE, work / "activity.csv")
    env = {**os.environ, "PYTHONPATH": str(target)}

    def python(code: str) -> str:
        return subprocess.run(
            [sys.executable, "-c", code], cwd=work, env=env, check=True, capture_output=True, text=True
        ).stdout.strip()

    assert python("import ghg.core.releases as r; print(r.bundled_dir())") == str(target / "ghg" / "_data" / "factors")
    found = python("import ghg.pathways.workflow as p; print(p.locate_scenario('tang-loong'))")
    assert found == str(target / "ghg" / "_data" / "pathways" / "tang-loong" / "scenario.toml")
    example = python("import ghg.cli.demo as d; print(d.example_dir())")
    assert example == str(target / "ghg" / "_data" / "examples" / "tang-loong")  # `ghg demo` runs from anywhere
    res = subprocess.run(
        [str(target / "bin" / "ghg"), "inventory", "activity.csv", "--gwp", "AR5", "--out", "store"],
        cwd=work,
        env=env,
        capture_output=True,
        text=True,
    )
    assert res.returncode == 0, res.stderr
    assert "DUCGIANG-LC" in res.stdout
    assert list((work / "store").glob("lines/_delta_log/*.json")) and list(
        (work / "store").glob("lines/part-*.parquet")
    )
    res = subprocess.run(
        [str(target / "bin" / "ghg"), "factors", "verify"], cwd=work, env=env, capture_output=True, text=True
    )
    assert res.returncode == 0 and res.stdout.count("verified") == len(releases.available())
