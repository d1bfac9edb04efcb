"""The administrator's view of accounts' roles, memberships and assignments (Django's admin); the audit log
is shown read-only."""

from __future__ import annotations

from typing import Any

from django.contrib import admin

from ghg.web.models import Acknowledgement, Assignment, AuditEvent, Membership, Role, Upload

admin.site.register(Role)
admin.site.register(Membership)
admin.site.register(Assignment)
admin.site.register(Acknowledgement)
admin.site.register(Upload)


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    """The audit log: read, never changed."""

    list_display = ("at", "user", "address", "action", "enterprise")

    def has_change_permission(self, request: Any, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: Any, obj: Any = None) -> bool:
        return False

    def has_add_permission(self, request: Any) -> bool:
        return False
