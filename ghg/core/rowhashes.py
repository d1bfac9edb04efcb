"""The row hashes of a run's records, to find exact duplicate records within a file and across files in
bounded memory.

Every record's 64-bit row hash (equal records hash equal: :meth:`ghg.core.checker.Checker.encode`) is kept
with its file and its position in the file. Up to ``buffer_rows`` records are held in memory; past that they
go to ``buckets`` files of a temporary folder (:func:`ghg.core.fsutil.scratch_folder`), split by the hash's top
bits, and the repeated hashes are then found one bucket at a time: memory holds about ``1/buckets`` of the
records (20 bytes each), however many there are. A small run never touches the disk.

A hash is only where to look: the records it points to are compared value by value by the callers
(:meth:`ghg.core.checker.Checker.duplicates`, :func:`ghg.core.inventory.repeated_across_files`).
"""

from __future__ import annotations

import shutil
from pathlib import Path
from types import TracebackType

import numpy as np

from ghg.core.fsutil import scratch_folder

#: One kept record: its row hash, its file (index in the run) and its position in the file.
RECORD = np.dtype([("hash", "<i8"), ("file", "<i4"), ("row", "<i8")])
#: Records held in memory before they go to the bucket files (20 MB).
BUFFER_ROWS = 1 << 20
#: Bucket files, by the top bits of the hash (a power of two).
BUCKETS = 256


class RowHashes:
    """The row hashes of a run's records, file by file, in bounded memory (a context manager).

    Parameters
    ----------
    buffer_rows : int, optional
        Records held in memory before they are written to the bucket files (default :data:`BUFFER_ROWS`).
    buckets : int, optional
        Bucket files, a power of two (default :data:`BUCKETS`): finding the repeated hashes reads one at a time.
    """

    def __init__(self, buffer_rows: int | None = None, buckets: int | None = None) -> None:
        buckets = buckets or BUCKETS
        if buckets < 2 or buckets & (buckets - 1):
            raise ValueError(f"buckets must be a power of two, not {buckets}")
        self._buffer_rows = buffer_rows or BUFFER_ROWS
        self._buckets = buckets
        self._shift = np.uint64(64 - (buckets.bit_length() - 1))
        self._buffer: list[np.ndarray] = []
        self._buffered = 0
        self._next_row: dict[int, int] = {}
        self._folder: Path | None = None

    def __enter__(self) -> RowHashes:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        """Remove the bucket files."""
        if self._folder is not None:
            shutil.rmtree(self._folder, ignore_errors=True)
            self._folder = None

    def add(self, file: int, hashes: np.ndarray) -> None:
        """The row hashes of the next records of ``file`` (positions continue from its previous ones)."""
        start = self._next_row.get(file, 0)
        kept = np.empty(len(hashes), dtype=RECORD)
        kept["hash"] = hashes
        kept["file"] = file
        kept["row"] = np.arange(start, start + len(hashes), dtype=np.int64)
        self._next_row[file] = start + len(hashes)
        self._buffer.append(kept)
        self._buffered += len(hashes)
        if self._buffered >= self._buffer_rows:
            self._flush()

    def repeated(self) -> tuple[dict[int, np.ndarray], dict[int, np.ndarray]]:
        """The records whose hash occurs more than once: per file, the positions whose hash occurs again in the
        same file, and the positions whose hash occurs in another file (each sorted)."""
        within: dict[int, list[np.ndarray]] = {}
        across: dict[int, list[np.ndarray]] = {}
        if self._folder is None:
            self._collect(self._take_buffer(), within, across)
        else:
            self._flush()
            for k in range(self._buckets):
                path = self._folder / f"{k:04d}.bin"
                if path.exists():
                    self._collect(np.fromfile(path, dtype=RECORD), within, across)
        return _sorted(within), _sorted(across)

    def _take_buffer(self) -> np.ndarray:
        kept = np.concatenate(self._buffer) if self._buffer else np.zeros(0, dtype=RECORD)
        self._buffer, self._buffered = [], 0
        return kept

    def _flush(self) -> None:
        """Append the buffered records to their bucket files."""
        kept = self._take_buffer()
        if not len(kept):
            return
        if self._folder is None:
            self._folder = scratch_folder("hashes")
        bucket = (kept["hash"].view(np.uint64) >> self._shift).astype(np.intp)
        order = np.argsort(bucket, kind="stable")
        kept, bucket = kept[order], bucket[order]
        bounds = np.searchsorted(bucket, np.arange(self._buckets + 1))
        for k in np.flatnonzero(np.diff(bounds)):
            with (self._folder / f"{k:04d}.bin").open("ab") as f:
                kept[bounds[k] : bounds[k + 1]].tofile(f)

    @staticmethod
    def _collect(kept: np.ndarray, within: dict[int, list[np.ndarray]], across: dict[int, list[np.ndarray]]) -> None:
        """Add the repeated records of ``kept`` (one bucket: every record of a hash is in it)."""
        if len(kept) < 2:
            return
        kept = kept[np.lexsort((kept["row"], kept["file"], kept["hash"]))]
        same = kept["hash"][1:] == kept["hash"][:-1]
        again = np.zeros(len(kept), dtype=bool)
        again[1:] |= same
        again[:-1] |= same
        kept = kept[again]  # every record whose hash occurs more than once
        if not len(kept):
            return
        h, f = kept["hash"], kept["file"]
        new_hash = np.ones(len(kept), dtype=bool)
        new_hash[1:] = h[1:] != h[:-1]
        new_file = new_hash.copy()
        new_file[1:] |= f[1:] != f[:-1]
        group = np.cumsum(new_hash) - 1
        files_of = np.bincount(group, weights=new_file)[group]  # distinct files of each record's hash
        same_file = np.zeros(len(kept), dtype=bool)
        pair = (h[1:] == h[:-1]) & (f[1:] == f[:-1])
        same_file[1:] |= pair
        same_file[:-1] |= pair
        for chosen, out in ((same_file, within), (files_of > 1, across)):
            for file in np.unique(f[chosen]):
                out.setdefault(int(file), []).append(kept["row"][chosen & (f == file)])


def _sorted(found: dict[int, list[np.ndarray]]) -> dict[int, np.ndarray]:
    return {file: np.sort(np.concatenate(rows)) for file, rows in sorted(found.items())}
