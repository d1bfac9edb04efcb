"""Check and convert raw activity columns into typed arrays, collecting every problem.

Text columns become pandas categoricals: each check runs once per distinct value and
is mapped back to the rows through the codes, so a 10-million-row file with a few
thousand distinct codes is checked in vectorised passes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

import numpy as np
import pandas as pd

from ghg import units
from ghg.activity import INPUT_COLUMNS, RawTable
from ghg.errors import Problem, UnitError
from ghg.vocabulary import EnergyBasis, SourceCategory

#: Earliest reporting year accepted (the UNFCCC base year).
FIRST_YEAR = 1990
#: At most this many problems are kept per check and file; the rest are counted.
KEPT_PER_CHECK = 200

_ID = re.compile(r"^[^\W][\w.\-]{0,63}$", re.UNICODE)
_IPCC = re.compile(r"^[1-5](\.[A-H](\.[0-9]{1,2}(\.[a-z](\.[ivx]{1,4})?)?)?)?$")
_PERIOD = re.compile(r"^(?P<year>[0-9]{4})(-(?P<month>0[1-9]|1[0-2])|-Q(?P<q>[1-4])|-H(?P<h>[12]))?$")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")

#: Measured properties: column, unit column, and the canonical units they may convert to.
MEASURED = {
    "ncv": ("ncv_unit", ("TJ/t", "TJ/Nm3")),
    "carbon_content": ("carbon_content_unit", ("t CO2/TJ", "t CO2/t")),
    "density": ("density_unit", ("t/m3",)),
}


@dataclass
class ActivityTable:
    """Checked activity records of one or more files, in canonical units.

    ``data`` columns: ``file_index``, ``row`` (as shown to users), the text columns as
    categoricals, ``year`` [-], ``quantity`` (as given), ``amount`` (in the canonical
    unit of ``kind``: t, m3, TJ or Nm3), ``kind``, and the measured properties
    ``ncv_tj_per_t``, ``ncv_tj_per_nm3``, ``carbon_co2_per_tj`` [t CO2/TJ],
    ``carbon_co2_per_t`` [t CO2/t], ``density_t_per_m3`` (NaN where not measured).
    """

    data: pd.DataFrame
    files: list[RawTable]


class Collector:
    """Collects problems for one file, keeping at most ``KEPT_PER_CHECK`` per check."""

    def __init__(self, raw: RawTable) -> None:
        self.raw = raw
        self.problems: list[Problem] = list(raw.problems)

    def rows(self, mask: np.ndarray, column: str | None, values: pd.Series | None, code: str,
             **params: object) -> None:
        idx = np.flatnonzero(mask)
        for i in idx[:KEPT_PER_CHECK]:
            value = None if values is None else _show(values.iloc[i])
            self.problems.append(Problem(self.raw.name, int(i) + self.raw.row_base, column, value, code,
                                         self.raw.sheet, dict(params)))
        if len(idx) > KEPT_PER_CHECK:
            self.problems.append(Problem(self.raw.name, None, column, None, "more_rows", self.raw.sheet,
                                         {"count": len(idx) - KEPT_PER_CHECK, "code": code}))


def _show(value: object) -> str:
    text = "" if value is None or (isinstance(value, float) and np.isnan(value)) else str(value)
    return text if len(text) <= 80 else text[:77] + "..."


def _empty(series: pd.Series) -> np.ndarray:
    if isinstance(series.dtype, pd.CategoricalDtype):
        cats = series.cat.categories.astype(str).str.strip() == ""
        codes = series.cat.codes.to_numpy()
        return (codes < 0) | np.append(cats, False)[codes]
    if series.dtype == object:
        return series.isna().to_numpy() | (series.astype(str).str.strip() == "").to_numpy()
    return series.isna().to_numpy()


def as_category(series: pd.Series) -> pd.Series:
    """Text column as a categorical of stripped strings ('' for missing)."""
    if not isinstance(series.dtype, pd.CategoricalDtype):
        series = series.astype("category")
    cats = pd.Index(series.cat.categories.astype(str).str.strip())
    codes = series.cat.codes.to_numpy()
    uniq, inverse = np.unique(np.asarray(cats, dtype=object).astype(str), return_inverse=True)
    new_codes = np.where(codes < 0, -1, np.append(inverse, -1)[codes])
    if "" in uniq:  # an empty string category stands for missing
        empty_code = int(np.flatnonzero(uniq == "")[0])
        new_codes = np.where(new_codes == empty_code, -1, new_codes)
    return pd.Series(pd.Categorical.from_codes(new_codes, categories=pd.Index(uniq, dtype=object))).cat.remove_unused_categories()


def _numbers(series: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """Parse a column as float64: (values, bad) where bad marks present but non-numeric cells."""
    if pd.api.types.is_bool_dtype(series.dtype):
        return np.full(len(series), np.nan), np.ones(len(series), dtype=bool)
    if pd.api.types.is_numeric_dtype(series.dtype):
        return series.to_numpy(dtype="float64", na_value=np.nan), np.zeros(len(series), dtype=bool)
    if isinstance(series.dtype, pd.CategoricalDtype):
        cats = series.cat.categories.astype(str)
        parsed = pd.to_numeric(pd.Series(cats), errors="coerce").to_numpy(dtype="float64")
        codes = series.cat.codes.to_numpy()
        values = np.where(codes < 0, np.nan, np.append(parsed, np.nan)[codes])
        bad = (codes >= 0) & np.isnan(values) & ~np.append(cats.str.strip() == "", True)[codes]
        return values, bad
    obj = series.to_numpy(dtype=object)
    is_bool = np.fromiter((isinstance(v, bool) for v in obj), bool, len(obj))
    text = pd.Series(obj).astype(str).str.strip()
    values = pd.to_numeric(text.where(text != ""), errors="coerce").to_numpy(dtype="float64", copy=True)
    values[is_bool] = np.nan
    present = ~(pd.isna(pd.Series(obj)).to_numpy() | (text == "").to_numpy())
    return values, present & (np.isnan(values) | is_bool)


def _check_text(col: Collector, name: str, cat: pd.Series, rule: re.Pattern[str], code: str) -> None:
    cats = cat.cat.categories.astype(str)
    bad_cat = np.fromiter((rule.match(c) is None for c in cats), bool, len(cats))
    codes = cat.cat.codes.to_numpy()
    col.rows((codes >= 0) & np.append(bad_cat, False)[codes], name, cat.astype(object), code)


def _check_vocabulary(col: Collector, name: str, cat: pd.Series, allowed: list[str], code: str) -> None:
    cats = cat.cat.categories.astype(str)
    bad_cat = ~cats.isin(allowed)
    codes = cat.cat.codes.to_numpy()
    col.rows((codes >= 0) & np.append(bad_cat, False)[codes], name, cat.astype(object), code, allowed=", ".join(allowed))


def _units(col: Collector, name: str, cat: pd.Series, targets: dict[str, str]) -> tuple[np.ndarray, np.ndarray]:
    """Multiplier to the canonical unit and kind index for every row (one pint parse per distinct unit)."""
    cats = list(cat.cat.categories.astype(str))
    kinds = list(targets)
    multiplier = np.full(len(cats) + 1, np.nan)
    kind = np.full(len(cats) + 1, -1, dtype=np.int8)
    codes = cat.cat.codes.to_numpy()
    for i, unit in enumerate(cats):
        try:
            parsed = units.parse_unit(unit)
        except UnitError as exc:
            col.rows(codes == i, name, cat.astype(object), "unit_" + exc.reason)
            continue
        for k, (kind_name, target) in enumerate(targets.items()):
            try:
                multiplier[i] = units.factor_to(str(parsed), target) if str(parsed) else units.factor_to(unit, target)
                kind[i] = k
                break
            except UnitError:
                continue
        else:
            col.rows(codes == i, name, cat.astype(object), "unit_kind", expected=", ".join(kinds))
    return multiplier[codes], kind[codes]


def parse(raw: RawTable) -> tuple[pd.DataFrame, list[Problem]]:
    """Check and convert one file's columns. Returns the typed frame and every problem found."""
    col = Collector(raw)
    if col.problems:
        return pd.DataFrame(), col.problems
    n = raw.n_rows
    columns = {c: raw.columns.get(c, pd.Series([""] * n, dtype=object)) for c in INPUT_COLUMNS}
    out: dict[str, object] = {"row": np.arange(n, dtype=np.int64) + raw.row_base}
    for name in ("enterprise", "facility", "source_category", "activity", "unit"):
        missing = _empty(columns[name])
        col.rows(missing, name, None, "required")
    text_cols = ("enterprise", "facility", "period", "source_category", "activity", "unit", "ipcc_category",
                 "technology", "energy_basis", "ncv_unit", "carbon_content_unit", "density_unit", "evidence")
    cats = {name: as_category(columns[name]) for name in text_cols}
    for name in ("enterprise", "facility"):
        _check_text(col, name, cats[name], _ID, "identifier")
    _check_text(col, "ipcc_category", cats["ipcc_category"], _IPCC, "ipcc_category")
    _check_text(col, "technology", cats["technology"], re.compile(r"^[a-z0-9_]{1,64}$"), "technology")
    _check_text(col, "evidence", cats["evidence"], re.compile(r"^[^\x00-\x1f\x7f]{0,500}$"), "evidence")
    _check_vocabulary(col, "source_category", cats["source_category"], [c.value for c in SourceCategory], "vocabulary")
    _check_vocabulary(col, "energy_basis", cats["energy_basis"], [b.value for b in EnergyBasis], "vocabulary")

    year, bad = _numbers(columns["year"])
    col.rows(_empty(columns["year"]), "year", None, "required")
    col.rows(bad | (~np.isnan(year) & (year != np.round(year))), "year", columns["year"], "year_integer")
    this_year = date.today().year
    out_of_range = ~np.isnan(year) & ((year < FIRST_YEAR) | (year > this_year))
    col.rows(out_of_range, "year", columns["year"], "year_range", first=FIRST_YEAR, last=this_year)
    out["year"] = np.nan_to_num(year, nan=0).astype(np.int32)

    period = cats["period"]
    pcats = period.cat.categories.astype(str)
    pmatch = [_PERIOD.match(c) for c in pcats]
    pyear = np.array([int(m.group("year")) if m else -1 for m in pmatch] + [-1])
    pcodes = period.cat.codes.to_numpy()
    col.rows((pcodes >= 0) & (pyear[pcodes] == -1), "period", period.astype(object), "period")
    col.rows((pcodes >= 0) & (pyear[pcodes] != -1) & (pyear[pcodes] != out["year"]), "period",
             period.astype(object), "period_year")

    quantity, bad = _numbers(columns["quantity"])
    col.rows(_empty(columns["quantity"]), "quantity", None, "quantity_missing")
    col.rows(bad, "quantity", columns["quantity"], "number")
    col.rows(~np.isnan(quantity) & ~np.isfinite(quantity), "quantity", columns["quantity"], "number")
    col.rows(quantity < 0, "quantity", columns["quantity"], "negative")
    out["quantity"] = quantity
    targets = {kind: units.CANONICAL[kind] for kind in ("mass", "volume", "energy", "normal_volume")}
    multiplier, kind = _units(col, "unit", cats["unit"], targets)
    out["amount"] = quantity * multiplier
    out["kind"] = pd.Categorical.from_codes(kind.astype(np.int8), categories=list(targets))

    for prop, (unit_col, canon) in MEASURED.items():
        value, bad = _numbers(columns[prop])
        present = ~np.isnan(value)
        col.rows(bad, prop, columns[prop], "number")
        col.rows(present & ~(value > 0), prop, columns[prop], "positive")
        ucodes = cats[unit_col].cat.codes.to_numpy()
        col.rows(present & (ucodes < 0), unit_col, None, "measured_unit_missing", prop=prop)
        col.rows(~present & ~bad & (ucodes >= 0), prop, None, "measured_value_missing", unit_col=unit_col)
        mult, pkind = _units(col, unit_col, cats[unit_col], {c: c for c in canon})
        for k, c in enumerate(canon):
            key = {"TJ/t": "ncv_tj_per_t", "TJ/Nm3": "ncv_tj_per_nm3", "t CO2/TJ": "carbon_co2_per_tj",
                   "t CO2/t": "carbon_co2_per_t", "t/m3": "density_t_per_m3"}[c]
            out[key] = np.where(present & (pkind == k), value * mult, np.nan)

    _duplicates(col, columns, n)
    for name in text_cols:
        out[name] = cats[name]
    return pd.DataFrame(out), col.problems


