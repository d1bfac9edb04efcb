"""The command line as a user runs it: exit codes, messages, JSON, languages."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from ghg import cli, store
from ghg.core import releases
from ghg.core.factors import DEFAULT_RELEASES

from .conftest import EXAMPLE


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def test_inventory_prints_totals_and_writes_the_store(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "store"
    res = runner.invoke(cli.main, ["inventory", str(EXAMPLE), "--gwp", "AR5", "--out", str(out)])
    assert res.exit_code == 0, res.output
    assert "Greenhouse-gas inventory (t CO2e, AR5 GWP-100)" in res.output
    assert "DUCGIANG-LC  2023" in res.output
    assert "revision(s) 1" in res.output
    assert store.latest_revisions(out) == {(2022, "DUCGIANG-LC"): 1, (2023, "DUCGIANG-LC"): 1}
    # the same bytes again: recognised as the same content, no new revision and no reason needed
    same = runner.invoke(cli.main, ["inventory", str(EXAMPLE), "--gwp", "AR5", "--out", str(out)])
    assert same.exit_code == 0, same.output
    assert "2 partition(s) have the same content as their previous revision" in same.output
    assert store.open_snapshot(out).version == 1
    # a corrected file (coal 4,200 t -> 4,300 t) supersedes both years' revisions: a reason is required
    corrected = tmp_path / "activity.csv"
    corrected.write_text(EXAMPLE.read_text(encoding="utf-8").replace(",4200,t,", ",4300,t,", 1), encoding="utf-8")
    refused = runner.invoke(cli.main, ["inventory", str(corrected), "--gwp", "AR5", "--out", str(out)])
    assert refused.exit_code == 1
    assert "supersedes DUCGIANG-LC 2022 (revision 1), DUCGIANG-LC 2023 (revision 1)" in refused.output
    assert "--reason" in refused.output
    assert store.latest_revisions(out) == {(2022, "DUCGIANG-LC"): 1, (2023, "DUCGIANG-LC"): 1}
    again = runner.invoke(
        cli.main,
        [
            "inventory",
            str(corrected),
            "--gwp",
            "AR5",
            "--out",
            str(out),
            "--reason",
            "coal corrected",
            "--author",
            "An",
        ],
    )
    assert again.exit_code == 0, again.output
    assert "revision(s) 2" in again.output


def test_inventory_json_is_machine_readable(runner: CliRunner, tmp_path: Path) -> None:
    res = runner.invoke(
        cli.main, ["inventory", str(EXAMPLE), "--gwp", "AR6", "--year", "2023", "--json", "--out", str(tmp_path)]
    )
    assert res.exit_code == 0, res.output
    payload = json.loads(res.output)
    assert payload["gwp_set"] == "AR6"
    assert [s["year"] for s in payload["summary"]] == [2023]
    assert payload["excluded_records"] == 3
    # 2023 electricity: (11,250 MWh + 11,800,000 kWh) x 0.6592 t/MWh = 23,050 x 0.6592 = 15,194.56 t CO2
    assert payload["summary"][0]["scope_2_location_t_co2e"] == pytest.approx(15194.56)
    # the default releases: every bundled one but the grid estimates, which are used only when named
    assert {r["id"] for r in payload["releases"]} == set(DEFAULT_RELEASES)
    assert set(releases.available()) - set(DEFAULT_RELEASES) == {"vn-grid-estimates-2024-2025"}


def test_bad_input_exits_1_lists_problems_and_writes_nothing(runner: CliRunner, tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text(EXAMPLE.read_text().replace(",4200,t,", ",4200,ton,").replace(",96.5,t,", ",-96.5,t,"))
    out = tmp_path / "store"
    res = runner.invoke(cli.main, ["inventory", str(bad), "--gwp", "AR5", "--out", str(out)])
    assert res.exit_code == 1
    assert "2 problem(s) found" in res.output
    assert "row 2, column unit (value 'ton')" in res.output and "row 4, column quantity (value '-96.5')" in res.output
    assert not out.exists()
    res = runner.invoke(cli.main, ["validate", str(bad), "--json"])
    assert res.exit_code == 1
    assert [p["code"] for p in json.loads(res.output)["problems"]] == ["unit_ambiguous_ton", "negative"]


def test_errors_in_vietnamese(runner: CliRunner, tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text(EXAMPLE.read_text().replace(",4200,t,", ",4200,ton,"))
    res = runner.invoke(cli.main, ["--lang", "vi", "validate", str(bad)])
    assert res.exit_code == 1
    assert "Phát hiện 1 lỗi trong số liệu hoạt động" in res.output and "hàng 2, cột unit" in res.output
    res = runner.invoke(cli.main, ["validate", str(EXAMPLE), "--lang", "vi"])
    assert res.exit_code == 0 and "bản ghi" in res.output


def test_vietnamese_number_format_in_tables(runner: CliRunner, tmp_path: Path) -> None:
    res = runner.invoke(
        cli.main, ["inventory", str(EXAMPLE), "--gwp", "AR5", "--year", "2023", "--lang", "vi", "--out", str(tmp_path)]
    )
    assert res.exit_code == 0, res.output
    assert "Phạm vi 1" in res.output
    assert "15.194,6" in res.output  # Scope 2 2023: 15,194.56 t, Vietnamese separators


@pytest.mark.parametrize(
    "args",
    [
        ["inventory", str(EXAMPLE)],  # --gwp missing: CO2e always names its GWP set
        ["inventory", str(EXAMPLE), "--gwp", "AR3"],
        ["inventory", "--gwp", "AR5"],  # no file
        ["inventory", str(EXAMPLE), "--gwp", "AR5", "--factors", "vn-grid-2031"],
        ["factors", "show", "nope"],
    ],
)
def test_bad_usage_exits_2(runner: CliRunner, args: list[str], tmp_path: Path) -> None:
    res = runner.invoke(cli.main, [*args, "--out", str(tmp_path)] if args[0] == "inventory" else args)
    assert res.exit_code == 2, res.output


def test_factors_list_show_verify(runner: CliRunner) -> None:
    res = runner.invoke(cli.main, ["factors", "list", "--json"])
    assert res.exit_code == 0
    assert [r["id"] for r in json.loads(res.output)] == releases.available()
    res = runner.invoke(cli.main, ["factors", "show", "vn-grid-2023"])
    assert res.exit_code == 0 and "national" in res.output and "1726/BĐKH-PTCBT" in res.output
    res = runner.invoke(cli.main, ["factors", "verify"])
    assert res.exit_code == 0 and res.output.count("verified") == len(releases.available())


def test_factors_verify_refuses_a_tampered_release(runner: CliRunner, tmp_path: Path) -> None:
    copy = tmp_path / "vn-grid-2023"
    shutil.copytree(releases.locate("vn-grid-2023"), copy)
    (copy / "factors.csv").write_text((copy / "factors.csv").read_text().replace("0.6592", "0.6"))
    res = runner.invoke(cli.main, ["factors", "verify", str(copy)])
    assert res.exit_code == 1
    assert "factors.csv has changed since publication" in res.output
    res = runner.invoke(
        cli.main,
        [
            "inventory",
            str(EXAMPLE),
            "--gwp",
            "AR5",
            "--out",
            str(tmp_path / "s"),
            "--factors",
            "ipcc-2006-energy",
            "--factors",
            str(copy),
            "--factors",
            "gwp100-ar4-ar5-ar6",
        ],
    )
    assert res.exit_code == 1 and "has changed since publication" in res.output
    assert not (tmp_path / "s").exists()


def test_history_status_and_revision_diff_from_the_command_line(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "store"
    base = ["inventory", "--gwp", "AR5", "--out", str(out), "--author", "Lan"]
    assert runner.invoke(cli.main, [*base, str(EXAMPLE)]).exit_code == 0
    # a corrected resubmission: the 2023 coal invoice is 5,200 t, not 4,200 t
    corrected = tmp_path / "corrected.csv"
    corrected.write_text(EXAMPLE.read_text(encoding="utf-8").replace(",4200,t,", ",5200,t,"), encoding="utf-8")
    res = runner.invoke(cli.main, [*base, str(corrected), "--reason", "coal invoice corrected"])
    assert res.exit_code == 0, res.output
    listed = runner.invoke(cli.main, ["history", "--store", str(out), "--year", "2023", "--json"])
    rows = json.loads(listed.output)
    assert [(r["revision"], r["parent"], r["reason"], r["author"]) for r in rows] == [
        (1, 0, "", "Lan"),
        (2, 1, "coal invoice corrected", "Lan"),
    ]
    shown = runner.invoke(cli.main, ["history", "--store", str(out), "--lang", "vi"])
    assert "bản nháp" in shown.output and "coal invoice corrected" in shown.output
    where = ["--store", str(out), "--year", "2023", "--enterprise", "DUCGIANG-LC"]
    diff = runner.invoke(cli.main, ["store", "diff", "1", "2", *where, "--json"])
    changed = {r["gas"]: r for r in json.loads(diff.output)}
    assert set(changed) == {"CO2", "CH4", "N2O"}  # only the coal lines moved
    assert {r["activity"] for r in changed.values()} == {"other_bituminous_coal"}
    # +1,000 t coal x NCV 25.8 GJ/t = 25.8 TJ (IPCC 2006 Vol. 2 Table 1.2); CO2 25.8 TJ x 94.6 t/TJ (Table 1.4)
    # = 2,440.68 t; CH4 25.8 TJ x 10 kg/TJ x GWP 28 = 7.224 t CO2e; N2O 25.8 x 1.5 kg/TJ x 265 = 10.2555 t CO2e
    # (Table 2.3, manufacturing industries; AR5 GWP-100)
    assert changed["CO2"]["quantity_change"] == pytest.approx(1000.0)
    assert changed["CO2"]["co2e_t_change"] == pytest.approx(2440.68)
    assert changed["CH4"]["co2e_t_change"] == pytest.approx(7.224)
    assert changed["N2O"]["co2e_t_change"] == pytest.approx(10.2555)
    shown = runner.invoke(cli.main, ["store", "diff", "1", "2", *where])
    assert "3 difference(s) from revision 1 to revision 2" in shown.output
    status = ["store", "status", "--store", str(out), "--year", "2023", "--enterprise", "DUCGIANG-LC"]
    skipped = runner.invoke(cli.main, [*status, "--revision", "2", "--set", "locked", "--by", "EZMB"])
    assert skipped.exit_code == 1 and "is draft and cannot become locked" in skipped.output
    ok = runner.invoke(cli.main, [*status, "--revision", "2", "--set", "submitted", "--by", "Lan"])
    assert ok.exit_code == 0 and "DUCGIANG-LC 2023 revision 2 is now submitted." in ok.output
