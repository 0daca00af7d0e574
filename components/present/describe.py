"""A view in words: what each side claims, who said it, when, how old, stated or derived.

The text a screen reader reads instead of the map, and the description under the static
map. Built from the same wording functions as the headline, the map labels and the PNG
legend (``zone_text``, ``wording``), so no page says something another does not. Plain
text (templates and ``st.html`` escape it). Pure: no Streamlit import.
"""

from __future__ import annotations

from collections.abc import Sequence

from components.present.fmt import fmt_date
from components.present.i18n import t
from components.present.sides import SIDES
from components.present.wording import age, record_when, who
from components.present.zone_text import (
    claim_phrase,
    is_current,
    is_derived,
    method_text,
    stale_note,
    where,
    zone_figure,
)
from geo.records import ClaimZone


def zone_sentence(zone: ClaimZone, lang: str) -> str:
    """One figure as a sentence: whose claim about whose ground and where (the map
    labels' words), the figure, claimant, date and age, stated or derived.

    A stale figure says why it no longer stands; a figure with no shape says it is not drawn.
    """
    text = t(
        "desc_zone", lang, side=claim_phrase(zone, lang), where=where(zone, lang),
        figure=zone_figure(zone, lang),
        who=who(zone, lang), when=record_when(zone, lang), age=age(zone.age_days, lang),
        basis=t("desc_derived" if is_derived(zone) else "desc_stated", lang),
    )  # fmt: skip
    if not is_current(zone):
        text = f"{text} {t('desc_stale', lang, note=stale_note(zone, lang))}"
    if float(zone.drawn_area_km2 or 0) == 0:
        text = f"{text} {method_text(zone, lang)}"
    return text


def view_sentences(
    zones: Sequence[ClaimZone], sides: Sequence[str], lang: str, as_of: object
) -> list[str]:
    """The description of a view, sentence by sentence, in the page language.

    First the date and the method caveat, then one sentence per side shown (in display
    order; a side with no figure yet says so), then the sides switched off.
    """
    out = [t("desc_intro", lang, date=fmt_date(as_of, lang))]
    for side in SIDES:
        if side not in sides:
            continue
        rows = [zone for zone in zones if zone.side == side]
        if not rows:
            if side != "independent":  # the claimants always get their line
                out.append(t("desc_none", lang, side=t(f"side_{side}", lang)))
            continue
        out.extend(zone_sentence(zone, lang) for zone in rows)
    hidden = [t(f"side_{side}", lang) for side in SIDES[:2] if side not in sides]
    if hidden:
        out.append(t("desc_hidden", lang, sides=", ".join(hidden)))
    return out
