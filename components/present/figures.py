"""Figure text for cards, popups and exports. Pure: no Streamlit import.

Every value shown is read from a claims record; this module only formats it (the
templates escape it).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

from components.present.fmt import fmt_num, hedge
from components.present.i18n import has, t
from components.present.sides import SIDES
from components.present.templating import macro
from components.present.wording import (
    as_text,
    claimant,
    disputed_names,
    holder_name,
    kind_label,
    localized,
    qualified,
    record_when,
    territory_name,
)
from geo.claim_schema import METRICS
from geo.records import BASE_LANG, Claim


def figure_value(rec: Claim, lang: str) -> str:
    """'about 1,000 km²', '28 settlements', '500–700 km²', '63.2%' … or the metric name."""
    metric, unit = rec.metric, as_text(rec.unit)
    value = rec.value
    if value is None:
        return metric_label(metric, lang)
    qualifier = hedge(rec.qualifier, lang)
    if unit == "ratio":
        pct = value * 100
        return f"{qualifier}{fmt_num(pct, lang, 0 if float(pct).is_integer() else 1)}%"
    unit_text = t(f"unit_{unit}", lang) if has(f"unit_{unit}") else unit
    words = localized(rec, "words", lang)
    if rec.derived and value == 0 and words:
        return t("exact_zero", lang, words=words)  # "fully liberated" is exact, not ≈ 0
    text = qualified(value, unit_text, rec.qualifier, lang, rec.value_high)
    if rec.derived:
        text = f"≈ {text} ({t('derived_tag', lang)})"
    return text


def metric_label(metric: str, lang: str) -> str:
    """Human name of a metric, falling back to its id for metrics added later."""
    return t(f"metric_{metric}", lang) if has(f"metric_{metric}") else metric


def record_label(rec: Claim, lang: str) -> str:
    """What a figure counts, with whose ground or people: 'Area held by Ukraine',
    'Settlements held by Russia', 'Prisoners of war (Russian military)'."""
    metric, holder = rec.metric, as_text(rec.holder)
    key = f"metric_{metric}_by"
    if holder and has(key):
        label = t(key, lang, holder=holder_name(holder, lang), forces=t(f"forces_{holder}", lang))
    else:
        label = metric_label(metric, lang)
    people = as_text(rec.people)
    if people and has(f"people_{people}"):
        label = f"{label} ({t(f'people_{people}', lang)})"
    return label


def link_parts(url: object, text: object) -> tuple[str, str]:
    """(address, words) of a source link: the address only if it is http(s) and plain,
    else ``""`` (the words stand alone). The templates' ``link`` macro draws it.

    >>> link_parts("javascript:alert(1)", "x")
    ('', 'x')
    """
    label = as_text(text) or as_text(url)
    href = as_text(url).strip()
    if href.lower().startswith(("http://", "https://")) and not any(c in href for c in "\"'<> "):
        return href, label
    return "", label


def safe_link(url: object, text: object) -> str:
    """An escaped link if the URL is http(s); otherwise the escaped text alone."""
    return str(macro("_parts.html.j2", "link")(*link_parts(url, text)))


@dataclass(frozen=True)
class Card:
    """One figure as the reader sees it, in one language."""

    id: str
    side: str
    metric: str
    value: str
    label: str
    who: str
    summary: str
    quote: str
    quote_lang: str
    translation: str
    caveat: str
    source_title: str
    source_url: str
    confidence: str
    disputed_by: tuple[str, ...]  # who disputes it: names and dates, never record ids
    kind: str = ""  # 'Russian official', 'Ukrainian-affiliated tracker', …
    evidence: str = ""  # 'none' | 'some' | '' (the source does not say)
    note: str = ""  # the ledger's public note, in the page language
    where: str = ""  # 'Kursk region', 'Sumy and Kharkiv regions together'
    date: str = ""  # YYYY-MM-DD of the statement (for the people chart and sorting)


def cards(claims: Sequence[Claim], lang: str) -> dict[str, list[Card]]:
    """Cards grouped by side (always all three keys), newest first within a side.

    ``claims``: the records shown (cut to the date); a dispute names its other side
    only when that record is among them.
    """
    out: dict[str, list[Card]] = {side: [] for side in SIDES}
    rank = {metric: i for i, metric in enumerate(METRICS)}
    by_id: dict[str, Claim] = {}
    for rec in claims:
        by_id.setdefault(rec.id, rec)
    ordered = sorted(claims, key=lambda r: r.id)  # newest first, then by id, per rank:
    ordered.sort(key=lambda r: r.date, reverse=True)
    ordered.sort(key=lambda r: rank.get(r.metric, len(rank)))
    for rec in ordered:
        out.setdefault(rec.side, []).append(
            Card(
                id=rec.id,
                side=rec.side,
                metric=rec.metric,
                value=figure_value(rec, lang),
                label=record_label(rec, lang),
                who=t("said_by", lang, who=claimant(rec, lang), date=record_when(rec, lang)),
                summary=localized(rec, "summary", lang),
                quote=as_text(rec.quote),
                quote_lang=as_text(rec.quote_lang),
                translation=rec.names["quote"].get(BASE_LANG, ""),
                caveat=localized(rec, "caveat", lang),
                source_title=as_text(rec.source_title) or as_text(rec.source_outlet),
                source_url=as_text(rec.source_url),
                confidence=as_text(rec.confidence),
                disputed_by=tuple(disputed_names(rec.disputed_by, by_id, lang)),
                kind=kind_label(rec.source_kind, rec.side, lang),
                evidence=as_text(rec.evidence),
                note=localized(rec, "note", lang),
                where=territory_name(rec.territory or "", lang),
                date=pd.Timestamp(rec.date).strftime("%Y-%m-%d"),
            )
        )
    return out
