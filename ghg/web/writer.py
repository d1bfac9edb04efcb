"""One writer at a time: every write the web application makes to the store (a submitted run, a status step)
holds an exclusive lock on ``<home>/store.lock``; a second writer arriving meanwhile is refused at once with a
clear message (try again in a moment) rather than queued behind a slow upload. Readers never take the lock:
they read the store's last published snapshot.

The store itself refuses conflicting commits (optimistic concurrency); the lock makes the web's writers take
turns so that none of them has to be told its work was lost.
"""

from __future__ import annotations

import fcntl
import os
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from ghg import store
from ghg.core.errors import StoreError
from ghg.core.factors import FactorSet
from ghg.engines import job
from ghg.web.config import WebConfig


@contextmanager
def turn(config: WebConfig) -> Iterator[None]:
    """Hold the store's write lock for the duration.

    Raises
    ------
    StoreError
        ``store.web_busy`` when another write holds it.
    """
    config.home.mkdir(parents=True, exist_ok=True)
    fd = os.open(config.home / "store.lock", os.O_RDWR | os.O_CREAT, 0o600)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise StoreError("store.web_busy", path=str(config.store)) from None
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
