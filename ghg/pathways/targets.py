"""Targets as data files, their trajectories, and the gap between a projection and a target.

Kinds (``[target] kind``):

- ``linear_to_zero``: from base-year emissions in a straight line to zero in ``net_zero_year``.
- ``absolute_contraction``: SBTi absolute contraction, ``rate`` of base-year emissions less each year
  (4.2 %/yr for 1.5 °C, 2.5 %/yr for well-below 2 °C).
- ``net_zero``: SBTi Corporate Net-Zero Standard: at least ``reduction`` (90 %) by ``year`` (2050), in a
  straight line from the base year; what is left in that year must be neutralised by removals.
- ``bau_milestones``: Decision 896/QĐ-TTg: cuts against the BAU projection per IPCC sector (``energy``,
  IPCC 1; ``industrial_processes``, IPCC 2) at milestone years, linear from none in the base year.
  Direct emissions only: its scopes must be ``["scope_1"]``.
- ``points``: custom reductions against the base year at given years, linear between them.

References
----------
SBTi Corporate Net-Zero Standard v1.2 (2024) (at least 90 % by 2050, residual neutralised); SBTi
Corporate Near-Term Criteria v5.1 (2023) (4.2 % and 2.5 % of base-year emissions per year, linear);
Decision 896/QĐ-TTg (2022), National Climate Change Strategy to 2050 (sector milestones against BAU).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from ghg.core.errors import InputError, Problem
from ghg.pathways.projection import TARGET_SCOPES, Projection
from ghg.pathways.scenario import LAST_YEAR, parse_rate, read_table, sha256

#: SBTi Corporate Net-Zero Standard v1.2: at least 90 % of base-year emissions cut by the net-zero year.
NET_ZERO_MINIMUM = 0.9
KINDS = ("linear_to_zero", "absolute_contraction", "net_zero", "bau_milestones", "points")
BOUNDARIES = ("park", "enterprise")
SECTORS = {"energy": "1", "industrial_processes": "2"}
_COMMON = ("id", "name", "name_vi", "kind", "boundary", "scopes", "base_year", "source", "removals")
_BY_KIND = {
    "linear_to_zero": ("net_zero_year",),
    "absolute_contraction": ("rate",),
    "net_zero": ("reduction", "year"),
    "bau_milestones": ("milestones",),
    "points": ("points",),
}
_OPTIONAL = ("name_vi", "base_year", "removals")


@dataclass
class Target:
    """A target file, checked."""

    id: str
    name: str
    name_vi: str
    kind: str
    boundary: str
    scopes: list[str]
    base_year: int | None
    source: str
    path: Path
    removals: bool = False
    rate: float = 0.0
    net_zero_year: int = 2050
    reduction: float = 0.0
    year: int = 2050
    #: (sector or "", year, reduction) rows; sector is empty for ``points``
    points: list[tuple[str, int, float]] = field(default_factory=list)
    sha256: str = ""


def _p(path: Path, key: str, value: object, code: str, **params: object) -> Problem:
    return Problem(str(path), None, f"target.{key}", None if value is None else str(value), code, params=params)


def _year(path: Path, key: str, value: object, problems: list[Problem]) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or not 1900 <= value <= LAST_YEAR:
        problems.append(_p(path, key, value, "range", low=1900, high=LAST_YEAR))
        return 0
    return value


def _reduction(path: Path, key: str, value: object, removals: bool, problems: list[Problem]) -> float:
    rate = parse_rate(value)
    if rate is None:
        problems.append(_p(path, key, value, "rate_percent"))
        return 0.0
    if rate < 0 or (rate > 1.0 and not removals):
        problems.append(_p(path, key, value, "reduction_range"))
    return rate


def load_target(path: str | Path) -> Target:
    """Read and check a target file (TOML, one ``[target]`` table).

    Raises
    ------
    InputError
        With every problem: missing or unknown fields, a rate without ``%``, a reduction over 100 % with no
        removals, unknown scopes, both Scope 2 methods at once, unordered or duplicated years.
    """
    path = Path(path)
    table = read_table(path, "target")
    problems: list[Problem] = []
    kind = table.get("kind")
    if kind not in KINDS:
        raise InputError([_p(path, "kind", kind, "vocabulary", allowed=", ".join(KINDS))])
    wanted = _COMMON + _BY_KIND[kind]
    for key in wanted:
        if key not in table and key not in _OPTIONAL:
            problems.append(_p(path, key, None, "missing_field"))
    for key in table:
        if key not in wanted:
            problems.append(_p(path, key, None, "unknown_field", allowed=", ".join(wanted)))
    if problems:
        raise InputError(problems)
    removals = table.get("removals", False)
    if not isinstance(removals, bool):
        problems.append(_p(path, "removals", removals, "vocabulary", allowed="true, false"))
        removals = False
    if table["boundary"] not in BOUNDARIES:
        problems.append(_p(path, "boundary", table["boundary"], "vocabulary", allowed=", ".join(BOUNDARIES)))
    scopes = table["scopes"]
    if not isinstance(scopes, list) or not scopes or any(s not in TARGET_SCOPES for s in scopes):
        problems.append(_p(path, "scopes", scopes, "vocabulary", allowed=", ".join(TARGET_SCOPES)))
        scopes = []
    elif ("scope_2_location" in scopes and "scope_2_market" in scopes) or len(set(scopes)) != len(scopes):
        problems.append(_p(path, "scopes", scopes, "scopes_both_methods"))
    if kind == "bau_milestones" and scopes != ["scope_1"]:
        problems.append(_p(path, "scopes", scopes, "scopes_direct_only"))
    base = _year(path, "base_year", table["base_year"], problems) if "base_year" in table else None
    target = Target(
        id=str(table["id"]),
        name=str(table["name"]),
        name_vi=str(table.get("name_vi", table["name"])),
        kind=kind,
        boundary=str(table["boundary"]),
        scopes=list(scopes),
        base_year=base,
        source=str(table["source"]),
        path=path,
        removals=removals,
    )
    if kind == "linear_to_zero":
        target.net_zero_year = _year(path, "net_zero_year", table["net_zero_year"], problems)
    elif kind == "absolute_contraction":
        target.rate = _reduction(path, "rate", table["rate"], removals, problems)
    elif kind == "net_zero":
        target.reduction = _reduction(path, "reduction", table["reduction"], removals, problems)
        if 0 <= target.reduction < NET_ZERO_MINIMUM:  # a target is what its kind says
            problems.append(_p(path, "reduction", table["reduction"], "net_zero_reduction", given=table["reduction"]))
        target.year = _year(path, "year", table["year"], problems)
    else:
        key = "milestones" if kind == "bau_milestones" else "points"
        rows = table[key]
        if not isinstance(rows, list) or not rows:
            problems.append(_p(path, key, rows, "missing_field"))
            rows = []
        last: dict[str, int] = {}
        for i, row in enumerate(rows):
            where = f"{key}[{i + 1}]"
            sector = str(row.get("sector", "")) if kind == "bau_milestones" else ""
            if kind == "bau_milestones" and sector not in SECTORS:
                problems.append(_p(path, f"{where}.sector", sector, "vocabulary", allowed=", ".join(SECTORS)))
            year = _year(path, f"{where}.year", row.get("year"), problems)
            cut = _reduction(path, f"{where}.reduction", row.get("reduction"), removals, problems)
            if sector in last and year <= last[sector]:
                code = "year_duplicate" if year == last[sector] else "year_unordered"
                problems.append(_p(path, f"{where}.year", year, code, previous=last[sector]))
            last[sector] = year
            target.points.append((sector, year, cut))
    if problems:
        raise InputError(problems)
    target.sha256 = sha256(path)
    return target


def _years_after(target: Target, base: int) -> list[tuple[str, int]]:
    """Every year the target names, with its field, to check against the base year."""
    if target.kind == "linear_to_zero":
        return [("net_zero_year", target.net_zero_year)]
    if target.kind == "net_zero":
        return [("year", target.year)]
    key = "milestones" if target.kind == "bau_milestones" else "points"
    return [(f"{key}[{i + 1}].year", year) for i, (_, year, _) in enumerate(target.points)]


def trajectory(target: Target, projection: Projection, enterprise: str | None = None) -> pd.DataFrame:
    """The target's emissions in each year from its base year to the horizon [t CO2e].

    Raises
    ------
    InputError
        The target's boundary does not match what it is checked against, its base year has no inventory
        or lies after the scenario's base year, or a year it names is not after its base year.
    """
    scenario = projection.scenario
    problems: list[Problem] = []
    if target.boundary == "park" and enterprise is not None:
        problems.append(_p(target.path, "boundary", target.boundary, "boundary_park", enterprise=enterprise))
    if target.boundary == "enterprise" and enterprise is None:
        problems.append(_p(target.path, "boundary", target.boundary, "boundary_enterprise"))
    base = target.base_year or scenario.base_year
    totals = projection.totals(target.scopes, enterprise)
    actual = totals["actual"] if "actual" in totals else pd.Series(dtype=float)
    actual = actual[actual.index <= scenario.base_year]
    if base > scenario.base_year or base not in actual.index or actual.get(base, 0.0) == 0.0:
        problems.append(_p(target.path, "base_year", base, "target_base_inventory", scenario=scenario.base_year))
    for key, year in _years_after(target, base):
        if year <= base:
            problems.append(_p(target.path, key, year, "target_before_base", base=base))
    if problems:
        raise InputError(problems)
    years = np.arange(base, scenario.horizon + 1)
    b = float(actual[base])
    if target.kind == "linear_to_zero":
        values = b * np.clip(1 - (years - base) / (target.net_zero_year - base), 0.0, None)
    elif target.kind == "absolute_contraction":
        values = b * np.clip(1 - target.rate * (years - base), 0.0, None)
    elif target.kind == "net_zero":
        cut = np.minimum((years - base) / (target.year - base), 1.0) * target.reduction
        values = b * (1 - cut)
    elif target.kind == "points":
        anchors = [base, *(y for _, y, _ in target.points)]
        cuts = [0.0, *(c for _, _, c in target.points)]
        values = b * (1 - np.interp(years, anchors, cuts))
    else:
        values = _bau_milestones(target, projection, enterprise, years, base)
    return pd.DataFrame({"year": years, "target_t_co2e": values})


def _bau_milestones(
    target: Target, projection: Projection, enterprise: str | None, years: np.ndarray, base: int
) -> np.ndarray:
    """Decision 896: each sector's BAU (actual up to the base year) less its interpolated cut."""
    lines = projection.lines[projection.lines["scope"] == "scope_1"]
    if enterprise is not None:
        lines = lines[lines["enterprise"] == enterprise]
    path = lines[(lines["case"] == "bau") | ((lines["case"] == "actual") & (lines["year"] >= base))]
    sector = path["ipcc_category"].str[:1].map({v: k for k, v in SECTORS.items()}).fillna("")
    table = path.assign(sector=sector).pivot_table(
        index="year", columns="sector", values="co2e_t", aggfunc="sum", fill_value=0.0
    )
    table = table.reindex(years, fill_value=0.0)
    values = np.zeros(len(years))
    for name in table.columns:
        rows = [(y, c) for s, y, c in target.points if s == name]
        cut = np.interp(years, [base, *(y for y, _ in rows)], [0.0, *(c for _, c in rows)]) if rows else 0.0
        values += table[name].to_numpy() * (1 - cut)
    return values


