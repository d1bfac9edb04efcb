"""Scenario definitions: a TOML file naming the base year, the horizon, the grid trajectory, drivers and measures.

Every problem of every file is collected (file, row, field, value, fix) and raised once as an
:class:`~ghg.errors.InputError`; nothing is guessed. Rates and reductions carry a percent sign
(``3 %``): a bare ``5`` could mean 5 % or 500 % and is refused.

References
----------
Decision 768/QĐ-TTg (2025), the adjusted Power Development Plan 8 (grid trajectory);
GHG Protocol Mitigation Goal Standard (2014), Ch. 6-8 (base year, projections, measures).
"""

from __future__ import annotations

import hashlib
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from ghg.core import units
from ghg.core.errors import InputError, Problem, UnitError
from ghg.core.tables import read_csv

#: What a measure does; the kind decides which streams it may act on (see :data:`KIND_SCOPES`).
KINDS = (
    "energy_efficiency",
    "fuel_switch",
    "electrification",
    "onsite_solar",
    "ppa_certificates",
    "waste_heat_power",
    "co_gas_recovery",
    "process_change",
    "carbon_capture",
)
#: Scopes (of result lines) each kind may act on. Power made on site or bought through a contract
#: displaces grid electricity; a PPA or certificate changes only the market-based figure.
KIND_SCOPES = {
    "energy_efficiency": ("scope_1", "scope_2", "scope_2_market"),
    "fuel_switch": ("scope_1",),
    "electrification": ("scope_1",),
    "onsite_solar": ("scope_2", "scope_2_market"),
    "ppa_certificates": ("scope_2_market",),
    "waste_heat_power": ("scope_2", "scope_2_market"),
    "co_gas_recovery": ("scope_1",),
    "process_change": ("scope_1",),
    "carbon_capture": ("scope_1",),
}
SCENARIO_KEYS = ("id", "name", "base_year", "horizon", "grid", "drivers", "measures")
OPTIONAL_KEYS = ("name_vi", "description")
GRID_COLUMNS = ["year", "value", "unit", "source", "note"]
DRIVER_COLUMNS = ["enterprise", "sector", "from_year", "to_year", "growth", "growth_range", "source"]
MEASURE_COLUMNS = [
    "id",
    "name",
    "enterprises",
    "kind",
    "source_category",
    "activity",
    "ipcc_category",
    "effect",
    "adds_electricity",
    "start_year",
    "ramp_years",
    "lifetime_years",
    "order",
    "removals",
    "capex",
    "opex_per_year",
    "savings_per_year",
    "currency",
    "discount_rate",
    "effect_range",
    "source",
    "note",
]
_ID = re.compile(r"^[^\W_][\w.\-]{0,63}$")
_RATE = re.compile(r"^\s*([+-]?\d+(?:\.\d+)?)\s*%\s*(?:/\s*(?:yr|year))?\s*$")
_QUANTITY = re.compile(r"^\s*([+-]?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)\s+(.+?)\s*$")
LAST_YEAR = 2100


def parse_rate(value: object) -> float | None:
    """A rate written with a percent sign (``"4.2 %"``, ``"3 %/yr"``) as a fraction; ``None`` otherwise.

    A bare number is refused by the callers: ``5`` might mean 5 % or 500 %.
    """
    match = _RATE.match(str(value))
    return float(match.group(1)) / 100.0 if match else None


