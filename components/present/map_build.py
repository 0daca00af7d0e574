"""Pure folium builders: the fixed base map and the overlay layer that changes.

Nothing here calls Streamlit, so the builders are tested on folium objects and their
rendered HTML. The base map depends only on language and basemap choice, so toggles and
dates change the overlay group alone and the map (and the reader's pan/zoom) survives.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping, Sequence

import folium
import geopandas as gpd
import shapely
from branca.element import Element

from components.present.i18n import t
from components.present.leaflet import LEAFLET_CSS, LEAFLET_JS
from components.present.map_elements import (
    Bind,
    Focusable,
    LabelPlacer,
    Legend,
    MapSetup,
    legend_html,
)
from components.present.map_labels import label_candidates, label_lines, placer_js
from components.present.palette import BORDER_COLOR, WATER_COLOR, region_colors
from components.present.sides import CLAIM_FILL_OPACITY, CLAIM_WEIGHT, SIDE_STYLE
from components.present.templating import render, style, text_html
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
from geo.records import Claim, ClaimZone

#: OpenStreetMap tiles, faded: decoration only, the vector layers carry the geography.
TILES_LIGHT = "OpenStreetMap"


def map_css() -> str:
    """The base map's stylesheets: labels, legend, hints (``static/map.css``), each zone
    label's side colour and the sea's (``templates/label_colours.css.j2``), and what
    keyboards and screen readers need (``static/map_access.css``)."""
    colours = [(side, s["color"]) for side, s in SIDE_STYLE.items()]
    return (
        style("map.css", before="\n", after="\n")
        + render("label_colours.css.j2", colours=colours, water=WATER_COLOR)
        + style("map_access.css", before="\n", after="\n")
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
    fmap.get_root().header.add_child(Element(map_css()), name="claims_css")
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
    fill, edge = region_colors(focus)
    return {
        "color": edge,
        "weight": 1.4 if focus else 0.7,
        "fillColor": fill,
        "fillOpacity": 0.6 if focus else 0.35,
        "className": "region focus" if focus else "region",
    }


def _label(fmap: folium.Map, latlon: tuple[float, float], text: str, css: str) -> None:
    """A text label: a permanent tooltip on an invisible point (no marker icons needed)."""
    anchor = folium.CircleMarker(latlon, radius=0, opacity=0, fill=False, interactive=False)
    Bind("tooltip", text_html(text), {
        "permanent": True, "direction": "right", "className": f"label {css}", "offset": [4, 0],
    }).add_to(anchor)  # fmt: skip
    anchor.add_to(fmap)


def overlay(
    zones: Sequence[ClaimZone],
    by_id: Mapping[str, Claim],
    sides: tuple[str, ...],
    lang: str,
    as_of: dt.date,
) -> folium.FeatureGroup:
    """The claim zones for the chosen sides, with tooltips, popups and the legend.

    ``by_id``: the ledger's records by id (a zone's popup lists those behind it).
    Wording and stale styling come from ``components/present/zone_text.py``.
    """
    group = folium.FeatureGroup(name="claims")
    shown, stale = [], False
    ranks = _label_ranks(zones, sides)
    # Larger zones first, so smaller ones stay on top and clickable.
    for index, zone in sorted(enumerate(zones), key=lambda kv: -kv[1].area_km2):
        if zone.side not in sides or not zone.drawn:
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
        ).add_child(Bind("tooltip", zone_tooltip(zone, lang), {"sticky": True})).add_child(
            Bind("popup", zone_popup_html(zone, by_id, lang), POPUP_OPTIONS)
        ).add_child(Focusable(zone_access_label(zone, lang))).add_to(group)
        zone_label(zone, lang, ranks[index]).add_to(group)
    order = [side for side in SIDE_STYLE if side in shown]
    empty = [
        t(
            "legend_not_drawn" if z.shape == "unplaced" else "legend_no_zone",
            lang,
            what=f"{claim_phrase(z, lang)}: {zone_figure(z, lang)}",
        )
        for z in zones
        if z.side in sides and not z.drawn and is_current(z)
    ]
    legend = legend_html(order, lang, as_of, stale=stale, empty=empty)
    Legend(legend).add_to(group)
    LabelPlacer(placer_js()).add_to(group)
    return group


def _on_screen(geom: object) -> object:
    """A zone's outline for the screen: vertices on a ~1 m grid (5 decimals of a degree),
    simplified within ~10 m, well under a pixel at the closest zoom (13, ~20 m): the
    drawn area stays within a fraction of a percent, and the overlay's bytes shrink."""
    return shapely.set_precision(geom, 1e-5, mode="pointwise").simplify(1e-4)


def _label_ranks(zones: Sequence[ClaimZone], sides: tuple[str, ...]) -> dict[int, int]:
    """Which zone's label is placed first (by the zone's place in ``zones``): current
    figures before stale ones, larger before smaller, so a faded zone's label never
    crowds out a current one's."""
    drawn = [(i, z) for i, z in enumerate(zones) if z.side in sides and z.drawn]
    order = sorted(drawn, key=lambda kv: (not is_current(kv[1]), -float(kv[1].area_km2)))
    return {index: rank for rank, (index, _) in enumerate(order)}


#: A popup scrolls inside itself rather than growing taller than a phone's map.
POPUP_OPTIONS = {"maxWidth": 300, "maxHeight": 230, "autoPanPaddingTopLeft": [10, 40]}


def zone_label(zone: ClaimZone, lang: str, rank: int) -> folium.Marker:
    """A permanent label in the side's colour, placed in the browser (``placer_js``) at
    the first of its candidate places where it covers nothing; `rank` orders the labels.

    A marker with a text icon, not a permanent tooltip: tooltips placed before the map
    took its first view kept stale positions and drifted off the map. The label holds a
    full and a one-line form; the placer shows one or, if neither fits, none.
    """
    geom = zone.geometry
    point = geom.representative_point()
    at = [round(point.y, 5), round(point.x, 5)]
    body = render(
        "zone_label.html.j2",
        css=f"zone-label label-{zone.side}" + ("" if is_current(zone) else " label-stale"),
        rank=int(rank),
        at=json.dumps(at),
        cands=json.dumps(label_candidates(geom)),
        short=short_label(zone, lang),
        **label_lines(zone, lang),
    )
    return folium.Marker(
        at,
        icon=folium.DivIcon(html=body, icon_size=(0, 0), class_name="zone-label-anchor"),
        interactive=False,
        keyboard=False,
    )
