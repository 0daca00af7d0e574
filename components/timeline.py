"""Moving through time: step to the previous/next claim date, and the area chart."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from components.i18n import t
from components.outbound import outbound_links
from components.state import ViewState
from geo.fmt import MONTHS

#: Vega's number and time locale per page language, so the chart's axis says "mrt 2025"
#: and "1.000" on a Dutch page (Vega defaults to US English).
VEGA_LOCALE = {
    "en": {},
    "nl": {
        "number": {"decimal": ",", "thousands": ".", "grouping": [3], "currency": ["€ ", ""]},
        "time": {
            "dateTime": "%a %e %B %Y %X",
            "date": "%d-%m-%Y",
            "time": "%H:%M:%S",
            "periods": ["", ""],
            "days": ["zondag", "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag",
                     "zaterdag"],
            "shortDays": ["zo", "ma", "di", "wo", "do", "vr", "za"],
            "months": ["januari", "februari", "maart", "april", "mei", "juni", "juli",
                       "augustus", "september", "oktober", "november", "december"],
            "shortMonths": MONTHS["nl"],
        },
    },
}  # fmt: skip


def localized(spec: dict, lang: str) -> dict:
    """The chart spec with the page language's number and date formats."""
    locale = VEGA_LOCALE.get(lang) or {}
    if not locale:
        return spec
    return {**spec, "config": {**spec.get("config", {}), "locale": locale}}


def neighbour_date(dates: list[dt.date], current: dt.date, step: int) -> dt.date:
    """The claim date before (step -1) or after (step +1) `current`, or `current` at an end.

    >>> d = [dt.date(2024, 8, 12), dt.date(2024, 8, 27)]
    >>> neighbour_date(d, dt.date(2024, 8, 20), 1), neighbour_date(d, dt.date(2024, 8, 12), -1)
    (datetime.date(2024, 8, 27), datetime.date(2024, 8, 12))
    """
    if step > 0:
        later = [d for d in dates if d > current]
        return min(later) if later else current
    earlier = [d for d in dates if d < current]
    return max(earlier) if earlier else current


def _step(dates: list[dt.date], step: int) -> None:
    st.session_state["date"] = neighbour_date(dates, st.session_state["date"], step)
    st.session_state["_notices"] = []


def render_steps(dates: list[dt.date], lang: str) -> None:
    """Buttons that jump between dates on which someone made a statement."""
    prev_col, next_col = st.columns(2)
    prev_col.button(t("prev_date", lang), on_click=_step, args=(dates, -1), width="stretch")
    next_col.button(t("next_date", lang), on_click=_step, args=(dates, 1), width="stretch")


def render_chart(spec: dict, lang: str) -> None:
    """Claimed area over time by side, the selected date marked (spec from the cache)."""
    st.markdown(f"**{t('chart_title', lang)}**")
    st.vega_lite_chart(localized(spec, lang), width="stretch")
    st.caption(t("chart_note", lang))


def render_outbound(state: ViewState) -> None:
    """Links to assessed maps for the same view."""
    links = outbound_links(state)
    st.caption(t("compare_maps", state.lang))
    cols = st.columns(len(links))
    for col, (name, url) in zip(cols, links.items(), strict=True):
        col.link_button(name, url, width="stretch")
