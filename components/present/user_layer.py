"""The reader's own layer on the map: its style, a Leaflet element that adds it, its legend row."""

from __future__ import annotations

import folium
from branca.element import MacroElement

from components.present.fmt import fmt_num
from components.present.i18n import t
from components.present.map_elements import Legend
from components.present.templating import LeafletScript, render, text_html, words
from geo.upload import Overlay

USER_STYLE = {
    "color": "#CC79A7",
    "fillColor": "#CC79A7",
    "weight": 2.5,
    "fillOpacity": 0.12,
    "dashArray": "8 3 2 3",
    "className": "user-layer",
}


class UserLayer(MacroElement):
    """The uploaded features as one GeoJSON layer, with area and properties in a popup.

    Sent compactly: parallel arrays of coordinates (as MultiPolygons), area texts and
    (HTML-escaped) properties; the features, popups and tooltips are put together in the
    browser, so a feature costs a few bytes beyond its coordinates. All text goes in
    through ``tojson``.
    """

    _template = LeafletScript("user_layer.js.j2")

    def __init__(self, overlay: Overlay, lang: str) -> None:
        super().__init__()
        self._name = "UserLayer"
        label = t("your_layer", lang)
        self.head = render("user_popup_head.html.j2", label=label, name=overlay.name)
        self.tip = text_html(f"{label}: ")
        self.style = USER_STYLE
        layer = overlay.layer
        self.data = {
            "a": [fmt_num(a, lang, 1) for a in layer["area_km2"]],
            "p": [[[text_html(k), text_html(v)] for k, v in props.items()]
                  for props in layer["properties"]],
            "g": [_multipolygon(g) for g in layer.geometry],
        }  # fmt: skip


def _multipolygon(geom) -> list:
    """Coordinates of a Polygon or MultiPolygon as MultiPolygon coordinates."""
    coords = geom.__geo_interface__["coordinates"]
    return [coords] if geom.geom_type == "Polygon" else list(coords)


def user_group(overlay: Overlay, lang: str) -> folium.FeatureGroup:
    """The uploaded layer in its own feature group (drawn above the claims)."""
    group = folium.FeatureGroup(name="user")
    UserLayer(overlay, lang).add_to(group)
    Legend(user_legend_html(overlay, lang)).add_to(group)
    return group


def user_legend_html(overlay: Overlay, lang: str) -> str:
    """The legend of the reader's layer: its style, name and area, marked as their own."""
    return render(
        "user_legend.html.j2",
        t=words(lang),
        color=USER_STYLE["color"],
        dash=USER_STYLE["dashArray"],
        name=overlay.name,
        area=fmt_num(overlay.total_km2, lang, 1),
    )
