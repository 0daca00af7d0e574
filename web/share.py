"""Link previews: the /share page's Open Graph tags and the /oembed answer. Pure.

Chat apps and social sites read these tags instead of running the app, so the page says
what the view shows (sides, date, headline figures with who said them) in the link's
language, points at a 1200×630 picture of the view; a person sees the view drawn
statically at once, with the live app one tap away.
"""

from __future__ import annotations

from collections.abc import Sequence
from urllib.parse import quote

from components.present.embed import EMBED_HEIGHT, iframe_snippet
from components.present.fmt import fmt_date
from components.present.i18n import t
from components.present.urls import APP, EMBED, OEMBED, SHARE, SHARE_CARD, Notice, ViewState
from components.present.zone_text import legend_figure_line
from geo.dataset import Data
from geo.records import ClaimZone
from web.exports import OG_SIZE
from web.pages import view_page
from web.views import canonical_query

LOCALES = {"en": "en_GB", "nl": "nl_NL"}


def links(base: str, state: ViewState) -> dict[str, str]:
    """Absolute URLs of a view: app, share page, static embed, card image, oEmbed.

    ``base``: the public base URL (web.public), never the request's Host.
    """
    query = canonical_query(state)
    share = f"{base}{SHARE}?{query}"
    return {
        "app": f"{base}{APP}?{query}",
        "share": share,
        "embed": f"{base}{EMBED}?{query}",
        "image": f"{base}{SHARE_CARD}?{query}",
        "oembed": f"{base}{OEMBED}?format=json&url={quote(share, safe='')}",
    }


def title(state: ViewState) -> str:
    """What the view shows and its date, e.g. 'Kursk incursion: Russian claim, … as of …'."""
    names = [t(f"side_{side}", state.lang) for side in state.sides()]
    what = ", ".join(names) if names else t("og_nothing", state.lang)
    return t("og_title", state.lang, what=what, date=fmt_date(state.date, state.lang))


def description(state: ViewState, zones: Sequence[ClaimZone]) -> str:
    """The headline figures shown, each with claimant and date, then the method caveat.

    Worded as the map's legend words them (components.present.zone_text): derived and stale
    figures say so, in the link's language.
    """
    parts = []
    for side in state.sides():
        rows = [zone for zone in zones if zone.side == side]
        # Current figures first; every ground the side spoke of, in both directions.
        for zone in sorted(rows, key=lambda z: not z.current):
            parts.append(legend_figure_line(zone, state.lang))
    parts.append(t("og_tail", state.lang))
    return ". ".join(p.rstrip(".") for p in parts) + "."


def share_page(
    base: str,
    state: ViewState,
    data: Data,
    zones: Sequence[ClaimZone],
    notices: list[Notice] | None = None,
    forward: str | None = None,
) -> str:
    """The page behind a shared link: preview tags, then the view itself, static.

    A person sees the view's map, figures and description at once, with a button to the
    live app; a link with a bad parameter instead goes on at once to the app (``forward``,
    which shows its usual notice), while crawlers still read the tags of the view shown.
    """
    urls = links(base, state)
    head, desc = title(state), description(state, zones)
    meta = [
        ("property", "og:type", "website"),
        ("property", "og:site_name", t("provider", state.lang)),
        ("property", "og:locale", LOCALES[state.lang]),
        ("property", "og:title", head),
        ("property", "og:description", desc),
        ("property", "og:url", urls["share"]),
        ("property", "og:image", urls["image"]),
        ("property", "og:image:type", "image/png"),
        ("property", "og:image:width", str(OG_SIZE[0])),
        ("property", "og:image:height", str(OG_SIZE[1])),
        ("property", "og:image:alt", head),
        ("name", "twitter:card", "summary_large_image"),
        ("name", "twitter:title", head),
        ("name", "twitter:description", desc),
        ("name", "twitter:image", urls["image"]),
        ("name", "description", desc),
    ]
    return view_page(
        "share", head, state, notices or [], data, zones, meta=meta, urls=urls, forward=forward
    )


def oembed(
    base: str, state: ViewState, zones: Sequence[ClaimZone], maxwidth: int | None = None
) -> dict:
    """oEmbed 1.0 'rich' answer: the static embed's snippet plus the preview picture.

    The static embed (one cacheable page, the live app a tap away) is what an article
    should carry; the live ``?embed=true`` page stays available from the app's own
    "Embed this view".
    """
    urls = links(base, state)
    head = title(state)
    width = min(maxwidth or 800, 800)
    return {
        "version": "1.0",
        "type": "rich",
        "title": head,
        "provider_name": t("provider", state.lang),
        "provider_url": f"{base}/",
        "html": iframe_snippet(urls["embed"], head),
        "width": width,
        "height": EMBED_HEIGHT,
        "thumbnail_url": urls["image"],
        "thumbnail_width": OG_SIZE[0],
        "thumbnail_height": OG_SIZE[1],
        "description": description(state, zones),
    }
