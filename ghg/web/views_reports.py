"""Downloads of the reports the command line writes, made by the same library functions from the store's
latest version: the park's HTML report and workbook and the Art. 43 report (the board), a facility's Form 06
(the board, and the enterprise's reporters for their own facilities), and for an auditor the kept input files
of the revisions assigned to it (by their SHA-256, as the store kept them)."""

from __future__ import annotations

import csv
import tempfile
from pathlib import Path

from django.conf import settings
from django.http import FileResponse, Http404, HttpRequest, HttpResponse

from ghg import store
from ghg.core.errors import GhgError
from ghg.park import export, form06
from ghg.park.checks import ACK_COLUMNS
from ghg.reports import html, review
from ghg.store.kept import stored_input
from ghg.web import access
from ghg.web.models import Acknowledgement

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _attachment(data: bytes, name: str, kind: str) -> HttpResponse:
    response = HttpResponse(data, content_type=kind)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def _language(lang: str) -> str:
    if lang not in ("vi", "en"):
        raise Http404
    return lang


def _acknowledgements(folder: Path) -> Path:
    """The board's acknowledgements (kept in the database) as the CSV the library reads."""
    path = folder / "acknowledgements.csv"
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(ACK_COLUMNS)
        for a in Acknowledgement.objects.select_related("by").all():
            w.writerow([a.code, a.enterprise, a.facility, a.year, a.key, a.comment, a.by.get_username(),
                        a.at.isoformat(timespec="seconds")])  # fmt: skip
    return path


def _park_files() -> tuple[Path, Path | None]:
    config = settings.CONFIG
    if config.registry is None:
        raise Http404
    return config.registry, config.transfers


@access.roles("authority")
def park_html(request: HttpRequest, lang: str) -> HttpResponse:
    """The park's HTML report (``ghg report html``) in ``lang``, with the board's acknowledgements."""
    lang = _language(lang)
    registry, transfers = _park_files()
    with tempfile.TemporaryDirectory() as folder:
        snap = store.open_snapshot(settings.CONFIG.store)
        inputs = review.report_inputs(snap, registry, transfers, _acknowledgements(Path(folder)), lang,
                                      eip_dir=settings.CONFIG.eip)  # fmt: skip
        page = html.render(inputs, lang).encode("utf-8")
    access.log(request, "download", "", report="html", lang=lang, version=snap.version)
    return _attachment(page, f"park-report.{lang}.html", "text/html; charset=utf-8")


@access.roles("authority")
def park_workbook(request: HttpRequest, lang: str) -> HttpResponse:
    """The park's workbook (``ghg report xlsx``): every line with its lineage, totals, findings, revisions."""
    lang = _language(lang)
    registry, transfers = _park_files()
    with tempfile.TemporaryDirectory() as folder:
        snap = store.open_snapshot(settings.CONFIG.store)
        sheets = review.workbook_sheets(snap, registry, transfers, _acknowledgements(Path(folder)), None, [], lang)
        path = export.write_workbook(sheets, Path(folder) / "park.xlsx")
        data = path.read_bytes()
    access.log(request, "download", "", report="xlsx", lang=lang, version=snap.version)
    return _attachment(data, f"park.{lang}.xlsx", XLSX)


@access.roles("authority")
def art43(request: HttpRequest, year: int, lang: str) -> HttpResponse:
    """The eco-industrial park's Art. 43 report of ``year`` (``ghg eip report``), as a workbook."""
    from ghg import eip
    from ghg.eip.indicators import from_store

    lang = _language(lang)
    registry, transfers = _park_files()
    if settings.CONFIG.eip is None:
        raise Http404
    try:
        snap = store.open_snapshot(settings.CONFIG.store)
        ind, year = from_store(snap, registry, transfers, settings.CONFIG.eip, year)
        document = eip.report(ind, eip.checklist(settings.CONFIG.store, year), lang)
    except GhgError:
        raise Http404 from None
    files = eip.report_files(document, f"art43-{year}.{lang}")
    access.log(request, "download", "", report="art43", year=year, lang=lang)
    return _attachment(files[f"art43-{year}.{lang}.xlsx"], f"art43-{year}.{lang}.xlsx", XLSX)


@access.roles("authority", "reporter")
def form06_download(
    request: HttpRequest, enterprise: str, facility: str, first: int, last: int, lang: str
) -> HttpResponse:
    """A facility's Form 06 for the years ``first``-``last`` (``ghg report form06``), as a workbook."""
    access.readable(request, enterprise)
    lang = _language(lang)
    registry, transfers = _park_files()
    if not 1990 <= first <= last <= first + 10:
        raise Http404
    try:
        document = review.form06_document(store.open_snapshot(settings.CONFIG.store), registry, transfers,
                                          enterprise, facility, list(range(first, last + 1)), lang)  # fmt: skip
    except GhgError:
        raise Http404 from None
    with tempfile.TemporaryDirectory() as folder:
        data = form06.write_xlsx(document, Path(folder) / "form06.xlsx").read_bytes()
    access.log(request, "download", enterprise, report="form06", facility=facility, years=f"{first}-{last}")
    return _attachment(data, f"form06-{enterprise}-{first}-{last}.{lang}.xlsx", XLSX)


@access.roles("auditor", "authority", "administrator")
def kept_input(request: HttpRequest, enterprise: str, year: int, revision: int, sha256: str) -> FileResponse:
    """A kept input file of one revision, by its SHA-256, exactly as the store kept it."""
    access.readable(request, enterprise, year)
    try:
        snap = store.open_snapshot(settings.CONFIG.store)
        lines = store.read_revision(snap, year, enterprise, revision)
    except GhgError:
        raise Http404 from None
    if sha256 not in set(lines["input_sha256"]):
        raise Http404  # only the inputs of that revision
    try:
        path = stored_input(settings.CONFIG.store, sha256)
    except GhgError:
        raise Http404 from None
    access.log(request, "download", enterprise, input=sha256, year=year, revision=revision)
    return FileResponse(path.open("rb"), as_attachment=True, filename=path.name)
