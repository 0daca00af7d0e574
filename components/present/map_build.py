"""Pure folium builders: the fixed base map and the overlay layer that changes.

Nothing here calls Streamlit, so the builders are tested on folium objects and their
rendered HTML. The base map depends only on language and basemap choice, so toggles and
dates change the overlay group alone and the map (and the reader's pan/zoom) survives.
"""

from __future__ import annotations

import datetime as dt
import html
import json

import folium
import geopandas as gpd
import pandas as pd
import shapely
from branca.element import Element

from components.present.i18n import t
from components.present.map_elements import (
    ACCESS_CSS,
    Bind,
    Focusable,
    LabelPlacer,
    Legend,
    MapSetup,
    legend_html,
)
from components.present.map_labels import PLACER_JS, label_candidates, zone_label_html
from components.present.palette import (
    BORDER_COLOR,
    FOCUS_EDGE,
    FOCUS_FILL,
    OTHER_EDGE,
    OTHER_FILL,
    WATER_COLOR,
)
from components.present.sides import CLAIM_FILL_OPACITY, CLAIM_WEIGHT, SIDE_STYLE
from components.present.urls import DEFAULT_VIEW
from components.present.zone_text import (
    STALE_CLASS,
    claim_phrase,
    is_current,
    short_label,
    zone_access_label,
    zone_figure,
    zone_popup_html,
    zone_style_extra,
    zone_tooltip,
)
from web.assets import LEAFLET_CSS, LEAFLET_JS

#: OpenStreetMap tiles, faded: decoration only, the vector layers carry the geography.
TILES_LIGHT = "OpenStreetMap"

MAP_CSS = """
<style>
.leaflet-tooltip.label { background: transparent; border: 0; box-shadow: none; padding: 0; }
.leaflet-tooltip.label::before { display: none; }
.leaflet-container { font-family: system-ui, sans-serif; }
/* The page sizes the map's frame to the screen; the map fills the frame. */
body { margin: 0; }
#parent, #map_div { height: 100vh !important; }
.zone-label { background: rgba(255,255,255,.9); border: 0; border-left: 4px solid var(--c);
  border-radius: 2px; box-shadow: 0 1px 3px #0003; padding: 2px 6px; color: #111;
  font: 12px/1.25 system-ui, sans-serif; white-space: nowrap; pointer-events: none; }
.zone-label span { color: #444; font-size: 11px; }
.zone-label { position: absolute; left: 0; top: 0; width: max-content; }
.zone-label { max-width: 280px; white-space: normal; visibility: hidden; }
.zone-label .zl-short, .zone-label.short .zl-full { display: none; }
.zone-label.short .zl-short { display: block; }
.legend-empty { color: #444; }
.zone-label.label-stale { background: rgba(255,255,255,.75); color: #555;
  border-left-style: dotted; }
.leaflet-popup-content { margin: 10px 12px; font-size: 12px; line-height: 1.35; }
.claims-hint { background: rgba(255,255,255,.85); padding: 1px 6px; border-radius: 3px;
  font: 11px system-ui, sans-serif; color: #333; }
.region-label.minor { font-weight: 400; color: #777; font-size: 11px; }
.region-label { font: 600 13px/1.1 system-ui, sans-serif; color: #222; text-transform: uppercase;
  letter-spacing: .08em;
  text-shadow: 0 0 3px #fff, 0 0 3px #fff; white-space: nowrap; pointer-events: none; }
.town-label { font: 11px/1.1 system-ui, sans-serif; color: #333; white-space: nowrap;
  text-shadow: 0 0 2px #fff, 0 0 2px #fff; pointer-events: none; }
.town-label.rank-1 { font-weight: 600; font-size: 12px; }
.claims-legend { background: rgba(255,255,255,.93); padding: 6px 8px; border-radius: 4px;
  font: 12px/1.35 system-ui, sans-serif; max-width: 250px; box-shadow: 0 1px 4px #0003; }
.claims-legend svg { margin-right: 6px; vertical-align: middle; }
.claims-legend p { margin: 4px 0 0; color: #444; }
.claims-legend summary { cursor: pointer; }
@media (max-width: 500px) { .claims-legend { max-width: 170px; font-size: 11px; }
  .town-label.rank-3 { display: none; } .zone-label { font-size: 11px; } }
</style>
"""
#: Each zone label carries its side's colour as a left rule.
LABEL_CSS = (
    "<style>"
    + "".join(f".label-{side}{{--c:{s['color']}}}" for side, s in SIDE_STYLE.items())
    + f".leaflet-container{{background:{WATER_COLOR}}}"
    + "</style>"
)