def _duplicates(col: Collector, columns: dict[str, pd.Series], n: int) -> None:
    """Flag exact duplicate records (every input column equal), naming the first copy."""
    if n < 2:
        return
    key = np.zeros(n, dtype=np.uint64)
    for name in INPUT_COLUMNS:
        codes, _ = pd.factorize(columns[name], use_na_sentinel=True)
        key = key * np.uint64(1_000_003) ^ (codes.astype(np.int64).astype(np.uint64) + np.uint64(1))
    candidates = pd.Series(key).duplicated(keep=False).to_numpy()
    if not candidates.any():
        return
    idx = np.flatnonzero(candidates)
    frame = pd.DataFrame({name: columns[name].iloc[idx].astype(str).to_numpy() for name in INPUT_COLUMNS})
    dup = frame.duplicated(keep="first").to_numpy()
    first = frame.groupby(list(INPUT_COLUMNS), sort=False, dropna=False).ngroup().to_numpy()
    first_row = {}
    for g, i in zip(first, idx, strict=True):
        first_row.setdefault(int(g), int(i))
    mask = np.zeros(n, dtype=bool)
    mask[idx[dup]] = True
    firsts = np.zeros(n, dtype=np.int64)
    firsts[idx] = [first_row[int(g)] + col.raw.row_base for g in first]
    for i in np.flatnonzero(mask)[:KEPT_PER_CHECK]:
        col.problems.append(Problem(col.raw.name, int(i) + col.raw.row_base, None, None, "duplicate_row",
                                    col.raw.sheet, {"first": int(firsts[i])}))
    if mask.sum() > KEPT_PER_CHECK:
        col.problems.append(Problem(col.raw.name, None, None, None, "more_rows", col.raw.sheet,
                                    {"count": int(mask.sum()) - KEPT_PER_CHECK, "code": "duplicate_row"}))
