"""The Parquet store: pinned schema, metadata, revisions, atomic publication."""

from __future__ import annotations

from pathlib import Path

import pyarrow.parquet as pq
import pytest

from ghg import inventory, store
from ghg.factors import FactorSet

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


def test_round_trip_keeps_lines_and_metadata(tmp_path: Path, result: inventory.InventoryResult) -> None:
    written = store.write(tmp_path, result.lines, _meta(result))
    assert {(w.year, w.enterprise, w.revision) for w in written} == {(2022, "DUCGIANG-LC", 1), (2023, "DUCGIANG-LC", 1)}
    back = store.read_lines(tmp_path).drop(columns="revision")
    expected = result.lines.sort_values(["year", "input_row", "gas"]).reset_index(drop=True)
    got = back.sort_values(["year", "input_row", "gas"]).reset_index(drop=True)
    assert got[store.LINE_SCHEMA.names].equals(expected[store.LINE_SCHEMA.names])
    path = written[0].path
    assert pq.read_schema(path).remove_metadata() == store.LINE_SCHEMA
    meta = store.read_metadata(path)
    assert meta["gwp_set"] == "AR5" and meta["revision"] == 1
    assert {r["id"] for r in meta["releases"]} >= {"ipcc-2006-energy", "vn-grid-2023"}  # type: ignore[union-attr]
    assert meta["inputs"][0]["sha256"] == result.inputs[0]["sha256"]  # type: ignore[index]
    assert meta["content_hash"] == store.content_hash(
        result.lines[result.lines["year"] == written[0].year].reset_index(drop=True)
    )


def test_partitioned_by_year_and_enterprise(tmp_path: Path, result: inventory.InventoryResult) -> None:
    store.write(tmp_path, result.lines, _meta(result))
    parts = sorted(str(p.relative_to(tmp_path)) for p in tmp_path.glob("lines/*/*/*/*.parquet"))
    assert parts == [
        "lines/year=2022/enterprise=DUCGIANG-LC/revision=1/part-0.parquet",
        "lines/year=2023/enterprise=DUCGIANG-LC/revision=1/part-0.parquet",
    ]
    assert len(list((tmp_path / "runs").glob("*.json"))) == 1


def test_a_rerun_is_a_new_revision_never_an_overwrite(tmp_path: Path, result: inventory.InventoryResult) -> None:
    first = store.write(tmp_path, result.lines, _meta(result))
    before = first[0].path.read_bytes()
    with pytest.raises(store.StoreError, match=r"supersedes DUCGIANG-LC 2022 \(revision 1\).*--reason"):
        store.write(tmp_path, result.lines, _meta(result))  # a new revision of existing data needs a reason
    second = store.write(tmp_path, result.lines, _meta(result), reason="rerun")
    assert [w.revision for w in second] == [2, 2]
    assert all(w.same_as_previous for w in second)
    assert first[0].path.read_bytes() == before
    assert set(store.read_lines(tmp_path)["revision"]) == {2}
    assert set(store.read_lines(tmp_path, revision="all")["revision"]) == {1, 2}


def test_no_temporary_files_are_left(tmp_path: Path, result: inventory.InventoryResult) -> None:
    store.write(tmp_path, result.lines, _meta(result))
    assert not [p for p in tmp_path.rglob("*") if p.name.startswith(".tmp-")]


