"""Partitioned activity datasets: a folder of Parquet or CSV files in hive-style partitions.

Layout (Apache Hive's ``key=value`` folders, as ``pyarrow.dataset.write_dataset`` and Spark write them)::

    DATASET/year=2023/enterprise=E00001/part-0.parquet
    DATASET/year=2023/enterprise=E00002/part-0.parquet
    ...

Each folder that holds data files is one **unit** of work: its files, plus the values its path gives
(``year`` and ``enterprise``, URI-decoded). The files need not carry the partition columns; when they do,
every record must agree with its folder. Units never share a (year, enterprise) pair, so everything
the inventory computes per enterprise and year (market-based shares, mass balances, duplicates) is
complete inside one unit: units are calculated independently, in any order, on any machine.
Names starting with ``.`` or ``_`` (``_SUCCESS``, temporaries) are ignored, as Arrow and Spark do.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

from ghg.core import validation
from ghg.core.activity import Source, open_sources
from ghg.core.errors import InputError, Problem

#: Partition keys a dataset's folders may use.
PARTITION_KEYS = ("year", "enterprise")
#: Data files read in a dataset (Excel workbooks are single submissions, not dataset parts).
DATA_SUFFIXES = (".parquet", ".pq", ".csv")


@dataclass(frozen=True)
class Unit:
    """One folder of a dataset that holds data files.

    Attributes
    ----------
    folder : str
        Path of the folder inside the dataset (``/``-separated; ``.`` for the root).
    constants : tuple of (str, str)
        The partition values its path gives, e.g. ``(("year", "2023"), ("enterprise", "E1"))``.
    files : tuple of str
        Its data files, relative to the dataset's root, sorted.
    size : int
        Their size [bytes].
    """

    folder: str
    constants: tuple[tuple[str, str], ...]
    files: tuple[str, ...]
    size: int


@dataclass(frozen=True)
class Dataset:
    """A partitioned dataset: its root and its units, sorted by folder."""

    root: Path
    units: tuple[Unit, ...]


def _hidden(name: str) -> bool:
    return name.startswith((".", "_"))


def discover(root: str | Path) -> Dataset:
    """List the units of the dataset under ``root``.

    Raises
    ------
    InputError
        A folder that is not ``year=YYYY`` or ``enterprise=NAME``, a key given twice on one path, a file
        of another type, or no data file at all - every such problem of the dataset at once.
    """
    root = Path(root)
    if not root.is_dir():
        raise InputError([Problem(str(root), None, None, None, "no_file")])
    problems: list[Problem] = []
    units: list[Unit] = []
    for folder, dirs, names in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not _hidden(d))
        here = Path(folder)
        rel = here.relative_to(root)
        constants: dict[str, str] = {}
        for part in rel.parts:
            key, sep, value = part.partition("=")
            value = unquote(value)
            if not sep or key not in PARTITION_KEYS or not value:
                problems.append(Problem(str(here), None, None, part, "dataset_folder"))
            elif key in constants:
                problems.append(Problem(str(here), None, key, part, "dataset_key_twice"))
            elif key == "year" and not value.isdigit():
                problems.append(Problem(str(here), None, key, value, "dataset_year"))
            else:
                constants[key] = value
        files = []
        for name in sorted(n for n in names if not _hidden(n)):
            if Path(name).suffix.lower() in DATA_SUFFIXES:
                files.append((here / name).relative_to(root).as_posix())
            else:
                problems.append(
                    Problem(
                        str(here / name),
                        None,
                        None,
                        None,
                        "dataset_file_type",
                        params={"allowed": ", ".join(DATA_SUFFIXES)},
                    )
                )
        if files:
            size = sum((root / f).stat().st_size for f in files)
            units.append(Unit(rel.as_posix(), tuple(sorted(constants.items())), tuple(files), size))
    if not units and not problems:
        problems.append(Problem(str(root), None, None, None, "dataset_empty"))
    if problems:
        raise InputError(problems)
    return Dataset(root, tuple(units))


def of_year(dataset: Dataset, year: int | None) -> tuple[Dataset, int]:
    """The dataset without the folders of other years (never read), and how many folders were left out.

    A folder without a ``year=`` level may hold any year: it stays, and its records are filtered.
    """
    if year is None:
        return dataset, 0
    kept = tuple(u for u in dataset.units if dict(u.constants).get("year", str(year)) == str(year))
    return Dataset(dataset.root, kept), len(dataset.units) - len(kept)


#: Input bytes per task by default: about 600,000 Parquet records, whose lines stay well under 2 GB.
TASK_BYTES = 8 << 20


def tasks(dataset: Dataset, max_bytes: int = TASK_BYTES) -> list[tuple[Unit, ...]]:
    """The dataset's units in groups of consecutive folders of at most ``max_bytes`` of input each.

    A task is what one engine step calculates at once: small folders are grouped so that the fixed cost
    of a step (opening files, resolving factors, writing) is shared, and a folder larger than
    ``max_bytes`` is a task alone. Memory is bounded by the largest task, not by the dataset.
    """
    out: list[tuple[Unit, ...]] = []
    current: list[Unit] = []
    size = 0
    for unit in dataset.units:
        if current and size + unit.size > max_bytes:
            out.append(tuple(current))
            current, size = [], 0
        current.append(unit)
        size += unit.size
    if current:
        out.append(tuple(current))
    return out


def open_unit(root: Path, unit: Unit) -> tuple[list[Source], list[Problem]]:
    """Open the files of ``unit``: each a :class:`Source` whose records carry the unit's partition values.

    A partition column missing from a file is taken from the folder; one present in the file must agree
    with the folder on every record (a record that does not is a problem naming its row).
    """
    sources: list[Source] = []
    problems: list[Problem] = []
    for rel in unit.files:
        try:
            sources += open_file(root / rel, rel)
        except InputError as exc:
            problems += exc.problems
    return sources, problems


def partition_values(label: str) -> dict[str, str]:
    """The partition values a file's path inside a dataset gives (``year=2023/enterprise=E1/a.csv``)."""
    out = {}
    for part in Path(label).parent.parts:
        key, sep, value = part.partition("=")
        if sep and key in PARTITION_KEYS:
            out[key] = unquote(value)
    return out


