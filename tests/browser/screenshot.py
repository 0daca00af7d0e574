"""Take the README screenshots with the project's own browser tooling.

python -m tests.browser.screenshot                 # writes every picture into docs/
python -m tests.browser.screenshot docs dates      # only the six dated views (issue 9)
python -m tests.browser.screenshot docs static     # only the static embed (issue 16)
"""

from __future__ import annotations

import sys
from pathlib import Path

from tests.browser.reader import MAP, wait_settled, wait_still
from tests.browser.server import CHROMIUM_ARGS, ROOT, chromium_path, newsroom, serve

#: name → (link, viewport, phone?, embedded in an iframe of that size?)
SHOTS = {
    "laptop.png": ("/?base=none", (1366, 768), False, False),
    "phone-nl.png": ("/?lang=nl&base=none", (390, 844), True, False),
    "embedded.png": ("/?embed=true&base=none", (700, 500), False, True),
    "embedded-phone.png": ("/?embed=true&base=none", (360, 640), True, True),
}
#: The static embed (/embed) in an article's 560 px frame, on a laptop and on a phone.
STATIC = {
    "embed-static.png": ("/embed?date=2024-08-12", (700, 560), False, True),
    "embed-static-phone.png": ("/embed?date=2024-08-12", (360, 640), True, True),
}
#: The dates issue 9 names: what each side said, and what no longer stands, on each.
DATES = ("2024-08-12", "2024-08-27", "2024-11-23", "2025-01-17", "2025-03-13", "2025-04-26")
DATED = {
    f"claims-{day}.png": (f"/?base=none&ind=true&date={day}", (1400, 900), False, False)
    for day in DATES
}


def main(out_dir: Path = ROOT / "docs", which: str = "all") -> None:
    """Open the app at each view and save the first screen once the overlays are drawn."""
    # Imported here: the suite imports this module for its doctests, with or without
    # playwright installed.
    from playwright.sync_api import sync_playwright

    out_dir.mkdir(exist_ok=True)
    shots = {"dates": DATED, "static": STATIC}.get(which) or {**SHOTS, **STATIC, **DATED}
    with serve() as url, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        for name, (path, (width, height), phone, embedded) in shots.items():
            context = browser.new_context(
                viewport={"width": width, "height": height}, is_mobile=phone, has_touch=phone
            )
            page = context.new_page()
            if embedded:
                article = (
                    '<meta name="viewport" content="width=device-width">'
                    f'<body style="margin:0"><iframe id="host" src="{url}{path}" '
                    f'width="{width}" height="{height}" style="border:0"></iframe></body>'
                )
                with newsroom(article) as article_url:
                    page.goto(article_url)
                if path.startswith("/embed"):  # one server-made page: drawn when loaded
                    page.frame_locator("#host").locator("svg.map path.claim-ua").wait_for()
                else:
                    frame = page.frame_locator("#host").frame_locator(MAP)
                    frame.locator("path.claim-ua").first.wait_for()
                    wait_still(next(f for f in page.frames if "embed=true" in f.url))
            else:
                page.goto(url + path)
                page.frame_locator(MAP).locator("path.claim-ua").first.wait_for()
                wait_settled(page)
            page.wait_for_load_state("networkidle")  # tiles loaded or failed
            page.screenshot(path=out_dir / name)
            print(out_dir / name)
            context.close()
        browser.close()


if __name__ == "__main__":
    main(
        Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs",
        sys.argv[2] if len(sys.argv) > 2 else "all",
    )
