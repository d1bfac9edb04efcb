"""Auditors' keys and verification statements: a statement signed offline (``ghg audit sign``) is uploaded,
verified against the keys registered for that auditor only (never the key the statement carries), the
signature, and the revision's logical hash and file hash in the store now; the outcome is recorded."""

from __future__ import annotations

import json
from typing import Any

from ghg.core.errors import UsageError
from ghg.store import audit
from ghg.web.config import WebConfig
from ghg.web.models import AuditorKey, Statement


def fingerprint_of(pem: str) -> str:
    """The fingerprint of an Ed25519 public key in PEM.

    Raises
    ------
    UsageError
        ``web.bad_key`` when the text is not an Ed25519 public key.
    """
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    try:
        key = serialization.load_pem_public_key(pem.encode("utf-8"))
    except ValueError:
        raise UsageError("web.bad_key") from None
    if not isinstance(key, Ed25519PublicKey):
        raise UsageError("web.bad_key")
    raw = key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return audit.fingerprint(raw)


def register_key(user: Any, pem: str) -> str:
    """Register an auditor's public key; returns its fingerprint."""
    found = fingerprint_of(pem)
    AuditorKey.objects.update_or_create(fingerprint=found, defaults={"user": user, "pem": pem})
    return found


def parse(data: bytes) -> dict[str, object] | None:
    """A statement file's JSON object, or ``None`` when it is not one."""
    try:
        body = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        return None
    needed = ("year", "enterprise", "revision", "public_key", "signature")
    return body if isinstance(body, dict) and all(k in body for k in needed) else None


def check(config: WebConfig, user: Any, body: dict[str, object]) -> Statement:
    """Verify ``body`` against ``user``'s registered keys and the store, and record the outcome."""
    trusted = {k.fingerprint: k.user.get_username() for k in AuditorKey.objects.filter(user=user)}
    verified, outcome = audit.verify_statement(config.store, body, trusted)
    return Statement.objects.create(
        user=user,
        enterprise=str(body["enterprise"]),
        year=int(str(body["year"])),
        revision=int(str(body["revision"])),
        body=body,
        verified=verified,
        outcome=outcome,
    )
