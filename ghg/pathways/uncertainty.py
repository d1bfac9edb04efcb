"""Uncertainty of inventories: IPCC Approach 1 (error propagation) and Approach 2 (Monte Carlo), with every
line that uses the same factor treated as fully correlated through it.

A result line ``x`` [t CO2e] is the product of its activity datum and its factors. Its uncertainty has
independent parts: the activity record's (shared only by the lines computed from that record, e.g. CO2, CH4
and N2O of one fuel record) and each factor's (shared by every line, of any enterprise, that uses it). For
a sum of lines the variance is, separately for the lower and the upper half-width U [fraction, 95 %]::

    Var = Σ_records (Σ_{lines of the record} x · U_record)² + Σ_factors (Σ_{lines using it} x · U_factor)²
    U_sum = sqrt(Var) / |Σ x|

which is IPCC Eq. 3.1 (products) and Eq. 3.2 (sums) with covariances of 1 between the contributions of a
shared factor. The *naive* figure treats every line as independent: sqrt(Σ x² (U_AD² + Σ U_f²)) / |Σ x|.

Where ranges come from: factors carry the 95 % limits their release publishes (``lower``, ``upper``; IPCC
2006 tables); a symmetric range is drawn as a normal, an asymmetric one as a two-piece normal whose median is
the published value and whose 2.5th and 97.5th percentiles are the published limits (a lognormal through
both limits would move the median off the published value). Approach 1 propagates the lower and the upper
half-widths separately (IPCC 2006 Vol. 1 §3.2.3.1 for asymmetric ranges). Activity data carry the ``uncertainty`` column
of the input (``±2.5 %``, optionally ``uniform``, ``triangular``, ``lognormal``; or a data-quality tier
``tier 1`` to ``tier 4`` = ±7.5 / 5 / 2.5 / 1.5 %, EU MRR 2018/2066 Annex II tiers for fuel quantities),
else the default tier of the run. For ``uniform`` and ``triangular`` the ± limits are the distribution's
limits; for ``normal`` they are 95 % limits; a ``lognormal`` ±X % has its median at the value, its 97.5th
percentile at 1 + X and its 2.5th at 1 / (1 + X). GWP values are taken as exact (IPCC practice
for inventory uncertainty). A factor without published limits (national lists, grid factors, measured
values) adds no uncertainty: its lines are counted and reported as not covered, never guessed.

References
----------
2006 IPCC Guidelines Vol. 1 Ch. 3 (Eq. 3.1, 3.2; §3.2.3 Approach 2; asymmetric ranges); Ch. 4 (key
categories); Commission Implementing Regulation (EU) 2018/2066 Annex II Table 1 (activity tiers).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from ghg.core import activity, releases
from ghg.core.declared import DISTRIBUTIONS, TIERS, parse_declared
from ghg.core.errors import InputError, Problem
from ghg.core.vocabulary import Scope
from ghg.store.snapshot import Snapshot

#: Published asymmetric 95 % limits of a factor: a two-piece normal whose median is the published value and
#: whose 2.5th and 97.5th percentiles are the published limits (truncated at 0).
SPLIT_NORMAL = "split_normal"
Z95 = 1.959963984540054
#: Lines that are not emissions of the inventory: left out of the uncertainty.
_COUNTED = (Scope.SCOPE_1.value, Scope.SCOPE_2.value)
#: Combustion methods whose energy comes from a default NCV of the same release as the emission factor.
_NCV_METHODS = ("combustion_mass", "combustion_volume")


@dataclass
class Inputs:
    """The lines of an uncertainty analysis with their components.

    ``lines`` has ``x`` [t CO2e], ``record`` (code of the activity record), ``ad_lo``/``ad_hi`` [fraction],
    ``ad_dist``, ``f1``/``f2`` (codes of factors, -1 for none) and the grouping columns of the result lines.
    ``factors`` has ``key`` (release:factor_id), ``lo``, ``hi``, ``dist``.
    """

    lines: pd.DataFrame
    factors: pd.DataFrame
    default_tier: int


def declared_activity(store_dir: Path, lines: pd.DataFrame) -> pd.Series:
    """The ``uncertainty`` text each line's input record declares ('' where none), read from the kept inputs."""
    from ghg.store import kept

    found = []
    for sha in sorted(set(lines["input_sha256"]) - {""}):
        for source in activity.open_sources(kept.stored_input(store_dir, sha)):
            if "uncertainty" not in source.header:
                continue
            offset = 0
            for batch in source.batches():
                n = len(batch["uncertainty"])
                found.append(
                    pd.DataFrame(
                        {
                            "input_sha256": sha,
                            "input_row": np.arange(offset, offset + n) + source.row_base,
                            "source_category": batch["source_category"].to_pylist(),
                            "declared": batch["uncertainty"].to_pylist(),
                        }
                    )
                )
                offset += n
    if not found:
        return pd.Series("", index=lines.index)
    table = pd.concat(found, ignore_index=True).drop_duplicates(["input_sha256", "input_row", "source_category"])
    merged = lines[["input_sha256", "input_row", "source_category"]].merge(
        table, on=["input_sha256", "input_row", "source_category"], how="left"
    )
    return pd.Series(merged["declared"].fillna("").astype(str).to_numpy(), index=lines.index)


