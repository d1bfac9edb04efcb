"""``ghg serve`` and ``ghg users``: configure Django from the command line's options, create or update the
database, run the server on the loopback address, check the deployment settings, add accounts, and open the
bundled example park with one demo account per role.
"""

from __future__ import annotations

import os
import re
import secrets
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from ghg.core import example
from ghg.core.errors import UsageError


def configure(
    store: Path,
    registry: Path | None = None,
    transfers: Path | None = None,
    home: Path | None = None,
    releases: Sequence[str] = (),
    insecure_http: bool = False,
    eip: Path | None = None,
    scenario: str = "",
    targets: Sequence[str] = (),
    macc_year: int | None = None,
) -> None:
    """Point the application at a store (and the park's files), then set Django up and bring the database's
    tables up to date (SQLite is created on first start)."""
    os.environ["GHG_STORE"] = str(Path(store).resolve())
    places = (("GHG_REGISTRY", registry), ("GHG_TRANSFERS", transfers), ("GHG_WEB_HOME", home), ("GHG_EIP", eip))
    for name, value in places:
        if value is not None:
            os.environ[name] = str(Path(value).resolve())
    if releases:
        os.environ["GHG_EXTRA_FACTORS"] = ";".join(releases)
    if scenario:
        os.environ["GHG_SCENARIO"] = scenario
        os.environ["GHG_TARGETS"] = ";".join(targets)
    if macc_year is not None:
        os.environ["GHG_MACC_YEAR"] = str(macc_year)
    if insecure_http:
        os.environ["GHG_INSECURE_HTTP"] = "1"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ghg.web.settings")
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0, interactive=False)


def run(host: str = "127.0.0.1", port: int = 8000) -> None:
    """Serve on ``host:port`` with Django's threaded development server (for the loopback address; behind a
    production server use ``gunicorn ghg.web.wsgi``)."""
    from django.core.management import call_command

    call_command("runserver", f"{host}:{port}", use_reloader=False, use_threading=True)


def deployment_check() -> None:
    """Django's deployment check of the settings.

    Raises
    ------
    UsageError
        ``web.deploy_failed`` with Django's findings, when it finds any (warnings included).
    """
    from django.core.management import call_command
    from django.core.management.base import SystemCheckError

    try:
        call_command("check", deploy=True, fail_level="WARNING")
    except SystemCheckError as exc:
        raise UsageError("web.deploy_failed", findings=str(exc).strip()) from None


@dataclass
class Account:
    """An account made by :func:`add_user`, with the password to give its owner."""

    name: str
    role: str
    password: str
    enterprises: tuple[str, ...] = ()


def add_user(
    name: str,
    role: str,
    enterprises: Sequence[str] = (),
    assignments: Sequence[tuple[str, int]] = (),
    password: str | None = None,
    keys: Sequence[str] = (),
    reset: bool = False,
) -> Account:
    """Create (or update) an account with its role, the enterprises it reports for, and the (enterprise, year)
    an auditor may read, and the public keys (PEM) its statements are verified against. A new account gets a
    generated password when none is given; an existing one keeps its password unless ``reset`` (the
    returned ``password`` is then empty).

    Raises
    ------
    UsageError
        An unknown role, a reporter without an enterprise.
    """
    from django.contrib.auth import get_user_model

    from ghg.web.models import ROLES, Assignment, Membership, Role

    if role not in ROLES:
        raise UsageError("usage.web_role", role=role, allowed=", ".join(ROLES))
    if role == "reporter" and not enterprises:
        raise UsageError("usage.web_reporter_enterprise")
    user, made = get_user_model().objects.get_or_create(username=name)
    secret = password or (secrets.token_urlsafe(12) if made or reset else "")
    if secret:
        user.set_password(secret)
    user.is_staff = user.is_superuser = role == "administrator"
    user.save()
    Role.objects.update_or_create(user=user, defaults={"role": role})
    for code in enterprises:
        Membership.objects.get_or_create(user=user, enterprise=code)
    for code, year in assignments:
        Assignment.objects.get_or_create(user=user, enterprise=code, year=year)
    from ghg.web.statements import register_key

    for pem in keys:
        register_key(user, pem)
    return Account(name, role, secret, tuple(enterprises))


def demo(folder: Path) -> tuple[Path, list[Account]]:
    """The bundled example park in ``folder``: its inventory stored (once), the registry and ledger in use,
    and one demo account per role with a fresh password. Returns the store and the accounts."""
    from ghg.core.factors import FactorSet
    from ghg.core.vocabulary import DEFAULT_RELEASES
    from ghg.engines import job
    from ghg.store import open_snapshot

    store = folder / "ghg-store"
    park = example.example_dir()
    configure(store, park / "registry.csv", park / "transfers.csv", None, example.extra_releases(), insecure_http=True,
              eip=park / "eip", scenario="tang-loong", targets=("sbti-aca-1.5c", "linear-net-zero-2050"),
              macc_year=2030)  # fmt: skip
    if open_snapshot(store).version < 0:
        factors = FactorSet.load([*DEFAULT_RELEASES, *example.extra_releases()])
        job.submit(example.activity_files(), job.new_job("AR5", store, author="ghg serve --demo"), factors)
    accounts = [
        add_user("demo-reporter", "reporter", ["DAP2-VINACHEM"], reset=True),
        add_user("demo-authority", "authority", reset=True),
        add_user("demo-auditor", "auditor", assignments=[("DAP2-VINACHEM", 2024), ("DAP2-VINACHEM", 2025)], reset=True),
        add_user("demo-admin", "administrator", reset=True),
    ]
    return store, accounts


def printed_accounts(output: Iterable[str]) -> tuple[dict[str, str], list[str]]:
    """What ``ghg serve --demo`` prints, read up to the line that gives the server's address: the demo accounts
    (name -> password) and the lines read. For programs that start a demo server (tests, benchmarks)."""
    read: list[str] = []
    for line in output:
        read.append(line)
        if "http://" in line:
            break
    return dict(re.findall(r"^\s+(demo-[a-z]+) / (\S+)", "".join(read), re.M)), read


def new_token(name: str) -> str:
    """A new API token for account ``name`` (shown once; only its SHA-256 is kept).

    Raises
    ------
    UsageError
        ``web.no_account`` when there is no such account.
    """
    import hashlib

    from django.contrib.auth import get_user_model

    from ghg.web.models import ApiToken

    user = get_user_model().objects.filter(username=name).first()
    if user is None:
        raise UsageError("web.no_account", name=name)
    token = secrets.token_urlsafe(32)
    ApiToken.objects.create(user=user, sha256=hashlib.sha256(token.encode("utf-8")).hexdigest())
    return token
