"""Partitioned datasets streamed one task at a time, and the same calculation on a Dask cluster.

Values derived by hand: 100 t of diesel in a boiler (1.A.2): 100 t = 0.1 Gg x 43.0 TJ/Gg = 4.3 TJ (IPCC 2006
Vol. 2 Table 1.2); CO2 4.3 TJ x 74.1 t/TJ = 318.63 t (Table 1.4); CH4 4.3 x 3 kg = 12.9 kg, N2O 4.3 x 0.6 kg
= 2.58 kg (Table 2.3); CO2e AR5 = 318.63 + 0.0129 x 28 + 0.00258 x 265 = 319.6749 t. 1,000 MWh bought in 2023
x 0.6592 t CO2/MWh (Vietnam's 2023 grid factor, DCC) = 659.2 t.
"""

from __future__ import annotations

import csv
import json
import os
import signal
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from ghg import store
from ghg.core import dataset, inventory
from ghg.core.errors import EngineError, InputError, StoreError
from ghg.core.factors import DEFAULT_RELEASES, FactorSet
from ghg.engines import tasks as engine

from .conftest import ROOT

PARK = ROOT / "examples" / "tang-loong"
PARK_FACTORS = [str(PARK / "factors" / "park-furnace-gas-2026"), "vn-grid-estimates-2024-2025"]


