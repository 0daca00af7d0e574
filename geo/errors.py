"""The one error type for broken embedded data, so the app can show a clear message."""

from __future__ import annotations


class DataError(ValueError):
    """A file in data/ is missing, unreadable or fails validation; the message names it."""
