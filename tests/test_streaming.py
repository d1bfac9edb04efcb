"""Batches: results do not depend on how a file is cut; problems and duplicates are found across batches; lines
streamed to the store through a spill are the lines computed in memory."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from ghg import cli, store
from ghg.core import inventory, rowhashes
from ghg.core import spill as spill_module
from ghg.core.accumulate import LineTotals
from ghg.core.errors import InputError
from ghg.core.factors import DEFAULT_RELEASES, FactorSet
from ghg.core.spill import Spill
from ghg.engines import job as engine
from ghg.i18n import text as text_of

from .conftest import EXAMPLE, record


def test_batch_size_does_not_change_totals(factor_set: FactorSet) -> None:
    whole = inventory.compute([EXAMPLE], "AR5", factor_set)
    for rows in (1, 2, 3, 5):
        cut = inventory.compute([EXAMPLE], "AR5", factor_set, batch_rows=rows)
        assert cut.records == whole.records
        assert cut.totals["co2e_t"].to_numpy() == pytest.approx(whole.totals["co2e_t"].to_numpy(), rel=1e-12)


def test_duplicates_are_found_across_batches(tmp_path: Path, factor_set: FactorSet) -> None:
    rows = [
        record(
            source_category="stationary_combustion",
            ipcc_category="1.A.2",
            activity="anthracite",
            quantity=q,
            unit="t",
            evidence="inv",
        )
        for q in (1, 2, 3, 4, 1)
    ]
    table = pa.Table.from_pylist(rows)
    path = tmp_path / "a.parquet"
    pq.write_table(table, path, row_group_size=2)
    with pytest.raises(InputError) as info:
        inventory.compute([path], "AR5", factor_set, batch_rows=2)
    (p,) = info.value.problems
    # Parquet rows are record numbers: record 5 repeats record 1
    assert (p.row, p.code, p.params) == (5, "duplicate_row", {"first": 1})


@pytest.mark.parametrize("buffer_rows", [None, 2], ids=["in memory", "bucket files"])
def test_duplicates_within_and_across_files_whatever_holds_the_hashes(
    tmp_path: Path, factor_set: FactorSet, monkeypatch: pytest.MonkeyPatch, buffer_rows: int | None
) -> None:
    # With a buffer of 2 records, the row hashes go to bucket files after every second record.
    monkeypatch.setattr(rowhashes, "BUFFER_ROWS", buffer_rows or rowhashes.BUFFER_ROWS)
    made: list[Path] = []
    real = rowhashes.scratch_folder
    monkeypatch.setattr(rowhashes, "scratch_folder", lambda kind: made.append(real(kind, tmp_path)) or made[-1])

    def anthracite(q: float, evidence: str = "inv") -> dict[str, object]:
        return record(source_category="stationary_combustion", ipcc_category="1.A.2", activity="anthracite") | {
            "quantity": q,
            "unit": "t",
            "evidence": evidence,
        }

    first, second = tmp_path / "a.parquet", tmp_path / "b.parquet"
    pq.write_table(pa.Table.from_pylist([anthracite(q) for q in (1, 2, 3, 2, 5)]), first)
    pq.write_table(pa.Table.from_pylist([anthracite(q, "other") for q in (7, 8)] + [anthracite(3)]), second)
    with pytest.raises(InputError) as info:
        inventory.compute([first, second], "AR5", factor_set, batch_rows=2)
    found = [(p.file, p.row, p.code, p.params) for p in info.value.problems]
    # a.parquet: record 4 (quantity 2) repeats record 2; b.parquet: record 3 (quantity 3, evidence inv) is
    # record 3 of a.parquet
    assert found == [
        (str(first), 4, "duplicate_row", {"first": 2}),
        (str(second), 3, "duplicate_across_files", {"other": str(first), "other_row": 3}),
    ]
    assert bool(made) == (buffer_rows is not None)
    assert not any(folder.exists() for folder in made), "the bucket files are removed"


def test_row_hashes_find_what_a_plain_count_finds() -> None:
    # 3 files of random hashes drawn from 40 values spread over the 64 bits (so every bucket is used): the
    # positions reported are exactly those a count of (hash, file) and of files per hash gives.
    rng = np.random.default_rng(7)
    values = rng.integers(np.iinfo(np.int64).min, np.iinfo(np.int64).max, 40, dtype=np.int64)
    files = {f: values[rng.integers(0, 40, n)] for f, n in ((0, 30), (1, 25), (2, 12))}
    for buffer_rows, buckets in ((None, None), (7, 4), (1, 2)):
        with rowhashes.RowHashes(buffer_rows, buckets) as kept:
            for f, hashes in files.items():
                for chunk in np.array_split(hashes, 3):
                    kept.add(f, chunk)
            within, across = kept.repeated()
        for f, hashes in files.items():
            again = [i for i, h in enumerate(hashes) if list(hashes).count(h) > 1]
            elsewhere = [i for i, h in enumerate(hashes) if any(h in files[g] for g in files if g != f)]
            assert within.get(f, np.zeros(0)).tolist() == again
            assert across.get(f, np.zeros(0)).tolist() == elsewhere


def test_problems_in_later_batches_are_reported(write_csv: Callable[..., Path], factor_set: FactorSet) -> None:
    rows = [
        record(
            source_category="stationary_combustion",
            ipcc_category="1.A.2",
            activity="anthracite",
            quantity=i + 1,
            unit="t",
        )
        for i in range(7)
    ]
    rows[5]["unit"] = "ton"
    with pytest.raises(InputError) as info:
        inventory.compute([write_csv(rows)], "AR5", factor_set, batch_rows=2)
    assert [(p.row, p.code) for p in info.value.problems] == [(7, "unit_ambiguous_ton")]


def test_a_malformed_csv_line_is_reported(tmp_path: Path, factor_set: FactorSet) -> None:
    path = tmp_path / "broken.csv"
    path.write_text(EXAMPLE.read_text().splitlines()[0] + "\nE1,F1,2023,extra\n")
    with pytest.raises(InputError, match="cannot be read"):
        inventory.compute([path], "AR5", factor_set)


def test_problem_lists_are_capped_per_check_and_counted(write_csv: Callable[..., Path], factor_set: FactorSet) -> None:
    rows = [
        record(
            source_category="stationary_combustion",
            ipcc_category="1.A.2",
            activity="anthracite",
            quantity=-(i + 1),
            unit="t",
        )
        for i in range(250)
    ]
    with pytest.raises(InputError) as info:
        inventory.compute([write_csv(rows)], "AR5", factor_set, batch_rows=64)
    problems = info.value.problems
    assert sum(p.code == "negative" for p in problems) == 200
    (more,) = [p for p in problems if p.code == "more_rows"]
    assert more.params == {"count": 50, "code": "negative"}


PARK_FILES = sorted((Path(__file__).parent.parent / "examples" / "tang-loong" / "activity").glob("*.csv"))


@pytest.fixture(scope="module")
def park_factors() -> FactorSet:
    park = Path(__file__).parent.parent / "examples" / "tang-loong" / "factors" / "park-furnace-gas-2026"
    return FactorSet.load([*DEFAULT_RELEASES, str(park), "vn-grid-estimates-2024-2025"])


def _store_hashes(store_dir: Path) -> dict[tuple[int, str], str]:
    snap = store.open_snapshot(store_dir)
    return {key: revs[-1].content_hash for key, revs in snap.revisions.items()}


def _as_parquet(folder: Path) -> list[Path]:
    """The example park's files as Parquet (text columns as read from the CSV), read in batches of any size."""
    out = []
    for path in PARK_FILES:
        table = pacsv.read_csv(path, convert_options=pacsv.ConvertOptions(strings_can_be_null=False))
        table = table.cast(pa.schema([pa.field(n, pa.string()) for n in table.column_names]))
        out.append(folder / f"{path.stem}.parquet")
        pq.write_table(table, out[-1])
    return out


