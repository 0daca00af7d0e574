"""One pipeline for the data: geo.dataset serves notebooks, the page and the routes alike."""

from __future__ import annotations

import ast
import datetime as dt
from pathlib import Path

import pandas as pd

import geo
from geo import dataset

ROOT = Path(__file__).resolve().parents[2]


def test_claim_zones_of_the_embedded_data_are_the_cached_zones_of_the_date(claims, regions):
    """A notebook's ``geo.claim_zones(day)`` and the page's zones are one computation:
    the same rows as the zones computed afresh from the ledger and the regions."""
    day = "2025-03-13"
    fresh = geo.claim_zones(day, claims=claims, regions=regions)
    served = geo.claim_zones(day)
    cached = dataset.zones_as_of(dt.date(2025, 3, 13))
    pd.testing.assert_frame_equal(pd.DataFrame(served), pd.DataFrame(fresh))
    assert served.geometry.geom_equals_exact(cached.geometry, 1e-9).all()
    assert served["claim_id"].tolist() == cached["claim_id"].tolist()


def test_a_caller_changing_its_zones_changes_nobody_elses():
    """``geo.claim_zones`` hands out a copy: the cached zones the page and the routes
    share stay as built."""
    mine = geo.claim_zones("2024-08-12")
    mine["area_km2"] = -1.0
    assert (dataset.zones_as_of(dt.date(2024, 8, 12))["area_km2"] >= 0).all()


def test_each_figure_is_drawn_once_whatever_the_dates_asking_for_it():
    """Shapes are cached by figure: zones of a second date reuse the shapes drawn for
    the first (a figure's shape never depends on the date)."""
    build = dataset.zones_as_of.__wrapped__  # the zones afresh, shapes through the cache
    build(dt.date(2024, 8, 20))
    before = dataset.shape.cache_info()
    later = build(dt.date(2024, 8, 21))  # the same figures stand a day later
    after = dataset.shape.cache_info()
    assert after.misses == before.misses, "a figure was drawn again"
    assert after.hits - before.hits == len(later) > 0


def _imports(path: Path) -> set[str]:
    out = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.ImportFrom) and node.module:
            out.add(node.module)
        elif isinstance(node, ast.Import):
            out |= {a.name for a in node.names}
    return out


def test_the_routes_read_the_data_below_streamlit_not_through_the_pages_caches():
    """The HTTP routes share geo.dataset with the page, never its ``st.cache_resource``
    builders: the routes keep working (and stay testable) without a Streamlit script."""
    for path in sorted((ROOT / "web").glob("*.py")):
        bad = {m for m in _imports(path) if m.startswith("components.render.cache")}
        assert not bad, f"{path.name} imports {sorted(bad)}: use geo.dataset"
