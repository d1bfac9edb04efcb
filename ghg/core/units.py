"""The package's one pint registry, and unit parsing with the traps refused.

Rules (each pinned by a test in ``tests/test_units.py``):

- ``t`` and ``tonne`` are metric tonnes; ``ton``/``tons`` are refused as ambiguous
  (pint reads ``ton`` as a short ton of 907.18 kg); ``short_ton`` (2,000 lb) and ``long_ton`` (2,240 lb),
  spelled out, are what they say.
- ``MMBtu`` (``mmBtu``) is a million British thermal units (Btu, International Table: 1,055.056 J) and
  ``therm`` is 100,000 Btu; ``MBtu`` is refused (a thousand Btu in US usage, a million elsewhere), and so
  is ``Mscf`` for the same reason (``MMscf`` is a million scf).
- ``kt`` is a kilotonne, not a knot; ``Gg`` is a gigagram (= kt).
- ``Nm3`` is a normal cubic metre (0 °C, 101.325 kPa), a dimension of its own: it
  never converts to or from an actual ``m3``. Gas volumes at other stated reference conditions convert to
  it as an ideal gas (V ∝ T/p): ``Sm3``, the standard cubic metre of ISO 13443 (15 °C, 101.325 kPa), and
  ``scf``, the standard cubic foot of US EPA 40 CFR 98.6 (60 °F, 14.696 psia). ``scm`` (whose conditions
  vary) is refused.
- ``TOE`` is the tonne of oil equivalent, 41.868 GJ (IEA/OECD definition).
- carbon (``C``) and carbon dioxide (``CO2``) are distinct: 1 t C = 44/12 t CO2.
  CH4 and N2O are dimensions of their own.
- there is no ``CO2e`` unit: CO2 equivalents exist only through a named GWP set
  (:mod:`ghg.gwp`).
"""

from __future__ import annotations

import importlib
import re
import shutil
import sys
from functools import lru_cache
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

from ghg.core.errors import UnitError


def _import_pint() -> ModuleType:
    """pint, imported without Dask: pint probes Dask (a third of a second at every start) to support Dask arrays
    of quantities, which ghg never makes. Dask stays importable afterwards (the Dask engine)."""
    if "pint" in sys.modules or "dask" in sys.modules:
        return importlib.import_module("pint")
    sys.modules["dask"] = None  # type: ignore[assignment]  # "not installed", for pint's probe only
    try:
        return importlib.import_module("pint")
    finally:
        del sys.modules["dask"]


if TYPE_CHECKING:
    import pint
else:
    pint = _import_pint()

# The IPCC's conversion from carbon to CO2 mass (2006 Guidelines Vol. 2 Eq. 2.4 and
# throughout): the ratio of molecular weights, 44/12. A tonne of CO2 holds 12/44 t C.
_C_PER_CO2 = 12 / 44

#: Ideal-gas volume at reference conditions (T [K], p [Pa]) per normal cubic metre (273.15 K, 101,325 Pa).
_NORMAL = (273.15, 101_325.0)
_SM3_IN_NM3 = (_NORMAL[0] / 288.15) * (101_325.0 / _NORMAL[1])  # ISO 13443: 15 °C, 101.325 kPa
_FT3_IN_M3 = 0.3048**3  # the international foot, 0.3048 m exactly
_SCF_IN_NM3 = _FT3_IN_M3 * (_NORMAL[0] / (273.15 + (60 - 32) * 5 / 9)) * (14.696 * 6894.757293168 / _NORMAL[1])

_DEFINITIONS = f"""
kilotonne = 1e3 * tonne = kt
megatonne = 1e6 * tonne = Mt
tonne_of_oil_equivalent = 41.868 * gigajoule = TOE = toe
m3 = meter ** 3
normal_cubic_meter = [normal_volume] = Nm3
standard_cubic_meter = {_SM3_IN_NM3!r} * normal_cubic_meter = Sm3
standard_cubic_foot = {_SCF_IN_NM3!r} * normal_cubic_meter = scf
million_Btu = 1e6 * Btu = MMBtu = mmBtu = MMBTU
million_standard_cubic_foot = 1e6 * standard_cubic_foot = MMscf = mmscf
carbon = [carbon] = C
carbon_dioxide = {_C_PER_CO2!r} * carbon = CO2
methane = [methane] = CH4
nitrous_oxide = [nitrous_oxide] = N2O
"""

