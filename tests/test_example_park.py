"""The bundled example park runs end to end and its numbers are of a plausible order for its capacities."""

from __future__ import annotations

import pytest

from ghg.core import inventory
from ghg.core.factors import DEFAULT_RELEASES, FactorSet

from .conftest import ROOT

PARK = ROOT / "examples" / "tang-loong"


@pytest.fixture(scope="module")
def park() -> inventory.InventoryResult:
    factors = FactorSet.load(
        [
            *DEFAULT_RELEASES,
            str(PARK / "factors" / "park-furnace-gas-2026"),
            "vn-grid-estimates-2024-2025",
        ]
    )
    return inventory.run(sorted((PARK / "activity").glob("*.csv")), "AR5", factors)


def test_every_enterprise_and_year(park: inventory.InventoryResult) -> None:
    assert park.summary["enterprise"].nunique() >= 12
    assert sorted(park.summary["year"].unique()) == list(range(2019, 2026))
    sources = set(park.lines["source_category"])
    assert sources == {
        "stationary_combustion",
        "mobile_combustion",
        "process",
        "fugitive",
        "purchased_electricity",
        "purchased_heat",
    }
    methods = set(park.lines["method"])
    assert {
        "process_carbon_balance",
        "process_carbon_content",
        "electricity_market_instrument",
        "electricity_market_based",
        "fugitive_top_up",
        "combustion_volume",
        "combustion_normal_volume",
    } <= methods


@pytest.mark.parametrize(
    ("product", "low", "high"),
    [
        # P4: process 4.0-5.2 t CO2/t (coke) + 13-15.5 MWh/t x 0.66-0.92 t/MWh (process_intensities.csv)
        ("P4", 10.0, 20.0),
        ("cathode_copper", 1.0, 3.0),  # context: 1-9, mine-to-metal average 2.6 t CO2e/t
        ("steel_billet", 1.2, 2.5),  # BF-BOF 2.0-2.3 with coke making; IPCC Tier 1 BOF 1.46
    ],
)
def test_intensities_are_plausible(park: inventory.InventoryResult, product: str, low: float, high: float) -> None:
    single = park.intensities[(park.intensities["product"] == product) & (park.intensities["products"] == 1)]
    values = single["t_co2e_per_t"]
    assert len(values) and values.between(low, high).all(), values.describe()


def test_furnace_gas_moves_emissions_from_p3_to_apromaco(park: inventory.InventoryResult) -> None:
    p4 = park.intensities[(park.intensities["product"] == "P4") & (park.intensities["year"] == 2023)]
    by_enterprise = p4.set_index("enterprise")["t_co2e_per_t"]
    assert by_enterprise["P3-DNA"] < by_enterprise["P1-LAOCAI"]  # carbon leaves P3's balance with the gas
    gas = park.lines[park.lines["activity"] == "p4_furnace_gas"]
    assert set(gas["enterprise"]) == {"APROMACO"} and gas["year"].min() == 2021


def test_market_based_differs_only_where_instruments_exist(park: inventory.InventoryResult) -> None:
    s = park.summary.set_index(["enterprise", "year"])
    diff = s["scope_2_location_t_co2e"] - s["scope_2_market_t_co2e"]
    changed = set(diff[diff.abs() > 1e-6].index)
    assert changed == (
        {("DAP2-VINACHEM", y) for y in (2023, 2024, 2025)}
        | {("DUCGIANG-LC", y) for y in (2024, 2025)}
        | {("P1-LAOCAI", y) for y in (2022, 2023, 2024, 2025)}
    )


def test_the_years_without_an_official_grid_factor_carry_the_estimate_tier(park: inventory.InventoryResult) -> None:
    # 2024-2025: the research estimates 0.6811 and 0.6235 t CO2/MWh (tier 'estimate'); 2019-2023 the official
    # combined margin (tier 'national', 2023: 0.6592). Each line's CO2 per MWh is its year's factor.
    grid = park.lines[(park.lines["activity"] == "grid_electricity") & (park.lines["scope"] == "scope_2")]
    grid = grid[grid["unit"] == "MWh"]
    per_mwh = (grid["co2e_t"] / grid["quantity"]).groupby(grid["year"]).agg(["min", "max"])
    tiers = grid.groupby("year")["tier"].agg(lambda t: set(t))
    for year, factor, tier in ((2023, 0.6592, "national"), (2024, 0.6811, "estimate"), (2025, 0.6235, "estimate")):
        assert per_mwh.loc[year, "min"] == pytest.approx(factor) and per_mwh.loc[year, "max"] == pytest.approx(factor)
        assert tiers[year] == {tier}
    assert all(tiers[y] == {"national"} for y in range(2019, 2024))