def _write_csv(path: Path, rows: list[dict[str, object]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    columns = list(dict.fromkeys(k for r in rows for k in r))
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=columns)
        writer.writeheader()
        writer.writerows(rows)


def diesel(tonnes: float) -> dict[str, object]:
    return {
        "facility": "F1",
        "source_category": "stationary_combustion",
        "ipcc_category": "1.A.2",
        "activity": "gas_diesel_oil",
        "quantity": tonnes,
        "unit": "t",
    }


def electricity(mwh: float) -> dict[str, object]:
    return {
        "facility": "F1",
        "source_category": "purchased_electricity",
        "activity": "grid_electricity",
        "quantity": mwh,
        "unit": "MWh",
    }


@pytest.fixture(scope="module")
def park_factors() -> FactorSet:
    return FactorSet.load([*DEFAULT_RELEASES, *PARK_FACTORS])


@pytest.fixture(scope="module")
def park_dataset(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example park's records as a hive dataset: year=Y/enterprise=E/<file>.csv or .parquet (alternately),
    without the partition columns in the files."""
    root = tmp_path_factory.mktemp("park") / "dataset"
    for k, path in enumerate(sorted((PARK / "activity").glob("*.csv"))):
        header = path.read_text(encoding="utf-8-sig").splitlines()[0].split(",")
        options = pacsv.ConvertOptions(column_types={h: pa.string() for h in header}, strings_can_be_null=False)
        table = pacsv.read_csv(path, convert_options=options).to_pandas()
        for (year, enterprise), part in table.groupby(["year", "enterprise"], sort=True):
            folder = root / f"year={year}" / f"enterprise={enterprise}"
            folder.mkdir(parents=True, exist_ok=True)
            part = part.drop(columns=["year", "enterprise"])
            if k % 2:
                part.to_csv(folder / f"{path.stem}.csv", index=False)
            else:
                pq.write_table(pa.Table.from_pandas(part, preserve_index=False), folder / f"{path.stem}.parquet")
    return root


@pytest.fixture(scope="module")
def park_local(
    park_dataset: Path, park_factors: FactorSet, tmp_path_factory: pytest.TempPathFactory
) -> engine.DatasetResult:
    out = tmp_path_factory.mktemp("store-local")
    return engine.run_local(dataset.discover(park_dataset), engine.new_job("AR5", out), park_factors)


def test_a_dataset_gives_the_published_values(tmp_path: Path, factor_set: FactorSet) -> None:
    root = tmp_path / "data"
    _write_csv(root / "year=2023" / "enterprise=E1" / "part-0.csv", [diesel(100)])
    pq.write_table(
        pa.Table.from_pylist([electricity(1000)]), _folder(root / "year=2023" / "enterprise=E2") / "a.parquet"
    )
    result = engine.run_local(dataset.discover(root), engine.new_job("AR5", tmp_path / "store"), factor_set)
    summary = result.summary.set_index("enterprise")
    assert summary.loc["E1", "total_t_co2e"] == pytest.approx(319.6749)
    assert summary.loc["E2", "scope_2_location_t_co2e"] == pytest.approx(659.2)
    assert [(w.year, w.enterprise, w.revision) for w in result.written] == [(2023, "E1", 1), (2023, "E2", 1)]
    lines = store.read_lines(tmp_path / "store")
    assert lines.loc[lines["gas"] == "CO2", "mass_t"].sort_values().tolist() == pytest.approx([318.63, 659.2, 659.2])
    # the lineage names the file inside the dataset and its row; the folder gave enterprise and year
    co2 = lines[(lines["enterprise"] == "E1") & (lines["gas"] == "CO2")].iloc[0]
    assert (co2["input_file"], co2["input_row"], co2["year"]) == ("year=2023/enterprise=E1/part-0.csv", 2, 2023)


def _folder(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    return path


def test_streaming_matches_the_file_engine(park_local: engine.DatasetResult, park_factors: FactorSet) -> None:
    files = inventory.run(sorted((PARK / "activity").glob("*.csv")), "AR5", park_factors)
    keys = ["enterprise", "year"]
    a = files.summary.set_index(keys).sort_index()
    b = park_local.summary.set_index(keys).sort_index()[a.columns]
    pd.testing.assert_frame_equal(a, b, check_exact=False, rtol=1e-12)
    assert park_local.lines == len(files.table)
    assert park_local.records == files.records
    assert len(park_local.written) == len(a)


def test_task_size_does_not_change_the_result(
    park_dataset: Path, park_factors: FactorSet, park_local: engine.DatasetResult, tmp_path: Path
) -> None:
    # one folder per task instead of the whole park in one task
    small = engine.run_local(
        dataset.discover(park_dataset), engine.new_job("AR5", tmp_path), park_factors, task_bytes=1
    )
    assert small.logical_hash == park_local.logical_hash
    assert [w.content_hash for w in small.written] == [w.content_hash for w in park_local.written]


def test_local_and_dask_from_the_command_line_give_the_same_logical_hash(park_dataset: Path, tmp_path: Path) -> None:
    from ghg import cli

    extra = [a for f in PARK_FACTORS for a in ("--extra-factors", f)]
    hashes = {}
    for name, options in {
        "local": [],
        "dask": ["--engine", "dask", "--workers", "2", "--task-mb", "0.01"],
    }.items():
        args = ["inventory", str(park_dataset), "--gwp", "AR5", *extra, "--out", str(tmp_path / name), "--json"]
        done = CliRunner().invoke(cli.main, [*args, *options])
        assert done.exit_code == 0, done.output
        out = json.loads(done.output)
        assert out["engine"] == name
        hashes[name] = out["logical_hash"]
        stored = {(w["year"], w["enterprise"]): w["content_hash"] for w in out["written"]}
        # every published revision's lines hash to what the store and the run report
        for w in out["written"]:
            lines = store.read_revision(tmp_path / name, w["year"], w["enterprise"], w["revision"])
            assert store.content_hash(lines) == stored[(w["year"], w["enterprise"])]
    assert hashes["local"] == hashes["dask"]


def test_a_bad_record_anywhere_publishes_nothing(tmp_path: Path, factor_set: FactorSet) -> None:
    root = tmp_path / "data"
    _write_csv(root / "year=2023" / "enterprise=E1" / "part-0.csv", [diesel(100)])
    _write_csv(root / "year=2023" / "enterprise=E2" / "part-0.csv", [electricity(1000), electricity(-5)])
    out = tmp_path / "store"
    with pytest.raises(InputError) as caught:
        engine.run_local(dataset.discover(root), engine.new_job("AR5", out), factor_set, task_bytes=1)
    bad = [p for p in caught.value.problems if p.column == "quantity"]
    assert bad and bad[0].file.endswith("enterprise=E2/part-0.csv") and bad[0].row == 3 and bad[0].value == "-5"
    assert store.open_snapshot(out).version == -1  # E1 was fine, and is not published either
    assert not list(out.glob("lines/*.parquet")) and not list(out.glob("inputs/*"))


def test_folders_that_are_not_partitions_are_named(tmp_path: Path) -> None:
    root = tmp_path / "data"
    _write_csv(root / "year=2023" / "enterprise=E1" / "a.csv", [diesel(1)])
    _write_csv(root / "2023" / "b.csv", [diesel(1)])
    _write_csv(root / "year=20x3" / "c.csv", [diesel(1)])
    _write_csv(root / "year=2023" / "year=2024" / "d.csv", [diesel(1)])
    (root / "year=2023" / "notes.txt").write_text("not data")
    (root / "year=2023" / "_SUCCESS").write_text("")  # ignored, as Arrow and Spark do
    with pytest.raises(InputError) as caught:
        dataset.discover(root)
    found = {(p.code, Path(p.file).name, p.value) for p in caught.value.problems}
    assert found == {
        ("dataset_folder", "2023", "2023"),
        ("dataset_year", "year=20x3", "20x3"),
        ("dataset_key_twice", "year=2024", "year=2024"),
        ("dataset_file_type", "notes.txt", None),
    }
    with pytest.raises(InputError) as empty:
        dataset.discover(_folder(tmp_path / "empty"))
    assert [p.code for p in empty.value.problems] == ["dataset_empty"]


def test_a_record_that_contradicts_its_folder_is_named(tmp_path: Path, factor_set: FactorSet) -> None:
    root = tmp_path / "data"
    rows = [{**diesel(1), "enterprise": "E1"}, {**diesel(2), "enterprise": "E9"}]
    _write_csv(root / "year=2023" / "enterprise=E1" / "part-0.csv", rows)
    with pytest.raises(InputError) as caught:
        engine.run_local(dataset.discover(root), engine.new_job("AR5", tmp_path / "store"), factor_set)
    (problem,) = caught.value.problems
    assert (problem.code, problem.row, problem.column, problem.value) == ("partition_mismatch", 3, "enterprise", "E9")
    assert problem.params["partition"] == "enterprise=E1"


def test_the_logical_hash_depends_on_values_only(park_local: engine.DatasetResult) -> None:
    w = park_local.written[0]
    rev = store.open_snapshot(park_local.store).revision(w.year, w.enterprise, w.revision)
    table = pq.read_table(park_local.store / w.path).slice(rev.start, rev.rows).select(store.LINE_SCHEMA.names)
    recorded = rev.content_hash
    assert rev.method == store.HASH_METHOD
    frame = table.to_pandas()
    assert store.content_hash(table) == recorded
    assert store.content_hash(frame.iloc[::-1].reset_index(drop=True)) == recorded  # row order
    chunked = pa.concat_tables([table.slice(0, 3), table.slice(3)])
    assert store.content_hash(chunked) == recorded  # chunking
    encoded = pa.table(
        {
            name: col.dictionary_encode() if pa.types.is_string(col.type) else col
            for name, col in zip(table.column_names, table.columns, strict=True)
        }
    )
    assert store.content_hash(encoded) == recorded  # dictionary-encoded text
    changed = frame.copy()
    changed.loc[0, "mass_t"] = np.nextafter(changed.loc[0, "mass_t"], np.inf)  # one ulp
    assert store.content_hash(changed) != recorded


def test_the_first_hash_definition_is_still_computed(park_local: engine.DatasetResult) -> None:
    table = store.read_revision(park_local.store, park_local.written[0].year, park_local.written[0].enterprise, 1)
    legacy = store.content_hash(table, store.LEGACY_HASH_METHOD)
    # ghg-csv-1: SHA-256 of the CSV text of the rows sorted by the canonical order
    import hashlib

    frame = table[store.LINE_SCHEMA.names].sort_values(store.CANONICAL_ORDER, kind="stable")
    text = frame.to_csv(index=False, lineterminator="\n")
    assert legacy == hashlib.sha256(text.encode()).hexdigest()
    # a revision of an earlier store hashed this way keeps its hash when migrated (tests/test_store.py)
    with pytest.raises(StoreError):
        store.content_hash(table, "ghg-unknown-9")


def test_a_rerun_needs_a_reason_and_is_recognised_as_the_same(tmp_path: Path, factor_set: FactorSet) -> None:
    root = tmp_path / "data"
    _write_csv(root / "year=2023" / "enterprise=E1" / "part-0.csv", [diesel(100)])
    out = tmp_path / "store"
    first = engine.run_local(dataset.discover(root), engine.new_job("AR5", out), factor_set)
    again = engine.run_local(dataset.discover(root), engine.new_job("AR5", out), factor_set)  # the same bytes
    assert [(w.revision, w.same_as_previous) for w in again.written] == [(1, True)]
    assert again.logical_hash == first.logical_hash
    assert store.open_snapshot(out).version == 1 and len(list(out.glob("lines/*.parquet"))) == 1
    _write_csv(root / "year=2023" / "enterprise=E1" / "part-0.csv", [diesel(101)])
    with pytest.raises(StoreError, match="E1 2023"):
        engine.run_local(dataset.discover(root), engine.new_job("AR5", out), factor_set)
    third = engine.run_local(dataset.discover(root), engine.new_job("AR5", out, reason="corrected"), factor_set)
    assert [(w.revision, w.same_as_previous) for w in third.written] == [(2, False)]
    assert len(list(out.glob("lines/*.parquet"))) == 2


def test_a_dataset_and_files_are_not_mixed(tmp_path: Path) -> None:
    from ghg import cli

    folder = _folder(tmp_path / "data")
    done = CliRunner().invoke(cli.main, ["inventory", str(folder), str(PARK / "registry.csv"), "--gwp", "AR5"])
    assert done.exit_code == 2 and "not both" in done.output
    file = next((PARK / "activity").glob("*.csv"))
    done = CliRunner().invoke(cli.main, ["--lang", "vi", "inventory", str(file), "--gwp", "AR5", "--engine", "dask"])
    assert done.exit_code == 2 and "thư mục bộ dữ liệu" in done.output


# --- a worker killed mid-run -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def big_dataset(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """12 partitions of 40,000 diesel and electricity records each: tasks long enough to kill a worker in one."""
    root = tmp_path_factory.mktemp("big") / "data"
    rng = np.random.default_rng(7)
    for year in (2022, 2023):
        for e in range(6):
            n = 40_000
            electric = rng.random(n) < 0.5
            table = pa.table(
                {
                    "facility": ["F1"] * n,
                    "period": [f"{year}-{m:02d}" for m in rng.integers(1, 13, n)],
                    "source_category": np.where(electric, "purchased_electricity", "stationary_combustion"),
                    "ipcc_category": np.where(electric, "", "1.A.2"),
                    "activity": np.where(electric, "grid_electricity", "gas_diesel_oil"),
                    "quantity": np.round(rng.uniform(1, 100, n), 3),
                    "unit": np.where(electric, "MWh", "t"),
                    "evidence": [f"reading {i}" for i in range(n)],  # no two records alike
                }
            )
            pq.write_table(table, _folder(root / f"year={year}" / f"enterprise=E{e}") / "part-0.parquet")
    return root


@pytest.fixture
def cluster(request: pytest.FixtureRequest) -> Iterator[object]:
    """A LocalCluster of worker processes: ``request.param`` = (workers, allowed failures)."""
    import dask
    from distributed import LocalCluster

    workers, allowed = request.param
    with dask.config.set({"distributed.scheduler.allowed-failures": allowed}):
        made = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None)
    try:
        yield made
    finally:
        made.close()


def _kill_a_worker_mid_run(cluster: object, out: Path, run: threading.Thread) -> None:
    from distributed import Client

    with Client(cluster.scheduler_address) as client:  # type: ignore[attr-defined]
        pids = list(client.run(os.getpid).values())
        deadline = time.monotonic() + 120
        while not list(out.glob("lines/part-*.parquet")) and time.monotonic() < deadline:
            time.sleep(0.005)  # a task is staging: the run is under way
        assert run.is_alive(), "the run ended before a worker could be killed"
        os.kill(pids[0], signal.SIGKILL)


@pytest.mark.parametrize("cluster", [(2, 3)], indirect=True)
def test_a_killed_worker_still_gives_the_whole_result(
    cluster: object, big_dataset: Path, factor_set: FactorSet, tmp_path: Path
) -> None:
    reference = engine.run_local(dataset.discover(big_dataset), engine.new_job("AR5", tmp_path / "local"), factor_set)
    out = tmp_path / "dask"
    outcome: dict[str, object] = {}

    def run() -> None:
        job = engine.new_job("AR5", out)
        address = cluster.scheduler_address  # type: ignore[attr-defined]
        outcome["result"] = engine.run_dask(dataset.discover(big_dataset), job, factor_set, address, task_bytes=1)

    thread = threading.Thread(target=run)
    thread.start()
    _kill_a_worker_mid_run(cluster, out, thread)
    thread.join(timeout=300)
    result = outcome["result"]
    assert isinstance(result, engine.DatasetResult)
    assert len(result.written) == 12 and result.records == 12 * 40_000
    assert result.logical_hash == reference.logical_hash
    committed = set(store.open_snapshot(out).files)
    assert {p.name for p in out.glob("lines/*.parquet")} == committed  # the lost attempt's files are gone


@pytest.mark.parametrize("cluster", [(1, 0)], indirect=True)
def test_a_killed_worker_without_retries_is_a_clear_failure(
    cluster: object, big_dataset: Path, factor_set: FactorSet, tmp_path: Path
) -> None:
    out = tmp_path / "dask"
    outcome: dict[str, object] = {}

    def run() -> None:
        job = engine.new_job("AR5", out)
        address = cluster.scheduler_address  # type: ignore[attr-defined]
        try:
            engine.run_dask(dataset.discover(big_dataset), job, factor_set, address, task_bytes=1)
        except EngineError as exc:
            outcome["error"] = exc

    thread = threading.Thread(target=run)
    thread.start()
    _kill_a_worker_mid_run(cluster, out, thread)
    thread.join(timeout=300)
    error = outcome.get("error")
    assert isinstance(error, EngineError) and error.key == "engine.task_failed"
    assert "nothing was published" in str(error)
    assert store.open_snapshot(out).version == -1
    assert not list(out.glob("lines/*.parquet"))


def test_year_folders_of_other_years_are_not_read(tmp_path: Path) -> None:
    from ghg import cli

    root = tmp_path / "data"
    _write_csv(root / "year=2023" / "enterprise=E1" / "part-0.csv", [diesel(100)])
    (root / "year=2022" / "enterprise=E1").mkdir(parents=True)
    (root / "year=2022" / "enterprise=E1" / "part-0.csv").write_text("not,a,valid\nfile,at,all\n")  # never opened
    args = ["inventory", str(root), "--gwp", "AR5", "--year", "2023", "--out", str(tmp_path / "store")]
    done = CliRunner().invoke(cli.main, [*args, "--json"])
    assert done.exit_code == 0, done.output
    out = json.loads(done.output)
    assert out["folders_of_other_years"] == 1
    assert [(w["year"], w["enterprise"]) for w in out["written"]] == [(2023, "E1")]
    assert out["summary"][0]["total_t_co2e"] == pytest.approx(319.6749)
    again = CliRunner().invoke(cli.main, ["--lang", "vi", *args, "--reason", "chạy lại"])
    assert again.exit_code == 0, again.output
    assert "1 thư mục phân vùng của các năm khác 2023 không được đọc." in again.output
    assert "thư mục phân vùng, 1 bản ghi, 3 dòng kết quả (công cụ local)" in again.output


def test_validate_checks_a_dataset_without_writing(tmp_path: Path) -> None:
    from ghg import cli

    root = tmp_path / "data"
    _write_csv(root / "year=2023" / "enterprise=E1" / "part-0.csv", [diesel(100), diesel(50)])
    _write_csv(root / "year=2023" / "enterprise=E2" / "part-0.csv", [electricity(1000)])
    done = CliRunner().invoke(cli.main, ["validate", str(root)])
    assert done.exit_code == 0 and "3 record(s) in 2 file(s): valid." in done.output
    _write_csv(root / "year=2024" / "enterprise=E2" / "part-0.csv", [{**electricity(10), "unit": "ton"}])
    done = CliRunner().invoke(cli.main, ["validate", str(root), "--json"])
    assert done.exit_code == 1
    (problem,) = json.loads(done.output)["problems"]
    assert problem["file"].endswith("year=2024/enterprise=E2/part-0.csv")
    assert (problem["row"], problem["column"], problem["value"]) == (2, "unit", "ton")
    assert not (tmp_path / "ghg-store").exists()


def test_an_auditor_replays_a_dataset_run(park_local: engine.DatasetResult) -> None:
    from ghg import cli

    out = park_local.store
    (version,) = store.open_snapshot(out).runs
    done = CliRunner().invoke(cli.main, ["audit", "replay", str(version), "--store", str(out), "--json"])
    assert done.exit_code == 0, done.output
    replayed = json.loads(done.output)
    assert replayed["reproduced"] is True
    assert len(replayed["partitions"]) == len(park_local.written)
    assert {p["recomputed"] for p in replayed["partitions"]} == {w.content_hash for w in park_local.written}
