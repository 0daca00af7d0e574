"""One figure card as escaped HTML, and the cards' CSS."""

from __future__ import annotations

import html

from components.present.figures import Card, safe_link
from components.present.i18n import t
from components.present.sides import SIDE_STYLE

#: Quotes stand upright with a rule beside them: an italic face is one more font file
#: (Source Sans Italic, 139 kB) a phone downloads before the cards read right.
CARD_CSS = """<style>
.fig-card{border-left:4px dashed var(--c);padding:4px 10px;margin:0 0 10px;background:#fafafa}
.fig-card .v{font-size:1.15rem;font-weight:650}
.fig-card .m{color:#555;font-size:.85rem}
.fig-card q{display:block;margin:4px 0;padding-left:6px;border-left:2px solid #ccc}
.fig-card .tr{color:#444;font-size:.9rem}
.fig-card .cav{color:#8a4b00;font-size:.85rem}
.fig-card .src{font-size:.8rem;color:#555;overflow-wrap:anywhere}
.fig-card .note{font-size:.8rem;color:#333}
.fig-card .ev,.fig-card .conf{font-size:.8rem;color:#555}
.fig-card .conf span{color:#777}
</style>"""


def build_card_html(card: Card, lang: str) -> str:
    """One card as HTML; every text is escaped and links are http(s) only."""
    esc = html.escape
    color = SIDE_STYLE.get(card.side, SIDE_STYLE["independent"])["color"]
    meta = card.who if card.value == card.label else f"{card.label} · {card.who}"
    if card.where:
        meta = f"{card.where} · {meta}"
    if card.kind:
        meta = f"{meta} · {card.kind}"
    out = [
        f'<div class="fig-card" id="fig-{esc(card.id)}" style="--c:{color}">',
        f'<div class="v">{esc(card.value)}</div>',
        f'<div class="m">{esc(meta)}</div>',
        f"<div>{esc(card.summary)}</div>",
    ]
    if card.quote:
        out.append(f'<q lang="{esc(card.quote_lang)}">{esc(card.quote)}</q>')
        if card.translation and lang != card.quote_lang:
            out.append(
                f'<div class="tr">{esc(t("translation", lang))}: {esc(card.translation)}</div>'
            )
        elif card.translation:
            out.append(f'<div class="tr" lang="en">EN: {esc(card.translation)}</div>')
    if card.caveat:
        out.append(f'<div class="cav">⚠ {esc(card.caveat)}</div>')
    if card.disputed_by:
        out.append(
            f'<div class="cav">{esc(t("disputed", lang))}: {esc(", ".join(card.disputed_by))}</div>'
        )
    if card.note:
        label = esc(t("note_label", lang))
        out.append(f'<div class="note" lang="{esc(lang)}">{label}: {esc(card.note)}</div>')
    if card.evidence in ("none", "some"):
        evidence = t(f"evidence_{card.evidence}", lang)
        out.append(f'<div class="ev">{esc(t("evidence", lang))}: {esc(evidence)}</div>')
    conf = (
        t(f"conf_{card.confidence}", lang) if card.confidence in ("high", "medium", "low") else ""
    )
    link = safe_link(card.source_url, card.source_title)
    out.append(f'<div class="src">{esc(t("source", lang))}: {link}</div>')
    if conf:
        help_text = esc(t("confidence_help", lang))
        out.append(
            f'<div class="conf" title="{help_text}">{esc(t("confidence", lang))}: {esc(conf)} '
            f"<span>({help_text})</span></div>"
        )
    out.append("</div>")
    return "".join(out)
