"""Page furniture drawn with Streamlit: head, title, headline boxes, footer, failover watch."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import streamlit as st

from components.present.failover import failover_script
from components.present.fmt import fmt_date
from components.present.i18n import t
from components.present.markdown_text import md_escape
from components.present.page import head_script, page_css
from components.present.templating import render, words
from components.present.urls import Notice


def render_head(lang: str, embedded: bool) -> None:
    """Page CSS and head script (runs in the page itself, not in a frame)."""
    st.html(page_css(embedded))
    st.html(head_script(lang), unsafe_allow_javascript=True)


def render_title(lang: str) -> None:
    """The page title as a compact heading (the map, not the title, fills the screen)."""
    st.html(render("title.html.j2", t=words(lang)))


def render_headline(body: str) -> None:
    """Draw the headline boxes (escaped HTML from the cache)."""
    st.html(body)


def render_description(sentences: tuple[str, ...], lang: str) -> None:
    """The view in words for screen readers (the static embed shows the same sentences)."""
    st.html(render("description.html.j2", t=words(lang), sentences=sentences))


def render_notices(notices: Sequence[Notice], span: tuple[dt.date, dt.date], lang: str) -> None:
    """What the link asked for that the view could not show: a bad value, or a date
    after the record's last day (said as the end of the record, not as an error)."""
    for notice in notices:
        if notice.kind == "end_of_record":
            st.info(
                md_escape(
                    t(
                        "notice_end_of_record",
                        lang,
                        last=fmt_date(span[1], lang),
                        asked=notice.value,
                    )
                ),
                icon="ℹ️",
            )
        else:
            st.warning(
                t(
                    "notice_invalid",
                    lang,
                    name=md_escape(notice.name),
                    value=md_escape(notice.value),
                )
            )


def render_record_span(span: tuple[dt.date, dt.date], day: dt.date, lang: str) -> None:
    """Under the slider: where the record starts and ends, and when the reader is on its
    last day, that it is the last day (the end of the record is said, not hidden)."""
    text = t("record_span", lang, first=fmt_date(span[0], lang), last=fmt_date(span[1], lang))
    if day >= span[1]:
        text = f"{t('record_last_day', lang)} {text}"
    st.caption(md_escape(text))


def render_footer(lang: str) -> None:
    """Credits for the embedded data (the settlement points' licences ask for their own)."""
    st.caption(f"{t('credits', lang)} {t('stl_credits', lang)}")


def render_failover_watch() -> None:
    """Install the reconnect watch in the page (once per page load)."""
    st.html(failover_script(), unsafe_allow_javascript=True)
