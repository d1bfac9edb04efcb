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
    second = store.write(tmp_path, result.lines, _meta(result))
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
