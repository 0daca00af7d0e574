"""All caching in one place. Loaded data is shared read-only across sessions.

``st.cache_resource`` (no copy per rerun) is used for data that callers never mutate;
that keeps a rerun well under the 30 ms budget.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import geopandas as gpd
import pandas as pd
import streamlit as st

import geo
from components.static_assets import ensure_leaflet


@dataclass(frozen=True)
class Data:
    """Everything the page reads from data/."""

    regions: gpd.GeoDataFrame
    border: gpd.GeoDataFrame
    towns: gpd.GeoDataFrame
    claims: pd.DataFrame

    @property
    def date_range(self) -> tuple[dt.date, dt.date]:
        """First and last statement dates."""
        return self.claims["date"].min().date(), self.claims["date"].max().date()

    @property
    def seed_date(self) -> dt.date:
        """Date of the seed article's figures: the default view."""
        seeded = self.claims[self.claims["source_seed"].notna()]
        return seeded["date"].max().date()


@st.cache_resource(show_spinner=False)
def load_data() -> Data:
    """Read and validate data/ once per process (raises DataError/ClaimsError)."""
    ensure_leaflet()
    return Data(geo.load_regions(), geo.load_border(), geo.load_towns(), geo.load_claims())


@st.cache_resource(show_spinner=False, max_entries=400)
def zones_as_of(as_of: dt.date) -> gpd.GeoDataFrame:
    """Claim zones for one date (a few tens of ms to build; cached per date)."""
    data = load_data()
    return geo.claim_zones(as_of, claims=data.claims, regions=data.regions)