def open_file(path: Path, label: str) -> list[Source]:
    """Open one file of a dataset (or its kept copy) as it was in the dataset at ``label``: its records
    carry the partition values of ``label``'s folders, and its lines name ``label``.

    Raises
    ------
    InputError
        When the file is missing or cannot be parsed at all.
    """
    constants = partition_values(label)
    opened = open_sources(path)
    for source in opened:
        source.label = label
        source.constants = {k: v for k, v in constants.items() if k not in source.header}
        source.problems = [
            p for p in source.problems if not (p.code == "missing_column" and p.column in source.constants)
        ]
        stored = {k: v for k, v in constants.items() if k in source.header}
        if stored and not source.problems:
            source.row_problems += _disagreements(source, stored)
    return opened


def _disagreements(source: Source, stored: dict[str, str]) -> list[Problem]:
    """Records whose partition column differs from the folder's value."""
    if source.kind == "csv":
        options = pacsv.ConvertOptions(include_columns=list(stored), column_types={k: pa.string() for k in stored})
        table = pacsv.read_csv(source.path, convert_options=options)
    else:
        table = pq.read_table(source.path, columns=list(stored))
    col = validation.Collector(source)
    col.problems = []
    for name, value in stored.items():
        column = table.column(name)
        text = column if pa.types.is_string(column.type) else pc.cast(column, pa.string(), safe=False)
        text = pc.utf8_trim_whitespace(pc.fill_null(text, ""))
        wrong = np.asarray(pc.not_equal(text, value).to_numpy(zero_copy_only=False), dtype=bool)
        shown: np.ndarray = text.to_numpy(zero_copy_only=False)
        col.rows(wrong, 0, name, "partition_mismatch", shown.__getitem__, partition=f"{name}={value}")
    return col.finish()
