"""Values that are not official say so: the tier ``estimate``, and Vietnam's 2024-2025 grid estimates as a
release of their own that is used only when named.

Sources (release ``vn-grid-estimates-2024-2025``, from ``../shared/reference/vn_grid_ef_estimates.csv``): Lê Hải
Hưng et al., research estimates of Vietnam's grid emission factor, 0.6811 t CO2e/MWh for 2024 and 0.6235 for
2025 (generation mix x life-cycle factors, not the CDM Tool 07 combined margin of the official 2014-2023
values). Official 2023: 0.6592 t CO2/MWh (release ``vn-grid-2023``).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from ghg.core import inventory, releases
from ghg.core.errors import InputError
from ghg.core.factors import DEFAULT_RELEASES, FactorSet
from ghg.core.vocabulary import Tier

from .conftest import make_release

ESTIMATES = "vn-grid-estimates-2024-2025"


def _electricity(tmp_path: Path, year: int, mwh: float) -> Path:
    path = tmp_path / f"electricity-{year}.csv"
    pd.DataFrame(
        [
            {
                "enterprise": "E1",
                "facility": "site",
                "year": year,
                "source_category": "purchased_electricity",
                "activity": "grid_electricity",
                "quantity": mwh,
                "unit": "MWh",
            }
        ]
    ).to_csv(path, index=False)
    return path


def test_the_estimates_release_is_bundled_as_estimate_and_never_a_default() -> None:
    meta, _ = releases.verify(ESTIMATES)
    assert meta.tier is Tier.ESTIMATE and "not official" in (meta.note or "").lower()
    assert ESTIMATES not in DEFAULT_RELEASES


def test_a_year_without_an_official_factor_is_refused_unless_the_estimate_is_named(tmp_path: Path) -> None:
    path = _electricity(tmp_path, 2024, 1_000.0)
    with pytest.raises(InputError, match="no grid emission factor for grid_electricity in 2024"):
        inventory.run([path], "AR5", FactorSet.load(list(DEFAULT_RELEASES)))
    result = inventory.run([path], "AR5", FactorSet.load([*DEFAULT_RELEASES, ESTIMATES]))
    line = result.lines[result.lines["scope"] == "scope_2"].iloc[0]
    # 1,000 MWh x 0.6811 t/MWh (the 2024 research estimate) = 681.1 t, and the line says it is an estimate
    assert line["co2e_t"] == pytest.approx(681.1)
    assert (line["tier"], line["factor_release"], line["factor_id"]) == ("estimate", ESTIMATES, "vn.grid.estimate.2024")


def test_an_official_factor_wins_over_an_estimate_of_the_same_year(tmp_path: Path) -> None:
    other = make_release(
        tmp_path / "estimate-2023",
        [
            {
                "factor_id": "x.grid.2023",
                "parameter": "grid_emission_factor",
                "activity": "grid_electricity",
                "year": "2023",
                "gas": "CO2",
                "value": "0.9",
                "unit": "t CO2/MWh",
                "source_id": "s",
            }
        ],
        tier="estimate",
    )
    path = _electricity(tmp_path, 2023, 1_000.0)
    result = inventory.run([path], "AR5", FactorSet.load([*DEFAULT_RELEASES, str(other)]))
    line = result.lines[result.lines["scope"] == "scope_2"].iloc[0]
    # the official 2023 combined margin, 0.6592 t/MWh, not the estimate's 0.9: 1,000 x 0.6592 = 659.2 t
    assert line["co2e_t"] == pytest.approx(659.2) and line["tier"] == "national"


def test_the_example_parks_estimates_show_in_form06_and_the_report(park_store: Path) -> None:
    from ghg.reports import html, review

    from .conftest import PARK

    registry = PARK / "registry.csv"
    document = review.form06_document(park_store, registry, None, "DAP2-VINACHEM", "site", [2024, 2025], "en")
    part = document["part_III_results"]
    assert isinstance(part, dict)
    assert "2024: vn.grid.estimate.2024 (vn-grid-estimates-2024-2025)" in part["estimates"]
    assert "2025: vn.grid.estimate.2025" in part["estimates"] and part["estimates"].startswith("Not official")
    assert "estimate" in {m["tier"] for m in part["methods_and_factors"]}
    page = html.render(review.report_inputs(park_store, registry, None, None, "vi", samples=2_000), "vi")
    assert "vn-grid-estimates-2024-2025" in page and "ước tính nghiên cứu, không phải giá trị chính thức" in page
