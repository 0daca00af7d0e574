"""Pure folium builder of the named-settlements layer: points styled by the sides' claims.

Each placed settlement named by the selected date is a dot: blue when Ukraine's side
last claimed it, orange when Russia's side last claimed ("liberated") it, split in
two when both sides claim it, light grey in a dark grey ring when only fighting or
trackers were reported (not white: white dots are the orientation towns). Same size
and shape for both sides. The dots shrink as the reader zooms out (:class:`DotScale`),
so some 80 villages around Sudzha leave the zones and town names readable. The
tooltip gives the date of the latest statement (an old claim shows its age); the
popup lists every statement up to the date, oldest first, each with its source. All
text is escaped (``templates/settlement_*.html.j2``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import folium
from branca.element import MacroElement

from components.present.figures import link_parts
from components.present.fmt import fmt_date
from components.present.i18n import t
from components.present.map_elements import Bind, Declutter, Focusable, Legend
from components.present.sides import SIDE_STYLE
from components.present.templating import (
    LeafletScript,
    macro,
    render,
    static_text,
    text_html,
    words,
)
from components.present.wording import localized
from geo.records import Settlement, SettlementClaim
from geo.settlements import STATUSES, place_statuses, said_as_of

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
    return str(macro("_parts.html.j2", "dot")(status, DOT_PX, FILL[status], _ring(status)))


def _ring(status: str) -> str:
    return GREY if status == "reported" else "#fff"


def scale_css() -> str:
    """Rules that size the map's dots by a zoom class on the map (legend dots stay 14 px).

    Only the drawn dot shrinks: the marker keeps its 24 px box, which is what a finger
    or pointer hits (WCAG 2.2 target size), the dot centred in it. ``Declutter`` keeps
    the boxes apart, so the zones between dots stay clickable.

    >>> ".stl-z8 .stl-icon .stl-dot{width:6px!important" in scale_css()
    True
    """
    return render("dot_scale.css.j2", steps=DOT_SCALE)


class DotScale(MacroElement):
    """Sets a ``stl-z<N>`` class on the map for the zoom bucket; added and removed with
    the settlements' group, so a rerun that swaps the layer swaps its handler too."""

    _template = LeafletScript("dot_scale.js.j2")

    def __init__(self) -> None:
        super().__init__()
        self._name = "DotScale"
        self.css = scale_css()
        self.steps = [zoom for zoom, _, _ in DOT_SCALE]


def display_name(place: Settlement, lang: str) -> str:
    """The settlement's name in the reader's language (``name_<lang>``), falling back to
    English."""
    return localized(place, "name", lang)


def russian_name(place: Settlement) -> str:
    """The Russian name shown beside the reader's ('Sudzha (Суджа)'), '' when the data has none."""
    return place.names.get("name", {}).get("ru", "")


def action_text(rec: SettlementClaim, lang: str) -> str:
    """What the statement says happened, and which army when that is not the speaker's own
    ('took control (Russian forces)')."""
    action = t(f"stl_action_{rec.action}", lang)
    if rec.acting_force and rec.acting_force != rec.side:
        action += " (" + t(f"stl_force_{rec.acting_force}", lang) + ")"
    return action


def statement(rec: SettlementClaim, lang: str) -> dict[str, object]:
    """One statement's parts for the popup: date, side, claimant, action (and army
    named), summary, source."""
    return {
        "side": rec.side,
        "date": fmt_date(rec.date, lang),
        "side_name": t("stl_side_" + rec.side, lang),
        "claimant": rec.claimant,
        "action": action_text(rec, lang),
        "summary": localized(rec, "summary", lang),
        "link": link_parts(rec.source_url, rec.source_outlet or rec.source_title),
        "relay": f" · {t('stl_relay', lang)}" if rec.evidence == "S" else "",
    }


def popup_html(place: Settlement, said: Sequence[SettlementClaim], status: str, lang: str) -> str:
    """Popup body: name (Russian name), status and every statement so far."""
    return render(
        "settlement_popup.html.j2",
        t=words(lang),
        name=display_name(place, lang),
        name_ru=russian_name(place),
        status=t(f"stl_status_{status}", lang),
        statements=[statement(rec, lang) for rec in said],
    )


def legend_css() -> str:
    """The legend's inline style (``static/settlement_legend.css``): the base map's CSS
    belongs to the claims layer."""
    return static_text("settlement_legend.css").rstrip("\n")


def legend_html(lang: str) -> str:
    """Folded legend of the dot styles and the rule behind them."""
    rows = [
        {"status": status, "fill": FILL[status], "ring": _ring(status),
         "label": t(f"stl_status_{status}", lang)}
        for status in STATUSES
    ]  # fmt: skip
    return render("settlement_legend.html.j2", t=words(lang), rows=rows, size=DOT_PX)


def settlement_layer(
    settlements: Sequence[Settlement],
    statements: Sequence[SettlementClaim],
    as_of: dt.date,
    lang: str,
) -> folium.FeatureGroup:
    """Placed settlements named on or before *as_of*, styled by the sides' latest claims."""
    group = folium.FeatureGroup(name="settlements")
    said = said_as_of(statements, as_of)
    rows = place_statuses(said)
    by_place: dict[str, list[SettlementClaim]] = {}
    for rec in said:
        by_place.setdefault(rec.settlement_id, []).append(rec)
    for place in settlements:
        if place.point is None or place.id not in rows:
            continue
        status = rows[place.id].status
        icon = folium.DivIcon(
            html=dot_html(status),
            icon_size=(TARGET_PX, TARGET_PX),
            icon_anchor=(TARGET_PX // 2, TARGET_PX // 2),
            class_name="stl-icon",
        )
        marker = folium.Marker((place.point.y, place.point.x), icon=icon, kcm_rank=RANK[status])
        tip = t("stl_tip", lang, name=display_name(place, lang),
                status=t(f"stl_status_{status}", lang),
                date=fmt_date(rows[place.id].last_date, lang))  # fmt: skip
        marker.add_child(Bind("tooltip", text_html(tip), {"direction": "top"}))
        marker.add_child(Focusable(tip))
        body = popup_html(place, by_place[place.id], status, lang)
        marker.add_child(Bind("popup", body, {"maxWidth": 340, "maxHeight": 280}))
        marker.add_to(group)
    Legend(legend_html(lang), class_name="stl-legend", css=legend_css()).add_to(group)
    DotScale().add_to(group)
    Declutter(t("stl_more", lang)).add_to(group)
    return group
