"""Pure-Python core of kursk-claims-map: data loading, the claims model, zones.

Usable from a notebook without Streamlit::

    import geo
    regions = geo.load_regions()
    claims = geo.load_claims()
    zones = geo.claim_zones(as_of="2024-08-12")
    first, last = geo.record_span()
    said = geo.settlement_statements(as_of="2025-03-13")

The page and the HTTP routes read the same data through ``geo.dataset`` (loaded and
validated once per process, zones cached per date); ``geo.claim_zones(day)`` is that
pipeline, handing out a copy.
"""

from __future__ import annotations

from geo.claims import ClaimsError, claims_as_of, load_anchors, load_claims, validate_claims
from geo.currency import MAX_AGE_DAYS, select_as_of, territorial_statements
from geo.dataset import area_bearing, claim_zones, record_span
from geo.errors import DataError
from geo.regions import load_border, load_regions, load_towns
from geo.settlements import (
    SettlementsError,
    load_settlement_counts,
    load_settlements,
    settlement_statements,
    settlement_status,
)

__all__ = [
    "MAX_AGE_DAYS",
    "ClaimsError",
    "DataError",
    "SettlementsError",
    "area_bearing",
    "claim_zones",
    "claims_as_of",
    "load_anchors",
    "load_border",
    "load_claims",
    "load_regions",
    "load_settlement_counts",
    "load_settlements",
    "load_towns",
    "record_span",
    "select_as_of",
    "settlement_statements",
    "settlement_status",
    "territorial_statements",
    "validate_claims",
]
