"""The Django application of ghg's web pages."""

from __future__ import annotations

from django.apps import AppConfig


class GhgWebConfig(AppConfig):
    """Accounts' roles and memberships, uploads, acknowledgements and the audit log."""

    name = "ghg.web"
    label = "ghgweb"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = "ghg"

    def ready(self) -> None:
        from ghg.web import signals  # noqa: F401  (sign-in events to the audit log)
