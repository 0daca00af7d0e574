"""Take the README screenshots with the project's own browser tooling.

python -m tests.browser.screenshot            # writes docs/dashboard*.png
"""

from __future__ import annotations

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

from tests.browser.server import CHROMIUM_ARGS, ROOT, chromium_path, serve

SHOTS = {
    "dashboard.png": ("/?base=none", {"width": 1400, "height": 900}),
    "dashboard-phone-nl.png": ("/?lang=nl&base=none", {"width": 390, "height": 844}),
}


def main(out_dir: Path = ROOT / "docs") -> None:
    """Open the app at each view and save a screenshot once the overlays are drawn."""
    out_dir.mkdir(exist_ok=True)
    with serve() as url, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        for name, (path, viewport) in SHOTS.items():
            page = browser.new_page(viewport=viewport)
            page.goto(url + path)
            frame = page.frame_locator('iframe[title="streamlit_folium.st_folium"]')
            frame.locator("path.claim-ua").first.wait_for()
            page.wait_for_timeout(500)  # let tiles fail and labels settle (cosmetic only)
            page.evaluate(
                "document.querySelectorAll('*').forEach(e => { if (e.scrollTop) e.scrollTop = 0; })"
            )
            page.screenshot(path=out_dir / name)
            print(out_dir / name)
        browser.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs")
