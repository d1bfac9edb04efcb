"""Pathways: projections, measures, targets, gap analysis and the abatement cost curve, against hand-derived values.

Every expected number below is worked out by hand in the test from the figures it states (SBTi's 4.2 %/yr,
Decision 896's milestones, the capital recovery factor) so that a reader can check it with a calculator.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest

from ghg import park
from ghg.core import fsutil
from ghg.core.errors import InputError, StoreError
from ghg.pathways import macc, workflow
from ghg.pathways import output as pathway_output
from ghg.pathways.projection import Projection, project
from ghg.pathways.scenario import load_scenario, parse_rate
from ghg.pathways.targets import gap, load_target, trajectory
from ghg.reports import pathway

GRID_HEADER = "year,value,unit,source,note\n"
DRIVER_HEADER = "enterprise,sector,from_year,to_year,growth,source\n"
MEASURE_HEADER = (
    "id,name,enterprises,kind,source_category,activity,ipcc_category,effect,adds_electricity,start_year,"
    "ramp_years,lifetime_years,order,removals,capex,opex_per_year,savings_per_year,currency,discount_rate,source\n"
)


def line(enterprise: str, year: int, scope: str, category: str, ipcc: str, activity: str, co2e: float, **kw):
    """One stored result line (the columns a projection reads)."""
    row = {
        "enterprise": enterprise,
        "facility": "site",
        "year": year,
        "scope": scope,
        "source_category": category,
        "ipcc_category": ipcc,
        "activity": activity,
        "method": "process_carbon_content",
        "supplier": "",
        "gas": "CO2",
        "mass_t": co2e,
        "co2e_t": co2e,
        "gwp_set": "AR5",
        "quantity": 1.0,
        "unit": "t",
        "revision": 1,
    }
    row.update(kw)
    return row


def electricity(enterprise: str, year: int, mwh: float, factor: float = 0.6592) -> list[dict]:
    """Location- and market-based lines of grid electricity at ``factor`` [t CO2/MWh]."""
    common = {"quantity": mwh, "unit": "MWh", "ipcc": ""}
    return [
        line(
            enterprise,
            year,
            scope,
            "purchased_electricity",
            common["ipcc"],
            "grid_electricity",
            mwh * factor,
            method=method,
            quantity=mwh,
            unit="MWh",
        )
        for scope, method in (("scope_2", "electricity_location_based"), ("scope_2_market", "electricity_market_based"))
    ]


@pytest.fixture
def registry(tmp_path: Path) -> park.Registry:
    path = tmp_path / "registry.csv"
    path.write_text(
        "enterprise,facility,name,sector,ipcc_categories,member_from,member_to,on_national_list\n"
        "E1,site,Plant one,steel,2.C.1,2019,,yes\n"
        "E2,site,Plant two,fertiliser,1.A.2.c,2019,,no\n",
        encoding="utf-8",
    )
    return park.load_registry(path)


@pytest.fixture
def scenario_dir(tmp_path: Path) -> Callable[..., Path]:
    """Writes a scenario (base year 2024) with the given drivers and measures rows; returns the TOML path."""

    def write(measures: str = "", drivers: str = "", grid: str | None = None, base_year: int = 2024) -> Path:
        folder = tmp_path / "scenario"
        folder.mkdir(exist_ok=True)
        # grid anchors: 2023 official 0.6592, 2030 and 2050 as the shipped PDP8 derivation
        (folder / "grid.csv").write_text(
            GRID_HEADER
            + (
                grid
                if grid is not None
                else "2023,0.6592,t CO2/MWh,DCC 2023,\n2030,0.334,t CO2/MWh,derived,\n2050,0.0188,t CO2/MWh,derived,\n"
            ),
            encoding="utf-8",
        )
        (folder / "drivers.csv").write_text(DRIVER_HEADER + drivers, encoding="utf-8")
        (folder / "measures.csv").write_text(MEASURE_HEADER + measures, encoding="utf-8")
        path = folder / "scenario.toml"
        path.write_text(
            "[scenario]\n"
            'id = "test"\nname = "Test"\n'
            f"base_year = {base_year}\nhorizon = 2050\n"
            'grid = "grid.csv"\ndrivers = "drivers.csv"\nmeasures = "measures.csv"\n',
            encoding="utf-8",
        )
        return path

    return write


@pytest.fixture
def target_file(tmp_path: Path) -> Callable[..., Path]:
    def write(body: str, name: str = "target.toml") -> Path:
        path = tmp_path / name
        path.write_text('[target]\nid = "t"\nname = "T"\nsource = "test"\n' + body, encoding="utf-8")
        return path

    return write


def base_lines() -> pd.DataFrame:
    """E1: 100,000 t CO2 of process emissions (IPCC 2.C.1) in 2023 and 2024; nothing else."""
    return pd.DataFrame(
        [line("E1", y, "scope_1", "process", "2.C.1", "coke_oven_coke", 100_000.0) for y in (2023, 2024)]
    )


def projection_of(lines: pd.DataFrame, scenario: Path, registry: park.Registry) -> Projection:
    return project(lines, load_scenario(scenario), registry)


def codes(error: InputError) -> set[tuple[str | None, str]]:
    return {(p.column, p.code) for p in error.problems}


# ---------------------------------------------------------------- targets


def test_sbti_absolute_contraction_1_5c(scenario_dir, target_file, registry) -> None:
    # SBTi 1.5 °C: 4.2 % of base-year emissions per year; 2030 is 6 years after 2024:
    # 100,000 × (1 − 0.042 × 6) = 100,000 × 0.748 = 74,800 t
    result = projection_of(base_lines(), scenario_dir(), registry)
    target = load_target(
        target_file('kind = "absolute_contraction"\nboundary = "park"\nscopes = ["scope_1"]\nrate = "4.2 %"\n')
    )
    path = trajectory(target, result).set_index("year")["target_t_co2e"]
    assert path[2030] == pytest.approx(74_800.0, rel=1e-12)
    # after 1 / 0.042 = 23.8 years the line reaches zero and stays there
    assert path[2048] == 0.0


def test_linear_to_zero_reaches_half_in_2037(scenario_dir, target_file, registry) -> None:
    # from 2024 to 2050 is 26 years; half of them is 13 years: 2024 + 13 = 2037 at 50 %
    result = projection_of(base_lines(), scenario_dir(), registry)
    target = load_target(
        target_file('kind = "linear_to_zero"\nboundary = "park"\nscopes = ["scope_1"]\nnet_zero_year = 2050\n')
    )
    path = trajectory(target, result).set_index("year")["target_t_co2e"]
    assert path[2037] == pytest.approx(50_000.0, rel=1e-12)
    assert path[2050] == 0.0


def test_net_zero_standard_leaves_ten_percent_to_neutralise(scenario_dir, target_file, registry) -> None:
    # SBTi net-zero: −90 % by 2050 → 10,000 t; the frozen projection (no measures) stays at 100,000 t,
    # so 100,000 t are left to neutralise and every projected year is off track from 2025 on
    result = projection_of(base_lines(), scenario_dir(), registry)
    target = load_target(
        target_file('kind = "net_zero"\nboundary = "park"\nscopes = ["scope_1"]\nreduction = "90 %"\nyear = 2050\n')
    )
    found = gap(target, result)
    assert found.yearly.set_index("year")["target_t_co2e"][2050] == pytest.approx(10_000.0)
    assert found.summary["to_neutralise_t_co2e"] == pytest.approx(100_000.0)
    assert found.summary["first_year_off_track"] == 2025
    # carbon budget: sum over 2025..2050 of 100,000 × (1 − 0.9 × k/26), k = 1..26
    budget = sum(100_000.0 * (1 - 0.9 * k / 26) for k in range(1, 27))
    assert found.summary["carbon_budget_t_co2e"] == pytest.approx(budget)
    assert found.summary["overshoot_t_co2e"] == pytest.approx(26 * 100_000.0 - budget)
    # still needed from 2024: (100,000 − 10,000) / (100,000 × 26 years) = 3.4615 %/yr
    assert found.summary["rate_needed_per_year"] == pytest.approx(0.9 / 26)


def test_decision_896_milestones_against_bau(scenario_dir, target_file, registry) -> None:
    # BAU frozen: energy (IPCC 1.A.2.c) 40,000 t and industrial processes (2.C.1) 100,000 t.
    # In 2030 Decision 896 asks energy −32.6 % and processes −38.3 % against BAU:
    # 40,000 × 0.674 + 100,000 × 0.617 = 26,960 + 61,700 = 88,660 t.
    lines = pd.concat(
        [
            base_lines(),
            pd.DataFrame([line("E2", 2024, "scope_1", "stationary_combustion", "1.A.2.c", "anthracite", 40_000.0)]),
        ]
    )
    result = projection_of(lines, scenario_dir(), registry)
    target = load_target(Path(workflow.bundled_dir() / "targets" / "decision-896-milestones.toml"))
    path = trajectory(target, result).set_index("year")["target_t_co2e"]
    assert path[2030] == pytest.approx(88_660.0)
    # 2050: 40,000 × (1 − 0.916) + 100,000 × (1 − 0.848) = 3,360 + 15,200 = 18,560 t
    assert path[2050] == pytest.approx(18_560.0)


def test_custom_points_interpolate(scenario_dir, target_file, registry) -> None:
    # −30 % in 2030 and −80 % in 2040: 2035 is halfway, −55 % → 45,000 t
    result = projection_of(base_lines(), scenario_dir(), registry)
    target = load_target(
        target_file(
            'kind = "points"\nboundary = "park"\nscopes = ["scope_1"]\n'
            '[[target.points]]\nyear = 2030\nreduction = "30 %"\n'
            '[[target.points]]\nyear = 2040\nreduction = "80 %"\n'
        )
    )
    path = trajectory(target, result).set_index("year")["target_t_co2e"]
    assert path[2035] == pytest.approx(45_000.0)
    assert path[2045] == pytest.approx(20_000.0)


# ---------------------------------------------------------------- measures


def test_two_fifty_percent_cuts_leave_a_quarter(scenario_dir, registry) -> None:
    measures = (
        "m1,first,E1,process_change,process,,,50 %,,2025,1,20,1,no,0,0,0,USD,8 %,test\n"
        "m2,second,E1,carbon_capture,process,,,50 %,,2025,1,20,2,no,0,0,0,USD,8 %,test\n"
    )
    result = projection_of(base_lines(), scenario_dir(measures), registry)
    totals = result.totals(["scope_1"])
    # 100,000 × (1 − 0.5) × (1 − 0.5) = 25,000 t, never 0
    assert totals.loc[2030, "scenario"] == pytest.approx(25_000.0)
    assert totals.loc[2030, "bau"] == pytest.approx(100_000.0)
    abated = result.abatement[result.abatement["year"] == 2030].groupby("measure")["abated_t_co2e"].sum()
    # the first abates half of 100,000; the second half of what is left
    assert abated["m1"] == pytest.approx(50_000.0)
    assert abated["m2"] == pytest.approx(25_000.0)


def test_ramp_reaches_the_full_effect_linearly(scenario_dir, registry) -> None:
    # 40 % from 2027 over 4 years: 2027 reaches 1/4 (10 %), 2028 2/4 (20 %), 2030 and later 40 %
    measures = "m1,ramped,E1,process_change,process,,,40 %,,2027,4,20,1,no,0,0,0,USD,8 %,test\n"
    totals = projection_of(base_lines(), scenario_dir(measures), registry).totals(["scope_1"])["scenario"]
    assert totals[2026] == pytest.approx(100_000.0)
    assert totals[2027] == pytest.approx(90_000.0)
    assert totals[2028] == pytest.approx(80_000.0)
    assert totals[2031] == pytest.approx(60_000.0)


#: The fixture's trajectory in its base year 2024, linear between its 2023 (0.6592) and 2030 (0.334) anchors
#: [t CO2/MWh]: 0.6592 + (0.334 - 0.6592) / 7 = 0.61274. The pathway keeps the inventory's own factor (0.6592
#: in 2024) and scales it by the trajectory's change from the base year: factor(y) = 0.6592 x traj(y) / traj(2024).
TRAJECTORY_2024 = 0.6592 + (0.334 - 0.6592) / 7


def along(anchor: float) -> float:
    """The grid factor the pathway uses in a year whose trajectory value is ``anchor`` [t CO2/MWh]."""
    return 0.6592 * anchor / TRAJECTORY_2024


def test_drivers_and_grid_trajectory(scenario_dir, registry) -> None:
    # E2 buys 10,000 MWh in 2024 at 0.6592 t/MWh and grows 3 %/yr from 2025.
    # 2030: 10,000 × 1.03^6 MWh × 0.6592 × 0.334 / 0.61274 t/MWh = 4,291.3 t (location-based).
    lines = pd.concat([base_lines(), pd.DataFrame(electricity("E2", 2024, 10_000.0))])
    result = projection_of(lines, scenario_dir(drivers="E2,,2025,2050,3 %/yr,test\n"), registry)
    totals = result.totals(["scope_2_location"])
    assert totals.loc[2030, "bau"] == pytest.approx(10_000 * 1.03**6 * along(0.334))
    # the sector's growth does not touch E1 (steel has no driver): frozen at 100,000 t
    assert result.totals(["scope_1"]).loc[2040, "bau"] == pytest.approx(100_000.0)


def test_sector_drivers_and_enterprise_override(scenario_dir, registry) -> None:
    # steel (E1) grows 2 %/yr in 2025-2029, then E1's own row says 0 % from 2030: 2035 = 100,000 × 1.02^5
    drivers = ",steel,2025,2050,2 %,test\nE1,,2030,2050,0 %,test\n"
    result = projection_of(base_lines(), scenario_dir(drivers=drivers), registry)
    assert result.totals(["scope_1"]).loc[2035, "bau"] == pytest.approx(100_000 * 1.02**5)


def test_ppa_changes_only_the_market_based_figure(scenario_dir, registry) -> None:
    lines = pd.concat([base_lines(), pd.DataFrame(electricity("E2", 2024, 10_000.0))])
    measures = "ppa,PPA,E2,ppa_certificates,purchased_electricity,,,50 %,,2025,1,20,1,no,0,0,0,USD,8 %,test\n"
    result = projection_of(lines, scenario_dir(measures), registry)
    # 2030: location 10,000 × 0.6592 × 0.334 / 0.61274 = 3,593.2 t unchanged; market-based halved
    assert result.totals(["scope_2_location"]).loc[2030, "scenario"] == pytest.approx(10_000 * along(0.334))
    assert result.totals(["scope_2_market"]).loc[2030, "scenario"] == pytest.approx(5_000 * along(0.334))


def test_solar_in_mwh_abates_at_each_years_grid_factor(scenario_dir, registry) -> None:
    # 2,000 MWh of rooftop solar: abatement = 2,000 × that year's factor: 2030 2,000 × 0.6592 × 0.334 / 0.61274
    # = 718.6 t, 2050 2,000 × 0.6592 × 0.0188 / 0.61274 = 40.4 t
    lines = pd.concat([base_lines(), pd.DataFrame(electricity("E2", 2024, 10_000.0))])
    measures = "pv,Solar,E2,onsite_solar,purchased_electricity,,,2000 MWh,,2025,1,25,1,no,0,0,0,USD,8 %,test\n"
    result = projection_of(lines, scenario_dir(measures), registry)
    abated = result.abatement.set_index(["scope", "year"])["abated_t_co2e"]
    assert abated[("scope_2", 2030)] == pytest.approx(2_000 * along(0.334))
    assert abated[("scope_2", 2050)] == pytest.approx(2_000 * along(0.0188))
    assert abated[("scope_2_market", 2030)] == pytest.approx(2_000 * along(0.334))


def test_a_change_of_kind_of_grid_factor_makes_no_step(scenario_dir, registry) -> None:
    # The inventory's 2024 factor is the combined margin 0.6592; the trajectory is an average intensity, 0.40 in
    # 2024 and 0.38 in 2025 (another kind of factor). At unchanged activity the first projected year keeps the
    # inventory's kind: 10,000 MWh × 0.6592 × 0.38 / 0.40 = 6,262.4 t, not 10,000 × 0.38 = 3,800 t.
    lines = pd.concat([base_lines(), pd.DataFrame(electricity("E2", 2024, 10_000.0))])
    grid = "2024,0.40,t CO2/MWh,average intensity,\n2025,0.38,t CO2/MWh,average intensity,\n2050,0.02,t CO2/MWh,x,\n"
    result = projection_of(lines, scenario_dir(grid=grid), registry)
    totals = result.totals(["scope_2_location"])
    assert totals.loc[2024, "actual"] == pytest.approx(6_592.0)
    assert totals.loc[2025, "bau"] == pytest.approx(10_000 * 0.6592 * 0.38 / 0.40)
    assert result.grid_basis["base_factor"] == pytest.approx(0.6592)
    assert result.grid_basis["trajectory_base"] == pytest.approx(0.40)


def test_electrification_moves_emissions_to_scope_2(scenario_dir, registry) -> None:
    # E2 burns diesel for 1,000 t CO2; 60 % electrified from 2025 adds 1,000 MWh:
    # 2030 Scope 1 = 400 t; Scope 2 adds 1,000 × 0.334 = 334 t; net abatement 600 − 334 = 266 t
    lines = pd.concat(
        [
            base_lines(),
            pd.DataFrame([line("E2", 2024, "scope_1", "mobile_combustion", "1.A.2.g.vii", "gas_diesel_oil", 1_000.0)]),
        ]
    )
    measures = (
        "ev,Electric trucks,E2,electrification,mobile_combustion,,,60 %,1000 MWh,2025,1,12,1,no,0,0,0,USD,8 %,test\n"
    )
    result = projection_of(lines, scenario_dir(measures), registry)
    e2 = result.totals(["scope_1"], "E2")
    assert e2.loc[2030, "scenario"] == pytest.approx(400.0)
    assert result.totals(["scope_2_location"], "E2").loc[2030, "scenario"] == pytest.approx(334.0)
    abated = result.abatement[
        (result.abatement["year"] == 2030) & result.abatement["scope"].isin(["scope_1", "scope_2"])
    ]
    assert abated["abated_t_co2e"].sum() == pytest.approx(266.0)


# ---------------------------------------------------------------- cost curve


def test_levelised_cost_by_hand() -> None:
    # capex 1,000,000 USD over 10 years at 8 %: 1.08^10 = 2.158924997;
    # CRF = 0.08 × 2.158924997 / 1.158924997 = 0.149029489 → 149,029.49 USD/yr;
    # + opex 10,000 − savings 50,000 = 109,029.49 USD/yr; over 1,000 t → 109.03 USD/t
    assert macc.capital_recovery_factor(0.08, 10) == pytest.approx(0.149029489, rel=1e-8)
    assert macc.levelised_cost(1_000_000, 10_000, 50_000, 0.08, 10, 1_000.0) == pytest.approx(109.0295, rel=1e-6)
    # no discounting: capex spread evenly, 100,000/yr
    assert macc.capital_recovery_factor(0.0, 10) == pytest.approx(0.1)


def test_cost_curve_orders_measures_and_counts_interactions(scenario_dir, registry) -> None:
    # m1 (10 %, capex 1,000,000, opex 10,000, savings 50,000, 8 %, 10 yr) abates 10,000 t in 2030:
    # 109,029.49 / 10,000 = 10.90 USD/t. m2 (a second 10 % on the same source, saves 100,000/yr, no capex)
    # abates 10 % of the 90,000 left = 9,000 t at −100,000 / 9,000 = −11.11 USD/t: cheapest, first.
    measures = (
        "m1,first,E1,process_change,process,,,10 %,,2025,1,10,1,no,1000000,10000,50000,USD,8 %,test\n"
        "m2,second,E1,process_change,process,,,10 %,,2025,1,10,2,no,0,0,100000,USD,8 %,test\n"
    )
    result = projection_of(base_lines(), scenario_dir(measures), registry)
    curve, left = macc.curve(result, 2030)
    assert list(curve["measure"]) == ["m2", "m1"]
    assert curve.loc[0, "abatement_t_co2e"] == pytest.approx(9_000.0)
    assert curve.loc[0, "cost_per_t_co2e"] == pytest.approx(-100_000 / 9_000)
    assert curve.loc[1, "cost_per_t_co2e"] == pytest.approx(10.9029489, rel=1e-6)
    assert curve.loc[1, "to_t_co2e"] == pytest.approx(19_000.0)
    assert left.empty


def test_cost_curve_in_a_ramp_year_costs_the_share_reached(scenario_dir, registry) -> None:
    # 10 % ramped over 4 years from 2027: in 2028 half of it (5,000 t) and half its yearly cost
    # (109,029.49 / 2), so the cost per tonne is the full-effect 10.90 USD/t
    measures = "m1,first,E1,process_change,process,,,10 %,,2027,4,10,1,no,1000000,10000,50000,USD,8 %,test\n"
    curve, _ = macc.curve(projection_of(base_lines(), scenario_dir(measures), registry), 2028)
    assert curve.loc[0, "abatement_t_co2e"] == pytest.approx(5_000.0)
    assert curve.loc[0, "annual_cost"] == pytest.approx(109_029.489 / 2, rel=1e-6)
    assert curve.loc[0, "cost_per_t_co2e"] == pytest.approx(10.9029489, rel=1e-6)


def test_cost_curve_leaves_out_measures_not_started(scenario_dir, registry) -> None:
    measures = "late,late,E1,carbon_capture,process,,,50 %,,2040,1,20,1,no,1000,0,0,USD,8 %,test\n"
    result = projection_of(base_lines(), scenario_dir(measures), registry)
    curve, left = macc.curve(result, 2030)
    assert curve.empty and list(left["reason"]) == ["not_started"]


# ---------------------------------------------------------------- bad parameters


def test_target_year_before_base_year(scenario_dir, target_file, registry) -> None:
    result = projection_of(base_lines(), scenario_dir(), registry)
    target = load_target(
        target_file('kind = "linear_to_zero"\nboundary = "park"\nscopes = ["scope_1"]\nnet_zero_year = 2020\n')
    )
    with pytest.raises(InputError) as caught:
        trajectory(target, result)
    problem = caught.value.problems[0]
    assert (problem.file, problem.column, problem.code) == (
        str(target.path),
        "target.net_zero_year",
        "target_before_base",
    )


def test_reduction_over_100_percent_without_removals(target_file) -> None:
    path = target_file('kind = "net_zero"\nboundary = "park"\nscopes = ["scope_1"]\nreduction = "140 %"\nyear = 2050\n')
    with pytest.raises(InputError) as caught:
        load_target(path)
    assert codes(caught.value) == {("target.reduction", "reduction_range")}
    assert str(path) in caught.value.render()


def test_rate_without_percent_sign_is_refused(target_file) -> None:
    # '5' could be 5 % or 500 %: refused, with the fix in the message
    path = target_file('kind = "absolute_contraction"\nboundary = "park"\nscopes = ["scope_1"]\nrate = "5"\n')
    with pytest.raises(InputError) as caught:
        load_target(path)
    assert codes(caught.value) == {("target.rate", "rate_percent")}
    assert "4.2 %" in caught.value.render()
    assert parse_rate("4.2 %") == pytest.approx(0.042) and parse_rate("0.042") is None


def test_duplicated_and_unordered_years(target_file, scenario_dir) -> None:
    path = target_file(
        'kind = "points"\nboundary = "park"\nscopes = ["scope_1"]\n'
        '[[target.points]]\nyear = 2035\nreduction = "30 %"\n'
        '[[target.points]]\nyear = 2035\nreduction = "40 %"\n'
        '[[target.points]]\nyear = 2030\nreduction = "50 %"\n'
    )
    with pytest.raises(InputError) as caught:
        load_target(path)
    assert codes(caught.value) == {
        ("target.points[2].year", "year_duplicate"),
        ("target.points[3].year", "year_unordered"),
    }
    grid = "2030,0.334,t CO2/MWh,a,\n2023,0.6592,t CO2/MWh,b,\n2050,0.0188,t CO2/MWh,c,\n2050,0.02,t CO2/MWh,d,\n"
    with pytest.raises(InputError) as caught:
        load_scenario(scenario_dir(grid=grid))
    found = {(p.row, p.column, p.code) for p in caught.value.problems}
    assert found == {(3, "year", "year_unordered"), (5, "year", "year_duplicate")}


def test_base_year_without_inventory(scenario_dir, registry) -> None:
    path = scenario_dir(base_year=2025)
    with pytest.raises(InputError) as caught:
        projection_of(base_lines(), path, registry)
    problem = caught.value.problems[0]
    assert (problem.file, problem.column, problem.value, problem.code) == (
        str(path),
        "scenario.base_year",
        "2025",
        "base_no_inventory",
    )


def test_measure_file_problems_are_all_collected(scenario_dir) -> None:
    measures = (
        "m1,too much,E1,process_change,process,,,140 %,,2025,1,20,1,no,0,0,0,USD,8 %,test\n"
        "m2,bad rate,E1,process_change,process,,,10 %,,2025,1,20,1,no,0,0,0,USD,8,test\n"
        "m3,bad kind,E1,magic,process,,,10 %,,2020,1,20,1,no,0,0,0,USD,8 %,\n"
        "m3,energy on coal,E1,fuel_switch,process,,,100 MWh,,2026,1,20,1,no,0,0,0,USD,8 %,test\n"
    )
    path = scenario_dir(measures)
    with pytest.raises(InputError) as caught:
        load_scenario(path)
    found = {(p.row, p.column, p.code) for p in caught.value.problems}
    assert found == {
        (2, "effect", "effect_percent"),
        (3, "discount_rate", "rate_percent"),
        (4, "kind", "vocabulary"),
        (4, "start_year", "start_year"),
        (4, "source", "source_required"),
        (5, "effect", "effect_energy_kind"),
        (5, "id", "duplicate_id"),
    }
    assert all(p.file == str(path.parent / "measures.csv") for p in caught.value.problems)


def test_absolute_cut_beyond_the_source_is_refused(scenario_dir, registry) -> None:
    measures = "cc,capture,E1,carbon_capture,process,,,150000 t CO2,,2025,1,20,1,no,0,0,0,USD,8 %,test\n"
    with pytest.raises(InputError) as caught:
        projection_of(base_lines(), scenario_dir(measures), registry)
    assert codes(caught.value) == {("effect", "measure_below_zero")}
    # declared removals allow it (e.g. bioenergy with capture): 100,000 − 150,000 = −50,000 t
    measures = measures.replace(",no,", ",yes,")
    result = projection_of(base_lines(), scenario_dir(measures), registry)
    assert result.totals(["scope_1"]).loc[2030, "scenario"] == pytest.approx(-50_000.0)
    # a removal of more than twice the source (100,000 t) is not physical: −48 Mt on a 100 kt source is refused
    huge = measures.replace("150000 t CO2", "48000000 t CO2")
    with pytest.raises(InputError) as caught:
        projection_of(base_lines(), scenario_dir(huge), registry)
    assert codes(caught.value) == {("effect", "removal_implausible")}
    # a share above 100 % is no physical removal, even declared: the −48 Mt/yr a user once got this way is refused
    percent = "cc,capture,E1,carbon_capture,process,,,4800 %,,2025,1,20,1,yes,0,0,0,USD,8 %,test\n"
    with pytest.raises(InputError) as caught:
        projection_of(base_lines(), scenario_dir(percent), registry)
    assert codes(caught.value) == {("effect", "effect_percent")}
    assert "state removals as an amount in t CO2 per year" in caught.value.render()


def test_a_net_zero_target_is_at_least_90_percent(target_file) -> None:
    """SBTi Corporate Net-Zero Standard v1.2: net zero = at least 90 % cut by the target year."""
    path = target_file('kind = "net_zero"\nboundary = "park"\nscopes = ["scope_1"]\nreduction = "50 %"\nyear = 2050\n')
    with pytest.raises(InputError) as caught:
        load_target(path)
    assert codes(caught.value) == {("target.reduction", "net_zero_reduction")}
    assert "at least 90 %" in caught.value.render() and "ít nhất 90 %" in caught.value.render("vi")
    ok = target_file('kind = "net_zero"\nboundary = "park"\nscopes = ["scope_1"]\nreduction = "90 %"\nyear = 2050\n')
    assert load_target(ok).reduction == pytest.approx(0.9)


def test_target_boundary_and_scopes_must_match(scenario_dir, target_file, registry) -> None:
    result = projection_of(base_lines(), scenario_dir(), registry)
    park_target = load_target(
        target_file('kind = "absolute_contraction"\nboundary = "park"\nscopes = ["scope_1"]\nrate = "4.2 %"\n')
    )
    with pytest.raises(InputError) as caught:
        trajectory(park_target, result, "E1")
    assert codes(caught.value) == {("target.boundary", "boundary_park")}
    direct = target_file(
        'kind = "bau_milestones"\nboundary = "park"\nscopes = ["scope_1", "scope_2_location"]\n'
        '[[target.milestones]]\nsector = "energy"\nyear = 2030\nreduction = "32.6 %"\n',
        name="d.toml",
    )
    with pytest.raises(InputError) as caught:
        load_target(direct)
    assert codes(caught.value) == {("target.scopes", "scopes_direct_only")}
    both = target_file(
        'kind = "absolute_contraction"\nboundary = "park"\nscopes = ["scope_2_location", "scope_2_market"]\n'
        'rate = "4.2 %"\n',
        name="b.toml",
    )
    with pytest.raises(InputError) as caught:
        load_target(both)
    assert codes(caught.value) == {("target.scopes", "scopes_both_methods")}


# ---------------------------------------------------------------- outputs


def test_outputs_carry_provenance_and_are_never_overwritten(scenario_dir, registry, tmp_path) -> None:
    measures = "m1,first,E1,process_change,process,,,50 %,,2025,1,20,1,no,0,0,0,USD,8 %,test\n"
    result = projection_of(base_lines(), scenario_dir(measures), registry)
    files = pathway.run_files(result, "en")
    assert files == pathway.run_files(result, "en")  # same inputs, same bytes (charts included)
    out = tmp_path / "out"
    assert {s for _, s in fsutil.publish_files(out, files)} == {"written"}
    assert {s for _, s in fsutil.publish_files(out, files)} == {"unchanged"}
    table = pq.read_table(out / "test-projection.parquet")
    assert table.schema.equals(pathway_output.PROJECTION_SCHEMA.with_metadata(table.schema.metadata))
    meta = json.loads(table.schema.metadata[b"ghg"])
    assert meta["inventory_revisions"] == [
        {"enterprise": "E1", "year": 2023, "revision": 1},
        {"enterprise": "E1", "year": 2024, "revision": 1},
    ]
    # the scenario's files by name (no local path in a result), each with its SHA-256
    assert set(meta["scenario_files"]) == {"scenario.toml", "grid.csv", "drivers.csv", "measures.csv"}
    assert str(result.scenario.path.parent) not in json.dumps(meta)
    changed = projection_of(base_lines(), scenario_dir(measures.replace("50 %", "40 %")), registry)
    with pytest.raises(StoreError):
        fsutil.publish_files(out, pathway.run_files(changed, "en"))
    assert pq.read_table(out / "test-projection.parquet").equals(table)


def test_iamc_export_reads_in_pyam(scenario_dir, registry, tmp_path) -> None:
    pyam = pytest.importorskip("pyam")
    measures = "m1,first,E1,process_change,process,,,50 %,,2025,1,20,1,no,0,0,0,USD,8 %,test\n"
    result = projection_of(base_lines(), scenario_dir(measures), registry)
    _, data = pathway.iamc_bytes(result, "Park")
    path = tmp_path / "iamc.csv"
    path.write_bytes(data)
    frame = pyam.IamDataFrame(str(path))
    assert set(frame.scenario) == {"BAU", "test"}
    assert {"Park", "Park|E1"} <= set(frame.region)
    kyoto = "Emissions|Kyoto Gases (AR5-GWP100)|Scope 1"
    series = frame.filter(scenario="test", region="Park", variable=kyoto).timeseries()
    # actual 2024 100,000 t; 2030 after the 50 % measure: 50,000 t
    assert series[2024].iloc[0] == pytest.approx(100_000.0)
    assert series[2030].iloc[0] == pytest.approx(50_000.0)
    assert frame.filter(variable=kyoto).unit == ["t CO2-equiv/yr"]
    abated = frame.filter(variable="Abatement|Kyoto Gases (AR5-GWP100)|m1", year=2030).timeseries()
    assert abated.iloc[0][2030] == pytest.approx(50_000.0)
