"""A set of loaded releases and the resolution of factors by tier (Circular 38/2023/TT-BCT Art. 18)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from ghg.core import releases
from ghg.core.errors import FactorConflict, GwpError, ReleaseError
from ghg.core.vocabulary import DEFAULT_RELEASES, GWP_SETS, Tier

_KEY = ["parameter", "activity", "ipcc_category", "technology", "year", "gas"]


@dataclass(frozen=True)
class Resolved:
    """The factor chosen for one key."""

    factor_id: str
    release: str
    tier: Tier
    value: float
    unit: str
    lower: float
    upper: float


def category_matches(factor_category: str, record_category: str) -> bool:
    """A factor for ``1.A.2`` applies to ``1.A.2`` and its subcategories (``1.A.2.c``); an empty one to all."""
    return (
        not factor_category or record_category == factor_category or record_category.startswith(factor_category + ".")
    )


@dataclass(frozen=True)
class _Candidate:
    """One factor row, as the resolver needs it."""

    ipcc_category: str
    technology: str
    year: int
    tier: Tier
    valid: tuple[int, int]
    resolved: Resolved


@dataclass
class FactorSet:
    """Loaded releases, their factors concatenated, activities and GWP sets merged."""

    releases: list[releases.Release]
    factors: pd.DataFrame
    activities: pd.DataFrame
    gwp: pd.DataFrame
    _index: dict[tuple[str, str, str], list[_Candidate]] = field(default_factory=dict, repr=False)

    @classmethod
    def load(cls, refs: Sequence[str | Path] | None = None) -> FactorSet:
        """Load and verify releases by id or path (default: :data:`DEFAULT_RELEASES`).

        Raises
        ------
        ReleaseError, FactorConflict
        """
        loaded = [releases.load(r) for r in (refs or DEFAULT_RELEASES)]
        ids = [r.id for r in loaded]
        if len(set(ids)) != len(ids):
            raise ReleaseError("release.twice", release=", ".join(sorted({i for i in ids if ids.count(i) > 1})))
        factors = pd.concat([r.factors for r in loaded if len(r.factors)], ignore_index=True)
        dup = factors.duplicated([*_KEY, "tier"], keep=False)
        if dup.any():
            clash = factors[dup].sort_values(_KEY)
            first, second = clash.iloc[0], clash.iloc[1]
            key = ", ".join(f"{k}={first[k]}" for k in _KEY if first[k] not in ("", None))
            raise FactorConflict(
                key, f"{first['release']} ({first['factor_id']})", f"{second['release']} ({second['factor_id']})"
            )
        activities = pd.concat([r.activities for r in loaded if len(r.activities)], ignore_index=True)
        definition = activities.drop_duplicates(["activity", "state", "biomass"])
        clash_act = definition["activity"].duplicated(keep=False)
        if clash_act.any():
            rows = definition[clash_act]
            raise FactorConflict(
                f"activity={rows['activity'].iloc[0]}", rows["release"].iloc[0], rows["release"].iloc[1]
            )
        activities = definition.drop_duplicates("activity").set_index("activity")
        gwp_frames = [r.gwp for r in loaded if len(r.gwp)]
        gwp = pd.concat(gwp_frames, ignore_index=True) if gwp_frames else pd.DataFrame(columns=releases.GWP_COLUMNS)
        if gwp.duplicated(["gas", "gwp_set"]).any():
            raise ReleaseError("release.gwp_twice")
        index: dict[tuple[str, str, str], list[_Candidate]] = {}
        valid = {r.id: (r.meta.valid_from, r.meta.valid_to) for r in loaded}
        for row in factors.to_dict(orient="records"):
            tier = Tier(str(row["tier"]))
            resolved = Resolved(
                str(row["factor_id"]),
                str(row["release"]),
                tier,
                float(row["canonical_value"]),
                str(row["canonical_unit"]),
                float(row["canonical_lower"]),
                float(row["canonical_upper"]),
            )
            candidate = _Candidate(
                str(row["ipcc_category"]),
                str(row["technology"]),
                int(row["year_i"]),
                tier,
                valid[str(row["release"])],
                resolved,
            )
            index.setdefault((str(row["parameter"]), str(row["activity"]), str(row["gas"])), []).append(candidate)
        return cls(loaded, factors, activities, gwp, index)

    @property
    def release_ids(self) -> list[str]:
        return [r.id for r in self.releases]

    def technologies(self, parameter: str, activity: str, gas: str, category: str) -> list[str]:
        """Technologies for which a factor exists (for messages)."""
        candidates = self._index.get((parameter, activity, gas), [])
        return sorted(
            {c.technology for c in candidates if c.technology and category_matches(c.ipcc_category, category)}
        )

    def resolve(
        self,
        parameter: str,
        activity: str,
        gas: str = "",
        ipcc_category: str = "",
        technology: str = "",
        year: int | None = None,
    ) -> Resolved | None:
        """The factor for a key, in the order of Circular 38/2023/TT-BCT Art. 18.

        A facility-measured factor (tier ``measured``) comes first. Among published
        factors, the closest IPCC category comes first - a factor for ``1.A.2.g.vii``
        (off-road machinery in industry) describes another source than one for ``1.A.2``
        (boilers and furnaces) - then the national list before the IPCC default, then a
        factor for the record's technology and year before a general one. A factor with
        a year applies to that year only; one without applies to its release's validity
        years. There is no fallback to another year.
        """
        best: tuple[tuple[int, int, int, int, int], Resolved] | None = None
        for c in self._index.get((parameter, activity, gas), []):
            if not category_matches(c.ipcc_category, ipcc_category) or (c.technology and c.technology != technology):
                continue
            if c.year != -1:
                if c.year != year:
                    continue
            elif year is not None and not c.valid[0] <= year <= c.valid[1]:
                continue
            measured = 0 if c.tier is Tier.MEASURED else 1
            rank = (measured, -len(c.ipcc_category), c.tier.rank, 0 if c.technology else 1, 0 if c.year != -1 else 1)
            if best is None or rank < best[0]:
                best = (rank, c.resolved)
        return None if best is None else best[1]

    def gwp_values(self, gwp_set: str) -> dict[str, float]:
        """GWP-100 of every gas in ``gwp_set`` (``AR4``, ``AR5``, ``AR6``).

        Raises
        ------
        GwpError
            When the set is unknown or no loaded release defines it.
        """
        if gwp_set not in GWP_SETS:
            raise GwpError("gwp.unknown_set", gwp_set=gwp_set, known=", ".join(GWP_SETS))
        rows = self.gwp[self.gwp["gwp_set"] == gwp_set]
        if rows.empty:
            raise GwpError("gwp.no_release", gwp_set=gwp_set, releases=", ".join(self.release_ids))
        return dict(zip(rows["gas"], rows["value_f"].astype(float), strict=True))

    def gwp_release(self, gwp_set: str) -> str:
        """Id of the release that defines ``gwp_set``."""
        rows = self.gwp[self.gwp["gwp_set"] == gwp_set]
        return str(rows["release"].iloc[0]) if len(rows) else ""
