"""The HTML report: one self-contained file (inline CSS and SVG, no scripts, fonts or images fetched), printable
on A4, in English or Vietnamese, for one enterprise or the whole park and a range of years.

Parts: headline totals of the latest year; the trend; the breakdown by category, source and gas; each
member's share (park); QA/QC findings with their status; the pathway against its targets and the cost
curve when a scenario is given; and the provenance (factor releases with their SHA-256, the GWP set,
input receipts, the revisions used with their logical hashes, the software version).
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from ghg import park
from ghg._version import version
from ghg.core.releases import activity_names
from ghg.core.vocabulary import Scope
from ghg.i18n import text
from ghg.i18n.formatting import number
from ghg.reports import charts
from ghg.reports.html_blocks import ReportInputs, eip_section, escape, html_table, pathway_section, uncertainty_section

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
        f"<p>{escape(text('report.gwp', lang, gwp=', '.join(sorted(gwp_sets))))} "
        f"{escape(text('report.software', lang, version=version(), stored=', '.join(sorted(software))))}</p>"
    ]
    parts.append(f"<h3>{escape(text('report.releases', lang))}</h3>")
    parts.append(
        html_table(
            [
                text(k, lang)
                for k in ("report.head.release", "report.head.version", "report.head.tier", "report.head.sha256")
            ],
            [
                [escape(r["id"]), escape(r.get("version", "")), escape(r.get("tier", "")), escape(r["sha256"])]
                for r in sorted(releases.values(), key=lambda r: str(r["id"]))
            ],
            [False, False, False, False],
            ["", "", "", "hash"],
            widths=[30, 10, 12, 48],
        )
    )
    estimates = sorted(str(r["id"]) for r in releases.values() if r.get("tier") == "estimate")
    if estimates:
        parts.append(f'<p class="note">{escape(text("report.estimates", lang, releases=", ".join(estimates)))}</p>')
    parts.append(f"<h3>{escape(text('report.receipts', lang))}</h3>")
    parts.append(
        html_table(
            [
                text(k, lang)
                for k in ("report.head.file", "report.head.received", "report.head.by", "report.head.sha256")
            ],
            [
                [
                    escape(r.get("name", "")),
                    escape(r.get("received", "")),
                    escape(r.get("submitted_by", "") or "-"),
                    escape(r["sha256"]),
                ]
                for r in sorted(receipts.values(), key=lambda r: str(r.get("name", "")))
            ],
            [False, False, False, False],
            ["", "", "", "hash"],
            widths=[22, 22, 14, 42],
        )
    )
    parts.append(f"<h3>{escape(text('report.revisions', lang))}</h3>")
    parts.append(
        html_table(
            [text(k, lang) for k in ("cli.enterprise", "cli.year", "cli.revision", "cli.status", "cli.content_hash")],
            [
                [
                    escape(r["enterprise"]),
                    str(r["year"]),
                    str(r["revision"]),
                    escape(text(f"status.{r['status']}", lang)),
                    escape(r["content_hash"]),
                ]
                for r in revisions.to_dict(orient="records")
            ],
            [False, False, True, False, False],
            ["", "", "", "", "hash"],
            widths=[18, 8, 10, 14, 50],
        )
    )
    return "".join(parts)


def _page_boxes(title: str, built: str, lang: str) -> str:
    """Printed pages (A4): the report's title and what it was built from at the foot, and 'page n of N'."""

    def css(value: str) -> str:
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'

    page = text("report.page", lang)
    of = text("report.of", lang)
    return (
        "@page { margin-bottom: 16mm; "
        f"@bottom-left {{ content: {css(title + ' · ' + built)}; font-size: 7pt; color: #555; }} "
        f"@bottom-right {{ content: {css(page + ' ')} counter(page) {css(' ' + of + ' ')} counter(pages); "
        "font-size: 7pt; color: #555; } }"
    )


def _year(value: object) -> int | None:
    """A finding's year (an integer, a float of a column with gaps, or empty), or None."""
    try:
        number = float(str(value))
    except ValueError:
        return None
    return int(number) if number == number else None


