"""Issue 17 in a real browser: with zones in three regions on one date, zone labels never
cover each other, a town's name or dot, a settlement dot or the map's controls, at any
zoom the reader can reach; and the legend leaves the zones clear on a laptop."""

from __future__ import annotations

import pytest

from deploy.local import MAP, map_frame
from tests.browser.conftest import SCREENS
from tests.browser.reader import LABELS_PLACED, wait_settled

#: Dates with zones in Kursk and Sumy (and Sumy + Kharkiv) at once, trackers shown too.
DATES = ("2025-06-22", "2025-12-31")
#: Every zoom the map allows (components/present/urls.ZOOM_RANGE).
ZOOMS = range(5, 14)

#: [visible labels, label pairs or label-and-obstacle pairs that overlap, their names].
OVERLAPS_JS = """() => {
  const root = document.querySelector('.leaflet-container');
  const box = r => [r.left, r.top, r.right, r.bottom];
  const seen = el => { const r = el.getBoundingClientRect(); return r.width && r.height; };
  const hit = (a, b) => a[0] < b[2] && a[2] > b[0] && a[1] < b[3] && a[3] > b[1];
  const labels = Array.from(root.querySelectorAll('.zone-label'))
    .filter(el => getComputedStyle(el).visibility === 'visible' && seen(el));
  const others = Array.from(root.querySelectorAll(
    '.town-label, path.town-dot, .stl-dot, .leaflet-control')).filter(seen);
  const bad = [];
  labels.forEach((a, i) => {
    const ra = box(a.getBoundingClientRect());
    labels.slice(i + 1).forEach(b => {
      if (hit(ra, box(b.getBoundingClientRect()))) bad.push([a.textContent, b.textContent]);
    });
    others.forEach(o => {
      if (hit(ra, box(o.getBoundingClientRect()))) bad.push([a.textContent, o.className.baseVal
        || o.className]);
    });
  });
  return [labels.length, bad.length, bad.slice(0, 3)];
}"""

#: Current zones the open legend covers: [count, class names].
UNDER_LEGEND_JS = """() => {
  const legend = document.querySelector('.claims-legend').getBoundingClientRect();
  const zones = document.querySelectorAll('path.claim-ru, path.claim-ua, path.claim-ind');
  const under = Array.from(zones).filter(p => !p.classList.contains('claim-stale')).filter(p => {
      const r = p.getBoundingClientRect();
      return r.width && r.left < legend.right && r.right > legend.left
        && r.top < legend.bottom && r.bottom > legend.top;
    });
  return [under.length, under.map(p => p.className.baseVal)];
}"""


def _placed_after(frame, before: int) -> int:
    """Wait for the label placer's next pass with none still due (the settled signal) and
    return its count."""
    frame.wait_for_function(
        """n => { const d = document.querySelector('.leaflet-container').dataset;
                  return +d.labelsPlaced > n && !('labelsPending' in d); }""",
        arg=before,
    )
    return int(frame.evaluate("() => document.querySelector('.leaflet-container')"
                              ".dataset.labelsPlaced"))  # fmt: skip


def _open(page, app_url: str, day: str):
    page.goto(f"{app_url}/?date={day}&ind=true&base=none")
    wait_settled(page)
    page.frame_locator(MAP).locator(LABELS_PLACED).wait_for(state="attached")
    return map_frame(page)


@pytest.mark.parametrize("day", DATES)
def test_zone_labels_cover_nothing_at_any_zoom(page, app_url, day):
    frame = _open(page, app_url, day)
    shown = 0
    for zoom in ZOOMS:
        before = int(frame.evaluate(
            "() => +document.querySelector('.leaflet-container').dataset.labelsPlaced"
        ))  # fmt: skip
        frame.evaluate("z => window.map.setView([51.05, 35.2], z, {animate: false})", arg=zoom)
        _placed_after(frame, before)
        visible, overlaps, examples = frame.evaluate(OVERLAPS_JS)
        assert overlaps == 0, (day, zoom, examples)
        shown += visible
    assert shown > 0, "no label was shown at any zoom"


def test_legend_leaves_the_current_zones_clear_on_a_laptop(browser, app_url):
    context = browser.new_context(viewport={"width": 1366, "height": 768})
    try:
        page = context.new_page()
        for day in DATES:
            frame = _open(page, app_url, day)
            assert frame.evaluate("() => document.querySelector('.claims-legend details').open")
            count, names = frame.evaluate(UNDER_LEGEND_JS)
            assert count == 0, (day, names)
    finally:
        context.close()


def test_phone_labels_cover_nothing(on_screen, app_url):
    page = on_screen(*SCREENS["phone"])
    frame = _open(page, app_url, "2025-06-22")
    _, overlaps, examples = frame.evaluate(OVERLAPS_JS)
    assert overlaps == 0, examples
