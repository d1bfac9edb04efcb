"""Batches: results do not depend on how a file is cut; problems and duplicates are found across batches."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from ghg.core import inventory
from ghg.core.errors import InputError
from ghg.core.factors import FactorSet

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
