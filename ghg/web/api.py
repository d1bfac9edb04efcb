"""The HTTP API for enterprises' own systems (Django Ninja, OpenAPI schema at ``/api/v1/openapi.json``):
validate a file, submit it as a revision, read one's totals. A bearer token stands for the account it was
made for (``ghg users token NAME``), with the same permissions as the pages: a reporter reaches its own
enterprises only, anything else is a 404. Messages follow ``Accept-Language`` (Vietnamese by default).
"""

from __future__ import annotations

import hashlib
from typing import Any

from django.conf import settings
from django.http import Http404, HttpRequest
from ninja import File, Form, NinjaAPI, Schema, Status
from ninja.files import UploadedFile
from ninja.security import HttpBearer

from ghg import store
from ghg.core.errors import GhgError, InputError, Problem
from ghg.web import access, uploads, writer
from ghg.web.models import ApiToken


class TokenAuth(HttpBearer):
    """``Authorization: Bearer <token>``: the account whose token's SHA-256 is kept."""

    def authenticate(self, request: HttpRequest, token: str) -> Any:
        digest = hashlib.sha256(token.encode("utf-8")).hexdigest()
        found = ApiToken.objects.filter(sha256=digest).select_related("user").first()
        if found is None or not found.user.is_active:
            return None
        request.user = found.user
        return found.user


api = NinjaAPI(title="ghg", version="1", auth=TokenAuth(), docs_url=None, urls_namespace="api")


class ProblemOut(Schema):
    file: str
    sheet: str | None
    row: int | None
    column: str | None
    value: str | None
    code: str
    message: str


class Checked(Schema):
    valid: bool
    records: int
    problems: list[ProblemOut]


class Revision(Schema):
    year: int
    revision: int


class SubmittedOut(Schema):
    revisions: list[Revision]


class TotalsOut(Schema):
    year: int
    revision: int
    status: str
    scope_1_t_co2e: float
    scope_2_location_t_co2e: float
    scope_2_market_t_co2e: float


class Refused(Schema):
    message: str


def _problems(problems: list[Problem], lang: str) -> list[dict[str, object]]:
    return [p.as_dict(lang) for p in problems]


def _mine(request: HttpRequest, enterprise: str) -> None:
    if not access.may_submit(request.user, enterprise):
        raise Http404


def _checked(request: HttpRequest, enterprise: str, file: UploadedFile) -> tuple[Any, Any, list[Problem]]:
    received = uploads.receive(settings.CONFIG, file)
    if isinstance(received, Problem):
        return None, None, [received]
    result, problems = uploads.check(settings.CONFIG, received, enterprise)
    if problems:
        uploads.discard(received.path)
    return received, result, problems


@api.post("/enterprises/{enterprise}/validate", response={200: Checked, 400: Checked})
def validate(request: HttpRequest, enterprise: str, file: File[UploadedFile]) -> Status[dict[str, object]]:
    """Check a file (xlsx, csv or parquet) for ``enterprise``: every problem, nothing kept."""
    _mine(request, enterprise)
    lang = access.lang_of(request)
    received, result, problems = _checked(request, enterprise, file)
    if received is not None and not problems:
        uploads.discard(received.path)
    access.log(request, "api_validate", enterprise, problems=len(problems))
    records = 0 if result is None else int(result.records)
    body = {"valid": not problems, "records": records, "problems": _problems(problems, lang)}
    return Status(400 if problems else 200, body)


@api.post("/enterprises/{enterprise}/submit", response={200: SubmittedOut, 400: Checked, 409: Refused})
def submit(
    request: HttpRequest, enterprise: str, file: File[UploadedFile], reason: Form[str] = ""
) -> Status[dict[str, object]]:
    """Check a file and, when it has no problem, publish it as the next revision of each year it holds."""
    _mine(request, enterprise)
    lang = access.lang_of(request)
    received, _, problems = _checked(request, enterprise, file)
    if problems or received is None:
        return Status(400, {"valid": False, "records": 0, "problems": _problems(problems, lang)})
    try:
        published = writer.submit(settings.CONFIG, [received.path], reason, request.user.get_username())
    except InputError as exc:
        return Status(400, {"valid": False, "records": 0, "problems": _problems(list(exc.problems), lang)})
    except GhgError as exc:
        access.log(request, "api_submit_refused", enterprise, error=str(exc)[:300])
        return Status(409, {"message": exc.render(lang) if hasattr(exc, "render") else str(exc)})
    finally:
        uploads.discard(received.path)
    written = [{"year": w.year, "revision": w.revision} for w in published.written]
    access.log(request, "api_submitted", enterprise, sha256=received.sha256, revisions=written, reason=reason)
    return Status(200, {"revisions": written})


@api.get("/enterprises/{enterprise}/totals", response=list[TotalsOut])
def totals(request: HttpRequest, enterprise: str) -> list[dict[str, object]]:
    """The latest revision of each year of ``enterprise``: its status and totals [t CO2e]."""
    if not access.may_read(request.user, enterprise) or access.role_of(request.user) == "auditor":
        raise Http404
    try:
        snap = store.open_snapshot(settings.CONFIG.store)
        lines = store.read_lines(snap)
    except GhgError:
        return []
    mine = lines[lines["enterprise"] == enterprise]
    out = []
    for key, part in mine.groupby(["year", "revision"]):
        year, revision = (int(str(k)) for k in key)
        by = part.groupby("scope")["co2e_t"].sum()
        status = snap.statuses(year, enterprise)[revision]["status"]
        out.append({"year": year, "revision": revision, "status": str(status),
                    "scope_1_t_co2e": float(by.get("scope_1", 0.0)),
                    "scope_2_location_t_co2e": float(by.get("scope_2", 0.0)),
                    "scope_2_market_t_co2e": float(by.get("scope_2_market", 0.0))})  # fmt: skip
    return out
