"""Downloads of the current view: links to the stateless export routes (web/routes.py).

Each file is made from the view's URL by whichever replica answers, so downloads work
behind a load balancer and nothing is held in this session's memory.
"""

from __future__ import annotations

import streamlit as st

from components.present.exports import file_name
from components.present.exports.view_files import ExportData, build
from components.present.i18n import t
from components.present.links import (
    FILES,
    export_url,
)
from components.present.urls import ViewState
from components.render import session
from components.render.cache import load_data, settlement_records, zones_as_of
from components.render.pool import renders
from geo.upload import Overlay

#: How long the page's own PNG (with the reader's layer) may wait for a render slot, s.
OWN_PNG_WAIT_S = 30.0


def _with_own_layer(state: ViewState, overlay: Overlay) -> bytes:
    """The view's GeoJSON (zones and settlements) plus the reader's layer."""
    layer = (overlay.name, overlay.layer)
    zones, places = zones_as_of(state.date), settlement_records()
    return build("geojson", state, load_data(), zones, places, reader_layer=layer)


def _png_with_own_layer(state: ViewState, overlay: Overlay) -> bytes:
    """Rendered in the replica's one render pool, as the export routes' PNGs are (a long
    wait: a reader asked for it; a full queue fails this download only)."""
    return renders().render(
        build, "png", state, ExportData.of(load_data()), zones_as_of(state.date),
        wait_s=OWN_PNG_WAIT_S, reader_layer=(overlay.name, overlay.layer),
    )  # fmt: skip


def render_downloads(state: ViewState, overlay: Overlay | None) -> None:
    """Links to the view's files; the server sends each as an attachment.

    With an uploaded layer, one more file holds the zones plus that layer (marked as the
    reader's own); it is made in this session, the only place the upload exists.
    """
    with st.popover(t("downloads", state.lang), key=session.DOWNLOADS_POP):
        st.caption(t("dl_links_help", state.lang))
        cols = st.columns(2)
        for i, (key, kind) in enumerate(FILES):
            cols[i % 2].link_button(t(key, state.lang), export_url(kind, state), width="stretch")
        if overlay is None:
            return
        own = (
            ("dl_own", session.DL_OWN, _with_own_layer, "zones-and-my-layer.geojson",
             "application/geo+json"),
            ("dl_own_png", session.DL_OWN_PNG, _png_with_own_layer, "map-and-my-layer.png",
             "image/png"),
        )  # fmt: skip
        for label, key, build, suffix, mime in own:
            st.download_button(
                t(label, state.lang),
                lambda build=build: build(state, overlay),
                file_name(state.date, suffix),
                mime,
                key=key,
                on_click="ignore",
            )
