"""Signing in, signing out and failed sign-ins written to the audit log (who, when, from where)."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver

from ghg.web.models import AuditEvent


def _address(request: Any) -> str:
    return str(getattr(request, "META", {}).get("REMOTE_ADDR", "")) if request is not None else ""


@receiver(user_logged_in)
def signed_in(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    AuditEvent.objects.create(user=user.get_username(), address=_address(request), action="signed_in")


@receiver(user_logged_out)
def signed_out(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    name = user.get_username() if user is not None else ""
    AuditEvent.objects.create(user=name, address=_address(request), action="signed_out")


@receiver(user_login_failed)
def sign_in_failed(sender: Any, credentials: dict[str, Any], request: Any = None, **kwargs: Any) -> None:
    name = str(credentials.get("username", ""))[:150]
    AuditEvent.objects.create(user=name, address=_address(request), action="sign_in_failed")