def test_streamed_lines_are_those_computed_in_memory(
    tmp_path: Path, park_factors: FactorSet, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The streamed run (lines spilled in batches of 7 records, in record batches of 5 lines, read back by
    groups of 50 lines, files given in reverse order so that partitions are reordered canonically) stores,
    for every (year, enterprise), the lines computed in memory by ``inventory.run`` - the same logical hash -
    and the same totals."""
    monkeypatch.setattr(spill_module, "SPILL_BATCH_ROWS", 5)
    files = _as_parquet(tmp_path)[::-1]
    memory = inventory.run(files, "AR5", park_factors)
    expected = {(y, e): store.content_hash(part) for y, e, part in store.split_partitions(memory.table)}
    job = engine.new_job("AR5", tmp_path / "store")
    with Spill(tmp_path) as spill:
        streamed = inventory.stream(files, "AR5", park_factors, spill, batch_rows=7)
        assert len(spill.files) > len(files)  # several batches per file
        groups = list(spill.groups(group_rows=50))
        assert len(groups) > 10
        lines = LineTotals("AR5")
        staged = store.stage_groups(job.store, iter(groups), streamed.computed.production, "", job.base, "t", lines.add)
        store.publish(job.store, [staged], {"reason": "", "author": ""}, job.base)
    assert not spill.folder.exists()  # the spill is removed with the run
    assert _store_hashes(job.store) == expected
    pd.testing.assert_frame_equal(lines.totals(), memory.totals, check_exact=True)  # the same sums, bit for bit
    pd.testing.assert_frame_equal(lines.summary(), memory.summary, check_exact=True)


def test_a_group_holds_whole_partitions_up_to_its_size(tmp_path: Path, park_factors: FactorSet) -> None:
    """What the store holds at once is one group: whole partitions, at most ``group_rows`` lines unless one
    partition alone is larger (then it is a group alone)."""
    with Spill(tmp_path) as spill:
        inventory.stream(_as_parquet(tmp_path), "AR5", park_factors, spill, batch_rows=11)
        for table, bounds in spill.groups(group_rows=40):
            keys = [(y, e) for y, e, _, _ in bounds]
            assert len(set(keys)) == len(keys)
            assert sum(b - a for *_, a, b in bounds) == table.num_rows
            assert all(spill.rows[k] == b - a for k, (*_, a, b) in zip(keys, bounds, strict=True))
            if len(bounds) > 1:
                assert table.num_rows - (bounds[-1][3] - bounds[-1][2]) < 40


def test_a_run_with_problems_leaves_no_spill(
    tmp_path: Path, write_csv: Callable[..., Path], factor_set: FactorSet
) -> None:
    """Lines are spilled while the records are checked; a problem found later (here in the last row) ends the
    run with every problem and the spill removed."""
    good = dict(source_category="stationary_combustion", ipcc_category="1.A.2", activity="anthracite", unit="t")
    rows = [record(**good, quantity=q, evidence=f"inv-{q}") for q in range(1, 40)]
    rows.append(record(**good, quantity=-1, evidence="bad"))
    path = write_csv(rows)
    with pytest.raises(InputError) as err, Spill(tmp_path) as spill:
        inventory.stream([path], "AR5", factor_set, spill, batch_rows=8)
    assert [p.row for p in err.value.problems] == [41]
    assert not spill.folder.exists()


def test_the_command_line_streams_with_its_spill_where_asked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``ghg inventory`` spills under ``GHG_SPILL_DIR`` and leaves nothing there."""
    spills = tmp_path / "spills"
    spills.mkdir()
    monkeypatch.setenv("GHG_SPILL_DIR", str(spills))
    res = CliRunner().invoke(cli.main, ["inventory", str(EXAMPLE), "--gwp", "AR5", "--out", str(tmp_path / "s")])
    assert res.exit_code == 0, res.output
    assert list(spills.iterdir()) == []
    assert store.open_snapshot(tmp_path / "s").revisions


def test_a_changed_file_without_a_reason_is_refused_in_the_users_language(tmp_path: Path) -> None:
    """The streamed writer refuses a new revision without ``--reason`` with that message - in Vietnamese for a
    Vietnamese user, naming the partition - not as a failed write; the store keeps its one version."""
    out = tmp_path / "store"
    first = CliRunner().invoke(cli.main, ["inventory", str(EXAMPLE), "--gwp", "AR5", "--out", str(out)])
    assert first.exit_code == 0, first.output
    changed = tmp_path / EXAMPLE.name
    text = EXAMPLE.read_text(encoding="utf-8").splitlines()
    header = text[0].split(",")
    row = text[1].split(",")
    row[header.index("quantity")] = str(float(row[header.index("quantity")]) + 1)
    changed.write_text("\n".join([text[0], ",".join(row), *text[2:]]) + "\n", encoding="utf-8")
    res = CliRunner().invoke(cli.main, ["--lang", "vi", "inventory", str(changed), "--gwp", "AR5", "--out", str(out)])
    assert res.exit_code != 0
    snap = store.open_snapshot(out)
    partitions = ", ".join(f"{e} {y} (revision 1)" for y, e in sorted(snap.revisions))
    assert text_of("store.reason_required", "vi", partitions=partitions).split(":")[0] in res.output
    assert "supersedes" not in res.output and snap.version == 1


def test_a_killed_runs_spill_is_removed_by_the_next_run(tmp_path: Path) -> None:
    """A run killed mid-way leaves its spill (nothing can remove it then); the next run removes the spills of
    processes that are gone, and leaves those of a process still alive."""
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()
    orphan = tmp_path / f"ghg-spill-{gone.pid}-abc123"
    orphan.mkdir()
    (orphan / "000000.arrow").write_bytes(b"x")
    alive = tmp_path / f"ghg-spill-{os.getppid()}-def456"
    alive.mkdir()
    with Spill(tmp_path) as spill:
        assert not orphan.exists() and alive.exists()
        assert spill.folder.name.startswith(f"ghg-spill-{os.getpid()}-")