def sha256(path: Path) -> str:
    """SHA-256 of a file's bytes [hex]."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


@dataclass
class Measure:
    """One abatement measure of a scenario (a row of the measures file)."""

    id: str
    name: str
    enterprises: list[str]
    kind: str
    source_category: list[str]
    activity: list[str]
    ipcc_category: list[str]
    #: ``percent`` (fraction of what is left), ``energy`` [MWh/yr of grid electricity] or ``co2`` [t CO2/yr]
    effect_kind: str
    effect: float
    adds_electricity_mwh: float
    start_year: int
    ramp_years: int
    lifetime_years: int
    order: int
    removals: bool
    capex: float
    opex_per_year: float
    savings_per_year: float
    currency: str
    discount_rate: float
    source: str
    row: int
    #: 95 % half-width of the effect, as a fraction of it (``effect_range``; 0 when not given)
    effect_u: float = 0.0

    def ramp(self, years: np.ndarray) -> np.ndarray:
        """Share of the full effect reached in each year [-]: linear over ``ramp_years`` from ``start_year``."""
        reached = (years - self.start_year + 1) / self.ramp_years
        return np.clip(reached, 0.0, 1.0)


@dataclass
class Scenario:
    """A scenario file and the tables it names, validated."""

    id: str
    name: str
    name_vi: str
    base_year: int
    horizon: int
    path: Path
    grid: pd.DataFrame
    drivers: pd.DataFrame
    measures: list[Measure]
    drivers_path: str = ""
    measures_path: str = ""
    files: dict[str, str] = field(default_factory=dict)
    grid_path: Path | None = None

    @property
    def years(self) -> np.ndarray:
        """The projected years: the year after the base year to the horizon."""
        return np.arange(self.base_year + 1, self.horizon + 1)

    def grid_factor(self, years: np.ndarray) -> np.ndarray:
        """The grid emission factor of each year [t CO2/MWh], linear between the trajectory's anchors."""
        return np.interp(years, self.grid["year"].to_numpy(float), self.grid["value"].to_numpy(float))


def _integer(path: Path, row: int, column: str, value: str, problems: list[Problem], low: int = 1900) -> int | None:
    try:
        number = int(value)
    except ValueError:
        problems.append(Problem(str(path), row, column, value, "year_integer"))
        return None
    if not low <= number <= LAST_YEAR:
        problems.append(Problem(str(path), row, column, value, "range", params={"low": low, "high": LAST_YEAR}))
        return None
    return number


def _number(path: Path, row: int, column: str, value: str, problems: list[Problem], empty: float = 0.0) -> float:
    if value == "":
        return empty
    try:
        number = float(value)
    except ValueError:
        problems.append(Problem(str(path), row, column, value, "number"))
        return np.nan
    if not np.isfinite(number):
        problems.append(Problem(str(path), row, column, value, "number"))
    elif number < 0:
        problems.append(Problem(str(path), row, column, value, "not_negative"))
    return number


def _rate(path: Path, row: int, column: str, value: str, problems: list[Problem]) -> float:
    rate = parse_rate(value)
    if rate is None:
        problems.append(Problem(str(path), row, column, value, "rate_percent"))
        return np.nan
    return rate


def _years_ordered(path: Path, years: list[int | None], column: str, problems: list[Problem]) -> None:
    """Anchor years strictly increasing: a duplicate or a year out of order is an error."""
    last: int | None = None
    for i, year in enumerate(years):
        if year is None:
            continue
        if last is not None and year <= last:
            code = "year_duplicate" if year == last else "year_unordered"
            problems.append(Problem(str(path), i + 2, column, str(year), code, params={"previous": last}))
        last = year


def load_grid(path: Path, base_year: int, horizon: int, problems: list[Problem]) -> pd.DataFrame:
    """The grid trajectory (CSV, :data:`GRID_COLUMNS`): anchor years with a factor each and its source."""
    frame, found = read_csv(path, GRID_COLUMNS, optional=("note",))
    problems += found
    if found:
        return pd.DataFrame({"year": [], "value": []})
    years = [_integer(path, i + 2, "year", v, problems) for i, v in enumerate(frame["year"])]
    _years_ordered(path, years, "year", problems)
    values = []
    for i, (value, unit, source) in enumerate(zip(frame["value"], frame["unit"], frame["source"], strict=True)):
        number = _number(path, i + 2, "value", value, problems, empty=np.nan)
        if value == "":
            problems.append(Problem(str(path), i + 2, "value", value, "number"))
        try:
            number *= units.factor_to(unit, "t CO2/MWh")
        except UnitError as exc:
            code = "unit_kind" if exc.reason == "dimension" else "unit_" + exc.reason
            problems.append(Problem(str(path), i + 2, "unit", unit, code, params={"expected": "t CO2/MWh"}))
        if source == "":
            problems.append(Problem(str(path), i + 2, "source", source, "source_required"))
        values.append(number)
    known = [y for y in years if y is not None]
    if known and (min(known) > base_year + 1 or max(known) < horizon):
        problems.append(
            Problem(
                str(path),
                None,
                "year",
                f"{min(known)}-{max(known)}",
                "grid_cover",
                params={"first": base_year + 1, "last": horizon},
            )
        )
    return pd.DataFrame(
        {"year": [y if y is not None else 0 for y in years], "value": values, "source": frame["source"].tolist()}
    )


