"""The static view of a link: one small server-made page with the map, figures and words.

``/embed?<view>`` (for an article's iframe) and ``/share?<view>`` (what a person who taps
a shared link sees) draw the view without Streamlit: no WebSocket, no script, an SVG map
(``components.present.exports.svg_map``), the page's own headline boxes, a description in
words and a button to the live app at the same view. HTML comes from the Jinja2
templates in ``web/templates`` (autoescaped); the CSS is ``web/static/view.css`` plus
the headline's rules, served as one file under a content hash. Pure apart from reading
those files once.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

import jinja2
from markupsafe import Markup

from components.present import templating
from components.present.describe import view_sentences
from components.present.exports.common import MapScene
from components.present.exports.png_map import png_legend_rows
from components.present.exports.svg_map import map_drawing
from components.present.headline import headline_html
from components.present.i18n import t
from components.present.palette import BORDER_COLOR, FOCUS_EDGE, FOCUS_FILL
from components.present.sides import CLAIM_FILL_OPACITY, SIDE_STYLE
from components.present.templating import static_text
from components.present.urls import APP, EMBED_CSS, Notice, ViewState, to_query
from components.present.zone_text import STALE_STYLE
from geo.dataset import Data
from geo.records import ClaimZone
from geo.registry import sha256_hex

HERE = Path(__file__).resolve().parent
TEMPLATES = HERE / "templates"
CSS_FILE = HERE / "static" / "view.css"
#: Links in the page are relative, so it works under any base path and never names a host.
ENV = jinja2.Environment(
    loader=jinja2.FileSystemLoader(TEMPLATES),
    autoescape=True,  # every template, .svg included
    undefined=jinja2.StrictUndefined,  # a missing value fails in tests, never prints ""
    trim_blocks=False,
)


@functools.cache
def stylesheet() -> bytes:
    """view.css plus the headline boxes' rules (one home: components/present/headline.py)."""
    headline = static_text("headline.css").strip()
    return (CSS_FILE.read_text(encoding="utf-8") + "\n" + headline + "\n").encode("utf-8")


def versioned_files() -> list[Path]:
    """The files a page is drawn from besides the data: its own templates and the present
    layer's templates and static files (the headline boxes, the legend rows' words)."""
    present = Path(templating.__file__).parent
    found = [*TEMPLATES.iterdir(), *(present / "templates").rglob("*"),
             *(present / "static").rglob("*")]  # fmt: skip
    return sorted(p for p in found if p.is_file())


@functools.cache
def code_version() -> str:
    """Digest of the files a page is drawn from and the stylesheet: part of every page's
    ETag, so a changed template is never answered 304 with the old page."""
    body = b"".join(p.name.encode() + p.read_bytes() for p in versioned_files()) + stylesheet()
    return sha256_hex(body)[:16]


def css_url() -> str:
    """Where the page's one stylesheet is served (``?v=`` its digest: cached for a year)."""
    return f".{EMBED_CSS}?v={sha256_hex(stylesheet())[:12]}"


@dataclass(frozen=True)
class LegendRow:
    """One legend entry: a swatch drawn like the map's shape, and its words."""

    label: str
    fill: str
    fill_opacity: float
    stroke: str
    stroke_opacity: float
    dash: str = ""


def legend(zones: Sequence[ClaimZone], sides: tuple[str, ...], lang: str) -> list[LegendRow]:
    """The PNG's legend rows (side and 'schematic, area-true'), the focus regions, the border."""
    rows = []
    for side, label, _figure, current in png_legend_rows(zones, sides, lang):
        colour, stale = SIDE_STYLE[side]["color"], {} if current else STALE_STYLE
        fill, line = stale.get("fillOpacity", CLAIM_FILL_OPACITY), stale.get("opacity", 1.0)
        rows.append(LegendRow(label, colour, fill, colour, line, SIDE_STYLE[side]["dashArray"]))
    rows.append(LegendRow(t("legend_focus", lang), FOCUS_FILL, 1.0, FOCUS_EDGE, 1.0))
    rows.append(LegendRow(t("legend_border", lang), "none", 0.0, BORDER_COLOR, 1.0))
    return rows


def notice_lines(notices: list[Notice], lang: str) -> list[str]:
    """The app's own notice for each ignored parameter, in the page language."""
    return [t("notice_invalid", lang, name=n.name, value=n.value) for n in notices]


def live_url(state: ViewState, embedded: bool) -> str:
    """Relative link to the live app at this view (in its embed mode inside an article)."""
    query = to_query(state)
    if embedded:
        query["embed"] = "true"
    return f".{APP}?{urlencode(query)}"


def view_page(
    kind: str,
    title: str,
    state: ViewState,
    notices: list[Notice],
    data: Data,
    zones: Sequence[ClaimZone],
    **extra: object,
) -> str:
    """The static page of a view: ``kind`` 'embed' or 'share' (template share.html).

    ``data``: geo.dataset.Data (regions, border, towns), ``zones``: the date's zones
    (geo.dataset.zones_on);
    ``extra``: the share page's meta tags, absolute URLs and forward address.
    """
    lang, sides = state.lang, state.sides()
    drawing = map_drawing(
        MapScene(data.regions, data.border, data.towns, zones, sides, lang),
        (state.lat, state.lon, state.z),
    )
    template = ENV.get_template("share.html" if kind == "share" else "view.html")
    return template.render(
        kind=kind,
        lang=lang,
        title=title,
        css_url=css_url(),
        notices=notice_lines(notices, lang),
        headline=Markup(headline_html(zones, lang)),  # escaped by its builder
        d=drawing,
        map_alt=t("map_alt", lang),
        legend=legend(zones, sides, lang),
        live_url=live_url(state, embedded=kind == "embed"),
        live_open=t("live_open", lang),
        live_hint=t("live_hint", lang),
        desc_heading=t("desc_heading", lang),
        description=view_sentences(zones, sides, lang, state.date),
        credits=t("credits", lang),
        **extra,
    )
