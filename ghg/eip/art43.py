"""The Art. 43 report (Decree 35/2022/NĐ-CP; Circular 05/2025/TT-BKHĐT Forms A.4, A.5, B.4): the document of a
year's indicators and checklist, and its files (JSON, workbook) in the user's language.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd

from ghg.core import jsonout
from ghg.eip.indicators import Indicators


def report(ind: Indicators, checks: pd.DataFrame, lang: str, enterprise: str | None = None) -> dict[str, Any]:
    """The yearly Art. 43 report as nested sections (stable keys; titles in ``lang``).

    The park's report follows Form A.4 (1.1 RECP uptake, 1.2 energy saved and CO2, 1.3 water, materials and
    chemicals saved, 2.1 symbiosis links, 3 symbiosis results); an eco-enterprise's follows Form B.4 (Part II
    production and energy per product, Part III savings and CO2, Part IV symbiosis links). The Art. 37 status,
    the reconciliation with the inventory and the findings are the tool's own sections.
    """
    from ghg.i18n import text

    recp = ind.recp if enterprise is None else ind.recp[ind.recp["enterprise"] == enterprise]
    links = ind.links
    if enterprise is not None:
        links = links[(links["supplier"] == enterprise) | (links["receiver"] == enterprise)]
    savings = {
        "electricity_saved_kwh": float(recp["electricity_saved_mwh"].sum() * 1000) if len(recp) else 0.0,
        "co2_from_electricity_t": float(recp["avoided_electricity_t_co2"].sum()) if len(recp) else 0.0,
        "co2_from_fuel_t": float(recp["avoided_fuel_t_co2e"].sum()) if len(recp) else 0.0,
        "water_saved_m3": float(recp["water_saved_m3"].sum()) if len(recp) else 0.0,
        "materials_saved_t": float(recp["materials_saved_t"].sum()) if len(recp) else 0.0,
        "chemicals_saved_t": float(recp["chemicals_saved_t"].sum()) if len(recp) else 0.0,
        "grid_factor_t_co2_per_mwh": ind.summary["grid_factor_t_co2_per_mwh"],
        "method": text("eip.method", lang),
    }
    recp_rows = recp.drop(columns=["row"], errors="ignore").to_dict(orient="records")
    link_rows = links.to_dict(orient="records")
    findings = ind.findings if enterprise is None else ind.findings[ind.findings["enterprise"] == enterprise]
    finding_rows = [
        {"code": f["code"], "file": Path(f["file"]).name, "row": f["row"], "enterprise": f["enterprise"],
         "message": text(f["key"], lang, **f["params"])}
        for f in findings.to_dict(orient="records")
    ]  # fmt: skip
    title = text("eip.report.title_park" if enterprise is None else "eip.report.title_enterprise", lang,
                 year=ind.year, enterprise=enterprise or "")  # fmt: skip
    if enterprise is None:
        return {
            "title": title,
            "year": ind.year,
            "language": lang,
            "form": "A.4",
            "section_1_1_recp": {
                "members": ind.summary["members"],
                "enterprises_applying_recp": ind.summary["recp_enterprises"],
                "share": ind.summary["recp_share"],
                "recp_solutions": len(recp),
                "measures": recp_rows,
            },
            "section_1_2_1_3_savings": savings,
            "section_2_1_symbiosis_links": link_rows,
            "section_3_symbiosis_results": {
                "links_operating": ind.summary["symbiosis_links"],
                "avoided_t_co2e": ind.summary["avoided_symbiosis_t_co2e"],
            },
            "art_37_criteria": ind.criteria.to_dict(orient="records"),
            "art_37_checklist": checks.to_dict(orient="records"),
            "reconciliation": {
                "avoided_recp_t_co2e": ind.summary["avoided_recp_t_co2e"],
                "avoided_symbiosis_t_co2e": ind.summary["avoided_symbiosis_t_co2e"],
                "inventory_t_co2e": ind.summary["inventory_t_co2e"],
                "inventory_change_t_co2e": ind.summary["inventory_change_t_co2e"],
                "note": text("eip.reconcile_note", lang),
            },
            "findings": finding_rows,
        }
    intensity = ind.intensities[ind.intensities["enterprise"] == enterprise]
    return {
        "title": title,
        "year": ind.year,
        "language": lang,
        "form": "B.4",
        "enterprise": enterprise,
        "part_ii_production": intensity.to_dict(orient="records"),
        "part_iii_savings": {**savings, "measures": recp_rows},
        "part_iv_symbiosis": link_rows,
        "findings": finding_rows,
    }


def report_files(document: dict[str, Any], stem: str) -> dict[str, bytes]:
    """The report as JSON and as a workbook (one sheet per section), as bytes."""
    import io
    import json

    from openpyxl import Workbook
    from openpyxl.styles import Font

    from ghg.core import labels
    from ghg.i18n import CATALOGUE, text
    from ghg.park.export import deterministic_xlsx, safe_cell

    def cell(value: object) -> object:
        if isinstance(value, (list, dict)):
            return json.dumps(value, ensure_ascii=False, default=str)
        if isinstance(value, float) and value != value:
            return None
        return safe_cell(value.item() if hasattr(value, "item") else value)

    lang = str(document.get("language", "en"))

    def label(key: str) -> str:  # a field, a column or a sheet in the report's language (else the code)
        for name in (f"eip.field.{key}", f"col.{key}"):
            if name in CATALOGUE:
                return text(name, lang)
        return key

    def sheet_name(key: str) -> str:  # Excel: at most 31 characters, none of []:*?/\\
        return "".join(c for c in label(key) if c not in "[]:*?/\\")[:31]

    book = Workbook()
    sheet = book.active
    sheet.title = sheet_name("report")
    sheet.append([str(document["title"])])
    sheet["A1"].font = Font(bold=True, size=13)
    for key, value in document.items():
        if key == "title":
            continue
        if isinstance(value, list) and value and isinstance(value[0], dict):
            tab = book.create_sheet(sheet_name(key))
            header = list(value[0])
            tab.append([label(h) for h in header])
            for c in tab[1]:
                c.font = Font(bold=True)
            for row in value:
                tab.append([cell(labels.value(h, row.get(h), lang)) for h in header])
            tab.freeze_panes = "A2"
        elif isinstance(value, dict):
            sheet.append([])
            sheet.append([label(key)])
            sheet.cell(sheet.max_row, 1).font = Font(bold=True)
            for k, v in value.items():
                if isinstance(v, list) and v and isinstance(v[0], dict):
                    tab = book.create_sheet(sheet_name(k))
                    header = list(v[0])
                    tab.append([label(h) for h in header])
                    for row in v:
                        tab.append([cell(labels.value(h, row.get(h), lang)) for h in header])
                else:
                    sheet.append([label(k), cell(v)])
        else:
            sheet.append([label(key), cell(value)])
    sheet.column_dimensions["A"].width = 34
    buffer = io.BytesIO()
    book.save(buffer)
    data = jsonout.dumps(document, indent=2) + "\n"
    return {f"{stem}.xlsx": deterministic_xlsx(buffer.getvalue()), f"{stem}.json": data.encode("utf-8")}