def _findings_shown(findings: pd.DataFrame, lang: str) -> list[dict[str, object]]:
    """Errors and warnings one per row; information findings (shares, key categories) one summary row per code:
    the years they cover, how many there are, and the latest one's message."""
    rows: list[dict[str, object]] = [{str(k): v for k, v in f.items()} for f in findings.to_dict(orient="records")]
    shown = [f for f in rows if f["severity"] != "info"]
    for code in sorted({str(f["code"]) for f in rows if f["severity"] == "info"}):
        group = [f for f in rows if f["severity"] == "info" and f["code"] == code]
        years = sorted({y for f in group if (y := _year(f["year"])) is not None})
        latest = max(group, key=lambda f: _year(f["year"]) or -1)
        span = f"{years[0]}–{years[-1]}" if len(years) > 1 else (str(years[0]) if years else "")
        message = text("report.info_summary", lang, count=len(group), latest=latest["message"])
        shown.append({**latest, "year": span, "message": message})
    return shown


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
    version = "-" if inputs.store_version is None else inputs.store_version
    built = text("report.built_from", lang, version=version, time=inputs.store_time or "-")
    title = text("report.title", lang, boundary=boundary)
    out = [
        "<!DOCTYPE html>",
        f'<html lang="{lang}"><head><meta charset="utf-8">',
        f"<title>{escape(title)}</title>",
        f"<style>{CSS}{_page_boxes(title, built, lang)}</style></head><body>",
        f"<h1>{escape(title)}</h1>",
        f'<p class="meta">{escape(meta)}<br>{escape(built)}</p>',
    ]
    if last is None:
        out.append(f"<p>{escape(text('report.empty', lang))}</p></body></html>")
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
    out.append(f'<h2>{escape(text("report.headline", lang, year=last))}</h2><div class="cards">')
    for key, value, unit in cards:
        out.append(
            f'<div class="card"><div class="label">{escape(text(key, lang))}</div>'
            f'<div class="value">{escape(number(value, lang, 0))}</div><div class="unit">{escape(unit)}</div></div>'
        )
    out.append("</div>")
    if internal is not None and bool(internal.any()):
        out.append(f'<p class="note">{escape(text("report.internal_note", lang))}</p>')
    # trend
    out.append(f"<h2>{escape(text('report.trend', lang))}</h2>")
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
        html_table(
            [text("cli.year", lang), *(text(f"report.card.{k}", lang) for k in keys)],
            [[str(y), *(escape(number(totals.loc[y, k], lang, 0)) for k in keys)] for y in totals.index],
            [False] + [True] * len(keys),
        )
    )
    # breakdown
    latest = lines[(lines["year"] == last) & lines["scope"].isin([Scope.SCOPE_1.value, Scope.SCOPE_2.value])]
    if internal is not None:
        latest = latest[~internal[latest.index]]
    out.append(f"<h2>{escape(text('report.breakdown', lang, year=last))}</h2>")
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
    names = activity_names(lang, inputs.release_dirs)
    for title_key, column in (("report.by_source", "activity"), ("report.by_gas", "gas")):
        # by source: energy [TJ] (a quantity every source has in the same unit); by gas: the gas's mass [t]
        measure, head = (
            ("energy_tj", "report.head.energy_tj") if column == "activity" else ("mass_t", "report.head.mass_t")
        )
        grouped = (
            latest.groupby(column)
            .agg(co2e=("co2e_t", "sum"), amount=(measure, "sum"))
            .sort_values("co2e", ascending=False)
        )
        share = grouped["co2e"] / grouped["co2e"].sum() if grouped["co2e"].sum() else grouped["co2e"] * 0
        out.append(f"<h3>{escape(text(title_key, lang))}</h3>")
        out.append(
            html_table(
                [
                    text(f"report.head.{column}", lang),
                    text(head, lang),
                    text("report.head.co2e_t", lang),
                    text("report.head.share", lang),
                ],
                [
                    [
                        escape(names.get(str(k), str(k)) if column == "activity" else k),
                        escape(number(r.amount, lang, 3)),
                        escape(number(r.co2e, lang, 0)),
                        escape(number(100 * share[k], lang, 1)) + " %",
                    ]
                    for k, r in grouped.iterrows()
                ],
                [False, True, True, True],
            )
        )
        if column == "activity" and (grouped["co2e"] < 0).any():
            out.append(f'<p class="note">{escape(text("report.negative_sources", lang))}</p>')
    # members
    if inputs.enterprise is None:
        shares = latest.groupby("enterprise")["co2e_t"].sum().sort_values(ascending=False)
        out.append(f"<h2>{escape(text('report.members', lang, year=last))}</h2>")
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
            html_table(
                [text("cli.enterprise", lang), text("report.head.co2e_t", lang), text("report.head.share", lang)],
                [
                    [escape(e), escape(number(v, lang, 0)), escape(number(100 * v / total, lang, 1)) + " %"]
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
    out.append(f"<h2>{escape(text('report.findings', lang, count=len(findings)))}</h2>")
    shown = _findings_shown(findings, lang)
    if len(findings):
        out.append(
            html_table(
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
                        escape(f["code"]),
                        f'<span class="sev-{escape(f["severity"])}">'
                        f"{escape(text('severity.' + str(f['severity']), lang))}</span>",
                        escape(f["enterprise"]),
                        escape(f["year"] if isinstance(f["year"], str) else (_year(f["year"]) or "")),
                        escape(f["message"]),
                        escape(text("report.acknowledged" if f.get("acknowledged") else "report.open", lang)),
                    ]
                    for f in shown
                ],
                [False, False, False, False, False, False],
                widths=[7, 12, 14, 10, 42, 15],
            )
        )
    else:
        out.append(f"<p>{escape(text('report.no_findings', lang))}</p>")
    if inputs.uncertainty is not None:
        out.append(uncertainty_section(inputs.uncertainty, lang, activity_names(lang, inputs.release_dirs)))
    if inputs.eip is not None and inputs.enterprise is None:
        out.append(eip_section(inputs.eip, lang))
    # pathway
    if inputs.projection is not None:
        out.append(pathway_section(inputs, lang))
    out.append(f"<h2>{escape(text('report.provenance', lang))}</h2>")
    out.append(_provenance(inputs, lang))
    out.append("</body></html>")
    return "\n".join(out)
