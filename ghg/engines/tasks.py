"""Engines for partitioned datasets: the same calculation, in this process or on a Dask cluster.

A dataset (:mod:`ghg.core.dataset`) is split into units (its partition folders), grouped into tasks of bounded
input size (:func:`ghg.core.dataset.tasks`). :func:`run_task` checks and calculates one task with
:func:`ghg.core.inventory.run` - the very function that serves single files -, keeps its input files in the
store and stages its result lines as the next revision of each (year, enterprise) partition, under
temporary names. It returns a small :class:`Partial`: problems, staged revisions, per-enterprise summary
and totals. :func:`combine` merges partials (the same result in any grouping). Only when every task is
done without a problem does :func:`finish` publish all staged revisions (one rename each) and the run's
manifest; otherwise every staged temporary is removed and nothing is published.

- :func:`run_local`: one task after another in this process; memory holds one task at a time.
- :func:`run_dask`: each task a Dask task on a ``distributed`` cluster (an existing scheduler, or a
  ``LocalCluster``), the factor releases loaded once and broadcast to the workers, the partials merged by
  a tree reduction. Workers must see the dataset and the store at the same paths (a shared file system).
  A task lost with a killed worker is run again by Dask; if it cannot be (``KilledWorker``), the run
  fails with :class:`~ghg.errors.EngineError` and nothing is published.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import pandas as pd

from ghg import store
from ghg._version import version
from ghg.core import inventory
from ghg.core.accumulate import LineTotals, intensities_of
from ghg.core.activity import Source
from ghg.core.dataset import TASK_BYTES, Dataset, Unit, open_unit, tasks
from ghg.core.errors import EngineError, GhgError, InputError, Problem, StoreError
from ghg.core.factors import FactorSet
from ghg.core.hashing import sha256_bytes
from ghg.core.spill import Spill
from ghg.core.totals import TOTAL_KEYS
from ghg.store import kept
from ghg.store.snapshot import Snapshot

#: Partials merged per reduction task.
FAN_IN = 8
#: Called as ``progress(units_done, units)``.
UnitProgress = Callable[[int, int], None]


@dataclass(frozen=True)
class Job:
    """What every unit of one run shares (small: sent with every task)."""

    gwp_set: str
    store: Path
    base: Snapshot
    year: int | None = None
    reason: str = ""
    author: str = ""
    submitted_by: str = ""
    created: str = ""
    token: str = ""
    decimal_mark: str | None = None


@dataclass
class Partial:
    """The result of one or more units, before publication."""

    problems: list[Problem] = field(default_factory=list)
    failure: tuple[str, dict[str, object]] | None = None  # a StoreError's message key and parameters
    staged: list[store.Staged] = field(default_factory=list)
    created: list[Path] = field(default_factory=list)  # kept inputs this run added to the store
    summary: pd.DataFrame = field(default_factory=pd.DataFrame)
    totals: pd.DataFrame = field(default_factory=pd.DataFrame)
    intensities: pd.DataFrame = field(default_factory=pd.DataFrame)
    inputs: list[dict[str, object]] = field(default_factory=list)
    receipts: list[dict[str, object]] = field(default_factory=list)
    records: int = 0
    excluded: int = 0
    lines: int = 0
    units: int = 0


@dataclass
class DatasetResult:
    """A published run over a dataset: the merged summary and totals and what was written."""

    summary: pd.DataFrame
    totals: pd.DataFrame
    intensities: pd.DataFrame
    written: list[store.Written]
    inputs: list[dict[str, object]]
    receipts: list[dict[str, object]]
    releases: list[dict[str, str]]
    gwp_set: str
    created: str
    records: int
    excluded_records: int
    lines: int
    units: int
    logical_hash: str
    engine: str
    software_version: str = field(default_factory=version)
    store: Path = Path()


def new_job(
    gwp_set: str,
    out: Path,
    year: int | None = None,
    reason: str = "",
    author: str = "",
    submitted_by: str = "",
    decimal_mark: str | None = None,
) -> Job:
    """A job based on the store's latest snapshot, with a fresh run token."""
    return Job(
        gwp_set,
        out,
        store.open_snapshot(out),
        year,
        reason,
        author,
        submitted_by,
        datetime.now(UTC).isoformat(timespec="seconds"),
        uuid.uuid4().hex[:16],
        decimal_mark,
    )