def factor_ranges(release_paths: dict[str, str]) -> pd.DataFrame:
    """Published 95 % limits of every factor of the given releases, relative to the value [fraction]."""
    frames = []
    for release_id, path in release_paths.items():
        factors = releases.load(path).factors
        if "canonical_value" not in factors or factors.empty:
            continue
        value = factors["canonical_value"].astype(float)
        lower, upper = factors["canonical_lower"].astype(float), factors["canonical_upper"].astype(float)
        with np.errstate(divide="ignore", invalid="ignore"):
            lo = (value - lower) / value.abs()
            hi = (upper - value) / value.abs()
        frames.append(
            pd.DataFrame(
                {
                    "key": release_id + ":" + factors["factor_id"].astype(str),
                    "activity": factors["activity"].astype(str),
                    "parameter": factors["parameter"].astype(str),
                    "lo": lo.to_numpy(),
                    "hi": hi.to_numpy(),
                }
            )
        )
    table = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=["key", "lo", "hi"])
    table = table[table["lo"].notna() & table["hi"].notna() & (table["lo"] >= 0) & (table["hi"] >= 0)]
    symmetric = (table["lo"] - table["hi"]).abs() <= 0.01 * np.maximum(table["lo"], table["hi"])
    return table.assign(dist=np.where(symmetric, "normal", SPLIT_NORMAL))


def prepare(
    lines: pd.DataFrame,
    ranges: pd.DataFrame,
    declared: pd.Series | None = None,
    default_tier: int = 1,
) -> Inputs:
    """Attach to every counted line its activity and factor components.

    Raises
    ------
    InputError
        A declared activity uncertainty that cannot be read (naming the input file and row).
    """
    counted = lines[lines["scope"].isin(_COUNTED)].copy()
    declared = (declared if declared is not None else pd.Series("", index=lines.index)).reindex(counted.index)
    # each distinct declaration is read once
    values, inverse = np.unique(declared.fillna("").astype(str).to_numpy(), return_inverse=True)
    read = [parse_declared(v) if v else (TIERS[default_tier], "normal") for v in values]
    bad = np.isin(inverse, [k for k, parsed in enumerate(read) if parsed is None])
    if bad.any():
        rows = counted.loc[bad]
        raise InputError(
            [
                Problem(str(f), int(r), "uncertainty", str(v), "uncertainty_form")
                for f, r, v in zip(rows["input_file"], rows["input_row"], declared[bad], strict=True)
            ]
        )
    half = np.array([parsed[0] if parsed else 0.0 for parsed in read])[inverse]
    dist = np.array([parsed[1] if parsed else "" for parsed in read], dtype=object)[inverse]
    # a lognormal ±X % has its median at the value, its 97.5th percentile at 1 + X and its 2.5th at 1 / (1 + X)
    hi = half
    lo = np.where(dist == "lognormal", hi / (1 + hi), hi)
    record = counted["input_sha256"].astype(str) + ":" + counted["input_row"].astype(str)
    # the factor of the line, and the default NCV of the same release for combustion by mass or volume
    factor = counted["factor_release"].astype(str) + ":" + counted["factor_id"].astype(str)
    ncv = counted["factor_release"].astype(str) + ":ipcc2006.ncv." + counted["activity"].astype(str)
    uses_ncv = counted["method"].isin(_NCV_METHODS) & ~counted["measured"].astype(str).str.contains("ncv")
    known = set(ranges["key"])
    f1 = np.where(factor.isin(known), factor, "")
    f2 = np.where(uses_ncv & ncv.isin(known), ncv, "")
    keys = sorted((set(f1) | set(f2)) - {""})
    code = {k: i for i, k in enumerate(keys)}
    table = ranges.drop_duplicates("key").set_index("key").reindex(keys).reset_index()
    out = counted.assign(
        x=counted["co2e_t"].astype(float),
        record=pd.factorize(record)[0],
        ad_lo=lo,
        ad_hi=hi,
        ad_dist=dist,
        f1=pd.Series(f1).map(code).fillna(-1).astype(int).to_numpy(),
        f2=pd.Series(f2).map(code).fillna(-1).astype(int).to_numpy(),
    )
    return Inputs(out.reset_index(drop=True), table[["key", "lo", "hi", "dist"]], default_tier)


