"""Reader wording shared by every surface: dates as precise as the source, ages, who
said it (short name, source kind) and figures with their qualifier. Pure: no Streamlit.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

import pandas as pd

from components.present.fmt import fmt_date, fmt_num, hedge, month_year
from components.present.i18n import has, t
from geo.records import BASE_LANG, AreaFigure, Claim, ClaimZone, Named


def localized(rec: Named, name: str, lang: str) -> str:
    """A field of a record (geo.records) in the reader's language, else in English
    (``BASE_LANG``) when the data has none in that language; '' when neither.

    The texts are data (``rec.names``, read from the columns ``<name>_<lang>``), so a
    third language adds columns to data/, not code here.

    >>> rec = Claim.from_row({"claimant": "Ministry", "claimant_nl": "Ministerie",
    ...                       "words_en": "all", "summary_de": "Alles"})
    >>> localized(rec, "claimant", "nl"), localized(rec, "claimant", "en")
    ('Ministerie', 'Ministry')
    >>> localized(rec, "words", "nl"), localized(rec, "note", "nl"), localized(rec, "summary", "de")
    ('all', '', 'Alles')
    """
    texts = rec.names.get(name, {})
    return texts.get(lang) or texts.get(BASE_LANG) or ""


def quoted(rec: Claim, lang: str) -> str:
    """A record's quote in the reader's language: the original (``quote``) when it was
    said in that language (``quote_lang``), else its translation (``quote_<lang>``, else
    ``quote_en``).

    >>> rec = Claim.from_row({"quote": "de helft", "quote_lang": "nl", "quote_en": "half"})
    >>> quoted(rec, "nl"), quoted(rec, "en")
    ('de helft', 'half')
    """
    if rec.quote_lang == lang:
        return as_text(rec.quote)
    return localized(rec, "quote", lang)


def as_text(value: object) -> str:
    """A record field as text ('' for None/NaN/NaT)."""
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    return str(value)


def when(date: object, lang: str, approx: object = False, precision: object = None) -> str:
    """A date as precise as its source: '12 Aug 2024', 'c. 20 Aug 2024', 'mid-Jan 2025'.

    >>> when("2025-01-15", "en", True, "mid_month"), when("2024-08-20", "nl", True)
    ('mid-Jan 2025', 'ca. 20 aug 2024')
    """
    if pd.isna(pd.Timestamp(date)):
        return ""
    precision = as_text(precision)
    if approx is True and precision:
        return t(f"when_{precision}", lang, month=month_year(date, lang))
    day = fmt_date(date, lang)
    return t("when_approx", lang, date=day) if approx is True else day


def record_when(rec: Claim | AreaFigure, lang: str) -> str:
    """:func:`when` for a ledger record, an area figure or a zone (its ``stated_on``)."""
    stated = rec.stated_on if isinstance(rec, ClaimZone) else None
    date = stated if stated is not None else rec.date
    return when(date, lang, bool(rec.date_approx), rec.date_precision)


def age(days: int, lang: str) -> str:
    """'the same day', '1 day earlier', '103 days earlier'."""
    days = int(days)
    if days <= 0:
        return t("age_same_day", lang)
    if days == 1:
        return t("age_one_day", lang)
    return t("age_days", lang, n=fmt_num(days, lang))


_SPLIT = re.compile(r"[,(;]")


def short_name(claimant: object) -> str:
    """The person or body without their role: 'Gen. Oleksandr Syrskyi', 'DeepState'.

    >>> short_name("Aleksei Smirnov, acting governor of Kursk region (video meeting)")
    'Aleksei Smirnov'
    """
    return _SPLIT.split(as_text(claimant), maxsplit=1)[0].strip()


def claimant(rec: Named, lang: str) -> str:
    """The full claimant with role, in the page language where the ledger has it."""
    return localized(rec, "claimant", lang)


def who(rec: Named, lang: str) -> str:
    """Short name of the claimant in the page language."""
    return short_name(claimant(rec, lang))


def kind_label(source_kind: object, side: object, lang: str) -> str:
    """'Russian official', 'Ukrainian-affiliated tracker', 'Media arithmetic' …"""
    kind, side = as_text(source_kind), as_text(side)
    for key in (f"kind_{kind}_{side}", f"kind_{kind}"):
        if has(key):
            return t(key, lang)
    return kind


def decimals_of(value: float) -> int:
    """The decimals a stated number was given with (at most two): 196.97 keeps both.

    >>> decimals_of(1000.0), decimals_of(5.5), decimals_of(196.97)
    (0, 1, 2)
    """
    for places in (0, 1):
        if abs(value - round(value, places)) < 1e-9:
            return places
    return 2


def qualified(value: float, unit: str, qualifier: object, lang: str, high: object = None) -> str:
    """'about 1,000 km²', 'more than 1,250 km²', '500–700 km²', '196.97 km²' (as stated)."""
    decimals = max(decimals_of(float(value)), decimals_of(float(high)) if _given(high) else 0)
    if high is not None and not pd.isna(high):
        return t("range_figure", lang, low=fmt_num(value, lang, decimals),
                 high=fmt_num(high, lang, decimals), unit=unit).strip()  # fmt: skip
    return f"{hedge(qualifier, lang)}{fmt_num(value, lang, decimals)} {unit}".strip()


def _given(value: object) -> bool:
    return value is not None and not pd.isna(value)


def disputed_names(ids: Iterable[str] | None, by_id: Mapping[str, Claim], lang: str) -> list[str]:
    """'DeepState, 26 Apr 2025' for each disputing record (names, never record ids)."""
    out = []
    for other in ids or ():
        if other in by_id:
            rec = by_id[other]
            out.append(f"{who(rec, lang)}, {record_when(rec, lang)}")
    return list(dict.fromkeys(out))


# --- Who holds what, where (issue 17) -------------------------------------------------
#: Per language, the leading words (articles, ranks) a name puts in lower case inside a
#: sentence; a language without an entry leaves names as written.
MID_SENTENCE_LOWER = {"nl": re.compile(r"^(Het|De|Een|Gen\.|Kolonel-generaal) ")}


def mid_sentence(name: str, lang: str = "nl") -> str:
    """A name inside a sentence: its leading article or rank in lower case where the
    language asks for it (Dutch), as written elsewhere.

    >>> mid_sentence("Het Russische ministerie van Defensie"), mid_sentence("Gerasimov")
    ('het Russische ministerie van Defensie', 'Gerasimov')
    >>> mid_sentence("The Russian Ministry of Defence", "en")
    'The Russian Ministry of Defence'
    """
    leading = MID_SENTENCE_LOWER.get(lang)
    return leading.sub(lambda m: m.group(1).lower() + " ", name) if leading else name


def who_mid(rec: Named, lang: str) -> str:
    """:func:`who` inside a sentence ('het ministerie', not 'Het ministerie')."""
    return mid_sentence(who(rec, lang), lang)


def territory_name(territory: object, lang: str) -> str:
    """'Kursk region', 'Sumy and Kharkiv regions, one figure' ('' when unknown)."""
    key = f"territory_{as_text(territory)}"
    return t(key, lang) if has(key) else as_text(territory)


def holder_name(holder: object, lang: str) -> str:
    """'Ukraine' / 'Oekraïne' ('' when the record names no holder)."""
    key = f"country_{as_text(holder)}"
    return t(key, lang) if has(key) else ""


def held_by(holder: object, lang: str) -> str:
    """'held by Ukraine' / 'in handen van Oekraïne' ('' when no holder)."""
    key = f"held_by_{as_text(holder)}"
    return t(key, lang) if has(key) else ""


def says_holds(side: object, holder: object, lang: str, voice: str = "") -> str:
    """Whose claim about whose ground, read the same way for both directions.

    'Russia says Ukraine holds', 'Ukraine says Russia holds', 'Russia says it holds',
    'DeepState says Russia holds' (``voice``: a tracker's or analyst's name); in Dutch
    'Volgens Rusland in handen van Oekraïne', 'Volgens Oekraïne in eigen handen'.

    >>> says_holds("russia", "ukraine", "en"), says_holds("ukraine", "ukraine", "en")
    ('Russia says Ukraine holds', 'Ukraine says it holds')
    >>> says_holds("independent", "russia", "nl", voice="DeepState")
    'Volgens DeepState in handen van Rusland'
    """
    side, holder = as_text(side), as_text(holder)
    speaker = voice if side == "independent" or not has(f"country_{side}") else ""
    speaker = speaker or holder_name(side, lang)
    speaker = mid_sentence(speaker, lang)
    if not holder_name(holder, lang):
        return t("says_unplaced", lang, side=speaker)
    own = side == holder
    key = "says_holds_own" if own else "says_holds"
    return t(key, lang, side=speaker, holder=holder_name(holder, lang))
