"""The HTML report's building blocks: what a report is given (:class:`ReportInputs`), escaped cells and tables,
and the sections drawn only when their inputs are given: the eco-industrial park's indicators (``--eip``),
the inventory's uncertainty, and the pathway against its targets with the cost curve (``--scenario``)."""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from ghg import park
from ghg.i18n import text
from ghg.i18n.formatting import number
from ghg.pathways.projection import Projection
from ghg.pathways.targets import Gap
from ghg.pathways.workflow import grid_basis_text
from ghg.reports import charts, network


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
    #: the store's version the report was built from, and the time of its last commit (ISO 8601)
    store_version: int | None = None
    store_time: str = ""
    #: the store's kept factor releases, for the names of their activities
    release_dirs: tuple[Path, ...] = ()


def escape(value: object) -> str:
    return html.escape(str(value), quote=True)


def html_table(
    heads: list[str],
    rows: list[list[str]],
    numeric: list[bool],
    css: list[str] | None = None,
    widths: list[int] | None = None,
) -> str:
    cols = "".join(f'<col style="width:{w}%">' for w in widths) if widths else ""
    head = "".join(f'<th class="{"n" if n else ""}">{escape(h)}</th>' for h, n in zip(heads, numeric, strict=True))
    body = []
    for row in rows:
        cells = []
        for i, (cell, n) in enumerate(zip(row, numeric, strict=True)):
            cls = "n" if n else (css[i] if css else "")
            cells.append(f'<td class="{cls}">{cell}</td>')
        body.append("<tr>" + "".join(cells) + "</tr>")
    return f"<table><colgroup>{cols}</colgroup><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def eip_section(ind: Any, lang: str) -> str:
    """Decree 35 indicators of the year, the Art. 37 numeric criteria and the symbiosis network."""
    s = ind.summary
    met = {c["criterion"]: c["met"] for c in ind.criteria.to_dict(orient="records")}
    status = {k: text("eip.met" if v else "eip.not_met", lang) for k, v in met.items()}
    out = [f"<h2>{escape(text('report.eip', lang, year=ind.year))}</h2>"]
    share = number(100 * s["recp_share"], lang, 1)
    uptake = text("eip.recp_share", lang, count=s["recp_enterprises"], members=s["members"], share=share,
                  status=status["37.2(c)"])  # fmt: skip
    out.append(f"<p>{escape(uptake)}</p>")
    out.append(f"<p>{escape(text('eip.links', lang, count=s['symbiosis_links'], status=status['37.2(b)']))}</p>")
    change = s["inventory_change_t_co2e"]
    out.append(
        "<p>"
        + escape(
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
    out.append(
        f'<div class="chart">{charts.inline(network.network(ind.links, title, lang, Path("n"), ("svg",)))}</div>'
    )
    heads = [text(f"col.{c}", lang) for c in ("supplier", "receiver", "material", "quantity", "avoided_t_co2e")]
    rows = [
        [
            escape(r["supplier"]),
            escape(r["receiver"]),
            escape(network.material_name(str(r["material"]), lang)),
            escape(f"{number(r['quantity'], lang, 0)} {r['unit']}"),
            escape(number(r["avoided_t_co2e"], lang, 0)),
        ]
        for r in ind.links.to_dict(orient="records")
    ]
    out.append(html_table(heads, rows, [False, False, False, True, True]))
    return "".join(out)


def uncertainty_section(result: Any, lang: str, names: dict[str, str] | None = None) -> str:
    """Approach 1 (shared factors correlated, and the naive independent figure) beside Approach 2; activities
    named by ``names``."""
    names = names or {}
    out = [f"<h2>{escape(text('report.uncertainty', lang, year=result.year))}</h2>"]
    out.append(
        f'<p class="note">{escape(text("report.uncertainty_note", lang, samples=result.samples, seed=result.seed))}</p>'
    )
    rows = []
    for r in result.table.to_dict(orient="records"):
        a1 = f"−{number(100 * r['u_lo'], lang, 1)} / +{number(100 * r['u_hi'], lang, 1)} %"
        naive = f"−{number(100 * r['naive_lo'], lang, 1)} / +{number(100 * r['naive_hi'], lang, 1)} %"
        low, high = 100 * (r["mc_p2_5"] / r["t_co2e"] - 1), 100 * (r["mc_p97_5"] / r["t_co2e"] - 1)
        a2 = f"{number(low, lang, 1).replace('-', '−')} / +{number(high, lang, 1)} %"
        name = text("report.park", lang) if r["boundary"] == "park" else r["boundary"]
        rows.append([escape(name), escape(number(r["t_co2e"], lang, 0)), escape(a1), escape(naive), escape(a2)])
    heads = [text("cli.enterprise", lang), text("col.t_co2e", lang)]
    heads += [text(k, lang) for k in ("uncertainty.head.a1", "uncertainty.head.naive", "uncertainty.head.a2")]
    out.append(html_table(heads, rows, [False, True, True, True, True], widths=[22, 16, 22, 20, 20]))
    if len(result.key_categories):
        out.append(f"<h3>{escape(text('uncertainty.key_categories', lang))}</h3>")
        out.append(
            html_table(
                [text(f"col.{c}", lang) for c in ("source_category", "activity", "t_co2e", "variance_share")],
                [
                    [
                        escape(text("category." + r["source_category"], lang)),
                        escape(names.get(str(r["activity"]), str(r["activity"]))),
                        escape(number(r["t_co2e"], lang, 0)),
                        escape(number(100 * r["variance_share"], lang, 1)) + " %",
                    ]
                    for r in result.key_categories.head(6).to_dict(orient="records")
                ],
                [False, False, True, True],
            )
        )
    return "".join(out)


def pathway_section(inputs: ReportInputs, lang: str) -> str:
    projection = inputs.projection
    assert projection is not None
    scenario = projection.scenario
    name = scenario.name_vi if lang == "vi" else scenario.name
    out = [f"<h2>{escape(text('report.pathway', lang, name=name))}</h2>"]
    out.append(f'<p class="note">{escape(grid_basis_text(projection, lang))}</p>')
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
            html_table(
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
                        escape(g.target.name_vi if lang == "vi" else g.target.name),
                        escape(g.summary["first_year_off_track"] or text("pathway.check.never", lang)),
                        escape(number(g.summary["overshoot_t_co2e"], lang, 0)),
                        escape(number(100 * g.summary["rate_needed_per_year"], lang, 2) + " %"),
                        escape(number(g.summary["residual_t_co2e"], lang, 0)),
                    ]
                    for g in inputs.gaps
                ],
                [False, False, True, True, True],
            )
        )
    if inputs.macc is not None and len(inputs.macc):
        title = text("report.macc", lang, year=inputs.macc_year)
        svg = charts.inline(charts.macc(inputs.macc, title, lang, Path("m"), ("svg",)))
        out.append(f'<h3>{escape(title)}</h3><div class="chart">{svg}</div>')
        out.append(
            html_table(
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
                        escape(r["measure"]),
                        escape(number(r["abatement_t_co2e"], lang, 0)),
                        escape(number(r["cost_per_t_co2e"], lang, 1)),
                        escape(number(r["annual_cost"], lang, 0)),
                    ]
                    for r in inputs.macc.to_dict(orient="records")
                ],
                [False, True, True, True],
            )
        )
    return "".join(out)
