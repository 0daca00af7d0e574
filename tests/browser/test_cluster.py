"""Two replicas behind HAProxy on loopback ports: stickiness, failover, load. Bounded.

Everything is started by one fixture and stopped by it even when a test fails.
"""

from __future__ import annotations

import asyncio
import http.client
import os
import signal
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import urlencode, urlsplit

import pytest

from deploy.cluster import cluster
from deploy.local import UNHURRIED
from tests.browser.actions import collection, open_app, open_upload_panel, query, upload
from tests.browser.conftest import ARTIFACTS, WAIT_MS

#: How long a reader may wait to be back after a failover, on a busy CI machine. The
#: promise (back within 10 s) is measured and printed (``pytest -s``), not asserted: a
#: loaded machine stretches it, and a timing assert would fail by chance.
FAILOVER_LIMIT_MS = 60_000
VIEW = {"date": "2024-08-27", "ru": "false", "z": "9", "lat": "51.3", "lon": "35.3"}


@pytest.fixture(scope="module")
def balanced():
    if not __import__("shutil").which("haproxy"):
        pytest.skip("haproxy is not installed (apt-get install -y haproxy; .ci/run does it)")
    with cluster(replicas=2, env=UNHURRIED) as running:
        yield running


def replica_of(context) -> str | None:
    return next((c["value"] for c in context.cookies() if c["name"] == "KCM_REPLICA"), None)


def reader(browser, url: str, path: str):
    """A fresh browser context (no cookie: HAProxy picks its replica), showing a view."""
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    page = context.new_page()
    page.set_default_timeout(WAIT_MS)
    frame = open_app(page, f"{url}{path}")
    return context, page, frame


def test_readers_stick_to_replicas_and_survive_one_dying(browser, balanced):
    url = balanced.url
    a_ctx, a, a_map = reader(browser, url, "/?" + urlencode(VIEW))
    a_map.locator("path.claim-ua").first.wait_for()
    b_ctx, b, b_map = reader(browser, url, "/?lang=nl")
    try:
        b_map.locator("path.claim-ru").first.wait_for()
        # leastconn: the second reader lands on the replica without the first one's socket.
        dead, alive = replica_of(a_ctx), replica_of(b_ctx)
        assert {dead, alive} == {"r1", "r2"}
        open_upload_panel(a)
        upload(a, "mine.geojson", collection(name="my estimate"))
        a_map.locator("path.user-layer").wait_for()
        a.wait_for_url(lambda u: "overlay=1" in u)
        before = query(a)
        # Exports need no session: any replica (or the balancer's cache) answers, and no
        # stickiness cookie comes with them.
        for ctx in (a_ctx, b_ctx):
            answer = ctx.request.get(f"{url}/export/view.csv?date=2024-08-27", timeout=WAIT_MS)
            assert answer.ok
            assert answer.headers["x-served-by"] in {dead, alive, "<CACHE>"}
            assert "set-cookie" not in answer.headers

        t0 = time.monotonic()
        os.kill(balanced.procs[dead].pid, signal.SIGKILL)
        # Streamlit reconnects through HAProxy to the other replica; the page notices and
        # reloads from its URL; the new session there reports the upload that could not move.
        a.get_by_text("upload it again").first.wait_for(timeout=FAILOVER_LIMIT_MS)
        a_map.locator("path.claim-ua").first.wait_for(timeout=FAILOVER_LIMIT_MS)
        failover_s = time.monotonic() - t0
        print(f"\nfailover: reader back on {alive} with the same view after {failover_s:.1f} s")
        assert replica_of(a_ctx) == alive, "reader was not moved to the other replica"
        assert a.locator('[data-testid="stException"]').count() == 0
        kept = ("ru", "ua", "ind", "date", "lang", "base", "z", "lat", "lon")
        assert {k: query(a)[k] for k in kept} == {k: before[k] for k in kept}
        # The new session is live: a toggle inside the map's fragment answers.
        a.locator(".st-key-ru label").first.click()
        a_map.locator("path.claim-ru").first.wait_for()
        a.wait_for_url(lambda u: "ru=true" in u)
        # The upload could not move with the reader; uploading again works there.
        if not a.locator(".st-key-upload_file").is_visible():  # the reload folded it
            open_upload_panel(a)
        upload(a, "mine.geojson", collection(name="my estimate"))
        a_map.locator("path.user-layer").wait_for()
        assert replica_of(a_ctx) == alive

        # The other reader never noticed: same replica, still answering.
        b.locator(".st-key-ua label").first.click()
        b_map.locator("path.claim-ua").wait_for(state="detached")
        assert replica_of(b_ctx) == alive
        assert b.locator('[data-testid="stException"]').count() == 0
    except Exception:
        ARTIFACTS.mkdir(exist_ok=True)
        a.screenshot(path=ARTIFACTS / "cluster_reader_a.png", full_page=True)
        b.screenshot(path=ARTIFACTS / "cluster_reader_b.png", full_page=True)
        raise
    finally:
        a_ctx.close()
        b_ctx.close()
        for name, proc in balanced.procs.items():
            if proc.poll() is not None:
                balanced.start_replica(name)  # for the next test


