"""The documentation site builds with ``mkdocs build --strict`` (no broken link, page or reference), in English
and Vietnamese, with the command reference generated from the commands themselves."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from .conftest import ROOT


def test_the_site_builds_strictly_in_both_languages(tmp_path: Path) -> None:
    site = tmp_path / "site"
    mkdocs = Path(sys.executable).parent / "mkdocs"
    done = subprocess.run(
        [str(mkdocs), "build", "--strict", "-q", "-d", str(site)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    english = (site / "commands" / "index.html").read_text(encoding="utf-8")
    vietnamese = (site / "vi" / "commands" / "index.html").read_text(encoding="utf-8")
    for command in ("ghg inventory", "ghg audit verify", "ghg pathway macc", "ghg demo"):
        assert command in english and command in vietnamese
    assert "Compute the Scope 1 and 2 inventory" in english
    assert "Tính kiểm kê phạm vi 1 và 2" in vietnamese
    api = (site / "api" / "index.html").read_text(encoding="utf-8")
    assert all(re.search(rf'id="ghg\.api\.{name}"', api) for name in ("compute", "submit", "consolidate"))
    for role in ("enterprise", "authority", "auditor"):
        assert (site / "vi" / "start" / role / "index.html").is_file()
