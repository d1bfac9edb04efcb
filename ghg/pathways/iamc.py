"""The IAMC long format (model, scenario, region, variable, unit, year, value) that pyam and the IPCC
scenario databases read.

Variables follow the IAMC naming: ``Emissions|Kyoto Gases (AR5-GWP100)|Scope 1`` carries CO2e under the
named GWP set; ``Emissions|CO2|Scope 1`` (and CH4, N2O) carry gas masses; ``Final Energy|Electricity|Grid``
the electricity bought from the grid; ``Abatement|<measure>`` each measure's abatement. Each scenario of
the export starts with the actual years, so a chart of it shows history and projection together.

References
----------
Huppmann et al. (2021), pyam: Analysis and visualisation of integrated assessment and macro-energy
scenarios, Open Research Europe 1:74; IAMC data template, https://pyam-iamc.readthedocs.io/
"""

from __future__ import annotations

import pandas as pd

from ghg._version import version
from ghg.pathways.projection import Projection

COLUMNS = ["model", "scenario", "region", "variable", "unit", "year", "value"]
_SCOPES = {"scope_1": "Scope 1", "scope_2": "Scope 2|Location-based", "scope_2_market": "Scope 2|Market-based"}
_GASES = ("CO2", "CH4", "N2O")


def long_format(projection: Projection, region: str) -> pd.DataFrame:
    """The projection as IAMC rows, for the park (``region``) and each enterprise (``region|enterprise``).

    The park's rows count internal supply once (the buyer's Scope 2 bought from a member is left out).
    """
    lines = projection.lines
    scenario = projection.scenario.id
    kyoto = f"Emissions|Kyoto Gases ({projection.gwp_set}-GWP100)"
    frames = []
    for case, name in (("bau", "BAU"), ("scenario", scenario)):
        block = lines[lines["case"].isin(["actual", case])]
        for park in (True, False):
            rows = block[~block["internal"]] if park else block
            where = pd.Series(region, index=rows.index) if park else region + "|" + rows["enterprise"]
            rows = rows.assign(region=where, label=rows["scope"].map(_SCOPES))
            rows = rows[rows["label"].notna()]
            co2e = rows.groupby(["region", "label", "year"])["co2e_t"].sum().reset_index()
            co2e["variable"] = kyoto + "|" + co2e["label"]
            co2e["unit"] = "t CO2-equiv/yr"
            gases = rows[rows["gas"].isin(_GASES)]
            mass = gases.groupby(["region", "gas", "label", "year"])["mass_t"].sum().reset_index()
            mass["variable"] = "Emissions|" + mass["gas"] + "|" + mass["label"]
            mass["unit"] = "t " + mass["gas"] + "/yr"
            grid = rows[(rows["scope"] == "scope_2") & (rows["mwh"] != 0)]
            energy = grid.groupby(["region", "year"])["mwh"].sum().reset_index()
            energy["variable"], energy["unit"] = "Final Energy|Electricity|Grid", "MWh/yr"
            for frame, column in ((co2e, "co2e_t"), (mass, "mass_t"), (energy, "mwh")):
                frames.append(frame.rename(columns={column: "value"}).assign(scenario=name))
    abated = projection.abatement
    for park in (True, False):
        where = pd.Series(region, index=abated.index) if park else region + "|" + abated["enterprise"]
        rows = abated[abated["scope"].isin(["scope_1", "scope_2"])].assign(region=where)
        frame = rows.groupby(["region", "measure", "year"])["abated_t_co2e"].sum().reset_index()
        frame["variable"] = f"Abatement|{kyoto.split('|', 1)[1]}|" + frame["measure"]
        frame["unit"] = "t CO2-equiv/yr"
        frames.append(frame.rename(columns={"abated_t_co2e": "value"}).assign(scenario=scenario))
    out = pd.concat(frames, ignore_index=True)
    out["model"] = f"ghg {version()}"
    out["year"] = out["year"].astype(int)
    out = out[COLUMNS].sort_values(["scenario", "region", "variable", "year"]).reset_index(drop=True)
    return out
