"""The floor for bench/pageload.py: the least a Streamlit + st_folium map page costs.

One plain folium map with one GeoJSON polygon (className ``claim-ua``), Leaflet served
by the app itself exactly like components/map_build.py, no tiles. Run it with
cwd=/work/main so static/ and .streamlit/config.toml (enableStaticServing) apply.
"""

from __future__ import annotations

import folium
import streamlit as st
from streamlit_folium import st_folium

LEAFLET_JS = "/app/static/leaflet/leaflet.js"
LEAFLET_CSS = "/app/static/leaflet/leaflet.css"
#: A small quadrilateral near Sudzha: about the place and size of a claim zone.
POLYGON = {
    "type": "Polygon",
    "coordinates": [[[35.0, 51.1], [35.6, 51.1], [35.6, 51.45], [35.0, 51.45], [35.0, 51.1]]],
}

st.set_page_config(page_title="hello map", layout="wide")

fmap = folium.Map(location=(51.35, 35.45), zoom_start=8, tiles=None)
fmap.default_js = [("leaflet", LEAFLET_JS)]
fmap.default_css = [("leaflet_css", LEAFLET_CSS)]
folium.GeoJson(
    POLYGON,
    style_function=lambda _: {"color": "#0072B2", "className": "claim-ua"},
).add_to(fmap)
st_folium(fmap, height=520, returned_objects=[], key="hello")
