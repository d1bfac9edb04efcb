"""Factor releases: hashes, immutability, format checks, and the GWP table against its library."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pandas as pd
import pytest

from ghg.core import releases
from ghg.core.errors import ReleaseError
from ghg.core.hashing import sha256_file

from .conftest import make_release

# A published release is never edited. These are the SHA-256 of each bundled release.json
# (which records every table's SHA-256); a change here means a release was edited in place.
PUBLISHED = {
    "gwp100-ar4-ar5-ar6": "3835043a5cbc545c91d347a70bbefc23e1b1fe9f2931ee423729cc6da2ffae24",
    "ipcc-2006-energy": "d209ea05703a61e82d29e5445e422f203fe94f7f3ae1a2b35620a56b684d9218",
    "ipcc-2006-ippu": "1f7d6295dcdf4f354571ee491447f63222c6b49104a8f0b550c26bb06ea6cd0f",
    "vn-energy-2011": "68e294c39ef6522f6a7b97de5a04180ed658aa8db19fdb604b1b1d6fb67ab3e7",
    "vn-moit-toe-2011": "67f014dfd943d0fc50cb7ea10945f020d48695be14121bf03ce33c3b07d4d117",
    "vn-grid-2023": "c12adc65df51e00bd1c54e254c2d641d9a3cae26f93b4c0077881e298b0cb04d",
    "vn-grid-estimates-2024-2025": "a9544d1a5c505dc1cb13b0a52b8fa3db540db38586ef0e8805697bc43ee755e6",
    "vn-tt38-heat-2025": "de3415dab7268517c358771cf6ef93b7a44a09050589498d27c770b1a35bf1d7",
    "vn-qd2626-2022": "99495cd4c260198455abeed66ccceb7e37dc8e78ec2bdb328f44cf66b9e950aa",
}
SHARED = Path(__file__).resolve().parents[2] / "shared" / "reference"


@pytest.mark.parametrize("release_id", sorted(PUBLISHED))
def test_published_releases_are_unchanged(release_id: str) -> None:
    meta, digest = releases.verify(release_id)
    assert digest == PUBLISHED[release_id]
    assert meta.sources, "every release cites its sources"


def test_every_bundled_release_is_pinned() -> None:
    assert releases.available() == sorted(PUBLISHED)


def _copy(release_id: str, tmp_path: Path) -> Path:
    target = tmp_path / release_id
    shutil.copytree(releases.locate(release_id), target)
    return target


def test_tampered_file_is_refused_naming_it(tmp_path: Path) -> None:
    folder = _copy("vn-grid-2023", tmp_path)
    table = folder / "factors.csv"
    table.write_text(table.read_text().replace("0.6592", "0.5592"))
    with pytest.raises(ReleaseError, match=r"factors\.csv has changed since publication"):
        releases.load(folder)


def test_missing_and_unlisted_files_are_refused(tmp_path: Path) -> None:
    folder = _copy("vn-grid-2023", tmp_path)
    (folder / "extra.csv").write_text("a\n1\n")
    with pytest.raises(ReleaseError, match=r"extra\.csv are not listed"):
        releases.load(folder)
    (folder / "extra.csv").unlink()
    (folder / "activities.csv").unlink()
    with pytest.raises(ReleaseError, match=r"activities\.csv is missing"):
        releases.load(folder)


def test_unknown_release_names_the_available_ones() -> None:
    with pytest.raises(ReleaseError, match=r"Unknown factor release 'vn-grid-2031'\. Available: gwp100"):
        releases.load("vn-grid-2031")


def test_user_release_in_the_same_format_loads(tmp_path: Path) -> None:
    folder = make_release(
        tmp_path / "plant-lab-2023",
        [
            {
                "factor_id": "lab.ncv.coal",
                "parameter": "ncv",
                "activity": "other_bituminous_coal",
                "value": "22.1",
                "unit": "MJ/kg",
                "source_id": "s",
            }
        ],
    )
    rel = releases.load(folder)
    assert rel.tier.value == "measured"
    # 22.1 MJ/kg = 22.1 GJ/t = 0.0221 TJ/t (canonical unit of an NCV)
    assert rel.factors["canonical_value"].iloc[0] == pytest.approx(0.0221)


def test_factor_unit_must_match_its_gas(tmp_path: Path) -> None:
    folder = make_release(
        tmp_path / "bad-gas",
        [
            {
                "factor_id": "x",
                "parameter": "emission_factor",
                "activity": "lpg",
                "gas": "CH4",
                "value": "1",
                "unit": "kg CO2/TJ",
                "source_id": "s",
            }
        ],
    )
    with pytest.raises(ReleaseError, match=r"row 2: unit 'kg CO2/TJ' does not convert to t CH4/TJ"):
        releases.load(folder)


def test_duplicate_keys_in_a_release_are_refused(tmp_path: Path) -> None:
    row = {"parameter": "ncv", "activity": "lpg", "value": "47", "unit": "TJ/Gg", "source_id": "s"}
    folder = make_release(tmp_path / "dup", [{**row, "factor_id": "a"}, {**row, "factor_id": "b"}])
    with pytest.raises(ReleaseError, match="rows 2, 3 give a factor for the same key"):
        releases.load(folder)


def test_gwp_values_match_the_globalwarmingpotentials_library() -> None:
    gwpkg = pytest.importorskip("globalwarmingpotentials")
    table = gwpkg.as_frame()
    gwp = releases.load("gwp100-ar4-ar5-ar6").gwp
    names = {
        "CH4": "CH4",
        "N2O": "N2O",
        "SF6": "SF6",
        "NF3": "NF3",
        "HFC-32": "HFC32",
        "HFC-125": "HFC125",
        "HFC-134a": "HFC134a",
        "HFC-143a": "HFC143a",
        "HCFC-22": "HCFC22",
    }
    for gas, key in names.items():
        for gwp_set in ("AR4", "AR5", "AR6"):
            value = gwp[(gwp["gas"] == gas) & (gwp["gwp_set"] == gwp_set)]["value_f"].iloc[0]
            assert value == table.loc[key, f"{gwp_set}GWP100"], (gas, gwp_set)


def test_blend_gwps_are_the_mass_weighted_sum_of_components() -> None:
    # R-410A = 50% HFC-32 + 50% HFC-125: AR5 0.5 x 677 + 0.5 x 3170 = 1,923.5; AR4 0.5 x 675 + 0.5 x 3500 = 2,087.5
    rel = releases.load("gwp100-ar4-ar5-ar6")
    gwp = rel.gwp.set_index(["gas", "gwp_set"])["value_f"]
    assert gwp[("R-410A", "AR5")] == pytest.approx(1923.5)
    assert gwp[("R-410A", "AR4")] == pytest.approx(2087.5)
    blends = pd.read_csv(rel.path / "blends.csv")
    for (blend, gwp_set), value in gwp.items():
        parts = blends[blends["blend"] == blend]
        if len(parts):
            assert parts["mass_fraction"].sum() == pytest.approx(1.0)
            expected = sum(
                f * gwp[(c, gwp_set)] for c, f in zip(parts["component"], parts["mass_fraction"], strict=True)
            )
            assert value == pytest.approx(expected)


@pytest.mark.skipif(not SHARED.is_dir(), reason="shared reference tables not beside the repository")
def test_blends_agree_with_the_shared_reference_table() -> None:
    ref = pd.read_csv(SHARED / "ipcc" / "gwp.csv").set_index("gas")
    gwp = releases.load("gwp100-ar4-ar5-ar6").gwp.set_index(["gas", "gwp_set"])["value_f"]
    for blend in ("R-410A", "R-404A", "R-407C"):
        for gwp_set in ("AR4", "AR5", "AR6"):
            assert gwp[(blend, gwp_set)] == pytest.approx(float(ref.loc[blend, f"gwp100_{gwp_set}"]))


@pytest.mark.skipif(not SHARED.is_dir(), reason="shared reference tables not beside the repository")
def test_ipcc_energy_release_transcribes_every_fuel_of_the_reference() -> None:
    ref = pd.read_csv(SHARED / "ipcc" / "fuels_ncv_co2.csv")
    factors = releases.load("ipcc-2006-energy").factors
    ncv = factors[factors["parameter"] == "ncv"].set_index("activity")["value"].astype(float)
    co2 = factors[(factors["parameter"] == "emission_factor") & (factors["gas"] == "CO2")].set_index("activity")[
        "value"
    ]
    for row in ref.itertuples():
        assert ncv[row.fuel_key] == row.ncv_TJ_per_Gg
        assert float(co2[row.fuel_key]) == row.co2_ef_kg_per_TJ


def test_grid_factors_are_the_official_values() -> None:
    grid = releases.load("vn-grid-2023").factors.set_index("year_i")["value"].astype(float)
    # vn_grid_ef.csv: 2019 0.8458, 2022 0.6766, 2023 0.6592 t CO2/MWh (DCC announcements)
    assert grid[2019] == 0.8458 and grid[2022] == 0.6766 and grid[2023] == 0.6592
    assert sorted(grid.index) == list(range(2014, 2024))


def test_every_known_release_id_has_the_hash_it_was_published_with() -> None:
    """The shipped list of known ids and hashes is the bundled and example releases as they are."""
    from ghg.core.releases import known_releases

    known = known_releases()
    for release_id in releases.available():
        assert known[release_id] == releases.verify(release_id)[1]
    park = Path(__file__).parent.parent / "examples" / "tang-loong" / "factors"
    for folder in park.iterdir():
        meta, digest = releases.verify(folder)
        assert known[meta.id] == digest


def test_a_release_reusing_a_known_id_with_other_content_is_refused(tmp_path: Path) -> None:
    import shutil

    from click.testing import CliRunner

    from ghg import cli

    copy = tmp_path / "vn-grid-2023"
    shutil.copytree(releases.locate("vn-grid-2023"), copy)
    factors = (copy / "factors.csv").read_text(encoding="utf-8").replace("0.6592", "0.5592")
    (copy / "factors.csv").write_text(factors, encoding="utf-8")
    meta = json.loads((copy / "release.json").read_text(encoding="utf-8"))
    meta["files"]["factors.csv"] = sha256_file(copy / "factors.csv")  # re-hashed: it verifies as a folder
    (copy / "release.json").write_text(json.dumps(meta, indent=2), encoding="utf-8")
    assert releases.verify(copy)[0].id == "vn-grid-2023"
    with pytest.raises(releases.ReleaseError, match="is published with release hash c12adc65"):
        releases.load(copy)
    example = Path(__file__).parent.parent / "examples" / "example-enterprise" / "activity.csv"
    res = CliRunner().invoke(
        cli.main,
        ["inventory", str(example), "--gwp", "AR5", "--extra-factors", str(copy), "--out", str(tmp_path / "s")],
    )
    assert res.exit_code != 0 and "give your release a new id" in res.output
    assert not (tmp_path / "s").exists()
