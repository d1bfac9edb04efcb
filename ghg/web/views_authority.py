"""The authority's pages: the park's dashboard (totals per year with both Scope 2 methods and internal supply
counted once, the members' status per year), the QA/QC findings with their acknowledgement, moving
revisions from submitted to verified and locked, and the audit log.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import pandas as pd
from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from ghg import store
from ghg.core import labels
from ghg.core.errors import GhgError
from ghg.eip.checklist import CHECKLIST
from ghg.i18n import text
from ghg.park import review
from ghg.park.consolidation import internal_supply, load_registry
from ghg.reports import charts, html_blocks
from ghg.reports import review as review_reports
from ghg.web import access, tables, writer
from ghg.web.models import Acknowledgement, AuditEvent

#: Steps the authority takes (a reporter sends a draft for review itself).
AUTHORITY_STEPS = {"submitted": "verified", "verified": "locked"}


def member_status(history: pd.DataFrame, members: list[str], years: list[int]) -> list[dict[str, object]]:
    """Each member's status per year: that of its latest revision, or ``missing``."""
    latest: dict[tuple[str, int], str] = {}
    if not history.empty:
        last = history.sort_values("revision").groupby(["enterprise", "year"]).tail(1)
        latest = {(str(r["enterprise"]), int(r["year"])): str(r["status"]) for r in last.to_dict(orient="records")}
    return [{"enterprise": m, "statuses": [latest.get((m, y), "missing") for y in years]} for m in members]


@dataclass(frozen=True)
class ParkState:
    """What the dashboard shows of one store version (the same for every reader of that version)."""

    history: pd.DataFrame
    consolidated: pd.DataFrame
    findings: pd.DataFrame
    members: tuple[str, ...]
    trend: str
    breakdown: str
    thresholds: pd.DataFrame
    transfers: pd.DataFrame
    eip: str
    eip_year: int | None
    year: int


@lru_cache(maxsize=8)
def park_state(version: int, lang: str, files: tuple[tuple[str, float], ...]) -> ParkState | None:
    """The park at store ``version`` in ``lang``, computed once per version and per change of the registry or
    ledger (``files``: their paths and modification times); ``None`` while nothing is stored."""
    config = settings.CONFIG
    snap = store.open_snapshot(config.store, version)
    history = snap.history()
    if config.registry is None or history.empty:
        return None
    registry = load_registry(config.registry)
    seen = review.view(snap, config.registry, config.transfers)
    inputs = review.park_inputs(snap, config.registry, config.transfers)
    found = review.findings(snap, inputs, None, lang)
    members = tuple(sorted(set(registry.frame["enterprise"])))
    consolidated = seen.result.consolidated.set_index("year")
    trend = charts.stacked_years(
        pd.DataFrame({"scope_1": consolidated["scope_1_t_co2e"],
                      "scope_2": consolidated["consolidated_location_t_co2e"] - consolidated["scope_1_t_co2e"]}),
        {"scope_1": text("web.series.scope_1", lang), "scope_2": text("web.series.scope_2", lang)},
        text("web.kt", lang), text("web.trend", lang), lang,
    )  # fmt: skip
    lines = inputs.lines
    year = int(lines["year"].max())
    counted = lines[lines["scope"].isin(["scope_1", "scope_2"]).to_numpy() & ~internal_supply(lines, registry)]
    by = counted[counted["year"] == year].groupby("source_category")["co2e_t"].sum().sort_values()
    breakdown = charts.horizontal_bars(
        [labels.code_name("category", str(c), lang) for c in by.index], [float(v) for v in by.to_numpy()],
        text("web.kt", lang), text("web.breakdown", lang, year=year), lang,
    )  # fmt: skip
    eip_html, eip_year = "", None
    if config.eip is not None:
        from ghg.eip.indicators import from_store

        indicators, eip_year = from_store(snap, config.registry, config.transfers, config.eip, year)
        eip_html = html_blocks.eip_section(indicators, lang)
    latest_thresholds = seen.thresholds[seen.thresholds["year"] == year] if len(seen.thresholds) else seen.thresholds
    return ParkState(history, seen.result.consolidated, found, members, trend, breakdown, latest_thresholds,
                     seen.result.transfers, eip_html, eip_year, year)  # fmt: skip


@access.roles("authority", "administrator")
def dashboard(request: HttpRequest) -> HttpResponse:
    """The park at a glance, read from the store's latest version (a new submission makes a new version)."""
    config = settings.CONFIG
    lang = access.lang_of(request)
    try:
        version = store.open_snapshot(config.store).version
    except GhgError:
        version = -1
    files = tuple((str(p), p.stat().st_mtime) for p in (config.registry, config.transfers) if p is not None)
    state = park_state(version, lang, files) if version >= 0 else None
    if state is None:
        return render(request, "ghg/dashboard.html", {"empty": True})
    acked = {
        (a.code, a.enterprise, a.facility, a.year, a.key): a for a in Acknowledgement.objects.select_related("by").all()
    }
    rows = []
    for r in state.findings.to_dict(orient="records"):
        ack = acked.get((str(r["code"]), str(r["enterprise"]), str(r["facility"]), int(r["year"]), str(r["key"])))
        rows.append({**r, "severity_name": labels.code_name("severity", str(r["severity"]), lang), "ack": ack})
    history = state.history
    years = sorted(int(y) for y in history["year"].unique())
    pending = history[history["status"].isin(list(AUTHORITY_STEPS))].sort_values(["year", "enterprise"])
    context = {
        "empty": False,
        "consolidated": tables.shown(state.consolidated, lang, 0),
        "years": years,
        "status_table": member_status(history, list(state.members), years),
        "findings": rows,
        "pending": pending.to_dict(orient="records"),
        "steps": AUTHORITY_STEPS,
        "trend": state.trend,
        "breakdown": state.breakdown,
        "thresholds": tables.shown(state.thresholds, lang, 0),
        "transfers": tables.shown(state.transfers, lang, 1) if len(state.transfers) else None,
        "eip": state.eip,
        "checklist": checklist_table(state.eip_year, lang),
        "criteria": list(CHECKLIST),
        "eip_year": state.eip_year,
        "year": state.year,
        "pathway": bool(config.scenario),
    }
    return render(request, "ghg/dashboard.html", context)