@dataclass
class Gap:
    """A projection held against a target: the yearly table and its summary."""

    target: Target
    enterprise: str | None
    yearly: pd.DataFrame
    summary: dict[str, Any]


def gap(target: Target, projection: Projection, enterprise: str | None = None, tolerance: float = 1e-6) -> Gap:
    """Each year's emissions (actual, then the scenario's projection) minus the target [t CO2e].

    The summary gives the first projected year off track, the carbon budget (sum of the target over the
    projected years) against the projected cumulative emissions and their difference (overshoot), the
    linear annual cut still needed from the latest actual year to the target's value at the horizon
    [fraction of the latest actual emissions per year], and the residual emissions at the horizon.
    """
    scenario = projection.scenario
    wanted = trajectory(target, projection, enterprise)
    totals = projection.totals(target.scopes, enterprise).reindex(wanted["year"]).fillna(0.0)
    projected = wanted["year"].to_numpy() > scenario.base_year
    emissions = np.where(projected, totals.get("scenario", 0.0), totals.get("actual", 0.0))
    bau = np.where(projected, totals.get("bau", 0.0), totals.get("actual", 0.0))
    yearly = wanted.assign(
        kind=np.where(projected, "projected", "actual"),
        emissions_t_co2e=emissions,
        bau_t_co2e=bau,
    )
    yearly["gap_t_co2e"] = yearly["emissions_t_co2e"] - yearly["target_t_co2e"]
    yearly["on_track"] = yearly["gap_t_co2e"] <= tolerance * np.maximum(yearly["target_t_co2e"].abs(), 1.0)
    yearly = yearly[["year", "kind", "emissions_t_co2e", "bau_t_co2e", "target_t_co2e", "gap_t_co2e", "on_track"]]
    ahead = yearly[yearly["kind"] == "projected"]
    off = ahead.loc[~ahead["on_track"], "year"]
    history = projection.totals(target.scopes, enterprise).get("actual", pd.Series(dtype=float))
    history = history[(history.index <= scenario.base_year) & (history != 0)]
    latest = int(history.index.max())
    latest_t = float(history[latest])
    end = yearly.iloc[-1]
    span = int(end["year"]) - latest
    summary: dict[str, Any] = {
        "target": target.id,
        "kind": target.kind,
        "boundary": enterprise or "park",
        "scopes": target.scopes,
        "base_year": int(yearly["year"].iloc[0]),
        "base_t_co2e": float(yearly["emissions_t_co2e"].iloc[0]),
        "first_year_off_track": int(off.iloc[0]) if len(off) else None,
        "carbon_budget_t_co2e": float(ahead["target_t_co2e"].sum()),
        "cumulative_t_co2e": float(ahead["emissions_t_co2e"].sum()),
        "overshoot_t_co2e": float(ahead["emissions_t_co2e"].sum() - ahead["target_t_co2e"].sum()),
        "latest_actual_year": latest,
        "latest_actual_t_co2e": latest_t,
        "rate_needed_per_year": (latest_t - float(end["target_t_co2e"])) / (latest_t * span) if span else None,
        "horizon": int(end["year"]),
        "residual_t_co2e": float(end["emissions_t_co2e"]),
        "target_at_horizon_t_co2e": float(end["target_t_co2e"]),
        "to_neutralise_t_co2e": float(end["emissions_t_co2e"]) if target.kind == "net_zero" else None,
        "target_file": str(target.path),
        "target_sha256": target.sha256,
    }
    return Gap(target, enterprise, yearly, summary)
