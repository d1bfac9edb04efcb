"""The park: registry, transfer ledger, consolidation without double counting, thresholds, checks, Form 06.

Hand-built park (AR5, 2023 grid factor 0.6592 t CO2/MWh; IPCC/national factors as in test_calculation):
- ACID sells 10,000 t of steam (waste heat, supplier factor 0.2 t CO2/t for the test) and 1,000 MWh of
  power to FERT; FERT also buys 2,000 MWh from the grid;
- FURN's off-gas (1,000,000 Nm3 at 0.4685 kg C/Nm3) is burnt by FERT.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from ghg import cli, park, store
from ghg.core import inventory
from ghg.core.errors import InputError
from ghg.core.factors import DEFAULT_RELEASES, FactorSet
from ghg.park import checks, form06

from .conftest import ROOT, record

#: a record of an enterprise the registry does not know
STRANGER = record(
    enterprise="NOBODY",
    facility="site",
    source_category="stationary_combustion",
    ipcc_category="1.A.2",
    activity="lpg",
    quantity=1,
    unit="t",
)
GAS_RELEASE = ROOT / "examples" / "tang-loong" / "factors" / "park-furnace-gas-2026"


def _csv(path: Path, header: list[str], rows: list[list[object]]) -> Path:
    path.write_text("\n".join(",".join(map(str, r)) for r in [header, *rows]) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def registry(tmp_path: Path) -> park.Registry:
    rows = [
        ["ACID", "site", "Acid plant", "chemicals", "1.A.2", 2020, "", "yes"],
        ["FERT", "site", "Fertiliser plant", "fertiliser", "1.A.2", 2020, "", "no"],
        ["FURN", "site", "P4 furnace", "yellow_phosphorus", "2.B.10", 2020, "", "yes"],
    ]
    return park.load_registry(_csv(tmp_path / "registry.csv", park.REGISTRY_COLUMNS, rows))


@pytest.fixture
def factors() -> FactorSet:
    return FactorSet.load([*DEFAULT_RELEASES, str(GAS_RELEASE)])


def park_records(fert_gas_nm3: float = 1_000_000) -> list[dict[str, object]]:
    elec = {"source_category": "purchased_electricity", "activity": "grid_electricity", "unit": "MWh"}
    return [
        record(
            enterprise="ACID",
            facility="site",
            source_category="stationary_combustion",
            ipcc_category="1.A.2",
            activity="gas_diesel_oil",
            quantity=100,
            unit="t",
            evidence="start-up burners",
        ),
        record(enterprise="FERT", facility="site", quantity=2000, evidence="EVN", **elec),
        record(enterprise="FERT", facility="site", quantity=1000, supplier="ACID", evidence="direct line", **elec),
        record(
            enterprise="FERT",
            facility="site",
            source_category="purchased_heat",
            activity="steam",
            quantity=10000,
            unit="t",
            supplier="ACID",
            supplier_factor=0.2,
            supplier_factor_unit="t CO2/t",
            steam_enthalpy=2777,
            steam_enthalpy_unit="kJ/kg",
            evidence="steam meter",
        ),
        record(
            enterprise="FERT",
            facility="site",
            source_category="stationary_combustion",
            ipcc_category="1.A.2",
            activity="p4_furnace_gas",
            quantity=fert_gas_nm3,
            unit="Nm3",
            ncv=11.05,
            ncv_unit="MJ/Nm3",
            supplier="FURN",
            evidence="gas meter",
        ),
        record(
            enterprise="FURN",
            facility="site",
            source_category="process",
            ipcc_category="2.B.10",
            activity="coke_oven_coke",
            quantity=1000,
            unit="t",
            balance="f1",
            direction="in",
            evidence="coke",
        ),
        record(
            enterprise="FURN",
            facility="site",
            source_category="process",
            ipcc_category="2.B.10",
            activity="off_gas",
            quantity=1_000_000,
            unit="Nm3",
            balance="f1",
            direction="out",
            carbon_content=0.4685,
            carbon_content_unit="kg C/Nm3",
            evidence="gas meter",
        ),
    ]


@pytest.fixture
def lines(write_csv: Callable[..., Path], factors: FactorSet) -> pd.DataFrame:
    return inventory.run([write_csv(park_records())], "AR5", factors).lines


def ledger(tmp_path: Path, registry: park.Registry, steam: float = 10000) -> pd.DataFrame:
    rows = [
        ["ACID", "FERT", "steam", 2023, steam, "t", "invoices"],
        ["ACID", "FERT", "electricity", 2023, 1000, "MWh", "invoices"],
        ["FURN", "FERT", "carbon_gas", 2023, 1_000_000, "Nm3", "gas meter"],
    ]
    return park.load_transfers(_csv(tmp_path / "transfers.csv", park.TRANSFER_COLUMNS, rows), registry)


def test_consolidated_total_counts_transfers_once(lines: pd.DataFrame, registry: park.Registry, tmp_path: Path) -> None:
    result = park.consolidate(lines, registry, ledger(tmp_path, registry))
    row = result.consolidated.iloc[0]
    # members' Scope 2 (location): grid 2,000 + direct line 1,000 MWh at 0.6592 = 1,977.6 t;
    # steam 10,000 t x 0.2 = 2,000 t
    assert row["scope_2_location_members_t_co2e"] == pytest.approx(3000 * 0.6592 + 2000)
    # internal supply (bought from members): 1,000 MWh x 0.6592 = 659.2 t + steam 2,000 t = 2,659.2 t
    assert row["internal_supply_location_t_co2e"] == pytest.approx(659.2 + 2000)
    # consolidated = members' Scope 1 + Scope 2 - internal = Scope 1 + 2,000 x 0.6592 (the grid purchase only)
    assert row["consolidated_location_t_co2e"] == pytest.approx(row["scope_1_t_co2e"] + 1318.4)
    # the furnace gas is counted once already: its carbon leaves FURN's balance and is burnt in FERT's Scope 1
    furn = lines[lines["enterprise"] == "FURN"]["co2e_t"].sum()
    # (1,000 t coke x 0.83 t C/t - 1,000,000 Nm3 x 0.4685 kg C/Nm3) x 44/12 = (830 - 468.5) x 44/12 = 1,325.5 t
    assert furn == pytest.approx((830 - 468.5) * 44 / 12)
    assert result.transfers["agrees"].all()


def test_mismatched_transfer_sides_are_reported(lines: pd.DataFrame, registry: park.Registry, tmp_path: Path) -> None:
    result = park.consolidate(lines, registry, ledger(tmp_path, registry, steam=12000))
    steam = result.transfers[result.transfers["carrier"] == "steam"].iloc[0]
    assert not steam["agrees"] and steam["difference"] == pytest.approx(-2000)
    findings = checks.run_checks(lines, registry, ledger(tmp_path, registry, steam=12000))
    assert (findings["code"] == "QC06").sum() == 1


def test_ledger_refuses_non_members(tmp_path: Path, registry: park.Registry) -> None:
    path = _csv(
        tmp_path / "t.csv",
        park.TRANSFER_COLUMNS,
        [["ACID", "OTHER", "steam", 2023, 5, "t", "x"], ["ACID", "FERT", "steam", 2023, 5, "MWh", "x"]],
    )
    with pytest.raises(InputError) as info:
        park.load_transfers(path, registry)
    assert {(p.row, p.column, p.code) for p in info.value.problems} == {
        (2, "buyer", "not_member"),
        (3, "unit", "unit_kind"),
    }


def test_moit_threshold_not_the_physical_toe(
    write_csv: Callable[..., Path], factor_set: FactorSet, registry: park.Registry
) -> None:
    def elec(gwh: float) -> pd.DataFrame:
        return inventory.run(
            [
                write_csv(
                    [
                        record(
                            enterprise="FERT",
                            facility="site",
                            source_category="purchased_electricity",
                            activity="grid_electricity",
                            quantity=gwh,
                            unit="GWh",
                        )
                    ]
                )
            ],
            "AR5",
            factor_set,
        ).lines

    # 6.48 GWh x 0.0001543 TOE/kWh = 999.864 TOE: below 1,000; the physical 11.63 MWh/TOE would give 557 TOE
    below = park.thresholds(elec(6.48), registry).iloc[0]
    assert below["toe"] == pytest.approx(999.864) and not below["decree_06_by_toe"]
    # 6.50 GWh = 1,002.95 TOE >= 1,000 (and 6,500 MWh x 0.6592 = 4,284.8 t >= 3,000 t CO2e)
    above = park.thresholds(elec(6.50), registry).iloc[0]
    assert above["decree_06_by_toe"] and above["decree_06_by_co2e"] and above["decision_896_reduce_by_2030"]


def test_every_kind_of_finding(
    write_csv: Callable[..., Path],
    factors: FactorSet,
    registry: park.Registry,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    base = [
        *park_records(),
        record(
            enterprise="ACID",
            facility="site",
            source_category="purchased_electricity",
            activity="grid_electricity",
            quantity=500,
            unit="MWh",
            evidence="EVN",
        ),
    ]
    y2022 = [{**r, "year": 2022} for r in base]
    y2023 = [r for r in base if r["activity"] != "gas_diesel_oil"]  # QC01: ACID's diesel missing in 2023
    y2023[0] = {**y2023[0], "quantity": 10000}  # QC03: FERT's grid 2,000 + 1,000 -> 10,000 + 1,000 MWh (x3.7)
    monthly = [
        record(
            enterprise="FERT",
            facility="site",
            source_category="stationary_combustion",
            ipcc_category="1.A.2",
            activity="lpg",
            quantity=1,
            unit="t",
            period=f"2023-{m:02d}",
            evidence=f"m{m}",
        )
        for m in range(1, 12)
    ]  # QC02: December missing
    stranger = [STRANGER]  # QC09
    production = [
        record(enterprise="FURN", facility="site", source_category="production", activity="P4", quantity=1000, unit="t")
    ]  # QC04: 1,325.5 t CO2e / 1,000 t = 1.3 < 8
    result = inventory.run([write_csv(y2022 + y2023 + monthly + stranger + production)], "AR5", factors)
    findings = checks.run_checks(result.lines, registry, ledger(tmp_path, registry), result.intensities)
    codes = set(findings["code"])
    assert {"QC01", "QC02", "QC03", "QC04", "QC07", "QC08", "QC09", "QC10"} <= codes
    qc02 = findings[findings["code"] == "QC02"].iloc[0]
    assert "12" in qc02["message"] and qc02["severity"] == "warning"
    assert findings[findings["code"] == "QC09"].iloc[0]["severity"] == "error"
    # QC05 guards the consolidation itself: a wrong consolidated total is an error
    real = park.consolidate

    def broken(*args: object, **kwargs: object) -> park.ParkResult:
        out = real(*args, **kwargs)  # type: ignore[arg-type]
        out.consolidated["consolidated_location_t_co2e"] += 1.0
        return out

    monkeypatch.setattr(park, "consolidate", broken)
    assert "QC05" in set(checks.run_checks(result.lines, registry)["code"])


def test_base_year_restatement_and_acknowledgements(
    write_csv: Callable[..., Path], factors: FactorSet, registry: park.Registry, tmp_path: Path
) -> None:
    meta = {"created": "t", "gwp_set": "AR5"}
    first = inventory.run([write_csv(park_records())], "AR5", factors)
    store.write(tmp_path / "s", first.lines, meta)
    corrected = inventory.run([write_csv(park_records(fert_gas_nm3=1_500_000))], "AR5", factors)  # +50% gas
    store.write(tmp_path / "s", corrected.lines, meta, reason="corrected gas meter reading")
    history = store.read_lines(tmp_path / "s", revision="all")
    findings = checks.run_checks(store.read_lines(tmp_path / "s"), registry, base_year_revisions=history)
    qc11 = findings[findings["code"] == "QC11"]
    assert list(qc11["enterprise"]) == ["FERT"] and "revisions 1 -> 2" in qc11.iloc[0]["message"]
    acks = _csv(
        tmp_path / "acks.csv",
        checks.ACK_COLUMNS,
        [["QC11", "FERT", "", 2023, "base_year", "gas meter recalibrated", "auditor", "2026-11-28"]],
    )
    marked = checks.acknowledge(findings, acks)
    assert marked.loc[marked["code"] == "QC11", "acknowledged"].all()


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_form06_both_languages(lines: pd.DataFrame, registry: park.Registry, tmp_path: Path, lang: str) -> None:
    document = form06.build(lines, registry, "FERT", "site", [2022, 2023], None, [], lang)
    assert document["part_I_facility"]["name"] == "Fertiliser plant"  # type: ignore[index]
    title = document["part_III_results"]["title"]  # type: ignore[index]
    assert title.startswith("Phần III" if lang == "vi" else "Part III")
    assert document["part_II_operations"]["operations"] == (
        "[cơ sở điền]"
        if lang == "vi"  # type: ignore[index]
        else "[to be completed by the facility]"
    )
    results = document["part_III_results"]["results"]  # type: ignore[index]
    assert results[1]["scope_2_location_t_co2e"] == pytest.approx(3000 * 0.6592 + 2000)
    xlsx = form06.write_xlsx(document, tmp_path / f"form06-{lang}.xlsx")
    js = form06.write_json(document, tmp_path / f"form06-{lang}.json")
    assert xlsx.stat().st_size > 0 and json.loads(js.read_text())["form"] == "06"
    from openpyxl import load_workbook

    cells = {str(v) for ws in load_workbook(xlsx).worksheets for row in ws.iter_rows(values_only=True) for v in row}
    if lang == "vi":  # labels, column headings and categories in Vietnamese, not the JSON's keys
        assert {"phương pháp và hệ số phát thải", "số liệu hoạt động", "loại nguồn", "điện mua vào"} <= cells
        assert not cells & {"methods_and_factors", "activity_data", "source_category", "purchased_electricity"}


def test_park_commands(write_csv: Callable[..., Path], registry: park.Registry, tmp_path: Path) -> None:
    activity = write_csv(park_records())
    runner = CliRunner()
    out = tmp_path / "store"
    res = runner.invoke(
        cli.main, ["inventory", str(activity), "--gwp", "AR5", "--out", str(out), "--extra-factors", str(GAS_RELEASE)]
    )
    assert res.exit_code == 0, res.output
    transfers = _csv(tmp_path / "t.csv", park.TRANSFER_COLUMNS, [["ACID", "FERT", "steam", 2023, 10000, "t", "x"]])
    common = ["--store", str(out), "--registry", str(registry.path), "--transfers", str(transfers)]
    res = runner.invoke(cli.main, ["park", *common, "--json"])
    assert res.exit_code == 0, res.output
    payload = json.loads(res.output)
    assert payload["consolidated"][0]["internal_supply_location_t_co2e"] == pytest.approx(2659.2)
    built = [(r["enterprise"], r["year"], r["revision"], r["status"]) for r in payload["revisions"]]
    assert built == [("ACID", 2023, 1, "draft"), ("FERT", 2023, 1, "draft"), ("FURN", 2023, 1, "draft")]
    refused = runner.invoke(cli.main, ["park", *common, "--min-status", "submitted"])
    assert refused.exit_code == 1 and "no revision" in refused.output and "submitted" in refused.output
    status = ["store", "status", "--store", str(out), "--year", "2023", "--revision", "1", "--by", "EZMB"]
    assert runner.invoke(cli.main, [*status, "--enterprise", "ACID", "--set", "submitted"]).exit_code == 0
    res = runner.invoke(cli.main, ["park", *common, "--min-status", "submitted", "--json"])
    assert [(r["enterprise"], r["status"]) for r in json.loads(res.output)["revisions"]] == [("ACID", "submitted")]
    shown = runner.invoke(cli.main, ["park", *common, "--lang", "vi"])
    assert "Tổng hợp từ 3 phiên bản" in shown.output and "đã nộp" in shown.output
    res = runner.invoke(cli.main, ["check", *common])
    assert res.exit_code == 0, res.output  # warnings and info only
    res = runner.invoke(
        cli.main,
        [
            "report",
            "form06",
            *common,
            "--facility",
            "FERT/site",
            "--period",
            "2022-2023",
            "--out",
            str(tmp_path / "f06.xlsx"),
            "--lang",
            "vi",
        ],
    )
    assert res.exit_code == 0, res.output
    assert (tmp_path / "f06.xlsx").exists() and (tmp_path / "f06.json").exists()
    stranger = write_csv([STRANGER])
    runner.invoke(cli.main, ["inventory", str(stranger), "--gwp", "AR5", "--out", str(out)])
    res = runner.invoke(cli.main, ["check", *common])
    assert res.exit_code == 1 and "QC09" in res.output


def test_a_facility_missing_from_the_registry_is_refused(
    write_csv: Callable[..., Path], factor_set: FactorSet, registry: park.Registry
) -> None:
    lines = inventory.run(
        [
            write_csv(
                [
                    record(
                        enterprise="FERT",
                        facility="new-kiln",
                        source_category="stationary_combustion",
                        ipcc_category="1.A.2",
                        activity="lpg",
                        quantity=1,
                        unit="t",
                    )
                ]
            )
        ],
        "AR5",
        factor_set,
    ).lines
    result = park.consolidate(lines, registry)
    assert result.lines.empty and list(result.not_members["facility"]) == ["new-kiln"]
    findings = checks.run_checks(lines, registry)
    assert findings.loc[findings["code"] == "QC09", "message"].iloc[0].startswith("FERT/new-kiln is not a member")


def test_internal_supply_is_the_contract_for_both_scope_2_methods(
    write_csv: Callable[..., Path], registry: park.Registry, factors: FactorSet, tmp_path: Path
) -> None:
    """FERT buys 10,000 MWh from the grid and 5,000 MWh from ACID under a supplier-specific contract at
    0.8 t CO2/MWh (grid 2023: 0.6592 t CO2/MWh, MOIT/MONRE; AR5, CO2 GWP 1).

    Location-based: FERT 15,000 x 0.6592 = 9,888 t; internal supply 5,000 x 0.6592 = 3,296 t.
    Market-based (GHG Protocol Scope 2 Guidance): the contract covers the 5,000 MWh from ACID at 0.8 = 4,000 t;
    the 10,000 grid MWh at 0.6592 = 6,592 t; FERT 10,592 t; internal supply exactly the contract, 4,000 t
    (not the grid factor, nor grid MWh).
    """
    elec = {"enterprise": "FERT", "facility": "site", "source_category": "purchased_electricity"}
    rows = [
        record(**elec, activity="grid_electricity", quantity=10000, unit="MWh", evidence="EVN bills"),
        record(**elec, activity="grid_electricity", quantity=5000, unit="MWh", supplier="ACID", evidence="meter"),
        record(
            **elec,
            activity="grid_electricity",
            quantity=5000,
            unit="MWh",
            supplier="ACID",
            evidence="contract",
            instrument="supplier_specific",
            supplier_factor=0.8,
            supplier_factor_unit="t CO2/MWh",
        ),
        record(
            enterprise="ACID",
            facility="site",
            source_category="stationary_combustion",
            ipcc_category="1.A.2",
            activity="gas_diesel_oil",
            quantity=100,
            unit="t",
        ),
    ]
    lines = inventory.run([write_csv(rows)], "AR5", factors).lines
    result = park.consolidate(lines, registry)
    (row,) = result.consolidated.to_dict(orient="records")
    assert row["scope_2_location_members_t_co2e"] == pytest.approx(9888.0)
    assert row["internal_supply_location_t_co2e"] == pytest.approx(3296.0)
    assert row["scope_2_market_members_t_co2e"] == pytest.approx(10592.0)
    assert row["internal_supply_market_t_co2e"] == pytest.approx(4000.0)
    assert row["consolidated_location_t_co2e"] == pytest.approx(row["scope_1_t_co2e"] + 9888.0 - 3296.0)
    assert row["consolidated_market_t_co2e"] == pytest.approx(row["scope_1_t_co2e"] + 10592.0 - 4000.0)
    market = lines[(lines["scope"] == "scope_2_market") & (lines["supplier"] == "ACID")]
    assert sorted(market["co2e_t"]) == pytest.approx([0.0, 4000.0])  # the metered supply is covered by the contract
    assert any(note.startswith("100.0% covered by the contract with ACID") for note in market["note"])


def test_a_supplier_factor_on_electricity_needs_an_instrument(
    write_csv: Callable[..., Path], factors: FactorSet
) -> None:
    row = record(
        enterprise="FERT",
        facility="site",
        source_category="purchased_electricity",
        activity="grid_electricity",
        quantity=5000,
        unit="MWh",
        supplier="ACID",
        supplier_factor=0.8,
        supplier_factor_unit="t CO2/MWh",
    )
    with pytest.raises(InputError) as caught:
        inventory.check([write_csv([row])], factors)
    (problem,) = caught.value.problems
    assert (problem.row, problem.column, problem.value) == (2, "supplier_factor", "0.8")
    assert "add instrument supplier_specific (or ppa)" in problem.render("en")
    assert "hãy ghi instrument là supplier_specific" in problem.render("vi")


def test_years_and_enterprises_filter_after_the_transfers_are_reconciled(
    lines: pd.DataFrame, registry: park.Registry, tmp_path: Path
) -> None:
    transfers = ledger(tmp_path, registry)
    whole = park.consolidate(lines, registry, transfers)
    assert whole.transfers["agrees"].all()
    for years, enterprises in (([2023], None), (None, ["FERT"]), ([2023], ["ACID"])):
        part = park.consolidate(lines, registry, transfers, years, enterprises)
        assert len(part.transfers) and part.transfers["agrees"].all()
        key = ["seller", "buyer", "carrier", "year"]
        same = part.transfers.merge(whole.transfers, on=key, suffixes=("", "_whole"))
        assert len(same) == len(part.transfers) and (same["buyer_quantity"] == same["buyer_quantity_whole"]).all()
