"""The result lines' schema and their logical hash: what a line is, and what makes two results the same.

A result line is one record and one gas (or one Scope 2 method) with its lineage: :data:`LINE_SCHEMA` pins
its columns and types. The logical hash (:func:`content_hash`) is the SHA-256 of a canonical form of lines,
independent of the file format, compression, row order and chunking: revisions, replays and signatures
compare results by it.
"""

from __future__ import annotations

import hashlib
import itertools

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from ghg.core.errors import StoreError
from ghg.core.hashing import sha256_bytes

LINE_SCHEMA = pa.schema(
    [
        pa.field("enterprise", pa.string(), nullable=False),
        pa.field("facility", pa.string(), nullable=False),
        pa.field("year", pa.int32(), nullable=False),
        pa.field("period", pa.string(), nullable=False),
        pa.field("scope", pa.string(), nullable=False),
        pa.field("source_category", pa.string(), nullable=False),
        pa.field("ipcc_category", pa.string(), nullable=False),
        pa.field("activity", pa.string(), nullable=False),
        pa.field("technology", pa.string(), nullable=False),
        pa.field("gas", pa.string(), nullable=False),
        pa.field("mass_t", pa.float64(), nullable=False),
        pa.field("gwp_set", pa.string(), nullable=False),
        pa.field("gwp", pa.float64(), nullable=False),
        pa.field("co2e_t", pa.float64(), nullable=False),
        pa.field("energy_tj", pa.float64()),
        pa.field("energy_toe", pa.float64()),
        pa.field("toe_method", pa.string(), nullable=False),
        pa.field("quantity", pa.float64(), nullable=False),
        pa.field("unit", pa.string(), nullable=False),
        pa.field("method", pa.string(), nullable=False),
        pa.field("emission_factor_t_per_tj", pa.float64()),
        pa.field("tier", pa.string(), nullable=False),
        pa.field("measured", pa.string(), nullable=False),
        pa.field("factor_id", pa.string(), nullable=False),
        pa.field("factor_release", pa.string(), nullable=False),
        pa.field("input_file", pa.string(), nullable=False),
        pa.field("input_sha256", pa.string(), nullable=False),
        pa.field("input_row", pa.int64(), nullable=False),
        pa.field("supplier", pa.string(), nullable=False),
        pa.field("evidence", pa.string(), nullable=False),
        pa.field("note", pa.string(), nullable=False),
    ]
)
#: A stored line: a result line and the revision of its (year, enterprise) it belongs to.
STORED_SCHEMA = LINE_SCHEMA.append(pa.field("revision", pa.int32(), nullable=False))


#: Rows of the canonical form are ordered by these columns (unique per line).
CANONICAL_ORDER = ["input_sha256", "input_row", "scope", "gas", "method"]
#: The logical hash's definition, recorded with every revision as ``content_hash_method``.
HASH_METHOD = "ghg-arrow-1"
#: The first definition (CSV text of the canonical form); revisions without a recorded method use it.
LEGACY_HASH_METHOD = "ghg-csv-1"
_NAN = np.float64("nan")


def content_hash(lines: pd.DataFrame | pa.Table, method: str = HASH_METHOD) -> str:
    """The logical hash of result lines: SHA-256 of their canonical form.

    It depends on the values only - not on the Parquet writer, compression, metadata, row order, chunking
    or whether text is dictionary-encoded. Canonical form (``ghg-arrow-1``): the columns of
    :data:`LINE_SCHEMA` in order, rows sorted by :data:`CANONICAL_ORDER` (text by its UTF-8 bytes); for each
    column its name and a NUL, then its values - integers as little-endian int64, floats as little-endian
    IEEE 754 binary64 (exact; a missing value is the quiet NaN ``0x7ff8000000000000``), text as every
    value's UTF-8 length (little-endian int32) followed by all the values' bytes. ``ghg-csv-1``, the
    earlier definition (still read for files that record it), hashed the CSV text of the same rows.
    """
    if method == LEGACY_HASH_METHOD:
        frame = lines.to_pandas() if isinstance(lines, pa.Table) else lines
        frame = frame[LINE_SCHEMA.names].sort_values(CANONICAL_ORDER, kind="stable")
        csv = frame.to_csv(index=False, lineterminator="\n", float_format=None)
        return sha256_bytes(csv.encode("utf-8"))
    if method != HASH_METHOD:
        raise StoreError("store.hash_method", method=method)
    table = lines_table(lines)
    order = _lexsort([_ranks(table.column(k)) for k in CANONICAL_ORDER])
    if order is not None:
        table = _take(table, order)
    return partition_hashes(table, [(0, table.num_rows)])[0]


