"""The translation catalogue: every message in both languages, with the same placeholders."""

from __future__ import annotations

import re
import string

import pytest

from ghg.i18n import CATALOGUE, LANGUAGES, text
from ghg.i18n.formatting import number


@pytest.mark.parametrize("key", sorted(CATALOGUE))
def test_every_message_exists_in_both_languages(key: str) -> None:
    entry = CATALOGUE[key]
    assert set(entry) == set(LANGUAGES)
    fields = {lang: {f for _, f, _, _ in string.Formatter().parse(entry[lang]) if f} for lang in LANGUAGES}
    assert fields["en"] == fields["vi"], key
    assert entry["en"] != entry["vi"] or not re.search(r"[a-z]{4}", entry["en"]), key


def test_vietnamese_number_format() -> None:
    # Vietnamese uses '.' for thousands and ',' for decimals: 1.234.567,9
    assert number(1234567.89, "vi") == "1.234.567,9"
    assert number(1234567.89, "en") == "1,234,567.9"
    assert number(0.05, "vi", 2) == "0,05"


def test_unknown_language_falls_back_to_english() -> None:
    assert text("cli.total", "fr") == "total"


def test_topic_catalogues_do_not_redefine_a_key() -> None:
    from ghg.i18n.catalogue import (
        BASE_MESSAGES,
        CATALOGUE,
        CLI_MESSAGES,
        COLUMN_MESSAGES,
        EIP_MESSAGES,
        GLOSSARY_MESSAGES,
        PATHWAY_MESSAGES,
        PROBLEM_MESSAGES,
        REPORT_MESSAGES,
        SCALE_MESSAGES,
        STORE_MESSAGES,
        WEB_MESSAGES,
    )

    parts = [BASE_MESSAGES, PROBLEM_MESSAGES, PATHWAY_MESSAGES, REPORT_MESSAGES, CLI_MESSAGES, EIP_MESSAGES]
    parts += [SCALE_MESSAGES, STORE_MESSAGES, GLOSSARY_MESSAGES, COLUMN_MESSAGES, WEB_MESSAGES]
    assert sum(len(p) for p in parts) == len(CATALOGUE)


def test_clicks_own_usage_errors_are_vietnamese_under_lang_vi() -> None:
    import subprocess
    import sys

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "ghg.cli", *args], capture_output=True, text=True)

    missing = run("--lang", "vi", "inventory", "x.csv")
    assert missing.returncode == 2
    assert "Thiếu tùy chọn '--gwp'" in missing.stderr and "Xem 'ghg inventory --help'" in missing.stderr
    assert "Missing option" not in missing.stderr and "Try " not in missing.stderr
    choice = run("--lang", "vi", "inventory", "x.csv", "--gwp", "AR7")
    assert choice.returncode == 2 and "'AR7' không phải là một trong 'AR4', 'AR5', 'AR6'" in choice.stderr
    english = run("inventory", "x.csv")
    assert english.returncode == 2 and "Missing option '--gwp'" in english.stderr  # click's own, unchanged
