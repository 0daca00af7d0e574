"""An uploaded overlay lives in one server process; say so when a reader loses it.

While a session holds an overlay the address bar carries ``overlay=1``. A fresh session
(another replica after a failover, a restart, or a copied address) that finds the mark
but no overlay tells the reader to upload it again instead of dropping it silently.
Pure: no Streamlit import.
"""

from __future__ import annotations

from collections.abc import Mapping

MARK = "overlay"


def with_mark(query: dict[str, str], has_overlay: bool) -> dict[str, str]:
    """The view's URL parameters, plus the mark while the session has an overlay.

    >>> with_mark({"z": "8"}, True)
    {'z': '8', 'overlay': '1'}
    """
    return {**query, MARK: "1"} if has_overlay else dict(query)


def overlay_lost(params: Mapping[str, object], has_overlay: bool) -> bool:
    """Whether a link says an overlay was shown that this session does not have."""
    return MARK in params and not has_overlay