def partition_hashes(table: pa.Table, bounds: list[tuple[int, int]], threads: int = 1) -> list[str]:
    """The logical hash (``ghg-arrow-1``) of each row range ``[start, end)`` of ``table``.

    The rows of each range must already be in canonical order (:func:`ordered_partitions` puts them so).
    Each column is decoded once per window of whole ranges (at most :data:`WINDOW_ROWS` rows, or one range)
    and every range's digest is fed zero-copy slices of it: one pass over the lines whatever their number
    of partitions. With ``threads`` > 1, the ranges are shared among that many threads (decoding and
    SHA-256 run outside Python's lock).
    """
    if threads > 1 and len(bounds) > 1:
        from concurrent.futures import ThreadPoolExecutor

        rows = np.cumsum([b - a for a, b in bounds])
        cut = [0, *(int(np.searchsorted(rows, rows[-1] * k / threads)) + 1 for k in range(1, threads)), len(bounds)]
        groups = [bounds[a:b] for a, b in itertools.pairwise(cut) if a < b]
        with ThreadPoolExecutor(len(groups)) as pool:
            return [h for part in pool.map(lambda g: partition_hashes(table, g), groups) for h in part]
    table = table.select(LINE_SCHEMA.names)
    digests = [hashlib.sha256(HASH_METHOD.encode() + b"\n") for _ in bounds]
    for first, last in _windows(bounds):
        w_start, w_end = bounds[first][0], bounds[last - 1][1]
        members = [(a - w_start, b - w_start, digests[i]) for i, (a, b) in enumerate(bounds[first:last], first)]
        for field in LINE_SCHEMA:
            column = table.column(field.name).slice(w_start, w_end - w_start)
            name = field.name.encode() + b"\0"
            if pa.types.is_floating(field.type):
                values = np.asarray(column.to_numpy(), dtype="<f8")
                values = np.where(np.isnan(values), _NAN, values)
                for a, b, d in members:
                    d.update(name)
                    d.update(values[a:b].data)
            elif pa.types.is_integer(field.type):
                values = np.asarray(column.to_numpy(), dtype="<i8")
                for a, b, d in members:
                    d.update(name)
                    d.update(values[a:b].data)
            else:
                text = pc.cast(column, pa.string()).combine_chunks()
                if text.null_count:
                    text = pc.fill_null(text, "")
                offsets = np.frombuffer(text.buffers()[1], dtype=np.int32)[text.offset : text.offset + len(text) + 1]
                lengths = np.diff(offsets).astype("<i4")
                data = memoryview(text.buffers()[2] or b"")
                for a, b, d in members:
                    d.update(name)
                    d.update(lengths[a:b].data)
                    d.update(data[offsets[a] : offsets[b]])
    return [d.hexdigest() for d in digests]


#: Rows decoded at a time by :func:`partition_hashes` (a range longer than this is decoded alone).
WINDOW_ROWS = 1 << 20


