"""``ghg demo``: the whole example in one command, and running it again is safe."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

from click.testing import CliRunner

from ghg import cli
from ghg.cli import demo


def test_the_demo_runs_the_whole_example_twice(tmp_path: Path) -> None:
    runner = CliRunner()
    out = tmp_path / "demo"
    first = runner.invoke(cli.main, ["demo", "--out", str(out)])
    assert first.exit_code == 0, first.output[-3000:]
    plan = demo.steps(demo.example_dir(), out)
    assert (
        f"{len(plan)}/{len(plan)}] ghg --lang vi report form06" in first.output and "tang-loong.en.html" in first.output
    )
    reports = out / "reports"
    for name in (
        "tang-loong.en.html",
        "tang-loong.vi.html",
        "tang-loong.en.xlsx",
        "tang-loong.vi.xlsx",
        "art43-2025.en.xlsx",
        "art43-2025.vi.xlsx",
        "form06-DAP2-VINACHEM-2023-2024.vi.xlsx",
    ):
        assert (reports / name).is_file(), name
    assert list((out / "pathway-out").glob("*-gap-park.parquet")) and list((out / "uncertainty").iterdir())
    # no output names a local path: not the demo's folder, the example's or the home folder
    local = [str(out), str(demo.example_dir()), str(Path.home())]
    for path in [*reports.iterdir(), *(out / "pathway-out").iterdir(), *(out / "uncertainty").iterdir()]:
        data = path.read_bytes()
        if path.suffix == ".xlsx":  # a workbook is a zip: read what its sheets say
            with zipfile.ZipFile(path) as book:
                data = b"".join(book.read(name) for name in book.namelist())
        assert not [p for p in local if p.encode() in data], path.name
    history = runner.invoke(cli.main, ["history", "--store", str(out / "ghg-store"), "--json"])
    before = json.loads(history.output)
    again = runner.invoke(cli.main, ["demo", "--out", str(out)])
    assert again.exit_code == 0, again.output[-3000:]
    after = json.loads(runner.invoke(cli.main, ["history", "--store", str(out / "ghg-store"), "--json"]).output)
    assert after == before  # the same content makes no new revision
