"""Declared uncertainty of activity data: the forms an enterprise may write in the ``uncertainty`` column
(a half-width in percent with a distribution, or a measurement tier) and their meaning.

References
----------
IPCC 2006 Vol. 1 Ch. 3 (uncertainties); EU MRR 2018/2066 Annex II Table 1 (tiers of fuel quantities).
"""

from __future__ import annotations

import re

#: EU MRR 2018/2066 Annex II Table 1: maximum uncertainty of fuel quantities per tier [fraction, 95 %].
TIERS = {1: 0.075, 2: 0.05, 3: 0.025, 4: 0.015}
DISTRIBUTIONS = ("normal", "lognormal", "triangular", "uniform")

_DECLARED = re.compile(
    r"^\s*(?:±|\+/-|\+-)?\s*(\d+(?:\.\d+)?)\s*%\s*(normal|lognormal|triangular|uniform)?\s*$", re.IGNORECASE
)
_TIER = re.compile(r"^\s*tier\s*([1-4])\s*$", re.IGNORECASE)


def parse_declared(value: str) -> tuple[float, str] | None:
    """A declared activity uncertainty as (half-width [fraction], distribution); ``None`` if malformed.

    Examples: ``"±2.5 %"`` -> (0.025, normal); ``"5 % uniform"`` -> (0.05, uniform); ``"tier 3"`` -> (0.025, normal).
    """
    tier = _TIER.match(value)
    if tier:
        return TIERS[int(tier.group(1))], "normal"
    match = _DECLARED.match(value)
    if not match:
        return None
    return float(match.group(1)) / 100.0, (match.group(2) or "normal").lower()