def releases_of(factors: FactorSet) -> list[dict[str, str]]:
    """The factor releases as recorded in result metadata."""
    return [
        {"id": r.id, "version": r.meta.version, "tier": r.tier.value, "sha256": r.release_hash}
        for r in factors.releases
    ]


def _open_task(root: Path, units: tuple[Unit, ...]) -> tuple[list[Source], list[Problem]]:
    sources: list[Source] = []
    problems: list[Problem] = []
    for unit in units:
        opened, found = open_unit(root, unit)
        sources += opened
        problems += found
    return sources, problems


def run_task(root: Path, units: tuple[Unit, ...], job: Job, factors: FactorSet) -> Partial:
    """Check, calculate and stage a group of units (the task both engines run).

    Returns problems instead of raising them, so that a run collects the problems of every unit and
    a Dask task's result is plain data.
    """
    sources, problems = _open_task(root, units)
    n = len(units)
    if problems:
        return Partial(problems=problems, units=n)
    try:
        result = inventory.run(sources, job.gwp_set, factors, job.year, decimal_mark=job.decimal_mark)
    except InputError as exc:
        if job.year is not None and all(p.code == "no_records_year" for p in exc.problems):
            return Partial(excluded=sum(s.n_rows for s in sources), units=n)  # none of them is of the year
        return Partial(problems=exc.problems, units=n)
    made = kept.Kept()
    try:
        store.check_submitter(job.submitted_by, result.table, job.base)
        receipts = []
        for s in sources:
            receipt = kept.keep_input(job.store, s.path, job.submitted_by, s.sha256, made)
            receipts.append({**receipt, "receipt_sha256": kept.receipt_hash(receipt), "file": s.shown_name})
        staged = store.stage(
            job.store, result.table, result.production, job.reason, job.base, job.token, own_inputs=result.inputs
        )
    except StoreError as exc:
        made.undo()
        return Partial(failure=(exc.key, exc.params), units=n)
    except OSError as exc:  # keeping an input: a full disk, a lost mount
        made.undo()
        return Partial(failure=("store.write_failed", {"path": str(job.store), "detail": str(exc)}), units=n)
    return Partial(
        staged=[staged],
        created=made.created,
        summary=result.summary,
        totals=result.totals,
        intensities=result.intensities,
        inputs=result.inputs,
        receipts=receipts,
        records=result.records,
        excluded=result.excluded_records,
        lines=result.table.num_rows,
        units=n,
    )


def check_task(root: Path, units: tuple[Unit, ...], factors: FactorSet, decimal_mark: str | None = None) -> Partial:
    """Check a group of units without calculating or writing (``ghg validate DATASET``)."""
    sources, problems = _open_task(root, units)
    if problems:
        return Partial(problems=problems, units=len(units))
    try:
        computed = inventory.check(sources, factors, decimal_mark=decimal_mark)
    except InputError as exc:
        return Partial(problems=exc.problems, units=len(units))
    inputs: list[dict[str, object]] = [
        {"file": s.shown_name, "path": str(s.path), "sha256": s.sha256, "rows": s.n_rows} for s in sources
    ]
    return Partial(inputs=inputs, records=computed.records, units=len(units))


def check_local(
    dataset: Dataset,
    factors: FactorSet,
    progress: UnitProgress | None = None,
    task_bytes: int = TASK_BYTES,
    decimal_mark: str | None = None,
) -> Partial:
    """Check every record of a dataset, one task at a time.

    Raises
    ------
    InputError
        With every problem of every folder.
    """
    merged = _each_task(
        dataset, lambda units: check_task(dataset.root, units, factors, decimal_mark), progress, task_bytes
    )
    if merged.problems:
        raise InputError(sorted(merged.problems, key=lambda p: (p.file, p.row if p.row is not None else 1 << 62)))
    return merged