def approach_1(inputs: Inputs, by: list[str]) -> pd.DataFrame:
    """IPCC Approach 1 per group: the total [t CO2e], the lower and upper 95 % half-widths with shared factors
    correlated [fraction], and the naive figure with every line independent."""
    lines = inputs.lines
    factors = inputs.factors
    total = lines.groupby(by)["x"].sum()
    out = pd.DataFrame({"t_co2e": total})
    for side in ("lo", "hi"):
        record = lines.groupby([*by, "record"])["x"].sum().reset_index()
        u_ad = lines.groupby("record")[f"ad_{side}"].first()
        record_var = (record["x"] * record["record"].map(u_ad)) ** 2
        variance = record_var.groupby([record[b] for b in by]).sum()
        uses = pd.concat(
            [lines[[*by, "x", "f1"]].rename(columns={"f1": "f"}), lines[[*by, "x", "f2"]].rename(columns={"f2": "f"})]
        )
        uses = uses[uses["f"] >= 0]
        if len(uses):
            shared = uses.groupby([*by, "f"])["x"].sum().reset_index()
            u_f = factors[side].to_numpy()[shared["f"].to_numpy()]
            factor_var = (shared["x"] * u_f) ** 2
            variance = variance.add(factor_var.groupby([shared[b] for b in by]).sum(), fill_value=0.0)
        out[f"u_{side}"] = np.sqrt(variance.reindex(out.index).fillna(0.0)) / out["t_co2e"].abs()
        line_u2 = lines[f"ad_{side}"] ** 2
        padded = np.append(factors[side].to_numpy(dtype=float), 0.0)  # code -1 (no factor) reads the 0
        for column in ("f1", "f2"):
            line_u2 = line_u2 + padded[lines[column].to_numpy()] ** 2
        naive = (lines["x"] ** 2 * line_u2).groupby([lines[b] for b in by]).sum()
        out[f"naive_{side}"] = np.sqrt(naive.reindex(out.index).fillna(0.0)) / out["t_co2e"].abs()
    return out.reset_index()


def _draw(rng: np.random.Generator, lo: np.ndarray, hi: np.ndarray, dist: np.ndarray, n: int) -> np.ndarray:
    """Multipliers (rows x n) with central value 1 for each row's distribution and limits."""
    out = np.ones((len(lo), n))
    for name in (*DISTRIBUTIONS, SPLIT_NORMAL):
        rows = np.flatnonzero(dist == name)
        if not len(rows):
            continue
        a, b = lo[rows][:, None], hi[rows][:, None]
        if name == "normal":
            out[rows] = 1.0 + rng.standard_normal((len(rows), n)) * (a + b) / 2 / Z95
        elif name == SPLIT_NORMAL:
            z = rng.standard_normal((len(rows), n))
            out[rows] = np.maximum(1.0 + z * np.where(z < 0, a, b) / Z95, 0.0)
        elif name == "lognormal":
            out[rows] = np.exp(rng.standard_normal((len(rows), n)) * np.log(1 + b) / Z95)
        elif name == "uniform":
            out[rows] = rng.uniform(1 - a, 1 + b, (len(rows), n))
        else:
            u = rng.random((len(rows), n))
            left, right = a, b  # limits 1 - a and 1 + b, mode 1
            width = left + right
            cut = left / width
            out[rows] = np.where(
                u < cut, 1 - left + np.sqrt(u * width * left), 1 + right - np.sqrt((1 - u) * width * right)
            )
    return out


