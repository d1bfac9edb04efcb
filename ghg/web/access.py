"""Who may see and do what: every view asks here, with the account's role and the enterprise in the URL.

An identifier in a URL never gives access by itself: a reporter reaches only the enterprises it is a member
of, an auditor only the (enterprise, year) assigned to it; anything else is a 404 (the page does not say
whether the other enterprise exists). Every action is written to the audit log with who, what, when and
from which address.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse

from ghg.i18n import LANGUAGES
from ghg.web.models import Assignment, AuditEvent, Membership, Role

#: Roles that see the whole park.
PARK_ROLES = ("authority", "administrator")


def role_of(user: Any) -> str:
    """The account's role ('' for an account without one, which may see nothing)."""
    if not getattr(user, "is_authenticated", False):
        return ""
    found = Role.objects.filter(user=user).values_list("role", flat=True).first()
    return str(found or "")


def lang_of(request: HttpRequest) -> str:
    """The page's language (``vi`` unless the reader switched to ``en``)."""
    lang = getattr(request, "LANGUAGE_CODE", "vi")
    return lang if lang in LANGUAGES else "vi"


def enterprises_of(user: Any) -> list[str]:
    """The enterprises a reporter submits for."""
    return sorted(Membership.objects.filter(user=user).values_list("enterprise", flat=True))


def may_read(user: Any, enterprise: str, year: int | None = None) -> bool:
    """Whether ``user`` may read ``enterprise`` (and, for an auditor, that year)."""
    role = role_of(user)
    if role in PARK_ROLES:
        return True
    if role == "reporter":
        return Membership.objects.filter(user=user, enterprise=enterprise).exists()
    if role == "auditor":
        assigned = Assignment.objects.filter(user=user, enterprise=enterprise)
        return assigned.filter(year=year).exists() if year is not None else assigned.exists()
    return False


def may_submit(user: Any, enterprise: str) -> bool:
    """Whether ``user`` may upload and submit for ``enterprise`` (its reporters only)."""
    return role_of(user) == "reporter" and Membership.objects.filter(user=user, enterprise=enterprise).exists()


def roles(*allowed: str) -> Callable[[Callable[..., HttpResponse]], Callable[..., HttpResponse]]:
    """A view for signed-in accounts of the ``allowed`` roles only (403 otherwise)."""

    def wrap(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @login_required
        @wraps(view)
        def checked(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if role_of(request.user) not in allowed:
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return checked

    return wrap


def readable(request: HttpRequest, enterprise: str, year: int | None = None) -> None:
    """Raise 404 unless the account may read ``enterprise`` (and year)."""
    if not may_read(request.user, enterprise, year):
        raise Http404


def address(request: HttpRequest) -> str:
    """Where the request came from (the peer address; a proxy's forwarded address is not trusted)."""
    return str(request.META.get("REMOTE_ADDR", ""))


def log(request: HttpRequest, action: str, enterprise: str = "", **detail: object) -> None:
    """Add one event to the audit log."""
    user = request.user.get_username() if getattr(request.user, "is_authenticated", False) else ""
    AuditEvent.objects.create(user=user, address=address(request), action=action, enterprise=enterprise, detail=detail)


def context(request: HttpRequest) -> dict[str, object]:
    """What every page knows: the reader's language, role and the role's name."""
    lang, role = lang_of(request), role_of(request.user)
    return {"lang": lang, "role": role, "role_name": text_of(f"web.role.{role}", lang) if role else ""}


def text_of(key: str, lang: str, **params: object) -> str:
    """A catalogue message for a view's notice."""
    from ghg.i18n import text

    return text(key, lang, **params)


class LanguageMiddleware:
    """Vietnamese first: a page is in Vietnamese unless the reader chose English with the switch (Django's
    language cookie); the HTTP API follows ``Accept-Language`` (``en`` or ``vi``), Vietnamese otherwise. A
    browser's own language does not decide (many officials' browsers are set to English)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        from django.conf import settings
        from django.utils import translation

        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
        if request.path.startswith("/api/"):
            asked = request.META.get("HTTP_ACCEPT_LANGUAGE", "")[:2].lower()
            chosen = asked if asked in LANGUAGES else ""
        lang = chosen if chosen in LANGUAGES else "vi"
        translation.activate(lang)
        request.LANGUAGE_CODE = lang
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", lang)
        return response
