"""The Python API (``import ghg``): its documented examples run as doctests, from the repository root.

The figure the examples show is derived by hand: the single-enterprise example's 2022 purchased electricity,
22,400 MWh, times Vietnam's 2022 grid emission factor, 0.6766 t CO2/MWh (MONRE/DCC combined margin, release
``vn-grid-2023``), is 15,155.84 t CO2 location-based (CH4 and N2O of grid electricity are not counted).
"""

from __future__ import annotations

import doctest
import subprocess
import sys

import pytest

import ghg
from ghg import api

from .conftest import EXAMPLE, ROOT


def test_the_api_examples_run(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    outcome = doctest.testmod(api, optionflags=doctest.ELLIPSIS, report=True)
    assert outcome.attempted >= 20 and outcome.failed == 0


def test_every_api_function_is_the_documented_one() -> None:
    for name in api.__all__:
        function = getattr(ghg, name)
        assert function is getattr(api, name)
        assert function.__doc__ and len(function.__doc__.strip()) > 40, name


def test_the_api_and_the_command_line_give_the_same_summary(tmp_path: pytest.TempPathFactory) -> None:
    store = tmp_path / "store"  # type: ignore[operator]
    published = ghg.submit([EXAMPLE], store, gwp="AR5")
    from_lines = ghg.summary(store)
    assert published.summary.round(9).equals(from_lines.round(9))
    electricity_2022 = 22_400 * 0.6766  # MWh x t CO2/MWh (vn-grid-2023, 2022 combined margin)
    assert from_lines.set_index("year").loc[2022, "scope_2_location_t_co2e"] == pytest.approx(electricity_2022)


def test_import_ghg_stays_light() -> None:
    code = "import sys, ghg; print(sorted(m for m in ('pandas', 'pyarrow', 'pint', 'openpyxl') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_an_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no attribute 'nothing'"):
        ghg.nothing  # noqa: B018
