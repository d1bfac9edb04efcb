"""Process emissions (IPCC 2006 Vol. 3): carbonates, carbon contents, carbon mass balances.

Sources: Table 2.1 (limestone 0.43971, dolomite 0.47732 t CO2/t), Eq. 2.14 (fraction calcined),
Table 4.3 (coke 0.83 t C/t), Table 4.6 (electrode paste 3.40 t CO2/t = 0.92727 t C/t), 44/12.
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

Run = Callable[[list[dict[str, object]]], pd.DataFrame]


@pytest.fixture
def run(write_csv: Callable[..., Path], factor_set: FactorSet) -> Run:
    return lambda rows: inventory.run([write_csv(rows)], "AR5", factor_set).lines


def process(activity: str, quantity: float, category: str = "2.A.4", **extra: object) -> dict[str, object]:
    return record(
        source_category="process", ipcc_category=category, activity=activity, quantity=quantity, unit="t", **extra
    )


def test_limestone_fully_calcined(run: Run) -> None:
    lines = run([process("limestone", 1000)])
    # 1,000 t x 0.43971 t CO2/t = 439.71 t CO2 (fraction calcined 1 when not given, Eq. 2.14)
    assert list(lines["gas"]) == ["CO2"]
    assert lines["mass_t"].iloc[0] == pytest.approx(439.71)
    assert lines["method"].iloc[0] == "process_carbonate"
    assert lines["factor_id"].iloc[0] == "ipcc2006.carbonate.limestone"
    assert lines["energy_tj"].iloc[0] == 0.0


def test_dolomite_partly_calcined(run: Run) -> None:
    lines = run([process("dolomite", 1000, fraction_calcined=0.9)])
    # 1,000 t x 0.47732 x 0.9 = 429.588 t CO2
    assert lines["mass_t"].iloc[0] == pytest.approx(429.588)
    assert lines["measured"].iloc[0] == "fraction_calcined"


def test_phosphate_rock_needs_its_measured_inorganic_carbon(run: Run) -> None:
    lines = run([process("phosphate_rock", 100_000, "2.B.10", carbon_content=0.002, carbon_content_unit="t C/t")])
    # 100,000 t x 0.002 t C/t x 44/12 = 733.333 t CO2
    assert lines["mass_t"].iloc[0] == pytest.approx(733.3333333)
    assert lines["tier"].iloc[0] == "measured"
    with pytest.raises(InputError, match="phosphate_rock has no default carbon content"):
        run([process("phosphate_rock", 100_000, "2.B.10")])


def furnace(**out: object) -> list[dict[str, object]]:
    """An illustrative yellow-phosphorus furnace balance (quantities are not a real plant's)."""

    def stream(activity: str, quantity: float, direction: str, **extra: object) -> dict[str, object]:
        return process(activity, quantity, "2.B.10", balance="furnace-1", direction=direction, **extra)

    return [
        stream("coke_oven_coke", 1500, "in"),
        stream("electrode_paste", 20, "in"),
        stream("off_gas", out.get("gas", 1600), "out", carbon_content=0.40, carbon_content_unit="t C/t"),
        stream("by_product", 100, "out", carbon_content=0.01, carbon_content_unit="t C/t"),
    ]


def test_carbon_mass_balance(run: Run) -> None:
    lines = run(furnace())
    # in: 1,500 t coke x 0.83 = 1,245 t C; 20 t paste x 0.92727 = 18.5454 t C
    # out: 1,600 t off-gas x 0.40 = 640 t C; 100 t ferrophosphorus x 0.01 = 1 t C
    # CO2 = (1,245 + 18.5454 - 640 - 1) x 44/12 = 622.5454 x 3.6667 = 2,282.6665 t
    assert lines["mass_t"].sum() == pytest.approx(2282.6665, rel=1e-7)
    assert (lines.loc[lines["activity"] == "off_gas", "mass_t"] < 0).all()  # carbon leaving the balance
    assert set(lines["method"]) == {"process_carbon_balance"}


def test_a_negative_balance_is_refused_naming_its_streams(run: Run) -> None:
    # 4,000 t off-gas x 0.40 = 1,600 t C out > 1,263.5454 t C in
    with pytest.raises(
        InputError,
        match=r"carbon out \(1,601.000 t C\) exceeds carbon in \(1,263.545 t C\).*"
        r"rows 2, 3, 4, 5",
    ):
        run(furnace(gas=4000))


@pytest.mark.parametrize(
    ("fields", "code"),
    [
        ({"balance": "b1"}, "balance_direction"),
        ({"direction": "in"}, "balance_direction"),
        ({"fraction_calcined": 1.5}, "fraction_range"),
        ({"fraction_calcined": 95}, "fraction_range"),
    ],
)
def test_bad_process_fields(
    write_csv: Callable[..., Path], factor_set: FactorSet, fields: dict[str, object], code: str
) -> None:
    with pytest.raises(InputError) as info:
        inventory.check([write_csv([process("limestone", 10, **fields)])], factor_set)
    assert code in {p.code for p in info.value.problems}


def test_fraction_and_carbon_content_only_where_they_apply(
    write_csv: Callable[..., Path], factor_set: FactorSet
) -> None:
    with pytest.raises(InputError) as info:
        inventory.check(
            [
                write_csv(
                    [
                        process("coke_oven_coke", 10, fraction_calcined=0.5),
                        process("limestone", 10, carbon_content=0.12, carbon_content_unit="t C/t"),
                    ]
                )
            ],
            factor_set,
        )
    assert [(p.row, p.code) for p in info.value.problems] == [
        (2, "fraction_not_applicable"),
        (3, "carbon_not_applicable"),
    ]


def test_process_totals_are_scope_1(write_csv: Callable[..., Path], factor_set: FactorSet) -> None:
    result = inventory.run([write_csv([process("limestone", 1000)])], "AR5", factor_set)
    totals = result.totals.set_index(["scope", "source_category", "gas"])["co2e_t"]
    assert totals[("scope_1", "process", "CO2")] == pytest.approx(439.71)
    assert result.summary["scope_1_t_co2e"].iloc[0] == pytest.approx(439.71)
