"""Render the map: the cached base map stays, only the overlay script changes per run."""

from __future__ import annotations

from collections.abc import Mapping

import streamlit as st
import streamlit_folium as sf

from components.cache import map_payload, overlay_js, settlement_js
from components.controls import current_state, render_toggles
from components.downloads import render_downloads
from components.share import render_share, sync_url
from components.state import ViewState, with_viewport
from components.timeline import render_outbound
from components.upload import user_script

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
        feature_group=overlay_js(state.date, state.sides(), state.lang)
        + settlement_js(state.date, state.lang)
        + user_js,
        return_on_hover=False,
        layer_control=None,
        pixelated=False,
        on_change=None,
        wrap_longitude=False,
    )


@st.fragment
def render_map_panel() -> None:
    """Toggles, map and what depends on them: a toggle or a pan reruns only this part."""
    render_toggles()
    state = current_state()
    reported = render_map(state, user_script(st.session_state.get("overlay"), state.lang))
    state = with_viewport(state, (reported or {}).get("center"), (reported or {}).get("zoom"))
    st.session_state["viewport"] = state
    render_share(state)
    render_downloads(state)
    render_outbound(state)
    sync_url(state)
