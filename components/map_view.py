"""Render the map: the cached base map stays, only the overlay script changes per run."""

from __future__ import annotations

from collections.abc import Mapping

import streamlit_folium as sf

from components.cache import map_payload, overlay_js
from components.state import ViewState

MAP_HEIGHT = 520


def render_map(state: ViewState, user_js: str = "") -> Mapping | None:
    """Draw the map at the state's viewport; returns what the map reported (centre/zoom).

    Same arguments as ``st_folium(..., feature_group_to_add=..., returned_objects=
    ["center", "zoom"])`` but without re-rendering the fixed map on every run.
    """
    payload = map_payload(state.lang, state.base)
    return sf._component_func(
        **payload,
        height=MAP_HEIGHT,
        width=None,
        zoom=state.z,
        center=(state.lat, state.lon),
        feature_group=overlay_js(state.date, state.sides(), state.lang) + user_js,
        return_on_hover=False,
        layer_control=None,
        pixelated=False,
        on_change=None,
        wrap_longitude=False,
    )
