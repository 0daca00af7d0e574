"""The reader's own layer on the map: its style, a Leaflet element that adds it, its legend row."""

from __future__ import annotations

import html

import folium
from branca.element import MacroElement, Template

from components.present.fmt import fmt_num
from components.present.i18n import t
from components.present.map_elements import Legend, swatch
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

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        (function() {
          var d = {{ this.data|tojson }}, head = {{ this.head|tojson }};
          var tip = {{ this.tip|tojson }}, style = {{ this.style|tojson }};
          var features = d.g.map(function(g, i) {
            return {type: "Feature", properties: {i: i},
                    geometry: {type: "MultiPolygon", coordinates: g}};
          });
          L.geoJson(features, {
            style: function() { return style; },
            onEachFeature: function(feature, layer) {
              var i = feature.properties.i, p = d.p[i], rows = "";
              for (var k = 0; k < p.length; k++) {
                rows += "<tr><th>" + p[k][0] + "</th><td>" + p[k][1] + "</td></tr>";
              }
              layer.bindPopup(head + "<div>" + d.a[i] + " km²</div><table>" + rows +
                              "</table>", {maxWidth: 320});
              layer.bindTooltip(tip + d.a[i] + " km²", {sticky: true});
            }
          }).addTo({{ this._parent.get_name() }});
        })();
        {% endmacro %}
        """
    )

    def __init__(self, overlay: Overlay, lang: str) -> None:
        super().__init__()
        self._name = "UserLayer"
        label = t("your_layer", lang)
        self.head = f"<b>{html.escape(label)}: {html.escape(overlay.name)}</b>"
        self.tip = html.escape(f"{label}: ")
        self.style = USER_STYLE
        layer = overlay.layer
        self.data = {
            "a": [fmt_num(a, lang, 1) for a in layer["area_km2"]],
            "p": [[[html.escape(k), html.escape(v)] for k, v in props.items()]
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
    esc = html.escape
    line = swatch(USER_STYLE["color"], USER_STYLE["dashArray"])
    area = fmt_num(overlay.total_km2, lang, 1)
    return (
        f"<details open><summary><b>{esc(t('your_layer', lang))}</b></summary>"
        f"<div>{line}{esc(overlay.name)} · {esc(area)} km²</div>"
        f"<p>{esc(t('legend_own', lang))}</p></details>"
    )
