"""The one error type for broken embedded data, so the app can show a clear message."""

from __future__ import annotations


class DataError(ValueError):
    """A file in data/ is missing, unreadable or fails validation; the message names it."""


class ClaimsError(DataError):
    """The claims ledger is unreadable or a record breaks the schema.

    The message always starts with the file and, where one is to blame, the record,
    so that an editor of ``data/claims.yaml`` can find the problem directly. A
    :class:`~geo.errors.DataError` (hence a ``ValueError``), so the app's single
    data-error handler also catches it.
    """
