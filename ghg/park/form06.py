"""Form 06 (Decree 119/2025/NĐ-CP): a facility's greenhouse-gas inventory report for a two-year period.

The structure follows the form's three parts: I facility information; II operations, boundary, sources and
data system; III method and factors, activity data, results, reliability and completeness. What the tool
knows is filled from the stored inventory, its metadata and the registry; what only a person can write is
a clearly marked field. Written as structured JSON and as an ``.xlsx`` workbook, in Vietnamese or English.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Font

from ghg import park
from ghg.core import fsutil, jsonout, labels
from ghg.core.releases import activity_names
from ghg.core.vocabulary import Scope
from ghg.i18n import CATALOGUE, text
from ghg.park import export

TO_COMPLETE = "form06.to_complete"


def build(
    lines: pd.DataFrame,
    registry: park.Registry,
    enterprise: str,
    facility: str,
    years: list[int],
    findings: pd.DataFrame | None,
    releases: list[dict[str, object]],
    lang: str,
    uncertainty: list[dict[str, object]] | None = None,
    release_dirs: tuple[Path, ...] = (),
) -> dict[str, object]:
    """The report as nested sections (keys are stable codes; titles and labels are in ``lang``).

    ``uncertainty`` rows (per year: IPCC Approach 1 with shared factors correlated, the naive figure, and
    Approach 2, from :func:`ghg.pathways.uncertainty.analyse`) fill Part III's uncertainty when given.
    """
    mine = lines[(lines["enterprise"] == enterprise) & (lines["facility"] == facility) & lines["year"].isin(years)]
    info = registry.frame[(registry.frame["enterprise"] == enterprise) & (registry.frame["facility"] == facility)]
    reg = info.iloc[0].to_dict() if len(info) else {}
    todo = text(TO_COMPLETE, lang)
    counted = mine[mine["scope"] != "scope_2_market"]
    sources = (
        counted.groupby(["source_category", "ipcc_category", "activity"])
        .size()
        .reset_index()
        .drop(columns=0)
        .to_dict(orient="records")
    )
    activity = (
        mine[mine["gas"].isin(["CO2"]) | (mine["source_category"] == "fugitive")]
        .loc[lambda f: f["scope"] != "scope_2_market"]
        .groupby(["year", "source_category", "activity", "unit"])["quantity"]
        .sum()
        .reset_index()
    )
    methods = (
        counted.groupby(["source_category", "method", "tier", "factor_id", "factor_release"])
        .size()
        .reset_index()
        .drop(columns=0)
        .to_dict(orient="records")
    )
    results = []
    for year in years:
        y = mine[mine["year"] == year]
        gases = (
            y[y["scope"].isin([Scope.SCOPE_1.value, Scope.SCOPE_2.value])]
            .groupby(["scope", "gas"])
            .agg(mass_t=("mass_t", "sum"), co2e_t=("co2e_t", "sum"))
            .reset_index()
            .to_dict(orient="records")
        )
        results.append(
            {
                "year": year,
                "scope_1_t_co2e": float(y.loc[y["scope"] == Scope.SCOPE_1.value, "co2e_t"].sum()),
                "scope_2_location_t_co2e": float(y.loc[y["scope"] == Scope.SCOPE_2.value, "co2e_t"].sum()),
                "scope_2_market_t_co2e": float(y.loc[y["scope"] == "scope_2_market", "co2e_t"].sum()),
                "biogenic_co2_t": float(y.loc[y["scope"] == Scope.MEMO_BIOGENIC.value, "mass_t"].sum()),
                "energy_tj": float(y["energy_tj"].sum()),
                "energy_toe": float(y["energy_toe"].sum()),
                "by_scope_and_gas": gases,
            }
        )
    mine_findings = []
    if findings is not None and len(findings):
        mine_findings = findings[
            (findings["enterprise"] == enterprise)
            & findings["year"].isin(years)
            & findings["facility"].isin([facility, ""])
        ].to_dict(orient="records")
    gwp_sets = sorted(set(mine["gwp_set"]))
    guessed = counted[counted["tier"] == "estimate"]
    estimates = sorted(set(zip(guessed["year"], guessed["factor_id"], guessed["factor_release"], strict=True)))
    named = activity_names(lang, release_dirs)
    return {
        "form": "06",
        "legal_basis": text("form06.legal_basis", lang),
        "period": f"{min(years)}-{max(years)}",
        "language": lang,
        # the name of each activity of the facility in ``lang`` (from the releases it was computed with)
        "activity_names": {a: named.get(a, a) for a in sorted(set(mine["activity"]))},
        "part_I_facility": {
            "title": text("form06.part_I", lang),
            "enterprise": enterprise,
            "facility": facility,
            "name": reg.get("name", todo),
            "sector": reg.get("sector", todo),
            "on_national_list": bool(reg.get("on_national_list", False)),
            "address": todo,
            "legal_representative": todo,
            "contact_person": todo,
        },
        "part_II_operations": {
            "title": text("form06.part_II", lang),
            "operations": todo,
            "boundary": text("form06.boundary", lang, facility=facility),
            "sources": sources,
            "data_system": todo,
            "evidence": sorted(set(mine["evidence"]) - {""})[:50],
        },
        "part_III_results": {
            "title": text("form06.part_III", lang),
            "methods_and_factors": methods,
            "factor_releases": releases,
            "estimates": text(
                "form06.estimates",
                lang,
                factors="; ".join(f"{y}: {fid} ({rel})" for y, fid, rel in estimates),
            )
            if estimates
            else "",
            "gwp_sets": gwp_sets,
            "activity_data": activity.to_dict(orient="records"),
            "results": results,
            "quality_findings": mine_findings,
            "uncertainty": uncertainty if uncertainty else todo,
            "completeness": todo,
            "inputs": sorted(set(mine["input_file"] + " sha256:" + mine["input_sha256"])),
        },
    }


def _atomic(path: Path, write: object) -> Path:
    fd, tmp = tempfile.mkstemp(dir=str(path.parent), suffix=".tmp")
    os.close(fd)
    fsutil.user_mode(tmp)  # readable as any file the user writes, not owner-only
    try:
        write(tmp)  # type: ignore[operator]
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return path


def write_json(report: dict[str, object], path: Path) -> Path:
    """Write the report as JSON (atomically)."""
    data = jsonout.dumps(report, indent=2)
    return _atomic(path, lambda tmp: Path(tmp).write_text(data, encoding="utf-8"))


def write_xlsx(report: dict[str, object], path: Path) -> Path:
    """Write the report as a workbook: one sheet per part, tables below their headings (atomically)."""
    lang = str(report["language"])
    names = dict(report.get("activity_names") or {})  # type: ignore[call-overload]
    book = Workbook()
    book.remove(book.active)
    for part in ("part_I_facility", "part_II_operations", "part_III_results"):
        section = report[part]
        assert isinstance(section, dict)
        sheet = book.create_sheet(part.split("_")[1])
        sheet.append([f"{text('form06.title', lang)} - {section['title']}"])
        sheet["A1"].font = Font(bold=True, size=13)
        sheet.append([text("form06.period", lang), report["period"]])
        for key, value in section.items():
            if key == "title":
                continue
            if isinstance(value, list) and value and isinstance(value[0], dict):
                sheet.append([])
                sheet.append([_label(key, lang)])
                sheet.cell(sheet.max_row, 1).font = Font(bold=True)
                header = [k for k in value[0] if not isinstance(value[0][k], list)]
                sheet.append([_label(h, lang) for h in header])
                for row in value:
                    sheet.append([_cell(labels.value(h, row.get(h), lang, names)) for h in header])
            else:
                sheet.append([_label(key, lang), _cell(labels.value(key, value, lang, names))])
        sheet.column_dimensions["A"].width = 28
    return _atomic(path, book.save)


def _label(key: str, lang: str) -> str:
    """A field's or a column's name in ``lang`` (the code itself where the catalogue has none)."""
    name = f"form06.field.{key}"
    return text(name, lang) if name in CATALOGUE else key


def _cell(value: object) -> object:
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False, default=str)
    return export.safe_cell(value)  # text is never a formula
