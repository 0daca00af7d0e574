"""Stated settlement totals over time (28, 44, 74, … 100 held; 10, 12, … 32 retaken).

Pure: returns an Altair chart drawn under the area chart in the "Over time" panel.
Each line is one kind of total from one side, so Smirnov's 28 and Syrskyi's 74 are
points on different lines, and per-week totals never join a cumulative line.
"""

from __future__ import annotations

import datetime as dt

import altair as alt
import pandas as pd

from components.present.fmt import hedge
from components.present.i18n import t
from components.present.sides import SIDE_STYLE, dash_pattern

#: Totals drawn: cumulative ones only ("retaken_in_period" and "other" stay in the data).
KINDS = ("held_by_ukraine", "retaken")
SHAPES = {"held_by_ukraine": "circle", "retaken": "square"}
#: Longest gap a step line bridges (the claims' 30-day age rule, issue 9).
MAX_GAP_DAYS = 30


def count_series(counts: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Rows with a cumulative number: date, series label, count, claimant, words as said."""
    rows = counts[counts["count_kind"].isin(KINDS) & counts["count"].notna()].copy()
    rows["series"] = [
        t(f"stl_kind_{k}", lang, who=t(f"stl_who_{s}", lang))
        for k, s in zip(rows["count_kind"], rows["side"], strict=True)
    ]
    rows["day"] = rows["date"].dt.strftime("%Y-%m-%d")
    # A line joins a series' totals only while they are at most MAX_GAP_DAYS apart:
    # a months-old total is not drawn as if it still held.
    rows = rows.sort_values(["series", "date"], kind="stable")
    gap = rows.groupby("series")["date"].diff() > pd.Timedelta(days=MAX_GAP_DAYS)
    rows["segment"] = rows["series"] + "#" + gap.groupby(rows["series"]).cumsum().astype(str)
    rows["stated"] = [
        hedge(q, lang) + f"{n:.0f}"
        for q, n in zip(rows["count_qualifier"], rows["count"], strict=True)
    ]
    return rows[["date", "day", "series", "segment", "side", "count_kind", "count", "stated",
                 "claimant", "count_text"]].sort_values("date", kind="stable")  # fmt: skip


def count_chart(counts: pd.DataFrame, as_of: dt.date, lang: str) -> alt.Chart:
    """Step lines of stated totals, coloured by the side that said them, the date marked."""
    data = count_series(counts, lang)
    order = list(dict.fromkeys(data.sort_values(["count_kind", "side"])["series"]))
    side_of = dict(zip(data["series"], data["side"], strict=False))
    kind_of = dict(zip(data["series"], data["count_kind"], strict=False))
    colors = [SIDE_STYLE[side_of[s]]["color"] for s in order]
    dashes = [dash_pattern(side_of[s]) for s in order]
    color = alt.Color("series:N", title=None, scale=alt.Scale(domain=order, range=colors),
                      legend=alt.Legend(orient="bottom", columns=1, labelLimit=400))  # fmt: skip
    x = alt.X("date:T", title=t("chart_date", lang), axis=alt.Axis(format="%b %Y"))
    y = alt.Y("count:Q", title=t("stl_chart_count", lang))
    base = alt.Chart(data)
    lines = base.mark_line(interpolate="step-after", strokeWidth=2).encode(
        x=x, y=y, color=color, detail="segment:N",
        strokeDash=alt.StrokeDash("series:N", scale=alt.Scale(domain=order, range=dashes),
                                  legend=None),
    )  # fmt: skip
    points = base.mark_point(filled=True, size=55).encode(
        x=x, y=y, color=color,
        shape=alt.Shape("series:N", legend=None, scale=alt.Scale(
            domain=order, range=[SHAPES[kind_of[s]] for s in order])),
        tooltip=[
            alt.Tooltip("day:N", title=t("chart_date", lang)),
            alt.Tooltip("stated:N", title=t("stl_chart_count", lang)),
            alt.Tooltip("claimant:N", title=t("source", lang)),
            alt.Tooltip("count_text:N", title=" "),
        ],
    )  # fmt: skip
    rule = (
        alt.Chart(pd.DataFrame({"date": [pd.Timestamp(as_of)]}))
        .mark_rule(color="#333", strokeDash=[2, 2])
        .encode(x="date:T")
    )
    # Streamlit fits the whole chart, legend included, into the height: the legend
    # below the plot takes about 100 px of it.
    return (lines + points + rule).properties(height=340)
