"""The widgets that set the view: language, overlays, date, basemap."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import streamlit as st

from components.present.i18n import LANG_NAMES, LANGS, t
from components.present.state import BASEMAPS, ViewState, hold, neighbour_date

KEYS = ("lang", "ru", "ua", "ind", "date", "base")


def seed_widgets(state: ViewState) -> None:
    """On a session's first run, start every widget from the link's state."""
    if st.session_state.get("_seeded"):
        return
    for key in KEYS:
        st.session_state[key] = getattr(state, key)
    st.session_state["_seeded"] = True


def _clear_notices() -> None:
    """Notices about a bad link stay until the reader changes the view."""
    st.session_state["_notices"] = []


def _rebuild_map() -> None:
    """A language or basemap switch builds a new map: open it where the reader left off."""
    _clear_notices()
    st.session_state["map_request"] = hold(current_state())


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


def render_language() -> None:
    """Language switch (kept on the page, not in the sidebar: phones hide the sidebar)."""
    lang = st.session_state["lang"]
    st.radio(
        t("language", lang),
        LANGS,
        key="lang",
        on_change=_rebuild_map,
        horizontal=True,
        label_visibility="collapsed",
        format_func=LANG_NAMES.__getitem__,
    )


def render_toggles() -> None:
    """Which claims the map shows (inside the map fragment: a toggle reruns only the map)."""
    lang = st.session_state["lang"]
    st.toggle(t("show_russia", lang), key="ru", on_change=_clear_notices)
    st.toggle(t("show_ukraine", lang), key="ua", on_change=_clear_notices)
    st.toggle(t("show_independent", lang), key="ind", on_change=_clear_notices)


def render_date(date_range: tuple[dt.date, dt.date]) -> None:
    """The date slider."""
    lang = st.session_state["lang"]
    st.slider(
        t("date", lang),
        min_value=date_range[0],
        # A data set with a single date still gets a working slider.
        max_value=max(date_range[1], date_range[0] + dt.timedelta(days=1)),
        key="date",
        on_change=_clear_notices,
        format="YYYY-MM-DD",
    )


def render_basemap() -> None:
    """The basemap choice (in the sidebar: rarely changed, and the map works without it).

    The radio's key carries the language: its labels are translated, and a radio whose
    labels change under one key handed back the old *label* as its value, which then
    reached the link (``base=Light tiles (online)``).
    """
    lang = st.session_state["lang"]
    key = f"base_{lang}"
    if st.session_state.get(key) != st.session_state["base"]:
        st.session_state[key] = st.session_state["base"]
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
    st.session_state["base"] = base_code(st.session_state[key])
    _rebuild_map()


def current_state() -> ViewState:
    """The view as the widgets and the last reported map position describe it now."""
    values = {k: st.session_state[k] for k in KEYS}
    return replace(st.session_state["viewport"], **values)


PANELS = ("figures", "chart", "sources", "settlements")


def render_panel_choice(lang: str) -> str:
    """Which side panel to draw: figure cards (default), chart, sources or settlements."""
    choice = st.segmented_control(
        t("panel", lang),
        PANELS,
        key="panel",
        default="figures",
        format_func=lambda p: t(f"panel_{p}", lang),
        label_visibility="collapsed",
    )
    return choice or "figures"


def _step(dates: list[dt.date], step: int) -> None:
    st.session_state["date"] = neighbour_date(dates, st.session_state["date"], step)
    _clear_notices()


def render_steps(dates: list[dt.date], lang: str) -> None:
    """Buttons that jump between dates on which someone made a statement."""
    prev_col, next_col = st.columns(2)
    prev_col.button(t("prev_date", lang), on_click=_step, args=(dates, -1), width="stretch")
    next_col.button(t("next_date", lang), on_click=_step, args=(dates, 1), width="stretch")
