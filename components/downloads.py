"""Downloads of the current view: zones, figures, a print map and an HTML snapshot.

Files are made only when a button is pressed (deferred callables), so a rerun does not
pay for a 300 ms PNG.
"""

from __future__ import annotations

import streamlit as st

import geo
from components.cache import load_data, zones_as_of
from components.exports import figures_csv, map_html, map_png, zones_geojson
from components.i18n import t
from components.map_build import base_map, overlay
from components.state import ViewState


def _zones(state: ViewState) -> bytes:
    data = load_data()
    zones = zones_as_of(state.date)
    return zones_geojson(zones, data.claims, state.sides(), state.date).encode()


def _figures(state: ViewState) -> bytes:
    return figures_csv(geo.claims_as_of(load_data().claims, state.date))


def _png(state: ViewState) -> bytes:
    data = load_data()
    zones = zones_as_of(state.date)
    return map_png(
        data.regions, data.border, data.towns, zones, state.sides(), state.lang, state.date
    )


def _html(state: ViewState) -> str:
    data = load_data()
    fmap = base_map(data.regions, data.border, data.towns, state.lang, state.base)
    fmap.location = [state.lat, state.lon]
    fmap.options["zoom"] = state.z
    overlay(zones_as_of(state.date), data.claims, state.sides(), state.lang, state.date).add_to(
        fmap
    )
    return map_html(fmap)


#: (label key, maker, file suffix, MIME type), in display order.
FILES = (
    ("dl_geojson", _zones, "zones.geojson", "application/geo+json"),
    ("dl_csv", _figures, "figures.csv", "text/csv"),
    ("dl_png", _png, "map.png", "image/png"),
    ("dl_html", _html, "map.html", "text/html"),
)


def render_downloads(state: ViewState) -> None:
    """Download buttons for the view as it is now; each file is made on click."""
    stem = f"kursk-claims-{state.date.isoformat()}"
    with st.popover(t("downloads", state.lang), key="downloads_pop"):
        cols = st.columns(2)
        for i, (key, make, suffix, mime) in enumerate(FILES):
            cols[i % 2].download_button(
                t(key, state.lang),
                lambda make=make: make(state),
                f"{stem}-{suffix}",
                mime,
                key=key,
                on_click="ignore",
            )
