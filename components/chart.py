"""The comparison chart: claimed area over time by side, the selected date marked.

Pure: returns an Altair chart (Streamlit ships Altair); the page renders it.
"""

from __future__ import annotations

import datetime as dt

import altair as alt
import pandas as pd

from components.figures import SIDES
from components.i18n import t
from components.map_build import SIDE_STYLE


def area_series(candidates: pd.DataFrame, lang: str) -> pd.DataFrame:
    """One row per area-bearing statement: date, side label, area, claimant."""
    rows = candidates.assign(
        side_label=candidates["side"].map(lambda s: t(f"side_{s}", lang)),
        day=candidates["date"].dt.strftime("%Y-%m-%d"),
    )
    return rows[["date", "day", "side", "side_label", "area_km2", "claimant", "claim_id"]]


def same_day_ratios(candidates: pd.DataFrame) -> pd.DataFrame:
    """RU/UA area ratio on each date where both sides stated an area (e.g. 12 Aug 2024)."""
    wide = candidates[candidates["side"].isin(["russia", "ukraine"])].pivot_table(
        index="date", columns="side", values="area_km2", aggfunc="last"
    )
    both = wide.dropna(subset=[c for c in ("russia", "ukraine") if c in wide.columns])
    if not {"russia", "ukraine"} <= set(both.columns) or both.empty:
        return pd.DataFrame(columns=["date", "russia", "ukraine", "ratio"])
    both = both[both["ukraine"] > 0]
    out = both.assign(ratio=both["russia"] / both["ukraine"]).reset_index()
    return out[["date", "russia", "ukraine", "ratio"]]


def area_chart(candidates: pd.DataFrame, as_of: dt.date, lang: str) -> alt.Chart:
    """Lines and points of claimed area by side, a rule at the selected date, ratio labels."""
    data = area_series(candidates, lang)
    labels = [t(f"side_{s}", lang) for s in SIDES]
    colors = [SIDE_STYLE[s]["color"] for s in SIDES]
    dashes = [[int(x) for x in SIDE_STYLE[s]["dashArray"].split()] for s in SIDES]
    color = alt.Color("side_label:N", title=None, scale=alt.Scale(domain=labels, range=colors))
    dash = alt.StrokeDash("side_label:N", scale=alt.Scale(domain=labels, range=dashes), legend=None)
    x = alt.X("date:T", title=t("chart_date", lang), axis=alt.Axis(format="%b %Y"))
    y = alt.Y("area_km2:Q", title=t("chart_area", lang))
    tooltip = [
        alt.Tooltip("side_label:N", title=" "),
        alt.Tooltip("day:N", title=t("chart_date", lang)),
        alt.Tooltip("area_km2:Q", title="km²", format=",.0f"),
        alt.Tooltip("claimant:N", title=t("source", lang)),
    ]
    base = alt.Chart(data)
    lines = base.mark_line(interpolate="step-after", strokeWidth=2).encode(
        x=x, y=y, color=color, strokeDash=dash
    )
    points = base.mark_point(filled=True, size=60).encode(
        x=x, y=y, color=color, shape=alt.Shape("side_label:N", legend=None), tooltip=tooltip
    )
    rule = (
        alt.Chart(pd.DataFrame({"date": [pd.Timestamp(as_of)]}))
        .mark_rule(color="#333", strokeDash=[2, 2])
        .encode(x="date:T")
    )
    ratios = same_day_ratios(candidates).assign(
        label=lambda d: d["ratio"].map(lambda r: t("chart_ratio", lang, pct=f"{r * 100:.0f}%"))
    )
    ratio_text = (
        alt.Chart(ratios)
        .mark_text(align="left", dx=6, dy=-8, fontSize=11, color="#333")
        .encode(x="date:T", y="russia:Q", text="label:N")
    )
    return (lines + points + rule + ratio_text).properties(height=260)
