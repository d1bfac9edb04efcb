"""Reports people look at: the HTML report (checked as text and in a real headless browser), the Excel workbook,
and the command line's help in English and Vietnamese."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import click
import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from ghg import cli
from ghg.cli.common import option_help
from ghg.i18n import CATALOGUE
from ghg.park import export

from .conftest import PARK

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


def _report(store: Path, out: Path, lang: str, *more: str) -> CliRunner:
    res = CliRunner().invoke(
        cli.main,
        [
            "--lang",
            lang,
            "report",
            "html",
            "--store",
            str(store),
            "--registry",
            str(PARK / "registry.csv"),
            "--transfers",
            str(PARK / "transfers.csv"),
            "--ack",
            str(PARK / "acknowledgements.csv"),
            "--out",
            str(out),
            *more,
        ],
    )
    assert res.exit_code == 0, res.output
    return res


PATHWAY = ["--scenario", "tang-loong", "--target", "sbti-aca-1.5c", "--target", "linear-net-zero-2050"]


@pytest.fixture(scope="module")
def reports(park_store: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("reports")
    out = {}
    for lang in ("en", "vi"):
        out[lang] = folder / f"park.{lang}.html"
        _report(park_store, out[lang], lang, *PATHWAY, "--macc-year", "2030", "--eip", str(PARK / "eip"))
    return out


def test_report_is_self_contained_and_complete(reports: dict[str, Path]) -> None:
    page = reports["en"].read_text(encoding="utf-8")
    # offline: no scripts, no external stylesheets, fonts or images
    assert "<script" not in page and "<link" not in page and "<img" not in page
    assert not re.search(r"(src|href)=\"https?:", page) and not re.search(r"url\((?!#)", page)
    for part in (
        "Headline totals, 2025",
        "Trend over the years",
        "Breakdown, 2025",
        "Share of each member, 2025",
        "QA/QC findings",
        "Pathway to 2050",
        "Marginal abatement cost curve, 2030",
        "Uncertainty, 2025",
        "Eco-industrial park, 2025",
        "Industrial-symbiosis network 2025",
        "Approach 1, shared factors correlated",
        "Approach 1, all independent (naive)",
        "scenario, 95 % band",
        "Provenance",
        "Emission-factor releases",
        "Input files received",
        "Revisions used",
    ):
        assert part in page, part
    # trend, category, members, the symbiosis network, two pathway charts (two sets of scopes), the cost curve
    assert page.count("<svg") == 7
    # the 2025 Scope 1 of the park, from the stored lines: 1,030,218 t (see tests/test_pathways example run)
    assert "1,030,218" in page
    assert "ipcc-2006-energy" in page and "d209ea05703a61e82d29e5445e422f203fe94f7f3ae1a2b35620a56b684d9218" in page
    assert "@page { size: A4" in page


def test_vietnamese_report_formats_numbers_the_vietnamese_way(reports: dict[str, Path]) -> None:
    page = reports["vi"].read_text(encoding="utf-8")
    assert '<html lang="vi">' in page
    assert "Báo cáo kiểm kê khí nhà kính" in page and "Nguồn gốc dữ liệu" in page
    # '.' for thousands, ',' for decimals: 1.030.218 t and 50,6 %
    assert "1.030.218" in page and "1,030,218" not in page
    assert re.search(r">\d+,\d %<", page)


def test_report_is_never_overwritten(park_store: Path, reports: dict[str, Path]) -> None:
    # the same inputs give the same bytes: kept; a different report refused, the file unchanged
    before = reports["en"].read_bytes()
    _report(park_store, reports["en"], "en", *PATHWAY, "--macc-year", "2030", "--eip", str(PARK / "eip"))
    refused = CliRunner().invoke(
        cli.main,
        [
            "report",
            "html",
            "--store",
            str(park_store),
            "--registry",
            str(PARK / "registry.csv"),
            "--out",
            str(reports["en"]),
        ],
    )
    assert refused.exit_code == 1 and "never overwritten" in refused.output
    assert reports["en"].read_bytes() == before


def test_enterprise_report_for_a_range_of_years(park_store: Path, tmp_path: Path) -> None:
    out = tmp_path / "dap2.html"
    _report(park_store, out, "en", "--enterprise", "DAP2-VINACHEM", "--years", "2023-2025")
    page = out.read_text(encoding="utf-8")
    assert "DAP2-VINACHEM" in page and "Years 2023–2025" in page
    assert "Share of each member" not in page and "Pathway to 2050" not in page
    bad = CliRunner().invoke(
        cli.main,
        ["--lang", "vi", "report", "html", "--store", str(park_store), "--registry", str(PARK / "registry.csv"),
         "--years", "2023..2025", "--out", str(tmp_path / "x.html")],
    )  # fmt: skip
    assert bad.exit_code == 2 and "không phải năm hay khoảng năm" in bad.output


def test_workbook_sheets_filters_and_formula_safety(park_store: Path, tmp_path: Path) -> None:
    out = tmp_path / "park.xlsx"
    res = CliRunner().invoke(
        cli.main,
        ["--lang", "vi", "report", "xlsx", "--store", str(park_store), "--registry", str(PARK / "registry.csv"),
         "--transfers", str(PARK / "transfers.csv"), "--years", "2025", "--out", str(out)],
    )  # fmt: skip
    assert res.exit_code == 0, res.output
    book = load_workbook(out)
    assert book.sheetnames == ["dòng kết quả", "tổng hợp", "khu công nghiệp", "kiểm tra QA-QC", "phiên bản", "các cột"]
    lines = book["dòng kết quả"]
    assert lines.auto_filter.ref.startswith("A1:") and lines.freeze_panes == "A2"
    # headings in Vietnamese; the last sheet gives each heading's identifier in the result schema
    header = [c.value for c in lines[1]]
    assert {"tệp đầu vào", "hàng trong tệp", "mã hệ số", "mã bộ hệ số", "phiên bản"} <= set(header)
    columns = {(r[0], r[2]): r[1] for r in book["các cột"].iter_rows(min_row=2, values_only=True)}
    for identifier in ("input_file", "input_sha256", "input_row", "factor_id", "factor_release", "revision"):
        assert columns[("dòng kết quả", identifier)] in header, identifier
    park = book["khu công nghiệp"]
    assert park["A1"].value == "năm" and park.max_row == 2  # 2025 only
    # text that a spreadsheet would run is stored as text with a leading apostrophe
    unsafe = tmp_path / "unsafe.xlsx"
    import pandas as pd

    export.write_workbook({"s": pd.DataFrame({"note": ['=HYPERLINK("http://x")', "plain"], "v": [1.5, 2.0]})}, unsafe)
    cell = load_workbook(unsafe)["s"]["A2"]
    assert cell.value == '\'=HYPERLINK("http://x")' and cell.data_type == "s"


def _walk(command: click.Command, path: list[str]):
    yield ".".join(path) or "ghg", command
    if isinstance(command, click.Group):
        ctx = click.Context(command)
        for name in command.list_commands(ctx):
            sub = command.get_command(ctx, name)
            assert sub is not None, name
            yield from _walk(sub, [*path, name])


def test_every_command_and_option_has_help_in_both_languages() -> None:
    missing = []
    for key, command in _walk(cli.main, []):
        if f"help.cmd.{key}" not in CATALOGUE:
            missing.append(f"help.cmd.{key}")
        for param in command.params:
            if isinstance(param, click.Option) and option_help(key, str(param.name), "vi") is None:
                missing.append(f"{key} --{param.name}")
    assert not missing


def test_help_in_vietnamese(monkeypatch: pytest.MonkeyPatch) -> None:
    res = CliRunner().invoke(cli.main, ["--lang", "vi", "pathway", "check", "--help"])
    assert "Cách dùng:" in res.output and "Tùy chọn:" in res.output
    assert "Đối chiếu kịch bản với mục tiêu" in res.output and "[bắt buộc]" in res.output
    monkeypatch.setenv("GHG_LANG", "vi")
    res = CliRunner().invoke(cli.main, ["report", "--help"])
    assert "Báo cáo: báo cáo HTML, sổ tính Excel, Mẫu 06" in res.output
    monkeypatch.setenv("GHG_LANG", "en")
    assert "Reports: the HTML report" in CliRunner().invoke(cli.main, ["report", "--help"]).output


# ---------------------------------------------------------------- as a person sees it, in a real browser

_OVERFLOW = """() => {
  const cells = Array.from(document.querySelectorAll('td, th, .card'));
  return cells.filter(c => c.scrollWidth > c.clientWidth + 1).map(c => c.textContent.slice(0, 60));
}"""
_CHARTS = """() => Array.from(document.querySelectorAll('.chart svg')).map(s => {
  const box = s.getBoundingClientRect();
  return {width: box.width, height: box.height, marks: s.querySelectorAll('path, rect, use').length};
})"""


@pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed (.ci/run installs it)")
@pytest.mark.parametrize("lang", ["en", "vi"])
def test_report_in_a_real_browser(reports: dict[str, Path], lang: str, tmp_path: Path) -> None:
    sync_api = pytest.importorskip("playwright.sync_api")
    flags = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
             "--disable-component-update", "--disable-sync"]  # fmt: skip
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=flags, headless=True)
        page = browser.new_page(viewport={"width": 900, "height": 1270})  # about A4 at 96 dpi with margins
        page.goto(reports[lang].as_uri())
        shot = tmp_path / f"first-page.{lang}.png"
        page.screenshot(path=str(shot))
        overflowing = page.evaluate(_OVERFLOW)
        drawn = page.evaluate(_CHARTS)
        pdf = page.pdf(format="A4")
        browser.close()
    assert not overflowing, overflowing
    assert len(drawn) == 7 and all(c["width"] > 300 and c["height"] > 100 and c["marks"] > 10 for c in drawn)
    # not blank: the first page shows many distinct colours, not one background
    import matplotlib.image as image

    pixels = image.imread(shot)
    assert pixels.shape[0] >= 1200 and pixels[..., :3].std() > 0.05
    distinct = {tuple(px) for px in (pixels[::20, ::20, :3] * 255).astype(int).reshape(-1, 3)}
    assert len(distinct) > 20
    assert pdf[:5] == b"%PDF-" and pdf.count(b"/Type /Page") >= 3


def test_json_is_the_same_machine_readable_document_in_both_languages(park_store: Path) -> None:
    import json

    args = ["park", "--store", str(park_store), "--registry", str(PARK / "registry.csv"), "--json"]
    en = json.loads(CliRunner().invoke(cli.main, ["--lang", "en", *args]).output)
    vi = json.loads(CliRunner().invoke(cli.main, ["--lang", "vi", *args]).output)
    assert en.keys() == vi.keys() and en["consolidated"] == vi["consolidated"]


def test_information_findings_are_one_summary_row_per_code() -> None:
    import pandas as pd

    from ghg.reports.html import _findings_shown

    def row(code: str, severity: str, year: float, message: str) -> dict[str, object]:
        return {"code": code, "severity": severity, "enterprise": "", "year": year, "message": message}

    findings = pd.DataFrame(
        [row("QC07", "info", y, f"shares {int(y)}") for y in (2019.0, 2020.0, 2025.0)]
        + [row("QC08", "info", 2025.0, "key 2025"), row("QC01", "warning", 2024.0, "a source missing")]
    )
    shown = {(r["code"], r["year"]): r["message"] for r in _findings_shown(findings, "en")}
    # a warning stays one row; three QC07 rows become one for 2019-2025 with the latest message
    assert shown[("QC01", 2024.0)] == "a source missing"
    assert (
        shown[("QC07", "2019–2025")].startswith("3 findings of this kind")
        and "shares 2025" in shown[("QC07", "2019–2025")]
    )
    assert shown[("QC08", "2025")].startswith("1 findings")
    assert len(shown) == 3