def load_drivers(path: Path, base_year: int, horizon: int, problems: list[Problem]) -> pd.DataFrame:
    """Production growth (CSV, :data:`DRIVER_COLUMNS`): one of enterprise or sector, a period, a rate with ``%``.

    Periods of the same enterprise or sector must not overlap; an enterprise's own rows win over its sector's.
    """
    frame, found = read_csv(path, DRIVER_COLUMNS, optional=("growth_range",))
    problems += found
    if found:
        return pd.DataFrame(columns=["enterprise", "sector", "from_year", "to_year", "growth", "growth_u", "row"])
    rows = []
    for i, row in frame.iterrows():
        n = int(str(i)) + 2
        if (row["enterprise"] == "") == (row["sector"] == ""):
            problems.append(Problem(str(path), n, "enterprise", row["enterprise"], "driver_key"))
        start = _integer(path, n, "from_year", row["from_year"], problems)
        end = _integer(path, n, "to_year", row["to_year"], problems)
        growth = _rate(path, n, "growth", row["growth"], problems)
        spread = _rate(path, n, "growth_range", row["growth_range"], problems) if row["growth_range"] else 0.0
        if spread < 0:
            problems.append(Problem(str(path), n, "growth_range", row["growth_range"], "not_negative"))
        if start is not None and end is not None:
            if end < start:
                problems.append(
                    Problem(str(path), n, "to_year", row["to_year"], "year_unordered", params={"previous": start})
                )
            if start <= base_year:
                problems.append(
                    Problem(str(path), n, "from_year", row["from_year"], "before_base", params={"base": base_year})
                )
        if row["source"] == "":
            problems.append(Problem(str(path), n, "source", "", "source_required"))
        rows.append((row["enterprise"], row["sector"], start, end, growth, spread, n))
    out = pd.DataFrame(rows, columns=["enterprise", "sector", "from_year", "to_year", "growth", "growth_u", "row"])
    for _, group in out.dropna(subset=["from_year", "to_year"]).groupby(["enterprise", "sector"]):
        group = group.sort_values("from_year")
        ends = group["to_year"].shift()
        for _, row in group[group["from_year"] <= ends].iterrows():
            problems.append(Problem(str(path), int(row["row"]), "from_year", str(row["from_year"]), "driver_overlap"))
    return out


def _quantity(path: Path, n: int, column: str, value: str, problems: list[Problem]) -> tuple[str, float]:
    """``"30 %"`` -> (percent, 0.30); ``"12000 MWh"`` -> (energy, 12000.0); ``"5000 t CO2"`` -> (co2, 5000.0)."""
    rate = parse_rate(value)
    if rate is not None:
        return "percent", rate
    match = _QUANTITY.match(value)
    if not match:
        problems.append(Problem(str(path), n, column, value, "effect_form"))
        return "", np.nan
    number, unit = float(match.group(1)), match.group(2)
    for kind, target in (("energy", "MWh"), ("co2", "t CO2")):
        try:
            return kind, number * units.factor_to(unit, target)
        except UnitError as exc:
            if exc.reason != "dimension":
                problems.append(Problem(str(path), n, column, value, "unit_" + exc.reason))
                return "", np.nan
    problems.append(Problem(str(path), n, column, value, "effect_form"))
    return "", np.nan