def base_map(
    regions: gpd.GeoDataFrame,
    border: gpd.GeoDataFrame,
    towns: gpd.GeoDataFrame,
    lang: str = "en",
    basemap: str = "light",
) -> folium.Map:
    """The map that stays put: regions, border, labels; Leaflet from the app's server."""
    fmap = folium.Map(
        location=(DEFAULT_VIEW.lat, DEFAULT_VIEW.lon),
        zoom_start=DEFAULT_VIEW.z,
        tiles=None,
        min_zoom=5,
        max_zoom=13,
        control_scale=True,
    )
    # folium would load Leaflet, jQuery, Bootstrap and icon fonts from CDNs: use only
    # Leaflet, served locally.
    fmap.default_js = [("leaflet", LEAFLET_JS)]
    fmap.default_css = [("leaflet_css", LEAFLET_CSS)]
    fmap.get_root().header.add_child(Element(MAP_CSS + LABEL_CSS + ACCESS_CSS), name="claims_css")
    MapSetup(
        hint=t("touch_hint", lang),
        heading=t("map_heading", lang),
        name=t("map_name", lang),
        keys=t("map_keys", lang),
    ).add_to(fmap)
    if basemap == "light":
        folium.TileLayer(TILES_LIGHT, name="light", max_zoom=13, opacity=0.45).add_to(fmap)

    name = f"name_{lang}"
    shapes = regions[["iso_3166_2", "country", "focus", name, "geometry"]].rename(
        columns={name: "label"}
    )
    folium.GeoJson(
        json.loads(shapes.to_json(drop_id=True)),
        name="regions",
        style_function=_region_style,
        control=False,
    ).add_to(fmap)
    folium.GeoJson(
        json.loads(border[["geometry"]].to_json(drop_id=True)),
        name="border",
        style_function=lambda _: {
            "color": BORDER_COLOR,
            "weight": 2.5,
            "className": "state-border",
        },
        interactive=False,
        control=False,
    ).add_to(fmap)
    for row in regions.itertuples():
        css = "region-label" + ("" if row.focus else " minor")
        _label(fmap, (row.label_lat, row.label_lon), getattr(row, name), css)
    for row in towns.sort_values("rank").itertuples():
        folium.CircleMarker(
            (row.geometry.y, row.geometry.x),
            radius=2.5 if row.rank > 1 else 3.5,
            color="#333",
            weight=1,
            fill=True,
            fill_color="#fff",
            fill_opacity=1,
            interactive=False,
            class_name="town-dot",
        ).add_to(fmap)
        _label(
            fmap,
            (row.geometry.y, row.geometry.x),
            getattr(row, name),
            f"town-label rank-{row.rank}",
        )
    return fmap


def _region_style(feature: dict) -> dict:
    focus = feature["properties"]["focus"]
    return {
        "color": FOCUS_EDGE if focus else OTHER_EDGE,
        "weight": 1.4 if focus else 0.7,
        "fillColor": FOCUS_FILL if focus else OTHER_FILL,
        "fillOpacity": 0.6 if focus else 0.35,
        "className": "region focus" if focus else "region",
    }


def _label(fmap: folium.Map, latlon: tuple[float, float], text: str, css: str) -> None:
    """A text label: a permanent tooltip on an invisible point (no marker icons needed)."""
    anchor = folium.CircleMarker(latlon, radius=0, opacity=0, fill=False, interactive=False)
    Bind("tooltip", html.escape(text), {
        "permanent": True, "direction": "right", "className": f"label {css}", "offset": [4, 0],
    }).add_to(anchor)  # fmt: skip
    anchor.add_to(fmap)


