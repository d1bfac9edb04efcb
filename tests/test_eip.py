"""Eco-industrial park monitoring (Decree 35/2022/NĐ-CP): hand-derived criteria, avoided emissions, exchanges."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from ghg import cli, eip, park
from ghg.core.errors import InputError, UsageError

from .conftest import PARK

RECP_HEADER = ",".join(eip.RECP_COLUMNS) + "\n"
EXCHANGE_HEADER = ",".join(eip.EXCHANGE_COLUMNS) + "\n"
RESOURCE_HEADER = ",".join(eip.RESOURCE_COLUMNS) + "\n"


@pytest.fixture
def registry(tmp_path: Path) -> park.Registry:
    path = tmp_path / "registry.csv"
    rows = [f"E{i},site,Plant {i},chemicals,1.A.2,2019,,no" for i in range(1, 13)]  # 12 members
    path.write_text(
        "enterprise,facility,name,sector,ipcc_categories,member_from,member_to,on_national_list\n" + "\n".join(rows),
        encoding="utf-8",
    )
    return park.load_registry(path)


def folder(tmp_path: Path, recp: str = "", exchanges: str = "", resources: str = "") -> Path:
    out = tmp_path / "eip"
    out.mkdir(exist_ok=True)
    (out / "recp.csv").write_text(RECP_HEADER + recp, encoding="utf-8")
    (out / "exchanges.csv").write_text(EXCHANGE_HEADER + exchanges, encoding="utf-8")
    (out / "resources.csv").write_text(RESOURCE_HEADER + resources, encoding="utf-8")
    return out


def grid_lines(year: int = 2023, mwh: float = 10_000.0, factor: float = 0.6592) -> pd.DataFrame:
    """E1 bought ``mwh`` from the grid at ``factor`` [t CO2/MWh]: the year's location-based line."""
    return pd.DataFrame(
        [
            {
                "enterprise": "E1",
                "facility": "site",
                "year": year,
                "scope": "scope_2",
                "source_category": "purchased_electricity",
                "activity": "grid_electricity",
                "method": "electricity_location_based",
                "unit": "MWh",
                "quantity": mwh,
                "co2e_t": mwh * factor,
                "energy_toe": mwh * 0.1543,
                "input_file": "e1.csv",
                "input_row": 2,
            }
        ]
    )


NO_PRODUCTION = pd.DataFrame(columns=["enterprise", "facility", "year", "product", "output_t"])


def recp_rows(enterprises: list[str], year: int = 2023, saved: str = "100 MWh") -> str:
    return "".join(f"{e},{year},m-{e},measure,,{saved},,,,,,2022 meter,audit\n" for e in enterprises)


def test_three_of_twelve_members_is_25_percent_and_meets_art_37(tmp_path: Path, registry: park.Registry) -> None:
    records = eip.load(folder(tmp_path, recp_rows(["E1", "E2", "E3"])), registry)
    ind = eip.indicators(records, registry, grid_lines(), NO_PRODUCTION, None, 2023)
    # 3 / 12 = 25 % >= 20 % (Decree 35/2022 Art. 37.2(c))
    assert ind.summary["recp_share"] == pytest.approx(0.25)
    criterion = ind.criteria.set_index("criterion").loc["37.2(c)"]
    assert bool(criterion["met"]) and "recp.csv:2" in criterion["evidence"]


def test_two_of_twelve_members_is_16_7_percent_and_does_not(tmp_path: Path, registry: park.Registry) -> None:
    records = eip.load(folder(tmp_path, recp_rows(["E1", "E2"])), registry)
    ind = eip.indicators(records, registry, grid_lines(), NO_PRODUCTION, None, 2023)
    # 2 / 12 = 16.7 % < 20 %
    assert ind.summary["recp_share"] == pytest.approx(2 / 12)
    assert round(100 * ind.summary["recp_share"], 1) == 16.7
    assert not bool(ind.criteria.set_index("criterion").loc["37.2(c)", "met"])
    # no exchange: no symbiosis link, Art. 37.2(b) not met
    assert not bool(ind.criteria.set_index("criterion").loc["37.2(b)", "met"])