@dataclass
class MonteCarlo:
    """Approach 2: per group the mean, the 2.5th and 97.5th percentiles [t CO2e], and the samples' record."""

    summary: pd.DataFrame
    samples: int
    seed: int
    converged: bool
    convergence: float
    contributions: pd.DataFrame


def approach_2(
    inputs: Inputs,
    by: list[str],
    samples: int = 100_000,
    seed: int = 20261128,
    chunk: int = 20_000,
    total_of: np.ndarray | None = None,
) -> MonteCarlo:
    """IPCC Approach 2 per group: every factor drawn once per iteration and shared by every line that uses it,
    every activity record drawn once per iteration; vectorised over lines and iterations (chunks of
    ``chunk`` iterations bound the memory).

    The convergence check compares the 95 % interval of the total from the first half of the iterations with
    the one from all of them (converged when they differ by less than 1 % of the mean). The contributions
    are each category's share of the variance of the total (Cov(category, total) / Var(total)), the
    Approach 2 key categories. The total is the sum of the lines ``total_of`` marks (default: all of them;
    a boundary such as the park when the groups overlap).
    """
    rng = np.random.default_rng(seed)
    lines = inputs.lines
    groups = lines.groupby(by, sort=True).ngroup().to_numpy()
    labels = lines.groupby(by, sort=True).size().reset_index()[by]
    in_total = np.ones(len(lines), dtype=bool) if total_of is None else np.asarray(total_of, dtype=bool)
    counted = lines[in_total]
    category = counted.groupby(["source_category", "activity"], sort=True).ngroup().to_numpy()
    cat_labels = (
        counted.groupby(["source_category", "activity"], sort=True)
        .size()
        .reset_index()[["source_category", "activity"]]
    )
    records = lines.groupby("record")[["ad_lo", "ad_hi", "ad_dist"]].first()
    factors = inputs.factors
    x = lines["x"].to_numpy()
    rec = lines["record"].to_numpy()
    f1, f2 = lines["f1"].to_numpy(), lines["f2"].to_numpy()
    per_group = np.zeros((groups.max() + 1 if len(groups) else 0, samples))
    per_category = np.zeros((category.max() + 1 if len(category) else 0, samples))
    g_order, c_order = np.argsort(groups, kind="stable"), np.argsort(category, kind="stable")
    g_starts = np.flatnonzero(np.r_[True, np.diff(groups[g_order]) != 0])
    c_starts = np.flatnonzero(np.r_[True, np.diff(category[c_order]) != 0])
    for start in range(0, samples, chunk):
        n = min(chunk, samples - start)
        a = _draw(rng, records["ad_lo"].to_numpy(), records["ad_hi"].to_numpy(), records["ad_dist"].to_numpy(), n)
        m = _draw(rng, factors["lo"].to_numpy(), factors["hi"].to_numpy(), factors["dist"].to_numpy(), n)
        m = np.vstack([m, np.ones((1, n))])  # row -1: no factor
        values = x[:, None] * a[rec] * m[f1] * m[f2]
        per_group[:, start : start + n] = np.add.reduceat(values[g_order], g_starts, axis=0)
        per_category[:, start : start + n] = np.add.reduceat(values[in_total][c_order], c_starts, axis=0)
    total = per_category.sum(axis=0)
    low, high = np.percentile(per_group, [2.5, 97.5], axis=1)
    summary = labels.assign(
        t_co2e=lines.groupby(by, sort=True)["x"].sum().to_numpy(),
        mc_mean=per_group.mean(axis=1),
        mc_p2_5=low,
        mc_p97_5=high,
    )
    half = samples // 2
    first = np.percentile(total[:half], [2.5, 97.5])
    full = np.percentile(total, [2.5, 97.5])
    convergence = float(np.max(np.abs(first - full)) / abs(total.mean())) if total.mean() else 0.0
    variance = total.var()
    share = ((per_category - per_category.mean(axis=1, keepdims=True)) @ (total - total.mean())) / (samples - 1)
    contributions = cat_labels.assign(
        t_co2e=counted.groupby(["source_category", "activity"], sort=True)["x"].sum().to_numpy(),
        variance_share=share / variance if variance else 0.0,
    ).sort_values("variance_share", ascending=False, ignore_index=True)
    return MonteCarlo(summary, samples, seed, convergence < 0.01, convergence, contributions)


