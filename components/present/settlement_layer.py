"""Pure folium builder of the named-settlements layer: points styled by the sides' claims.

Each placed settlement named by the selected date is a dot: blue when Ukraine's side
last claimed it, orange when Russia's side last claimed ("liberated") it, split in
two when both sides claim it, light grey in a dark grey ring when only fighting or
trackers were reported (not white: white dots are the orientation towns). Same size
and shape for both sides. The dots shrink as the reader zooms out (:class:`DotScale`),
so some 80 villages around Sudzha leave the zones and town names readable. The
tooltip gives the date of the latest statement (an old claim shows its age); the
popup lists every statement up to the date, oldest first, each with its source. All
text is escaped.
"""

from __future__ import annotations

import datetime as dt
import html

import folium
import geopandas as gpd
import pandas as pd
from branca.element import MacroElement
from jinja2 import Template

from components.present.figures import safe_link
from components.present.fmt import fmt_date
from components.present.i18n import t
from components.present.map_elements import Bind, Declutter, Focusable, Legend
from components.present.sides import SIDE_STYLE
from components.present.wording import localized
from geo.settlements import STATUSES, settlement_status, statements_as_of

RU, UA = SIDE_STYLE["russia"]["color"], SIDE_STYLE["ukraine"]["color"]
GREY = SIDE_STYLE["independent"]["color"]
#: Dot fill per status: the two sides differ only by colour; "contested" takes both halves.
FILL = {
    "ukraine": UA,
    "russia": RU,
    "contested": f"linear-gradient(90deg,{RU} 50%,{UA} 50%)",
    "reported": "#d4d4d4",
}
DOT_PX = 14
#: Which dot stays when two would sit on each other (Declutter): a place both sides
#: claim, then one a side claims (both sides alike), then one only named in reports.
RANK = {"contested": 0, "ukraine": 1, "russia": 1, "reported": 2}
#: The dot sits in a 24 px square a finger or pointer can hit (WCAG 2.2 target size).
TARGET_PX = 24


#: Dot size (px) and ring width by zoom, most zoomed-out first: (up to zoom, size, ring).
#: At zoom 9 the Sudzha district is ~100 px wide and holds ~60 dots; 14 px dots would
#: hide the zones under them.
DOT_SCALE: tuple[tuple[int, int, int], ...] = ((8, 6, 1), (9, 8, 1), (10, 11, 2))


def dot_html(status: str) -> str:
    """The marker's HTML: a round dot with a white ring (the dark edge keeps it visible)."""
    ring = GREY if status == "reported" else "#fff"
    return (
        f'<span class="stl-dot stl-{status}" style="display:block;flex:none;width:{DOT_PX}px;'
        f"height:{DOT_PX}px;box-sizing:border-box;border-radius:50%;"
        f'background:{FILL[status]};border:2px solid {ring};box-shadow:0 0 0 1px #222"></span>'
    )


def scale_css() -> str:
    """Rules that size the map's dots by a zoom class on the map (legend dots stay 14 px).

    Only the drawn dot shrinks: the marker keeps its 24 px box, which is what a finger
    or pointer hits (WCAG 2.2 target size), the dot centred in it. ``Declutter`` keeps
    the boxes apart, so the zones between dots stay clickable.

    >>> ".stl-z8 .stl-icon .stl-dot{width:6px!important" in scale_css()
    True
    """
    rules = [
        ".stl-icon .stl-dot{position:absolute;left:50%;top:50%;transform:translate(-50%,-50%)}",
    ]
    for zoom, size, ring in DOT_SCALE:
        rules.append(
            f".stl-z{zoom} .stl-icon .stl-dot{{width:{size}px!important;"
            f"height:{size}px!important;border-width:{ring}px!important}}"
        )
    return "".join(rules)


class DotScale(MacroElement):
    """Sets a ``stl-z<N>`` class on the map for the zoom bucket; added and removed with
    the settlements' group, so a rerun that swaps the layer swaps its handler too."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = L.layerGroup();
        {{ this.get_name() }}.onAdd = function (map) {
            if (!document.getElementById("stl-scale-css")) {
                var css = document.createElement("style");
                css.id = "stl-scale-css";
                css.textContent = {{ this.css|tojson }};
                document.head.appendChild(css);
            }
            var steps = {{ this.steps|tojson }}, box = map.getContainer();
            this._scale = function () {
                var z = map.getZoom();
                steps.forEach(function (s) { box.classList.remove("stl-z" + s); });
                for (var i = 0; i < steps.length; i++) {
                    if (z <= steps[i]) { box.classList.add("stl-z" + steps[i]); break; }
                }
            };
            map.on("zoomend", this._scale);
            this._scale();
        };
        {{ this.get_name() }}.onRemove = function (map) {
            map.off("zoomend", this._scale);
        };
        {{ this.get_name() }}.addTo({{ this._parent.get_name() }});
        {% endmacro %}
        """
    )

    def __init__(self) -> None:
        super().__init__()
        self._name = "DotScale"
        self.css = scale_css()
        self.steps = [zoom for zoom, _, _ in DOT_SCALE]