def test_socket_load_across_replicas_has_no_errors(browser, balanced):
    from bench.load_socket import reader as socket_reader  # real reruns, replayed
    from bench.pageload import toggles

    balanced.wait_balanced()  # a replica killed by the test before is back in
    requests = toggles(browser, balanced.url, 2)[1]
    stream = balanced.url.replace("http", "ws", 1) + "/_stcore/stream"

    async def run() -> list[dict]:
        return await asyncio.gather(*(socket_reader(stream, requests, 4.0, i) for i in range(6)))

    # Playwright's sync API owns this thread's event loop: replay on another thread.
    with ThreadPoolExecutor(1) as pool:
        results = pool.submit(asyncio.run, asyncio.wait_for(run(), timeout=90)).result()
    errors = [e for r in results for e in r["errors"]]
    assert errors == []
    assert sum(len(r["toggle_ms"]) for r in results) > 0
    assert {r["served_by"] for r in results} == {"r1", "r2"}


def fetch(url: str, gzip: bool = True) -> tuple[dict[str, str], bytes]:
    """Headers (lower-case names) and raw body bytes, asking for gzip as browsers do."""
    headers = {"Accept-Encoding": "gzip"} if gzip else {}
    with urllib.request.urlopen(urllib.request.Request(url, headers=headers), timeout=60) as a:
        return {k.lower(): v for k, v in a.headers.items()}, a.read()


def test_balancer_compresses_the_page_and_its_bundle_and_caches_the_static_embed(balanced):
    import gzip
    import re

    headers, body = fetch(f"{balanced.url}/?date=2024-08-27")
    assert headers.get("content-encoding") == "gzip"
    page = gzip.decompress(body).decode()
    bundle = re.search(r'src="\.?/?(static/js/[^"]+\.js)"', page).group(1)
    headers, body = fetch(f"{balanced.url}/{bundle}")
    assert headers.get("content-encoding") == "gzip"
    assert "immutable" in headers["cache-control"]  # hashed assets keep their long life
    _, plain = fetch(f"{balanced.url}/{bundle}", gzip=False)
    assert gzip.decompress(body) == plain
    assert len(body) < len(plain) / 2

    # A viral embed: the second reader's copy comes from the balancer, not from Python.
    path = f"/embed?{urlencode(VIEW)}"
    first, first_body = fetch(balanced.url + path)
    again, again_body = fetch(balanced.url + path)
    assert first.get("content-encoding") == "gzip"
    assert again["x-cache"] == "HIT"
    assert again_body == first_body
    assert "set-cookie" not in again  # no stickiness cookie: it would make it uncacheable


def _get_from(source: str, url: str) -> tuple[int, dict[str, str], bytes]:
    """GET ``url`` from a given loopback source address (one client of the balancer)."""
    parts = urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30,
                                      source_address=(source, 0))  # fmt: skip
    try:
        conn.request("GET", f"{parts.path}?{parts.query}")
        answer = conn.getresponse()
        return answer.status, {k.lower(): v for k, v in answer.getheaders()}, answer.read()
    finally:
        conn.close()


def test_one_client_is_rate_limited_on_rendering_routes_and_others_are_not(balanced):
    """HAProxy counts one address's requests to the rendering routes: past 20 in 10 s it
    answers 429 with Retry-After itself; another address, and cheap routes, go on."""
    png = f"{balanced.url}/export/view.png?date=2024-08-27&z=8"  # the same view: cheap after one
    flood = "127.0.0.2"
    statuses = []
    for _ in range(30):
        status, headers, body = _get_from(flood, png)
        statuses.append(status)
        if status == 429:
            assert headers["retry-after"] == "10"
            assert b"too many renders" in body
    assert statuses[0] == 200
    assert 429 in statuses, statuses
    assert statuses.count(200) <= 21, statuses
    assert _get_from(flood, f"{balanced.url}/export/view.csv?date=2024-08-27")[0] == 200
    assert _get_from("127.0.0.1", png)[0] == 200  # another reader is not limited
