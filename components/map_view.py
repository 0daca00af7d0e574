"""Render the map with streamlit-folium: the base map stays, the overlay group changes."""

from __future__ import annotations

from collections.abc import Mapping

import geopandas as gpd
from streamlit_folium import st_folium

from components.cache import Data
from components.map_build import base_map, overlay
from components.state import ViewState

#: Only the viewport comes back from the map: clicks and hovers never rerun the script.
RETURNED = ["center", "zoom"]


def render_map(data: Data, zones: gpd.GeoDataFrame, state: ViewState) -> Mapping | None:
    """Draw the map at the state's viewport; returns what the map reported (centre/zoom)."""
    fmap = base_map(data.regions, data.border, data.towns, state.lang, state.base)
    group = overlay(zones, data.claims, state.sides(), state.lang, state.date)
    return st_folium(
        fmap,
        key=f"map-{state.lang}-{state.base}",
        feature_group_to_add=group,
        center=(state.lat, state.lon),
        zoom=state.z,
        returned_objects=RETURNED,
        use_container_width=True,
        height=520,
    )
