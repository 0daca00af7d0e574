"""The two headline boxes above the map: what each side says is held, where, and its
latest word.

Both sides get the same box, weight and wording; only colour and dash tell them apart,
as on the map. A side can claim several pieces of ground at once (26 Apr 2025: Kursk
"fully liberated", more than 90 km² of Sumy region), so a box lists each current figure
with where it is and whose forces it says hold it; a side with no current figure says so
and names its last one. Under the figures each box names the side's latest statement of
any kind when it is newer than every figure shown ("26 Apr 2025: the General Staff
says the defence continues, no area given"), so the last day never hides a side.
Built as escaped HTML (pure; ``templates/headline.html.j2``) and drawn by one
``st.html`` call, so on a phone the two boxes stay side by side instead of stacking
like Streamlit columns.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from components.present.i18n import t
from components.present.sides import CLAIMANTS, SIDE_STYLE
from components.present.templating import render, style
from components.present.wording import age, held_by, localized, record_when, who_mid
from components.present.wording import who as who_said
from components.present.zone_text import is_current, stale_note, where, zone_figure
from geo.records import Claim, ClaimZone

#: On one day, the statement that names a side's word about the ground comes first:
#: one that says whose forces hold it, then events and statements, then figures.
_PREFER = {"event": 0, "statement": 1}


def latest_statement(claims: Sequence[Claim] | None, side: str) -> Claim | None:
    """The side's latest record of any kind (claims already cut to the date), or None.

    On a day with several, one that says who holds ground wins, then an event or a
    statement over a number, then the record id, so the choice is stable.
    """
    mine = [rec for rec in claims or () if rec.side == side]
    if not mine:
        return None
    last = max(rec.date for rec in mine)
    day = [rec for rec in mine if rec.date == last]
    return min(day, key=lambda r: (r.holder is None, _PREFER.get(r.metric, len(_PREFER)), r.id))


def _figure_row(zone: ClaimZone, lang: str) -> tuple[str, str]:
    """(where and whose hands: figure, who and when) of one current zone."""
    place = f"{where(zone, lang)}, {held_by(zone.holder, lang)}"
    place = place[:1].upper() + place[1:]
    said = f"{who_said(zone, lang)}, {record_when(zone, lang)} ({age(zone.age_days, lang)})"
    return t("headline_row", lang, where=place, figure=zone_figure(zone, lang)), said


def _latest_line(rec: Claim | None, newest: pd.Timestamp | None, lang: str) -> tuple[str, str]:
    """('Latest statement, 26 Apr 2025 (General Staff …)', ': … No area given.'), or
    empty when the side's newest current figure is as recent (that is its latest word).

    Two parts so a phone can show the first alone and keep the map on the first screen.
    """
    if rec is None or (newest is not None and rec.date <= newest):
        return "", ""
    summary = localized(rec, "summary", lang)
    if rec.metric != "area_km2":
        summary = f"{summary} {t('headline_no_area', lang)}"
    head = t("headline_latest", lang, date=record_when(rec, lang), who=who_mid(rec, lang))
    return head, f": {summary}"


def side_box(
    zones: Sequence[ClaimZone], side: str, lang: str, claims: Sequence[Claim] | None = None
) -> tuple[list[tuple[str, str]], tuple[str, str], tuple[str, str]]:
    """What one side's box says: (figure, who) rows, the no-current note and the latest
    statement, each of these two as (what a phone shows, the rest).

    Pure data for the HTML below and for any other surface that words the headline.
    """
    mine = [z for z in zones if z.side == side]
    current = [z for z in mine if is_current(z)]
    rows = [_figure_row(z, lang) for z in current]
    note = ("", "")
    if not rows:
        # The last figure for each ground the side spoke of, newest first.
        stale = sorted(mine, key=lambda z: z.date, reverse=True)
        if stale:
            last = stale[0]
            figures = "; ".join(
                f"{zone_figure(z, lang)} ({where(z, lang)}), {record_when(z, lang)}" for z in stale
            )
            key = "headline_last" if len(stale) == 1 else "headline_last_many"
            note = (
                t(key, lang, figures=figures),
                t("headline_last_more", lang, who=who_mid(last, lang),
                  age=age(last.age_days, lang), note=stale_note(last, lang)),
            )  # fmt: skip
    newest = max((z.date for z in current), default=None)
    return rows, note, _latest_line(latest_statement(claims, side), newest, lang)


def headline_css() -> str:
    """The boxes' stylesheet (``static/headline.css``) as a ``<style>`` element."""
    return style("headline.css")


def headline_html(
    zones: Sequence[ClaimZone], lang: str, claims: Sequence[Claim] | None = None
) -> str:
    """One box per claimant side: its current figures, where and in whose hands, who said
    them and when; or that it has none; then its latest statement. All escaped.

    `claims` are the records up to the date (for the latest statement); without them the
    boxes show the figures only.
    """
    boxes = []
    for side in CLAIMANTS:
        rows, note, latest = side_box(zones, side, lang, claims)
        value = ""
        if not rows:
            value = t("headline_no_current", lang) if note[0] else t("headline_none", lang)
        boxes.append(
            {
                "side": side,
                "color": SIDE_STYLE[side]["color"],
                "title": t(f"headline_side_{side}", lang),
                "rows": rows,
                "value": value,
                "note": note,
                "latest": latest,
            }
        )
    return render("headline.html.j2", boxes=boxes)
