"""Links to assessed maps for the same place and date; nothing of theirs is republished."""

from __future__ import annotations

from components.present.urls import ViewState

DEEPSTATE = "https://deepstatemap.live/en#{z}/{lat}/{lon}"
LIVEUAMAP = "https://liveuamap.com/en/time/{date}"


def outbound_links(state: ViewState) -> dict[str, str]:
    """DeepStateMap at the view's position, Liveuamap at the view's date.

    >>> import datetime as dt
    >>> outbound_links(ViewState(date=dt.date(2024, 8, 27), lat=51.2, lon=35.27, z=9))
    {'DeepStateMap': 'https://deepstatemap.live/en#9/51.2/35.27', \
'Liveuamap': 'https://liveuamap.com/en/time/27.08.2024'}
    """
    return {
        "DeepStateMap": DEEPSTATE.format(
            z=state.z, lat=round(state.lat, 4), lon=round(state.lon, 4)
        ),
        "Liveuamap": LIVEUAMAP.format(date=state.date.strftime("%d.%m.%Y")),
    }