def checklist_table(year: int | None, lang: str) -> dict[str, object] | None:
    """The board's latest assessment of each Art. 37 criterion of ``year`` (read afresh: it is not a store
    version)."""
    if year is None:
        return None
    from ghg import eip

    frame = eip.checklist(settings.CONFIG.store, year).copy()
    said = {"yes": text("cli.yes", lang), "no": text("cli.no", lang), "partly": text("web.partly", lang)}
    frame["value"] = [said.get(str(v), v) for v in frame["value"]]
    return tables.shown(frame, lang, 2) if len(frame) else None


@access.roles("authority")
@require_POST
def assess(request: HttpRequest) -> HttpResponse:
    """Record the board's assessment of a non-numeric Art. 37 criterion (yes, no or partly, with a comment)."""
    from ghg import eip

    lang = access.lang_of(request)
    post = request.POST
    try:
        year = int(post.get("year", ""))
        with writer.turn(settings.CONFIG):
            eip.checklist_set(settings.CONFIG.store, year, post.get("criterion", ""), post.get("value", ""),
                              request.user.get_username(), post.get("comment", ""))  # fmt: skip
    except ValueError:
        messages.error(request, access.text_of("web.bad_step", lang))
        return redirect("dashboard")
    except GhgError as exc:
        messages.error(request, exc.render(lang) if hasattr(exc, "render") else str(exc))
        return redirect("dashboard")
    access.log(request, "assessed", "", year=year, criterion=post.get("criterion", ""), value=post.get("value", ""))
    return redirect("dashboard")


@access.roles("authority", "administrator")
@require_POST
def acknowledge(request: HttpRequest) -> HttpResponse:
    """Acknowledge a warning with a comment (who and when are recorded)."""
    lang = access.lang_of(request)
    post = request.POST
    comment = post.get("comment", "").strip()
    if not comment:
        messages.error(request, access.text_of("web.comment_required", lang))
        return redirect("dashboard")
    key = {k: post.get(k, "") for k in ("code", "enterprise", "facility", "key")}
    year = int(post.get("year", "0") or 0)
    Acknowledgement.objects.update_or_create(**key, year=year, defaults={"comment": comment, "by": request.user})
    access.log(request, "acknowledged", key["enterprise"], year=year, code=key["code"], key=key["key"],
               comment=comment)  # fmt: skip
    return redirect("dashboard")


@access.roles("authority", "administrator")
@require_POST
def step(request: HttpRequest, enterprise: str, year: int, revision: int) -> HttpResponse:
    """Verify a submitted revision, or lock a verified one."""
    lang = access.lang_of(request)
    wanted = request.POST.get("status", "")
    if wanted not in AUTHORITY_STEPS.values():
        messages.error(request, access.text_of("web.bad_step", lang))
        return redirect("dashboard")
    try:
        writer.set_status(settings.CONFIG, year, enterprise, revision, wanted, request.user.get_username(),
                          request.POST.get("comment", ""))  # fmt: skip
    except GhgError as exc:
        messages.error(request, exc.render(lang) if hasattr(exc, "render") else str(exc))
        return redirect("dashboard")
    access.log(request, "status", enterprise, year=year, revision=revision, status=wanted)
    return redirect("dashboard")


@access.roles("authority", "administrator")
def audit_log(request: HttpRequest) -> HttpResponse:
    """Every action, newest first."""
    page = Paginator(AuditEvent.objects.all(), 100).get_page(request.GET.get("page"))
    return render(request, "ghg/audit_log.html", {"page": page})


@lru_cache(maxsize=4)
def pathway_html(version: int, lang: str, files: tuple[tuple[str, float], ...]) -> str:
    """The pathway section of the report (projection, targets, gaps, cost curve) at store ``version``."""
    config = settings.CONFIG
    assert config.registry is not None
    snap = store.open_snapshot(config.store, version)
    inputs = review_reports.report_inputs(snap, config.registry, config.transfers, None, lang,
                                          scenario_ref=config.scenario, target_refs=list(config.targets),
                                          macc_year=config.macc_year, samples=1_000)  # fmt: skip
    return html_blocks.pathway_section(inputs, lang)


@access.roles("authority", "administrator")
def pathway(request: HttpRequest) -> HttpResponse:
    """The park's pathway to 2050 against its targets, with the abatement cost curve."""
    config = settings.CONFIG
    lang = access.lang_of(request)
    if not config.scenario or config.registry is None:
        return render(request, "ghg/pathway.html", {"section": ""})
    try:
        version = store.open_snapshot(config.store).version
    except GhgError:
        version = -1
    if version < 0:
        return render(request, "ghg/pathway.html", {"section": ""})
    files = tuple((str(p), p.stat().st_mtime) for p in (config.registry, config.transfers) if p is not None)
    return render(request, "ghg/pathway.html", {"section": pathway_html(version, lang, files)})
