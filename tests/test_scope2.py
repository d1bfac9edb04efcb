"""Scope 2, both methods: location-based (grid factor of the year) and market-based (contractual
instruments, grid factor fallback: Vietnam publishes no residual mix); purchased steam and heat.

Sources: grid factor 2023 = 0.6592 t CO2/MWh (DCC); GHG Protocol Scope 2 Guidance (2015); Circular
38/2023/TT-BCT App. II as corrected by Decision 334/QĐ-BCT (EF_steam = H / eta x EF_fuel / 10^9), with
the worked case H = 2,776 kJ/kg, eta = 0.85, EF = 74,100 kg/TJ -> 0.242 t CO2/t steam.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from ghg.core import inventory
from ghg.core.errors import InputError
from ghg.core.factors import FactorSet

from .conftest import record


def bought(mwh: float, **extra: object) -> dict[str, object]:
    return record(
        source_category="purchased_electricity", activity="grid_electricity", quantity=mwh, unit="MWh", **extra
    )


def test_market_based_with_a_ppa_and_certificates(write_csv: Callable[..., Path], factor_set: FactorSet) -> None:
    rows = [
        bought(1000, evidence="EVN bills"),
        bought(300, instrument="ppa", supplier_factor=0, supplier_factor_unit="t CO2/MWh", evidence="solar PPA"),
        bought(200, instrument="certificate", evidence="I-REC 2023"),
        bought(
            100,
            instrument="supplier_specific",
            supplier_factor=0.5,
            supplier_factor_unit="t CO2/MWh",
            evidence="contract",
        ),
    ]
    result = inventory.run([write_csv(rows)], "AR5", factor_set)
    summary = result.summary.iloc[0]
    # location: 1,000 MWh x 0.6592 = 659.2 t (instruments are claims, not consumption)
    assert summary["scope_2_location_t_co2e"] == pytest.approx(659.2)
    # market: 300 x 0 + 200 x 0 + 100 x 0.5 = 50 t; uncovered 1,000 - 600 = 400 MWh x 0.6592 = 263.68 t
    assert summary["scope_2_market_t_co2e"] == pytest.approx(313.68)
    market = result.lines[result.lines["scope"] == "scope_2_market"]
    assert market["mass_t"].sum() == pytest.approx(313.68)
    grid_line = market[market["method"] == "electricity_market_based"].iloc[0]
    assert grid_line["note"].startswith("60.0% covered by contractual instruments")
    assert set(market["method"]) == {"electricity_market_based", "electricity_market_instrument"}
    # energy counts the electricity bought once: 1,000 MWh = 3.6 TJ
    assert summary["energy_tj"] == pytest.approx(3.6)


def test_instruments_cannot_cover_more_than_was_bought(write_csv: Callable[..., Path], factor_set: FactorSet) -> None:
    rows = [bought(100), bought(150, instrument="certificate")]
    with pytest.raises(InputError, match=r"instruments cover 150.000 MWh but only 100.000 MWh were bought"):
        inventory.run([write_csv(rows)], "AR5", factor_set)
    with pytest.raises(InputError, match="needs its emission factor"):
        inventory.run([write_csv([bought(100), bought(50, instrument="ppa")])], "AR5", factor_set)


def steam(**extra: object) -> dict[str, object]:
    fields: dict[str, object] = {"supplier": "ACID-PLANT", "steam_enthalpy": 2776, "steam_enthalpy_unit": "kJ/kg"}
    fields.update(extra)
    return record(source_category="purchased_heat", activity="steam", quantity=1000, unit="t", **fields)


def test_steam_from_the_suppliers_fuel(write_csv: Callable[..., Path], factor_set: FactorSet) -> None:
    lines = inventory.run(
        [write_csv([steam(supplier_fuel="gas_diesel_oil", ipcc_category="1.A.2", boiler_efficiency=0.85)])],
        "AR5",
        factor_set,
    ).lines
    # 1,000 t x 2,776 kJ/kg = 2.776 TJ / 0.85 x 74,100 kg/TJ = 242.0 t CO2 (0.242 t CO2/t steam)
    location = lines[lines["scope"] == "scope_2"]
    assert location["mass_t"].sum() == pytest.approx(242.0, rel=1e-3)
    assert location["energy_tj"].iloc[0] == pytest.approx(2.776)
    assert lines[lines["scope"] == "scope_2_market"]["mass_t"].sum() == pytest.approx(location["mass_t"].sum())
    assert location["method"].iloc[0] == "heat_from_supplier_fuel"
    assert location["factor_id"].iloc[0] == "vn.qd2626.1.28"  # the supplier's diesel, national list 1.A.2


def test_steam_with_a_supplier_factor(write_csv: Callable[..., Path], factor_set: FactorSet) -> None:
    lines = inventory.run(
        [write_csv([steam(supplier_factor=0.25, supplier_factor_unit="t CO2/t")])], "AR5", factor_set
    ).lines
    # 1,000 t x 0.25 t CO2/t = 250 t
    location = lines[lines["scope"] == "scope_2"]
    assert location["mass_t"].sum() == pytest.approx(250.0)
    assert (location["method"].iloc[0], location["tier"].iloc[0]) == ("heat_supplier_factor", "measured")


def test_steam_needs_a_factor_and_on_site_energy_is_not_scope_2(
    write_csv: Callable[..., Path], factor_set: FactorSet
) -> None:
    with pytest.raises(InputError, match="needs the supplier's factor"):
        inventory.run([write_csv([steam()])], "AR5", factor_set)
    with pytest.raises(InputError, match="not Scope 2"):
        inventory.run(
            [write_csv([steam(supplier="E1", supplier_factor=0.2, supplier_factor_unit="t CO2/t")])], "AR5", factor_set
        )
