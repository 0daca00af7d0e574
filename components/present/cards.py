"""One figure card as escaped HTML (``templates/card.html.j2``), and the cards' CSS."""

from __future__ import annotations

from components.present.figures import Card, link_parts
from components.present.i18n import t
from components.present.sides import SIDE_STYLE
from components.present.templating import render, style, words


def card_css() -> str:
    """The cards' stylesheet (``static/cards.css``) as a ``<style>`` element.

    Quotes stand upright with a rule beside them: an italic face is one more font file
    (Source Sans Italic, 139 kB) a phone downloads before the cards read right.
    """
    return style("cards.css")


def build_card_html(card: Card, lang: str) -> str:
    """One card as HTML; every text is escaped and links are http(s) only."""
    meta = card.who if card.value == card.label else f"{card.label} · {card.who}"
    if card.where:
        meta = f"{card.where} · {meta}"
    if card.kind:
        meta = f"{meta} · {card.kind}"
    conf = (
        t(f"conf_{card.confidence}", lang) if card.confidence in ("high", "medium", "low") else ""
    )
    evidence = t(f"evidence_{card.evidence}", lang) if card.evidence in ("none", "some") else ""
    return render(
        "card.html.j2",
        card=card,
        lang=lang,
        t=words(lang),
        color=SIDE_STYLE.get(card.side, SIDE_STYLE["independent"])["color"],
        meta=meta,
        disputed=", ".join(card.disputed_by),
        evidence=evidence,
        conf=conf,
        source=link_parts(card.source_url, card.source_title),
    )
