"""The Sources panel: every source of the shown figures, as an escaped HTML list."""

from __future__ import annotations

import pandas as pd

from components.present.figures import link_parts
from components.present.templating import render, words


def build_sources_html(claims: pd.DataFrame, lang: str) -> str:
    """Unique sources of the shown figures, as an escaped HTML list
    (``templates/sources.html.j2``)."""
    cols = ["source_title", "source_outlet", "source_date", "source_url", "source_seed"]
    uniq = claims[cols].drop_duplicates(subset=["source_url", "source_title"])
    items = [
        {
            "link": link_parts(rec.source_url, rec.source_title or rec.source_outlet),
            "outlet": str(rec.source_outlet or ""),
            "day": str(rec.source_date or "")[:10],
            "seed": bool(rec.source_seed),
        }
        for rec in uniq.itertuples()
    ]
    return render("sources.html.j2", items=items, t=words(lang))
