"""The installed version of ghg (recorded in every run's manifest and report).

Read from the installed package's metadata on first use (``importlib.metadata`` costs a few hundredths of a
second at every start otherwise): :func:`version`, or ``ghg.__version__``.
"""

from __future__ import annotations

from functools import lru_cache

#: The version of a source tree that is not installed.
SOURCE_VERSION = "0.0.0+source"


@lru_cache(maxsize=1)
def version() -> str:
    """The installed ghg's version, or :data:`SOURCE_VERSION` when running from a source tree not installed."""
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as installed

    try:
        return installed("ghg")
    except PackageNotFoundError:
        return SOURCE_VERSION
