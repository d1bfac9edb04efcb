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


def _text(table: pa.Table, name: str, rows: np.ndarray) -> np.ndarray:
    return np.asarray(pc.cast(table.column(name).take(pa.array(rows)), pa.string()).to_numpy(zero_copy_only=False))


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
    source = pc.cast(table.column("source_category"), pa.string())
    electricity = np.flatnonzero(pc.equal(source, "purchased_electricity").to_numpy(zero_copy_only=False))
    if not len(electricity):
        return table
    scope = _text(table, "scope", electricity)
    method = _text(table, "method", electricity)
    gas = _text(table, "gas", electricity)
    consumption = electricity[(scope == "scope_2_market") & (method == "electricity_market_based")]
    if not len(consumption):
        return table
    frame = pd.DataFrame(
        {
            "row": electricity,
            "scope": scope,
            "method": method,
            "gas": gas,
            "enterprise": _text(table, "enterprise", electricity),
            "year": table.column("year").take(pa.array(electricity)).to_numpy(),
            "supplier": _text(table, "supplier", electricity),
            "sha": _text(table, "input_sha256", electricity),
            "input_row": table.column("input_row").take(pa.array(electricity)).to_numpy(),
            "mass_t": table.column("mass_t").take(pa.array(electricity)).to_numpy(zero_copy_only=False),
            "energy_tj": table.column("energy_tj").take(pa.array(electricity)).to_numpy(zero_copy_only=False),
            "quantity": table.column("quantity").take(pa.array(electricity)).to_numpy(zero_copy_only=False),
            "unit": _text(table, "unit", electricity),
        }
    )
    key = ["sha", "input_row"]
    location = frame[(frame["scope"] == "scope_2") & (frame["gas"] == "CO2")].set_index(key)[["mass_t", "energy_tj"]]
    market = frame[(frame["scope"] == "scope_2_market") & (frame["method"] == "electricity_market_based")]
    market = market.join(location, on=key, rsuffix="_location")
    market["mwh"] = market["energy_tj_location"].to_numpy() / TJ_PER_MWH
    instruments = frame[(frame["scope"] == "scope_2_market") & (frame["method"] == "electricity_market_instrument")]
    instruments = instruments.assign(mwh=_mwh(instruments["quantity"].to_numpy(), instruments["unit"].to_numpy()))
    part = ["enterprise", "year"]
    bought = market.groupby([*part, "supplier"], as_index=False).agg(bought=("mwh", "sum"))
    held = instruments.groupby([*part, "supplier"], as_index=False).agg(held=("mwh", "sum"))
    both = bought.merge(held, on=[*part, "supplier"], how="outer").fillna({"bought": 0.0, "held": 0.0})
    named = both["supplier"] != ""
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
    percent = np.char.mod("%.1f%%", share * 100.0)
    suppliers = market["supplier"].to_numpy().astype(str)
    notes = np.where(
        by_contract,
        np.char.add(np.char.add(np.char.add(percent, " covered by the contract with "), suppliers), "; " + RESIDUAL),
        np.char.add(percent, " covered by contractual instruments; " + RESIDUAL),
    ).astype(object)
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
        for label in sorted(set(notes.astype(str).tolist()) - set(position)):
            position[label] = len(labels)
            labels.append(label)
        indices[where] = [position[str(label)] for label in notes]
        new_note = pa.DictionaryArray.from_arrays(pa.array(indices, note.indices.type), pa.array(labels))
    out = table
    for name, values in (("mass_t", mass), ("co2e_t", co2e), ("note", new_note)):
        field = out.schema.field(name)
        array = values if isinstance(values, pa.Array) else pa.array(values, field.type)
        out = out.set_column(out.schema.get_field_index(name), field, pa.chunked_array([array.cast(field.type)]))
    return out
