"""Uncertainty: IPCC Approach 1 and Monte Carlo Approach 2, shared factors correlated; hand-derived values."""

from __future__ import annotations

import json
import math
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from click.testing import CliRunner

from ghg import cli, park, store
from ghg.core.declared import parse_declared
from ghg.core.errors import InputError
from ghg.pathways import bands, uncertainty
from ghg.pathways.scenario import load_scenario

from .conftest import PARK, ROOT, record


def inputs(x: list[float], ad: list[float], factor_of: list[int], factors: list[tuple[float, float, str]], **kw):
    """Lines ``x`` [t CO2e] with activity half-widths ``ad`` (own records) and factor codes ``factor_of``."""
    n = len(x)
    lines = pd.DataFrame(
        {
            "boundary": "all",
            "enterprise": [f"E{i}" for i in range(n)],
            "source_category": "stationary_combustion",
            "activity": [f"fuel{i}" for i in range(n)],
            "x": x,
            "record": kw.get("record", list(range(n))),
            "ad_lo": ad,
            "ad_hi": ad,
            "ad_dist": kw.get("ad_dist", ["normal"] * n),
            "f1": factor_of,
            "f2": -1,
        }
    )
    table = pd.DataFrame(factors, columns=["lo", "hi", "dist"]).assign(key=[f"f{i}" for i in range(len(factors))])
    return uncertainty.Inputs(lines, table[["key", "lo", "hi", "dist"]], 1)


def test_two_independent_sources_ipcc_equation_3_2() -> None:
    # 100 t ± 10 % and 200 t ± 20 %, nothing shared: sqrt((100·0.1)² + (200·0.2)²) / 300 = sqrt(10² + 40²) / 300
    found = inputs([100, 200], [0, 0], [0, 1], [(0.1, 0.1, "normal"), (0.2, 0.2, "normal")])
    row = uncertainty.approach_1(found, ["boundary"]).iloc[0]
    assert row["u_hi"] == pytest.approx(math.sqrt(10**2 + 40**2) / 300)  # 13.74 %
    assert row["u_hi"] == pytest.approx(0.13744, abs=1e-5)
    assert row["naive_hi"] == pytest.approx(row["u_hi"])


def test_sources_sharing_one_factor_combine_linearly() -> None:
    # both use the same ± 10 % factor: (100·0.1 + 200·0.1) / 300 = 10 %, not sqrt(10² + 20²) / 300 = 7.45 %
    found = inputs([100, 200], [0, 0], [0, 0], [(0.1, 0.1, "normal")])
    row = uncertainty.approach_1(found, ["boundary"]).iloc[0]
    assert row["u_lo"] == pytest.approx(0.10)
    assert row["naive_lo"] == pytest.approx(math.sqrt(10**2 + 20**2) / 300)


def test_activity_and_factor_of_one_line_combine_by_equation_3_1() -> None:
    # one line, activity ± 3 %, factor ± 4 %: sqrt(3² + 4²) = 5 %
    row = uncertainty.approach_1(inputs([50], [0.03], [0], [(0.04, 0.04, "normal")]), ["boundary"]).iloc[0]
    assert row["u_hi"] == pytest.approx(0.05)


def test_monte_carlo_agrees_on_a_symmetric_case() -> None:
    found = inputs([100, 200], [0, 0], [0, 1], [(0.1, 0.1, "normal"), (0.2, 0.2, "normal")])
    mc = uncertainty.approach_2(found, ["boundary"], samples=200_000, seed=7)
    row = mc.summary.iloc[0]
    half = (row["mc_p97_5"] - row["mc_p2_5"]) / 2 / 300
    # within sampling error of 13.74 %: the standard error of a 2.5 % percentile of 200,000 draws is ~0.1 %
    assert half == pytest.approx(0.13744, abs=0.003)
    assert row["mc_mean"] == pytest.approx(300, rel=0.002)
    assert mc.converged and mc.samples == 200_000 and mc.seed == 7
    # the same seed gives the same numbers
    again = uncertainty.approach_2(found, ["boundary"], samples=200_000, seed=7).summary.iloc[0]
    assert again["mc_p97_5"] == row["mc_p97_5"]


