"""Factor resolution (Circular 38/2023/TT-BCT Art. 18): measured > national > IPCC default, no year fallback."""

from __future__ import annotations

from pathlib import Path

import pytest

from ghg.core.errors import FactorConflict, GwpError
from ghg.core.factors import FactorSet

from .conftest import make_release


def test_national_list_outranks_the_ipcc_default(factor_set: FactorSet) -> None:
    # Decision 2626 row 1.25: anthracite in 1.A.2, CO2 98,300 kg/TJ (= IPCC Table 1.4) -> national tier
    r = factor_set.resolve("emission_factor", "anthracite", "CO2", "1.A.2.c", year=2023)
    assert r is not None and r.tier.value == "national" and r.factor_id == "vn.qd2626.1.25"
    assert r.value == pytest.approx(98.3)  # t CO2/TJ
    # lignite is not on the national list: the IPCC default applies (101,000 kg/TJ)
    r = factor_set.resolve("emission_factor", "lignite", "CO2", "1.A.2", year=2023)
    assert r is not None and r.tier.value == "default" and r.value == pytest.approx(101.0)


def test_a_measured_release_outranks_the_national_list(tmp_path: Path) -> None:
    lab = make_release(
        tmp_path / "plant-lab",
        tier="measured",
        rows=[
            {
                "factor_id": "lab.co2",
                "parameter": "emission_factor",
                "activity": "anthracite",
                "gas": "CO2",
                "value": "96500",
                "unit": "kg CO2/TJ",
                "source_id": "s",
            }
        ],
    )
    factors = FactorSet.load(["ipcc-2006-energy", "vn-qd2626-2022", str(lab), "gwp100-ar4-ar5-ar6"])
    r = factors.resolve("emission_factor", "anthracite", "CO2", "1.A.2", year=2023)
    assert r is not None and r.tier.value == "measured" and r.value == pytest.approx(96.5)


def test_the_closer_category_wins_over_the_tier(factor_set: FactorSet) -> None:
    # off-road machinery (1.A.2.g.vii, IPCC Table 3.3.1) is another source than boilers (1.A.2, national list)
    r = factor_set.resolve("emission_factor", "gas_diesel_oil", "N2O", "1.A.2.g.vii", year=2023)
    assert r is not None and r.value == pytest.approx(0.0286)  # 28.6 kg/TJ
    r = factor_set.resolve("emission_factor", "gas_diesel_oil", "N2O", "1.A.2.c", year=2023)
    assert r is not None and r.value == pytest.approx(0.0006)  # 0.6 kg/TJ


def test_no_fallback_to_another_year(factor_set: FactorSet) -> None:
    assert factor_set.resolve("grid_emission_factor", "grid_electricity", "CO2", year=2023) is not None
    assert factor_set.resolve("grid_emission_factor", "grid_electricity", "CO2", year=2024) is None
    assert factor_set.resolve("grid_emission_factor", "grid_electricity", "CO2", year=2013) is None


def test_two_releases_of_one_tier_with_the_same_key_conflict(tmp_path: Path) -> None:
    grid = make_release(
        tmp_path / "other-grid",
        tier="national",
        rows=[
            {
                "factor_id": "x.2023",
                "parameter": "grid_emission_factor",
                "activity": "grid_electricity",
                "year": "2023",
                "gas": "CO2",
                "value": "0.7",
                "unit": "t CO2/MWh",
                "source_id": "s",
            }
        ],
    )
    with pytest.raises(FactorConflict, match=r"vn-grid-2023 .* and other-grid"):
        FactorSet.load(["vn-grid-2023", str(grid), "gwp100-ar4-ar5-ar6"])


def test_a_user_release_can_supply_a_missing_year(tmp_path: Path) -> None:
    grid = make_release(
        tmp_path / "vn-grid-2024-provisional",
        tier="national",
        rows=[
            {
                "factor_id": "p.2024",
                "parameter": "grid_emission_factor",
                "activity": "grid_electricity",
                "year": "2024",
                "gas": "CO2",
                "value": "0.65",
                "unit": "t CO2/MWh",
                "source_id": "s",
            }
        ],
    )
    factors = FactorSet.load(["vn-grid-2023", str(grid), "gwp100-ar4-ar5-ar6"])
    r = factors.resolve("grid_emission_factor", "grid_electricity", "CO2", year=2024)
    assert r is not None and r.release == "vn-grid-2024-provisional"
    # 0.65 t/MWh = 0.65 / 0.0036 TJ/MWh = 180.56 t/TJ (canonical)
    assert r.value == pytest.approx(0.65 / 0.0036)


def test_gwp_sets_are_named(factor_set: FactorSet) -> None:
    assert factor_set.gwp_values("AR5")["CH4"] == 28.0
    assert factor_set.gwp_values("AR6")["N2O"] == 273.0
    with pytest.raises(GwpError, match=r"unknown GWP set 'SAR'"):
        factor_set.gwp_values("SAR")
