"""Numbers, dates and hedges as a reader of each language writes them.

Kept dependency-free (no Babel): two languages need two separator rules; every word
(month names, qualifier words) comes from the catalogue, ``i18n.py``.
"""

from __future__ import annotations

import math

import pandas as pd

from components.present.i18n import has, t, words

#: Each language's (thousands, decimal) separators.
SEPARATORS = {"en": (",", "."), "nl": (".", ",")}


def fmt_num(value: float | None, lang: str = "en", decimals: int = 0) -> str:
    """Format a number with the language's separators.

    >>> fmt_num(121000, "en"), fmt_num(121000, "nl"), fmt_num(0.48, "nl", 2)
    ('121,000', '121.000', '0,48')
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    thousands, point = SEPARATORS.get(lang, SEPARATORS["en"])
    text = f"{value:,.{decimals}f}"
    return text.replace(",", "\0").replace(".", point).replace("\0", thousands)


def month_year(value: object, lang: str = "en") -> str:
    """'Jan 2025' / 'jan 2025'.

    >>> month_year("2025-03-13", "nl")
    'mrt 2025'
    """
    ts = pd.Timestamp(value)
    return f"{words('months_short', lang)[ts.month - 1]} {ts.year}"


def fmt_date(value: object, lang: str = "en") -> str:
    """Format a date as '12 Aug 2024' / '12 aug 2024'.

    >>> fmt_date("2024-08-12", "nl")
    '12 aug 2024'
    """
    return f"{pd.Timestamp(value).day} {month_year(value, lang)}"


def hedge(qualifier: object, lang: str = "en") -> str:
    """The words a claimant hedged a number with, ready to precede it ('' if none).

    >>> hedge("about", "nl") + "1.000", hedge(None, "en") + "12"
    ("zo'n 1.000", '12')
    """
    key = f"qualifier_{qualifier}"
    return f"{t(key, lang)} " if isinstance(qualifier, str) and has(key) else ""
