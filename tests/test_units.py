"""Unit traps, each pinned (DEVELOPERS.md 'Units'; STYLE.md 'Units and numbers')."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from ghg.core.errors import UnitError
from ghg.core.units import factor_to, kind_of, parse_unit, registry


def test_t_is_a_metric_tonne() -> None:
    assert factor_to("t", "kg") == 1000.0
    assert factor_to("tonne", "kg") == 1000.0


@pytest.mark.parametrize("unit", ["ton", "tons", "kg/ton", "T", "MBtu", "scm", "Mscf", "MMBtu/Mcf"])
def test_ton_is_refused_as_ambiguous(unit: str) -> None:
    # pint itself reads 'ton' as a short ton (2000 lb = 907.18474 kg): never accepted here.
    assert registry()("ton").to("kg").magnitude == pytest.approx(907.18474)
    with pytest.raises(UnitError, match=r"ambiguous|reference conditions"):
        parse_unit(unit)


def test_kt_is_a_kilotonne_not_a_knot() -> None:
    assert factor_to("kt", "t") == 1000.0
    assert kind_of(parse_unit("kt")) == "mass"


def test_gg_is_a_kilotonne() -> None:
    # IPCC NCVs are in TJ/Gg: 1 Gg = 1,000 t, so 43.0 TJ/Gg = 0.043 TJ/t.
    assert factor_to("TJ/Gg", "TJ/t") == pytest.approx(0.001)


def test_nm3_is_its_own_dimension() -> None:
    assert kind_of(parse_unit("Nm3")) == "normal_volume"
    with pytest.raises(UnitError):
        factor_to("Nm3", "m3")


def test_toe_is_41_868_gj() -> None:
    # IEA/OECD: 1 TOE = 10^7 kcal = 41.868 GJ.
    assert factor_to("TOE", "GJ") == pytest.approx(41.868)


def test_kwh_and_mwh_convert_exactly() -> None:
    assert factor_to("MWh", "kWh") == pytest.approx(1000.0)
    # 1 MWh = 3.6 GJ = 0.0036 TJ
    assert factor_to("MWh", "TJ") == pytest.approx(0.0036)


def test_carbon_and_co2_differ_by_44_over_12() -> None:
    assert factor_to("t C", "t CO2") == pytest.approx(44 / 12)
    # 25.8 kg C/GJ (IPCC Table 1.3, other bituminous coal) x 44/12 = 94,600 kg CO2/TJ (Table 1.4)
    assert 25.8 * factor_to("kg C/GJ", "kg CO2/TJ") == pytest.approx(94_600, rel=1e-3)


def test_plain_mass_is_not_co2() -> None:
    with pytest.raises(UnitError):
        factor_to("t", "t CO2")


@pytest.mark.parametrize("unit", ["CO2e", "t CO2e", "tCO2e", "kg CO2eq"])
def test_no_co2e_unit_without_gwp_set(unit: str) -> None:
    with pytest.raises(UnitError, match="GWP set"):
        parse_unit(unit)


def test_methane_is_not_co2() -> None:
    with pytest.raises(UnitError):
        factor_to("t CH4", "t CO2")


@pytest.mark.parametrize("unit", ["", "  ", "furlongs_per_fortnight", "kg//"])
def test_unknown_or_empty_units_are_refused(unit: str) -> None:
    with pytest.raises(UnitError):
        parse_unit(unit)


def test_one_registry() -> None:
    assert registry() is registry()


def test_the_units_of_us_and_international_factor_sets() -> None:
    # Btu (International Table) = 1,055.056 J (ISO 31-4; pint's Btu): a million Btu = 1.055056 GJ, a therm
    # 100,000 Btu = 105.5056 MJ. A short ton is 2,000 lb = 907.18474 kg, a long ton 2,240 lb = 1,016.0469088 kg
    # (1 lb = 0.45359237 kg exactly).
    assert factor_to("MMBtu", "GJ") == pytest.approx(1.055056, rel=1e-12)
    assert factor_to("mmBtu", "GJ") == factor_to("MMBtu", "GJ")
    assert factor_to("therm", "MJ") == pytest.approx(105.5056, rel=1e-12)
    assert factor_to("short_ton", "kg") == pytest.approx(2000 * 0.45359237, rel=1e-12)
    assert factor_to("long_ton", "kg") == pytest.approx(2240 * 0.45359237, rel=1e-12)
    # US EPA's hub factor for natural gas, 53.06 kg CO2/MMBtu (HHV), is 53.06 / 1.055056 = 50.291 kg CO2/GJ
    assert factor_to("kg CO2/MMBtu", "kg CO2/GJ") * 53.06 == pytest.approx(53.06 / 1.055056, rel=1e-12)


def test_gas_volumes_at_stated_reference_conditions_convert_as_an_ideal_gas() -> None:
    # V_N = V x (273.15 K / T) x (p / 101.325 kPa). Sm3 (ISO 13443: 15 °C, 101.325 kPa): 273.15/288.15.
    assert factor_to("Sm3", "Nm3") == pytest.approx(273.15 / 288.15, rel=1e-12)
    # scf (US EPA 40 CFR 98.6: 60 °F = 288.7056 K, 14.696 psia = 101,325.35 Pa): 0.3048^3 m3 x 273.15/288.7056
    # x 101,325.35/101,325 = 0.0267912 Nm3, i.e. 37.326 scf per Nm3
    scf = 0.3048**3 * 273.15 / (273.15 + 28 * 5 / 9) * (14.696 * 6894.757293168 / 101_325)
    assert factor_to("scf", "Nm3") == pytest.approx(scf, rel=1e-12)
    assert 1 / factor_to("scf", "Nm3") == pytest.approx(37.326, abs=5e-4)
    assert kind_of(parse_unit("scf")) == kind_of(parse_unit("Sm3")) == "normal_volume"
    assert factor_to("MMscf", "scf") == pytest.approx(1e6) and factor_to("kscf", "scf") == pytest.approx(1e3)
    with pytest.raises(UnitError):
        factor_to("Sm3", "m3")  # never an actual volume


_CONVERT = "from ghg.core.units import factor_to; print(factor_to('MMBtu', 'GJ'))"


def _convert_with_cache(cache_home: Path) -> str:
    """Build the registry in a fresh process (this process's registry must stay the one its units came from)."""
    env = {**os.environ, "XDG_CACHE_HOME": str(cache_home)}
    done = subprocess.run([sys.executable, "-c", _CONVERT], capture_output=True, text=True, env=env, check=True)
    return done.stdout.strip()


def test_pints_definition_cache_only_saves_time(tmp_path: Path) -> None:
    # 1 MMBtu = 1e6 Btu x 1,055.056 J (International Table Btu) = 1.055056 GJ, with or without the cache.
    expected = "1.055056"
    assert _convert_with_cache(tmp_path).startswith(expected[:7])
    pickles = list((tmp_path / "ghg").glob("pint-*/*.pickle"))
    assert pickles, "the parsed definitions are kept"
    assert _convert_with_cache(tmp_path).startswith(expected[:7])  # read from the cache
    for p in pickles:  # half written by a run that was killed
        p.write_bytes(p.read_bytes()[:100])
    assert _convert_with_cache(tmp_path).startswith(expected[:7])
    assert not any(p.exists() and p.stat().st_size == 100 for p in pickles), "a broken cache is removed"


def test_a_read_only_cache_folder_is_no_failure(tmp_path: Path) -> None:
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the cache folder would be")  # no folder can be made inside
    assert _convert_with_cache(blocked).startswith("1.055056"[:7])
