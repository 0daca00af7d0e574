"""The comparison chart: claimed area over time by side, the selected date marked.

Each figure is a point and a flat line that runs until the side's next figure or until
the figure stops being current (geo.currency's age rule): a side that falls silent has
no line, instead of a flat one running for months. Derived figures are hollow points.
Pure: returns an Altair chart (Streamlit ships Altair); the page renders it.
"""

from __future__ import annotations

import datetime as dt

import altair as alt
import pandas as pd

from components.present.i18n import t, words
from components.present.sides import CLAIMANTS, SIDE_STYLE, SIDES, dash_pattern
from components.present.wording import record_when, who
from components.present.zone_text import zone_figure
from geo.currency import MAX_AGE_DAYS


def _line_end(row: pd.Series, candidates: pd.DataFrame, statements: pd.DataFrame) -> pd.Timestamp:
    """Where a figure's line stops: next figure, a superseding statement, or its age limit."""
    ends = [row["date"] + pd.Timedelta(days=MAX_AGE_DAYS)]
    for frame in (candidates, statements):
        later = frame[(frame["side"] == row["side"]) & (frame["date"] > row["date"])]["date"]
        if len(later):
            ends.append(later.min())
    return min(ends)


def area_series(
    candidates: pd.DataFrame, statements: pd.DataFrame | None, lang: str
) -> pd.DataFrame:
    """One row per figure: date, line end, side label, area, figure text, who, derived."""
    statements = statements if statements is not None else candidates.iloc[0:0]
    rows = candidates.assign(
        end=[_line_end(r, candidates, statements) for _, r in candidates.iterrows()],
        side_label=candidates["side"].map(lambda s: t(f"side_{s}", lang)),
        day=[record_when(r, lang) for _, r in candidates.iterrows()],
        figure=[zone_figure(r, lang) for _, r in candidates.iterrows()],
        who=[who(r, lang) for _, r in candidates.iterrows()],
        derived=candidates["derived"].astype(bool),
    )
    cols = ["date", "end", "day", "side", "side_label", "area_km2", "figure", "who", "derived",
            "claim_id"]  # fmt: skip
    return rows[cols]


def same_day_ratios(candidates: pd.DataFrame) -> pd.DataFrame:
    """RU/UA area ratio on each date where both sides gave a figure (e.g. 12 Aug 2024)."""
    sides = candidates[candidates["side"].isin(CLAIMANTS)]
    wide = sides.pivot_table(index="date", columns="side", values="area_km2", aggfunc="last")
    flags = sides.pivot_table(index="date", columns="side", values="derived", aggfunc="max")
    both = wide.dropna(subset=[c for c in CLAIMANTS if c in wide.columns])
    if not set(CLAIMANTS) <= set(both.columns) or both.empty:
        return pd.DataFrame(columns=["date", "russia", "ukraine", "ratio", "derived"])
    both = both[both["ukraine"] > 0]
    out = both.assign(
        ratio=both["russia"] / both["ukraine"],
        derived=flags.loc[both.index].fillna(False).astype(bool).any(axis=1),
    ).reset_index()
    return out[["date", "russia", "ukraine", "ratio", "derived"]]


def area_chart(
    candidates: pd.DataFrame, statements: pd.DataFrame | None, as_of: dt.date, lang: str
) -> alt.Chart:
    """Lines and points of area by side, a rule at the selected date, ratio labels."""
    data = area_series(candidates, statements, lang)
    labels = [t(f"side_{s}", lang) for s in SIDES]
    colors = [SIDE_STYLE[s]["color"] for s in SIDES]
    dashes = [dash_pattern(s) for s in SIDES]
    color = alt.Color("side_label:N", title=None, scale=alt.Scale(domain=labels, range=colors))
    dash = alt.StrokeDash("side_label:N", scale=alt.Scale(domain=labels, range=dashes), legend=None)
    x = alt.X("date:T", title=t("chart_date", lang), axis=alt.Axis(format="%b %Y"))
    y = alt.Y("area_km2:Q", title=t("chart_area", lang))
    tooltip = [
        alt.Tooltip("side_label:N", title=" "),
        alt.Tooltip("figure:N", title="km²"),
        alt.Tooltip("day:N", title=t("chart_date", lang)),
        alt.Tooltip("who:N", title=t("source", lang)),
    ]
    base = alt.Chart(data)
    lines = base.mark_rule(strokeWidth=2).encode(
        x=x, x2="end:T", y=y, color=color, strokeDash=dash, tooltip=tooltip
    )
    shape = alt.Shape("side_label:N", legend=None)
    stated = base.transform_filter("!datum.derived").mark_point(filled=True, size=60)
    derived = base.transform_filter("datum.derived").mark_point(filled=False, size=70)
    points = [
        layer.encode(x=x, y=y, color=color, shape=shape, tooltip=tooltip)
        for layer in (stated, derived)
    ]
    rule = (
        alt.Chart(pd.DataFrame({"date": [pd.Timestamp(as_of)]}))
        .mark_rule(color="#333", strokeDash=[2, 2])
        .encode(x="date:T")
    )
    tag = t("derived_tag", lang)
    ratios = same_day_ratios(candidates)
    ratios = ratios.assign(
        label=[
            t("chart_ratio", lang, pct=f"≈ {r * 100:.0f}%" if d else f"{r * 100:.0f}%")
            + (f" ({tag})" if d else "")
            for r, d in zip(ratios["ratio"], ratios["derived"], strict=True)
        ]
    )
    ratio_text = (
        alt.Chart(ratios)
        .mark_text(align="left", dx=6, dy=-8, fontSize=11, color="#333")
        .encode(x="date:T", y="russia:Q", text="label:N")
    )
    return alt.layer(lines, *points, rule, ratio_text).properties(height=260)


#: Vega's number and date formats for pages not in US English (Vega's default), so the
#: chart's axis says "mrt 2025" and "1.000" on a Dutch page. Names come from the catalogue.
VEGA_FORMATS = {
    "nl": {
        "number": {"decimal": ",", "thousands": ".", "grouping": [3], "currency": ["€ ", ""]},
        "time": {"dateTime": "%a %e %B %Y %X", "date": "%d-%m-%Y", "time": "%H:%M:%S",
                 "periods": ["", ""]},
    },
}  # fmt: skip


def vega_locale(lang: str) -> dict:
    """Vega's locale for a page language ({} for English: Vega's own default)."""
    formats = VEGA_FORMATS.get(lang)
    if not formats:
        return {}
    names = {"days": "days_long", "shortDays": "days_short", "months": "months_long",
             "shortMonths": "months_short"}  # fmt: skip
    time = formats["time"] | {k: words(key, lang) for k, key in names.items()}
    return {"number": formats["number"], "time": time}


def localized(spec: dict, lang: str) -> dict:
    """The chart spec with the page language's number and date formats."""
    locale = vega_locale(lang)
    if not locale:
        return spec
    return {**spec, "config": {**spec.get("config", {}), "locale": locale}}
