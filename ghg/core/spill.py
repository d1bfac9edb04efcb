"""Result lines on their way to the store, in bounded memory: a run's lines spilled batch by batch to a
temporary folder, and read back a group of whole (year, enterprise) partitions at a time.

Each calculated batch's lines are put in partition and canonical order (:func:`ghg.core.linehash.ordered_lines`)
and written to an Arrow IPC file of their own, in partition order (uncompressed: the spill is
read once, soon, from the operating system's cache). :meth:`Spill.groups` then reads the partitions back in
(year, enterprise) order, each partition's pieces in the order they were written (the rows of a file in
order), grouped up to :data:`GROUP_ROWS` lines, ordered canonically (a no-op for one file read in order) and
with the market-based Scope 2 of each partition allocated (:func:`ghg.core.market.allocate`, which looks
at one (enterprise, year) at a time). A run holds one batch while it computes and one group while it
stores, whatever the number of records; the spill is removed when the run ends, published or not.

The folder is made in the system's temporary folder (``TMPDIR``), or in ``GHG_SPILL_DIR`` when set, named with the
run's process id: a run removes the spills that runs killed before it left (their process is gone).
"""

from __future__ import annotations

import shutil
from array import array
from collections.abc import Iterator
from pathlib import Path
from types import TracebackType

import numpy as np
import pyarrow as pa

from ghg.core import market
from ghg.core.fsutil import scratch_folder
from ghg.core.linehash import ordered_lines, ordered_partitions

#: Lines per record batch of a spill file (what a group reads beyond its own rows: at most one batch per end).
SPILL_BATCH_ROWS = 1 << 14
#: Lines per group read back (a group holds whole partitions; a larger partition is a group alone).
GROUP_ROWS = 1 << 18


class Spill:
    """A run's result lines, spilled batch by batch and read back by partition groups (a context manager)."""

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = scratch_folder("spill", folder)
        self.files: list[Path] = []
        #: Per partition, its pieces as (file, first row, rows) triples, flat (8 bytes a number).
        self.pieces: dict[tuple[int, str], array[int]] = {}
        self.rows: dict[tuple[int, str], int] = {}
        self.schema: pa.Schema | None = None

    def __enter__(self) -> Spill:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        """Remove the spilled lines."""
        shutil.rmtree(self.folder, ignore_errors=True)

    @property
    def partitions(self) -> list[tuple[int, str]]:
        """The (year, enterprise) partitions spilled, in year and enterprise order."""
        return sorted(self.pieces)

    @property
    def total_rows(self) -> int:
        return sum(self.rows.values())

    def add(self, parts: list[tuple[pa.Table, np.ndarray]]) -> None:
        """Spill one batch's lines (the parts of :func:`ghg.core.lines.build_parts` and their masks)."""
        table = ordered_lines(parts)
        table, bounds = ordered_partitions(table)
        if not bounds:
            return
        table = table.combine_chunks()  # one dictionary per column: an IPC file holds each once
        self.schema = self.schema or table.schema
        index = len(self.files)
        path = self.folder / f"{index:06d}.arrow"
        self.files.append(path)
        with pa.OSFile(str(path), "wb") as sink, pa.ipc.new_file(sink, table.schema) as writer:
            writer.write_table(table, max_chunksize=SPILL_BATCH_ROWS)  # record batch k: rows k*B to (k+1)*B
        for year, enterprise, a, b in bounds:
            self.pieces.setdefault((year, enterprise), array("q")).extend((index, a, b - a))
            self.rows[(year, enterprise)] = self.rows.get((year, enterprise), 0) + b - a

    def groups(self, group_rows: int = GROUP_ROWS) -> Iterator[tuple[pa.Table, list[tuple[int, str, int, int]]]]:
        """Whole partitions read back in (year, enterprise) order, up to ``group_rows`` lines at a time.

        Yields each group's lines (canonical order inside each partition, market-based Scope 2 allocated)
        and, per partition, ``(year, enterprise, start, end)`` in the group.
        """
        keys = sorted(self.pieces, key=lambda k: (k[0], k[1].encode("utf-8")))
        files = [pa.OSFile(str(path), "rb") for path in self.files]  # read, not mapped (see _read)
        try:
            readers = [pa.ipc.open_file(f) for f in files]
            group: list[tuple[int, str]] = []
            rows = 0
            for n, key in enumerate(keys):
                group.append(key)
                rows += self.rows[key]
                if rows >= group_rows or n == len(keys) - 1:
                    yield self._read(readers, group)
                    group, rows = [], 0
        finally:
            for f in files:
                f.close()

    def _read(
        self, readers: list[pa.ipc.RecordBatchFileReader], group: list[tuple[int, str]]
    ) -> tuple[pa.Table, list[tuple[int, str, int, int]]]:
        """One group's lines from the spill files, partition after partition, ordered and allocated.

        The group's partitions are one contiguous range of rows of each file; only the record batches that
        range overlaps are read (into memory, then let go): a mapped file would count every page its reader
        touches - indices are checked when a batch is read - as the process's memory.
        """
        spans: dict[int, tuple[int, int]] = {}
        for key in group:
            for f, a, n in _triples(self.pieces[key]):
                low, high = spans.get(f, (a, a + n))
                spans[f] = (min(low, a), max(high, a + n))
        taken: dict[int, tuple[int, pa.Table]] = {}
        for f, (low, high) in spans.items():
            first, last = low // SPILL_BATCH_ROWS, (high - 1) // SPILL_BATCH_ROWS
            batches = [readers[f].get_batch(k) for k in range(first, last + 1)]
            taken[f] = (first * SPILL_BATCH_ROWS, pa.Table.from_batches(batches))
        pieces = [taken[f][1].slice(a - taken[f][0], n) for key in group for f, a, n in _triples(self.pieces[key])]
        table = pa.concat_tables(pieces).combine_chunks()
        del pieces, taken
        table, bounds = ordered_partitions(table)
        return market.allocate(table), bounds


def _triples(flat: array[int]) -> Iterator[tuple[int, int, int]]:
    """(file, first row, rows) of each piece of a partition."""
    return zip(flat[0::3], flat[1::3], flat[2::3], strict=True)