def test_a_failed_write_publishes_nothing(
    tmp_path: Path, result: inventory.InventoryResult, monkeypatch: pytest.MonkeyPatch
) -> None:
    def boom(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(pq, "write_table", boom)
    with pytest.raises(store.StoreError, match="No space left on device; the store is unchanged"):
        store.write(tmp_path, result.lines, _meta(result))
    assert not list(tmp_path.rglob("*.parquet"))
    assert not [p for p in tmp_path.rglob("*") if p.name.startswith(".tmp-")]


def test_each_revision_records_parent_reason_author_and_starts_as_draft(
    tmp_path: Path, result: inventory.InventoryResult
) -> None:
    store.write(tmp_path, result.lines, _meta(result), author="Lan (DGC)")
    store.write(tmp_path, result.lines, _meta(result), reason="corrected coal invoice", author="Minh (DGC)")
    table = store.history(tmp_path)
    rows = table[table["year"] == 2023].sort_values("revision").to_dict(orient="records")
    assert [(r["revision"], r["parent"], r["reason"], r["author"], r["status"]) for r in rows] == [
        (1, 0, "", "Lan (DGC)", "draft"),
        (2, 1, "corrected coal invoice", "Minh (DGC)", "draft"),
    ]
    assert (
        rows[0]["content_hash"]
        == rows[1]["content_hash"]
        == store.content_hash(result.lines[result.lines["year"] == 2023])
    )


def test_a_writer_based_on_a_stale_revision_gets_a_conflict_and_publishes_nothing(
    tmp_path: Path, result: inventory.InventoryResult
) -> None:
    store.write(tmp_path, result.lines, _meta(result))
    seen = store.latest_revisions(tmp_path)  # writer A takes its snapshot and starts computing...
    assert seen == {(2022, "DUCGIANG-LC"): 1, (2023, "DUCGIANG-LC"): 1}
    store.write(tmp_path, result.lines, _meta(result), reason="writer B")  # ...writer B publishes first
    with pytest.raises(store.StoreError, match="based on revision 1 but revision 2 has been published"):
        store.write(tmp_path, result.lines, _meta(result), reason="writer A", parents=seen)
    assert set(store.read_lines(tmp_path, revision="all")["revision"]) == {1, 2}
    assert not [p for p in tmp_path.rglob("*") if p.name.startswith(".tmp-")]


def test_statuses_move_one_step_at_a_time_and_a_locked_revision_is_superseded_with_a_reason(
    tmp_path: Path, result: inventory.InventoryResult
) -> None:
    store.write(tmp_path, result.lines, _meta(result))
    with pytest.raises(store.StoreError, match="is draft and cannot become verified"):
        store.set_status(tmp_path, 2023, "DUCGIANG-LC", 1, "verified", "auditor")
    for status in ("submitted", "verified", "locked"):
        store.set_status(tmp_path, 2023, "DUCGIANG-LC", 1, status, "EZMB", comment=f"to {status}")
    with pytest.raises(store.StoreError, match="is locked and cannot become draft"):
        store.set_status(tmp_path, 2023, "DUCGIANG-LC", 1, "draft", "EZMB")
    with pytest.raises(store.StoreError, match="has no revision 9"):
        store.set_status(tmp_path, 2023, "DUCGIANG-LC", 9, "submitted", "EZMB")
    assert store.statuses(tmp_path, 2023, "DUCGIANG-LC")[1]["status"] == "locked"
    assert store.statuses(tmp_path, 2022, "DUCGIANG-LC")[1]["status"] == "draft"
    locked = (tmp_path / "lines/year=2023/enterprise=DUCGIANG-LC/revision=1/part-0.parquet").read_bytes()
    new = store.write(tmp_path, result.lines, _meta(result), reason="restated after verification")
    assert {w.revision for w in new} == {2}
    assert (tmp_path / "lines/year=2023/enterprise=DUCGIANG-LC/revision=1/part-0.parquet").read_bytes() == locked
    with pytest.raises(store.StoreError, match="is locked and cannot become locked"):
        store.set_status(tmp_path, 2023, "DUCGIANG-LC", 1, "locked", "someone else")
    now = store.statuses(tmp_path, 2023, "DUCGIANG-LC")
    assert (now[1]["status"], now[1]["by"], now[1]["comment"]) == ("locked", "EZMB", "to locked")
    assert now[2] == {"status": "draft"}


def test_the_same_status_step_taken_twice_at_once_succeeds_once(
    tmp_path: Path, result: inventory.InventoryResult, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.write(tmp_path, result.lines, _meta(result))
    stale = store.statuses(tmp_path, 2023, "DUCGIANG-LC")  # both officers read "draft"...
    store.set_status(tmp_path, 2023, "DUCGIANG-LC", 1, "submitted", "officer A")
    monkeypatch.setattr(store, "statuses", lambda *args: stale)  # ...and officer B acts on what he read
    with pytest.raises(store.StoreError, match="is submitted and cannot become submitted"):
        store.set_status(tmp_path, 2023, "DUCGIANG-LC", 1, "submitted", "officer B")
    monkeypatch.undo()
    assert store.statuses(tmp_path, 2023, "DUCGIANG-LC")[1]["by"] == "officer A"
    assert not [p for p in tmp_path.rglob(".tmp-*")]