def display_name(row: object, lang: str) -> str:
    """The settlement's name in the reader's language (``name_<lang>``), falling back to
    English."""
    return localized(row, "name", lang)


def statement_html(rec: pd.Series, lang: str) -> str:
    """One statement: date, side, claimant, action (and army named), summary, source."""
    esc = html.escape
    side, force = rec["side"], rec["acting_force"]
    action = t(f"stl_action_{rec['action']}", lang)
    if force and (side == "independent" or force != side):
        action += " (" + t(f"stl_force_{force}", lang) + ")"
    relay = f" · {t('stl_relay', lang)}" if rec["evidence"] == "S" else ""
    link = safe_link(rec["source_url"], rec["source_outlet"] or rec["source_title"])
    return (
        f'<div class="stl-statement stl-side-{esc(side)}" style="margin-top:5px">'
        f"<b>{esc(fmt_date(rec['date'], lang))}</b> · {esc(t('stl_side_' + side, lang))}"
        f" · {esc(rec['claimant'])}: <b>{esc(action)}</b><br>"
        f"<span>{esc(rec['summary_en'])}</span><br>"
        f"<small>{esc(t('source', lang))}: {link}{esc(relay)}</small></div>"
    )


def popup_html(place: object, said: pd.DataFrame, status: str, lang: str) -> str:
    """Popup body: name (Russian name), status and every statement so far."""
    esc = html.escape
    head = f"<b>{esc(display_name(place, lang))}</b>"
    if place.name_ru:
        head += f" ({esc(place.name_ru)})"
    parts = [head, f"<div><i>{esc(t(f'stl_status_{status}', lang))}</i></div>"]
    parts += [statement_html(rec, lang) for _, rec in said.iterrows()]
    return f'<div class="stl-popup" style="font-size:12px;line-height:1.35">{"".join(parts)}</div>'


#: Styled inline: the base map's CSS belongs to the claims layer.
LEGEND_CSS = (
    "background:rgba(255,255,255,.93);padding:6px 8px;border-radius:4px;"
    "font:12px/1.35 system-ui,sans-serif;max-width:250px;box-shadow:0 1px 4px #0003"
)


def legend_html(lang: str) -> str:
    """Folded legend of the dot styles and the rule behind them."""
    esc = html.escape
    rows = [
        f'<details><summary style="cursor:pointer"><b>{esc(t("stl_layer", lang))}</b></summary>'
    ]
    for status in STATUSES:
        rows.append(
            f'<div style="display:flex;gap:6px;align-items:center">{dot_html(status)}'
            f"{esc(t(f'stl_status_{status}', lang))}</div>"
        )
    rows.append(f'<p style="margin:4px 0 0;color:#444">{esc(t("stl_rule", lang))}</p>')
    rows.append(
        f'<p style="margin:4px 0 0;color:#666;font-size:10px">{esc(t("stl_credits", lang))}</p>'
        "</details>"
    )
    return "".join(rows)


def settlement_layer(
    settlements: gpd.GeoDataFrame, statements: pd.DataFrame, as_of: dt.date, lang: str
) -> folium.FeatureGroup:
    """Placed settlements named on or before *as_of*, styled by the sides' latest claims."""
    group = folium.FeatureGroup(name="settlements")
    said = statements_as_of(statements, as_of)
    rows = settlement_status(said).set_index("settlement_id")
    status, latest = rows["status"], rows["last_date"]
    for place in settlements.itertuples():
        if not place.located or place.id not in status.index:
            continue
        icon = folium.DivIcon(
            html=dot_html(status[place.id]),
            icon_size=(TARGET_PX, TARGET_PX),
            icon_anchor=(TARGET_PX // 2, TARGET_PX // 2),
            class_name="stl-icon",
        )
        marker = folium.Marker(
            (place.geometry.y, place.geometry.x), icon=icon, kcm_rank=RANK[status[place.id]]
        )
        tip = t("stl_tip", lang, name=display_name(place, lang),
                status=t(f"stl_status_{status[place.id]}", lang),
                date=fmt_date(latest[place.id], lang))  # fmt: skip
        marker.add_child(Bind("tooltip", html.escape(tip), {"direction": "top"}))
        marker.add_child(Focusable(tip))
        own = said[said["settlement_id"] == place.id]
        body = popup_html(place, own, status[place.id], lang)
        marker.add_child(Bind("popup", body, {"maxWidth": 340, "maxHeight": 280}))
        marker.add_to(group)
    Legend(legend_html(lang), class_name="stl-legend", css=LEGEND_CSS).add_to(group)
    DotScale().add_to(group)
    Declutter(t("stl_more", lang)).add_to(group)
    return group
