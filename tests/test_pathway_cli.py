"""'ghg pathway' end to end on the example park, as a user runs it (as `ghg demo` does)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from ghg import cli

from .conftest import ROOT

PARK = ROOT / "examples" / "tang-loong"


@pytest.fixture(autouse=True)
def elsewhere(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Run each command from a temporary folder: a default --out never lands in the repository."""
    monkeypatch.chdir(tmp_path)


def _args(store: Path, *more: str) -> list[str]:
    return ["tang-loong", "--store", str(store), "--registry", str(PARK / "registry.csv"), *more]


def test_run_prints_actual_bau_and_scenario(park_store: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    res = CliRunner().invoke(cli.main, ["pathway", "run", *_args(park_store, "--out", str(out))])
    assert res.exit_code == 0, res.output
    assert "2019" in res.output and "2050" in res.output and "vtm-capture" in res.output
    names = sorted(p.name for p in out.iterdir())
    assert names == [
        "tang-loong-eip-2050-abatement.parquet",
        "tang-loong-eip-2050-pathway.en.png",
        "tang-loong-eip-2050-pathway.en.svg",
        "tang-loong-eip-2050-projection.parquet",
    ]
    assert (out / "tang-loong-eip-2050-pathway.en.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    again = CliRunner().invoke(cli.main, ["pathway", "run", *_args(park_store, "--out", str(out), "--json")])
    payload = json.loads(again.output)
    assert {f["state"] for f in payload["files"]} == {"unchanged"}
    by_year = {r["year"]: r for r in payload["totals_scope_1_2_location"]}
    # the scenario's measures abate: below BAU in 2050, and the base year is the stored inventory's
    assert by_year[2050]["scenario"] < by_year[2050]["bau"]
    assert by_year[2025]["actual"] > 0 and by_year[2025]["bau"] == 0
    assert payload["provenance"]["gwp_set"] == "AR5"
    assert len(payload["provenance"]["inventory_revisions"]) == 103


def test_check_against_bundled_targets(park_store: Path, tmp_path: Path) -> None:
    targets = ["--target", "sbti-aca-1.5c", "--target", "linear-net-zero-2050", "--target", "decision-896-milestones"]
    res = CliRunner().invoke(
        cli.main, ["pathway", "check", *_args(park_store, *targets, "--out", str(tmp_path), "--json")]
    )
    assert res.exit_code == 0, res.output
    checks = {c["target"]: c for c in json.loads(res.output)["checks"]}
    aca = checks["sbti-aca-1.5c"]
    # the ACA line from the 2025 base: 2030 = base × (1 − 0.042 × 5) = base × 0.79
    yearly = {r["year"]: r for r in aca["yearly"]}
    assert yearly[2030]["target_t_co2e"] == pytest.approx(aca["base_t_co2e"] * 0.79)
    assert aca["scopes"] == ["scope_1", "scope_2_market"]
    assert checks["linear-net-zero-2050"]["target_at_horizon_t_co2e"] == 0.0
    assert (tmp_path / "tang-loong-eip-2050-gap-park.parquet").is_file()
    strict = CliRunner().invoke(
        cli.main, ["pathway", "check", *_args(park_store, *targets, "--strict", "--out", str(tmp_path))]
    )
    assert strict.exit_code == (1 if any(c["first_year_off_track"] for c in checks.values()) else 0)


def test_enterprise_targets_need_an_enterprise(park_store: Path, tmp_path: Path) -> None:
    args = _args(park_store, "--target", "sbti-aca-1.5c-enterprise", "--out", str(tmp_path))
    refused = CliRunner().invoke(cli.main, ["--lang", "vi", "pathway", "check", *args])
    assert refused.exit_code == 1
    assert "mục tiêu doanh nghiệp cần nêu doanh nghiệp" in refused.output
    each = CliRunner().invoke(cli.main, ["pathway", "check", *args, "--each-enterprise", "--json"])
    assert each.exit_code == 0, each.output
    assert len(json.loads(each.output)["checks"]) == 15


def test_macc_and_iamc_export(park_store: Path, tmp_path: Path) -> None:
    res = CliRunner().invoke(
        cli.main, ["pathway", "macc", *_args(park_store, "--year", "2030", "--out", str(tmp_path), "--json")]
    )
    assert res.exit_code == 0, res.output
    payload = json.loads(res.output)
    costs = [m["cost_per_t_co2e"] for m in payload["curve"]]
    assert costs == sorted(costs)
    # capture starts in 2040 and the PPA changes only the market-based figure
    assert {m["measure"]: m["reason"] for m in payload["left_out"]} == {
        "vtm-capture": "not_started",
        "p4-biomass-dppa": "no_abatement",
    }
    market = CliRunner().invoke(
        cli.main,
        ["pathway", "macc", *_args(park_store, "--year", "2030", "--scope-2", "market", "--out", str(tmp_path))],
    )
    assert market.exit_code == 0 and "p4-biomass-dppa" in market.output
    out = tmp_path / "iamc.csv"
    res = CliRunner().invoke(
        cli.main, ["pathway", "export", *_args(park_store, "--format", "iamc", "--out", str(out), "--region", "Park")]
    )
    assert res.exit_code == 0, res.output
    header = out.read_text(encoding="utf-8").splitlines()[0]
    assert header == "model,scenario,region,variable,unit,year,value"
    refused = CliRunner().invoke(
        cli.main, ["pathway", "export", *_args(park_store, "--format", "iamc", "--out", str(out), "--region", "Other")]
    )
    assert refused.exit_code == 1 and "never overwritten" in refused.output


def test_bad_scenario_is_refused_in_vietnamese(park_store: Path, tmp_path: Path) -> None:
    folder = tmp_path / "s"
    folder.mkdir()
    for name in ("drivers.csv", "measures.csv"):
        (folder / name).write_bytes((ROOT / "pathways" / "tang-loong" / name).read_bytes())
    (folder / "grid.csv").write_text("year,value,unit,source,note\n2030,0.334,t CO2/MWh,derived,\n", encoding="utf-8")
    (folder / "scenario.toml").write_text(
        '[scenario]\nid = "s"\nname = "S"\nbase_year = 2025\nhorizon = 2050\ngrid = "grid.csv"\n'
        'drivers = "drivers.csv"\nmeasures = "measures.csv"\n',
        encoding="utf-8",
    )
    args = [str(folder / "scenario.toml"), "--store", str(park_store), "--registry", str(PARK / "registry.csv")]
    res = CliRunner().invoke(cli.main, ["--lang", "vi", "pathway", "run", *args, "--out", str(tmp_path / "o")])
    assert res.exit_code == 1
    assert "grid.csv" in res.output and "phải bao phủ mọi năm dự báo, 2026 đến 2050" in res.output
    assert not (tmp_path / "o").exists()


def test_list_names_the_bundled_files() -> None:
    res = CliRunner().invoke(cli.main, ["pathway", "list", "--json"])
    found = json.loads(res.output)
    assert "tang-loong" in found["scenarios"]
    assert {"sbti-aca-1.5c", "sbti-net-zero-2050", "linear-net-zero-2050", "decision-896-milestones"} <= set(
        found["targets"]
    )
