"""The auditor's pages: the (enterprise, year) assigned to it, each revision with its status and content hash,
and the lines of a revision with their lineage, read-only. Anything not assigned is a 404."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from ghg import store
from ghg.core.errors import GhgError
from ghg.i18n import text
from ghg.store import audit
from ghg.web import access, statements, tables
from ghg.web.models import Assignment, Statement

#: The largest statement file accepted [bytes] (a statement is a few hundred bytes of JSON).
STATEMENT_BYTES = 64 * 1024


@access.roles("auditor")
def assigned(request: HttpRequest) -> HttpResponse:
    """What this auditor may read, with the stored revisions of each."""
    mine = list(Assignment.objects.filter(user=request.user).order_by("enterprise", "year"))
    try:
        history = store.open_snapshot(settings.CONFIG.store).history()
    except GhgError:
        history = None
    rows = []
    for a in mine:
        revisions = []
        if history is not None and not history.empty:
            here = history[(history["enterprise"] == a.enterprise) & (history["year"] == a.year)]
            revisions = here.sort_values("revision").to_dict(orient="records")
        rows.append({"enterprise": a.enterprise, "year": a.year, "revisions": revisions})
    lang = access.lang_of(request)
    done = [
        {"s": s, "outcome": access.text_of(s.outcome, lang)}
        for s in Statement.objects.filter(user=request.user).order_by("-at")[:50]
    ]
    return render(request, "ghg/auditor.html", {"assigned": rows, "statements": done})


@access.roles("auditor")
@require_POST
def statement(request: HttpRequest) -> HttpResponse:
    """Receive a statement signed offline, for a revision assigned to this auditor, and verify it."""
    lang = access.lang_of(request)
    sent = request.FILES.get("statement")
    if sent is None or sent.size > STATEMENT_BYTES:
        messages.error(request, access.text_of("web.statement_unreadable", lang))
        return redirect("assigned")
    body = statements.parse(sent.read())
    if body is None:
        messages.error(request, access.text_of("web.statement_unreadable", lang))
        return redirect("assigned")
    try:
        year = int(str(body["year"]))
    except ValueError:
        raise Http404 from None
    access.readable(request, str(body["enterprise"]), year)  # assigned to this auditor, else 404
    recorded = statements.check(settings.CONFIG, request.user, body)
    access.log(request, "statement", recorded.enterprise, year=recorded.year, revision=recorded.revision,
               verified=recorded.verified, outcome=recorded.outcome)  # fmt: skip
    return redirect("assigned")


@access.roles("auditor", "authority", "administrator", "reporter")
def revision_lines(request: HttpRequest, enterprise: str, year: int, revision: int) -> HttpResponse:
    """The lines of one stored revision with their lineage (file, row, factor, release, method, tier)."""
    access.readable(request, enterprise, year)
    lang = access.lang_of(request)
    try:
        snap = store.open_snapshot(settings.CONFIG.store)
        lines = store.read_revision(snap, year, enterprise, revision)
        run = snap.run_of(snap.revision(year, enterprise, revision))
    except (GhgError, KeyError):
        raise Http404 from None
    releases = run.get("releases", []) if isinstance(run.get("releases"), list) else []
    replayed = None
    if request.method == "POST" and access.role_of(request.user) in ("auditor", "authority", "administrator"):
        outcome = audit.replay(snap, snap.revision(year, enterprise, revision).version)
        verdict = text("web.reproduced" if outcome.reproduced else "web.not_reproduced", lang)
        replayed = {"reproduced": outcome.reproduced, "message": text("web.replayed", lang, outcome=verdict),
                    "partitions": tables.shown(outcome.partitions, lang, 0)}  # fmt: skip
        access.log(request, "replay", enterprise, year=year, revision=revision, reproduced=outcome.reproduced)
    inputs = sorted(set(zip(lines["input_file"], lines["input_sha256"], strict=True)))
    page = Paginator(range(len(lines)), 50).get_page(request.GET.get("page"))
    shown = tables.shown(lines.iloc[page.object_list.start : page.object_list.stop], lang, 3)
    page.object_list = shown["rows"]
    access.log(request, "read_revision", enterprise, year=year, revision=revision)
    context = {"enterprise": enterprise, "year": year, "revision": revision, "headings": shown["columns"],
               "inputs": inputs, "page": page, "releases": releases, "replayed": replayed}  # fmt: skip
    return render(request, "ghg/lines.html", context)