def _windows(bounds: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``bounds`` grouped into consecutive runs of at most :data:`WINDOW_ROWS` rows (at least one range each)."""
    out, first = [], 0
    for i in range(1, len(bounds) + 1):
        if i == len(bounds) or bounds[i][1] - bounds[first][0] > WINDOW_ROWS:
            out.append((first, i))
            first = i
    return out


def lines_table(lines: pd.DataFrame | pa.Table) -> pa.Table:
    """``lines`` as an Arrow table with the columns of :data:`LINE_SCHEMA` (text may stay dictionary-encoded)."""
    if isinstance(lines, pd.DataFrame):
        return pa.Table.from_pandas(lines[LINE_SCHEMA.names], schema=LINE_SCHEMA, preserve_index=False)
    return lines.select(LINE_SCHEMA.names)


def _ranks(column: pa.ChunkedArray | pa.Array, keep: np.ndarray | None = None) -> np.ndarray:
    """Per row (of the rows ``keep`` marks, if given), an integer that orders as the value does: text by its UTF-8
    bytes, a missing text as ``''``."""
    if isinstance(column, pa.Array):
        column = pa.chunked_array([column])
    if pa.types.is_integer(column.type) or pa.types.is_floating(column.type):
        values = np.asarray(column.to_numpy())
        return values if keep is None else values[keep]
    chunks = [c if pa.types.is_dictionary(c.type) else c.dictionary_encode() for c in column.chunks]
    values = pa.concat_arrays([*(pc.cast(c.dictionary, pa.string()) for c in chunks), pa.array([""])])
    rank = np.asarray(pc.rank(pc.fill_null(values, ""), sort_keys="ascending", tiebreaker="dense"), dtype=np.int64)
    empty = rank[-1]
    out, start, row = [np.zeros(0, dtype=np.int64)], 0, 0
    for c in chunks:
        own = np.append(rank[start : start + len(c.dictionary)], empty)  # a missing value ranks as ''
        codes = np.asarray((pc.fill_null(c.indices, len(c.dictionary)) if c.null_count else c.indices).to_numpy())
        out.append(own[codes if keep is None else codes[keep[row : row + len(c)]]])
        start += len(c.dictionary)
        row += len(c)
    return np.concatenate(out)


def _lexsort(keys: list[np.ndarray]) -> np.ndarray | None:
    """The order sorting rows by ``keys`` (first key first), or ``None`` when they are in that order already."""
    if not len(keys[0]):
        return None
    later = np.zeros(len(keys[0]) - 1, dtype=bool)
    tied = np.ones(len(keys[0]) - 1, dtype=bool)
    for k in keys:
        later |= tied & (k[1:] < k[:-1])
        tied &= k[1:] == k[:-1]
    if not later.any():
        return None
    return _sort_order(keys)


def _take(table: pa.Table, order: np.ndarray, threads: int = 2) -> pa.Table:
    """``table``'s rows in ``order``, a column at a time on ``threads`` threads (Arrow's take runs outside
    Python's lock); each unordered column is let go as it is replaced."""
    from concurrent.futures import ThreadPoolExecutor

    indices = pa.array(order)
    fields, columns = table.schema, list(table.columns)
    del table

    def take(i: int) -> None:  # one chunk first: Arrow's take across chunks is several times slower
        column = columns[i]
        columns[i] = pa.chunked_array([column.combine_chunks().take(indices)], column.type)

    with ThreadPoolExecutor(threads) as pool:
        list(pool.map(take, range(len(columns))))
    return pa.Table.from_arrays(columns, schema=fields)


def _sort_order(keys: list[np.ndarray]) -> np.ndarray:
    """The order sorting rows by non-negative integer ``keys`` (first key first): one 64-bit key when they fit."""
    keys = [np.asarray(k, dtype=np.int64) for k in keys]
    lows = [int(k.min()) if len(k) else 0 for k in keys]
    bits = [max(int(k.max()) - low, 0).bit_length() if len(k) else 0 for k, low in zip(keys, lows, strict=True)]
    if sum(bits) > 62:
        return np.lexsort(keys[::-1])
    composite = np.zeros(len(keys[0]), dtype=np.int64)
    for k, low, width in zip(keys, lows, bits, strict=True):
        composite <<= width
        composite |= k - low
    return np.argsort(composite, kind="stable")


def ordered_lines(parts: list[tuple[pa.Table, np.ndarray]]) -> pa.Table:
    """The rows of ``parts`` each mask keeps, in partition and canonical order: one take per column.

    ``parts`` are tables of the same schema, each with a boolean mask of its rows that are lines (the
    parts of :func:`ghg.core.lines.build_parts`): filtering, interleaving and ordering are one gather.
    """
    table = pa.concat_tables([part for part, _ in parts])
    keep = np.concatenate([keep for _, keep in parts])
    rows = np.flatnonzero(keep)
    keys = [_ranks(table.column(k), keep) for k in ["year", "enterprise", *CANONICAL_ORDER]]
    order = rows[_sort_order(keys)]
    if len(order) == table.num_rows and not (np.diff(order) < 0).any():
        return table
    return _take(table, order)


def ordered_partitions(lines: pa.Table) -> tuple[pa.Table, list[tuple[int, str, int, int]]]:
    """``lines`` ordered by year, enterprise and :data:`CANONICAL_ORDER`, and each (year, enterprise)'s rows.

    Returns the ordered table (the same object when the rows were in that order already) and, per
    partition in that order, ``(year, enterprise, start, end)``: each partition's rows are contiguous and in
    the canonical order its logical hash reads (:func:`partition_hashes`). A selection of columns without
    those of :data:`CANONICAL_ORDER` is ordered by year and enterprise only.
    """
    if not lines.num_rows:
        return lines, []
    year = np.asarray(lines.column("year").to_numpy(), dtype=np.int64)
    enterprise = _ranks(lines.column("enterprise"))
    canonical = [_ranks(lines.column(k)) for k in CANONICAL_ORDER if k in lines.column_names]
    order = _lexsort([year, enterprise, *canonical])
    if order is not None:
        lines, year, enterprise = _take(lines, order), year[order], enterprise[order]
    starts = np.concatenate([[0], np.flatnonzero((np.diff(year) != 0) | (np.diff(enterprise) != 0)) + 1])
    ends = np.append(starts[1:], len(year))
    names = pc.cast(lines.column("enterprise").take(pa.array(starts)), pa.string()).to_pylist()
    return lines, [(int(year[a]), str(n), int(a), int(b)) for a, b, n in zip(starts, ends, names, strict=True)]


def hash_method_of(meta: dict[str, object]) -> str:
    """The logical hash definition a revision's metadata records."""
    return str(meta.get("content_hash_method") or LEGACY_HASH_METHOD)


#: Production records (output per product), kept with the revision of their (year, enterprise).
PRODUCTION_SCHEMA = pa.schema(
    [
        pa.field("enterprise", pa.string(), nullable=False),
        pa.field("facility", pa.string(), nullable=False),
        pa.field("year", pa.int32(), nullable=False),
        pa.field("product", pa.string(), nullable=False),
        pa.field("output_t", pa.float64(), nullable=False),
    ]
)


def partition_keys(lines: pd.DataFrame | pa.Table) -> list[tuple[int, str]]:
    """The (year, enterprise) partitions that ``lines`` cover, sorted."""
    if isinstance(lines, pa.Table):
        return [(year, enterprise) for year, enterprise, _ in split_partitions(lines.select(["year", "enterprise"]))]
    pairs = lines[["year", "enterprise"]].drop_duplicates().itertuples(index=False)
    return sorted((int(y), str(e)) for y, e in pairs)


def split_partitions(lines: pd.DataFrame | pa.Table) -> list[tuple[int, str, pd.DataFrame | pa.Table]]:
    """``lines`` cut into (year, enterprise) partitions, sorted by year and enterprise.

    An Arrow table already in that order is cut into zero-copy slices; otherwise it is reordered once.
    """
    if isinstance(lines, pd.DataFrame):
        return [
            (int(key[0]), str(key[1]), part.reset_index(drop=True))  # type: ignore[call-overload]
            for key, part in lines.groupby(["year", "enterprise"], sort=True)
        ]
    ordered, parts = ordered_partitions(lines)
    return [(year, enterprise, ordered.slice(a, b - a)) for year, enterprise, a, b in parts]