def combine(*parts: Partial) -> Partial:
    """Merge partials: problems, staged revisions and inputs side by side, summaries and totals summed."""
    summaries = [p.summary for p in parts if len(p.summary)]
    totals = [p.totals for p in parts if len(p.totals)]
    intensities = [p.intensities for p in parts if len(p.intensities)]
    summary = pd.concat(summaries, ignore_index=True) if summaries else pd.DataFrame()
    if len(summary):
        summary = summary.groupby(["enterprise", "year"], sort=True).sum().reset_index()
    total = pd.concat(totals, ignore_index=True) if totals else pd.DataFrame()
    if len(total):
        total = total.groupby([*TOTAL_KEYS, "gwp_set"], sort=True).sum().reset_index()
    failure = next((p.failure for p in parts if p.failure), None)
    return Partial(
        problems=[x for p in parts for x in p.problems],
        failure=failure,
        staged=[x for p in parts for x in p.staged],
        created=[x for p in parts for x in p.created],
        summary=summary,
        totals=total,
        intensities=pd.concat(intensities, ignore_index=True) if intensities else pd.DataFrame(),
        inputs=[x for p in parts for x in p.inputs],
        receipts=[x for p in parts for x in p.receipts],
        records=sum(p.records for p in parts),
        excluded=sum(p.excluded for p in parts),
        lines=sum(p.lines for p in parts),
        units=sum(p.units for p in parts),
    )


def logical_hash(written: Sequence[store.Written]) -> str:
    """The logical hash of a whole result: SHA-256 of each partition's year, enterprise and logical hash,
    one per line in (year, enterprise) order. It depends on the result lines' values only."""
    text = "".join(
        f"{w.year}\t{w.enterprise}\t{w.content_hash}\n" for w in sorted(written, key=lambda w: (w.year, w.enterprise))
    )
    return sha256_bytes(text.encode("utf-8"))


def _manifest(
    dataset: Dataset,
    job: Job,
    factors: FactorSet,
    engine: str,
    units: int,
    inputs: list[dict[str, object]],
    receipts: list[dict[str, object]],
) -> dict[str, object]:
    """A dataset run's manifest: software, releases, GWP set, year, dataset, engine, units, inputs, receipts."""
    return {
        "software_version": version(),
        "releases": releases_of(factors),
        "gwp_set": job.gwp_set,
        "year": job.year,
        "dataset": dataset.root.name,
        "engine": engine,
        "units": units,
        "inputs": inputs,
        "receipts": receipts,
        "created": job.created,
        "reason": job.reason,
        "author": job.author,
    }


def finish(dataset: Dataset, job: Job, factors: FactorSet, merged: Partial, engine: str) -> DatasetResult:
    """Publish a run whose every unit is done, or remove all it staged and raise.

    Raises
    ------
    InputError
        With every problem of every unit (nothing is published).
    StoreError
        A unit could not be written, or a conflict with another writer (nothing is published).
    """
    if merged.problems or merged.failure or not merged.staged:
        store.discard(job.store, merged.staged)
        store.discard_run(job.store, job.token)
        kept.Kept(list(merged.created)).undo()
        if merged.failure:
            raise StoreError(merged.failure[0], **merged.failure[1])
        if merged.problems:
            raise InputError(sorted(merged.problems, key=lambda p: (p.file, p.row if p.row is not None else 1 << 62)))
        code = "no_records_year" if job.year is not None else "no_records"
        raise InputError([Problem(str(dataset.root), None, "year" if job.year else None, str(job.year or ""), code)])
    metadata = _manifest(dataset, job, factors, engine, merged.units, merged.inputs, merged.receipts)
    mine = {s.file for s in merged.staged}
    try:
        for ref in factors.releases:
            kept.keep_release(job.store, ref.path, kept.Kept(merged.created))
        written = store.publish(job.store, merged.staged, store.without_paths(metadata), job.base)
    except BaseException:
        kept.Kept(list(merged.created)).undo()
        raise
    finally:
        store.discard_run(job.store, job.token, keep=mine)  # files of attempts lost with a killed worker
    written = sorted(written, key=lambda w: (w.year, w.enterprise))
    summary = merged.summary
    return DatasetResult(
        summary=summary,
        totals=merged.totals,
        intensities=merged.intensities,
        written=written,
        inputs=merged.inputs,
        receipts=merged.receipts,
        releases=releases_of(factors),
        gwp_set=job.gwp_set,
        created=job.created,
        records=merged.records,
        excluded_records=merged.excluded,
        lines=merged.lines,
        units=merged.units,
        logical_hash=logical_hash(written),
        engine=engine,
        store=job.store,
    )


