"""Fugitive gases: refrigerants and SF6 by top-up mass or mass balance, CO2e under each GWP set.

Sources: GWP-100 of the release gwp100-ar4-ar5-ar6 (globalwarmingpotentials): R-410A = 50% HFC-32 +
50% HFC-125 = 1,923.5 (AR5), 2,087.5 (AR4), 2,255.5 (AR6); SF6 23,500 (AR5). Mass balance as in IPCC
2006 Vol. 3 Ch. 7-8 and the GHG Protocol's refrigerant guidance.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from ghg.core import inventory
from ghg.core.errors import InputError
from ghg.core.factors import FactorSet

from .conftest import record


def gas(activity: str, kg: float, category: str = "2.F.1", **extra: object) -> dict[str, object]:
    return record(
        source_category="fugitive", ipcc_category=category, activity=activity, quantity=kg, unit="kg", **extra
    )


@pytest.mark.parametrize(("gwp_set", "expected"), [("AR4", 20.875), ("AR5", 19.235), ("AR6", 22.555)])
def test_refrigerant_top_up(
    write_csv: Callable[..., Path], factor_set: FactorSet, gwp_set: str, expected: float
) -> None:
    result = inventory.run([write_csv([gas("R-410A", 10)])], gwp_set, factor_set)
    # 10 kg = 0.01 t x blend GWP (AR4 2,087.5; AR5 1,923.5; AR6 2,255.5)
    (line,) = result.lines.itertuples()
    assert (line.gas, line.mass_t, line.method) == ("R-410A", pytest.approx(0.01), "fugitive_top_up")
    assert line.co2e_t == pytest.approx(expected)
    assert result.summary["scope_1_t_co2e"].iloc[0] == pytest.approx(expected)
    totals = result.totals.set_index(["source_category", "gas"])["co2e_t"]
    assert totals[("fugitive", "R-410A")] == pytest.approx(expected)


def sf6(start: float, end: float) -> list[dict[str, object]]:
    def row(kg: float, direction: str, what: str) -> dict[str, object]:
        return gas("SF6", kg, "2.G.1", facility="substation", balance="sf6-2023", direction=direction, evidence=what)

    return [
        row(start, "in", "stock 1 Jan"),
        row(10, "in", "purchases"),
        row(end, "out", "stock 31 Dec"),
        row(2, "out", "recovered at servicing"),
    ]


def test_sf6_mass_balance(write_csv: Callable[..., Path], factor_set: FactorSet) -> None:
    result = inventory.run([write_csv(sf6(120, 115))], "AR5", factor_set)
    # released = 120 + 10 - 115 - 2 = 13 kg = 0.013 t x 23,500 = 305.5 t CO2e
    assert result.lines["mass_t"].sum() == pytest.approx(0.013)
    assert result.lines["co2e_t"].sum() == pytest.approx(305.5)
    assert set(result.lines["method"]) == {"fugitive_mass_balance"}


def test_a_negative_gas_balance_is_refused(write_csv: Callable[..., Path], factor_set: FactorSet) -> None:
    # out 140 + 2 = 142 kg > in 120 + 10 = 130 kg
    with pytest.raises(InputError, match=r"gas out \(0.142 t\) exceeds gas in \(0.130 t\).*rows 2, 3, 4, 5"):
        inventory.run([write_csv(sf6(120, 140))], "AR5", factor_set)


def test_unknown_gas_and_gas_missing_from_the_set(write_csv: Callable[..., Path], factor_set: FactorSet) -> None:
    with pytest.raises(InputError, match="not a gas of the GWP release"):
        inventory.run([write_csv([gas("R-22x", 1)])], "AR5", factor_set)
    # fossil methane has no AR4 value in the release
    with pytest.raises(InputError, match="CH4_fossil has no GWP in the chosen set"):
        inventory.run([write_csv([gas("CH4_fossil", 1, "1.B.2")])], "AR4", factor_set)
    assert inventory.run([write_csv([gas("CH4_fossil", 1000, "1.B.2")])], "AR6", factor_set).lines[
        "co2e_t"
    ].sum() == pytest.approx(29.8)  # 1 t x 29.8 (AR6 Table 7.15)