def release_paths(manifests: list[dict[str, Any]], used: set[str], store_dir: Path | None = None) -> dict[str, str]:
    """The folder of each release the lines name, found from the run manifests and checked by hash."""
    from ghg.store.audit import release_for

    paths: dict[str, str] = {}
    for manifest in manifests:
        for entry in manifest.get("releases", []):
            release_id = str(entry.get("id"))
            if release_id in used and release_id not in paths:
                paths[release_id] = release_for(entry, store_dir)
    return paths


@dataclass
class Result:
    """The uncertainty of one year: per boundary (the park, then each enterprise) Approach 1 (correlated and
    naive) and Approach 2; the key categories; what is not covered; the run's settings."""

    year: int
    table: pd.DataFrame
    key_categories: pd.DataFrame
    #: Approach 1 per category (source category and activity) of the park or the one enterprise
    categories: pd.DataFrame
    #: Approach 1 per result line: its activity and factor components combined by IPCC Eq. 3.1
    per_line: pd.DataFrame
    not_covered: pd.DataFrame
    samples: int
    seed: int
    default_tier: int
    converged: bool | None
    convergence: float | None


def analyse(
    store_dir: Path | Snapshot,
    lines: pd.DataFrame,
    internal: np.ndarray | None,
    year: int,
    enterprise: str | None = None,
    default_tier: int = 1,
    samples: int = 100_000,
    seed: int = 20261128,
    method: str = "both",
) -> Result:
    """Approach 1 and/or 2 for ``year``: the park (internal supply counted once) and each enterprise, or one
    enterprise. ``internal`` marks the lines that are a member's Scope 2 bought from another member."""
    from ghg.store.snapshot import manifests

    runs = manifests(store_dir)
    store_dir = store_dir.root if isinstance(store_dir, Snapshot) else store_dir
    here = (lines["year"] == year).to_numpy().copy()
    if enterprise:
        here &= (lines["enterprise"] == enterprise).to_numpy()
    chosen = lines.loc[here].copy()
    chosen["boundary"] = chosen["enterprise"]
    if not enterprise:
        park = chosen.loc[~internal[here]] if internal is not None else chosen
        chosen = pd.concat([park.assign(boundary=""), chosen], ignore_index=True)
    used = set(chosen["factor_release"]) - {""}
    ranges = factor_ranges(release_paths(runs, used, store_dir))
    inputs = prepare(chosen, ranges, declared_activity(store_dir, chosen), default_tier)
    table = approach_1(inputs, ["boundary"]) if method in ("1", "both") else None
    converged = convergence = None
    key = pd.DataFrame()
    main = (inputs.lines["boundary"] == (enterprise or "")).to_numpy()
    if method in ("2", "both"):
        # convergence and key categories of the park (or of the one enterprise): its own lines only
        mc = approach_2(inputs, ["boundary"], samples, seed, total_of=main)
        mc_table = mc.summary[["boundary", "t_co2e", "mc_mean", "mc_p2_5", "mc_p97_5"]]
        table = mc_table if table is None else table.merge(mc_table.drop(columns="t_co2e"), on="boundary")
        converged, convergence, key = mc.converged, mc.convergence, mc.contributions
    assert table is not None
    table = table.assign(boundary=table["boundary"].replace("", "park"))
    own_lines = inputs.lines[inputs.lines["boundary"] == inputs.lines["enterprise"]]
    not_covered = (
        own_lines[(own_lines["f1"] < 0) & (own_lines["x"] != 0)]
        .groupby(["enterprise", "factor_release"])
        .agg(lines=("x", "size"), t_co2e=("x", "sum"))
        .reset_index()
    )
    own = Inputs(inputs.lines[main].reset_index(drop=True), inputs.factors, default_tier)
    categories = approach_1(own, ["source_category", "activity"])
    padded = {side: np.append(inputs.factors[side].to_numpy(dtype=float), 0.0) for side in ("lo", "hi")}
    per_line = own.lines[
        ["enterprise", "facility", "source_category", "activity", "gas", "input_file", "input_row", "x"]
    ].rename(columns={"x": "t_co2e"})
    for side in ("lo", "hi"):
        squares = own.lines[f"ad_{side}"] ** 2
        for column in ("f1", "f2"):
            squares = squares + padded[side][own.lines[column].to_numpy()] ** 2
        per_line[f"u_{side}"] = np.sqrt(squares.to_numpy())
    return Result(
        year, table, key, categories, per_line, not_covered, samples, seed, default_tier, converged, convergence
    )