def _each_task(
    dataset: Dataset,
    step: Callable[[tuple[Unit, ...]], Partial],
    progress: UnitProgress | None,
    task_bytes: int,
) -> Partial:
    """``step`` on every task of ``dataset`` in turn, the partials merged as they come (what is kept stays small)."""
    parts: list[Partial] = []
    done = 0
    for units in tasks(dataset, task_bytes):
        parts.append(step(units))
        done += len(units)
        if progress:
            progress(done, len(dataset.units))
        if len(parts) >= FAN_IN * FAN_IN:
            parts = [combine(*parts)]
    return combine(*parts)


def run_local(
    dataset: Dataset,
    job: Job,
    factors: FactorSet,
    progress: UnitProgress | None = None,
    task_bytes: int = TASK_BYTES,
) -> DatasetResult:
    """Run every task in this process, one after another, and publish (see :func:`finish`)."""
    try:
        merged = _each_task(dataset, lambda units: run_task(dataset.root, units, job, factors), progress, task_bytes)
    except BaseException:
        store.discard_run(job.store, job.token)
        raise
    return finish(dataset, job, factors, merged, "local")


def run_streamed(
    dataset: Dataset,
    job: Job,
    factors: FactorSet,
    progress: UnitProgress | None = None,
) -> DatasetResult:
    """Every unit of ``dataset`` in this process as one stream of record batches - the path of single files
    (:func:`ghg.core.inventory.stream`): lines spilled, read back by partition groups, hashed and written into
    one data file, published in one commit; memory of one batch and one group, whatever the dataset's size.

    Raises
    ------
    InputError
        With every problem of every unit (nothing is published).
    StoreError
        A missing reason, a conflict with another writer, a write that failed (nothing is published).
    """
    sources, problems = _open_task(dataset.root, tuple(dataset.units))
    if problems:
        raise InputError(sorted(problems, key=lambda p: (p.file, p.row if p.row is not None else 1 << 62)))
    unit_of = {id(s): i for i, s in enumerate(sources)}
    lines = LineTotals(job.gwp_set)
    made = kept.Kept()

    def files_done(index: int, fraction: float) -> None:
        if progress:
            progress(min(index + int(fraction >= 1.0), len(sources)), len(sources))

    try:
        with Spill() as spill:
            streamed = inventory.stream(
                sources, job.gwp_set, factors, spill, job.year, files_done if progress else None, job.decimal_mark
            )
            computed = streamed.computed
            lines.with_facilities = not computed.production.empty
            store.check_submitter_of(job.submitted_by, {e for _, e in spill.partitions}, job.base)
            receipts = []
            for s in sorted(computed.sources, key=lambda s: unit_of.get(id(s), 0)):
                receipt = kept.keep_input(job.store, s.path, job.submitted_by, s.sha256, made)
                receipts.append({**receipt, "receipt_sha256": kept.receipt_hash(receipt), "file": s.shown_name})
            staged = store.stage_groups(
                job.store,
                spill.groups(),
                computed.production,
                job.reason,
                job.base,
                job.token,
                on_group=lines.add,
                own_inputs=streamed.inputs,
            )
            metadata = _manifest(dataset, job, factors, "local", len(dataset.units), streamed.inputs, receipts)
            for ref in factors.releases:
                kept.keep_release(job.store, ref.path, made)
            written = store.publish(job.store, [staged], store.without_paths(metadata), job.base)
            total_lines = spill.total_rows
    except BaseException:
        made.undo()
        store.discard_run(job.store, job.token)
        raise
    written = sorted(written, key=lambda w: (w.year, w.enterprise))
    return DatasetResult(
        summary=lines.summary(),
        totals=lines.totals(),
        intensities=intensities_of(lines.facilities(), computed.production),
        written=written,
        inputs=streamed.inputs,
        receipts=receipts,
        releases=releases_of(factors),
        gwp_set=job.gwp_set,
        created=job.created,
        records=computed.records,
        excluded_records=computed.excluded,
        lines=total_lines,
        units=len(dataset.units),
        logical_hash=logical_hash(written),
        engine="local",
        store=job.store,
    )


