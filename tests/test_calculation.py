"""Each calculation method against published values, derived by hand in each test.

Sources: IPCC 2006 Vol. 2 Table 1.2 (NCV), Table 1.4 (CO2), Table 2.3 (stationary CH4/N2O in
1.A.2), Table 3.3.1 (off-road); Vietnam's 2023 grid factor 0.6592 t CO2/MWh (DCC); GWP-100
AR5 (CH4 28, N2O 265); MOIT Letter 3505/BCT-KHCN (0.0001543 TOE/kWh); TCVN 8064:2015.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest

from ghg.core import inventory
from ghg.core.errors import InputError
from ghg.core.factors import FactorSet

from .conftest import record

Run = Callable[..., pd.DataFrame]


@pytest.fixture
def run(write_csv: Callable[..., Path], factor_set: FactorSet) -> Run:
    def _run(rows: list[dict[str, object]], gwp_set: str = "AR5", factors: FactorSet | None = None) -> pd.DataFrame:
        return inventory.run([write_csv(rows)], gwp_set, factors or factor_set).lines

    return _run


def _gas(lines: pd.DataFrame, gas: str) -> pd.Series:
    return lines[lines["gas"] == gas].iloc[0]


def diesel_boiler(**extra: object) -> dict[str, object]:
    return record(source_category="stationary_combustion", ipcc_category="1.A.2", activity="gas_diesel_oil", **extra)


def test_one_tonne_of_diesel_in_a_boiler(run: Run) -> None:
    lines = run([diesel_boiler(quantity=1, unit="t")])
    # 1 t = 0.001 Gg x 43.0 TJ/Gg = 0.043 TJ
    co2, ch4, n2o = _gas(lines, "CO2"), _gas(lines, "CH4"), _gas(lines, "N2O")
    assert co2["energy_tj"] == pytest.approx(0.043)
    # CO2: 0.043 TJ x 74,100 kg/TJ = 3,186.3 kg
    assert co2["mass_t"] * 1000 == pytest.approx(3186.3)
    # CH4: 0.043 x 3 kg/TJ = 0.129 kg; N2O: 0.043 x 0.6 kg/TJ = 0.0258 kg (Table 2.3, 1.A.2)
    assert ch4["mass_t"] * 1000 == pytest.approx(0.129)
    assert n2o["mass_t"] * 1000 == pytest.approx(0.0258)
    # CO2e AR5: 3,186.3 + 0.129 x 28 + 0.0258 x 265 = 3,186.3 + 3.612 + 6.837 = 3,196.749 kg
    assert lines["co2e_t"].sum() * 1000 == pytest.approx(3196.749)
    assert set(lines["gwp_set"]) == {"AR5"}
    # national list (Decision 2626, 1.A.2 diesel) gives the same values and outranks the IPCC default
    assert set(lines["tier"]) == {"national"}
    assert co2["factor_id"] == "vn.qd2626.1.28"


def test_ar4_and_ar6_change_only_the_non_co2_gases(run: Run) -> None:
    ar4 = run([diesel_boiler(quantity=1, unit="t")], "AR4")["co2e_t"].sum() * 1000
    ar6 = run([diesel_boiler(quantity=1, unit="t")], "AR6")["co2e_t"].sum() * 1000
    # AR4: 3,186.3 + 0.129 x 25 + 0.0258 x 298 = 3,186.3 + 3.225 + 7.6884 = 3,197.2134 kg
    # AR6: 3,186.3 + 0.129 x 27.9 + 0.0258 x 273 = 3,186.3 + 3.5991 + 7.0434 = 3,196.9425 kg
    assert ar4 == pytest.approx(3197.2134)
    assert ar6 == pytest.approx(3196.9425)


def test_grid_electricity_2023_location_based(run: Run) -> None:
    lines = run(
        [record(source_category="purchased_electricity", activity="grid_electricity", quantity=1000, unit="MWh")]
    )
    # 1,000 MWh x 0.6592 t CO2/MWh (Vietnam 2023 grid factor) = 659.2 t CO2; CO2 only
    assert list(lines["gas"]) == ["CO2", "CO2"]
    location, market = lines[lines["scope"] == "scope_2"].iloc[0], lines[lines["scope"] == "scope_2_market"].iloc[0]
    assert location["mass_t"] == pytest.approx(659.2)
    assert location["method"] == "electricity_location_based"
    # no contractual instrument: market-based falls back to the grid factor, and says why
    assert market["mass_t"] == pytest.approx(659.2)
    assert "no residual mix" in market["note"]
    lines = location.to_frame().T
    # TOE by MOIT's primary-energy convention: 1,000,000 kWh x 0.0001543 = 154.3 TOE (not 86.0 physical)
    assert lines["energy_toe"].iloc[0] == pytest.approx(154.3)
    # physical energy: 1,000 MWh x 0.0036 TJ/MWh = 3.6 TJ
    assert lines["energy_tj"].iloc[0] == pytest.approx(3.6)


def test_moit_threshold_6_48_gwh_is_1000_toe(run: Run) -> None:
    lines = run(
        [record(source_category="purchased_electricity", activity="grid_electricity", quantity=6.48, unit="GWh")]
    )
    # 6,480,000 kWh x 0.0001543 TOE/kWh = 999.864 TOE (Decree 06 threshold: 1,000 TOE)
    assert lines["energy_toe"].iloc[0] == pytest.approx(999.864)


def test_diesel_by_volume_uses_the_cited_density(run: Run) -> None:
    lines = run([diesel_boiler(quantity=1000, unit="L")])
    # 1,000 L = 1 m3 x 0.84 t/m3 (TCVN 8064:2015 midpoint) = 0.84 t x 0.043 TJ/t = 0.03612 TJ x 74,100 = 2,676.492 kg
    assert _gas(lines, "CO2")["mass_t"] * 1000 == pytest.approx(2676.492)
    assert _gas(lines, "CO2")["method"] == "combustion_volume"


def test_measured_density_and_ncv_override_defaults(run: Run) -> None:
    lines = run([diesel_boiler(quantity=1000, unit="L", density=0.85, density_unit="kg/L", ncv=42.7, ncv_unit="MJ/kg")])
    # 1 m3 x 0.85 t/m3 = 0.85 t x 42.7 GJ/t = 36.295 GJ = 0.036295 TJ x 74,100 = 2,689.4595 kg CO2
    co2 = _gas(lines, "CO2")
    assert co2["mass_t"] * 1000 == pytest.approx(2689.4595)
    assert co2["measured"] == "ncv,density"
    assert co2["tier"] == "national"  # the emission factor itself is still the national one


def test_measured_carbon_content_replaces_the_co2_factor(run: Run) -> None:
    lines = run(
        [
            record(
                source_category="stationary_combustion",
                ipcc_category="1.A.2",
                activity="anthracite",
                quantity=100,
                unit="t",
                ncv=24.2,
                ncv_unit="MJ/kg",
                carbon_content=26.0,
                carbon_content_unit="kg C/GJ",
            )
        ]
    )
    # energy 100 t x 24.2 GJ/t = 2,420 GJ = 2.42 TJ; EF = 26.0 kg C/GJ x 44/12 = 95.333 t CO2/TJ
    # CO2 = 2.42 x 95.3333 = 230.7067 t (Tier 3)
    co2 = _gas(lines, "CO2")
    assert co2["mass_t"] == pytest.approx(2.42 * 26.0 * 44 / 12)
    assert co2["tier"] == "measured"
    # CH4 from the national 1.A.2 anthracite factor 10 kg/TJ: 2.42 x 10 = 24.2 kg
    assert _gas(lines, "CH4")["mass_t"] == pytest.approx(0.0242)


def test_gross_energy_is_converted_to_net(run: Run) -> None:
    lines = run(
        [
            record(
                source_category="stationary_combustion",
                ipcc_category="1.A.2",
                activity="natural_gas",
                quantity=100,
                unit="GJ",
                energy_basis="gross",
            )
        ]
    )
    # 100 GJ gross x 0.90 (NCV ~10% below GCV for natural gas, IPCC 2006 V2 Ch1) = 90 GJ = 0.09 TJ
    # CO2 = 0.09 TJ x 56,100 kg/TJ = 5,049 kg
    assert _gas(lines, "CO2")["mass_t"] * 1000 == pytest.approx(5049.0)
    net = run(
        [
            record(
                source_category="stationary_combustion",
                ipcc_category="1.A.2",
                activity="natural_gas",
                quantity=90,
                unit="GJ",
                energy_basis="net",
            )
        ]
    )
    assert net["co2e_t"].sum() == pytest.approx(lines["co2e_t"].sum())


def test_natural_gas_in_nm3_with_measured_ncv(run: Run) -> None:
    lines = run(
        [
            record(
                source_category="stationary_combustion",
                ipcc_category="1.A.2",
                activity="natural_gas",
                quantity=10_000,
                unit="Nm3",
                ncv="37.6830",  # 37.683 alone would be ambiguous (37,683 in Vietnamese writing): see test_validation
                ncv_unit="MJ/Nm3",
            )
        ]
    )
    # 10,000 Nm3 x 37.683 MJ/Nm3 = 376.83 GJ = 0.37683 TJ x 56,100 kg/TJ = 21,140.163 kg CO2
    assert _gas(lines, "CO2")["mass_t"] * 1000 == pytest.approx(21140.163)


def test_off_road_diesel_uses_the_off_road_n2o_factor(run: Run) -> None:
    lines = run(
        [
            record(
                source_category="mobile_combustion",
                ipcc_category="1.A.2.g.vii",
                activity="gas_diesel_oil",
                quantity=1,
                unit="t",
            )
        ]
    )
    # Table 3.3.1 industry off-road diesel: N2O 28.6 kg/TJ (about 48x the stationary 0.6) x 0.043 TJ = 1.2298 kg
    n2o = _gas(lines, "N2O")
    assert n2o["mass_t"] * 1000 == pytest.approx(1.2298)
    assert n2o["factor_id"] == "ipcc2006.ef.n2o.1.A.2.g.vii.gas_diesel_oil"
    assert n2o["tier"] == "default"


def test_biomass_co2_is_a_memo_item(run: Run) -> None:
    lines = run(
        [
            record(
                source_category="stationary_combustion",
                ipcc_category="1.A.2",
                activity="wood_wood_waste",
                quantity=100,
                unit="t",
            )
        ]
    )
    # 100 t x 15.6 TJ/Gg = 1.56 TJ; CO2 1.56 x 112,000 kg/TJ = 174.72 t biogenic (memo, outside CO2e)
    co2 = _gas(lines, "CO2")
    assert co2["scope"] == "memo_biogenic"
    assert co2["mass_t"] == pytest.approx(174.72)
    assert co2["co2e_t"] == 0.0
    # CH4 30 kg/TJ and N2O 4 kg/TJ (Decision 2626 1.A.2 biomass / IPCC Table 2.3) count in Scope 1:
    # 1.56 x 30 = 46.8 kg CH4 x 28 = 1.3104 t; 1.56 x 4 = 6.24 kg N2O x 265 = 1.6536 t CO2e
    assert lines["co2e_t"].sum() == pytest.approx(1.3104 + 1.6536)


def test_road_gasoline_without_national_factor_needs_a_technology(write_csv: Callable[..., Path]) -> None:
    ipcc_only = FactorSet.load(["ipcc-2006-energy", "gwp100-ar4-ar5-ar6"])
    path = write_csv(
        [
            record(
                source_category="mobile_combustion",
                ipcc_category="1.A.3.b",
                activity="motor_gasoline",
                quantity=1,
                unit="t",
            )
        ]
    )
    with pytest.raises(
        InputError,
        match="fill the technology column with one of low_mileage_ldv_1995, oxidation_catalyst, uncontrolled",
    ):
        inventory.run([path], "AR5", ipcc_only)
    path = write_csv(
        [
            record(
                source_category="mobile_combustion",
                ipcc_category="1.A.3.b",
                activity="motor_gasoline",
                technology="oxidation_catalyst",
                quantity=1,
                unit="t",
            )
        ]
    )
    lines = inventory.run([path], "AR5", ipcc_only).lines
    # 1 t x 44.3 TJ/Gg = 0.0443 TJ x 25 kg CH4/TJ (Table 3.2.2, oxidation catalyst) = 1.1075 kg
    assert _gas(lines, "CH4")["mass_t"] * 1000 == pytest.approx(1.1075)


def test_a_year_without_grid_factor_is_an_error_not_a_fallback(
    write_csv: Callable[..., Path], factor_set: FactorSet
) -> None:
    path = write_csv(
        [
            record(
                year=2024, source_category="purchased_electricity", activity="grid_electricity", quantity=1, unit="MWh"
            )
        ]
    )
    with pytest.raises(InputError, match="no grid emission factor for grid_electricity in 2024"):
        inventory.run([path], "AR5", factor_set)


def test_totals_by_enterprise_year_scope_category_gas(write_csv: Callable[..., Path], factor_set: FactorSet) -> None:
    result = inventory.run(
        [
            write_csv(
                [
                    diesel_boiler(quantity=1, unit="t"),
                    record(
                        source_category="purchased_electricity", activity="grid_electricity", quantity=1000, unit="MWh"
                    ),
                ]
            )
        ],
        "AR5",
        factor_set,
    )
    totals = result.totals.set_index(["scope", "gas"])["co2e_t"]
    assert totals[("scope_2", "CO2")] == pytest.approx(659.2)
    assert totals[("scope_1", "CO2")] == pytest.approx(3.1863)
    summary = result.summary.iloc[0]
    assert summary["total_t_co2e"] == pytest.approx(659.2 + 3.196749)


def test_measured_oxidation_factor_scales_co2(run: Run) -> None:
    lines = run([diesel_boiler(quantity=1, unit="t", oxidation_factor=0.99)])
    # 3,186.3 kg CO2 (oxidation 1, IPCC Table 1.4) x 0.99 = 3,154.437 kg; CH4 and N2O unchanged
    co2 = _gas(lines, "CO2")
    assert co2["mass_t"] * 1000 == pytest.approx(3154.437)
    assert co2["measured"] == "oxidation_factor"
    assert _gas(lines, "CH4")["mass_t"] * 1000 == pytest.approx(0.129)


def test_oxidation_factor_only_for_combustion(write_csv: Callable[..., Path], factor_set: FactorSet) -> None:
    path = write_csv(
        [
            record(
                source_category="purchased_electricity",
                activity="grid_electricity",
                quantity=1,
                unit="MWh",
                oxidation_factor=0.98,
            )
        ]
    )
    with pytest.raises(InputError, match="oxidation factor applies only to fuel combustion"):
        inventory.run([path], "AR5", factor_set)


def test_intensity_per_tonne_of_product(write_csv: Callable[..., Path], factor_set: FactorSet) -> None:
    rows = [
        diesel_boiler(quantity=1, unit="t"),
        record(source_category="production", activity="P4", quantity=10, unit="t", evidence="production log"),
    ]
    result = inventory.run([write_csv(rows)], "AR5", factor_set)
    (row,) = result.intensities.itertuples()
    # 3,196.749 kg CO2e (1 t diesel, AR5) / 10 t of product = 0.3196749 t CO2e/t
    assert row.t_co2e_per_t == pytest.approx(0.3196749)
    # 1 t diesel x 1.02 TOE/t (MOIT) / 10 t = 0.102 TOE/t
    assert row.toe_per_t == pytest.approx(0.102)
    assert row.products == 1
    # production records carry no emissions
    assert len(result.lines) == 3
    with pytest.raises(InputError, match="production record is a mass of product"):
        inventory.run(
            [
                write_csv(
                    [
                        diesel_boiler(quantity=1, unit="t"),
                        record(source_category="production", activity="P4", quantity=10, unit="MWh"),
                    ]
                )
            ],
            "AR5",
            factor_set,
        )
