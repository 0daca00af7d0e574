"""Leaflet elements the maps share: legend control, popup/tooltip binding, map furniture.

Pure folium/branca ``MacroElement``s plus the legend body; the base map, the overlay,
the settlement layer and the reader's layer all use them (``map_build.py`` assembles).
"""

from __future__ import annotations

import datetime as dt
import re

from branca.element import MacroElement

from components.present.fmt import fmt_date
from components.present.i18n import t
from components.present.palette import BORDER_COLOR
from components.present.sides import SIDE_STYLE
from components.present.templating import LeafletScript, render, words
from geo.currency import MAX_AGE_DAYS


def legend_html(
    sides: list[str],
    lang: str,
    as_of: dt.date,
    stale: bool = False,
    empty: list[str] | None = None,
) -> str:
    """Legend body: claim styles shown, the border, as-of date; how to read it, folded.

    `empty` lists figures that draw no zone (0 km², or a place not located); `stale`
    adds the faint-outline key. The reading notes and credits fold under "how to read",
    so the open legend stays small enough to leave the zones clear on a laptop.
    """
    rows = [
        {
            "color": SIDE_STYLE[side]["color"],
            "dash": SIDE_STYLE[side]["dashArray"],
            "label": t(f"side_{side}", lang),
        }
        for side in sides
    ]
    return render(
        "legend.html.j2",
        t=words(lang),
        rows=rows,
        border=BORDER_COLOR,
        empty=empty or [],
        as_of=t("legend_as_of", lang, date=fmt_date(as_of, lang)),
        stale=t("legend_stale", lang, max=MAX_AGE_DAYS) if stale else "",
    )


class _Script(MacroElement):
    """A script element whose template reads the fields it was given (``this.<field>``)."""

    def __init__(self, **fields: object) -> None:
        super().__init__()
        self._name = type(self).__name__
        self.__dict__.update(fields)


class MapSetup(_Script):
    """Neutral map furniture, phone-friendly gestures and access, set once per map.

    Leaflet's attribution prefix carries a national flag; on a map that compares both
    sides' claims the furniture stays neutral, so the prefix is the plain word. On touch
    screens one finger scrolls the page (no scroll trap) and two fingers move the map.

    For screen readers and keyboards, in the map's own document (streamlit-folium's
    frame, or a saved HTML file): the map and its furniture sit in one ``<main>`` with a
    level-one heading; the map is a named region whose keys (arrows pan, + and − zoom,
    Tab reaches each claim) are said in a hint shown while it has keyboard focus; and
    ``kcmFocusable`` (used by :class:`Focusable`) makes a layer reachable with Tab,
    named, opened with Enter or Space and closed with Escape (Leaflet's own Escape
    works only while the map itself has focus).
    Fields: ``hint`` (the two-finger hint), ``heading``, ``name`` and ``keys`` (the
    keyboard hint), each in the page language.
    """

    _template = LeafletScript("map_setup.js.j2")


class Focusable(_Script):
    """Make the parent layer (a zone's shapes, a settlement's dot) reachable with Tab and
    named for screen readers (``label``, plain text, passed as a JSON string); Enter or
    Space opens its popup. Needs :class:`MapSetup` on the map (``kcmFocusable``)."""

    _template = LeafletScript("focusable.js.j2")

    def __init__(self, label: str) -> None:
        super().__init__(label=label)


class Declutter(_Script):
    """Keep the parent group's markers from sitting on each other at any zoom.

    A marker with a ``kcmRank`` option is a target a reader taps or tabs to (a
    settlement's 24 px dot). After each move or zoom, markers are taken in rank order
    (then in the order given); one whose target would come within ``gap`` px of a kept
    one's is folded into it: hidden, out of the Tab order, and counted on the kept one as
    a "+N" badge and in its name ("+N " and ``more``, in the page language). One under a
    map control (the legend, the zoom buttons) is hidden the same way, also when a
    legend opens or folds. Zooming in or moving the map unfolds them. Every place stays
    listed in the Settlements panel.
    """

    _template = LeafletScript("declutter.js.j2")

    def __init__(self, more: str, gap: int = 12) -> None:
        super().__init__(more=more, gap=gap)


def viewport() -> str:
    """A viewport tag that lets the page be pinch-zoomed: folium asks for a page that
    cannot be zoomed (``user-scalable=no``); a reader who needs larger text must be able
    to pinch-zoom, so the map's page gets this one instead."""
    return render("viewport.html.j2")


def allow_zoom(page_html: str, replacement: str | None = None) -> str:
    """The HTML with folium's zoom-blocking viewport tag replaced (by :func:`viewport`;
    ``""`` drops it where the page has a zoomable one of its own).

    >>> allow_zoom('<meta name="viewport" content="width=device-width,\\n'
    ...            '  initial-scale=1.0, maximum-scale=1.0, user-scalable=no" />')
    '<meta name="viewport" content="width=device-width, initial-scale=1">'
    """
    new = viewport() if replacement is None else replacement
    return re.sub(r'<meta name="viewport"[^>]*>', lambda _: new, page_html)


class Legend(_Script):
    """A legend control that lives inside a layer group (claims, settlements, your layer).

    It is added and removed with its group, so a rerun that swaps the overlay
    (streamlit-folium ``feature_group_to_add``) swaps the legend without a new map.
    Fields: ``body`` (escaped HTML, a ``<details>``), ``class_name``, optional inline
    ``css`` (for legends whose group does not own the base map's CSS).
    """

    _template = LeafletScript("legend.js.j2")

    def __init__(self, body: str, class_name: str = "claims-legend", css: str = "") -> None:
        super().__init__(body=body, class_name=class_name, css=css)


class Bind(_Script):
    """Bind a popup or tooltip to the parent layer, passing the HTML as a JSON string.

    folium's own Popup needs jQuery and its Tooltip pastes text into a JS template
    literal; this needs neither, and ``tojson`` keeps any text inert in the script.
    The HTML itself must already be escaped by the caller.
    """

    _template = LeafletScript("bind.js.j2")

    def __init__(self, kind: str, body: str, options: dict | None = None) -> None:
        if kind not in ("popup", "tooltip"):
            raise ValueError(f"kind must be 'popup' or 'tooltip', not {kind!r}")
        method = "bindPopup" if kind == "popup" else "bindTooltip"
        super().__init__(method=method, body=body, options=options or {})


class LabelPlacer(_Script):
    """Places the zone labels of its group in the browser (``static/label_placer.js``).

    A layer group, like :class:`Legend`: added with the claims overlay, so every new
    overlay (date, sides, language) is placed again, and again after every zoom and pan.
    Field: ``code`` (the placer script, a constant of this project).
    """

    _template = LeafletScript("label_placer.js.j2")

    def __init__(self, code: str) -> None:
        super().__init__(code=code)