def run_dask(
    dataset: Dataset,
    job: Job,
    factors: FactorSet,
    scheduler: str | None = None,
    workers: int = 2,
    progress: UnitProgress | None = None,
    task_bytes: int = TASK_BYTES,
) -> DatasetResult:
    """Run every unit as a Dask task and publish (see :func:`finish`).

    Parameters
    ----------
    scheduler : str, optional
        Address of a running ``distributed`` scheduler (``tcp://host:8786``); without one, a
        ``LocalCluster`` of ``workers`` single-threaded worker processes is started and closed.
    workers : int
        Worker processes of the local cluster.

    Raises
    ------
    EngineError
        The cluster cannot be reached, or a task failed there (a worker killed more often than the
        scheduler allows): nothing is published.
    """
    try:
        from distributed import Client, LocalCluster, as_completed
    except ImportError as exc:  # pragma: no cover - an optional dependency
        raise EngineError("engine.no_dask", detail=str(exc)) from None
    cluster = None
    try:
        if scheduler:
            client = Client(scheduler, timeout="30s")
        else:
            cluster = LocalCluster(
                n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None, memory_limit=0
            )
            client = Client(cluster)
    except (OSError, TimeoutError) as exc:
        if cluster is not None:
            cluster.close()
        raise EngineError("engine.unreachable", scheduler=scheduler or "LocalCluster", detail=str(exc)) from None
    token = job.token
    failed = True
    try:
        shared = client.scatter(factors, broadcast=True, hash=False)
        shared_job = client.scatter(job, broadcast=True, hash=False)  # its parents: one entry per partition
        groups = tasks(dataset, task_bytes)
        futures = client.map(
            run_task,
            [dataset.root] * len(groups),
            groups,
            job=shared_job,
            factors=shared,
            key=[f"ghg-task-{token}-{i}" for i in range(len(groups))],
            pure=False,
        )
        level = list(futures)
        depth = 0
        while len(level) > 1:
            level = [
                client.submit(combine, *level[i : i + FAN_IN], key=f"ghg-combine-{token}-{depth}-{i}", pure=False)
                for i in range(0, len(level), FAN_IN)
            ]
            depth += 1
        if progress:
            size = {f.key: len(g) for f, g in zip(futures, groups, strict=True)}
            done = 0
            for future in as_completed(futures):
                done += size[future.key]
                progress(done, len(dataset.units))
        try:
            merged = level[0].result()
        except GhgError:
            raise
        except Exception as exc:
            raise EngineError("engine.task_failed", detail=f"{type(exc).__name__}: {exc}"[:500]) from None
        failed = False
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
        if failed:  # after the local workers stopped: nothing of this run stays staged
            store.discard_run(job.store, token)
    return finish(dataset, job, factors, merged, "dask")
