"""Building a factor release of one's own with ``ghg factors new|add|build``, and the units and basis of US
factor sets: US EPA's factors per short ton on a gross (higher heating value) basis reproduce EPA's numbers.

Source: US EPA, 40 CFR Part 98 Subpart C, Table C-1 (bituminous coal: 24.93 mmBtu per short ton, 93.28 kg
CO2/mmBtu) and Table C-2 (coal: 1.1e-2 kg CH4 and 1.6e-3 kg N2O per mmBtu), as in EPA's GHG Emission Factors
Hub. The NCV/GCV ratio 0.95 follows IPCC 2006 Vol. 2 Ch. 1 (1.4.1.2: the net value of coal is about 5 % below
the gross); the emissions do not depend on it (mass x GCV x EF_gross = mass x NCV x EF_net).
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from ghg import cli
from ghg.core import inventory
from ghg.core.factors import DEFAULT_RELEASES, FactorSet

FACTORS = [
    ("epa.c1.bituminous.hhv", "gcv", "", "24.93", "mmBtu/short_ton"),
    ("epa.c1.bituminous.co2", "emission_factor_gross", "CO2", "93.28", "kg CO2/mmBtu"),
    ("epa.c2.coal.ch4", "emission_factor_gross", "CH4", "1.1e-2", "kg CH4/mmBtu"),
    ("epa.c2.coal.n2o", "emission_factor_gross", "N2O", "1.6e-3", "kg N2O/mmBtu"),
    ("ipcc.ncv_gcv.coal", "ncv_gcv_ratio", "", "0.95", "dimensionless"),
]


def _table(path: Path, rows: list[tuple[str, ...]], activity: str = "bituminous_coal_us") -> Path:
    frame = pd.DataFrame(
        [
            {
                "factor_id": fid,
                "parameter": parameter,
                "activity": activity,
                "ipcc_category": "",
                "technology": "",
                "year": "",
                "gas": gas,
                "value": value,
                "unit": unit,
                "lower": "",
                "upper": "",
                "source_id": "ipcc-v2-ch1" if fid.startswith("ipcc") else "epa-98c",
                "reference": "",
                "status": "published",
                "note": "",
            }
            for fid, parameter, gas, value, unit in rows
        ]
    )
    frame.to_csv(path, index=False)
    return path


def _activities(path: Path) -> Path:
    row = {"activity": "bituminous_coal_us", "name": "Bituminous coal (US EPA)", "name_vi": "Than bitum (US EPA)"}
    pd.DataFrame([{**row, "state": "solid", "biomass": "false"}]).to_csv(path, index=False)
    return path


def _new(runner: CliRunner, folder: Path, release_id: str = "epa-hub-coal") -> None:
    res = runner.invoke(
        cli.main,
        [
            *("factors", "new", str(folder), "--id", release_id, "--title", "US EPA coal factors (HHV)"),
            *("--publisher", "US EPA", "--tier", "default", "--valid-from", "2010", "--valid-to", "2030"),
            *(
                "--source",
                "epa-98c=40 CFR 98 Subpart C, Tables C-1 and C-2|https://www.ecfr.gov/current/title-40/part-98",
            ),
            *("--source", "ipcc-v2-ch1=IPCC 2006 Guidelines Vol. 2 Ch. 1, 1.4.1.2"),
        ],
    )
    assert res.exit_code == 0, res.output


def test_a_release_is_built_from_csv_tables_and_reproduces_epa_per_short_ton(tmp_path: Path) -> None:
    runner = CliRunner()
    folder = tmp_path / "epa-hub-coal"
    _new(runner, folder)
    res = runner.invoke(cli.main, ["factors", "add", str(folder), str(_activities(tmp_path / "acts.csv"))])
    assert res.exit_code == 0, res.output
    res = runner.invoke(cli.main, ["factors", "add", str(folder), str(_table(tmp_path / "rows.csv", FACTORS))])
    assert res.exit_code == 0 and "5 row(s)" in res.output, res.output
    res = runner.invoke(cli.main, ["factors", "build", str(folder), "--json"])
    assert res.exit_code == 0, res.output
    built = json.loads(res.output)
    assert built["release"] == "epa-hub-coal" and set(built["files"]) == {"activities.csv", "factors.csv"}
    record = {"enterprise": "E1", "facility": "boiler", "year": 2023, "source_category": "stationary_combustion"}
    record |= {"ipcc_category": "1.A.2", "activity": "bituminous_coal_us", "quantity": 1000, "unit": "short_ton"}
    pd.DataFrame([record]).to_csv(tmp_path / "coal.csv", index=False)
    result = inventory.run([tmp_path / "coal.csv"], "AR5", FactorSet.load([*DEFAULT_RELEASES, str(folder)]))
    mass = result.lines.set_index("gas")["mass_t"]
    # 1,000 short tons x 24.93 mmBtu/short ton = 24,930 mmBtu; x 93.28 kg CO2/mmBtu = 2,325,470.4 kg CO2 (EPA's
    # 2,325 kg CO2 per short ton); x 0.011 kg CH4 = 274.23 kg; x 0.0016 kg N2O = 39.888 kg
    assert mass["CO2"] == pytest.approx(2_325.4704, rel=1e-9)
    assert mass["CH4"] == pytest.approx(0.27423, rel=1e-9)
    assert mass["N2O"] == pytest.approx(0.039888, rel=1e-9)
    line = result.lines[result.lines["gas"] == "CO2"].iloc[0]
    assert line["factor_id"] == "epa.c1.bituminous.co2" and line["factor_release"] == "epa-hub-coal"


def test_every_problem_of_every_row_is_listed_and_nothing_is_added(tmp_path: Path) -> None:
    runner = CliRunner()
    folder = tmp_path / "mine"
    _new(runner, folder, "mine")
    bad = [
        ("x.1", "gcv", "", "24.93", "mmBtu/ton"),  # ton is ambiguous
        ("x.1", "emission_factor_gross", "CO2", "-1", "kg CO2/mmBtu"),  # id used twice, negative value
        ("x.3", "emission_factor", "XYZ", "1", "kg CO2/TJ"),  # unknown gas
        ("x.4", "heat_rate", "", "1", "TJ/t"),  # unknown parameter
    ]
    res = runner.invoke(cli.main, ["factors", "add", str(folder), str(_table(tmp_path / "bad.csv", bad)), "--json"])
    assert res.exit_code == 1, res.output
    found = {(p["row"], p["column"], p["code"]) for p in json.loads(res.output)["problems"]}
    assert {
        (2, "unit", "release_unit"),
        (3, "factor_id", "release_duplicate_id"),
        (3, "value", "release_negative"),
    } <= found
    assert {(4, "gas", "release_gas"), (5, "parameter", "vocabulary"), (2, "parameter", "release_no_ratio")} <= found
    assert pd.read_csv(folder / "factors.csv").empty  # nothing added


def test_a_known_release_id_with_other_content_is_refused(tmp_path: Path) -> None:
    runner = CliRunner()
    folder = tmp_path / "grid"
    _new(runner, folder, "vn-grid-2023")
    rows = [("vn.grid.2023", "grid_emission_factor", "CO2", "0.7", "t CO2/MWh")]
    assert (
        runner.invoke(
            cli.main, ["factors", "add", str(folder), str(_table(tmp_path / "g.csv", rows, "grid_electricity"))]
        ).exit_code
        == 0
    )
    res = runner.invoke(cli.main, ["factors", "build", str(folder)])
    assert res.exit_code == 1 and "vn-grid-2023" in res.output


def test_a_new_release_needs_an_empty_folder(tmp_path: Path) -> None:
    runner = CliRunner()
    folder = tmp_path / "taken"
    folder.mkdir()
    (folder / "x.txt").write_text("x")
    args = ["factors", "new", str(folder), "--id", "a", "--title", "t", "--publisher", "p", "--tier", "measured"]
    res = runner.invoke(cli.main, [*args, "--valid-from", "2020", "--valid-to", "2025"])
    assert res.exit_code == 1 and "not empty" in res.output


def test_natural_gas_in_scf_with_epa_factors_per_scf(tmp_path: Path) -> None:
    # 40 CFR 98 Table C-1: natural gas 1.026e-3 mmBtu/scf, 53.06 kg CO2/mmBtu; Table C-2: 1.0e-3 kg CH4 and
    # 1.0e-4 kg N2O per mmBtu. NCV/GCV 0.90 (IPCC 2006 Vol. 2 Ch. 1: about 10 % for natural gas). 1,000,000 scf:
    # 1,026 mmBtu x 53.06 = 54,439.56 kg CO2 (EPA's 0.05444 kg per scf), 1.026 kg CH4, 0.1026 kg N2O.
    runner = CliRunner()
    folder = tmp_path / "epa-hub-gas"
    _new(runner, folder, "epa-hub-gas")
    gas = [
        ("epa.c1.gas.hhv", "gcv", "", "1.026e-3", "mmBtu/scf"),
        ("epa.c1.gas.co2", "emission_factor_gross", "CO2", "53.06", "kg CO2/mmBtu"),
        ("epa.c2.gas.ch4", "emission_factor_gross", "CH4", "1.0e-3", "kg CH4/mmBtu"),
        ("epa.c2.gas.n2o", "emission_factor_gross", "N2O", "1.0e-4", "kg N2O/mmBtu"),
        ("ipcc.ncv_gcv.gas", "ncv_gcv_ratio", "", "0.90", "dimensionless"),
    ]
    acts = tmp_path / "gas-acts.csv"
    row = {"activity": "natural_gas_us", "name": "Natural gas (US EPA)", "name_vi": "Khí tự nhiên (US EPA)"}
    pd.DataFrame([{**row, "state": "gas", "biomass": "false"}]).to_csv(acts, index=False)
    assert runner.invoke(cli.main, ["factors", "add", str(folder), str(acts)]).exit_code == 0
    added = runner.invoke(
        cli.main, ["factors", "add", str(folder), str(_table(tmp_path / "g.csv", gas, "natural_gas_us"))]
    )
    assert added.exit_code == 0, added.output
    assert runner.invoke(cli.main, ["factors", "build", str(folder)]).exit_code == 0
    record = {"enterprise": "E1", "facility": "boiler", "year": 2023, "source_category": "stationary_combustion"}
    record |= {"ipcc_category": "1.A.2", "activity": "natural_gas_us", "quantity": 1_000_000, "unit": "scf"}
    pd.DataFrame([record]).to_csv(tmp_path / "gas.csv", index=False)
    result = inventory.run([tmp_path / "gas.csv"], "AR5", FactorSet.load([*DEFAULT_RELEASES, str(folder)]))
    mass = result.lines.set_index("gas")["mass_t"]
    assert mass["CO2"] == pytest.approx(54.43956, rel=1e-9)
    assert mass["CH4"] == pytest.approx(1.026e-3, rel=1e-9)
    assert mass["N2O"] == pytest.approx(1.026e-4, rel=1e-9)


def test_one_command_from_csv_tables_to_a_release(tmp_path: Path) -> None:
    runner = CliRunner()
    folder = tmp_path / "epa-in-one"
    args = ["factors", "new", str(folder), "--id", "epa-in-one", "--title", "US EPA coal factors (HHV)"]
    args += ["--publisher", "US EPA", "--tier", "default", "--valid-from", "2010", "--valid-to", "2030"]
    args += ["--source", "epa-98c=40 CFR 98 Subpart C", "--source", "ipcc-v2-ch1=IPCC 2006 Vol. 2 Ch. 1"]
    tables = ["--table", str(_activities(tmp_path / "a.csv")), "--table", str(_table(tmp_path / "f.csv", FACTORS))]
    res = runner.invoke(cli.main, [*args, *tables, "--json"])
    assert res.exit_code == 0, res.output
    assert set(json.loads(res.output)["files"]) == {"activities.csv", "factors.csv"}
    assert FactorSet.load([*DEFAULT_RELEASES, str(folder)]).resolve("ncv", "bituminous_coal_us") is not None
    # a table with a problem: every problem listed, and no half-made release left behind
    bad = _table(tmp_path / "bad.csv", [("x.1", "gcv", "", "24.93", "mmBtu/ton")])
    res = runner.invoke(cli.main, [*args[:2], str(tmp_path / "other"), *args[3:], "--table", str(bad)])
    assert res.exit_code == 1 and "row 2" in res.output and not (tmp_path / "other").exists()