def test_electricity_saved_times_that_years_grid_factor(tmp_path: Path, registry: park.Registry) -> None:
    # 1,000 MWh saved in 2023 × 0.6592 t CO2/MWh (the 2023 combined-margin factor the lines used) = 659.2 t
    records = eip.load(folder(tmp_path, recp_rows(["E1"], 2023, "1000 MWh")), registry)
    ind = eip.indicators(records, registry, grid_lines(2023, 10_000, 0.6592), NO_PRODUCTION, None, 2023)
    assert ind.summary["grid_factor_t_co2_per_mwh"] == pytest.approx(0.6592)
    assert ind.summary["avoided_recp_t_co2e"] == pytest.approx(659.2)
    # kWh and GWh are converted, never mixed: 1 GWh is the same saving
    records = eip.load(folder(tmp_path, recp_rows(["E1"], 2023, "1 GWh")), registry)
    assert eip.indicators(records, registry, grid_lines(), NO_PRODUCTION, None, 2023).summary[
        "avoided_recp_t_co2e"
    ] == pytest.approx(659.2)


def test_exchange_recorded_by_one_side_is_flagged(tmp_path: Path, registry: park.Registry) -> None:
    exchanges = (
        "E1,E2,2023,slag,1000 t,supplier,clinker,0.52 t CO2e/t,IPCC default clinker factor,note\n"
        "E3,E4,2023,gypsum,500 t,supplier,,,,note\n"
        "E3,E4,2023,gypsum,500 t,receiver,,,,note\n"
        "E5,E6,2023,steam,100 t,supplier,,,,note\n"
        "E5,E6,2023,steam,80 t,receiver,,,,note\n"
    )
    records = eip.load(folder(tmp_path, exchanges=exchanges), registry)
    ind = eip.indicators(records, registry, grid_lines(), NO_PRODUCTION, None, 2023)
    codes = dict(zip(ind.findings["code"], ind.findings["enterprise"], strict=True))
    assert codes == {"EIP02": "E1", "EIP04": "E5"}
    one_side = ind.findings[ind.findings["code"] == "EIP02"].iloc[0]
    assert one_side["params"]["missing"] == "receiver" and one_side["row"] == 2
    links = ind.links.set_index("material")
    # the one-sided slag exchange is not an operating link and avoids nothing; the confirmed ones count
    assert not bool(links.loc["slag", "confirmed"]) and links.loc["slag", "avoided_t_co2e"] == 0.0
    assert ind.summary["symbiosis_links"] == 2


def test_bad_records_name_file_row_column(tmp_path: Path, registry: park.Registry) -> None:
    recp = "E1,2023,m1,measure,,1000,,,,,,base,ev\nE99,2023,m2,measure,,5 MWh,,,,,,base,ev\n"
    exchanges = "E1,E2,2023,slag,10 t,both,,,,ev\n"
    with pytest.raises(InputError) as caught:
        eip.load(folder(tmp_path, recp, exchanges), registry)
    found = {(Path(p.file).name, p.row, p.column, p.code) for p in caught.value.problems}
    assert found == {
        ("recp.csv", 2, "electricity_saved", "quantity_unit"),
        ("recp.csv", 3, "enterprise", "not_member"),
        ("exchanges.csv", 2, "reported_by", "vocabulary"),
    }


def test_claimed_saving_without_baseline_is_flagged(tmp_path: Path, registry: park.Registry) -> None:
    recp = "E1,2023,m1,measure,,100 MWh,,,,,,,meter log\n"
    ind = eip.indicators(eip.load(folder(tmp_path, recp), registry), registry, grid_lines(), NO_PRODUCTION, None, 2023)
    assert list(ind.findings["code"]) == ["EIP01"]