def _list(value: str) -> list[str]:
    return [v.strip() for v in value.split(";") if v.strip()]


def load_measures(path: Path, base_year: int, horizon: int, problems: list[Problem]) -> list[Measure]:
    """The measures (CSV, :data:`MEASURE_COLUMNS`), each checked field by field."""
    frame, found = read_csv(path, MEASURE_COLUMNS, optional=("note", "effect_range"))
    problems += found
    if found:
        return []
    measures = []
    for i, row in frame.iterrows():
        n = int(str(i)) + 2
        p = str(path)
        if not _ID.match(row["id"]):
            problems.append(Problem(p, n, "id", row["id"], "identifier"))
        if row["kind"] not in KINDS:
            problems.append(Problem(p, n, "kind", row["kind"], "vocabulary", params={"allowed": ", ".join(KINDS)}))
        enterprises = _list(row["enterprises"])
        if not enterprises:
            problems.append(Problem(p, n, "enterprises", row["enterprises"], "measure_enterprises"))
        removals = row["removals"].lower()
        if removals not in ("yes", "no", ""):
            problems.append(Problem(p, n, "removals", row["removals"], "vocabulary", params={"allowed": "yes, no"}))
        effect_kind, effect = _quantity(path, n, "effect", row["effect"], problems)
        if effect_kind == "percent" and not 0 < effect <= 1.0:
            # a share of a source above 100 % is no physical removal: removals are stated in t CO2 per year
            problems.append(Problem(p, n, "effect", row["effect"], "effect_percent"))
        elif effect_kind in ("energy", "co2") and not effect > 0:
            problems.append(Problem(p, n, "effect", row["effect"], "number"))
        if effect_kind == "energy" and row["kind"] not in ("onsite_solar", "ppa_certificates", "waste_heat_power"):
            problems.append(Problem(p, n, "effect", row["effect"], "effect_energy_kind"))
        adds = 0.0
        if row["adds_electricity"]:
            added_kind, adds = _quantity(path, n, "adds_electricity", row["adds_electricity"], problems)
            if added_kind != "energy":
                problems.append(Problem(p, n, "adds_electricity", row["adds_electricity"], "adds_energy"))
            elif row["kind"] not in ("electrification", "fuel_switch"):
                problems.append(Problem(p, n, "adds_electricity", row["adds_electricity"], "adds_kind"))
            elif len(enterprises) != 1:
                problems.append(Problem(p, n, "adds_electricity", row["adds_electricity"], "adds_one_enterprise"))
        start = _integer(path, n, "start_year", row["start_year"], problems)
        if start is not None and not base_year < start <= horizon:
            problems.append(
                Problem(p, n, "start_year", row["start_year"], "start_year", params={"base": base_year, "end": horizon})
            )
        ramp = _integer(path, n, "ramp_years", row["ramp_years"], problems, low=1)
        lifetime = _integer(path, n, "lifetime_years", row["lifetime_years"], problems, low=1)
        order = _integer(path, n, "order", row["order"], problems, low=0)
        capex = _number(path, n, "capex", row["capex"], problems)
        opex = _number(path, n, "opex_per_year", row["opex_per_year"], problems)
        savings = _number(path, n, "savings_per_year", row["savings_per_year"], problems)
        if (capex or opex or savings) and not row["currency"]:
            problems.append(Problem(p, n, "currency", "", "currency_required"))
        rate = _rate(path, n, "discount_rate", row["discount_rate"], problems)
        if rate is not None and not rate >= 0:
            problems.append(Problem(p, n, "discount_rate", row["discount_rate"], "rate_percent"))
        if row["source"] == "":
            problems.append(Problem(p, n, "source", "", "source_required"))
        spread = _rate(path, n, "effect_range", row["effect_range"], problems) if row["effect_range"] else 0.0
        if spread < 0:
            problems.append(Problem(p, n, "effect_range", row["effect_range"], "not_negative"))
        measures.append(
            Measure(
                id=row["id"],
                name=row["name"],
                enterprises=enterprises,
                kind=row["kind"],
                source_category=_list(row["source_category"]),
                activity=_list(row["activity"]),
                ipcc_category=_list(row["ipcc_category"]),
                effect_kind=effect_kind,
                effect=effect,
                adds_electricity_mwh=adds,
                start_year=start or 0,
                ramp_years=ramp or 1,
                lifetime_years=lifetime or 1,
                order=order or 0,
                removals=removals == "yes",
                capex=capex,
                opex_per_year=opex,
                savings_per_year=savings,
                currency=row["currency"],
                discount_rate=rate,
                source=row["source"],
                row=n,
                effect_u=spread,
            )
        )
    for i in np.flatnonzero(frame["id"].duplicated()):
        problems.append(Problem(str(path), int(i) + 2, "id", frame["id"].iloc[i], "duplicate_id"))
    return measures


