"""The Sources panel: every source of the shown figures, as an escaped HTML list."""

from __future__ import annotations

import html

import pandas as pd

from components.present.figures import safe_link
from components.present.i18n import t


def build_sources_html(claims: pd.DataFrame, lang: str) -> str:
    """Unique sources of the shown figures, as an escaped HTML list."""
    cols = ["source_title", "source_outlet", "source_date", "source_url", "source_seed"]
    uniq = claims[cols].drop_duplicates(subset=["source_url", "source_title"])
    items = []
    for rec in uniq.itertuples():
        link = safe_link(rec.source_url, rec.source_title or rec.source_outlet)
        outlet = html.escape(str(rec.source_outlet or ""))
        day = html.escape(str(rec.source_date or "")[:10])
        seed = f" — {html.escape(t('seed_source', lang))}" if rec.source_seed else ""
        items.append(f"<li>{link} · {outlet} · {day}{seed}</li>")
    return f"<ul>{''.join(items)}</ul>"
