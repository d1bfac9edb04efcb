"""The enterprise's pages: its revisions and their statuses, the Excel template, uploading a file (every
problem shown in a table, nothing kept while any remains), the computed inventory before it is submitted,
submitting it as a revision with a reason, and submitting a draft revision for review.
"""

from __future__ import annotations

import io
import tempfile
from pathlib import Path

from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from ghg import store
from ghg.core.errors import GhgError, InputError, Problem
from ghg.core.template import write_template
from ghg.i18n import text
from ghg.web import access, tables, uploads, writer
from ghg.web.models import Upload

#: Lines shown per page of a computed inventory.
PER_PAGE = 50


def _config():  # type: ignore[no-untyped-def]
    return settings.CONFIG


def revisions_of(enterprise: str) -> list[dict[str, object]]:
    """Every stored revision of ``enterprise`` with its status, newest first ([] for an empty store)."""
    try:
        snap = store.open_snapshot(_config().store)
        history = snap.history()
    except GhgError:
        return []
    if history.empty:
        return []
    mine = history[history["enterprise"] == enterprise].sort_values(["year", "revision"], ascending=False)
    return [{str(k): v for k, v in r.items()} for r in mine.to_dict(orient="records")]


def problem_rows(problems: list[Problem], lang: str) -> list[dict[str, object]]:
    """A table of problems: file, sheet, row, column, value and the fix, in ``lang``."""
    return [
        {"file": p.file, "sheet": p.sheet or "", "row": p.row or "", "column": p.column or "", "value": p.value or "",
         "fix": text("problem." + p.code, lang, **p.params)}
        for p in problems
    ]  # fmt: skip


def form06_links(enterprise: str, revisions: list[dict[str, object]]) -> list[dict[str, object]]:
    """Form 06 of each facility of the enterprise (from the registry) for its last two stored years."""
    config = _config()
    years = sorted({int(str(r["year"])) for r in revisions})
    if config.registry is None or not years:
        return []
    from ghg.park.consolidation import load_registry

    frame = load_registry(config.registry).frame
    facilities = sorted(set(frame.loc[frame["enterprise"] == enterprise, "facility"]))
    first, last = max(years[0], years[-1] - 1), years[-1]
    return [{"facility": f, "first": first, "last": last} for f in facilities]


@access.roles("reporter", "authority", "administrator", "auditor")
def enterprise_page(request: HttpRequest, enterprise: str, problems: list[Problem] | None = None) -> HttpResponse:
    """An enterprise's revisions, and (for its reporters) the upload form."""
    access.readable(request, enterprise)
    lang = access.lang_of(request)
    waiting = Upload.objects.filter(enterprise=enterprise, submitted__isnull=True).order_by("-received")
    revisions = revisions_of(enterprise)
    context = {
        "enterprise": enterprise,
        "revisions": revisions,
        "form06": form06_links(enterprise, revisions),
        "may_submit": access.may_submit(request.user, enterprise),
        "problems": problem_rows(problems or [], lang),
        "waiting": waiting if access.may_submit(request.user, enterprise) else [],
    }
    return render(request, "ghg/enterprise.html", context, status=400 if problems else 200)


@access.roles("reporter")
@require_POST
def upload(request: HttpRequest, enterprise: str) -> HttpResponse:
    """Receive one activity file: refuse it with every problem, or keep it and show its inventory."""
    if not access.may_submit(request.user, enterprise):
        raise Http404
    sent = request.FILES.get("file")
    if sent is None:
        return enterprise_page(request, enterprise, [Problem("", None, "file", None, "web_no_file")])
    received = uploads.receive(_config(), sent)
    if isinstance(received, Problem):
        access.log(request, "upload_refused", enterprise, file=received.file, code=received.code)
        return enterprise_page(request, enterprise, [received])
    result, problems = uploads.check(_config(), received, enterprise)
    if problems:
        uploads.discard(received.path)
        access.log(request, "upload_refused", enterprise, file=received.name, sha256=received.sha256,
                   problems=len(problems))  # fmt: skip
        return enterprise_page(request, enterprise, problems)
    assert result is not None
    uploads.keep_lines(received, result)
    kept = Upload.objects.create(
        user=request.user, enterprise=enterprise, name=received.name, path=str(received.path),
        sha256=received.sha256, records=result.records,
    )  # fmt: skip
    access.log(request, "upload_checked", enterprise, file=received.name, sha256=received.sha256,
               records=result.records)  # fmt: skip
    return redirect("upload_view", enterprise=enterprise, upload_id=kept.pk)


