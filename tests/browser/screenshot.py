"""Take the README screenshots with the project's own browser tooling.

python -m tests.browser.screenshot                 # writes every picture into docs/
python -m tests.browser.screenshot docs dates      # only the dated views (issue 17)
python -m tests.browser.screenshot docs static     # only the static embed (issue 16)
"""

from __future__ import annotations

import sys
from pathlib import Path

from deploy.local import CHROMIUM_ARGS, MAP, ROOT, chromium_path, serve
from tests.browser.reader import LABELS_PLACED, wait_settled, wait_still
from tests.browser.server import newsroom

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
#: The dates issue 17 names: what each side said about each region, and when, from the
#: seed's day to the end of the record. Laptop size; Dutch and phone for two of them.
DATES = (
    "2024-08-12", "2025-03-13", "2025-04-26", "2025-06-01", "2025-06-22", "2025-08-30",
    "2025-12-31", "2026-03-08",
)  # fmt: skip
LAPTOP, PHONE = (1366, 768), (390, 844)
DATED = {
    f"claims-{day}.png": (f"/?base=none&ind=true&date={day}", LAPTOP, False, False) for day in DATES
}
DATED |= {
    f"claims-{day}-nl.png": (f"/?base=none&ind=true&lang=nl&date={day}", LAPTOP, False, False)
    for day in ("2025-04-26", "2025-12-31")
}
DATED |= {
    f"claims-{day}-phone.png": (f"/?base=none&ind=true&date={day}", PHONE, True, False)
    for day in ("2025-04-26", "2026-03-08")
}


def main(out_dir: Path = ROOT / "docs", which: str = "all") -> None:
    """Open the app at each view and save the first screen once the overlays are drawn."""
    # Imported here: the suite imports this module for its doctests, with or without
    # playwright installed.
    from playwright.sync_api import sync_playwright

    out_dir.mkdir(exist_ok=True)
    shots = {"dates": DATED, "static": STATIC}.get(which) or {**SHOTS, **STATIC, **DATED}
    if which not in ("all", "dates", "static"):  # one file name, e.g. claims-2025-12-31.png
        shots = {which: {**SHOTS, **STATIC, **DATED}[which]}
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
                page.frame_locator(MAP).locator("path.claim-ua, path.claim-ru").first.wait_for()
                wait_settled(page)
                page.frame_locator(MAP).locator(LABELS_PLACED).wait_for(state="attached")
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