#: Words refused outright, with the reason code of the message.
_REFUSED = {
    "ton": "ambiguous_ton",
    "tons": "ambiguous_ton",
    "CO2e": "co2e",
    "CO2eq": "co2e",
    "CO2-eq": "co2e",
    "tCO2e": "co2e",
    "scm": "standard_m3",
    "T": "ambiguous_T",  # pint reads T as tesla; people mean a tonne (t) or a ton
    "MBtu": "ambiguous_mbtu",  # a thousand Btu in US usage, a million in others
    "Mscf": "ambiguous_mscf",  # a thousand scf in US usage (M = 1,000), a million as an SI prefix
    "Mcf": "ambiguous_mscf",
}
#: A unit longer than this is refused before it is parsed (no work grows with a long cell).
MAX_UNIT_LENGTH = 64

#: Canonical unit of each quantity kind: quantities are stored in these, as plain floats.
CANONICAL = {"mass": "t", "volume": "m3", "energy": "TJ", "normal_volume": "Nm3"}


def _cache_folder() -> Path:
    """Where pint keeps its parsed definitions between runs: the user's cache folder (``$XDG_CACHE_HOME/ghg``,
    else ``~/.cache/ghg``), one folder per pint version (a cache written by another version is never read)."""
    import platformdirs

    return platformdirs.user_cache_path("ghg", appauthor=False) / f"pint-{pint.__version__}"


@lru_cache(maxsize=1)
def registry() -> pint.UnitRegistry:
    """Build the package's pint registry once (on first use, not at import).

    Parsing pint's definitions file takes about 0.2 s; pint keeps the parsed definitions in a cache folder
    (:func:`_cache_folder`), named by a hash of the file's content, so later runs read them in about 0.02 s. The
    cache only saves time: when it cannot be made, read or written (read-only home, a file half written by a run
    killed meanwhile, a second run writing it), the definitions are parsed again and a broken cache is removed.
    The units themselves are pinned by ``tests/test_units.py`` either way.
    """
    ureg: pint.UnitRegistry
    folder = _cache_folder()
    try:
        ureg = pint.UnitRegistry(on_redefinition="ignore", cache_folder=folder)
    except Exception:  # any failure of the cache: parse without it (the same definitions)
        shutil.rmtree(folder, ignore_errors=True)
        ureg = pint.UnitRegistry(on_redefinition="ignore", cache_folder=None)
    for line in _DEFINITIONS.strip().splitlines():
        ureg.define(line)
    return ureg


_TOKEN = re.compile(r"[A-Za-z_][A-Za-z_0-9]*")


def parse_unit(unit: str) -> pint.Unit:
    """Parse a unit string, refusing ambiguous and undefined units.

    Parameters
    ----------
    unit : str
        A unit as written in a file, e.g. ``"t"``, ``"MWh"``, ``"kg CO2/TJ"``.

    Returns
    -------
    pint.Unit

    Raises
    ------
    UnitError
        Empty, ambiguous (``ton``), CO2e without a GWP set, or unknown.
    """
    text = unit.strip()
    if not text:
        raise UnitError(unit, "empty")
    if len(text) > MAX_UNIT_LENGTH:
        raise UnitError(unit[:40] + "…", "too_long", limit=MAX_UNIT_LENGTH)
    for token in _TOKEN.findall(text):
        if token in _REFUSED:
            raise UnitError(unit, _REFUSED[token])
    ureg = registry()
    try:
        parsed = ureg.parse_units(text)
    except (
        pint.errors.UndefinedUnitError,
        pint.errors.DefinitionSyntaxError,
        AttributeError,
        TypeError,
        ValueError,
        SyntaxError,
        AssertionError,
    ):
        raise UnitError(unit, "unknown") from None
    return parsed


def kind_of(unit: pint.Unit) -> str | None:
    """Which canonical kind (``mass``, ``volume``, ``energy``, ``normal_volume``) a unit measures."""
    ureg = registry()
    dim = ureg.get_dimensionality(unit)
    for kind, canonical in CANONICAL.items():
        if dim == ureg.get_dimensionality(ureg.parse_units(canonical)):
            return kind
    return None


def factor_to(unit: str, target: str) -> float:
    """The multiplier that converts a value in ``unit`` into ``target``.

    Raises
    ------
    UnitError
        When the two units are of different dimensions.
    """
    ureg = registry()
    source = parse_unit(unit)
    try:
        return float(ureg.Quantity(1.0, source).to(parse_unit(target)).magnitude)
    except pint.errors.DimensionalityError:
        raise UnitError(unit, "dimension", expected=target) from None