def _upload_of(request: HttpRequest, enterprise: str, upload_id: int) -> Upload:
    if not access.may_submit(request.user, enterprise):
        raise Http404
    return get_object_or_404(Upload, pk=upload_id, enterprise=enterprise, user=request.user)


@access.roles("reporter")
def upload_view(request: HttpRequest, enterprise: str, upload_id: int) -> HttpResponse:
    """The inventory computed from a kept upload: totals by scope, category and gas, the lines with lineage."""
    kept = _upload_of(request, enterprise, upload_id)
    lang = access.lang_of(request)
    path = Path(kept.path)
    if kept.submitted is not None or not path.is_file():
        return redirect("enterprise", enterprise=enterprise)
    computed = uploads.kept_lines(path)
    if computed is None:  # kept by an older version: compute it again
        result, problems = uploads.check(_config(), uploads.Received(path, kept.name, kept.sha256), enterprise)
        if result is None:  # the factor releases changed since: show why
            return enterprise_page(request, enterprise, problems)
        computed = result.lines
    sums = uploads.totals(computed)
    page = Paginator(range(len(computed)), PER_PAGE).get_page(request.GET.get("page"))
    lines = tables.shown(computed.iloc[page.object_list.start : page.object_list.stop], lang, 3)
    page.object_list = lines["rows"]
    context = {
        "enterprise": enterprise,
        "upload": kept,
        "by_scope": tables.shown(sums["scope"], lang, 1),
        "by_category": tables.shown(sums["source_category"], lang, 1),
        "by_gas": tables.shown(sums["gas"], lang, 1),
        "headings": lines["columns"],
        "page": page,
    }
    return render(request, "ghg/upload.html", context)


@access.roles("reporter")
@require_POST
def submit(request: HttpRequest, enterprise: str, upload_id: int) -> HttpResponse:
    """Publish a kept upload as the next revision, with the reporter's reason (one writer at a time)."""
    kept = _upload_of(request, enterprise, upload_id)
    lang = access.lang_of(request)
    if kept.submitted is not None:
        return redirect("enterprise", enterprise=enterprise)
    reason = request.POST.get("reason", "").strip()
    try:
        published = writer.submit(_config(), [Path(kept.path)], reason, request.user.get_username())
    except InputError as exc:
        return enterprise_page(request, enterprise, list(exc.problems))
    except GhgError as exc:
        messages.error(request, exc.render(lang) if hasattr(exc, "render") else str(exc))
        access.log(request, "submit_refused", enterprise, upload=kept.pk, error=str(exc)[:300])
        return redirect("upload_view", enterprise=enterprise, upload_id=kept.pk)
    written = [{"year": w.year, "revision": w.revision} for w in published.written]
    kept.submitted, kept.revisions = timezone.now(), written
    kept.save()
    uploads.discard(Path(kept.path))
    access.log(request, "submitted", enterprise, upload=kept.pk, sha256=kept.sha256, revisions=written,
               reason=reason)  # fmt: skip
    messages.success(request, text("web.submitted", lang, count=len(written)))
    return redirect("enterprise", enterprise=enterprise)


@access.roles("reporter")
@require_POST
def send_for_review(request: HttpRequest, enterprise: str, year: int, revision: int) -> HttpResponse:
    """Move one of the enterprise's draft revisions to ``submitted``."""
    if not access.may_submit(request.user, enterprise):
        raise Http404
    lang = access.lang_of(request)
    try:
        writer.set_status(_config(), year, enterprise, revision, "submitted", request.user.get_username())
    except GhgError as exc:
        messages.error(request, exc.render(lang) if hasattr(exc, "render") else str(exc))
        return redirect("enterprise", enterprise=enterprise)
    access.log(request, "status", enterprise, year=year, revision=revision, status="submitted")
    return redirect("enterprise", enterprise=enterprise)


@access.roles("reporter", "authority", "administrator")
def template(request: HttpRequest, lang: str) -> HttpResponse:
    """The Excel template in Vietnamese or English, with the activities of the configured releases."""
    if lang not in ("vi", "en"):
        raise Http404
    with tempfile.TemporaryDirectory() as folder:
        path = write_template(Path(folder) / f"ghg-template.{lang}.xlsx", lang, writer.factors_of(_config()))
        data = io.BytesIO(path.read_bytes())
    response = HttpResponse(
        data.getvalue(), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response["Content-Disposition"] = f'attachment; filename="ghg-template.{lang}.xlsx"'
    return response