def test_monte_carlo_is_wider_where_distributions_are_skewed() -> None:
    # one line, activity and factor both lognormal with 97.5th percentile at +200 % (2.5th at 1/3, −66.7 %).
    # Approach 1: upper sqrt(2² + 2²) = +283 %, lower sqrt(2 · 0.667²) = −94 %: a width of 377 points.
    # Exactly, the product is lognormal with sigma sqrt(2) · ln 3 / 1.96: upper 3^sqrt(2) − 1 = +373 %,
    # lower 1 − 3^−sqrt(2) = −79 %: a width of 452 points, which Approach 2 finds.
    found = inputs([100], [2.0], [0], [(2 / 3, 2.0, "lognormal")], ad_dist=["lognormal"])
    found.lines["ad_lo"] = 2 / 3
    a1 = uncertainty.approach_1(found, ["boundary"]).iloc[0]
    assert a1["u_hi"] == pytest.approx(math.sqrt(8)) and a1["u_lo"] == pytest.approx(math.sqrt(2) * 2 / 3)
    row = uncertainty.approach_2(found, ["boundary"], samples=200_000, seed=3).summary.iloc[0]
    assert row["mc_p97_5"] / 100 - 1 == pytest.approx(3 ** math.sqrt(2) - 1, rel=0.03)
    assert 1 - row["mc_p2_5"] / 100 == pytest.approx(1 - 3 ** -math.sqrt(2), rel=0.03)
    assert (row["mc_p97_5"] - row["mc_p2_5"]) / 100 > a1["u_lo"] + a1["u_hi"] + 0.5


def test_shared_factor_is_drawn_once_per_iteration() -> None:
    # two lines on one ± 10 % factor: every iteration moves both together, so the sum's interval is ±10 %
    found = inputs([100, 200], [0, 0], [0, 0], [(0.1, 0.1, "normal")])
    row = uncertainty.approach_2(found, ["boundary"], samples=100_000, seed=11).summary.iloc[0]
    assert (row["mc_p97_5"] - row["mc_p2_5"]) / 2 / 300 == pytest.approx(0.10, abs=0.003)


def test_asymmetric_published_limits_are_kept_as_percentiles() -> None:
    # IPCC 2006 Table 1.2 other bituminous coal NCV 25.8 TJ/Gg, 95 % limits 19.9-30.5: −22.9 % / +18.2 %
    lo, hi = (25.8 - 19.9) / 25.8, (30.5 - 25.8) / 25.8
    found = inputs([1000], [0], [0], [(lo, hi, uncertainty.SPLIT_NORMAL)])
    a1 = uncertainty.approach_1(found, ["boundary"]).iloc[0]
    assert (a1["u_lo"], a1["u_hi"]) == (pytest.approx(lo), pytest.approx(hi))
    row = uncertainty.approach_2(found, ["boundary"], samples=200_000, seed=5).summary.iloc[0]
    assert row["mc_p2_5"] == pytest.approx(1000 * (1 - lo), rel=0.005)
    assert row["mc_p97_5"] == pytest.approx(1000 * (1 + hi), rel=0.005)


def test_declared_uncertainty_forms() -> None:
    # EU MRR 2018/2066 Annex II tiers for fuel quantities: 7.5 / 5 / 2.5 / 1.5 %
    assert parse_declared("tier 2") == (0.05, "normal")
    assert parse_declared("±2.5 %") == (0.025, "normal")
    assert parse_declared("5 % uniform") == (0.05, "uniform")
    assert parse_declared("5") is None and parse_declared("tier 5") is None


def test_declared_uncertainty_flows_from_the_input_file(write_csv, tmp_path: Path) -> None:
    coal = {"source_category": "stationary_combustion", "ipcc_category": "1.A.2", "activity": "other_bituminous_coal"}
    rows = [
        record(**coal, facility="site", quantity=1000, unit="t", uncertainty="±2.5 %"),
        record(**coal, facility="boiler2", quantity=500, unit="t", uncertainty="tier 4"),
        record(source_category="mobile_combustion", ipcc_category="1.A.2.g.vii", activity="gas_diesel_oil",
               facility="fleet", quantity=20, unit="t"),
    ]  # fmt: skip
    path = write_csv(rows)
    out = tmp_path / "store"
    res = CliRunner().invoke(cli.main, ["inventory", str(path), "--gwp", "AR5", "--out", str(out)])
    assert res.exit_code == 0, res.output
    lines = store.read_lines(out)
    result = uncertainty.analyse(out, lines, None, int(lines["year"].max()), samples=5_000)
    declared = uncertainty.declared_activity(out, lines)
    by_facility = dict(zip(lines["facility"], declared, strict=True))
    assert by_facility["site"] == "±2.5 %" and by_facility["boiler2"] == "tier 4" and by_facility["fleet"] == ""
    assert set(result.table["boundary"]) >= {"park"}
    # the coal of both facilities shares the IPCC CO2 factor and NCV: correlated beats naive
    park_row = result.table[result.table["boundary"] == "park"].iloc[0]
    assert park_row["u_hi"] > park_row["naive_hi"]
    bad = write_csv([record(**coal, quantity=1, unit="t", uncertainty="5")], name="bad.csv")
    res = CliRunner().invoke(cli.main, ["--lang", "vi", "validate", str(bad)])
    assert res.exit_code == 1 and "uncertainty" in res.output and "tier 1" in res.output


