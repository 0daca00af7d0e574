"""The one home of streamlit-folium: what it sends to its frontend, and the call itself.

``st_folium`` re-renders the whole map on every script run (~150 ms for this map). The
base map never changes for a language and basemap, so its script is built once and
cached; per run only the small overlay script is made. The arguments mirror
``st_folium`` of the pinned streamlit-folium (tests compare them with the real call).

What this relies on in streamlit-folium 0.27.4 (``tests/unit/test_folium_payload.py``
fails loudly when an upgrade changes any of it): the private helpers used below, and
its frontend moving the map (``setView``) only when the ``center``/``zoom`` arguments
differ from the ones passed before, never when the map itself moved. So the map is
given only the view it is *asked* to show (``MapRequest``); what it reports goes to the
link alone.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

import folium
import streamlit_folium as sf
from branca.element import Element

from components.present.map_elements import allow_zoom
from components.present.urls import MapRequest

#: The streamlit-folium release whose frontend behaviour the module docstring describes.
PINNED_VERSION = "0.27.4"
#: Only the viewport comes back from the map: clicks and hovers never rerun the script.
RETURNED = ["center", "zoom"]


def _walk(element: Element) -> Iterator[Element]:
    yield element
    for child in getattr(element, "_children", {}).values():
        yield from _walk(child)


def base_payload(fmap: folium.Map, key: str, returned_objects: list[str]) -> dict:
    """Component arguments for the fixed map, as st_folium would compute them."""
    fmap.get_root().render()
    fmap.render()
    html = sf._get_html(fmap)
    # The component's page has a zoomable viewport tag; folium's would stop pinch-zoom.
    header = allow_zoom(sf._get_header(fmap), "")
    script = sf._get_map_string(fmap)
    css, js = [], []
    for element in _walk(fmap):
        css.extend(href for _, href in getattr(element, "default_css", []))
        js.extend(src for _, src in getattr(element, "default_js", []))
    defaults = {"zoom": fmap.options.get("zoom")}
    return {
        "script": script,
        "header": header,
        "html": html,
        "id": sf.get_full_id(fmap),
        "key": sf.generate_js_hash(script, key, False),
        "returned_objects": returned_objects,
        "default": {k: v for k, v in defaults.items() if k in returned_objects},
        "css_links": list(dict.fromkeys(css)),
        "js_links": list(dict.fromkeys(js)),
    }


def overlay_script(group: folium.FeatureGroup, idx: int = 0) -> str:
    """Script that adds a group to the live map (``feature_group_to_add``, position idx)."""
    host = folium.Map(tiles=None)
    return sf._get_feature_group_string(group, map=host, idx=idx)


def render_map_component(
    payload: dict, overlay_js: str, request: MapRequest, height: int
) -> Mapping | None:
    """Draw the cached map with this overlay; returns the view the map last reported.

    Same arguments as ``st_folium(..., feature_group_to_add=..., returned_objects=
    RETURNED)`` without re-rendering the fixed map on every run.
    """
    return sf._component_func(
        **payload,
        height=height,
        width=None,
        zoom=request.zoom(),
        center=request.center(),
        feature_group=overlay_js,
        return_on_hover=False,
        layer_control=None,
        pixelated=False,
        on_change=None,
        wrap_longitude=False,
    )
