"""Browser fixtures: one app server and one headless Debian Chromium per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

from deploy.local import CHROMIUM_ARGS, chromium_path, running

#: How long a browser step may take: a busy 2-core machine (another suite beside this
#: one, uploads read at a low priority) stretches seconds into tens of them. Only a
#: failing test ever waits this long.
WAIT_MS = 60_000

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def app_server():
    """The app's base URL and its server process (for CPU and memory readings)."""
    with running() as (url, proc):
        yield url, proc


@pytest.fixture(scope="session")
def app_url(app_server):
    return app_server[0]


@pytest.fixture(scope="session")
def browser():
    sync_api = pytest.importorskip(
        "playwright.sync_api", reason="playwright is not installed (requirements-dev.txt)"
    )
    path = chromium_path()
    if path is None:
        pytest.skip(
            "Debian chromium is not installed (apt-get install -y chromium; .ci/run does it)"
        )
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


#: The screens a reader uses most, (width, height): a phone and a laptop.
SCREENS = {"phone": (390, 844), "laptop": (1366, 768)}


@pytest.fixture
def on_screen(browser):
    """``on_screen(width, height)``: a page in a fresh context of that size, a touch phone
    below 500 px wide; every context made is closed after the test."""
    made = []

    def open_page(width: int, height: int):
        phone = width < 500
        context = browser.new_context(
            viewport={"width": width, "height": height}, is_mobile=phone, has_touch=phone
        )
        made.append(context)
        page = context.new_page()
        page.set_default_timeout(WAIT_MS)
        return page

    yield open_page
    for context in made:
        context.close()


@pytest.fixture
def page(browser, request):
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    page = context.new_page()
    page.set_default_timeout(WAIT_MS)
    yield page
    if getattr(request.node, "rep_call", None) and request.node.rep_call.failed:
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=ARTIFACTS / f"{request.node.name}.png", full_page=True)
    context.close()


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    report = yield
    setattr(item, f"rep_{report.when}", report)
    return report
