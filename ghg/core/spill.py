"""Result lines on their way to the store, in bounded memory: a run's lines spilled batch by batch to a
temporary folder, and read back a group of whole (year, enterprise) partitions at a time.

Each calculated batch's lines are put in partition and canonical order (:func:`ghg.core.linehash.ordered_lines`)
and written to an Arrow IPC file of their own, one record batch per partition (uncompressed: the spill is
read once, soon, from the operating system's cache). :meth:`Spill.groups` then reads the partitions back in
(year, enterprise) order, each partition's pieces in the order they were written (the rows of a file in
order), grouped up to :data:`GROUP_ROWS` lines, ordered canonically (a no-op for one file read in order) and
with the market-based Scope 2 of each partition allocated (:func:`ghg.core.market.allocate`, which looks
at one (enterprise, year) at a time). A run holds one batch while it computes and one group while it
stores, whatever the number of records; the spill is removed when the run ends, published or not.

The folder is made in the system's temporary folder (``TMPDIR``), or in ``GHG_SPILL_DIR`` when set.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from types import TracebackType

import numpy as np
import pyarrow as pa

from ghg.core import market
from ghg.core.linehash import ordered_lines, ordered_partitions

#: Lines per group read back (a group holds whole partitions; a larger partition is a group alone).
GROUP_ROWS = 1 << 19

#: A partition's pieces: (spill file, record batch) in the order they were written.
Piece = tuple[int, int]


class Spill:
    """A run's result lines, spilled batch by batch and read back by partition groups (a context manager)."""

    def __init__(self, folder: Path | None = None) -> None:
        base = folder or (Path(os.environ["GHG_SPILL_DIR"]) if os.environ.get("GHG_SPILL_DIR") else None)
        self.folder = Path(tempfile.mkdtemp(prefix="ghg-spill-", dir=base))
        self.files: list[Path] = []
        self.pieces: dict[tuple[int, str], list[Piece]] = {}
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
        batch_index = 0
        with pa.OSFile(str(path), "wb") as sink, pa.ipc.new_file(sink, table.schema) as writer:
            for year, enterprise, a, b in bounds:
                pieces = self.pieces.setdefault((year, enterprise), [])
                for batch in table.slice(a, b - a).to_batches():
                    writer.write_batch(batch)
                    pieces.append((index, batch_index))
                    batch_index += 1
                self.rows[(year, enterprise)] = self.rows.get((year, enterprise), 0) + b - a

    def groups(self, group_rows: int = GROUP_ROWS) -> Iterator[tuple[pa.Table, list[tuple[int, str, int, int]]]]:
        """Whole partitions read back in (year, enterprise) order, up to ``group_rows`` lines at a time.

        Yields each group's lines (canonical order inside each partition, market-based Scope 2 allocated)
        and, per partition, ``(year, enterprise, start, end)`` in the group.
        """
        files = [pa.OSFile(str(path), "rb") for path in self.files]  # read, not mapped: memory is let go
        try:
            readers = [pa.ipc.open_file(f) for f in files]
            keys = sorted(self.pieces, key=lambda k: (k[0], k[1].encode("utf-8")))
            group: list[tuple[int, str]] = []
            rows = 0
            for n, key in enumerate(keys):
                group.append(key)
                rows += self.rows[key]
                if rows >= group_rows or n == len(keys) - 1:
                    batches = [readers[f].get_batch(b) for k in group for f, b in self.pieces[k]]
                    table = pa.Table.from_batches(batches, schema=readers[0].schema).combine_chunks()
                    del batches
                    table, bounds = ordered_partitions(table)
                    yield market.allocate(table), bounds
                    group, rows = [], 0
        finally:
            for f in files:
                f.close()
