"""The result lines' schema and their logical hash: what a line is, and what makes two results the same.

A result line is one record and one gas (or one Scope 2 method) with its lineage: :data:`LINE_SCHEMA` pins
its columns and types. The logical hash (:func:`content_hash`) is the SHA-256 of a canonical form of lines,
independent of the file format, compression, row order and chunking: revisions, replays and signatures
compare results by it.
"""

from __future__ import annotations

import hashlib

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
    table = _plain(lines)
    keys = pa.table({k: table.column(k) for k in CANONICAL_ORDER})
    order = pc.sort_indices(keys, sort_keys=[(k, "ascending") for k in CANONICAL_ORDER])
    digest = hashlib.sha256(HASH_METHOD.encode() + b"\n")
    for field in LINE_SCHEMA:
        column = table.column(field.name).take(order).combine_chunks()
        digest.update(field.name.encode() + b"\0")
        if pa.types.is_floating(field.type):
            values = column.to_numpy(zero_copy_only=False).astype("<f8")
            digest.update(np.where(np.isnan(values), _NAN, values).tobytes())
        elif pa.types.is_integer(field.type):
            digest.update(column.to_numpy(zero_copy_only=False).astype("<i8").tobytes())
        else:
            column = pc.fill_null(column, "")
            lengths = pc.binary_length(column).to_numpy(zero_copy_only=False).astype("<i4")
            digest.update(lengths.tobytes())
            if len(column):
                offsets = np.frombuffer(column.buffers()[1], dtype=np.int32)[column.offset : column.offset + 2]
                start = int(offsets[0])
                digest.update(memoryview(column.buffers()[2])[start : start + int(lengths.sum(dtype=np.int64))])
    return digest.hexdigest()


def _plain(lines: pd.DataFrame | pa.Table) -> pa.Table:
    """``lines`` as an Arrow table with the types of :data:`LINE_SCHEMA` (text decoded from dictionaries)."""
    if isinstance(lines, pd.DataFrame):
        return pa.Table.from_pandas(lines[LINE_SCHEMA.names], schema=LINE_SCHEMA, preserve_index=False)
    table = lines.select(LINE_SCHEMA.names)
    return table if table.schema.equals(LINE_SCHEMA) else table.cast(LINE_SCHEMA)


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
    if not len(lines):
        return []
    year = lines.column("year").to_numpy().astype(np.int64)
    first = int(year.min())
    names = pc.cast(lines.column("enterprise"), pa.string()).combine_chunks().dictionary_encode()
    labels = names.dictionary.to_numpy(zero_copy_only=False).astype(str)
    rank = np.empty(len(labels), dtype=np.int64)
    rank[np.argsort(labels, kind="stable")] = np.arange(len(labels))  # enterprises in text order
    key = (year - first) * len(labels) + rank[names.indices.to_numpy()]
    if (np.diff(key) < 0).any():
        order = np.argsort(key, kind="stable")
        lines, key = lines.take(order), key[order]
    starts = np.concatenate([[0], np.flatnonzero(np.diff(key)) + 1])
    ends = np.append(starts[1:], len(key))
    inverse = np.argsort(rank)
    return [
        (first + int(key[a] // len(labels)), str(labels[inverse[key[a] % len(labels)]]), lines.slice(a, b - a))
        for a, b in zip(starts, ends, strict=True)
    ]
