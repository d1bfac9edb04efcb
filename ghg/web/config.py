"""Where the web application's things are: the result store, the park's registry and ledger, its own folder
(database, secret key, uploads), and the inventory settings of the runs it submits.

Read once from the environment (``GHG_…`` variables) so that ``ghg serve``, a production server (gunicorn or
granian with ``DJANGO_SETTINGS_MODULE=ghg.web.settings``) and the tests configure it the same way.
"""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass, field
from pathlib import Path

from ghg.core.errors import UsageError


@dataclass(frozen=True)
class WebConfig:
    """The application's configuration.

    Attributes
    ----------
    store : Path
        The result store (``GHG_STORE``).
    registry, transfers : Path or None
        The park's registry of members and the ledger of energy passed between them
        (``GHG_REGISTRY``, ``GHG_TRANSFERS``).
    eip : Path or None
        The eco-industrial park's records (``GHG_EIP``): indicators, the Art. 37 checklist, the Art. 43 report.
    scenario, targets, macc_year
        The pathway shown against its targets (``GHG_SCENARIO``, ``GHG_TARGETS`` ``;``-separated,
        ``GHG_MACC_YEAR`` for the cost curve).
    home : Path
        The application's own folder (``GHG_WEB_HOME``; default ``<store>-web`` beside the store): the SQLite
        database, the secret key (readable by its owner only) and uploads waiting to be submitted.
    database_url : str
        ``GHG_DATABASE_URL`` (``postgresql://user:password@host:port/name``); empty for SQLite in ``home``.
    gwp : str
        The GWP-100 set of submitted runs (``GHG_GWP``, default AR5).
    releases : tuple of str
        Factor releases used beside the bundled ones (``GHG_EXTRA_FACTORS``, ``;``-separated ids or folders).
    max_upload_bytes : int
        The largest file accepted (``GHG_MAX_UPLOAD_MB``, default 20 MB); a workbook whose parts would expand
        beyond ten times that is refused before it is opened.
    debug : bool
        ``GHG_DEBUG=1`` for development only.
    """

    store: Path
    registry: Path | None = None
    transfers: Path | None = None
    eip: Path | None = None
    scenario: str = ""
    targets: tuple[str, ...] = ()
    macc_year: int | None = None
    home: Path = field(default=Path("ghg-web"))
    database_url: str = ""
    gwp: str = "AR5"
    releases: tuple[str, ...] = ()
    max_upload_bytes: int = 20 * 1024 * 1024
    debug: bool = False
    allowed_hosts: tuple[str, ...] = ("127.0.0.1", "localhost")


def from_environment() -> WebConfig:
    """The configuration from ``GHG_…`` environment variables.

    Raises
    ------
    UsageError
        ``GHG_STORE`` is not set.
    """
    env = os.environ
    if not env.get("GHG_STORE"):
        raise UsageError("usage.web_store")
    store = Path(env["GHG_STORE"]).resolve()
    home = Path(env.get("GHG_WEB_HOME") or f"{store}-web").resolve()
    return WebConfig(
        store=store,
        registry=Path(env["GHG_REGISTRY"]).resolve() if env.get("GHG_REGISTRY") else None,
        transfers=Path(env["GHG_TRANSFERS"]).resolve() if env.get("GHG_TRANSFERS") else None,
        eip=Path(env["GHG_EIP"]).resolve() if env.get("GHG_EIP") else None,
        scenario=env.get("GHG_SCENARIO", ""),
        targets=tuple(t for t in env.get("GHG_TARGETS", "").split(";") if t),
        macc_year=int(env["GHG_MACC_YEAR"]) if env.get("GHG_MACC_YEAR") else None,
        home=home,
        database_url=env.get("GHG_DATABASE_URL", ""),
        gwp=env.get("GHG_GWP", "AR5"),
        releases=tuple(r for r in env.get("GHG_EXTRA_FACTORS", "").split(";") if r),
        max_upload_bytes=int(float(env.get("GHG_MAX_UPLOAD_MB", "20")) * 1024 * 1024),
        debug=env.get("GHG_DEBUG", "") == "1",
        allowed_hosts=tuple(h for h in env.get("GHG_ALLOWED_HOSTS", "127.0.0.1,localhost").split(",") if h),
    )


def secret_key(home: Path) -> str:
    """``GHG_SECRET_KEY``, else a key generated once into ``home/secret_key``, readable by its owner only."""
    if os.environ.get("GHG_SECRET_KEY"):
        return os.environ["GHG_SECRET_KEY"]
    path = home / "secret_key"
    if not path.is_file():
        home.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as f:
            f.write(secrets.token_urlsafe(50))
    return path.read_text().strip()
