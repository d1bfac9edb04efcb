"""What the web application keeps beside the store: each account's role and the enterprises it reports for,
auditors' assignments and public keys, uploads waiting to be submitted, acknowledgements of findings, and an
append-only log of every action (who, what, when, from where).

The inventory's numbers are not here: they are in the result store.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models

ROLES = ("reporter", "authority", "auditor", "administrator")


class Role(models.Model):
    """An account's role: ``reporter`` (its enterprises only), ``authority`` (the whole park), ``auditor``
    (read-only on the revisions assigned to it) or ``administrator``."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="ghg_role")
    role = models.CharField(max_length=16, choices=[(r, r) for r in ROLES])

    def __str__(self) -> str:
        return f"{self.user} ({self.role})"


class Membership(models.Model):
    """An enterprise (its code in the registry) a reporter submits for."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="ghg_memberships")
    enterprise = models.CharField(max_length=64)

    class Meta:
        unique_together = ("user", "enterprise")

    def __str__(self) -> str:
        return f"{self.user} → {self.enterprise}"


class Assignment(models.Model):
    """A revision an auditor may read (an enterprise and year; every revision of it)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="ghg_assignments")
    enterprise = models.CharField(max_length=64)
    year = models.IntegerField()

    class Meta:
        unique_together = ("user", "enterprise", "year")


class AuditorKey(models.Model):
    """An auditor's registered Ed25519 public key (PEM, from ``ghg audit keygen``): the only key a statement it
    uploads is verified against."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="ghg_keys")
    fingerprint = models.CharField(max_length=80, unique=True)
    pem = models.TextField()
    added = models.DateTimeField(auto_now_add=True)


class Statement(models.Model):
    """A verification statement an auditor uploaded (signed offline with ``ghg audit sign``), and the outcome of
    checking it against the auditor's registered keys and the store."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT)
    enterprise = models.CharField(max_length=64)
    year = models.IntegerField()
    revision = models.IntegerField()
    body = models.JSONField()
    verified = models.BooleanField()
    outcome = models.CharField(max_length=64)
    at = models.DateTimeField(auto_now_add=True)


class ApiToken(models.Model):
    """A token for an enterprise's own systems to call the HTTP API as the account it belongs to; only its
    SHA-256 is kept (the token itself is shown once, when it is made)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="ghg_tokens")
    sha256 = models.CharField(max_length=64, unique=True)
    created = models.DateTimeField(auto_now_add=True)


class Upload(models.Model):
    """A file received from an enterprise and found valid, waiting to be submitted (or submitted)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT)
    enterprise = models.CharField(max_length=64)
    name = models.CharField(max_length=255)
    path = models.CharField(max_length=1024)
    sha256 = models.CharField(max_length=64)
    records = models.IntegerField(default=0)
    received = models.DateTimeField(auto_now_add=True)
    submitted = models.DateTimeField(null=True, blank=True)
    revisions = models.JSONField(default=list, blank=True)


class Acknowledgement(models.Model):
    """The authority's acknowledgement of a QA/QC finding, with a comment."""

    code = models.CharField(max_length=16)
    enterprise = models.CharField(max_length=64, blank=True)
    facility = models.CharField(max_length=64, blank=True)
    year = models.IntegerField()
    key = models.CharField(max_length=255)
    comment = models.TextField()
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT)
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        unique_together = ("code", "enterprise", "facility", "year", "key")


class AppendOnly(Exception):
    """The audit log is never changed or deleted."""


class AuditEvent(models.Model):
    """One action: who, what, when, from where, and on what. Rows are only ever added."""

    at = models.DateTimeField(auto_now_add=True)
    user = models.CharField(max_length=150, blank=True)
    address = models.CharField(max_length=64, blank=True)
    action = models.CharField(max_length=64)
    enterprise = models.CharField(max_length=64, blank=True)
    detail = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ("-at", "-id")

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise AppendOnly("the audit log is append-only")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise AppendOnly("the audit log is append-only")
