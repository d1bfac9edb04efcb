"""A real browser for tests: headless chromium loads a page, a script measures it, the DOM carries the answer.

``chromium --headless --dump-dom`` prints the document after its load event, so a measuring script appended
to the page writes its findings into an element the test then reads. No driver library is needed; the tests
that use it are skipped where no chromium is installed (``.ci/run`` installs it).
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")

#: For every SVG drawing nodes (groups with id ``node-…``): each visible label's box against every other
#: label's box and every node's box, as the browser lays them out.
_MEASURE = """
<script>
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
const pre = document.createElement('pre');
pre.id = 'ghg-measure';
pre.textContent = JSON.stringify(found);
document.body.appendChild(pre);
</script>
"""


def _chromium(*args: str) -> str:
    assert CHROMIUM, "chromium is not installed"
    command = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=120, check=True).stdout


def network_overlaps(page: Path, work: Path) -> list[dict[str, object]]:
    """Measure every network drawing in ``page`` (an SVG file or an HTML page with inline SVG) in chromium.

    Returns one entry per drawing: ``labels`` and ``nodes`` counted, ``overlaps`` the pairs of boxes that
    intersect (label/label or label/node).
    """
    body = page.read_text(encoding="utf-8")
    if page.suffix == ".svg":
        body = "<!doctype html><html><body>" + body[body.index("<svg") :] + "</body></html>"
    measured = work / f"measure-{page.stem}.html"
    measured.write_text(body.replace("</body>", _MEASURE + "</body>"), encoding="utf-8")
    dom = _chromium("--window-size=1400,1000", "--dump-dom", measured.as_uri())
    match = re.search(r'<pre id="ghg-measure">(.*?)</pre>', dom, re.S)
    assert match, dom[-2000:]
    return json.loads(match.group(1).replace("&quot;", '"').replace("&amp;", "&"))


def screenshot(page: Path, png: Path, width: int = 1200, height: int = 1600) -> Path:
    """A PNG of ``page`` as chromium draws it at ``width`` × ``height`` CSS pixels."""
    _chromium(f"--window-size={width},{height}", f"--screenshot={png}", page.as_uri())
    return png
