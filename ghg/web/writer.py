"""One writer at a time: every write the web application makes to the store (a submitted run, a status step)
holds an exclusive lock on ``<home>/store.lock``; a writer arriving meanwhile waits its turn (up to
``GHG_WRITE_WAIT`` seconds, default 60) and is then refused with a clear message (nothing of it written, submit
again). Readers never take the lock: they read the store's last published snapshot, so a slow submission
never blocks a page.

The store itself refuses conflicting commits (optimistic concurrency); the lock makes the web's writers take
turns so that none of them has to be told its work was lost.
"""

from __future__ import annotations

import fcntl
import os
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from ghg import store
from ghg.core.errors import StoreError
from ghg.core.factors import FactorSet
from ghg.engines import job
from ghg.web.config import WebConfig


@contextmanager
def turn(config: WebConfig, wait: float | None = None) -> Iterator[None]:
    """Hold the store's write lock for the duration, waiting up to ``wait`` seconds for it (default
    ``GHG_WRITE_WAIT``, 60).

    Raises
    ------
    StoreError
        ``store.web_busy`` when another write still holds it after the wait.
    """
    limit = float(os.environ.get("GHG_WRITE_WAIT", "60")) if wait is None else wait
    config.home.mkdir(parents=True, exist_ok=True)
    fd = os.open(config.home / "store.lock", os.O_RDWR | os.O_CREAT, 0o600)
    try:
        deadline = time.monotonic() + limit
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise StoreError("store.web_busy", path=str(config.store)) from None
                time.sleep(0.05)
        yield
    finally:
        os.close(fd)  # closing releases the lock


def factors_of(config: WebConfig) -> FactorSet:
    """The bundled releases and the configured extra ones."""
    from ghg.core.vocabulary import DEFAULT_RELEASES

    return FactorSet.load([*DEFAULT_RELEASES, *config.releases])


def submit(
    config: WebConfig, files: Sequence[Path], reason: str, author: str, year: int | None = None
) -> job.Published:
    """Compute and publish ``files`` as the next revision of each (year, enterprise), one writer at a time."""
    with turn(config):
        the_job = job.new_job(config.gwp, config.store, year, reason, author, author)
        return job.submit(list(files), the_job, factors_of(config))


def set_status(
    config: WebConfig, year: int, enterprise: str, revision: int, status: str, by: str, comment: str = ""
) -> dict[str, object]:
    """Move a revision one step along draft → submitted → verified → locked, one writer at a time."""
    with turn(config):
        return store.set_status(config.store, year, enterprise, revision, status, by, comment)
