"""The Sources panel: every source of the shown figures, as an escaped HTML list."""

from __future__ import annotations

from collections.abc import Sequence

from components.present.figures import link_parts
from components.present.templating import render, words
from geo.records import Claim


def build_sources_html(claims: Sequence[Claim], lang: str) -> str:
    """Unique sources of the shown figures, as an escaped HTML list
    (``templates/sources.html.j2``): one item per address and title, first seen first."""
    seen: set[tuple[str | None, str | None]] = set()
    uniq = []
    for rec in claims:
        if (rec.source_url, rec.source_title) not in seen:
            seen.add((rec.source_url, rec.source_title))
            uniq.append(rec)
    items = [
        {
            "link": link_parts(rec.source_url, rec.source_title or rec.source_outlet),
            "outlet": str(rec.source_outlet or ""),
            "day": str(rec.source_date or "")[:10],
            "seed": bool(rec.source_seed),
        }
        for rec in uniq
    ]
    return render("sources.html.j2", items=items, t=words(lang))
