"""Locale-aware number and date formatting for English and Dutch text.

Kept dependency-free (no Babel) because two languages need two small tables.
"""

from __future__ import annotations

import math

import pandas as pd

#: How a claimant hedged a number ("about 1,000 km²"), in both languages.
QUALIFIERS = {
    "about": {"en": "about ", "nl": "zo'n "},
    "at_least": {"en": "at least ", "nl": "minstens "},
    "more_than": {"en": "more than ", "nl": "meer dan "},
    "up_to": {"en": "up to ", "nl": "tot "},
}

MONTHS = {
    "en": ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
    "nl": ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"],
}


def fmt_num(value: float | None, lang: str = "en", decimals: int = 0) -> str:
    """Format a number with the language's separators.

    >>> fmt_num(121000, "en"), fmt_num(121000, "nl"), fmt_num(0.48, "nl", 2)
    ('121,000', '121.000', '0,48')
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    text = f"{value:,.{decimals}f}"
    if lang == "nl":
        text = text.replace(",", "\0").replace(".", ",").replace("\0", ".")
    return text


def fmt_date(value: object, lang: str = "en") -> str:
    """Format a date as '12 Aug 2024' / '12 aug 2024'.

    >>> fmt_date("2024-08-12", "nl")
    '12 aug 2024'
    """
    ts = pd.Timestamp(value)
    return f"{ts.day} {MONTHS.get(lang, MONTHS['en'])[ts.month - 1]} {ts.year}"
