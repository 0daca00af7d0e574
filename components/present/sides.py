"""The sides a figure comes from: their display order and their look, in one place.

The data's vocabulary of sides is ``geo.claim_schema.SIDES`` (validation); this module adds what
the reader sees: the order sides are named in (cards, chart, legend, exports) and the two
claimant sides the headline and the comparison set against each other.
"""

from __future__ import annotations

#: Display order everywhere: the claimants first, trackers and analysts last.
SIDES = ("russia", "ukraine", "independent")
#: The two sides whose claims the page compares (headline boxes, area comparison).
CLAIMANTS = SIDES[:2]

#: Okabe–Ito colours (colour-vision-deficiency safe); the sides differ by dash too.
SIDE_STYLE = {
    "russia": {"color": "#D55E00", "dashArray": "10 6", "className": "claim-ru"},
    "ukraine": {"color": "#0072B2", "dashArray": "3 6", "className": "claim-ua"},
    "independent": {"color": "#4D4D4D", "dashArray": "1 4", "className": "claim-ind"},
}
#: Same weight and fill for every claim: no side looks more "real" than another.
CLAIM_WEIGHT = 2.5
CLAIM_FILL_OPACITY = 0.18


def dash_pattern(side: str) -> list[int]:
    """A side's dash as numbers (charts and the PNG export draw it with their own API).

    >>> dash_pattern("russia")
    [10, 6]
    """
    return [int(x) for x in SIDE_STYLE[side]["dashArray"].split()]
