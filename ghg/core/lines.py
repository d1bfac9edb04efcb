"""Result lines: the long table of one calculated batch (one row per record and gas), built in Arrow.

Text columns are dictionary-encoded (each distinct text once: a factor id, a method, a file's SHA-256) and
numbers are NumPy arrays wrapped without copying, so a batch of a million records becomes lines without a
Python object per row. :func:`build` returns a table with :data:`LINE_SCHEMA_DICT`; :func:`plain` decodes
it to :data:`ghg.store.LINE_SCHEMA` (plain text) where a consumer needs that.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd
import pyarrow as pa

from ghg.core import calculation, validation
from ghg.core.linehash import LINE_SCHEMA
from ghg.core.vocabulary import COMBUSTION_GASES, Scope, SourceCategory, Tier

#: :data:`LINE_SCHEMA` with every text column dictionary-encoded.
LINE_SCHEMA_DICT = pa.schema(
    [
        pa.field(f.name, pa.dictionary(pa.int32(), pa.string()), nullable=f.nullable)
        if pa.types.is_string(f.type)
        else f
        for f in LINE_SCHEMA
    ]
)
_SCOPES = [Scope.SCOPE_1.value, Scope.SCOPE_2.value, Scope.MEMO_BIOGENIC.value, "scope_2_market"]
_MEASURED = {
    "ncv": ("ncv_tj_per_t", "ncv_tj_per_nm3"),
    "carbon_content": ("carbon_co2_per_tj", "carbon_co2_per_t", "carbon_co2_per_nm3"),
    "fraction_calcined": ("fraction_calcined",),
    "oxidation_factor": ("oxidation_factor",),
    "density": ("density_t_per_m3",),
}
_CO2_MEASURED = ("ncv", "carbon_content", "density", "oxidation_factor", "fraction_calcined")
_OTHER_MEASURED = ("ncv", "density")


def text(categories: Sequence[str] | np.ndarray, index: np.ndarray) -> pa.DictionaryArray:
    """``categories[index]`` as a dictionary column; an index of -1 or ``len(categories)`` is ``''``."""
    cats = [str(c) for c in categories] + [""]
    idx = np.asarray(index, dtype=np.int32)
    idx = np.where(idx < 0, len(cats) - 1, idx)
    return pa.DictionaryArray.from_arrays(pa.array(idx, pa.int32()), pa.array(cats, pa.string()))


def constant(value: str, n: int) -> pa.DictionaryArray:
    """``value`` on every one of ``n`` rows."""
    return pa.DictionaryArray.from_arrays(pa.array(np.zeros(n, dtype=np.int32)), pa.array([value], pa.string()))


def column(t: validation.Text) -> pa.DictionaryArray:
    """An input text column (missing values as ``''``)."""
    return text(t.categories, t.codes)


def _flags(table: validation.ActivityTable) -> dict[str, np.ndarray]:
    flags = {name: np.zeros(len(table), dtype=bool) for name in _MEASURED}
    for name, cols in _MEASURED.items():
        for c in cols:
            if c in table.measured:
                flags[name] |= ~np.isnan(table.measured[c])
    return flags


def _measured(flags: dict[str, np.ndarray], names: tuple[str, ...], n: int) -> pa.DictionaryArray:
    """The measured properties of each row, comma-separated in the order of ``names``."""
    code = np.zeros(n, dtype=np.int32)
    for bit, name in enumerate(names):
        code |= flags[name].astype(np.int32) << bit
    labels = [",".join(name for bit, name in enumerate(names) if m >> bit & 1) for m in range(1 << len(names))]
    return text(labels, code)


def covered_shares(shares: pd.DataFrame | None) -> dict[tuple[str, int], float]:
    """``{(enterprise, year): share of electricity covered by instruments}`` from :func:`market_shares`."""
    if shares is None or not len(shares):
        return {}
    return {
        (str(e), int(y)): float(s)
        for e, y, s in zip(
            shares["enterprise"].tolist(), shares["year"].tolist(), shares["share_covered"].tolist(), strict=True
        )
    }


def _shares(table: validation.ActivityTable, lookup: dict[tuple[str, int], float]) -> np.ndarray:
    """Per row, the share of its enterprise's electricity of that year covered by instruments [0-1]."""
    if not lookup:
        return np.zeros(len(table))
    enterprise = table.text["enterprise"]
    key = enterprise.codes.astype(np.int64) * 100_000 + table.year
    uniq, inverse = np.unique(key, return_inverse=True)
    names = np.append(enterprise.categories, "")
    value = np.array([lookup.get((str(names[k // 100_000]), int(k % 100_000)), 0.0) for k in uniq])
    return np.clip(value[inverse] if len(uniq) else np.zeros(len(table)), 0.0, 1.0)


def _market_note(
    table: validation.ActivityTable,
    instrument: np.ndarray,
    heat: np.ndarray,
    consumption: np.ndarray,
    share: np.ndarray,
) -> pa.DictionaryArray:
    """Why each market-based line has its value (one text per distinct share, per instrument row)."""
    labels = ["", "supplier-specific factor: the same for both methods"]
    code = np.where(heat, 1, 0).astype(np.int32)
    used = consumption & ~instrument & ~heat
    if used.any():
        uniq, inverse = np.unique(share[used], return_inverse=True)
        code[used] = len(labels) + inverse
        labels += [
            f"{s:.1%} covered by contractual instruments; the rest at the grid factor "
            "(Vietnam publishes no residual mix)"
            for s in uniq
        ]
    rows = np.flatnonzero(instrument)
    if len(rows):
        kinds = table.text["instrument"]
        factor = table.measured.get("supplier_co2_per_tj", np.zeros(len(table))) * 0.0036  # t CO2/MWh
        for i in rows:  # instruments are few: one label each
            code[i] = len(labels)
            f = float(factor[i])
            labels.append(f"{kinds.value(int(i)) or ''}: {0.0 if np.isnan(f) else f:.4f} t CO2/MWh")
    return text(labels, code)


def build(
    table: validation.ActivityTable,
    calc: calculation.Calculated,
    shares: dict[tuple[str, int], float] | None = None,
) -> pa.Table:
    """The result lines of one batch (:data:`LINE_SCHEMA_DICT`): one row per record and gas, with lineage.

    See :func:`build_parts`; this is their kept rows, part after part.
    """
    return pa.concat_tables(
        [part if keep.all() else part.filter(pa.array(keep)) for part, keep in build_parts(table, calc, shares)]
    )


def build_parts(
    table: validation.ActivityTable,
    calc: calculation.Calculated,
    shares: dict[tuple[str, int], float] | None = None,
) -> list[tuple[pa.Table, np.ndarray]]:
    """The result lines of one batch as parts of one row per record, each with the mask of its rows that are lines.

    Scope 2 has a location-based line (``scope_2``) and a market-based line (``scope_2_market``) per
    record; ``shares`` (:func:`covered_shares`) gives each enterprise and year's share of electricity
    covered by contractual instruments, and each market line's ``note`` explains its value.
    """
    g, rec, idx = calc.groups, calc.records, calc.index
    n = len(table)
    keys = g.frame
    source_cats = list(keys["source_category"])
    source_code = np.append(np.array(source_cats, dtype=object), "")[idx]
    electricity = (source_code == SourceCategory.PURCHASED_ELECTRICITY.value) | (
        source_code == SourceCategory.PURCHASED_HEAT.value
    )
    coef = calculation.coefficients(g, calc.gwp)
    process = np.take(coef.process, idx)
    fugitive = np.take(coef.fugitive_sign, idx) != 0
    instrument = np.take(coef.instrument, idx)
    heat = np.take(coef.heat, idx)
    files = table.files
    flags = _flags(table)
    method_labels = [calculation.method_of(g, i) for i in range(len(g))]
    common: dict[str, pa.Array | np.ndarray] = {
        "enterprise": column(table.text["enterprise"]),
        "facility": column(table.text["facility"]),
        "year": table.year.astype(np.int32, copy=False),
        "period": column(table.text["period"]),
        "source_category": text(source_cats, idx),
        "ipcc_category": column(table.text["ipcc_category"]),
        "activity": column(table.text["activity"]),
        "technology": column(table.text["technology"]),
        "quantity": table.quantity,
        "unit": column(table.text["unit"]),
        "method": text(method_labels, idx),
        "input_file": text([f.shown_name for f in files], table.file_index.astype(np.int32)),
        "input_sha256": text([f.sha256 for f in files], table.file_index.astype(np.int32)),
        "input_row": table.row.astype(np.int64, copy=False),
        "supplier": column(table.text["supplier"]),
        "evidence": column(table.text["evidence"]),
        "note": constant("", n),
    }
    nan = np.full(n, np.nan)
    biogenic_g = g.biogenic
    parts: list[tuple[pa.Table, np.ndarray]] = []
    for gas in COMBUSTION_GASES:
        resolved = list(g.ef[gas])
        if gas == "CO2":  # a process line's factor is its carbonate factor or carbon content
            for i, (_method, _sign, factor) in g.process.items():
                resolved[i] = factor
            for i, fuel_ef in g.heat.items():  # heat: the supplier's fuel factor, or the supplier's own factor
                resolved[i] = fuel_ef
        biogenic = np.take(biogenic_g, idx) & (gas == "CO2")
        scope = np.where(biogenic, 2, np.where(electricity, 1, 0)).astype(np.int32)
        tier_labels = [calculation.tier_of(r) for r in resolved] + [""]
        tier_code = np.asarray(idx, dtype=np.int32)
        if gas == "CO2":
            ef = rec["co2_ef"]
            blank = np.array([t == "" for t in tier_labels])[tier_code]
            supplier_factor = heat & blank  # a supplier-specific factor given on the record
            tier_code = np.where(flags["carbon_content"] | supplier_factor, len(tier_labels), tier_code)
        else:
            ef = np.take(np.array([np.nan if r is None else r.value for r in resolved] + [np.nan]), idx)
        tier_labels.append(Tier.MEASURED.value)
        mass = rec[f"{gas.lower()}_t"]
        co2 = gas == "CO2"
        toe = calculation.toe_method(calc, table) == "moit_factor" if co2 else None
        cols = {
            **common,
            "scope": text(_SCOPES, scope),
            "gas": constant(gas, n),
            "mass_t": mass,
            "gwp_set": constant(calc.gwp_set, n),
            "gwp": np.full(n, calc.gwp[gas]),
            "co2e_t": np.where(biogenic, 0.0, mass * calc.gwp[gas]),
            "energy_tj": rec["energy_tj"] if co2 else nan,
            "energy_toe": rec["energy_toe"] if co2 else nan,
            "toe_method": text(["energy_content", "moit_factor"], toe.astype(np.int32))
            if toe is not None
            else constant("", n),
            "emission_factor_t_per_tj": ef,
            "tier": text(tier_labels, tier_code),
            "measured": _measured(flags, _CO2_MEASURED if co2 else _OTHER_MEASURED, n),
            "factor_id": text([r.factor_id if r else "" for r in resolved], idx),
            "factor_release": text([r.release if r else "" for r in resolved], idx),
        }
        keep = ~fugitive & ~instrument if co2 else ~(electricity | process | fugitive)
        parts.append((_table(cols), keep))
        if co2:
            consumption = electricity & ~heat & ~instrument
            if instrument.any() or heat.any() or consumption.any():
                parts.append(
                    (
                        _table(_market(cols, table, calc, shares, instrument, heat, consumption)),
                        instrument | heat | consumption,
                    )
                )
    if fugitive.any():
        gases = table.text["activity"]
        gwp_of = np.array([calc.gwp.get(str(x), np.nan) for x in gases.categories] + [np.nan])
        gwp = gwp_of[gases.codes]
        released = rec["fugitive_t"]
        cols = {
            **common,
            "scope": constant(Scope.SCOPE_1.value, n),
            "gas": column(gases),
            "mass_t": released,
            "gwp_set": constant(calc.gwp_set, n),
            "gwp": gwp,
            "co2e_t": released * gwp,
            "energy_tj": nan,
            "energy_toe": nan,
            "toe_method": constant("", n),
            "emission_factor_t_per_tj": nan,
            "tier": constant(Tier.DEFAULT.value, n),
            "measured": constant("", n),
            "factor_id": text([f"gwp.{calc.gwp_set}.{k.activity}" for k in g.keys], idx),
            "factor_release": constant(g.factors.gwp_release(calc.gwp_set), n),
        }
        parts.append((_table(cols), fugitive))
    return parts


def _market(
    cols: dict[str, pa.Array | np.ndarray],
    table: validation.ActivityTable,
    calc: calculation.Calculated,
    shares: dict[tuple[str, int], float] | None,
    instrument: np.ndarray,
    heat: np.ndarray,
    consumption: np.ndarray,
) -> dict[str, pa.Array | np.ndarray]:
    """Market-based Scope 2 columns: grid electricity for its uncovered share, instruments, purchased heat."""
    n = len(table)
    share = _shares(table, shares or {}) if consumption.any() else np.zeros(n)
    location = np.asarray(cols["mass_t"])
    mass = np.where(consumption, location * (1.0 - share), location)
    covered = calculation.market_instruments(table, calc.index, calculation.coefficients(calc.groups, calc.gwp))
    if covered is not None:
        mass = np.where(instrument, covered[1], mass)
    methods = cols["method"]
    assert isinstance(methods, pa.DictionaryArray)
    labels = [*methods.dictionary.to_pylist(), "electricity_market_instrument", "electricity_market_based"]
    base = methods.indices.to_numpy()
    method = np.where(instrument, len(labels) - 2, np.where(heat, base, len(labels) - 1)).astype(np.int32)
    return {
        **cols,
        "scope": constant("scope_2_market", n),
        "mass_t": mass,
        "co2e_t": mass * calc.gwp["CO2"],
        "energy_tj": np.full(n, np.nan),
        "energy_toe": np.full(n, np.nan),
        "method": pa.DictionaryArray.from_arrays(pa.array(method), pa.array(labels, pa.string())),
        "note": _market_note(table, instrument, heat, consumption, share),
    }


def _table(cols: dict[str, pa.Array | np.ndarray]) -> pa.Table:
    arrays = [cols[f.name] for f in LINE_SCHEMA_DICT]
    return pa.Table.from_arrays(
        [_array(a, f) for a, f in zip(arrays, LINE_SCHEMA_DICT, strict=True)],
        schema=LINE_SCHEMA_DICT,
    )


def _array(values: pa.Array | np.ndarray, field: pa.Field) -> pa.Array:
    if isinstance(values, pa.Array):
        return values
    return pa.array(values, field.type, from_pandas=field.nullable)  # a nullable number: NaN is missing


def plain(lines: pa.Table) -> pa.Table:
    """Lines with plain text columns (:data:`LINE_SCHEMA`)."""
    return lines.cast(LINE_SCHEMA)


def plain_columns(lines: pa.Table) -> pa.Table:
    """Any selection of line columns with dictionary text decoded to plain text."""
    return pa.table(
        {
            name: col.cast(pa.string()) if pa.types.is_dictionary(col.type) else col
            for name, col in zip(lines.column_names, lines.columns, strict=True)
        }
    )
