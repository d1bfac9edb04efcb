"""A real browser for tests: Debian's chromium driven by playwright loads a page and measures it.

The tests that use it are skipped where no chromium is installed (``.ci/run`` installs it).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"]  # fmt: skip

#: For every SVG drawing nodes (groups with id ``node-…``): each visible label's box against every other
#: label's box and every node's box, as the browser lays them out.
_MEASURE = """() => {
  const found = [];
  for (const svg of document.querySelectorAll('svg')) {
    const nodes = [...svg.querySelectorAll('g[id^="node-"]')];
    if (!nodes.length) continue;
    const labels = [...svg.querySelectorAll('text')].filter(t => t.textContent.trim());
    const box = e => { const r = e.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; };
    const hit = (a, b) => a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];
    const l = labels.map(t => [t.textContent.trim(), box(t)]);
    const n = nodes.map(g => [g.id, box(g)]);
    const overlaps = [];
    l.forEach((a, i) => {
      l.slice(i + 1).forEach(b => { if (hit(a[1], b[1])) overlaps.push([a[0], b[0]]); });
      n.forEach(b => { if (hit(a[1], b[1])) overlaps.push([a[0], b[0]]); });
    });
    found.push({labels: l.length, nodes: n.length, overlaps: overlaps});
  }
  return found;
}"""


def network_overlaps(page: Path) -> list[dict[str, object]]:
    """Measure every network drawing in ``page`` (an SVG file or an HTML page with inline SVG) in chromium.

    Returns one entry per drawing: ``labels`` and ``nodes`` counted, ``overlaps`` the pairs of boxes that
    intersect (label/label or label/node).
    """
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS, headless=True)
        view = browser.new_page(viewport={"width": 1400, "height": 1000})
        view.goto(page.as_uri())
        found = view.evaluate(_MEASURE)
        browser.close()
    return list(found)
