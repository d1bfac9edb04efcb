"""The auditor's pages: the (enterprise, year) assigned to it, each revision with its status and content hash,
and the lines of a revision with their lineage, read-only. Anything not assigned is a 404."""

from __future__ import annotations

from django.conf import settings
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from ghg import store
from ghg.core import labels
from ghg.core.errors import GhgError
from ghg.web import access
from ghg.web.models import Assignment


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
    return render(request, "ghg/auditor.html", {"assigned": rows})


@access.roles("auditor", "authority", "administrator", "reporter")
def revision_lines(request: HttpRequest, enterprise: str, year: int, revision: int) -> HttpResponse:
    """The lines of one stored revision with their lineage (file, row, factor, release, method, tier)."""
    access.readable(request, enterprise, year)
    lang = access.lang_of(request)
    try:
        lines = store.read_revision(store.open_snapshot(settings.CONFIG.store), year, enterprise, revision)
    except GhgError:
        raise Http404 from None
    shown = labels.present(lines, lang)
    page = Paginator(shown.to_dict(orient="split")["data"], 50).get_page(request.GET.get("page"))
    access.log(request, "read_revision", enterprise, year=year, revision=revision)
    context = {"enterprise": enterprise, "year": year, "revision": revision, "headings": list(shown.columns),
               "page": page}  # fmt: skip
    return render(request, "ghg/lines.html", context)
