"""The HTML report: one self-contained file (inline CSS and SVG, no scripts, fonts or images fetched), printable
on A4, in English or Vietnamese, for one enterprise or the whole park and a range of years.

Parts: headline totals of the latest year; the trend; the breakdown by category, source and gas; each
member's share (park); QA/QC findings with their status; the pathway against its targets and the cost
curve when a scenario is given; and the provenance (factor releases with their SHA-256, the GWP set,
input receipts, the revisions used with their logical hashes, the software version).
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from ghg import park
from ghg._version import __version__
from ghg.core.vocabulary import Scope
from ghg.i18n import text
from ghg.i18n.formatting import number
from ghg.pathways.projection import Projection
from ghg.pathways.targets import Gap
from ghg.reports import charts

CSS = """
@page { size: A4; margin: 14mm 12mm; }
* { box-sizing: border-box; }
body { font-family: "DejaVu Sans", "Noto Sans", Arial, sans-serif; font-size: 10pt; color: #1a1a1a;
       max-width: 190mm; margin: 0 auto; padding: 6mm 0; line-height: 1.35; }
h1 { font-size: 17pt; margin: 0 0 2mm; color: #14532d; }
h2 { font-size: 13pt; margin: 7mm 0 2mm; color: #14532d; border-bottom: 1px solid #c7d2c0;
     page-break-after: avoid; }
p.meta { color: #555; margin: 0 0 4mm; }
.cards { display: grid; grid-template-columns: repeat(4, 1fr); gap: 2.5mm; }
.card { border: 1px solid #c7d2c0; border-radius: 2mm; padding: 2mm 3mm; background: #f6faf4; }
.card .label { font-size: 8pt; color: #444; }
.card .value { font-size: 13pt; font-weight: bold; overflow-wrap: anywhere; }
.card .unit { font-size: 8pt; color: #444; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; margin: 2mm 0 3mm;
        page-break-inside: auto; }
th, td { border-bottom: 1px solid #dde3da; padding: 1mm 1.5mm; text-align: left; vertical-align: top;
         overflow-wrap: anywhere; word-break: break-word; font-size: 8.5pt; }
th { background: #e8f0e4; font-weight: bold; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
tr { page-break-inside: avoid; }
td.hash { font-family: "DejaVu Sans Mono", monospace; font-size: 7pt; word-break: break-all; }
.sev-error { color: #b91c1c; font-weight: bold; }
.sev-warning { color: #b45309; }
.chart svg { width: 100%; height: auto; max-height: 120mm; }
.chart { page-break-inside: avoid; margin: 2mm 0; }
.note { color: #555; font-size: 8.5pt; }
"""


@dataclass
class ReportInputs:
    """Everything a report shows, gathered by the caller from the store and the park's files."""

    lines: pd.DataFrame
    findings: pd.DataFrame
    history: pd.DataFrame
    manifests: list[dict[str, Any]]
    registry: park.Registry | None = None
    transfers: pd.DataFrame | None = None
    enterprise: str | None = None
    years: list[int] = field(default_factory=list)
    projection: Projection | None = None
    gaps: list[Gap] = field(default_factory=list)
    macc: pd.DataFrame | None = None
    macc_year: int | None = None
    uncertainty: Any = None
    band: pd.DataFrame | None = None
    eip: Any = None


def _e(value: object) -> str:
    return html.escape(str(value), quote=True)


def _table(
    heads: list[str],
    rows: list[list[str]],
    numeric: list[bool],
    css: list[str] | None = None,
    widths: list[int] | None = None,
) -> str:
    cols = "".join(f'<col style="width:{w}%">' for w in widths) if widths else ""
    head = "".join(f'<th class="{"n" if n else ""}">{_e(h)}</th>' for h, n in zip(heads, numeric, strict=True))
    body = []
    for row in rows:
        cells = []
        for i, (cell, n) in enumerate(zip(row, numeric, strict=True)):
            cls = "n" if n else (css[i] if css else "")
            cells.append(f'<td class="{cls}">{cell}</td>')
        body.append("<tr>" + "".join(cells) + "</tr>")
    return f"<table><colgroup>{cols}</colgroup><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def _scope_totals(lines: pd.DataFrame, internal: pd.Series | None) -> pd.DataFrame:
    """Per year: Scope 1, Scope 2 both methods (internal supply subtracted for the park), biogenic, TJ, TOE."""
    frame = lines.assign(internal=False if internal is None else internal)
    counted = frame[~frame["internal"]]
    table = counted.pivot_table(index="year", columns="scope", values="co2e_t", aggfunc="sum", fill_value=0.0)
    out = pd.DataFrame(index=table.index)
    for column, scope in (
        ("scope_1", Scope.SCOPE_1.value),
        ("scope_2_location", Scope.SCOPE_2.value),
        ("scope_2_market", "scope_2_market"),
        ("biogenic", Scope.MEMO_BIOGENIC.value),
    ):
        out[column] = table.get(scope, 0.0)
    out["total_location"] = out["scope_1"] + out["scope_2_location"]
    out["total_market"] = out["scope_1"] + out["scope_2_market"]
    energy = lines[lines["scope"].isin([Scope.SCOPE_1.value, Scope.SCOPE_2.value])]
    energy = energy.drop_duplicates(["enterprise", "facility", "year", "input_file", "input_row"])
    out["tj"] = energy.groupby("year")["energy_tj"].sum().reindex(out.index).fillna(0.0)
    out["toe"] = energy.groupby("year")["energy_toe"].sum().reindex(out.index).fillna(0.0)
    return out


def _provenance(inputs: ReportInputs, lang: str) -> str:
    used = inputs.lines[["enterprise", "year", "revision"]].drop_duplicates()
    revisions = used.merge(inputs.history, on=["enterprise", "year", "revision"], how="left")
    revisions = revisions.sort_values(["year", "enterprise"])
    wanted = set(zip(used["enterprise"], used["year"].astype(int), used["revision"].astype(int), strict=True))
    releases: dict[str, dict[str, Any]] = {}
    receipts: dict[str, dict[str, Any]] = {}
    gwp_sets: set[str] = set(inputs.lines["gwp_set"])
    software: set[str] = set()
    for manifest in inputs.manifests:
        parts = manifest.get("partitions", [])
        if not any((p["enterprise"], int(p["year"]), int(p["revision"])) in wanted for p in parts):
            continue
        software.add(str(manifest.get("software_version", "")))
        for release in manifest.get("releases", []):
            releases[str(release["id"])] = release
        files = {str(i["sha256"]): i for i in manifest.get("inputs", [])}
        for receipt in manifest.get("receipts", []):
            entry = {**files.get(str(receipt["sha256"]), {}), **receipt}
            receipts[str(receipt["sha256"])] = entry
    parts = [
        f"<p>{_e(text('report.gwp', lang, gwp=', '.join(sorted(gwp_sets))))} "
        f"{_e(text('report.software', lang, version=__version__, stored=', '.join(sorted(software))))}</p>"
    ]
    parts.append(f"<h3>{_e(text('report.releases', lang))}</h3>")
    parts.append(
        _table(
            [
                text(k, lang)
                for k in ("report.head.release", "report.head.version", "report.head.tier", "report.head.sha256")
            ],
            [
                [_e(r["id"]), _e(r.get("version", "")), _e(r.get("tier", "")), _e(r["sha256"])]
                for r in sorted(releases.values(), key=lambda r: str(r["id"]))
            ],
            [False, False, False, False],
            ["", "", "", "hash"],
            widths=[30, 10, 12, 48],
        )
    )
    parts.append(f"<h3>{_e(text('report.receipts', lang))}</h3>")
    parts.append(
        _table(
            [
                text(k, lang)
                for k in ("report.head.file", "report.head.received", "report.head.by", "report.head.sha256")
            ],
            [
                [
                    _e(r.get("name", "")),
                    _e(r.get("received", "")),
                    _e(r.get("submitted_by", "") or "-"),
                    _e(r["sha256"]),
                ]
                for r in sorted(receipts.values(), key=lambda r: str(r.get("name", "")))
            ],
            [False, False, False, False],
            ["", "", "", "hash"],
            widths=[22, 22, 14, 42],
        )
    )
    parts.append(f"<h3>{_e(text('report.revisions', lang))}</h3>")
    parts.append(
        _table(
            [text(k, lang) for k in ("cli.enterprise", "cli.year", "cli.revision", "cli.status", "cli.content_hash")],
            [
                [
                    _e(r["enterprise"]),
                    str(r["year"]),
                    str(r["revision"]),
                    _e(text(f"status.{r['status']}", lang)),
                    _e(r["content_hash"]),
                ]
                for r in revisions.to_dict(orient="records")
            ],
            [False, False, True, False, False],
            ["", "", "", "", "hash"],
            widths=[18, 8, 10, 14, 50],
        )
    )
    return "".join(parts)


def render(inputs: ReportInputs, lang: str) -> str:
    """The report as one HTML document (UTF-8 text)."""
    lines = inputs.lines
    if inputs.years:
        lines = lines[lines["year"].isin(inputs.years)]
    if inputs.enterprise:
        lines = lines[lines["enterprise"] == inputs.enterprise]
    lines = lines.reset_index(drop=True)
    internal = None
    if inputs.registry is not None and inputs.enterprise is None:
        internal = pd.Series(park.internal_supply(lines, inputs.registry), index=lines.index)
    years = sorted(set(lines["year"]))
    last = years[-1] if years else None
    boundary = inputs.enterprise or text("report.park", lang)
    totals = _scope_totals(lines, internal) if len(lines) else pd.DataFrame()
    gwp = ", ".join(sorted(set(lines["gwp_set"])))
    meta = text("report.meta", lang, first=years[0] if years else "-", last=last or "-", gwp=gwp)
    out = [
        "<!DOCTYPE html>",
        f'<html lang="{lang}"><head><meta charset="utf-8">',
        f"<title>{_e(text('report.title', lang, boundary=boundary))}</title>",
        f"<style>{CSS}</style></head><body>",
        f"<h1>{_e(text('report.title', lang, boundary=boundary))}</h1>",
        f'<p class="meta">{_e(meta)}</p>',
    ]
    if last is None:
        out.append(f"<p>{_e(text('report.empty', lang))}</p></body></html>")
        return "\n".join(out)
    # headline
    row = totals.loc[last]
    cards = [
        ("report.card.scope_1", row["scope_1"], "t CO2e"),
        ("report.card.scope_2_location", row["scope_2_location"], "t CO2e"),
        ("report.card.scope_2_market", row["scope_2_market"], "t CO2e"),
        ("report.card.total_location", row["total_location"], "t CO2e"),
        ("report.card.total_market", row["total_market"], "t CO2e"),
        ("report.card.biogenic", row["biogenic"], "t CO2"),
        ("report.card.tj", row["tj"], "TJ"),
        ("report.card.toe", row["toe"], "TOE"),
    ]
    out.append(f'<h2>{_e(text("report.headline", lang, year=last))}</h2><div class="cards">')
    for key, value, unit in cards:
        out.append(
            f'<div class="card"><div class="label">{_e(text(key, lang))}</div>'
            f'<div class="value">{_e(number(value, lang, 0))}</div><div class="unit">{_e(unit)}</div></div>'
        )
    out.append("</div>")
    if internal is not None and bool(internal.any()):
        out.append(f'<p class="note">{_e(text("report.internal_note", lang))}</p>')
    # trend
    out.append(f"<h2>{_e(text('report.trend', lang))}</h2>")
    labels = {
        "scope_1": text("report.card.scope_1", lang),
        "scope_2_location": text("report.card.scope_2_location", lang),
    }
    out.append(
        '<div class="chart">'
        + charts.stacked_years(
            totals[["scope_1", "scope_2_location"]],
            labels,
            text("pathway.chart.kt", lang),
            text("report.trend", lang),
            lang,
        )
        + "</div>"
    )
    keys = ["scope_1", "scope_2_location", "scope_2_market", "biogenic", "tj", "toe"]
    out.append(
        _table(
            [text("cli.year", lang), *(text(f"report.card.{k}", lang) for k in keys)],
            [[str(y), *(_e(number(totals.loc[y, k], lang, 0)) for k in keys)] for y in totals.index],
            [False] + [True] * len(keys),
        )
    )
    # breakdown
    latest = lines[(lines["year"] == last) & lines["scope"].isin([Scope.SCOPE_1.value, Scope.SCOPE_2.value])]
    if internal is not None:
        latest = latest[~internal[latest.index]]
    out.append(f"<h2>{_e(text('report.breakdown', lang, year=last))}</h2>")
    by_category = latest.groupby(["scope", "source_category"])["co2e_t"].sum().sort_values(ascending=False)
    out.append(
        '<div class="chart">'
        + charts.horizontal_bars(
            [f"{text('category.' + c, lang)} ({text('scope.' + s, lang)})" for s, c in by_category.index],
            by_category.tolist(),
            text("pathway.chart.kt", lang),
            text("report.by_category", lang),
            lang,
        )
        + "</div>"
    )
    for title_key, column in (("report.by_source", "activity"), ("report.by_gas", "gas")):
        grouped = (
            latest.groupby(column)
            .agg(co2e=("co2e_t", "sum"), mass=("mass_t", "sum"))
            .sort_values("co2e", ascending=False)
        )
        share = grouped["co2e"] / grouped["co2e"].sum() if grouped["co2e"].sum() else grouped["co2e"] * 0
        out.append(f"<h3>{_e(text(title_key, lang))}</h3>")
        out.append(
            _table(
                [
                    text(f"report.head.{column}", lang),
                    text("report.head.mass_t", lang),
                    text("report.head.co2e_t", lang),
                    text("report.head.share", lang),
                ],
                [
                    [
                        _e(k),
                        _e(number(r.mass, lang, 3)),
                        _e(number(r.co2e, lang, 0)),
                        _e(number(100 * share[k], lang, 1)) + " %",
                    ]
                    for k, r in grouped.iterrows()
                ],
                [False, True, True, True],
            )
        )
    # members
    if inputs.enterprise is None:
        shares = latest.groupby("enterprise")["co2e_t"].sum().sort_values(ascending=False)
        out.append(f"<h2>{_e(text('report.members', lang, year=last))}</h2>")
        out.append(
            '<div class="chart">'
            + charts.horizontal_bars(
                shares.index.tolist(),
                shares.tolist(),
                text("pathway.chart.kt", lang),
                text("report.members", lang, year=last),
                lang,
            )
            + "</div>"
        )
        total = shares.sum()
        out.append(
            _table(
                [text("cli.enterprise", lang), text("report.head.co2e_t", lang), text("report.head.share", lang)],
                [
                    [_e(e), _e(number(v, lang, 0)), _e(number(100 * v / total, lang, 1)) + " %"]
                    for e, v in shares.items()
                ],
                [False, True, True],
            )
        )
    # findings
    findings = inputs.findings
    if inputs.enterprise is not None and len(findings):
        findings = findings[findings["enterprise"].isin([inputs.enterprise, ""])]
    if inputs.years and len(findings):
        findings = findings[findings["year"].isin(inputs.years) | findings["year"].isna()]
    out.append(f"<h2>{_e(text('report.findings', lang, count=len(findings)))}</h2>")
    if len(findings):
        out.append(
            _table(
                [
                    text(k, lang)
                    for k in (
                        "report.head.code",
                        "report.head.severity",
                        "cli.enterprise",
                        "cli.year",
                        "report.head.message",
                        "report.head.status",
                    )
                ],
                [
                    [
                        _e(f["code"]),
                        f'<span class="sev-{_e(f["severity"])}">'
                        f"{_e(text('severity.' + str(f['severity']), lang))}</span>",
                        _e(f["enterprise"]),
                        _e(f["year"]),
                        _e(f["message"]),
                        _e(text("report.acknowledged" if f.get("acknowledged") else "report.open", lang)),
                    ]
                    for f in findings.to_dict(orient="records")
                ],
                [False, False, False, False, False, False],
                widths=[8, 10, 15, 7, 48, 12],
            )
        )
    else:
        out.append(f"<p>{_e(text('report.no_findings', lang))}</p>")
    if inputs.uncertainty is not None:
        out.append(_uncertainty(inputs.uncertainty, lang))
    if inputs.eip is not None and inputs.enterprise is None:
        out.append(_eip(inputs.eip, lang))
    # pathway
    if inputs.projection is not None:
        out.append(_pathway(inputs, lang))
    out.append(f"<h2>{_e(text('report.provenance', lang))}</h2>")
    out.append(_provenance(inputs, lang))
    out.append("</body></html>")
    return "\n".join(out)


def _eip(ind: Any, lang: str) -> str:
    """Decree 35 indicators of the year, the Art. 37 numeric criteria and the symbiosis network."""
    s = ind.summary
    met = {c["criterion"]: c["met"] for c in ind.criteria.to_dict(orient="records")}
    status = {k: text("eip.met" if v else "eip.not_met", lang) for k, v in met.items()}
    out = [f"<h2>{_e(text('report.eip', lang, year=ind.year))}</h2>"]
    share = number(100 * s["recp_share"], lang, 1)
    uptake = text("eip.recp_share", lang, count=s["recp_enterprises"], members=s["members"], share=share,
                  status=status["37.2(c)"])  # fmt: skip
    out.append(f"<p>{_e(uptake)}</p>")
    out.append(f"<p>{_e(text('eip.links', lang, count=s['symbiosis_links'], status=status['37.2(b)']))}</p>")
    change = s["inventory_change_t_co2e"]
    out.append(
        "<p>"
        + _e(
            text(
                "eip.avoided",
                lang,
                recp=number(s["avoided_recp_t_co2e"], lang, 0),
                grid=number(s["grid_factor_t_co2_per_mwh"], lang, 4),
                links=number(s["avoided_symbiosis_t_co2e"], lang, 0),
                change=number(change, lang, 0) if change is not None else "-",
            )
        )
        + "</p>"
    )
    title = text("eip.network_title", lang, year=ind.year)
    out.append(f'<div class="chart">{charts.inline(charts.network(ind.links, title, lang, Path("n"), ("svg",)))}</div>')
    heads = [text(f"col.{c}", lang) for c in ("supplier", "receiver", "material", "quantity", "avoided_t_co2e")]
    rows = [
        [_e(r["supplier"]), _e(r["receiver"]), _e(r["material"]), _e(f"{number(r['quantity'], lang, 0)} {r['unit']}"),
         _e(number(r["avoided_t_co2e"], lang, 0))]
        for r in ind.links.to_dict(orient="records")
    ]  # fmt: skip
    out.append(_table(heads, rows, [False, False, False, True, True]))
    return "".join(out)


def _uncertainty(result: Any, lang: str) -> str:
    """Approach 1 (shared factors correlated, and the naive independent figure) beside Approach 2."""
    out = [f"<h2>{_e(text('report.uncertainty', lang, year=result.year))}</h2>"]
    out.append(
        f'<p class="note">{_e(text("report.uncertainty_note", lang, samples=result.samples, seed=result.seed))}</p>'
    )
    rows = []
    for r in result.table.to_dict(orient="records"):
        a1 = f"−{number(100 * r['u_lo'], lang, 1)} / +{number(100 * r['u_hi'], lang, 1)} %"
        naive = f"−{number(100 * r['naive_lo'], lang, 1)} / +{number(100 * r['naive_hi'], lang, 1)} %"
        low, high = 100 * (r["mc_p2_5"] / r["t_co2e"] - 1), 100 * (r["mc_p97_5"] / r["t_co2e"] - 1)
        a2 = f"{number(low, lang, 1).replace('-', '−')} / +{number(high, lang, 1)} %"
        name = text("report.park", lang) if r["boundary"] == "park" else r["boundary"]
        rows.append([_e(name), _e(number(r["t_co2e"], lang, 0)), _e(a1), _e(naive), _e(a2)])
    heads = [text("cli.enterprise", lang), "t CO2e"]
    heads += [text(k, lang) for k in ("uncertainty.head.a1", "uncertainty.head.naive", "uncertainty.head.a2")]
    out.append(_table(heads, rows, [False, True, True, True, True], widths=[22, 16, 22, 20, 20]))
    if len(result.key_categories):
        out.append(f"<h3>{_e(text('uncertainty.key_categories', lang))}</h3>")
        out.append(
            _table(
                [text(f"col.{c}", lang) for c in ("source_category", "activity", "t_co2e", "variance_share")],
                [
                    [
                        _e(text("category." + r["source_category"], lang)),
                        _e(r["activity"]),
                        _e(number(r["t_co2e"], lang, 0)),
                        _e(number(100 * r["variance_share"], lang, 1)) + " %",
                    ]
                    for r in result.key_categories.head(6).to_dict(orient="records")
                ],
                [False, False, True, True],
            )
        )
    return "".join(out)


def _pathway(inputs: ReportInputs, lang: str) -> str:
    projection = inputs.projection
    assert projection is not None
    scenario = projection.scenario
    name = scenario.name_vi if lang == "vi" else scenario.name
    out = [f"<h2>{_e(text('report.pathway', lang, name=name))}</h2>"]
    groups: dict[tuple[str, ...], list[Gap]] = {}
    for g in inputs.gaps:
        groups.setdefault(tuple(g.target.scopes), []).append(g)
    if not groups:
        groups[("scope_1", "scope_2_location")] = []
    for scopes, members in groups.items():
        drawn = {
            (g.target.name_vi if lang == "vi" else g.target.name): g.yearly[["year", "target_t_co2e"]] for g in members
        }
        title = " + ".join(text(f"pathway.scope.{s}", lang) for s in scopes)
        band = inputs.band if scopes == ("scope_1", "scope_2_location") else None
        totals = projection.totals(list(scopes), inputs.enterprise)
        svg = charts.inline(charts.pathway(totals, drawn, title, lang, Path("p"), ("svg",), band))
        out.append(f'<div class="chart">{svg}</div>')
    if inputs.gaps:
        out.append(
            _table(
                [
                    text(k, lang)
                    for k in (
                        "report.head.target",
                        "report.head.first_off",
                        "report.head.overshoot",
                        "report.head.rate",
                        "report.head.residual",
                    )
                ],
                [
                    [
                        _e(g.target.name_vi if lang == "vi" else g.target.name),
                        _e(g.summary["first_year_off_track"] or text("pathway.check.never", lang)),
                        _e(number(g.summary["overshoot_t_co2e"], lang, 0)),
                        _e(number(100 * g.summary["rate_needed_per_year"], lang, 2) + " %"),
                        _e(number(g.summary["residual_t_co2e"], lang, 0)),
                    ]
                    for g in inputs.gaps
                ],
                [False, False, True, True, True],
            )
        )
    if inputs.macc is not None and len(inputs.macc):
        title = text("report.macc", lang, year=inputs.macc_year)
        svg = charts.inline(charts.macc(inputs.macc, title, lang, Path("m"), ("svg",)))
        out.append(f'<h3>{_e(title)}</h3><div class="chart">{svg}</div>')
        out.append(
            _table(
                [
                    text(k, lang)
                    for k in (
                        "pathway.head.measure",
                        "pathway.head.abated_t",
                        "pathway.head.cost_t",
                        "pathway.head.annual_cost",
                    )
                ],
                [
                    [
                        _e(r["measure"]),
                        _e(number(r["abatement_t_co2e"], lang, 0)),
                        _e(number(r["cost_per_t_co2e"], lang, 1)),
                        _e(number(r["annual_cost"], lang, 0)),
                    ]
                    for r in inputs.macc.to_dict(orient="records")
                ],
                [False, True, True, True],
            )
        )
    return "".join(out)