def test_checklist_keeps_who_and_when(tmp_path: Path) -> None:
    store = tmp_path / "store"
    first = eip.checklist_set(store, 2025, "37.1(b)", "partly", "EZMB officer A", "wastewater plant commissioning")
    second = eip.checklist_set(store, 2025, "37.1(b)", "yes", "EZMB officer B", "plant operating")
    assert first != second and first.is_file() and second.is_file()  # the earlier assessment is kept
    table = eip.checklist(store, 2025).set_index("criterion")
    assert table.loc["37.1(b)", "value"] == "yes" and table.loc["37.1(b)", "by"] == "EZMB officer B"
    assert table.loc["37.1(b)", "at"] and table.loc["37.1(a)", "value"] == ""
    with pytest.raises(UsageError):
        eip.checklist_set(store, 2025, "99.9", "yes", "x")


def _args(store: Path, *more: str) -> list[str]:
    return [
        "--store", str(store), "--registry", str(PARK / "registry.csv"), "--transfers", str(PARK / "transfers.csv"),
        "--eip", str(PARK / "eip"), *more,
    ]  # fmt: skip


def test_example_park_indicators_reports_and_network(park_store: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    by_year = {}
    for year in (2019, 2020, 2024):
        res = runner.invoke(cli.main, ["eip", "indicators", *_args(park_store, "--year", str(year), "--json")])
        assert res.exit_code == 0, res.output
        by_year[year] = json.loads(res.output)
    # 2019: P3-DNA and Duc Giang of 14 members = 14.3 %, not met; 2020 DAP No.2 joins: 3 / 14 = 21.4 %, met
    assert by_year[2019]["recp_share"] == pytest.approx(2 / 14)
    assert [c["met"] for c in by_year[2019]["criteria"]] == [False, True]
    assert by_year[2020]["recp_share"] == pytest.approx(3 / 14)
    assert by_year[2020]["criteria"][0]["met"]
    # 2019 electricity saved 4,160 MWh × the 2019 grid factor 0.8458 t CO2/MWh = 3,518.5 t
    assert by_year[2019]["avoided_recp_t_co2e"] == pytest.approx(4160 * 0.8458, rel=1e-9)
    # the 2024 phosphogypsum recorded by Duc Giang only is flagged
    assert [f["code"] for f in by_year[2024]["findings"]] == ["EIP02"]
    out = tmp_path / "a43"
    for lang in ("en", "vi"):
        res = runner.invoke(
            cli.main,
            [
                "--lang",
                lang,
                "eip",
                "report",
                *_args(park_store, "--year", "2025", "--out", str(out / f"park.{lang}.xlsx")),
            ],
        )
        assert res.exit_code == 0, res.output
    document = json.loads((out / "park.vi.json").read_text(encoding="utf-8"))
    assert document["title"].startswith("Báo cáo khu công nghiệp sinh thái năm 2025")
    assert document["form"] == "A.4" and document["section_1_1_recp"]["enterprises_applying_recp"] == 10
    assert "Sheet" not in load_workbook(out / "park.en.xlsx").sheetnames
    res = runner.invoke(
        cli.main,
        [
            "eip",
            "report",
            *_args(park_store, "--year", "2025", "--enterprise", "P3-DNA", "--out", str(out / "p3.xlsx")),
        ],
    )
    assert res.exit_code == 0 and json.loads((out / "p3.json").read_text(encoding="utf-8"))["form"] == "B.4"
    res = runner.invoke(
        cli.main, ["eip", "network", *_args(park_store, "--year", "2025", "--out", str(tmp_path / "net"))]
    )
    assert res.exit_code == 0, res.output
    assert (tmp_path / "net" / "symbiosis-2025.en.png").read_bytes()[:4] == b"\x89PNG"
    assert "<svg" in (tmp_path / "net" / "symbiosis-2025.en.svg").read_text(encoding="utf-8")
