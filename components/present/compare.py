"""The comparison panel: each side's current figure for the same ground, named.

Ground is a territory and whose forces are said to hold it ("Kursk region, held by
Ukraine"; "Sumy region, held by Russia"): figures about different ground are never set
against each other, and a figure for Sumy and Kharkiv together is its own ground, never
split. Current figures only; a ratio only for figures of the same day. Pure: no
Streamlit import.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

from components.present.fmt import fmt_num
from components.present.i18n import t
from components.present.wording import (
    age,
    held_by,
    quoted,
    record_when,
    territory_name,
    who,
    who_mid,
)
from components.present.zone_text import compact_figure, is_current, stale_note, zone_figure
from geo.records import Claim, ClaimZone


@dataclass(frozen=True)
class Ground:
    """Russian vs Ukrainian figure for one piece of ground on the selected date."""

    territory: str
    holder: str
    title: str  # 'Kursk region: held by Ukraine'
    ru_km2: float | None  # None when the side has no current figure for this ground
    ua_km2: float | None
    ratio: float | None
    ru_note: str = ""
    ua_note: str = ""
    ru_text: str = "–"  # headline: '~1,000 km²', '≈ 604 km²' (derived); '–' if none current
    ua_text: str = "–"
    sentence: str = ""  # names what is compared, e.g. "Smirnov's 12 × 40 km … is 60% of …"


@dataclass(frozen=True)
class Comparison:
    """One :class:`Ground` per territory and holder the two sides gave figures for."""

    grounds: tuple[Ground, ...] = ()


def _side_figure(row: ClaimZone | None, lang: str) -> tuple[float | None, str, str, str]:
    """(current area, headline, full figure, caption); stale figures only in the caption."""
    if row is None:
        return None, "–", "", ""
    said = f"{who(row, lang)}, {record_when(row, lang)} ({age(row.age_days, lang)})"
    full = zone_figure(row, lang)
    if is_current(row):
        return float(row.area_km2), compact_figure(row, lang), full, f"{full} · {said}"
    last = t("compare_last", lang, figure=full, who=who(row, lang),
             when=record_when(row, lang), age=age(row.age_days, lang),
             note=stale_note(row, lang))  # fmt: skip
    return None, "–", full, f"{t('compare_no_current', lang)}. {last}"


def _ground(
    rows: dict[str, ClaimZone],
    territory: str,
    holder: str,
    lang: str,
    claims: Sequence[Claim] | None,
) -> Ground:
    ru, ru_text, ru_full, ru_note = _side_figure(rows.get("russia"), lang)
    ua, ua_text, ua_full, ua_note = _side_figure(rows.get("ukraine"), lang)
    same_day = ru is not None and ua is not None and rows["russia"].date == rows["ukraine"].date
    # A ratio of figures months apart would mislead.
    ratio = ru / ua if same_day and ua else None
    sentence = ""
    if ratio is not None:
        pct = f"{fmt_num(ratio * 100, lang)}%"

        def whose(side: str, text: str) -> str:
            return t("compare_whose", lang, who=who_mid(rows[side], lang), figure=text)

        sentence = t("compare_ratio_named", lang, ru=whose("russia", ru_full),
                     ua=whose("ukraine", ua_full), pct=pct)  # fmt: skip
        sentence = sentence[:1].upper() + sentence[1:]  # Dutch starts with the figure
        sentence += _article_words(claims, rows["russia"].date, lang)
    title = t("compare_theatre", lang, territory=territory_name(territory, lang),
              held=held_by(holder, lang))  # fmt: skip
    title = title[:1].upper() + title[1:]
    return Ground(territory, holder, title, ru, ua, ratio, ru_note, ua_note, ru_text, ua_text,
                  sentence)  # fmt: skip


def compare(
    zones: Sequence[ClaimZone], lang: str = "en", claims: Sequence[Claim] | None = None
) -> Comparison:
    """Per ground, RU/UA areas from current figures only; a ratio only for one day.

    Ground with a current figure comes first, then the most recently claimed. A figure
    for one sector only is left out: it is not a side's word about the whole ground.
    """
    found: dict[tuple[str, str], dict[str, ClaimZone]] = {}
    for row in zones:
        if row.side not in ("russia", "ukraine") or row.partial:
            continue
        key = (row.territory or "kursk", row.holder or "ukraine")
        found.setdefault(key, {})[row.side] = row

    def order(item: tuple[tuple[str, str], dict[str, ClaimZone]]) -> tuple:
        rows = item[1].values()
        current = any(is_current(r) for r in rows)
        latest = max(pd.Timestamp(r.date) for r in rows)
        return (not current, -latest.value)

    grounds = tuple(
        _ground(rows, territory, holder, lang, claims)
        for (territory, holder), rows in sorted(found.items(), key=order)
    )
    return Comparison(grounds)


def _article_words(claims: Sequence[Claim] | None, date: pd.Timestamp, lang: str) -> str:
    """' NH Nieuws called it “about half”.' when the media did this sum that day."""
    same = [
        rec
        for rec in claims or ()
        if rec.source_kind == "media_arithmetic"
        and rec.metric == "share_of_ukraine_claim"
        and rec.date == date
    ]
    if not same:
        return ""
    rec = same[0]
    words = quoted(rec, lang).split(t("quote_share_cut", lang))[0]
    return t("compare_article", lang, who=who(rec, lang), words=words)
