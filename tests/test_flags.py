"""Inputs flagged, not refused: overlapping periods of one source and a source dropped by a rerun are named
with file, row and column by ``ghg validate`` and ``ghg inventory``, kept with the run, and listed by
``ghg check`` for a person to acknowledge (QC12, QC13)."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd
from click.testing import CliRunner

from ghg import cli, store
from ghg.core import flags

HEADER = "enterprise,facility,year,period,source_category,ipcc_category,activity,quantity,unit,evidence\n"
ROW = "E1,F1,2023,{period},stationary_combustion,1.A.2,{activity},{q},t,{evidence}\n"
REGISTRY = "enterprise,facility,name,sector,ipcc_categories,member_from,member_to,on_national_list\n"


def _file(tmp_path: Path, name: str, rows: list[tuple[str, str, float, str]]) -> Path:
    path = tmp_path / name
    body = "".join(ROW.format(period=p, activity=a, q=q, evidence=e) for p, a, q, e in rows)
    path.write_text(HEADER + body, encoding="utf-8")
    return path


def test_periods_cover_their_months() -> None:
    assert flags.months("2023") == flags.months("") == frozenset(range(1, 13))
    assert flags.months("2023-Q2") == {4, 5, 6} and flags.months("2023-H2") == set(range(7, 13))
    assert flags.months("2023-11") == {11}


def test_overlapping_periods_are_warned_about_not_refused(tmp_path: Path) -> None:
    path = _file(
        tmp_path,
        "diesel.csv",
        [
            ("", "gas_diesel_oil", 12, "whole year"),
            ("2023-Q1", "gas_diesel_oil", 3, "first quarter"),  # inside the whole year
            ("2023-01", "gas_diesel_oil", 1, "January invoice 1"),
            ("2023-01", "gas_diesel_oil", 1, "January invoice 2"),  # the same month twice: two invoices, no overlap
            ("2023-02", "lpg", 1, "another source"),
        ],
    )
    runner = CliRunner()
    res = runner.invoke(cli.main, ["validate", str(path), "--json"])
    assert res.exit_code == 0
    found = [(w["row"], w["column"], w["value"], w["code"]) for w in json.loads(res.output)["warnings"]]
    assert found == [(3, "period", "2023-Q1", "overlapping_periods"), (4, "period", "2023-01", "overlapping_periods")]
    res = runner.invoke(cli.main, ["--lang", "vi", "validate", str(path)])
    assert "kỳ này trùng với kỳ 2023 của cùng nguồn (hàng 2)" in res.output
    out = tmp_path / "store"
    res = runner.invoke(cli.main, ["inventory", str(path), "--gwp", "AR5", "--out", str(out)])
    assert res.exit_code == 0 and "2 warning(s): nothing was refused" in res.output
    (run,) = store.open_snapshot(out).runs.values()
    assert [w["code"] for w in run["warnings"]] == ["overlapping_periods"] * 2  # kept with the run
    registry = tmp_path / "registry.csv"
    registry.write_text(REGISTRY + "E1,F1,Plant,chemicals,1.A.2,2020,,no\n", encoding="utf-8")
    res = runner.invoke(cli.main, ["check", "--store", str(out), "--registry", str(registry), "--json"])
    qc13 = [f for f in json.loads(res.output)["findings"] if f["code"] == "QC13"]
    assert [(f["severity"], f["rows"]) for f in qc13] == [
        ("warning", "diesel.csv:3, diesel.csv:2"),
        ("warning", "diesel.csv:4, diesel.csv:2"),
    ]


def test_a_source_dropped_by_a_rerun_is_warned_about(tmp_path: Path) -> None:
    first = _file(tmp_path, "all.csv", [("", "gas_diesel_oil", 12, "diesel"), ("", "lpg", 3, "lpg")])
    rerun = _file(tmp_path, "diesel-only.csv", [("", "gas_diesel_oil", 12.5, "diesel corrected")])
    out = tmp_path / "store"
    runner = CliRunner()
    assert runner.invoke(cli.main, ["inventory", str(first), "--gwp", "AR5", "--out", str(out)]).exit_code == 0
    args = ["inventory", str(rerun), "--gwp", "AR5", "--out", str(out), "--reason", "diesel corrected", "--json"]
    res = runner.invoke(cli.main, args)
    assert res.exit_code == 0, res.output
    (warning,) = json.loads(res.output)["warnings"]
    assert (warning["code"], warning["column"], warning["value"]) == ("dropped_source", "activity", "lpg")
    assert "is not in the new revision" in warning["message"]
    registry = tmp_path / "registry.csv"
    registry.write_text(REGISTRY + "E1,F1,Plant,chemicals,1.A.2,2020,,no\n", encoding="utf-8")
    res = runner.invoke(cli.main, ["check", "--store", str(out), "--registry", str(registry), "--json"])
    (qc12,) = [f for f in json.loads(res.output)["findings"] if f["code"] == "QC12"]
    assert (qc12["severity"], qc12["key"]) == ("warning", "stationary_combustion/lpg")
    res = runner.invoke(cli.main, ["--lang", "vi", "check", "--store", str(out), "--registry", str(registry)])
    assert "không có trong phiên bản thay thế" in res.output


def test_a_measured_value_far_from_every_published_one_is_flagged_or_refused(tmp_path: Path) -> None:
    """Other bituminous coal: IPCC 2006 Vol. 2 Table 1.2 gives NCV 25.8 TJ/Gg, 95 % limits 19.9-30.5 TJ/Gg.
    A measured 40 GJ/t (0.040 TJ/t > 30.5 x 1.25 = 38.1 GJ/t) is flagged; 0.258 GJ/t (25.8 read as MJ/kg x 1000
    too small: below 19.9 / 10 = 1.99 GJ/t) is refused; 25.8 GJ/t passes."""
    head = "enterprise,facility,year,source_category,ipcc_category,activity,quantity,unit,ncv,ncv_unit,evidence\n"
    row = "E1,F1,2023,stationary_combustion,1.A.2,other_bituminous_coal,100,t,{ncv},GJ/t,lab {n}\n"
    path = tmp_path / "coal.csv"
    path.write_text(head + row.format(ncv="25.8", n=1) + row.format(ncv="40.0", n=2), encoding="utf-8")
    res = CliRunner().invoke(cli.main, ["validate", str(path), "--json"])
    assert res.exit_code == 0
    (warning,) = json.loads(res.output)["warnings"]
    assert (warning["row"], warning["column"], warning["code"]) == (3, "ncv", "unusual")
    assert "outside the published range (0.0199 to 0.0305 TJ/t)" in warning["message"]
    path.write_text(head + row.format(ncv="0.258", n=1), encoding="utf-8")
    res = CliRunner().invoke(cli.main, ["--lang", "vi", "validate", str(path)])
    assert res.exit_code == 1 and "lệch hơn mười lần so với mọi giá trị đã công bố" in res.output


def test_source_periods_kept_as_codes_warn_as_the_whole_table_would() -> None:
    """:class:`flags.SourcePeriods` keeps only integer codes of the distinct (source, period) pairs; fed 3,000
    random records in batches of 250 from two files, with categories and codes as each batch encodes them, it
    gives exactly the warnings :func:`flags.overlapping_periods` gives for the whole table of records."""
    rng = np.random.default_rng(7)
    n = 3000
    periods = ["2023", "2023-Q1", "2023-Q2", "2023-01", "2023-02", "2023-05", "2023-H2", ""]
    frame = pd.DataFrame(
        {
            "enterprise": rng.choice(["E1", "E2"], n),
            "facility": rng.choice(["F1", "F2", "F3"], n),
            "source_category": "stationary_combustion",
            "activity": rng.choice(["diesel", "anthracite", "lpg"], n),
            "technology": "",
            "supplier": rng.choice(["", "S1"], n),
            "year": rng.choice([2023, 2024], n),
            "period": rng.choice(periods, n, p=[0.02, 0.02, 0.02, 0.3, 0.3, 0.3, 0.02, 0.02]),
            "file": np.where(np.arange(n) < 1700, "a.csv", "b.csv"),
            "row": np.where(np.arange(n) < 1700, np.arange(n), np.arange(n) - 1700) + 2,
        }
    )
    kept = flags.SourcePeriods()
    for start in range(0, n, 250):
        for name, part in frame.iloc[start : start + 250].groupby("file", sort=False):
            text = {}
            for column in [k for k in flags.SOURCE_KEY if k != "year"] + ["period"]:
                categories, codes = np.unique(part[column].to_numpy(dtype=str), return_inverse=True)
                codes = np.where(part[column].to_numpy() == "", -1, codes)  # a missing text is code -1
                text[column] = (categories, codes)
            kept.add(text, part["year"].to_numpy(), part["row"].to_numpy(), str(name))
    expected = flags.overlapping_periods(frame)
    assert expected  # the data has overlaps to find
    assert [p.__dict__ for p in kept.warnings()] == [p.__dict__ for p in expected]
