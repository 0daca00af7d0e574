"""The two headline figures above the map: each side's area claim, who said it, when.

Both sides get the same box, weight and wording; only colour and dash tell them apart,
as on the map. Built as escaped HTML (pure) and drawn by one ``st.html`` call, so on a
phone the two boxes stay side by side instead of stacking like Streamlit columns.
"""

from __future__ import annotations

import html

import geopandas as gpd

from components.present.i18n import t
from components.present.sides import CLAIMANTS, SIDE_STYLE
from components.present.wording import age, record_when
from components.present.wording import who as who_said
from components.present.zone_text import is_current, stale_note, zone_figure

HEADLINE_CSS = """<style>
.headline{display:flex;gap:8px;margin:0 0 2px}
.headline .h{flex:1 1 0;min-width:0;border-left:4px dashed var(--c);background:#fafafa;
  padding:3px 8px;line-height:1.25}
.headline .s{font-size:.78rem;color:#444}
.headline .v{font-size:1.05rem;font-weight:650}
.headline .w{font-size:.75rem;color:#555}
</style>"""


def headline_html(zones: gpd.GeoDataFrame, lang: str) -> str:
    """One box per side: its drawn figure as stated, claimant and date (all escaped)."""
    esc = html.escape
    rows = {zone.side: zone for zone in zones.itertuples()}
    boxes = []
    for side in CLAIMANTS:
        zone = rows.get(side)
        if zone is None:
            value, who = t("headline_none", lang), ""
        elif not is_current(zone):
            # A figure past the age rule is not this side's claim today: say so, and what
            # and when its last figure was.
            value = t("compare_no_current", lang)
            who = t("compare_last", lang, figure=zone_figure(zone, lang),
                    who=who_said(zone, lang), when=record_when(zone, lang),
                    age=age(zone.age_days, lang), note=stale_note(zone, lang))  # fmt: skip
        else:
            value = zone_figure(zone, lang)
            said = f"{record_when(zone, lang)} ({age(zone.age_days, lang)})"
            who = f"{who_said(zone, lang)}, {said}"
        boxes.append(
            f'<div class="h headline-{side}" style="--c:{SIDE_STYLE[side]["color"]}">'
            f'<div class="s">{esc(t(f"side_{side}", lang))}</div>'
            f'<div class="v">{esc(value)}</div><div class="w">{esc(who)}</div></div>'
        )
    return f'<div class="headline" role="group">{"".join(boxes)}</div>'
