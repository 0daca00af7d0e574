"""The widgets that set the view: language, overlays, date, basemap."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from components.present.i18n import LANG_NAMES, LANGS, t
from components.present.urls import BASEMAPS, hold, neighbour_date
from components.render import session


def _clear_notices() -> None:
    """Notices about a bad link stay until the reader changes the view."""
    session.clear_notices()


def _rebuild_map() -> None:
    """A language or basemap switch builds a new map: open it where the reader left off."""
    _clear_notices()
    session.ask_map(hold(session.view()))


def base_code(value: object) -> str:
    """The basemap code of a radio value, also when a label slipped in (old frontends).

    >>> base_code("Lichte tegels (online)"), base_code("none")
    ('light', 'none')
    """
    if value in BASEMAPS:
        return str(value)
    for code in BASEMAPS:
        if value in {t(f"basemap_{code}", lang) for lang in LANGS}:
            return code
    return BASEMAPS[0]


def render_language(lang: str) -> None:
    """Language switch (kept on the page, not in the sidebar: phones hide the sidebar)."""
    st.radio(
        t("language", lang),
        LANGS,
        key=session.LANG,
        on_change=_rebuild_map,
        horizontal=True,
        label_visibility="collapsed",
        format_func=LANG_NAMES.__getitem__,
    )


def render_toggles(lang: str) -> None:
    """Which claims the map shows (inside the map fragment: a toggle reruns only the map)."""
    st.toggle(t("show_russia", lang), key=session.RU, on_change=_clear_notices)
    st.toggle(t("show_ukraine", lang), key=session.UA, on_change=_clear_notices)
    st.toggle(t("show_independent", lang), key=session.IND, on_change=_clear_notices)


def render_date(date_range: tuple[dt.date, dt.date], lang: str) -> None:
    """The date slider."""
    st.slider(
        t("date", lang),
        min_value=date_range[0],
        # A data set with a single date still gets a working slider.
        max_value=max(date_range[1], date_range[0] + dt.timedelta(days=1)),
        key=session.DATE,
        on_change=_clear_notices,
        format="YYYY-MM-DD",
    )


def render_basemap(lang: str, base: str) -> None:
    """The basemap choice (in the sidebar: rarely changed, and the map works without it).

    The radio's key carries the language (``session.basemap_radio``); ``base`` is the
    code it starts from.
    """
    key = session.basemap_radio(lang)
    if session.widget_value(key) != base:
        session.set_widget_value(key, base)
    st.sidebar.radio(
        t("basemap", lang),
        BASEMAPS,
        key=key,
        on_change=_set_base,
        args=(key,),
        format_func=lambda b: t(f"basemap_{b}", lang),
    )


def _set_base(key: str) -> None:
    """The one place a radio value becomes ``base``: always a code from here on."""
    session.set_base(base_code(session.widget_value(key)))
    _rebuild_map()


PANELS = ("figures", "chart", "sources", "settlements")


def render_panel_choice(lang: str) -> str:
    """Which side panel to draw: figure cards (default), chart, sources or settlements."""
    choice = st.segmented_control(
        t("panel", lang),
        PANELS,
        key=session.PANEL,
        default="figures",
        format_func=lambda p: t(f"panel_{p}", lang),
        label_visibility="collapsed",
    )
    return choice or "figures"


def _step(dates: list[dt.date], step: int) -> None:
    session.set_date(neighbour_date(dates, session.date(), step))
    _clear_notices()


def render_steps(dates: list[dt.date], lang: str) -> None:
    """Buttons that jump between dates on which someone made a statement."""
    prev_col, next_col = st.columns(2)
    prev_col.button(t("prev_date", lang), on_click=_step, args=(dates, -1), width="stretch")
    next_col.button(t("next_date", lang), on_click=_step, args=(dates, 1), width="stretch")
