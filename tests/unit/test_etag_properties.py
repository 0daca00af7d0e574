"""Property-based: two nearby views share an ETag exactly when their bytes are the same.

A cache (the browser's, HAProxy's, a CDN's) answers 304 or a stored copy on an ETag match,
so one tag for two different files would show a reader the wrong view.
"""

from __future__ import annotations

import pytest

pytest.importorskip("hypothesis", reason="hypothesis is not installed (requirements-dev.txt)")

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import web.routes

#: Offsets in 1e-5 degrees around the default centre: some round to the same link
#: (4 decimals), some do not.
offsets = st.integers(min_value=-15, max_value=15)


def fetch(client, path: str, lat: float, lon: float, z: int) -> tuple[str, bytes]:
    """One answer, built afresh as another replica would build it (no process cache)."""
    web.routes._LAST_FILES.clear()
    web.routes._built_page.cache_clear()
    answer = client.get(
        f"{path}?date=2024-08-27&lat={lat!r}&lon={lon!r}&z={z}",
        headers={"Accept-Encoding": "identity"},
    )
    assert answer.status_code == 200
    return answer.headers["etag"], answer.content


def nearby(client, path: str, z: int, lats: tuple[int, int], lons=(0, 0)) -> list:
    """Two views a few 1e-5 degrees apart around the default centre: (etag, bytes) each."""
    return [
        fetch(client, path, 51.35 + lat * 1e-5, 35.45 + lon * 1e-5, z)
        for lat, lon in zip(lats, lons, strict=True)
    ]


SETTINGS = {"deadline": None, "suppress_health_check": [HealthCheck.function_scoped_fixture]}


@pytest.mark.parametrize("path", ["/embed", "/share"])
@settings(max_examples=12, **SETTINGS)
@given(a=offsets, b=offsets, da=offsets, db=offsets, z=st.sampled_from([8, 11]))
def test_pages_share_an_etag_iff_they_share_bytes(client, path, a, b, da, db, z):
    (tag_a, body_a), (tag_b, body_b) = nearby(client, path, z, (a, b), (da, db))
    assert (tag_a == tag_b) == (body_a == body_b)


@settings(max_examples=5, **SETTINGS)
@given(a=offsets, b=offsets)
def test_html_export_shares_an_etag_iff_it_shares_bytes(client, a, b):
    # Built afresh each time, as two replicas would: folium's random element ids once
    # made one view two files under one tag.
    (tag_a, body_a), (tag_b, body_b) = nearby(client, "/export/view.html", 9, (a, b))
    assert (tag_a == tag_b) == (body_a == body_b)


@settings(max_examples=3, **SETTINGS)
@given(a=offsets, b=offsets)
def test_print_png_with_one_etag_has_one_picture(client, a, b):
    # A picture may look the same for two links a hair apart; it must never differ under
    # one tag (the bug: lat=51.35 and 51.35004 shared a tag and differed in bytes).
    (tag_a, body_a), (tag_b, body_b) = nearby(client, "/export/view.png", 10, (a, b))
    if tag_a == tag_b:
        assert body_a == body_b
    if body_a != body_b:
        assert tag_a != tag_b


def test_the_issues_two_links_are_one_view_with_one_png(client):
    tag_a, body_a = fetch(client, "/export/view.png", 51.35, 35.45, 10)
    tag_b, body_b = fetch(client, "/export/view.png", 51.35004, 35.45, 10)
    assert tag_a == tag_b
    assert body_a == body_b
