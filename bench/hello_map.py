"""The floor for bench/pageload.py: the least a Streamlit + st_folium map page costs.

One plain folium map with one GeoJSON polygon (className ``claim-ua``), no tiles, Leaflet
served through Streamlit's component file server exactly like components/present/map_build.py.
A toggle keyed ``ru`` adds a second polygon (``claim-ru``) through
``feature_group_to_add``, the idiomatic streamlit-folium way to change a layer without a
new map: it gives the toggle and rerun numbers a floor too.
"""

from __future__ import annotations

import folium
import streamlit as st
from streamlit_folium import st_folium

from components.present.leaflet import LEAFLET_CSS, LEAFLET_JS
from components.present.urls import DEFAULT_VIEW
from components.render.leaflet_assets import register_leaflet

#: Two small boxes near Sudzha, about the place and size of the claim zones.
UA_BOX = [[[35.0, 51.1], [35.6, 51.1], [35.6, 51.45], [35.0, 51.45], [35.0, 51.1]]]
RU_BOX = [[[35.1, 51.15], [35.4, 51.15], [35.4, 51.35], [35.1, 51.35], [35.1, 51.15]]]


def box(coords: list, css: str) -> folium.GeoJson:
    """One polygon whose SVG path carries ``css`` as its class."""
    geometry = {"type": "Polygon", "coordinates": coords}
    return folium.GeoJson(geometry, style_function=lambda _: {"className": css})


st.set_page_config(page_title="hello map", layout="wide")
register_leaflet()  # Leaflet at LEAFLET_JS for this run, as the app does
show_ru = st.toggle("Second polygon", value=True, key="ru")

fmap = folium.Map(
    location=(DEFAULT_VIEW.lat, DEFAULT_VIEW.lon), zoom_start=DEFAULT_VIEW.z, tiles=None
)
fmap.default_js = [("leaflet", LEAFLET_JS)]
fmap.default_css = [("leaflet_css", LEAFLET_CSS)]
box(UA_BOX, "claim-ua").add_to(fmap)
group = folium.FeatureGroup(name="overlay")
if show_ru:
    box(RU_BOX, "claim-ru").add_to(group)
st_folium(
    fmap,
    key="hello",
    height=520,
    use_container_width=True,
    returned_objects=[],
    feature_group_to_add=group,
)
