"""Facts every test folder shares, taken from the embedded data once per session.

Nothing here reads data at import time: a broken data file fails the tests that use it,
not the collection of the whole suite.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import os

import pytest

import geo

#: Hypothesis profile: ``ci`` in CI (`.ci/run` sets it), ``dev`` otherwise.
PROFILE_ENV = "HYPOTHESIS_PROFILE"

with contextlib.suppress(ImportError):  # hypothesis is a dev dependency
    from hypothesis import HealthCheck, settings

    # CI must give the same verdict on every run of the same commit: a fixed seed per
    # test, no example database carried between runs, no deadline or "too slow" check
    # (both measure wall time, which a busy machine stretches). Local runs keep drawing
    # new examples and remember failing ones.
    settings.register_profile(
        "ci",
        derandomize=True,
        database=None,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow],
        print_blob=True,
    )
    settings.register_profile("dev", deadline=None)
    settings.load_profile(os.environ.get(PROFILE_ENV, "dev"))


@functools.cache
def seed_date() -> dt.date:
    """The day of the seed article: the one date of every figure quoted from it.

    The default view of the app and most tests' "day of the seed" (12 Aug 2024), read
    from ``data/claims.yaml`` (records whose source is the seed) rather than typed again.
    """
    claims = geo.load_claims()
    days = set(claims.loc[claims["source_seed"].notna(), "date"].dt.date)
    assert len(days) == 1, f"the seed's figures should share one date, found {sorted(days)}"
    return days.pop()


@pytest.fixture(scope="session")
def seed_day() -> dt.date:
    """The seed article's day (see :func:`seed_date`)."""
    return seed_date()


@pytest.fixture(scope="session")
def regions():
    """The regions layer as the map draws it (read-only: copy before changing it)."""
    return geo.load_regions()


@pytest.fixture(scope="session", autouse=True)
def _set_up_like_the_server():
    """Each test process sets itself up as ``serve.py`` does before any test starts a
    child: the forkserver preloads the drawing code, as a replica's does."""
    from web.routes import prepare_process

    prepare_process()
