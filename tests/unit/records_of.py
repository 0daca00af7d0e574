"""Zone tables (``geo.claim_zones``, the fixtures ``zones``/``zones_on``) as the typed
records present takes (``geo.records.ClaimZone``): for tests that pick rows by table
operations and then ask present what it says about them."""

from __future__ import annotations

import pandas as pd

from geo.records import ClaimZone


def typed(zones: pd.DataFrame) -> tuple[ClaimZone, ...]:
    """A zone table as the typed records present builds words from, in its order."""
    return ClaimZone.from_frame(zones)


def typed_zone(row: pd.Series) -> ClaimZone:
    """One row of a zone table, typed."""
    return ClaimZone.from_row(row)
