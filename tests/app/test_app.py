"""The script end to end with streamlit.testing (no browser): states a link can carry."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

import geo.regions

TIMEOUT = 60
APP = Path(__file__).resolve().parents[2] / "app.py"


def run(**params: str) -> AppTest:
    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT)
    for key, value in params.items():
        at.query_params[key] = value
    return at.run()


def metrics(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def markdown(at: AppTest) -> str:
    """Text of markdown and HTML elements (cards are st.html)."""
    return "\n".join([m.value for m in at.markdown] + [h.proto.body for h in at.get("html")])


BOX = "≈ 480 km²"


def plain(text: str) -> str:
    """What a reader sees of an escaped markdown string (backslash escapes removed)."""
    return re.sub(r"\\(.)", r"\1", text, flags=re.S)


def md_plain(at: AppTest) -> str:
    return plain(markdown(at))


def test_default_view_compares_the_seed_figures(seed_day):
    at = run()
    assert not at.exception
    assert metrics(at) == {"Russian claim": BOX, "Ukrainian claim": "~1,000 km²"}
    assert any("12 × 40 km (≈ 480 km², derived)" in plain(c.value) for c in at.caption)
    # The ratio sentence names what it compares and that the article did the same sum.
    assert (
        "Aleksei Smirnov's about 12 × 40 km (≈ 480 km², derived) is 48% of "
        "Gen. Oleksandr Syrskyi's about 1,000 km²" in md_plain(at)
    )
    assert "“about half”" in md_plain(at)
    assert "Smirnov" in markdown(at)
    assert "twaalf burgers" in markdown(at)
    at.run()  # the link is written from the second run on (see components/render/map_view.py)
    assert at.query_params["ru"] == "true"
    assert at.query_params["date"] == seed_day.isoformat()


def test_link_state_is_restored():
    at = run(ru="false", lang="nl", date="2024-08-27", z="10", lat="51.2", lon="35.3")
    assert not at.exception
    assert at.toggle(key="ru").value is False
    assert at.toggle(key="ua").value is True
    assert at.radio(key="lang").value == "nl"
    assert "Inval in Koersk" in markdown(at)
    assert metrics(at)["Oekraïense bewering"] == "1.294 km²"
    assert any("afgeleid)" in plain(c.value) for c in at.caption)
    at.run()
    assert at.query_params["z"] == "10"
    assert at.query_params["lat"] == "51.2000"


def test_toggle_updates_the_url():
    at = run()
    at.toggle(key="ru").set_value(False).run()
    assert not at.exception
    assert at.query_params["ru"] == "false"


@pytest.mark.parametrize(
    "params",
    [
        {"ru": "perhaps"},
        {"lang": "xx", "z": "-3"},
        {"date": "not-a-date"},
        {"date": "2031-01-01"},
        {"lat": "1e999", "lon": "NaN"},
        {"lang": "<img src=x onerror=alert(1)>"},
    ],
)
def test_garbage_parameters_fall_back_with_a_notice(params):
    at = run(**params)
    assert not at.exception
    assert at.warning, "a short notice names the ignored parameter"
    assert any(name in at.warning[0].value for name in params)
    # Each ignored parameter gets its own one-line notice, naming it.
    notices = [w.value for w in at.warning]
    for name in params:
        assert sum(n.startswith(f"Ignored an invalid link parameter {name}=") for n in notices) == 1
    assert len(notices) == len(params)
    assert not any("\n" in n for n in notices)
    assert metrics(at)["Russian claim"] == BOX


def test_before_any_claim_shows_no_comparison():
    at = run(date="2024-08-10")
    assert not at.exception
    assert metrics(at)["Ukrainian claim"] == "–"


def test_broken_data_file_stops_with_a_clear_message(tmp_path, monkeypatch):
    (tmp_path / "regions.geojson").write_text("{broken")
    monkeypatch.setattr(geo.regions, "DATA_DIR", tmp_path)
    at = run()
    assert not at.exception
    assert "regions.geojson" in at.error[0].value
    assert not at.metric


def test_figures_from_different_days_are_not_turned_into_a_ratio():
    at = run(date="2024-08-27")
    assert not at.exception
    assert metrics(at) == {"Russian claim": BOX, "Ukrainian claim": "1,294 km²"}
    assert " is 48% of " not in md_plain(at)
    assert any("different days" in c.value for c in at.caption)


def test_chart_and_sources_panels_on_demand():
    at = run(date="2024-08-27")
    assert not at.get("vega_lite_chart"), "chart JS only loads when asked for"
    at.button_group(key="panel").set_value("chart").run()
    assert not at.exception
    charts = at.get("vega_lite_chart")
    assert len(charts) == 2  # claimed areas, then stated settlement totals
    assert "48% (derived)" in str(charts[0].proto)  # the seed's "about half", marked
    at.button_group(key="panel").set_value("sources").run()
    assert "https://censor.net" in markdown(at)


def test_lost_overlay_is_reported_not_dropped_silently():
    at = run(date="2024-08-12", overlay="1")
    assert not at.exception
    assert any("upload it again" in w.value for w in at.warning)
    at.run()  # the link is written from the second run on
    assert "overlay" not in at.query_params  # the mark goes once the reader is told


def test_plain_link_says_nothing_about_overlays():
    at = run(date="2024-08-12")
    assert not any("upload it again" in w.value for w in at.warning)


def test_uploaded_layer_gets_its_own_download_and_keeps_the_mark_in_the_link():
    import geopandas as gpd
    from shapely.geometry import box

    from geo.upload import Overlay

    layer = gpd.GeoDataFrame(
        {"area_km2": [12.5], "properties": [{}]},
        geometry=[box(35.0, 51.0, 35.2, 51.1)],
        crs="EPSG:4326",
    )
    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT)
    at.session_state["overlay"] = Overlay("mine.geojson", layer, 12.5, 0)
    at.run()
    assert not at.exception
    labels = [b.proto.label for b in at.get("download_button")]
    assert "Zones and your layer (GeoJSON, this session only)" in labels
    assert "Map image with your layer (PNG, this session only)" in labels
    at.run()  # the link is written from the second run on
    assert at.query_params["overlay"] == "1"


def test_13_march_2025_shows_no_current_russian_figure():
    """Regression: the comparison showed Smirnov's 12 Aug box as Russia's claim in March."""
    at = run(date="2025-03-13")
    assert not at.exception
    assert metrics(at)["Russian claim"] == "–"
    captions = [plain(c.value) for c in at.caption]
    assert any("Last figure: ≈ 175 km² (derived)" in c for c in captions), captions


def test_26_april_2025_reads_no_current_ukrainian_figure_not_500():
    """Regression: 26 Apr 2025 read "Russian claim 0 km² / Ukrainian claim 500 km²"."""
    at = run(date="2025-04-26")
    assert not at.exception
    assert metrics(at)["Ukrainian claim"] == "–"
    assert metrics(at)["Russian claim"] == "≈ 0 km²"
    assert any("No current figure" in c.value for c in at.caption)
    assert any("71 days earlier" in c.value for c in at.caption)
    assert not any("500 km²" in m for m in metrics(at).values())


def test_live_page_carries_the_static_embeds_description_for_screen_readers():
    at = run(lang="nl", date="2025-03-13", ind="true")
    assert not at.exception
    body = markdown(at)
    assert 'class="view-description"' in body
    assert "Niet actueel: vervangen door de uitspraak van deze kant van 13 mrt 2025." in body
    assert "DeepState" in body  # the trackers switched on are described too