def read_table(path: Path, name: str) -> dict[str, Any]:
    """The ``[name]`` table of a TOML file.

    Raises
    ------
    InputError
        The file is missing, is not UTF-8 TOML, or has no such table.
    """
    try:
        document = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError([Problem(str(path), None, None, None, "no_file")]) from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise InputError([Problem(str(path), None, None, None, "unreadable", params={"detail": str(exc)})]) from None
    table = document.get(name)
    if not isinstance(table, dict):
        raise InputError([Problem(str(path), None, name, None, "missing_table", params={"table": name})])
    return table


def load_scenario(path: str | Path) -> Scenario:
    """Read and check a scenario file and the grid, driver and measure tables it names.

    Raises
    ------
    InputError
        With every problem of every file (file, row, field, value, fix).
    """
    path = Path(path)
    problems: list[Problem] = []
    table = read_table(path, "scenario")
    for key in SCENARIO_KEYS:
        if key not in table:
            problems.append(Problem(str(path), None, f"scenario.{key}", None, "missing_field"))
    for key in table:
        if key not in SCENARIO_KEYS + OPTIONAL_KEYS:
            problems.append(
                Problem(
                    str(path),
                    None,
                    f"scenario.{key}",
                    None,
                    "unknown_field",
                    params={"allowed": ", ".join(SCENARIO_KEYS + OPTIONAL_KEYS)},
                )
            )
    if problems:
        raise InputError(problems)
    base, horizon = table["base_year"], table["horizon"]
    for key, value in (("base_year", base), ("horizon", horizon)):
        if not isinstance(value, int) or not 1900 <= value <= LAST_YEAR:
            problems.append(
                Problem(
                    str(path), None, f"scenario.{key}", str(value), "range", params={"low": 1900, "high": LAST_YEAR}
                )
            )
    if not _ID.match(str(table["id"])):
        problems.append(Problem(str(path), None, "scenario.id", str(table["id"]), "identifier"))
    if problems:
        raise InputError(problems)
    if horizon <= base:
        raise InputError(
            [Problem(str(path), None, "scenario.horizon", str(horizon), "before_base", params={"base": base})]
        )
    folder = path.parent
    grid_path, drivers_path, measures_path = (folder / str(table[k]) for k in ("grid", "drivers", "measures"))
    grid = load_grid(grid_path, base, horizon, problems)
    drivers = load_drivers(drivers_path, base, horizon, problems)
    measures = load_measures(measures_path, base, horizon, problems)
    if problems:
        raise InputError(problems)
    files = {str(p): sha256(p) for p in (path, grid_path, drivers_path, measures_path)}
    return Scenario(
        id=str(table["id"]),
        name=str(table["name"]),
        name_vi=str(table.get("name_vi", table["name"])),
        base_year=base,
        horizon=horizon,
        path=path,
        grid=grid,
        drivers=drivers,
        measures=sorted(measures, key=lambda m: (m.order, m.id)),
        drivers_path=str(drivers_path),
        measures_path=str(measures_path),
        files=files,
        grid_path=grid_path,
    )
