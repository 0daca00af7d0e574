"""Browser fixtures: one app server and one headless Debian Chromium per test session."""

from __future__ import annotations

import contextlib
from pathlib import Path

import pytest

from deploy.local import CHROMIUM_ARGS, chromium_path, running
from tests.browser.server import newsroom

#: How long a browser step may take: a busy 2-core machine (other suites beside this
#: one, uploads read at a low priority) stretches seconds into tens of them; at load 30
#: a step once took over 60 s. Only a failing test ever waits this long.
WAIT_MS = 120_000

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


def _patient(new_context):
    """Every context a test makes waits up to WAIT_MS for a step, not Playwright's 30 s
    (a test that made its own context once forgot to say so, and failed on a busy day)."""

    def make(**options):
        context = new_context(**options)
        context.set_default_timeout(WAIT_MS)
        context.set_default_navigation_timeout(WAIT_MS)
        return context

    return make


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
        browser.new_context = _patient(browser.new_context)
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
def in_article():
    """Open, in ``page``, another site's article that embeds ``src`` in an iframe ``#host``
    of the given size (a real loopback page: the app's CSP names who may frame it)."""

    @contextlib.contextmanager
    def open_article(page, src: str, width: int, height: int, style: str = ""):
        frame = (
            f'<iframe id="host" title="Map" src="{src}" width="{width}" height="{height}"'
            f' style="{style}"></iframe>'
        )
        with newsroom(frame) as url:
            page.goto(url)
            yield url

    return open_article


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
