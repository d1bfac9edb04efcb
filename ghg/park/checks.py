"""QA/QC checks of submitted inventories (IPCC 2006 Vol. 1 Ch. 4 and 6; e-GGRT style): findings with a stable
code, a severity and the rows they concern.

Severities: ``error`` blocks (``ghg check`` exits 1); ``warning`` must be acknowledged with a stored
comment; ``info`` informs. Acknowledgements are a CSV the authority keeps (:data:`ACK_COLUMNS`).
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import numpy as np
import pandas as pd

from ghg import park
from ghg.core import flags
from ghg.core.releases import activity_names
from ghg.core.vocabulary import Scope
from ghg.i18n import CATALOGUE, text
from ghg.i18n.formatting import number

FINDING_COLUMNS = ["code", "severity", "enterprise", "facility", "year", "key", "message", "rows"]
ACK_COLUMNS = ["code", "enterprise", "facility", "year", "key", "comment", "by", "at"]
SEVERITY = {
    "QC01": "warning",  # a source reported last year is missing
    "QC02": "warning",  # a month missing in a monthly series
    "QC03": "warning",  # change beyond x3 or /3 from last year
    "QC04": "warning",  # intensity outside the plausible range of the process
    "QC05": "error",  # consolidated total differs from members minus internal supply
    "QC06": "warning",  # the two sides of a transfer disagree
    "QC07": "info",  # shares of the source categories
    "QC08": "info",  # key categories, Approach 1, level and trend
    "QC09": "error",  # records of an enterprise that is not a member that year
    "QC10": "warning",  # threshold met but not on the national list (or the reverse)
    "QC11": "warning",  # the base year's total moved by the threshold or more
    "QC12": "warning",  # a source of the superseded revision is missing from the latest one
    "QC13": "warning",  # records of one source in overlapping periods
}
#: Approach 1 key categories: the sources that together make up 95% (IPCC 2006 Vol. 1 Ch. 4).
KEY_SHARE = 0.95


def _rows(frame: pd.DataFrame) -> str:
    where = sorted(set(frame["input_file"] + ":" + frame["input_row"].astype(str)))
    return ", ".join(where[:20]) + (f" (+{len(where) - 20})" if len(where) > 20 else "")


def _finding(
    names: dict[str, str],
    code: str,
    enterprise: object,
    facility: object,
    year: object,
    key: str,
    lang: str,
    rows: str = "",
    **params: object,
) -> dict[str, object]:
    """One finding; an activity (``source``) and a source category in the message are named in ``lang``."""
    if isinstance(params.get("source"), str):
        params["source"] = names.get(str(params["source"]), params["source"])
    if isinstance(params.get("category"), str) and f"category.{params['category']}" in CATALOGUE:
        params["category"] = text(f"category.{params['category']}", lang)
    return {
        "code": code,
        "severity": SEVERITY[code],
        "enterprise": str(enterprise),
        "facility": str(facility),
        "year": int(str(year)),
        "key": key,
        "message": text(f"check.{code}", lang, **params),
        "rows": rows,
    }


def intensity_ranges() -> pd.DataFrame:
    """Plausible intensity per tonne of product (``ghg/data/intensity_ranges.csv``, each row cited)."""
    with resources.files("ghg").joinpath("data/intensity_ranges.csv").open(encoding="utf-8") as f:
        return pd.read_csv(f)


def run_checks(
    lines: pd.DataFrame,
    registry: park.Registry,
    transfers: pd.DataFrame | None = None,
    intensities: pd.DataFrame | None = None,
    base_year_revisions: pd.DataFrame | None = None,
    recalculation_threshold: float = 0.05,
    lang: str = "en",
    release_dirs: tuple[Path, ...] = (),
) -> pd.DataFrame:
    """All QA/QC findings for the latest result lines of the park (members and non-members); activities are
    named from the bundled releases and ``release_dirs`` (a store's kept releases)."""
    names = activity_names(lang, release_dirs)
    found: list[dict[str, object]] = []
    counted = lines[lines["scope"].isin([Scope.SCOPE_1.value, Scope.SCOPE_2.value])]
    source_key = ["enterprise", "facility", "source_category", "activity"]
    per_source = counted.groupby([*source_key, "year"])["co2e_t"].sum().reset_index()
    years = sorted(set(per_source["year"]))
    for year in years[1:]:
        before = per_source[per_source["year"] == year - 1].set_index(source_key)["co2e_t"]
        now = per_source[per_source["year"] == year].set_index(source_key)["co2e_t"]
        present = set(lines.loc[lines["year"] == year, "enterprise"])
        for key in before.index.difference(now.index):
            if key[0] in present:  # an enterprise that reported this year but not this source
                found.append(
                    _finding(
                        names, "QC01", key[0], key[1], year, f"{key[2]}/{key[3]}", lang, source=key[3], category=key[2]
                    )
                )
        both = before.index.intersection(now.index)
        ratio = (now[both] / before[both]).replace([np.inf, -np.inf], np.nan)
        for key, r in ratio.items():
            if r > 3 or (0 < r < 1 / 3):
                rows = _rows(
                    counted[
                        (counted["year"] == year)
                        & (counted["activity"] == key[3])
                        & (counted["enterprise"] == key[0])
                        & (counted["facility"] == key[1])
                    ]
                )
                found.append(
                    _finding(
                        names,
                        "QC03",
                        key[0],
                        key[1],
                        year,
                        f"{key[2]}/{key[3]}",
                        lang,
                        rows,
                        source=key[3],
                        ratio=number(float(r), lang, 2),
                    )
                )
    monthly = counted[counted["period"].str.fullmatch(r"\d{4}-\d{2}")]
    for key, frame in monthly.groupby([*source_key, "year"]):
        months = {int(p[5:7]) for p in frame["period"]}
        missing = sorted(set(range(1, 13)) - months)
        if missing:
            found.append(
                _finding(
                    names,
                    "QC02",
                    key[0],
                    key[1],
                    key[4],
                    f"{key[2]}/{key[3]}",
                    lang,
                    _rows(frame),
                    source=key[3],
                    months=", ".join(f"{m:02d}" for m in missing),
                )
            )
    if intensities is not None and len(intensities):
        ranges = intensity_ranges().set_index("product")
        for row in intensities.to_dict(orient="records"):
            if row["product"] in ranges.index and row["products"] == 1:
                low, high = (
                    ranges.loc[row["product"], "low_t_co2e_per_t"],
                    ranges.loc[row["product"], "high_t_co2e_per_t"],
                )
                value = row["t_co2e_per_t"]
                if not low <= value <= high:
                    found.append(
                        _finding(
                            names,
                            "QC04",
                            row["enterprise"],
                            row["facility"],
                            row["year"],
                            str(row["product"]),
                            lang,
                            product=row["product"],
                            value=f"{value:.3f}",
                            low=low,
                            high=high,
                        )
                    )
    result = park.consolidate(lines, registry, transfers)
    independent = _independent_total(result.lines)
    for row in result.consolidated.to_dict(orient="records"):
        expected = independent.get(int(row["year"]), 0.0)
        if abs(row["consolidated_location_t_co2e"] - expected) > 1e-6 * max(abs(expected), 1.0):
            found.append(
                _finding(
                    names,
                    "QC05",
                    "",
                    "",
                    row["year"],
                    "park",
                    lang,
                    total=f"{row['consolidated_location_t_co2e']:,.1f}",
                    expected=f"{expected:,.1f}",
                )
            )
    for row in result.transfers.to_dict(orient="records") if len(result.transfers) else []:
        if not row["agrees"]:
            found.append(
                _finding(
                    names,
                    "QC06",
                    str(row["buyer"]),
                    "",
                    row["year"],
                    f"{row['seller']}->{row['buyer']}/{row['carrier']}",
                    lang,
                    str(row["buyer_rows"]),
                    seller=row["seller"],
                    buyer=row["buyer"],
                    carrier=row["carrier"],
                    ledger=f"{row['ledger_quantity']:,.1f}",
                    buyer_q=f"{row['buyer_quantity']:,.1f}",
                    unit=row["unit"],
                    ledger_rows=row["ledger_rows"] or "-",
                )
            )
    for row in result.not_members.to_dict(orient="records"):
        found.append(
            _finding(
                names,
                "QC09",
                str(row["enterprise"]),
                row["facility"],
                row["year"],
                "membership",
                lang,
                member=f"{row['enterprise']}/{row['facility']}" if row["facility"] else row["enterprise"],
            )
        )
    location = result.lines[
        result.lines["scope"].isin([Scope.SCOPE_1.value, Scope.SCOPE_2.value]) & ~result.lines["internal"]
    ]
    for year, frame in location.groupby("year"):
        shares = frame.groupby("source_category")["co2e_t"].sum()
        total = shares.sum()
        if total > 0:
            listing = "; ".join(
                f"{text('category.' + str(k), lang)} {_percent(v / total, lang)}"
                for k, v in shares.sort_values(ascending=False).items()
            )
            found.append(_finding(names, "QC07", "", "", int(str(year)), "park", lang, shares=listing))
    found += _key_categories(location, lang, names)
    for row in park.thresholds(result.lines, registry).to_dict(orient="records"):
        if row["decree_06_inventory_duty"] != row["on_national_list"]:
            found.append(
                _finding(
                    names,
                    "QC10",
                    row["enterprise"],
                    row["facility"],
                    row["year"],
                    "national_list",
                    lang,
                    t_co2e=number(row["t_co2e"], lang, 0),
                    toe=number(row["toe"], lang, 0),
                    listed=text("cli.yes" if row["on_national_list"] else "cli.no", lang),
                )
            )
    if base_year_revisions is not None and len(base_year_revisions):
        found += _base_year(base_year_revisions, recalculation_threshold, lang, names)
        found += _dropped(lines, base_year_revisions, lang, names)
    found += _overlaps(lines, lang, names)
    return pd.DataFrame(found, columns=FINDING_COLUMNS)


def _dropped(lines: pd.DataFrame, revisions: pd.DataFrame, lang: str, names: dict[str, str]) -> list[dict[str, object]]:
    """QC12: a source of the revision the latest one superseded is missing from it."""
    found = []
    latest = lines[["enterprise", "year", "revision"]].drop_duplicates()
    for enterprise, year, revision in latest.itertuples(index=False, name=None):
        if int(revision) < 2:
            continue
        mine = (revisions["enterprise"] == enterprise) & (revisions["year"] == year)
        parent = revisions[mine & (revisions["revision"] == int(revision) - 1)]
        child = lines[(lines["enterprise"] == enterprise) & (lines["year"] == year)]
        for r in flags.dropped_sources(parent, child).to_dict(orient="records"):
            found.append(
                _finding(
                    names,
                    "QC12",
                    enterprise,
                    r["facility"],
                    year,
                    f"{r['source_category']}/{r['activity']}",
                    lang,
                    source=r["activity"],
                    category=r["source_category"],
                    revision=int(revision) - 1,
                    co2e=number(float(r["co2e_t"]), lang, 1),
                )
            )
    return found


def _overlaps(lines: pd.DataFrame, lang: str, names: dict[str, str]) -> list[dict[str, object]]:
    """QC13: records of one source in overlapping periods (the same rule ``ghg validate`` warns about)."""
    counted = lines[lines["scope"].isin([Scope.SCOPE_1.value, Scope.SCOPE_2.value])]
    records = counted[[*flags.SOURCE_KEY, "period", "input_file", "input_row"]].rename(
        columns={"input_file": "file", "input_row": "row"}
    )
    found = []
    for w in flags.overlapping_periods(records.sort_values(["file", "row"])):
        hit = counted[(counted["input_file"] == w.file) & (counted["input_row"] == w.row)].iloc[0]
        found.append(
            _finding(
                names,
                "QC13",
                hit["enterprise"],
                hit["facility"],
                hit["year"],
                f"{hit['source_category']}/{hit['activity']}",
                lang,
                f"{w.file}:{w.row}, {str(w.params['where']).removeprefix(' of ') or w.file}:{w.params['other_row']}",
                source=hit["activity"],
                period=w.value,
                other=w.params["other"],
            )
        )
    return found


def _independent_total(lines: pd.DataFrame) -> dict[int, float]:
    """The consolidated total summed another way: every member's location-based lines but internal supply."""
    kept = lines[lines["scope"].isin([Scope.SCOPE_1.value, Scope.SCOPE_2.value]) & ~lines["internal"]]
    return {int(str(y)): float(v) for y, v in kept.groupby("year")["co2e_t"].sum().items()}


def _key_categories(location: pd.DataFrame, lang: str, names: dict[str, str]) -> list[dict[str, object]]:
    """Approach 1 key categories (IPCC 2006 Vol. 1 Ch. 4 Eq. 4.1 level, Eq. 4.2 trend against the first year)."""
    found: list[dict[str, object]] = []
    by = location.groupby(["year", "source_category", "activity"])["co2e_t"].sum()
    years = sorted({int(str(y)) for y in by.index.get_level_values(0)})
    if not years:
        return found
    base = by.xs(years[0], level="year")
    for year in years:
        now = by.xs(year, level="year")
        level = (now.abs() / now.abs().sum()).sort_values(ascending=False)
        key_level = level[level.cumsum().shift(fill_value=0) < KEY_SHARE]
        listed = _listing(key_level, lang, names)
        kind = text("check.kind_level", lang)
        found.append(_finding(names, "QC08", "", "", year, "level", lang, kind=kind, sources=listed))
        if year != years[0] and base.sum() > 0 and now.sum() > 0:
            both = base.index.intersection(now.index)
            trend = (base[both] / base.sum()) * (
                (now[both] - base[both]) / base[both].where(base[both] != 0) - (now.sum() - base.sum()) / base.sum()
            ).abs()
            share = (trend / trend.sum()).sort_values(ascending=False).dropna()
            key_trend = share[share.cumsum().shift(fill_value=0) < KEY_SHARE]
            listed = _listing(key_trend, lang, names)
            kind = text("check.kind_trend", lang, year=years[0])
            found.append(_finding(names, "QC08", "", "", year, "trend", lang, kind=kind, sources=listed))
    return found


def _percent(share: float, lang: str) -> str:
    """A share as a percentage with one decimal, in the language's number format (12.3 % / 12,3 %)."""
    return f"{number(100 * float(share), lang, 1)} %"


def _listing(shares: pd.Series, lang: str, names: dict[str, str]) -> str:
    """Source category / activity and share, e.g. 'purchased electricity / grid_electricity 56.2 %'."""
    return "; ".join(
        f"{text('category.' + str(k[0]), lang)} / {names.get(str(k[1]), k[1])} {_percent(v, lang)}"
        for k, v in zip(shares.index, shares.to_numpy(), strict=True)
    )


def _base_year(revisions: pd.DataFrame, threshold: float, lang: str, names: dict[str, str]) -> list[dict[str, object]]:
    """Compare each enterprise's base-year total in its first and latest stored revision."""
    counted = revisions[revisions["scope"].isin([Scope.SCOPE_1.value, Scope.SCOPE_2.value])]
    totals = counted.groupby(["enterprise", "year", "revision"])["co2e_t"].sum().reset_index()
    found = []
    for (enterprise, year), frame in totals.groupby(["enterprise", "year"]):
        frame = frame.sort_values("revision")
        original, restated = float(frame["co2e_t"].iloc[0]), float(frame["co2e_t"].iloc[-1])
        if original and abs(restated - original) / abs(original) >= threshold:
            found.append(
                _finding(
                    names,
                    "QC11",
                    str(enterprise),
                    "",
                    int(str(year)),
                    "base_year",
                    lang,
                    original=f"{original:,.1f}",
                    restated=f"{restated:,.1f}",
                    change=f"{(restated - original) / original:+.1%}",
                    first=int(frame["revision"].iloc[0]),
                    last=int(frame["revision"].iloc[-1]),
                )
            )
    return found


def acknowledge(findings: pd.DataFrame, path: Path | None) -> pd.DataFrame:
    """Mark warnings that have a stored acknowledgement (code, enterprise, facility, year, key + comment)."""
    findings = findings.copy()
    findings["acknowledged"] = False
    findings["comment"] = ""
    if path is None or not path.is_file():
        return findings
    acks = pd.read_csv(path, dtype=str, keep_default_na=False)
    acks = acks[acks["comment"].str.strip() != ""]
    index = {
        (r["code"], r["enterprise"], r["facility"], str(r["year"]), r["key"]): r["comment"]
        for r in acks.to_dict(orient="records")
    }
    for i, row in findings.iterrows():
        comment = index.get(
            (str(row["code"]), str(row["enterprise"]), str(row["facility"]), str(row["year"]), str(row["key"]))
        )
        if comment and row["severity"] == "warning":
            findings.at[i, "acknowledged"] = True
            findings.at[i, "comment"] = comment
    return findings
