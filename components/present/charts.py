"""The charts: area each side says is held, per ground, over time; and people.

Area: one panel per ground (a territory and whose forces hold it: "Kursk region, held by
Ukraine", "Sumy region, held by Russia"), so figures about different ground are never
on one line. Each figure is a point and a flat line that runs until the side's next
figure there or until the figure stops being current (geo.currency's age rule): a side
that falls silent has no line, instead of a flat one running for months. Derived
figures are hollow points.

People: prisoners, losses, evacuations and strikes as points, one per statement,
coloured by the side that made it; never joined and never added up across claimants.
Pure: returns Altair charts (Streamlit ships Altair); the page renders them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import altair as alt
import pandas as pd

from components.present import wording
from components.present.figures import figure_value, record_label
from components.present.i18n import t, words
from components.present.sides import CLAIMANTS, SIDE_STYLE, SIDES, dash_pattern
from components.present.wording import held_by, record_when, territory_name, who
from components.present.zone_text import zone_figure
from geo.records import AreaFigure, Claim


def ground_label(row: AreaFigure, lang: str) -> str:
    """'Kursk region, held by Ukraine'; a sector-only figure names its sector."""
    name = territory_name(row.territory or "kursk", lang)
    if row.partial:
        place = wording.localized(row, "anchor", lang)
        name = f"{name}, {t('sector_only', lang, place=place)}"
    label = t("theatre", lang, territory=name, held=held_by(row.holder, lang))
    return label[:1].upper() + label[1:]


#: The area chart's columns, one row per figure.
AREA_COLUMNS = ["date", "end", "day", "side", "side_label", "area_km2", "figure", "who",
                "derived", "claim_id", "theatre", "ground"]  # fmt: skip


def area_series(figures: Sequence[AreaFigure], lang: str) -> pd.DataFrame:
    """One row per figure: date, line end (``AreaFigure.until``), side label, area,
    figure text, who, derived, ground."""
    return pd.DataFrame(
        {
            "date": [f.date for f in figures],
            "end": [f.until for f in figures],
            "day": [record_when(f, lang) for f in figures],
            "side": [f.side for f in figures],
            "side_label": [t(f"side_{f.side}", lang) for f in figures],
            "area_km2": [f.area_km2 for f in figures],
            "figure": [zone_figure(f, lang) for f in figures],
            "who": [who(f, lang) for f in figures],
            "derived": [bool(f.derived) for f in figures],
            "claim_id": [f.claim_id for f in figures],
            "theatre": [f.theatre or "" for f in figures],
            "ground": [ground_label(f, lang) for f in figures],
        },
        columns=AREA_COLUMNS,
    )


def same_day_ratios(series: pd.DataFrame) -> pd.DataFrame:
    """RU/UA area ratio on each date where both sides gave a figure for the same ground
    (e.g. 12 Aug 2024, Kursk region held by Ukraine); ``series``: :func:`area_series`."""
    sides = series[series["side"].isin(CLAIMANTS)]
    if "theatre" not in sides.columns:
        sides = sides.assign(theatre="")
    index = ["date", "theatre"]
    wide = sides.pivot_table(index=index, columns="side", values="area_km2", aggfunc="last")
    flags = sides.pivot_table(index=index, columns="side", values="derived", aggfunc="max")
    both = wide.dropna(subset=[c for c in CLAIMANTS if c in wide.columns])
    if not set(CLAIMANTS) <= set(both.columns) or both.empty:
        return pd.DataFrame(columns=["date", "russia", "ukraine", "ratio", "derived"])
    both = both[both["ukraine"] > 0]
    out = both.assign(
        ratio=both["russia"] / both["ukraine"],
        derived=flags.loc[both.index].fillna(False).astype(bool).any(axis=1),
    ).reset_index()
    return out[["date", "russia", "ukraine", "ratio", "derived"]]


def area_chart(figures: Sequence[AreaFigure], as_of: dt.date, lang: str) -> alt.VConcatChart:
    """One panel per ground: lines and points of area by side, a rule at the selected
    date, ratio labels. Panels in the order the ground was first claimed.

    ``figures``: geo.dataset's ``Data.figures`` (each knows where its line ends)."""
    data = area_series(figures, lang)
    first = data.groupby("theatre")["date"].min().sort_values()
    panels = [_area_panel(data[data["theatre"] == theatre], as_of, lang) for theatre in first.index]
    return alt.vconcat(*panels).resolve_scale(color="shared", strokeDash="shared")


