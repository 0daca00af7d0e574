"""The comparison panel's numbers and sentence: current figures only, named.

Pure: no Streamlit import.
"""

from __future__ import annotations

from dataclasses import dataclass

import geopandas as gpd
import pandas as pd

from components.present.fmt import fmt_num
from components.present.i18n import t
from components.present.wording import age, as_text, record_when, who
from components.present.zone_text import compact_figure, is_current, stale_note, zone_figure


@dataclass(frozen=True)
class Comparison:
    """Russian vs Ukrainian area on the selected date: current figures only."""

    ru_km2: float | None  # None when the side has no current figure
    ua_km2: float | None
    ratio: float | None
    ru_note: str = ""
    ua_note: str = ""
    ru_text: str = "–"  # headline: '~1,000 km²', '≈ 480 km²' (derived); '–' if none current
    ua_text: str = "–"
    sentence: str = ""  # names what is compared, e.g. "Smirnov's 12 × 40 km … is 48% of …"


def _side_figure(rows: dict, side: str, lang: str) -> tuple[float | None, str, str, str]:
    """(current area, headline, full figure, caption); stale figures only in the caption."""
    if side not in rows:
        return None, "–", "", ""
    row = rows[side]
    said = f"{who(row, lang)}, {record_when(row, lang)} ({age(row['age_days'], lang)})"
    full = zone_figure(row, lang)
    if is_current(row):
        return float(row["area_km2"]), compact_figure(row, lang), full, f"{full} · {said}"
    last = t("compare_last", lang, figure=full, who=who(row, lang),
             when=record_when(row, lang), age=age(row["age_days"], lang),
             note=stale_note(row, lang))  # fmt: skip
    return None, "–", full, f"{t('compare_no_current', lang)}. {last}"


def compare(
    zones: gpd.GeoDataFrame, lang: str = "en", claims: pd.DataFrame | None = None
) -> Comparison:
    """RU/UA areas from current figures only; a ratio only for figures of the same day.

    The sentence names what it compares and, where the media did the same sum that day
    (the seed's "about half"), says so.
    """
    rows = {row["side"]: row for _, row in zones.iterrows()}
    ru, ru_text, ru_full, ru_note = _side_figure(rows, "russia", lang)
    ua, ua_text, ua_full, ua_note = _side_figure(rows, "ukraine", lang)
    same_day = (
        ru is not None and ua is not None and rows["russia"]["date"] == rows["ukraine"]["date"]
    )
    # A ratio of figures months apart would mislead.
    ratio = ru / ua if same_day and ua else None
    sentence = ""
    if ratio is not None:
        pct = f"{fmt_num(ratio * 100, lang)}%"
        whose = lambda side, text: t("compare_whose", lang, who=who(rows[side], lang), figure=text)  # noqa: E731
        sentence = t("compare_ratio_named", lang, ru=whose("russia", ru_full),
                     ua=whose("ukraine", ua_full), pct=pct)  # fmt: skip
        sentence += _article_words(claims, rows["russia"]["date"], lang)
    return Comparison(ru, ua, ratio, ru_note, ua_note, ru_text, ua_text, sentence)


def _article_words(claims: pd.DataFrame | None, date: object, lang: str) -> str:
    """' NH Nieuws called it “about half”.' when the media did this sum that day."""
    if claims is None:
        return ""
    same = claims[
        (claims["source_kind"] == "media_arithmetic")
        & (claims["metric"] == "share_of_ukraine_claim")
        & (claims["date"] == date)
    ]
    if same.empty:
        return ""
    rec = same.iloc[0]
    words = as_text(rec.get("quote_en")) if lang != "nl" else as_text(rec.get("quote"))
    words = words.split(" of ")[0] if lang != "nl" else words.split(" van ")[0]
    return t("compare_article", lang, who=who(rec, lang), words=words)
