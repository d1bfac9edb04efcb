"""Market-based Scope 2 by contract: which bought electricity each contractual instrument covers.

GHG Protocol Scope 2 Guidance (2015), Ch. 6-7: the market-based method counts each instrument's own
emission factor for the electricity it covers and the rest at the residual mix (Vietnam publishes none, so
the grid factor is the fallback). An instrument whose ``supplier`` is named (a supplier-specific contract, a
PPA with a member of the park) covers the electricity bought from that supplier first; instruments without
a supplier (certificates), and what a contract covers beyond what was bought from its supplier, cover the
rest of the enterprise's electricity of that year pro rata.

This decides the market-based line of every electricity record, so that the park can subtract internal
supply exactly as the buyer's lines counted it: the electricity bought from a member, at the contract's
factor where a contract covers it and at the grid factor where none does - and never grid electricity.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from ghg.core import units
from ghg.core.errors import UnitError

#: 1 MWh = 0.0036 TJ.
TJ_PER_MWH = 0.0036
RESIDUAL = "the rest at the grid factor (Vietnam publishes no residual mix)"


def _coded(table: pa.Table, name: str, rows: np.ndarray) -> tuple[np.ndarray, list[str]]:
    """The text of column ``name`` at ``rows`` as codes into a list of distinct labels (each label once)."""
    column = table.column(name).take(pa.array(rows)).combine_chunks()
    if not isinstance(column, pa.DictionaryArray):
        column = column.dictionary_encode()
    values = pc.fill_null(pc.cast(column.dictionary, pa.string()), "").to_pylist()
    labels: list[str] = []
    first: dict[str, int] = {}
    remap = np.array([first.setdefault(v, len(first)) for v in [*values, ""]], dtype=np.int64)
    labels = list(first)
    codes = np.asarray(pc.fill_null(column.indices, len(values)).to_numpy(zero_copy_only=False), dtype=np.int64)
    return remap[codes], labels


def _is(codes: np.ndarray, labels: list[str], value: str) -> np.ndarray:
    return codes == (labels.index(value) if value in labels else -1)


def _mwh(quantity: np.ndarray, unit: np.ndarray) -> np.ndarray:
    factor = {}
    for u in set(unit.tolist()):
        try:
            factor[u] = units.factor_to(u, "MWh")
        except UnitError:
            factor[u] = np.nan
    return quantity * np.array([factor[u] for u in unit.tolist()], dtype=np.float64)


def allocate(table: pa.Table) -> pa.Table:
    """``table`` (result lines) with the market-based line of each bought-electricity record by contract.

    Each (enterprise, year): the electricity bought from supplier X [MWh] ``Q_X`` is covered by the
    instruments naming X, ``C_X``, up to ``Q_X``; the rest of the electricity, ``R``, is covered pro rata by
    the instruments without a supplier and by what contracts cover beyond their own supplier's electricity.
    A record's market-based CO2 = its location-based CO2 x (1 - the share of it covered) [t]; the
    instruments' own lines are unchanged. The enterprise's market-based total is unchanged.
    """
    source, source_labels = _coded(table, "source_category", np.arange(table.num_rows))
    electricity = np.flatnonzero(_is(source, source_labels, "purchased_electricity"))
    if not len(electricity):
        return table
    scope, scopes = _coded(table, "scope", electricity)
    method, methods = _coded(table, "method", electricity)
    gas, gases = _coded(table, "gas", electricity)
    market_based = _is(scope, scopes, "scope_2_market") & _is(method, methods, "electricity_market_based")
    if not market_based.any():
        return table
    enterprise, _ = _coded(table, "enterprise", electricity)
    supplier, suppliers = _coded(table, "supplier", electricity)
    sha, _ = _coded(table, "input_sha256", electricity)
    unit, units_ = _coded(table, "unit", electricity)

    def numbers(name: str) -> np.ndarray:
        return np.asarray(table.column(name).take(pa.array(electricity)).to_numpy(), dtype=np.float64)

    input_row = np.asarray(table.column("input_row").take(pa.array(electricity)).to_numpy(), dtype=np.int64)
    frame = pd.DataFrame(
        {
            "row": electricity,
            "enterprise": enterprise,
            "year": np.asarray(table.column("year").take(pa.array(electricity)).to_numpy(), dtype=np.int64),
            "supplier": supplier,
            "sha": sha,
            "input_row": input_row,
            "mass_t": numbers("mass_t"),
            "energy_tj": numbers("energy_tj"),
            "quantity": numbers("quantity"),
            "unit": np.array(units_, dtype=object)[unit],
        }
    )
    key = ["sha", "input_row"]
    location_rows = _is(scope, scopes, "scope_2") & _is(gas, gases, "CO2")
    location = frame[location_rows].set_index(key)[["mass_t", "energy_tj"]]
    market = frame[market_based]
    market = market.join(location, on=key, rsuffix="_location")
    market["mwh"] = market["energy_tj_location"].to_numpy() / TJ_PER_MWH
    instruments = frame[_is(scope, scopes, "scope_2_market") & _is(method, methods, "electricity_market_instrument")]
    instruments = instruments.assign(mwh=_mwh(instruments["quantity"].to_numpy(), instruments["unit"].to_numpy()))
    part = ["enterprise", "year"]
    bought = market.groupby([*part, "supplier"], as_index=False).agg(bought=("mwh", "sum"))
    held = instruments.groupby([*part, "supplier"], as_index=False).agg(held=("mwh", "sum"))
    both = bought.merge(held, on=[*part, "supplier"], how="outer").fillna({"bought": 0.0, "held": 0.0})
    named = both["supplier"].to_numpy() != suppliers.index("") if "" in suppliers else np.ones(len(both), bool)
    # a contract covers its own supplier's electricity up to what was bought from that supplier
    both["contracted"] = np.where(named, np.minimum(both["held"], both["bought"]), 0.0)
    # certificates, and what contracts cover beyond their supplier's electricity, cover the rest pro rata
    both["generic"] = np.where(named, both["held"] - both["contracted"], both["held"])
    per = both.groupby(part, as_index=False).agg(
        total=("bought", "sum"), contracted=("contracted", "sum"), generic=("generic", "sum")
    )
    rest = per["total"] - per["contracted"]
    with np.errstate(divide="ignore", invalid="ignore"):
        per["rest_share"] = np.where(rest > 0, np.minimum(per["generic"] / rest, 1.0), 0.0)
        both["own_share"] = np.where(
            named & (both["contracted"] > 0), np.minimum(both["contracted"] / both["bought"], 1.0), np.nan
        )
    market = market.merge(per[[*part, "rest_share"]], on=part, how="left").merge(
        both[[*part, "supplier", "own_share"]], on=[*part, "supplier"], how="left"
    )
    by_contract = market["own_share"].notna().to_numpy()
    share = np.where(by_contract, market["own_share"].to_numpy(), market["rest_share"].to_numpy())
    share = np.nan_to_num(share, nan=0.0)
    # one note per distinct (share, contract or not, supplier): the texts are made for those only
    kinds = pd.DataFrame({"share": share, "contract": by_contract, "supplier": market["supplier"].to_numpy()})
    distinct = kinds.drop_duplicates().reset_index(drop=True)
    which = kinds.merge(distinct.reset_index(), on=["share", "contract", "supplier"], how="left")["index"].to_numpy()
    texts = [
        f"{100.0 * sh:.1f}% covered by the contract with {suppliers[int(su)]}; {RESIDUAL}"
        if contract
        else f"{100.0 * sh:.1f}% covered by contractual instruments; {RESIDUAL}"
        for sh, contract, su in zip(distinct["share"], distinct["contract"], distinct["supplier"], strict=True)
    ]
    notes = np.array(texts, dtype=object)[which]
    mass = table.column("mass_t").to_numpy().copy()
    co2e = table.column("co2e_t").to_numpy().copy()
    gwp = table.column("gwp").to_numpy()
    where = market["row"].to_numpy()
    mass[where] = market["mass_t_location"].to_numpy() * (1.0 - share)
    co2e[where] = mass[where] * gwp[where]
    note = table.column("note").combine_chunks()
    labels = note.dictionary.to_pylist() if isinstance(note, pa.DictionaryArray) else []
    indices = note.indices.to_numpy(zero_copy_only=False).copy() if isinstance(note, pa.DictionaryArray) else None
    if indices is None:  # plain text notes
        values = np.asarray(note.to_numpy(zero_copy_only=False), dtype=object)
        values[where] = notes
        new_note: pa.Array = pa.array(values, pa.string())
    else:
        position = {label: i for i, label in enumerate(labels)}  # a dictionary holds each text once
        for label in sorted(set(texts) - set(position)):
            position[label] = len(labels)
            labels.append(label)
        codes = np.array([position[t] for t in texts], dtype=indices.dtype)
        indices[where] = codes[which]
        new_note = pa.DictionaryArray.from_arrays(pa.array(indices, note.indices.type), pa.array(labels))
    out = table
    for name, values in (("mass_t", mass), ("co2e_t", co2e), ("note", new_note)):
        field = out.schema.field(name)
        array = values if isinstance(values, pa.Array) else pa.array(values, field.type)
        out = out.set_column(out.schema.get_field_index(name), field, pa.chunked_array([array.cast(field.type)]))
    return out
