"""The figures of a view as CSV: one row per statement, with its source, safe in a spreadsheet.

After the figures (``record`` = ``figure``) come the settlements named by the view's
date: one row per settlement and side, that side's latest statement
(``record`` = ``settlement_claim``), with the village's point, its source and licence.

Named ``csv_file`` so it never shadows the standard library's ``csv``.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from components.present.exports.common import blank, iso_date
from components.present.i18n import has, t

CSV_COLUMNS = (
    "id", "date", "side", "date_approx", "date_precision", "source_kind", "claimant",
    "region", "territory", "holder", "people", "metric", "value", "value_high", "qualifier",
    "unit", "derived",
    "derived_from", "period", "quote", "quote_lang", "quote_en", "summary_en", "caveat_en",
    "source_title", "source_outlet", "source_date", "source_url", "confidence", "evidence",
    "disputed_by", "anchor", "note", "note_nl",
)  # fmt: skip
#: Settlement columns, after the figures' (empty on a figure's row).
STL_CSV_COLUMNS = ("record", "settlement_id", "settlement", "settlement_ru", "district", "status",
                   "action", "acting_force", "lat", "lon", "placement", "coord_source",
                   "coord_licence")  # fmt: skip
#: Spreadsheet cells starting with these run as formulas (OWASP "CSV injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
NUMERIC_COLUMNS = frozenset({"value", "value_high", "lat", "lon"})
DATE_COLUMNS = frozenset({"date", "source_date"})


def _defuse(value: object) -> object:
    """Prefix a text cell a spreadsheet would run as a formula with an apostrophe."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _cell(value: object) -> object:
    """A cell as text: lists joined with ';', missing as empty."""
    if isinstance(value, (list, tuple, np.ndarray)):
        return ";".join(str(v) for v in value)
    if blank(value):
        return None
    return value


def csv_headers(lang: str) -> list[str]:
    """Column names in the page's language (English keeps the stable field ids).

    A column added later without a translation keeps its id rather than failing.
    """
    columns = (*CSV_COLUMNS, *STL_CSV_COLUMNS)
    if lang == "en":
        return list(columns)
    return [t(f"csv_{col}", lang) if has(f"csv_{col}") else col for col in columns]


def figures_csv(
    claims: pd.DataFrame, lang: str = "en", settlements: pd.DataFrame | None = None
) -> bytes:
    """The figures shown, as UTF-8 CSV with a byte-order mark, safe to open in a spreadsheet.

    The BOM makes Excel read UTF-8 (without it ``Oekraïne`` opens as ``OekraÃ¯ne``);
    headers follow the page's language. Text cells that start like a formula are
    defused (OWASP); ``value`` stays a number so the column still sorts and sums.
    ``settlements`` (``exports.settlements_file.latest_claims``) adds their rows.
    """
    columns = (*CSV_COLUMNS, *STL_CSV_COLUMNS)
    rows = claims.assign(record="figure")
    if settlements is not None and not settlements.empty:
        named = settlements.assign(record="settlement_claim")
        rows = pd.concat([rows, named], ignore_index=True)
    frame = rows.reindex(columns=list(columns))
    out = pd.DataFrame(index=frame.index)
    for col in columns:
        series = frame[col]
        if col in NUMERIC_COLUMNS:
            out[col] = pd.to_numeric(series, errors="coerce")
        elif col in DATE_COLUMNS:
            out[col] = series.map(lambda v: iso_date(v) if not isinstance(v, str) else v)
            out[col] = out[col].map(_defuse)
        else:
            out[col] = series.map(_cell).map(_defuse).astype(object)
    out.columns = csv_headers(lang)
    return out.to_csv(index=False).encode("utf-8-sig")
