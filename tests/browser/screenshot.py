"""Take the README screenshots with the project's own browser tooling.

python -m tests.browser.screenshot                 # writes every picture into docs/
python -m tests.browser.screenshot docs dates      # only the six dated views (issue 9)
"""

from __future__ import annotations

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

from tests.browser.server import CHROMIUM_ARGS, ROOT, chromium_path, serve

LAPTOP = {"width": 1400, "height": 900}
SHOTS = {
    "dashboard.png": ("/?base=none", LAPTOP),
    "dashboard-phone-nl.png": ("/?lang=nl&base=none", {"width": 390, "height": 844}),
}
#: The dates issue 9 names: what each side said, and what no longer stands, on each.
DATES = ("2024-08-12", "2024-08-27", "2024-11-23", "2025-01-17", "2025-03-13", "2025-04-26")
DATED = {f"claims-{day}.png": (f"/?base=none&ind=true&date={day}", LAPTOP) for day in DATES}


def main(out_dir: Path = ROOT / "docs", which: str = "all") -> None:
    """Open the app at each view and save a screenshot once the overlays are drawn."""
    out_dir.mkdir(exist_ok=True)
    shots = DATED if which == "dates" else {**SHOTS, **DATED}
    with serve() as url, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        for name, (path, viewport) in shots.items():
            page = browser.new_page(viewport=viewport)
            page.goto(url + path)
            frame = page.frame_locator('iframe[title="streamlit_folium.st_folium"]')
            frame.locator(".claims-legend").first.wait_for()
            frame.locator("path.claim-ua").first.wait_for()
            page.wait_for_timeout(500)  # let tiles fail and labels settle (cosmetic only)
            page.evaluate(
                "document.querySelectorAll('*').forEach(e => { if (e.scrollTop) e.scrollTop = 0; })"
            )
            page.screenshot(path=out_dir / name)
            print(out_dir / name)
            page.close()
        browser.close()


if __name__ == "__main__":
    main(
        Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs",
        sys.argv[2] if len(sys.argv) > 2 else "all",
    )