def overlay(
    zones: gpd.GeoDataFrame,
    claims: pd.DataFrame,
    sides: tuple[str, ...],
    lang: str,
    as_of: dt.date,
) -> folium.FeatureGroup:
    """The claim zones for the chosen sides, with tooltips, popups and the legend.

    Wording and stale styling come from ``components/present/zone_text.py``.
    """
    group = folium.FeatureGroup(name="claims")
    by_id = claims.set_index("id")
    shown, stale = [], False
    ranks = _label_ranks(zones, sides)
    # Larger zones first, so smaller ones stay on top and clickable.
    for index, zone in zones.sort_values("area_km2", ascending=False).iterrows():
        if zone.side not in sides or zone.geometry is None or zone.geometry.is_empty:
            continue
        shown.append(zone.side)
        style = dict(SIDE_STYLE[zone.side], weight=CLAIM_WEIGHT, fillOpacity=CLAIM_FILL_OPACITY)
        style["fillColor"] = style["color"]
        extra = zone_style_extra(zone)
        if extra:
            stale = True
            style.update(extra, className=f"{style['className']} {STALE_CLASS}")
        folium.GeoJson(
            _on_screen(zone.geometry).__geo_interface__,
            style_function=lambda _, s=style: s,
            highlight_function=lambda _, s=style: dict(s, weight=s["weight"] + 1.5),
        ).add_child(
            Bind("tooltip", zone_tooltip(zone, by_id, lang, as_of), {"sticky": True})
        ).add_child(
            Bind("popup", zone_popup_html(zone, by_id, lang, as_of), POPUP_OPTIONS)
        ).add_child(Focusable(zone_access_label(zone, by_id, lang, as_of))).add_to(group)
        zone_label(zone, by_id, lang, ranks[index]).add_to(group)
    order = [side for side in SIDE_STYLE if side in shown]
    empty = [
        t(
            "legend_not_drawn" if z.get("shape") == "unplaced" else "legend_no_zone",
            lang,
            what=f"{claim_phrase(z, lang)}: {zone_figure(z, lang)}",
        )
        for _, z in zones.iterrows()
        if z.side in sides and (z.geometry is None or z.geometry.is_empty) and is_current(z)
    ]
    legend = legend_html(order, lang, as_of, stale=stale, empty=empty)
    Legend(legend).add_to(group)
    LabelPlacer(PLACER_JS).add_to(group)
    return group


def _on_screen(geom: object) -> object:
    """A zone's outline for the screen: vertices on a ~1 m grid (5 decimals of a degree),
    simplified within ~10 m, well under a pixel at the closest zoom (13, ~20 m): the
    drawn area stays within a fraction of a percent, and the overlay's bytes shrink."""
    return shapely.set_precision(geom, 1e-5, mode="pointwise").simplify(1e-4)


def _label_ranks(zones: gpd.GeoDataFrame, sides: tuple[str, ...]) -> dict[object, int]:
    """Which zone's label is placed first: current figures before stale ones, larger
    before smaller, so a faded zone's label never crowds out a current one's."""
    drawn = zones[zones["side"].isin(list(sides)) & ~zones.geometry.is_empty]
    order = sorted(drawn.iterrows(), key=lambda kv: (not is_current(kv[1]), -float(kv[1].area_km2)))
    return {index: rank for rank, (index, _) in enumerate(order)}


#: A popup scrolls inside itself rather than growing taller than a phone's map.
POPUP_OPTIONS = {"maxWidth": 300, "maxHeight": 230, "autoPanPaddingTopLeft": [10, 40]}


def zone_label(zone: object, by_id: pd.DataFrame, lang: str, rank: int) -> folium.Marker:
    """A permanent label in the side's colour, placed in the browser (``PLACER_JS``) at
    the first of its candidate places where it covers nothing; `rank` orders the labels.

    A marker with a text icon, not a permanent tooltip: tooltips placed before the map
    took its first view kept stale positions and drifted off the map. The label holds a
    full and a one-line form; the placer shows one or, if neither fits, none.
    """
    geom = zone.geometry
    point = geom.representative_point()
    at = [round(point.y, 5), round(point.x, 5)]
    full = zone_label_html(zone, by_id, lang)
    short = html.escape(short_label(zone, lang))
    css = f"zone-label label-{zone.side}" + ("" if is_current(zone) else " label-stale")
    body = (
        f'<div class="{css}" data-rank="{int(rank)}" data-at="{html.escape(json.dumps(at))}" '
        f'data-cands="{html.escape(json.dumps(label_candidates(geom)))}">'
        f'<div class="zl-full">{full}</div><div class="zl-short">{short}</div></div>'
    )
    return folium.Marker(
        at,
        icon=folium.DivIcon(html=body, icon_size=(0, 0), class_name="zone-label-anchor"),
        interactive=False,
        keyboard=False,
    )
