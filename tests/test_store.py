"""The result store on Delta Lake: one commit per run, revisions, statuses, snapshots and time travel."""

from __future__ import annotations

import json
import time
from datetime import UTC, datetime
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from ghg import cli, store
from ghg.core import inventory
from ghg.core.errors import StoreError
from ghg.core.factors import FactorSet
from ghg.store import delta, revisions

from .conftest import EXAMPLE


@pytest.fixture
def result(factor_set: FactorSet) -> inventory.InventoryResult:
    return inventory.run([EXAMPLE], "AR5", factor_set)


def _meta(result: inventory.InventoryResult) -> dict[str, object]:
    return {
        "software_version": result.software_version,
        "releases": result.releases,
        "gwp_set": result.gwp_set,
        "inputs": result.inputs,
        "created": result.created,
    }


def _corrected(result: inventory.InventoryResult) -> object:
    """The same lines with another note: other content, so a new revision."""
    return result.lines.assign(note="corrected")


def test_round_trip_keeps_lines_and_the_run_manifest(tmp_path: Path, result: inventory.InventoryResult) -> None:
    written = store.write(tmp_path, result.lines, _meta(result))
    assert {(w.year, w.enterprise, w.revision) for w in written} == {(2022, "DUCGIANG-LC", 1), (2023, "DUCGIANG-LC", 1)}
    back = store.read_lines(tmp_path).drop(columns="revision")
    expected = result.lines.sort_values(["year", "input_row", "gas"]).reset_index(drop=True)
    got = back.sort_values(["year", "input_row", "gas"]).reset_index(drop=True)
    assert got[store.LINE_SCHEMA.names].equals(expected[store.LINE_SCHEMA.names])
    snap = store.open_snapshot(tmp_path)
    (run,) = snap.runs.values()
    assert run["gwp_set"] == "AR5" and run["software_version"] == result.software_version
    assert {r["id"] for r in run["releases"]} >= {"ipcc-2006-energy", "vn-grid-2023"}
    assert run["inputs"][0]["sha256"] == result.inputs[0]["sha256"]
    for w in written:
        rev = snap.revision(w.year, w.enterprise, 1)
        mine = result.lines[result.lines["year"] == w.year].reset_index(drop=True)
        assert rev.content_hash == w.content_hash == store.content_hash(mine)


def test_one_table_one_data_file_one_commit_per_run_and_no_local_path(
    tmp_path: Path, result: inventory.InventoryResult
) -> None:
    out = tmp_path / "store"
    store.write(out, result.lines, _meta(result))
    assert [p.name for p in sorted((out / "lines").glob("*.parquet"))] == [
        p.name for p in (out / "lines").glob("part-*.parquet")
    ]
    assert len(list((out / "lines").glob("*.parquet"))) == 1
    assert delta.latest_version(out / "lines") == 1  # 0 creates the table, 1 is the run
    assert pq.read_schema(next((out / "lines").glob("*.parquet"))).remove_metadata() == store.STORED_SCHEMA
    run_commit = (out / "lines" / "_delta_log" / f"{1:020d}.json").read_text(encoding="utf-8")
    assert str(tmp_path) not in run_commit  # inputs and releases are named, not located
    assert str(EXAMPLE.parent) not in run_commit


def test_the_same_content_again_is_no_new_revision_and_other_content_needs_a_reason(
    tmp_path: Path, result: inventory.InventoryResult
) -> None:
    first = store.write(tmp_path, result.lines, _meta(result))
    data = sorted(tmp_path.glob("lines/*.parquet"))
    before = {p: p.read_bytes() for p in data}
    again = store.write(tmp_path, result.lines, _meta(result))  # no reason needed: nothing changes
    assert [(w.revision, w.same_as_previous) for w in again] == [(1, True), (1, True)]
    assert [w.content_hash for w in again] == [w.content_hash for w in first]
    assert store.open_snapshot(tmp_path).version == 1
    with pytest.raises(StoreError, match=r"supersedes DUCGIANG-LC 2022 \(revision 1\).*--reason") as err:
        store.write(tmp_path, _corrected(result), _meta(result))
    assert err.value.key == "store.reason_required"  # said as such, not as a write that failed
    second = store.write(tmp_path, _corrected(result), _meta(result), reason="rerun")
    assert [w.revision for w in second] == [2, 2] and not any(w.same_as_previous for w in second)
    assert all(p.read_bytes() == b for p, b in before.items())  # append-only: nothing rewritten
    assert set(store.read_lines(tmp_path)["revision"]) == {2}
    assert set(store.read_lines(tmp_path, revision="all")["revision"]) == {1, 2}