def test_malformed_uncertainty_in_stored_lines_is_refused() -> None:
    lines = pd.DataFrame(
        [{"scope": "scope_1", "co2e_t": 1.0, "input_sha256": "a", "input_row": 2, "input_file": "f.csv",
          "factor_release": "", "factor_id": "", "method": "combustion_mass", "measured": "", "activity": "x"}]
    )  # fmt: skip
    with pytest.raises(InputError) as caught:
        uncertainty.prepare(lines, pd.DataFrame(columns=["key", "lo", "hi", "dist"]), pd.Series(["5"]))
    problem = caught.value.problems[0]
    assert (problem.file, problem.row, problem.column, problem.code) == ("f.csv", 2, "uncertainty", "uncertainty_form")


def test_the_example_park_from_the_command_line(park_store: Path, tmp_path: Path) -> None:
    args = ["uncertainty", "--store", str(park_store), "--registry", str(PARK / "registry.csv")]
    res = CliRunner().invoke(
        cli.main, [*args, "--year", "2025", "--samples", "20000", "--json", "--out", str(tmp_path)]
    )
    assert res.exit_code == 0, res.output
    payload = json.loads(res.output)
    assert payload["samples"] == 20000 and payload["seed"] == 20261128 and payload["converged"]
    rows = {r["boundary"]: r for r in payload["boundaries"]}
    assert "park" in rows and "DUCGIANG-LC" in rows
    # correlated at least as wide as naive; Approach 2 brackets the total
    assert rows["park"]["u_hi"] >= rows["park"]["naive_hi"] - 1e-12
    assert rows["park"]["mc_p2_5"] < rows["park"]["t_co2e"] < rows["park"]["mc_p97_5"]
    assert payload["key_categories"][0]["variance_share"] > 0.2
    assert {f["path"].rsplit("/", 1)[-1] for f in payload["files"]} == {
        "uncertainty-2025.parquet",
        "uncertainty-2025-categories.parquet",
        "uncertainty-2025-lines.parquet",
        "uncertainty-2025-key-categories.parquet",
    }
    categories = {(r["source_category"], r["activity"]): r for r in payload["categories_approach_1"]}
    assert all(r["u_hi"] >= r["naive_hi"] - 1e-12 for r in categories.values())
    # the boilers of APROMACO, DAP No.2 and Duc Giang share the IPCC coal CO2 factor and NCV: correlated is wider
    coal = categories[("stationary_combustion", "other_bituminous_coal")]
    assert coal["u_hi"] > coal["naive_hi"] * 1.2
    vi = CliRunner().invoke(cli.main, ["--lang", "vi", *args, "--samples", "5000", "--method", "1"])
    assert "Độ không chắc chắn năm 2025" in vi.output and "Cách tiếp cận 1, hệ số dùng chung tương quan" in vi.output


def test_pathway_band_from_uncertain_drivers_and_measures(park_store: Path) -> None:
    lines = store.read_lines(park_store)
    registry = park.load_registry(PARK / "registry.csv")
    scenario = load_scenario(ROOT / "pathways" / "tang-loong" / "scenario.toml")
    band = bands.pathway_band(lines, scenario, registry, samples=40, seed=1)
    assert list(band["year"]) == list(range(2026, 2051))
    assert (band["p2_5"] <= band["p97_5"]).all() and (band["p97_5"] - band["p2_5"]).iloc[-1] > 0
    certain = scenario
    certain.drivers = certain.drivers.assign(growth_u=0.0)
    for m in certain.measures:
        m.effect_u = 0.0
    flat = bands.pathway_band(lines, certain, registry, samples=20, seed=1)
    assert np.allclose(flat["p2_5"], flat["central"]) and np.allclose(flat["p97_5"], flat["central"])


def test_form06_part_iii_carries_the_uncertainty(park_store: Path, tmp_path: Path) -> None:
    out = tmp_path / "form06.xlsx"
    res = CliRunner().invoke(
        cli.main,
        ["report", "form06", "--store", str(park_store), "--registry", str(PARK / "registry.csv"),
         "--facility", "DAP2-VINACHEM/site", "--period", "2023-2024", "--out", str(out)],
    )  # fmt: skip
    assert res.exit_code == 0, res.output
    part = json.loads(out.with_suffix(".json").read_text(encoding="utf-8"))["part_III_results"]["uncertainty"]
    assert [r["year"] for r in part] == [2023, 2024]
    assert all(r["mc_p2_5"] < r["t_co2e"] < r["mc_p97_5"] and r["u_hi"] > 0 for r in part)
