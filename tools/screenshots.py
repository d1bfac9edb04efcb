"""Screenshots of what a Vietnamese official reads, drawn by chromium: the QA/QC findings and the symbiosis
network of the HTML report, and Form 06's Part III sheet (its cells laid out as a table).

Run after ``ghg --lang vi demo --out DIR``::

    python tools/screenshots.py DIR docs/screenshots

It needs chromium (``apt-get install chromium``); the PNGs are written to the second folder.
"""

from __future__ import annotations

import html
import re
import shutil
import subprocess
import sys
from pathlib import Path


def _shoot(page: Path, png: Path, width: int, height: int) -> None:
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        raise SystemExit("chromium is not installed")
    subprocess.run(
        [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
         f"--window-size={width},{height}", f"--screenshot={png}", page.as_uri()],
        check=True, capture_output=True, timeout=120,
    )  # fmt: skip


def _section(report: str, heading: str) -> str:
    """The report's ``<style>`` and the section under the ``<h2>`` that starts with ``heading``."""
    style = re.search(r"<style>.*?</style>", report, re.S)
    start = report.index(f"<h2>{heading}")
    end = report.find("<h2>", start + 4)
    return f"<!doctype html><html lang='vi'><head><meta charset='utf-8'>{style.group(0) if style else ''}</head>" \
        f"<body><main>{report[start:end]}</main></body></html>"  # fmt: skip


def _sheet(xlsx: Path, name: str) -> str:
    """One sheet of a workbook as an HTML table (bold first row, as the workbook shows it)."""
    from openpyxl import load_workbook

    sheet = load_workbook(xlsx, read_only=True)[name]
    rows = []
    for i, row in enumerate(sheet.iter_rows(values_only=True)):
        shown = [html.escape("" if c is None else str(c)) for c in row]
        if i == 0:  # the title spans the sheet, as in the workbook
            rows.append(f"<tr class=h><td colspan={len(shown)}>{shown[0]}</td></tr>")
            continue
        rows.append("<tr>" + "".join(f"<td>{c}</td>" for c in shown) + "</tr>")
    style = ("<style>body{font:13px 'DejaVu Sans',sans-serif;margin:12px}table{border-collapse:collapse}"
             "td{border:1px solid #ccc;padding:3px 6px;vertical-align:top;max-width:420px}"
             ".h td{font-weight:bold;font-size:15px;border:none}</style>")  # fmt: skip
    return f"<!doctype html><html lang='vi'><head><meta charset='utf-8'>{style}</head><body><table>" \
        f"{''.join(rows)}</table></body></html>"  # fmt: skip


def main(out: Path, into: Path) -> None:
    into = into.resolve()
    into.mkdir(parents=True, exist_ok=True)
    reports = out / "reports"
    report = (reports / "tang-loong.vi.html").read_text(encoding="utf-8")
    pages = {
        "report-findings.vi": (_section(report, "Kết quả kiểm tra chất lượng QA/QC"), 1200, 1500),
        "report-network.vi": (_section(report, "Khu công nghiệp sinh thái"), 1200, 1700),
        "form06-part-III.vi": (_sheet(reports / "form06-DAP2-VINACHEM-2023-2024.vi.xlsx", "III"), 1500, 1400),
    }
    for name, (page, width, height) in pages.items():
        source = into / f"{name}.html"
        source.write_text(page, encoding="utf-8")
        _shoot(source, into / f"{name}.png", width, height)
        source.unlink()
        print(into / f"{name}.png")


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
