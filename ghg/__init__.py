"""ghg: an auditable greenhouse-gas inventory and Net Zero pathway calculator.

The packages, from the ground up: :mod:`ghg.i18n` (every text in English and Vietnamese), :mod:`ghg.core`
(activity data, factor releases, the calculation and its result lines), :mod:`ghg.store` (revisions in a
Delta table, kept inputs, audit), :mod:`ghg.park` (registry, consolidation, checks, Form 06), :mod:`ghg.eip`
and :mod:`ghg.pathways` (eco-industrial park, pathways to 2050), :mod:`ghg.reports` and :mod:`ghg.engines`
(what people read; running jobs on files, datasets and clusters), :mod:`ghg.cli` (the command line).

The functions of :mod:`ghg.api` are available here (``ghg.compute``, ``ghg.submit``, ``ghg.summary``, ...),
imported on first use so that ``import ghg`` stays light.
"""

from __future__ import annotations

from typing import Any

from ghg.api import __all__ as api_names  # the API module imports no library at its top

__all__ = ["__version__", *api_names]


def __getattr__(name: str) -> Any:
    """The API's functions, imported on first use, and ``__version__``."""
    if name == "__version__":
        from ghg._version import version

        return version()
    if name in api_names:
        from ghg import api

        return getattr(api, name)
    raise AttributeError(f"module 'ghg' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted([*globals(), *api_names])
