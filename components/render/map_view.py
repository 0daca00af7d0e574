"""Render the map panel: the map first, then the controls that stay next to it.

Two views are kept apart (see ``components/present/urls.py``): ``map_request`` is what the map
is asked to show and changes only on an explicit action; ``viewport`` is what the map
reports and only ever writes the address bar and the share link.
"""

from __future__ import annotations

import streamlit as st

from components.present.i18n import t
from components.present.map_labels import fit_script
from components.present.urls import MapRequest, ViewState, is_start_report, refit, with_viewport
from components.render import session
from components.render.cache import (
    claims_bounds,
    description,
    map_payload,
    overlay_js,
    settlement_js,
)
from components.render.controls import render_toggles
from components.render.downloads import render_downloads
from components.render.folium_payload import render_map_component
from components.render.page import render_description
from components.render.panels import render_outbound
from components.render.share import render_share, sync_url
from components.render.upload import user_script
from geo.upload import Overlay

#: Nominal frame height; the page's CSS sizes the frame to the screen (present/static/page.css).
MAP_HEIGHT = 520


def _fit_claims() -> None:
    session.ask_map(refit(session.map_request()))


def _fit_layer(bounds: tuple[float, float, float, float]) -> None:
    session.ask_map(refit(session.map_request(), bounds))


def map_script(state: ViewState, request: MapRequest, overlay: Overlay | None) -> str:
    """Overlay, reader's layer and (for a fit request) the one-off fit, as one script."""
    script = overlay_js(state.date, state.sides(), state.lang)
    script += settlement_js(state.date, state.lang)
    script += user_script(overlay, state.lang)
    if request.fit:
        bounds = request.bounds or claims_bounds(state.date, state.sides())
        script += fit_script(request.fit, bounds)
    return script


@st.fragment
def render_map_panel(compact: bool = False) -> None:
    """Map, toggles and what depends on them: a toggle or a pan reruns only this part.

    ``compact`` (embedded in an article): no share, download or outbound links.
    The view is read here, not passed in: a fragment's rerun gets the arguments of the
    last full run, and a toggle inside it has changed the view since.
    """
    state = session.view()
    request = session.map_request()
    overlay = session.overlay()
    # The view in words for screen readers, before the map and inside this fragment, so
    # a switched claim is described as shown, not as it was at the last full run.
    render_description(description(state.date, state.sides(), state.lang), state.lang)
    reported = render_map_component(
        map_payload(state.lang, state.base),
        map_script(state, request, overlay),
        request,
        MAP_HEIGHT,
    )
    reported = reported or {}
    if not is_start_report(reported.get("center"), reported.get("zoom"), request):
        state = with_viewport(state, reported.get("center"), reported.get("zoom"))
        session.set_viewport(state)
    with st.container(horizontal=True, vertical_alignment="center", key=session.MAP_CONTROLS):
        render_toggles(state.lang)
        st.button(t("fit_claims", state.lang), on_click=_fit_claims, key=session.FIT_CLAIMS)
        if overlay is not None and getattr(overlay, "bounds", None):
            st.button(t("upload_zoom", state.lang), on_click=_fit_layer, args=(overlay.bounds,))
    if not compact:
        with st.container(horizontal=True, key=session.MAP_ACTIONS):
            render_share(state)
            render_downloads(state, overlay)
        render_outbound(state)
    # The session's first run delivers the page script that stops every link update
    # from adding a history entry; writing the link in that same run raced it and left
    # one entry behind. The map's first report (a moment later) writes the link.
    if session.page_ready():
        sync_url(state, overlay is not None)
    session.mark_page_ready()
