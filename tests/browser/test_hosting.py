"""The hosted page: nothing written into the source tree, nothing blocked by its own CSP."""

from __future__ import annotations

import shutil
import signal
import subprocess
from pathlib import Path

from deploy.cluster import wait_ready, wait_status
from deploy.local import MAP, ROOT, running
from tests.browser.actions import open_app, query
from tests.browser.conftest import WAIT_MS

#: Records every Content-Security-Policy violation in every frame of the page.
CSP_PROBE = """document.addEventListener("securitypolicyviolation", e => {
  (window.top.__csp = window.top.__csp || []).push(e.violatedDirective + " " + e.blockedURI);
});"""


def tree(folder: Path) -> dict[str, tuple[int, int]]:
    """Every path under a folder with its size and modification time."""
    return {
        str(p.relative_to(folder)): (p.stat().st_size, p.stat().st_mtime_ns)
        for p in folder.rglob("*")
    }


def test_running_the_app_writes_nothing_into_the_repository(browser, tmp_path):
    clone = tmp_path / "clone"
    files = subprocess.run(
        ["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.split("\0")
    for name in filter(None, files):
        target = clone / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, target)
    before = tree(clone)
    env = {"PYTHONPATH": str(clone), "PYTHONPYCACHEPREFIX": str(tmp_path / "pycache")}
    with running(clone / "serve.py", cwd=clone, env=env) as (url, _):
        context = browser.new_context()
        context.add_init_script(CSP_PROBE)
        try:
            page = context.new_page()
            frame = open_app(page, f"{url}/?date=2024-08-27&lang=nl")
            frame.locator("path.claim-ua").first.wait_for()
            assert page.request.get(f"{url}/export/view.png?date=2024-08-27", timeout=WAIT_MS).ok
            assert page.request.get(f"{url}/share?lang=nl", timeout=WAIT_MS).ok
            page.get_by_text("Downloads").click()
            page.locator('[data-testid="stLinkButton"]').first.wait_for()
            violations = page.evaluate("window.__csp || []")
        finally:
            context.close()
    assert tree(clone) == before
    # Only blocked requests would show here; map tiles fail on DNS here, not on the CSP.
    assert violations == []


def test_sigterm_stops_new_sessions_before_the_replica_exits():
    env = {"KURSK_CLAIMS_DRAIN_SECONDS": "5"}
    with running(env=env) as (url, proc):
        wait_ready(f"{url}/ready")
        proc.send_signal(signal.SIGTERM)
        # The replica says 503 while it drains (5 s): this fails if it exits first.
        wait_status(f"{url}/ready", 503, timeout=180, proc=proc)
        assert proc.poll() is None  # still serving the sessions it has
        proc.wait(timeout=20)


def test_shared_link_shows_the_view_and_a_tap_opens_the_app_there(page, app_url):
    view = "ru=false&ua=true&ind=false&lang=nl&date=2024-08-27&lat=51.3000&lon=35.3000&z=9"
    page.goto(f"{app_url}/share?{view}&base=light")
    page.locator("svg.map path.claim-ua").wait_for()  # static first: the claims at once
    assert page.locator("svg.map path.claim-ru").count() == 0
    page.get_by_role("link", name="Open de interactieve kaart").click()
    page.wait_for_url(lambda u: "/share" not in u)
    frame = page.frame_locator(MAP)
    frame.locator("path.claim-ua").first.wait_for()
    assert frame.locator("path.claim-ru").count() == 0
    assert query(page)["date"] == "2024-08-27"
    assert query(page)["lang"] == "nl"
