"""The inventory job: one function, :func:`submit`, takes activity files or a partitioned dataset, computes
the result lines and publishes them to the store as one commit; :func:`check` validates the same sources
without writing. The command line, the Python API and the web application all call these two.

The path of one input file::

    submit -> core.inventory.run (read, validate, calculate, lines) -> store.write (keep inputs and
    releases, stage, publish) -> Published

A dataset (a folder of ``key=value`` partitions) goes through :mod:`ghg.engines.tasks` instead: its tasks
run in this process or on a Dask cluster, and are published together by the same store.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa

from ghg import store
from ghg._version import version
from ghg.core import dataset, inventory
from ghg.core.accumulate import LineTotals, intensities_of
from ghg.core.errors import Problem, UsageError
from ghg.core.factors import FactorSet
from ghg.core.spill import Spill
from ghg.engines import tasks
from ghg.engines.tasks import Job, new_job

__all__ = ["Checked", "Job", "Published", "check", "new_job", "submit"]

#: ``progress(done, of)``: files done and the fraction of the current file for files, units done and the
#: number of units for a dataset.
Progress = Callable[[int, Any], None]


@dataclass
class Published:
    """A published run: its summary and totals, what was written, and what a reader needs to reproduce it.

    ``metadata`` is the run's manifest as stored (inputs and releases without local paths); ``parents`` the
    latest revision of each (year, enterprise) before this run; ``run`` is set for a dataset run (engine,
    units, lines, logical hash) and ``pruned`` counts a dataset's folders of other years left out.
    """

    job: Job
    summary: pd.DataFrame
    totals: pd.DataFrame
    intensities: pd.DataFrame
    written: list[store.Written]
    parents: dict[tuple[int, str], int]
    metadata: dict[str, object]
    warnings: list[Problem] = field(default_factory=list)
    excluded_records: int = 0
    run: tasks.DatasetResult | None = None
    pruned: int = 0
    software_version: str = field(default_factory=version)


@dataclass
class Checked:
    """Sources found valid: each file's path, SHA-256 and rows, the records, and inputs flagged (not refused)."""

    files: list[dict[str, object]]
    records: int
    warnings: list[Problem] = field(default_factory=list)


def _dataset_of(sources: Sequence[Path]) -> Path | None:
    """The dataset folder when ``sources`` is one folder; ``None`` for files.

    Raises
    ------
    UsageError
        No source, or a folder given with other sources.
    """
    if not sources:
        raise UsageError("usage.no_files")
    if any(Path(s).is_dir() for s in sources):
        if len(sources) > 1:
            raise UsageError("usage.dataset_alone")
        return Path(sources[0])
    return None


def check(
    sources: Sequence[Path],
    factors: FactorSet,
    progress: Progress | None = None,
    decimal_mark: str | None = None,
) -> Checked:
    """Validate activity files, or every partition of a dataset folder, without writing anything.

    Raises
    ------
    InputError
        Every problem of every file, each with its file, sheet, row, column, value and fix.
    """
    folder = _dataset_of(sources)
    if folder is not None:
        checked = tasks.check_local(dataset.discover(folder), factors, progress, decimal_mark=decimal_mark)
        files = [{"path": i["path"], "sha256": i["sha256"], "rows": i["rows"]} for i in checked.inputs]
        return Checked(files, checked.records)
    computed = inventory.check(list(sources), factors, progress=progress, decimal_mark=decimal_mark)
    files = [{"path": str(f.path), "sha256": f.sha256, "rows": f.n_rows} for f in computed.sources]
    return Checked(files, computed.records, computed.warnings)


