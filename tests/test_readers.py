"""Readers from outside: the one-liners of the documentation (docs/store.md) read the latest lines of the
store with DuckDB, polars and pandas, and their totals equal what ``ghg park`` consolidates."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from ghg import cli

from .conftest import PARK

#: The latest revision of every (year, enterprise): the filter each one-liner applies (docs/store.md,
#: "Reading the store from outside").
LATEST_SQL = "SELECT * FROM delta_scan('{lines}') QUALIFY revision = max(revision) OVER (PARTITION BY year, enterprise)"


@pytest.fixture(scope="module")
def park_totals(park_store: Path) -> pd.DataFrame:
    """Scope 1 and Scope 2 (location-based, members) per year, as ``ghg park --json`` consolidates them."""
    res = CliRunner().invoke(
        cli.main, ["park", "--store", str(park_store), "--registry", str(PARK / "registry.csv"), "--json"]
    )
    assert res.exit_code == 0, res.output
    document = json.loads(res.output)
    assert document["not_members"] == []  # every enterprise of the lines is a member: nothing left out
    frame = pd.DataFrame(document["consolidated"]).set_index("year")
    return frame[["scope_1_t_co2e", "scope_2_location_members_t_co2e"]]


def _by_year(lines: pd.DataFrame) -> pd.DataFrame:
    wide = lines[lines["scope"].isin(["scope_1", "scope_2"])].pivot_table(
        index="year", columns="scope", values="co2e_t", aggfunc="sum"
    )
    wide.columns = ["scope_1_t_co2e", "scope_2_location_members_t_co2e"]
    wide.index = wide.index.astype(int)
    return wide


def _same(a: pd.DataFrame, b: pd.DataFrame) -> None:
    pd.testing.assert_frame_equal(a.sort_index(), b.sort_index(), check_names=False, rtol=1e-12, check_dtype=False)


def test_duckdb_reads_the_latest_lines(park_store: Path, park_totals: pd.DataFrame) -> None:
    duckdb = pytest.importorskip("duckdb")
    import duckdb_ext  # the delta extension from its wheel: DuckDB cannot download it on this machine

    con = duckdb.connect(config={"extension_directory": str(Path(next(iter(duckdb_ext.__path__))) / "extensions")})
    lines = con.sql(LATEST_SQL.format(lines=park_store / "lines")).df()
    _same(_by_year(lines), park_totals)


def test_polars_reads_the_latest_lines(park_store: Path, park_totals: pd.DataFrame) -> None:
    pl = pytest.importorskip("polars")
    lines = pl.read_delta(str(park_store / "lines")).filter(
        pl.col("revision") == pl.col("revision").max().over("year", "enterprise")
    )
    _same(_by_year(lines.to_pandas()), park_totals)


def test_pandas_reads_the_latest_lines(park_store: Path, park_totals: pd.DataFrame) -> None:
    from deltalake import DeltaTable

    df = DeltaTable(park_store / "lines").to_pandas()
    lines = df[df.revision == df.groupby(["year", "enterprise"]).revision.transform("max")]
    _same(_by_year(lines), park_totals)


def test_the_one_liners_leave_superseded_revisions_out(tmp_path: Path) -> None:
    from deltalake import DeltaTable

    from .conftest import EXAMPLE

    out = tmp_path / "store"
    corrected = tmp_path / "activity.csv"
    corrected.write_text(EXAMPLE.read_text(encoding="utf-8").replace(",4200,t,", ",4300,t,", 1), encoding="utf-8")
    runner = CliRunner()
    assert runner.invoke(cli.main, ["inventory", str(EXAMPLE), "--gwp", "AR5", "--out", str(out)]).exit_code == 0
    args = ["inventory", str(corrected), "--gwp", "AR5", "--out", str(out), "--reason", "coal 4,300 t"]
    assert runner.invoke(cli.main, args).exit_code == 0
    df = DeltaTable(out / "lines").to_pandas()
    assert set(df["revision"]) == {1, 2}
    lines = df[df.revision == df.groupby(["year", "enterprise"]).revision.transform("max")]
    assert set(lines["revision"]) == {2} and len(lines) == len(df) // 2
    coal = lines[(lines["year"] == 2023) & (lines["activity"] == "other_bituminous_coal")]
    assert set(coal["quantity"]) == {4300.0}
