"""Closed vocabularies of the glossary: source categories, scopes, tiers, gases, GWP sets."""

from __future__ import annotations

from enum import StrEnum


class SourceCategory(StrEnum):
    """What kind of source an activity record describes."""

    STATIONARY_COMBUSTION = "stationary_combustion"
    MOBILE_COMBUSTION = "mobile_combustion"
    PROCESS = "process"
    FUGITIVE = "fugitive"
    PURCHASED_ELECTRICITY = "purchased_electricity"
    PURCHASED_HEAT = "purchased_heat"
    #: not a source: the output of a facility (t of product), for intensities
    PRODUCTION = "production"

    @property
    def scope(self) -> Scope:
        if self in (SourceCategory.PURCHASED_ELECTRICITY, SourceCategory.PURCHASED_HEAT):
            return Scope.SCOPE_2
        return Scope.SCOPE_1


class Scope(StrEnum):
    """GHG Protocol scope of a result line; biogenic CO2 is a memo item outside the scopes."""

    SCOPE_1 = "scope_1"
    SCOPE_2 = "scope_2"
    MEMO_BIOGENIC = "memo_biogenic"


class Tier(StrEnum):
    """Where a factor comes from, in the order of Circular 38/2023/TT-BCT Art. 18; ``estimate`` is a value
    that is not official (a research estimate), used only when no other factor exists for the key and only
    from a release the user names."""

    MEASURED = "measured"
    NATIONAL = "national"
    DEFAULT = "default"
    ESTIMATE = "estimate"

    @property
    def rank(self) -> int:
        return {"measured": 0, "national": 1, "default": 2, "estimate": 3}[self.value]


class EnergyBasis(StrEnum):
    """Calorific basis of an energy quantity."""

    NET = "net"
    GROSS = "gross"


class Method(StrEnum):
    """Calculation method of a result line."""

    COMBUSTION_MASS = "combustion_mass"
    COMBUSTION_VOLUME = "combustion_volume"
    COMBUSTION_NORMAL_VOLUME = "combustion_normal_volume"
    COMBUSTION_ENERGY = "combustion_energy"
    ELECTRICITY_LOCATION = "electricity_location_based"
    PROCESS_CARBONATE = "process_carbonate"
    PROCESS_CARBON = "process_carbon_content"
    PROCESS_BALANCE = "process_carbon_balance"
    HEAT_SUPPLIER_FACTOR = "heat_supplier_factor"
    HEAT_FROM_SUPPLIER_FUEL = "heat_from_supplier_fuel"
    FUGITIVE_TOP_UP = "fugitive_top_up"
    FUGITIVE_BALANCE = "fugitive_mass_balance"


#: The GWP sets a factor release may define (100-year horizon).
GWP_SETS = ("AR4", "AR5", "AR6")

#: Gases computed for combustion and purchased electricity.
COMBUSTION_GASES = ("CO2", "CH4", "N2O")

#: Activity states (columns of ``activities.csv`` in a release).
STATES = ("solid", "liquid", "gas", "electricity", "material", "heat")

#: The bundled releases used when none are named.
DEFAULT_RELEASES = (
    "ipcc-2006-energy",
    "ipcc-2006-ippu",
    "vn-qd2626-2022",
    "vn-energy-2011",
    "vn-moit-toe-2011",
    "vn-grid-2023",
    "vn-tt38-heat-2025",
    "gwp100-ar4-ar5-ar6",
)
