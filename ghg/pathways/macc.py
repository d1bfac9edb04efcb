"""Marginal abatement cost curve: measures ordered by levelised cost per tonne abated.

A measure's levelised cost of abatement in a year is its annualised cost over that year's abatement::

    cost = (capex × CRF(r, n) + opex − savings) / abatement          [currency / t CO2e]
    CRF(r, n) = r (1 + r)^n / ((1 + r)^n − 1)                         (r = 0: 1 / n)

with the capital recovery factor CRF of the discount rate r over the lifetime n [yr]. Costs are stated at
full effect; in a year when a measure is still ramping up, its yearly cost is taken in proportion to the
share of the full effect it has reached. With constant
yearly costs and abatement this equals discounted costs over discounted abatement. The abatement is
the projection's, so measures acting on the same stream count only what the measures before them left
(two 50 % cuts abate 50 % and 25 %). Negative cost means the measure saves money.

References
----------
McKinsey & Company (2009), Pathways to a Low-Carbon Economy, Exhibit 6 and its methodology appendix;
Kesicki & Ekins (2012), Marginal abatement cost curves: a call for caution, Climate Policy 12(2).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ghg.core.errors import InputError, Problem
from ghg.pathways.projection import TARGET_SCOPES, Projection

COLUMNS = [
    "measure",
    "name",
    "kind",
    "enterprises",
    "abatement_t_co2e",
    "annual_cost",
    "cost_per_t_co2e",
    "currency",
    "from_t_co2e",
    "to_t_co2e",
]


def capital_recovery_factor(rate: float, lifetime: int) -> float:
    """CRF(r, n) [1/yr]: the yearly payment that repays 1 over ``lifetime`` years at ``rate``."""
    if rate == 0:
        return 1.0 / lifetime
    grow = (1.0 + rate) ** lifetime
    return rate * grow / (grow - 1.0)


def levelised_cost(
    capex: float, opex_per_year: float, savings_per_year: float, rate: float, lifetime: int, abatement_t: float
) -> float:
    """Levelised cost of abatement [currency / t CO2e] (see the module's formula)."""
    annual = capex * capital_recovery_factor(rate, lifetime) + opex_per_year - savings_per_year
    return annual / abatement_t


def curve(
    projection: Projection, year: int, enterprise: str | None = None, scope_2: str = "location"
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The MACC of ``year`` for the park (``enterprise=None``) or one enterprise.

    Abatement counts Scope 1 and Scope 2 by ``scope_2`` (``location`` or ``market``). For one enterprise
    a measure shared by several enterprises carries its cost in proportion to that enterprise's abatement.

    Returns
    -------
    (curve, left_out)
        The measures with abatement in ``year``, cheapest first, with their cumulative span [t CO2e];
        and the measures left out with the reason.

    Raises
    ------
    InputError
        The measures in the curve are costed in different currencies, or the year is not projected.
    """
    scenario = projection.scenario
    if not scenario.base_year < year <= scenario.horizon:
        raise InputError(
            [
                Problem(
                    str(scenario.path),
                    None,
                    "year",
                    str(year),
                    "macc_year",
                    params={"first": scenario.base_year + 1, "last": scenario.horizon},
                )
            ]
        )
    scopes = ["scope_1", TARGET_SCOPES[f"scope_2_{scope_2}"]]
    rows = projection.abatement[(projection.abatement["year"] == year) & projection.abatement["scope"].isin(scopes)]
    total = rows.groupby("measure")["abated_t_co2e"].sum()
    mine = rows[rows["enterprise"] == enterprise] if enterprise else rows
    abated = mine.groupby("measure")["abated_t_co2e"].sum()
    kept, left = [], []
    for measure in scenario.measures:
        if enterprise and enterprise not in measure.enterprises:
            continue
        amount = float(abated.get(measure.id, 0.0))
        if amount <= 0:
            reason = "not_started" if year < measure.start_year else "no_abatement"
            left.append({"measure": measure.id, "name": measure.name, "reason": reason})
            continue
        share = amount / float(total[measure.id]) if enterprise else 1.0
        # costs are stated at full effect: a measure still ramping up carries the share it has reached
        share *= float(measure.ramp(np.array([year]))[0])
        annual = share * (
            measure.capex * capital_recovery_factor(measure.discount_rate, measure.lifetime_years)
            + measure.opex_per_year
            - measure.savings_per_year
        )
        kept.append(
            {
                "measure": measure.id,
                "name": measure.name,
                "kind": measure.kind,
                "enterprises": ";".join(measure.enterprises),
                "abatement_t_co2e": amount,
                "annual_cost": annual,
                "cost_per_t_co2e": annual / amount,
                "currency": measure.currency,
                "row": measure.row,
            }
        )
    frame = pd.DataFrame(kept, columns=[*COLUMNS[:8], "row"])
    currencies = sorted(set(frame["currency"]))
    if len(currencies) > 1:
        raise InputError(
            [
                Problem(scenario.measures_path, int(r), "currency", c, "currency_mixed", params={"found": currencies})
                for r, c in zip(frame["row"], frame["currency"], strict=True)
            ]
        )
    frame = frame.drop(columns="row").sort_values(["cost_per_t_co2e", "measure"]).reset_index(drop=True)
    ends = np.cumsum(frame["abatement_t_co2e"].to_numpy())
    frame["from_t_co2e"] = ends - frame["abatement_t_co2e"].to_numpy()
    frame["to_t_co2e"] = ends
    return frame[COLUMNS], pd.DataFrame(left, columns=["measure", "name", "reason"])
