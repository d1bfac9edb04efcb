"""The command line as a user runs it: exit codes, messages, JSON, languages."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

import cli
from ghg import releases

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
    assert len(list(out.glob("lines/year=*/enterprise=*/revision=1/part-0.parquet"))) == 2
    again = runner.invoke(cli.main, ["inventory", str(EXAMPLE), "--gwp", "AR5", "--out", str(out)])
    assert "revision(s) 2" in again.output and "same content as their previous revision" in again.output


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
    assert {r["id"] for r in payload["releases"]} == set(releases.available())


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
    assert "Phát hiện 1 lỗi trong dữ liệu hoạt động" in res.output and "hàng 2, cột unit" in res.output
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