def submit(
    sources: Sequence[Path],
    job: Job,
    factors: FactorSet,
    *,
    engine: str = "local",
    scheduler: str | None = None,
    workers: int = 2,
    task_bytes: int = tasks.TASK_BYTES,
    progress: Progress | None = None,
) -> Published:
    """Compute the inventory of ``sources`` and publish it to ``job.store``: all of it in one commit, or nothing.

    Parameters
    ----------
    sources : sequence of Path
        Activity files (CSV, workbooks, Parquet), or one dataset folder of ``key=value`` partitions.
    job : Job
        The GWP set, store, year, reason, author and the snapshot the run is based on (:func:`new_job`).
    factors : FactorSet
        The factor releases the run uses.
    engine : {"local", "dask"}
        Where a dataset's tasks run (files always run here).
    scheduler, workers, task_bytes
        The Dask scheduler's address (or a local cluster of ``workers``), and the input bytes per task.

    Returns
    -------
    Published
        The summary (t CO2e per enterprise and year), totals per gas, intensities per tonne of product,
        and the revisions written.

    Raises
    ------
    InputError
        Every problem found in the inputs (nothing is written).
    StoreError
        A revision without a reason, a conflict with another writer, a write that failed (nothing is
        published).
    UsageError
        A folder given with other sources, or a Dask engine asked for files.
    """
    folder = _dataset_of(sources)
    if folder is not None:
        return _submit_dataset(folder, job, factors, engine, scheduler, workers, task_bytes, progress)
    if engine != "local" or scheduler:
        raise UsageError("usage.engine_dataset")
    files = [Path(s) for s in sources]
    base = job.base
    shown = ", ".join(f.name for f in files)
    lines = LineTotals(job.gwp_set)
    dropped: list[Problem] = []

    def on_group(table: pa.Table) -> None:
        lines.add(table)
        dropped.extend(store.dropped_warnings(table, base, shown))

    with Spill() as spill:
        streamed = inventory.stream(files, job.gwp_set, factors, spill, job.year, progress, job.decimal_mark)
        computed = streamed.computed
        lines.with_facilities = not computed.production.empty  # intensities need them
        parsed = {str(i["path"]): str(i["sha256"]) for i in streamed.inputs}

        def metadata() -> dict[str, object]:
            return {
                "software_version": streamed.software_version,
                "releases": streamed.releases,
                "gwp_set": streamed.gwp_set,
                "year": job.year,
                "inputs": streamed.inputs,
                "created": streamed.created,
                "warnings": [w.as_warning() for w in computed.warnings + dropped],
            }

        written = store.write_groups(
            job.store,
            spill.groups(),
            {e for _, e in spill.partitions},
            metadata,
            computed.production,
            job.reason,
            job.author,
            base=base,
            inputs=[(p, parsed[str(p)]) for p in files],
            submitted_by=job.submitted_by,
            release_refs=[str(r.path) for r in factors.releases],
            on_group=on_group,
        )
    return Published(
        job=job,
        summary=lines.summary(),
        totals=lines.totals(),
        intensities=intensities_of(lines.facilities(), computed.production),
        written=written,
        parents=base.latest(),
        metadata=store.without_paths(metadata()),
        warnings=computed.warnings + dropped,
        excluded_records=computed.excluded,
        software_version=streamed.software_version,
    )


def _submit_dataset(
    folder: Path,
    job: Job,
    factors: FactorSet,
    engine: str,
    scheduler: str | None,
    workers: int,
    task_bytes: int,
    progress: Progress | None,
) -> Published:
    """A dataset's partition folders of the job's year, a task at a time here or on Dask, published together."""
    data, pruned = dataset.of_year(dataset.discover(folder), job.year)
    if engine == "dask":
        result = tasks.run_dask(data, job, factors, scheduler, workers, progress, task_bytes)
    else:
        result = tasks.run_streamed(data, job, factors, progress)
    metadata: dict[str, object] = {
        "software_version": result.software_version,
        "releases": result.releases,
        "gwp_set": job.gwp_set,
        "year": job.year,
        "inputs": result.inputs,
        "created": result.created,
    }
    return Published(
        job=job,
        summary=result.summary,
        totals=result.totals,
        intensities=result.intensities,
        written=result.written,
        parents=job.base.latest(),
        metadata=metadata,
        excluded_records=result.excluded_records,
        run=result,
        pruned=pruned,
        software_version=result.software_version,
    )