def test_a_failed_write_publishes_nothing_and_leaves_no_file(
    tmp_path: Path, result: inventory.InventoryResult, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.write(tmp_path, result.lines, _meta(result))
    files = sorted(p for p in tmp_path.rglob("*") if p.is_file())

    def boom(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(pq, "write_table", boom)
    with pytest.raises(StoreError, match="No space left on device; the store is unchanged"):
        store.write(tmp_path, _corrected(result), _meta(result), reason="x")
    assert sorted(p for p in tmp_path.rglob("*") if p.is_file()) == files
    assert store.open_snapshot(tmp_path).version == 1


def test_each_revision_records_parent_reason_author_and_starts_as_draft(
    tmp_path: Path, result: inventory.InventoryResult
) -> None:
    store.write(tmp_path, result.lines, _meta(result), author="Lan (DGC)")
    store.write(tmp_path, _corrected(result), _meta(result), reason="corrected coal invoice", author="Minh (DGC)")
    table = store.history(tmp_path)
    rows = table[table["year"] == 2023].sort_values("revision").to_dict(orient="records")
    assert [(r["revision"], r["parent"], r["reason"], r["author"], r["status"], r["version"]) for r in rows] == [
        (1, 0, "", "Lan (DGC)", "draft", 1),
        (2, 1, "corrected coal invoice", "Minh (DGC)", "draft", 2),
    ]
    assert rows[0]["content_hash"] == store.content_hash(result.lines[result.lines["year"] == 2023])


def test_a_writer_based_on_a_stale_snapshot_gets_a_conflict_or_commits_on_top(
    tmp_path: Path, result: inventory.InventoryResult
) -> None:
    store.write(tmp_path, result.lines, _meta(result))
    seen = store.open_snapshot(tmp_path)  # writer A reads the store and starts computing...
    store.write(tmp_path, _corrected(result), _meta(result), reason="writer B")  # ...writer B commits first
    other = _corrected(result).assign(note="writer A")
    with pytest.raises(StoreError, match="based on revision 1 but revision 2 has been published"):
        store.write(tmp_path, other, _meta(result), reason="writer A", base=seen)
    assert store.open_snapshot(tmp_path).version == 2
    assert len(list(tmp_path.glob("lines/*.parquet"))) == 2  # A's data file was removed
    # a writer whose partitions nobody touched meanwhile commits on top of the other writer
    seen = store.open_snapshot(tmp_path)
    only_2023 = other[other["year"] == 2023]
    store.write(tmp_path, only_2023.assign(note="B again"), _meta(result), reason="B", author="B")
    only_2022 = other[other["year"] == 2022]
    written = store.write(tmp_path, only_2022, _meta(result), reason="A", author="A", base=seen)
    assert [(w.year, w.revision) for w in written] == [(2022, 3)]
    assert store.latest_revisions(tmp_path) == {(2022, "DUCGIANG-LC"): 3, (2023, "DUCGIANG-LC"): 3}


def test_statuses_move_one_step_at_a_time_and_a_locked_revision_is_superseded_with_a_reason(
    tmp_path: Path, result: inventory.InventoryResult
) -> None:
    store.write(tmp_path, result.lines, _meta(result))
    with pytest.raises(StoreError, match="is draft and cannot become verified"):
        store.set_status(tmp_path, 2023, "DUCGIANG-LC", 1, "verified", "auditor")
    for status in ("submitted", "verified", "locked"):
        store.set_status(tmp_path, 2023, "DUCGIANG-LC", 1, status, "EZMB", comment=f"to {status}")
    with pytest.raises(StoreError, match="is locked and cannot become draft"):
        store.set_status(tmp_path, 2023, "DUCGIANG-LC", 1, "draft", "EZMB")
    with pytest.raises(StoreError, match="has no revision 9"):
        store.set_status(tmp_path, 2023, "DUCGIANG-LC", 9, "submitted", "EZMB")
    assert store.statuses(tmp_path, 2023, "DUCGIANG-LC")[1]["status"] == "locked"
    assert store.statuses(tmp_path, 2022, "DUCGIANG-LC")[1]["status"] == "draft"
    locked = store.read_revision(tmp_path, 2023, "DUCGIANG-LC", 1)
    new = store.write(tmp_path, _corrected(result), _meta(result), reason="restated after verification")
    assert {w.revision for w in new} == {2}
    assert store.read_revision(tmp_path, 2023, "DUCGIANG-LC", 1).equals(locked)
    with pytest.raises(StoreError, match="is locked and cannot become locked"):
        store.set_status(tmp_path, 2023, "DUCGIANG-LC", 1, "locked", "someone else")
    now = store.statuses(tmp_path, 2023, "DUCGIANG-LC")
    assert (now[1]["status"], now[1]["by"], now[1]["comment"]) == ("locked", "EZMB", "to locked")
    assert now[2] == {"status": "draft"}
    # each step is a commit: the store as of the first step shows revision 1 submitted
    assert store.statuses(store.open_snapshot(tmp_path, 2), 2023, "DUCGIANG-LC")[1]["status"] == "submitted"


def test_the_same_status_step_taken_twice_at_once_succeeds_once(
    tmp_path: Path, result: inventory.InventoryResult, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.write(tmp_path, result.lines, _meta(result))
    stale = store.open_snapshot(tmp_path)  # both officers read "draft"...
    store.set_status(tmp_path, 2023, "DUCGIANG-LC", 1, "submitted", "officer A")
    real, calls = store.open_snapshot, []

    def first_stale(*args: object, **kwargs: object) -> store.Snapshot:
        calls.append(1)
        return stale if len(calls) == 1 else real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(revisions, "open_snapshot", first_stale)  # ...and officer B acts on what he read
    with pytest.raises(StoreError, match="is submitted and cannot become submitted"):
        store.set_status(tmp_path, 2023, "DUCGIANG-LC", 1, "submitted", "officer B")
    monkeypatch.undo()
    assert len(calls) == 2  # B's commit lost the race, read again and was refused
    assert store.statuses(tmp_path, 2023, "DUCGIANG-LC")[1]["by"] == "officer A"


def test_time_travel_reads_the_store_as_it_was(tmp_path: Path, result: inventory.InventoryResult) -> None:
    out = tmp_path / "store"
    store.write(out, result.lines, _meta(result))
    between = datetime.now(UTC)
    time.sleep(1.1)
    store.write(out, _corrected(result), _meta(result), reason="corrected")
    assert set(store.read_lines(store.open_snapshot(out, 1))["note"]) != {"corrected"}
    assert set(store.read_lines(store.open_snapshot(out, between))["revision"]) == {1}
    assert set(store.read_lines(out)["note"]) == {"corrected"}
    runner = CliRunner()
    res = runner.invoke(cli.main, ["history", "--store", str(out), "--as-of", "1", "--json"])
    assert res.exit_code == 0 and {r["revision"] for r in json.loads(res.output)} == {1}
    res = runner.invoke(cli.main, ["history", "--store", str(out), "--as-of", between.isoformat(), "--json"])
    assert res.exit_code == 0 and {r["revision"] for r in json.loads(res.output)} == {1}
    res = runner.invoke(cli.main, ["history", "--store", str(out), "--as-of", "9"])
    assert res.exit_code == 1 and "has no version 9 (its versions are 0 to 2)" in res.output
    res = runner.invoke(cli.main, ["--lang", "vi", "history", "--store", str(out), "--as-of", "yesterday"])
    assert res.exit_code == 1 and "hãy cho số phiên bản ghi của kho" in res.output


def test_a_store_of_the_earlier_layout_is_named_and_migrated(tmp_path: Path) -> None:
    """The fixture was written by ghg 0.1 (the release before this store): the example enterprise, then a
    corrected file (coal 4,300 t) with a reason, then revision 2 of 2023 submitted."""
    old = Path(__file__).parent / "data" / "store-0.1"
    expected = json.loads((Path(__file__).parent / "data" / "store-0.1.history.json").read_text(encoding="utf-8"))
    runner = CliRunner()
    res = runner.invoke(cli.main, ["history", "--store", str(old)])
    assert res.exit_code == 1 and "ghg store migrate" in res.output
    new = tmp_path / "new"
    res = runner.invoke(cli.main, ["store", "migrate", str(old), str(new)])
    assert res.exit_code == 0, res.output
    assert "4 revision(s) of 2 run(s) and 1 status step(s) migrated" in res.output
    got = store.history(new).to_dict(orient="records")
    keys = ["year", "enterprise", "revision", "parent", "reason", "author", "created", "content_hash"]
    assert [{k: r[k] for k in keys} for r in got] == [{k: r[k] for k in keys} for r in expected]
    assert [r["status"] for r in got] == ["draft", "draft", "draft", "submitted"]
    assert runner.invoke(cli.main, ["store", "verify", "--store", str(new)]).exit_code == 0
    res = runner.invoke(cli.main, ["audit", "replay", "--store", str(new)])
    assert res.exit_code == 0 and "2 of 2 partition(s) reproduced" in res.output
    res = runner.invoke(cli.main, ["store", "migrate", str(old), str(new)])
    assert res.exit_code == 1 and "not empty" in res.output


def test_a_revision_hashed_by_the_first_definition_keeps_its_hash_when_migrated(tmp_path: Path) -> None:
    """A 0.1 file without ``content_hash_method`` was hashed by ``ghg-csv-1`` (SHA-256 of its CSV text)."""
    import shutil

    import pyarrow as pa

    from ghg.core.hashing import sha256_file

    old = tmp_path / "old"
    shutil.copytree(Path(__file__).parent / "data" / "store-0.1", old)
    folder = old / "lines" / "year=2022" / "enterprise=DUCGIANG-LC" / "revision=1"
    table = pq.read_table(folder / "part-0.parquet")
    legacy = store.content_hash(table, store.LEGACY_HASH_METHOD)
    meta = {k: v for k, v in (table.schema.metadata or {}).items() if k != b"ghg.content_hash_method"}
    meta[b"ghg.content_hash"] = legacy.encode()
    (folder / "part-0.parquet").unlink()
    pq.write_table(
        pa.Table.from_batches(table.to_batches(), table.schema.with_metadata(meta)), folder / "part-0.parquet"
    )
    (folder / "checksums.json").write_text(json.dumps({"part-0.parquet": sha256_file(folder / "part-0.parquet")}))
    new = tmp_path / "new"
    res = CliRunner().invoke(cli.main, ["store", "migrate", str(old), str(new)])
    assert res.exit_code == 0, res.output
    rev = store.open_snapshot(new).revision(2022, "DUCGIANG-LC", 1)
    assert (rev.method, rev.content_hash) == (store.LEGACY_HASH_METHOD, legacy)
    assert CliRunner().invoke(cli.main, ["store", "verify", "--store", str(new)]).exit_code == 0
    # a damaged file of the earlier store is refused, naming it, and nothing is written
    data = bytearray((folder / "part-0.parquet").read_bytes())
    data[80] ^= 0x01
    (folder / "part-0.parquet").write_bytes(bytes(data))
    res = CliRunner().invoke(cli.main, ["store", "migrate", str(old), str(tmp_path / "other")])
    assert res.exit_code == 1 and "revision=1/part-0.parquet is damaged" in res.output
    assert not (tmp_path / "other").exists()


def test_the_example_parks_logical_hashes_are_those_of_earlier_versions(park_store: Path) -> None:
    """Every (enterprise, year) of the example park, stored by this version, has the logical hash (``ghg-arrow-1``)
    the earlier versions recorded for it (``tests/data/example_park_hashes.json``, written before the
    streaming writer): a faster writer changes no published hash, and each stored hash is recomputed from the
    stored lines by the definition itself."""
    expected = json.loads((Path(__file__).parent / "data" / "example_park_hashes.json").read_text())
    snap = store.open_snapshot(park_store)
    got = {f"{e} {y}": revs[-1].content_hash for (y, e), revs in sorted(snap.revisions.items())}
    assert got == expected
    for revs in snap.revisions.values():
        rev = revs[-1]
        lines = snap.file_table(rev.file).slice(rev.start, rev.rows)
        assert store.content_hash(lines.to_pandas().iloc[::-1]) == rev.content_hash