def _area_panel(data: pd.DataFrame, as_of: dt.date, lang: str) -> alt.LayerChart:
    """One ground's lines, points, date rule and same-day ratios."""
    title = str(data["ground"].iloc[0]) if len(data) else ""
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
    ratios = same_day_ratios(data)
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
    height = 200 if data["area_km2"].max() > 300 else 110
    return alt.layer(lines, *points, rule, ratio_text).properties(
        height=height, title=alt.TitleParams(title, anchor="start", fontSize=12)
    )


#: The people chart's groups: which metrics each shows.
PEOPLE_GROUPS: dict[str, tuple[str, ...]] = {
    "prisoners": ("pows",),
    "casualties": ("casualties", "killed", "civilians_killed", "civilians_wounded"),
    "evacuations": (
        "evacuated", "to_evacuate", "residents_remaining", "evacuation_plan",
        "civilians_abducted",
    ),
    "strikes": ("attacks",),
}  # fmt: skip


def people_series(claims: Sequence[Claim], lang: str) -> pd.DataFrame:
    """One row per statement about people: date, group, value, figure words, who, side.

    Nothing is summed or joined: each claimant's figures stand as said.
    """
    group_of = {m: g for g, metrics in PEOPLE_GROUPS.items() for m in metrics}
    rows = [rec for rec in claims if rec.metric in group_of and rec.value is not None]
    if not rows:
        return pd.DataFrame(
            columns=["date", "group", "value", "figure", "what", "who", "day", "side_label"]
        )
    return pd.DataFrame(
        {
            "date": [rec.date for rec in rows],
            "group": [t(f"people_group_{group_of[rec.metric]}", lang) for rec in rows],
            "value": [float(rec.value or 0) for rec in rows],
            "figure": [figure_value(rec, lang) for rec in rows],
            "what": [record_label(rec, lang) for rec in rows],
            "who": [who(rec, lang) for rec in rows],
            "day": [record_when(rec, lang) for rec in rows],
            "side_label": [t(f"side_{rec.side}", lang) for rec in rows],
        }
    )


def people_chart(claims: Sequence[Claim], as_of: dt.date, lang: str) -> alt.FacetChart:
    """Points per statement, one small panel per group, the selected date marked."""
    data = people_series(claims, lang).assign(as_of=pd.Timestamp(as_of))
    labels = [t(f"side_{s}", lang) for s in SIDES]
    color = alt.Color(
        "side_label:N",
        title=None,
        scale=alt.Scale(domain=labels, range=[SIDE_STYLE[s]["color"] for s in SIDES]),
    )
    x = alt.X("date:T", title=None, axis=alt.Axis(format="%b %Y"))
    y = alt.Y("value:Q", title=t("chart_count", lang), scale=alt.Scale(type="log"))
    tooltip = [
        alt.Tooltip("what:N", title=" "),
        alt.Tooltip("figure:N", title=t("chart_count", lang)),
        alt.Tooltip("day:N", title=t("chart_date", lang)),
        alt.Tooltip("who:N", title=t("source", lang)),
    ]
    base = alt.Chart(data)
    points = base.mark_point(filled=True, size=40, opacity=0.85).encode(
        x=x, y=y, color=color, shape=alt.Shape("side_label:N", legend=None), tooltip=tooltip
    )
    rule = base.mark_rule(color="#333", strokeDash=[2, 2]).encode(x="max(as_of):T")
    order = [t(f"people_group_{g}", lang) for g in PEOPLE_GROUPS]
    return (
        alt.layer(points, rule)
        .properties(height=90)
        .facet(row=alt.Row("group:N", title=None, sort=order))
        .resolve_scale(y="independent")
    )


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
