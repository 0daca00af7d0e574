"""The script end to end with streamlit.testing (no browser): states a link can carry."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

import geo.regions
from components.render import session

TIMEOUT = 60
APP = Path(__file__).resolve().parents[2] / "app.py"


def run(**params: str) -> AppTest:
    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT)
    for key, value in params.items():
        at.query_params[key] = value
    return at.run()


def metrics(at: AppTest) -> dict[str, str]:
    """The first ground's figures (the comparison shows one block per ground)."""
    out: dict[str, str] = {}
    for m in at.metric:
        out.setdefault(m.label, m.value)
    return out


def all_metrics(at: AppTest) -> list[tuple[str, str]]:
    return [(m.label, m.value) for m in at.metric]


def markdown(at: AppTest) -> str:
    """Text of markdown and HTML elements (cards are st.html)."""
    return "\n".join([m.value for m in at.markdown] + [h.proto.body for h in at.get("html")])


#: Smirnov's 12 x 40 km drawn from the border (issue 17): the area that results.
BOX = "≈ 604 km²"


def plain(text: str) -> str:
    """What a reader sees of an escaped markdown string (backslash escapes removed)."""
    return re.sub(r"\\(.)", r"\1", text, flags=re.S)


def md_plain(at: AppTest) -> str:
    return plain(markdown(at))


def test_default_view_compares_the_seed_figures(seed_day):
    at = run()
    assert not at.exception
    assert metrics(at) == {"Russian claim": BOX, "Ukrainian claim": "~1,000 km²"}
    assert any("12 × 40 km (≈ 604 km² as drawn, derived)" in plain(c.value) for c in at.caption)
    # The ratio sentence names what it compares and that the article did the same sum.
    assert (
        "Aleksei Smirnov's about 12 × 40 km (≈ 604 km² as drawn, derived) is 60% of "
        "Gen. Oleksandr Syrskyi's about 1,000 km²" in md_plain(at)
    )
    assert "Kursk region: held by Ukraine" in md_plain(at)
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
    assert "Koersk, Soemy en Belgorod sinds augustus 2024" in markdown(at)
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
        {"date": "2023-01-01"},
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


def test_a_date_after_the_record_opens_on_its_last_day_with_an_end_of_record_notice():
    """Issue 17: not "invalid link parameter" and back to 12 Aug 2024."""
    at = run(date="2026-05-15")
    assert not at.exception
    assert not at.warning
    notices = [plain(i.value) for i in at.info]
    assert notices == [
        "The record ends on 8 Mar 2026: nothing later has been collected, so this view "
        "shows 8 Mar 2026 instead of 2026-05-15."
    ]
    assert str(at.slider(key="date").value) == "2026-03-08"
    assert any("This is the last day of the record." in plain(c.value) for c in at.caption)
    at.run()  # the link is written from the second run on
    assert at.query_params["date"] == "2026-03-08"


def test_the_slider_runs_from_the_first_to_the_last_record():
    at = run()
    assert not at.exception
    slider = at.slider(key="date")
    days = [dt.datetime.fromtimestamp(us / 1e6, dt.UTC).date() for us in (slider.min, slider.max)]
    assert days == [dt.date(2024, 8, 6), dt.date(2026, 3, 8)]
    assert str(slider.value) == "2024-08-12"  # a link without a date: the seed's day


def test_on_26_april_2025_the_ukrainian_box_names_the_general_staff_statement():
    """Issue 17: the last day of the old record hid one side ("replaced by this side's
    statement of 16 Mar 2025") while Ukraine's General Staff spoke that very day."""
    at = run(date="2025-04-26")
    assert not at.exception
    page = next(h.proto.body for h in at.get("html") if "headline-ukraine" in h.proto.body)
    ukraine = page.split('class="h headline-ukraine"')[1]
    assert "Latest statement, 26 Apr 2025 (General Staff of Ukraine&#x27;s Armed Forces)" in (
        ukraine
    )
    assert "defensive operation in parts of Kursk region continued. No area given." in ukraine
    russia = page.split('class="h headline-russia"')[1].split("headline-ukraine")[0]
    assert "0 km² (“fully liberated”)" in russia
    assert "more than 90 km²" in russia  # the same day, in Sumy region


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
    assert len(charts) == 3  # areas per ground, people, then stated settlement totals
    assert "60% (derived)" in str(charts[0].proto)  # the seed's "about half", marked
    assert "Prisoners" in str(charts[1].proto)
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
    assert not at.exception  # a crashed page would say nothing about overlays either
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
    at.session_state[session.OVERLAY] = Overlay("mine.geojson", layer, 12.5, 0)
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
    assert any("Last figure: ≈ 179 km² (derived)" in c for c in captions), captions


def test_26_april_2025_reads_no_current_ukrainian_figure_not_500():
    """Regression: 26 Apr 2025 read "Russian claim 0 km² / Ukrainian claim 500 km²"."""
    at = run(date="2025-04-26")
    assert not at.exception
    assert metrics(at)["Ukrainian claim"] == "–"
    assert metrics(at)["Russian claim"] == "0 km²"  # "fully liberated": exact, not ≈ 0
    assert any("No current figure" in c.value for c in at.caption)
    assert any("71 days earlier" in c.value for c in at.caption)
    assert not any("500 km²" in value for _, value in all_metrics(at))
    assert ("Russian claim", "> 90 km²") in all_metrics(at)  # Sumy: its own ground


def test_live_page_carries_the_static_embeds_description_for_screen_readers():
    at = run(lang="nl", date="2025-03-13", ind="true")
    assert not at.exception
    body = markdown(at)
    assert 'class="view-description"' in body
    # The map labels' words: whose claim about whose ground, where; stale said as stale.
    assert "Volgens Rusland in handen van Oekraïne (regio Koersk): ≈ 179 km² (afgeleid)" in body
    assert "Niet actueel: vervangen door een latere verklaring van deze kant" in body
    assert "Volgens DeepState in handen van Oekraïne (regio Koersk)" in body  # trackers too
