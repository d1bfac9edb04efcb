"""The Python API: what an analyst calls from a notebook, each function a thin door to the library.

``import ghg`` gives these functions as ``ghg.validate``, ``ghg.compute`` and so on; they import what they
use on first call, so ``import ghg`` itself stays light.

Examples
--------
The single-enterprise example's 2022 electricity (22,400 MWh) times Vietnam's 2022 grid factor
(0.6766 t CO2/MWh, MONRE/DCC combined margin, release ``vn-grid-2023``) is 15,155.84 t CO2e, location-based:

>>> import ghg
>>> result = ghg.compute(["examples/example-enterprise/activity.csv"], gwp="AR5", year=2022)
>>> row = result.summary.set_index("year").loc[2022]
>>> round(float(row["scope_2_location_t_co2e"]), 2)
15155.84
>>> result.table.num_rows == len(result.lines)  # the lines as Arrow, and as a DataFrame
True
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from datetime import datetime

    import pandas as pd

    from ghg.core.factors import FactorSet
    from ghg.core.inventory import InventoryResult
    from ghg.engines.job import Checked, Published
    from ghg.park.consolidation import ParkResult
    from ghg.pathways.projection import Projection
    from ghg.pathways.targets import Gap
    from ghg.pathways.uncertainty import Result
    from ghg.store.snapshot import Snapshot

__all__ = [
    "check_targets",
    "compute",
    "consolidate",
    "factor_set",
    "open_store",
    "project",
    "read_lines",
    "submit",
    "summary",
    "uncertainty",
    "validate",
]

PathLike = str | Path


def _ref(store: PathLike | Snapshot) -> Path | Snapshot:
    """A store given by its folder (str or Path) or as a snapshot already opened."""
    return Path(store) if isinstance(store, str) else store


def factor_set(*extra: PathLike, releases: Sequence[PathLike] | None = None) -> FactorSet:
    """The factor releases a calculation uses: the bundled ones (or ``releases``) and any ``extra`` folders.

    Parameters
    ----------
    *extra : str or Path
        Further release folders (a facility's own factors, a supplier's, a research estimate).
    releases : sequence of str or Path, optional
        Release ids or folders instead of the bundled defaults (:data:`ghg.core.factors.DEFAULT_RELEASES`).

    Raises
    ------
    ReleaseError
        An unknown id, or a release whose files do not match its manifest's SHA-256.

    Examples
    --------
    >>> import ghg
    >>> sorted(r.id for r in ghg.factor_set().releases)[:2]
    ['gwp100-ar4-ar5-ar6', 'ipcc-2006-energy']
    """
    from ghg.core.factors import DEFAULT_RELEASES, FactorSet

    chosen = [str(r) for r in (releases if releases is not None else DEFAULT_RELEASES)]
    return FactorSet.load([*chosen, *(str(e) for e in extra)])


def validate(files: Sequence[PathLike], factors: FactorSet | None = None, decimal_mark: str | None = None) -> Checked:
    """Check activity files (or one partitioned dataset folder) without computing or writing anything.

    Returns
    -------
    Checked
        Each file's path, SHA-256 and rows, the number of records, and inputs flagged but not refused.

    Raises
    ------
    InputError
        Every problem of every file, each with its file, sheet, row, column, value and fix.

    Examples
    --------
    >>> import ghg
    >>> ghg.validate(["examples/example-enterprise/activity.csv"]).records
    11
    """
    from ghg.engines import job

    return job.check([Path(f) for f in files], factors or factor_set(), decimal_mark=decimal_mark)


def compute(
    files: Sequence[PathLike],
    gwp: str = "AR5",
    factors: FactorSet | None = None,
    year: int | None = None,
    decimal_mark: str | None = None,
) -> InventoryResult:
    """Compute the Scope 1 and Scope 2 inventory of activity files, in memory (nothing is stored).

    Parameters
    ----------
    files : sequence of str or Path
        CSV, workbook (the Excel template) or Parquet files of activity records.
    gwp : {"AR4", "AR5", "AR6"}
        The GWP-100 set of IPCC's Fourth, Fifth or Sixth Assessment Report.
    year : int, optional
        Only this year's records.

    Returns
    -------
    InventoryResult
        ``table`` (Arrow) and ``lines`` (DataFrame): one line per record and gas with lineage (file, row,
        factor, release, method, tier) [t, t CO2e, TJ, TOE]; ``summary`` per enterprise and year; ``totals``
        per scope, category and gas; ``intensities`` per tonne of product.
    """
    from ghg.core import inventory

    return inventory.run([Path(f) for f in files], gwp, factors or factor_set(), year, decimal_mark=decimal_mark)


def submit(
    files: Sequence[PathLike],
    store: PathLike,
    gwp: str = "AR5",
    factors: FactorSet | None = None,
    year: int | None = None,
    reason: str = "",
    author: str = "",
    decimal_mark: str | None = None,
) -> Published:
    """Compute an inventory and publish it to the store as the next revision of each (year, enterprise).

    The same job the command line's ``ghg inventory`` runs: the inputs and releases are kept in the store, and
    the run is one commit (all of it visible, or nothing). A revision that changes a stored one needs a
    ``reason``.

    Examples
    --------
    >>> import tempfile, ghg
    >>> store = Path(tempfile.mkdtemp()) / "store"
    >>> published = ghg.submit(["examples/example-enterprise/activity.csv"], store, author="analyst")
    >>> [(w.year, w.enterprise, w.revision) for w in published.written]
    [(2022, 'DUCGIANG-LC', 1), (2023, 'DUCGIANG-LC', 1)]
    """
    from ghg.engines import job

    the_job = job.new_job(gwp, Path(store), year, reason, author, author, decimal_mark)
    return job.submit([Path(f) for f in files], the_job, factors or factor_set())


def open_store(store: PathLike, as_of: int | str | datetime | None = None) -> Snapshot:
    """One consistent, verified state of the store: the latest, or as of a version or a time.

    Parameters
    ----------
    as_of : int, str or datetime, optional
        A version of the store's log, or an ISO 8601 time (UTC when no zone is given).

    Raises
    ------
    StoreError
        Not a store, a damaged file (named), or a version the store does not have.
    """
    from ghg.store.snapshot import open_snapshot, parse_as_of

    when = parse_as_of(as_of) if isinstance(as_of, str) else as_of
    return open_snapshot(Path(store), when)


def read_lines(store: PathLike | Snapshot, revision: str = "latest", min_status: str = "draft") -> pd.DataFrame:
    """The stored result lines: the latest revision of every (year, enterprise), or every revision (``"all"``).

    Parameters
    ----------
    min_status : {"draft", "submitted", "verified", "locked"}
        The latest revision at least this far along the workflow.
    """
    from ghg import store as result_store

    return result_store.read_lines(_ref(store), revision, min_status)


def summary(store: PathLike | Snapshot) -> pd.DataFrame:
    """Totals per enterprise and year from the stored lines: Scope 1, Scope 2 location- and market-based,
    biogenic CO2 (memo), energy [t CO2e, TJ, TOE] — the figures ``ghg inventory`` prints.

    Examples
    --------
    >>> import tempfile, ghg
    >>> store = Path(tempfile.mkdtemp()) / "store"
    >>> _ = ghg.submit(["examples/example-enterprise/activity.csv"], store)
    >>> table = ghg.summary(store).set_index("year")
    >>> round(float(table.loc[2022, "scope_2_location_t_co2e"]), 2)
    15155.84
    """
    from ghg.core.totals import summary_from_lines
    from ghg.store.snapshot import snapshot_of

    snap = snapshot_of(_ref(store))
    return summary_from_lines(snap.lines_table(snap.chosen()))


def consolidate(
    store: PathLike | Snapshot,
    registry: PathLike,
    transfers: PathLike | None = None,
    years: list[int] | None = None,
    enterprises: list[str] | None = None,
) -> ParkResult:
    """The park's consolidated totals from the members' stored lines, energy passed between members counted once.

    Parameters
    ----------
    registry : str or Path
        The registry of members (CSV: enterprise, name, sector, ...).
    transfers : str or Path, optional
        The ledger of electricity, steam, heat and carbon-bearing gas passed between members.

    Examples
    --------
    >>> import tempfile, ghg
    >>> store = Path(tempfile.mkdtemp()) / "store"
    >>> park = "examples/tang-loong"
    >>> _ = ghg.submit([f"{park}/activity/DUCGIANG-LC.csv"], store, year=2023)
    >>> result = ghg.consolidate(store, f"{park}/registry.csv", years=[2023])
    >>> sorted(result.shares["enterprise"].unique())
    ['DUCGIANG-LC']
    """
    from ghg import park
    from ghg.store.snapshot import snapshot_of

    snap = snapshot_of(_ref(store))
    members = park.load_registry(registry)
    ledger = park.load_transfers(transfers, members) if transfers else None
    return park.consolidate(read_lines(snap), members, ledger, years, enterprises)


def project(scenario: PathLike, store: PathLike | Snapshot, registry: PathLike) -> Projection:
    """The park's pathway to the scenario's horizon: business as usual and the scenario with its measures.

    Parameters
    ----------
    scenario : str or Path
        A scenario file, or the name of a bundled one (``tang-loong``).
    """
    from ghg.pathways import workflow

    return workflow.run(scenario, _ref(store), Path(registry))


def check_targets(projection: Projection, targets: Sequence[PathLike], enterprise: str | None = None) -> list[Gap]:
    """Each target's trajectory against the projection: the gap per year [t CO2e], the first year off track,
    the carbon budget and the overshoot (SBTi, linear net zero, Decision 896/QĐ-TTg milestones)."""
    from ghg.pathways import workflow

    return workflow.check(projection, [str(t) for t in targets], enterprise, False)


def uncertainty(
    store: PathLike | Snapshot,
    registry: PathLike,
    year: int,
    enterprise: str | None = None,
    samples: int = 100_000,
    seed: int = 20261128,
    method: str = "both",
) -> Result:
    """The uncertainty of one year's inventory (IPCC 2006 Vol. 1 Ch. 3): Approach 1 (error propagation,
    correlated factors) and Approach 2 (Monte Carlo, ``samples`` draws from ``seed``), park and enterprises."""
    from ghg import park
    from ghg.pathways import uncertainty as analysis
    from ghg.store.snapshot import snapshot_of

    snap = snapshot_of(_ref(store))
    lines = read_lines(snap)
    internal = park.internal_supply(lines, park.load_registry(registry))
    return analysis.analyse(snap, lines, internal, year, enterprise, 1, samples, seed, method)
