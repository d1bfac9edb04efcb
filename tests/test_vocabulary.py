"""Every output of the example park read as its reader would: the Vietnamese ones carry no English word of the
tool's vocabulary and no English-formatted number, the English ones no Vietnamese word; the symbiosis network
is measured in a real browser (no label box overlaps another label or a node).

The outputs are those of ``ghg demo`` (HTML reports, workbooks, Form 06, Art. 43 in JSON and xlsx, the network
pictures) and the terminal tables of the authority's commands in each language.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from ghg import cli
from ghg.cli import demo
from ghg.i18n import CATALOGUE
from ghg.i18n.glossary import terms
from tests import browser, vocabulary

#: Terminal commands of the authority, run in each language against the demo's store.
TERMINAL = (
    (("park",), ()),
    (("check",), ("--ack", "{park}/acknowledgements.csv")),
    (("eip", "indicators"), ("--eip", "{park}/eip", "--year", "2025")),
    (("uncertainty",), ("--samples", "2000")),
)


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo's outputs, and the terminal output of each command of TERMINAL in each language."""
    out = tmp_path_factory.mktemp("vocabulary")
    runner = CliRunner()
    made = runner.invoke(cli.main, ["--lang", "vi", "demo", "--out", str(out)])
    assert made.exit_code == 0, made.output[-3000:]
    park = demo.example_dir()
    members = ["--store", str(out / "ghg-store"), "--registry", str(park / "registry.csv")]
    members += ["--transfers", str(park / "transfers.csv")]
    for lang in ("en", "vi"):
        shown = []
        for command, options in TERMINAL:
            asked = [a.format(park=park) for a in options]
            result = runner.invoke(cli.main, ["--lang", lang, *command, *members, *asked])
            assert result.exit_code == 0, result.output[-3000:]
            shown.append(result.output)
        (out / "reports" / f"terminal.{lang}.txt").write_text("\n".join(shown), encoding="utf-8")
    return out


def _foreign(outputs: Path, lang: str) -> list[str]:
    data = [*vocabulary.users_text(demo.example_dir()), "ghg demo"]
    found = []
    paths = sorted(outputs.rglob(f"*.{lang}.*"))
    assert {p.suffix for p in paths} >= {".html", ".xlsx", ".json", ".svg", ".txt"}
    for path in paths:
        found += [
            f"{path.name}: {what!r} in {where!r}"
            for what, where in vocabulary.foreign(vocabulary.texts(path), lang, data)
        ]
    return found


def test_vietnamese_outputs_have_no_english_words_or_numbers(outputs: Path) -> None:
    assert _foreign(outputs, "vi") == []


def test_english_outputs_have_no_vietnamese_words_or_numbers(outputs: Path) -> None:
    assert _foreign(outputs, "en") == []


def test_the_vocabulary_check_finds_what_it_looks_for() -> None:
    # a Vietnamese text with a raw code, an English word of the tool and English numbers is caught; the users'
    # own words and identifiers are not
    data = ["EVN electricity bills 2023"]
    caught = vocabulary.foreign(
        ["điện mua vào grid_electricity 1,234,567 t", "phát thải 12.5 %", "chứng từ: EVN electricity bills 2023",
         "threshold vượt", "mã vn.grid.2023"],
        "vi",
        data,
    )  # fmt: skip
    assert [w for w, _ in caught] == ["grid_electricity", "1,234,567", "12.5", "threshold"]
    english = vocabulary.foreign(["total 1.234.567 t", "rate 12,5 %", "phạm vi 1"], "en", [])
    assert [w for w, _ in english] == ["1.234.567", "12,5", "phạm"]


def test_no_vietnamese_message_uses_a_variant_the_glossary_avoids() -> None:
    # where a message names what a user writes (the unit 'CO2e' in a factor), the variant is quoted on purpose
    quoting = {"problem.unit_co2e", "problem.replaced_factor"}
    found = []
    for term in terms():
        for avoided in term.avoid_vi:
            for key, entry in CATALOGUE.items():
                said = vocabulary._PLACEHOLDER.sub(" ", entry["vi"])
                if re.search(rf"(?<!\w){re.escape(avoided)}(?!\w)", said) and key not in quoting:
                    found.append(f"{key}: {avoided!r} (use {term.vi!r})")
    assert found == []


def test_every_glossary_term_has_a_source_and_a_status() -> None:
    for term in terms():
        assert term.source and term.status in {"seen", "recalled", "practice"}, term.key
        assert term.key in CATALOGUE and CATALOGUE[term.key] == {"en": term.en, "vi": term.vi}


@pytest.mark.skipif(browser.CHROMIUM is None, reason="chromium is not installed (.ci/run installs it)")
def test_the_network_labels_do_not_overlap_in_a_browser(outputs: Path) -> None:
    reports = outputs / "reports"
    for page in ("symbiosis-2025.vi.svg", "symbiosis-2025.en.svg", "tang-loong.vi.html", "tang-loong.en.html"):
        measured = browser.network_overlaps(reports / page)
        assert len(measured) == 1, page
        assert measured[0]["nodes"] == 9 and measured[0]["labels"] > 9, (page, measured)
        assert measured[0]["overlaps"] == [], (page, measured)


@pytest.mark.skipif(browser.CHROMIUM is None, reason="chromium is not installed (.ci/run installs it)")
def test_the_browser_measure_sees_an_overlap(tmp_path: Path) -> None:
    page = tmp_path / "bad.svg"
    page.write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100">'
        '<g id="node-A"><circle cx="50" cy="50" r="20"/></g>'
        '<text x="40" y="55" font-size="12">A label on its node</text>'
        '<text x="150" y="20" font-size="12">alone</text></svg>',
        encoding="utf-8",
    )
    measured = browser.network_overlaps(page)
    assert measured[0]["overlaps"] == [["A label on its node", "node-A"]]
