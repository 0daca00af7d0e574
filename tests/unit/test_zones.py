"""Zones: area truth, the box as stated, anchors, the age rule and Russia's own arithmetic."""

from __future__ import annotations

import subprocess
import sys

import geopandas as gpd
import pandas as pd
import pytest
import shapely

import geo
from geo.crs import METRIC, area_km2
from geo.currency import MAX_AGE_DAYS, select_as_of, territorial_statements
from geo.dataset import area_bearing
from geo.zones import anchors_dict, build_frame, capsule_zone, draw, rect_zone, to_metric

SUDZHA = (35.2726, 51.1976)
GORNAL = (35.2325, 51.0661)
CROSSING = (35.1098, 51.1437)  # the Sudzha crossing stand-in (data/claims.yaml anchors)
RUSSIA = ["RU-KRS", "RU-BEL", "RU-BRY", "RU-ORL", "RU-VOR"]
UKRAINE = ["UA-59", "UA-63", "UA-74", "UA-53"]
ISO = {"kursk": "RU-KRS", "sumy": "UA-59", "belgorod": "RU-BEL", "kharkiv": "UA-63"}


@pytest.fixture(scope="module")
def frame(regions):
    return build_frame(regions)


@pytest.fixture(scope="module")
def candidates(claims):
    """Every figure that can be drawn as a zone, with its anchor."""
    return area_bearing(claims, anchors_dict(geo.load_anchors()))


@pytest.fixture(scope="module")
def territorial(claims):
    """Statements that end a side's area figure (not the settlement statements)."""
    return territorial_statements(claims)


def _measured(geom_m) -> float:
    return float(area_km2(gpd.GeoSeries([geom_m], crs=METRIC)).iloc[0])


def _inside(geom_m, regions, isos) -> float:
    """Share of a zone's area inside the given regions, measured in the equal-area CRS."""
    zone = gpd.GeoSeries([geom_m], crs=METRIC)
    ground = regions.set_index("iso_3166_2").loc[isos].to_crs(METRIC).geometry.union_all()
    return float(area_km2(zone.intersection(ground)).iloc[0] / area_km2(zone).iloc[0])


# --- The box as stated, from the border ------------------------------------------------


def _ends_along(zone_m, line):
    """The border points nearest the zone's two extremes along the border."""
    positions = [line.project(shapely.Point(xy)) for xy in shapely.get_coordinates(zone_m)]
    return line.interpolate(min(positions)), line.interpolate(max(positions))


def test_box_lies_within_12_6_km_of_the_border_and_runs_40_km_end_to_end(frame, candidates):
    """Smirnov's 12 x 40 km: the part of Kursk within 12 km of the border along a 40 km
    stretch of it, end to end, centred on the Sudzha crossing (issue 17)."""
    row = candidates.set_index("claim_id").loc["ru-smirnov-2024-08-12-depth"]
    zone = draw(row, frame)
    points = shapely.get_coordinates(zone.geometry)
    farthest = max(frame.border.distance(shapely.Point(xy)) for xy in points)
    assert farthest <= 12_600  # metres, measured independently of the builder
    start, end = _ends_along(zone.geometry, frame.border)
    assert start.distance(end) / 1000 == pytest.approx(40, abs=2)
    # Centred: seen along the line from end to end, the crossing lies at its middle.
    crossing = frame.border.interpolate(frame.border.project(to_metric(*CROSSING)))
    chord = shapely.LineString([start, end])
    assert chord.project(crossing) / 1000 == pytest.approx(chord.length / 2000, abs=2)


def test_box_area_is_what_the_drawing_covers_and_is_reported(frame, regions, candidates):
    row = candidates.set_index("claim_id").loc["ru-smirnov-2024-08-12-depth"]
    zone = draw(row, frame)
    # The area is what results from the border's course, reported, not tuned to 480.
    assert _measured(zone.geometry) == pytest.approx(zone.area_km2, rel=1e-3)
    assert row["area_km2"] == pytest.approx(zone.area_km2, rel=1e-6)
    assert row["area_km2"] == pytest.approx(604, abs=1)
    assert _inside(zone.geometry, regions, ["RU-KRS"]) >= 0.98


# --- Every zone in the territory it is about, held by the other side's forces ----------


def test_zones_held_by_russia_lie_in_ukraine_and_the_reverse(frame, regions, candidates, subtests):
    """A figure of ground held by Russia is drawn in Ukraine's regions, one held by
    Ukraine in Russia's, each at least 98 % of its area (issue 17)."""
    drawn = 0
    for _, row in candidates[candidates["area_km2"] > 0].iterrows():
        with subtests.test(row["claim_id"]):
            zone = draw(row, frame)
            if zone.shape == "unplaced":
                continue
            drawn += 1
            isos = UKRAINE if row["holder"] == "russia" else RUSSIA
            assert row["holder"] in ("russia", "ukraine")
            assert _inside(zone.geometry, regions, isos) >= 0.98
    assert drawn >= 40
    held = set(candidates["holder"])
    assert held == {"russia", "ukraine"}


def test_a_figure_for_two_regions_is_one_zone_across_both(frame, regions, candidates):
    row = candidates.set_index("claim_id").loc["ru-gerasimov-2025-12-31-area"]
    zone = draw(row, frame)
    assert zone.geometry.geom_type in ("Polygon", "MultiPolygon")
    assert _measured(zone.geometry) == pytest.approx(950, rel=0.02)
    assert _inside(zone.geometry, regions, ["UA-59"]) > 0.1
    assert _inside(zone.geometry, regions, ["UA-63"]) > 0.1
    assert _inside(zone.geometry, regions, UKRAINE) >= 0.98


def test_a_place_that_cannot_be_located_is_not_drawn(frame, candidates):
    row = candidates.set_index("claim_id").loc["ind-deepstate-2024-12-10-sumy-area"]
    assert row["anchor_basis"] == "unplaced"
    zone = draw(row, frame)
    assert zone.shape == "unplaced"
    assert zone.geometry.is_empty


# --- Area-only zones: area-true, anchored ---------------------------------------------


def test_every_area_zone_is_area_true_in_its_territory_and_touches_its_places(
    frame, regions, candidates, subtests
):
    rows = candidates[(candidates["kind"] != "box") & (candidates["area_km2"] > 0)]
    assert not rows.empty
    for _, row in rows.iterrows():
        zone = draw(row, frame)
        if zone.shape == "unplaced":
            continue
        with subtests.test(row["claim_id"]):
            territory = row["territory"]
            assert _measured(zone.geometry) == pytest.approx(row["area_km2"], rel=0.02)
            isos = [ISO[part] for part in territory.split("+")]
            assert _inside(zone.geometry, regions, isos) >= 0.98
            line = frame.border_of(territory)
            assert zone.geometry.distance(line) < 1.0
            anchor = to_metric(row["anchor_lon"], row["anchor_lat"])
            if zone.shape == "strip":
                far = to_metric(row["anchor_to_lon"], row["anchor_to_lat"])
                for place in (anchor, far):
                    nearest = line.interpolate(line.project(place))
                    assert zone.geometry.distance(nearest) < 1.0, row["anchor"]
            else:
                assert zone.geometry.distance(anchor) < 1.0, row["anchor"]


def test_late_small_zones_lie_at_gornal_not_sudzha(frame, candidates):
    for claim_id in ("ru-gerasimov-2025-04-19-area", "ind-deepstate-2025-04-26-area"):
        row = candidates.set_index("claim_id").loc[claim_id]
        zone = draw(row, frame)
        assert zone.geometry.distance(to_metric(*GORNAL)) < 1.0
        assert zone.geometry.distance(to_metric(*SUDZHA)) > 5000


def test_stated_depth_sets_the_band_depth_of_syrskyis_20_august_figure(frame, candidates):
    row = candidates.set_index("claim_id").loc["ua-syrskyi-2024-08-20-area"]
    assert row["shape_depth_km"] == 35
    zone = draw(row, frame)
    assert zone.shape == "band"
    assert zone.depth_km == pytest.approx(35, abs=1.75)


def test_area_only_zones_do_not_borrow_the_russian_proportions(frame):
    zone = capsule_zone(frame, to_metric(*SUDZHA), 1000)
    assert zone.width_km / zone.depth_km < 2  # the old band was 40:12 (3.3)


def test_zero_area_draws_nothing(frame):
    assert capsule_zone(frame, to_metric(*SUDZHA), 0).geometry.is_empty
    assert rect_zone(frame, to_metric(*SUDZHA), 10, area_km2=0).geometry.is_empty


# --- Russia's own arithmetic, marked as derived ---------------------------------------


def test_russian_recapture_figures_become_a_derived_remaining_area(candidates):
    row = candidates.set_index("claim_id").loc["ru-mod-2025-01-17-recaptured"]
    assert row["derived"]
    assert row["kind"] == "remaining"
    assert row["derivation_numbers"]["whole_km2"] == pytest.approx(1267, abs=1)
    assert row["area_km2"] == pytest.approx(466, abs=1)
    nums = row["derivation_numbers"]  # the formula in words: components/present/zone_text
    assert (nums["recaptured_km2"], nums["share"]) == (801, pytest.approx(0.632))


def test_a_recapture_and_its_share_keep_their_qualifiers(candidates):
    """Gerasimov 12 Mar 2025: more than 1,100 km², more than 86 %: one statement."""
    row = candidates.set_index("claim_id").loc["ru-gerasimov-2025-03-12-total-recaptured"]
    nums = row["derivation_numbers"]
    assert (nums["recaptured_qualifier"], nums["share_qualifier"]) == ("more_than", "more_than")
    assert row["area_km2"] == pytest.approx(1100 / 0.86 - 1100, abs=1)
    assert row["holder"] == "ukraine"  # what Russia's figures leave in Ukrainian hands


def test_a_share_alone_uses_the_latest_earlier_whole(claims):
    # Without his "more than 1,100 km²", Gerasimov's share would stand alone.
    alone = claims[claims["id"] != "ru-gerasimov-2025-03-12-total-recaptured"]
    alone = alone.assign(
        group=alone["group"].where(alone["id"] != "ru-gerasimov-2025-03-12-share", None)
    )
    candidates = area_bearing(alone, anchors_dict(geo.load_anchors()), lambda row: 480.0)
    row = candidates.set_index("claim_id").loc["ru-gerasimov-2025-03-12-share"]
    assert row["derivation_numbers"]["whole_from"] == "ru-rudskoi-2025-02-20-recaptured"
    assert row["derivation_numbers"]["share_qualifier"] == "more_than"
    assert row["area_km2"] == pytest.approx(1250 * 0.14, abs=1)


def test_a_stated_area_beats_the_derivation_of_the_same_day(candidates):
    day = candidates[
        (candidates["side"] == "russia") & (candidates["date"] == pd.Timestamp("2025-04-19"))
    ]
    assert day["claim_id"].tolist() == ["ru-gerasimov-2025-04-19-area"]
    assert not day["derived"].any()


def test_the_box_area_is_derived_and_a_range_is_never_drawn(candidates):
    box = candidates.set_index("claim_id").loc["ru-smirnov-2024-08-12-depth"]
    assert box["derived"]
    nums = box["derivation_numbers"]
    assert (nums["depth_km"], nums["width_km"]) == (12, 40)
    assert nums["drawn_km2"] == pytest.approx(604, abs=0.5) == box["area_km2"]
    assert "ind-meduza-2024-08-15-area" not in set(candidates["claim_id"])


# --- The age rule ---------------------------------------------------------------------


def test_no_zone_is_current_beyond_the_age_rule(claims, candidates, territorial, subtests):
    # Every day on which anyone said anything, plus a day long after the last.
    dates = [*sorted({d.date() for d in claims["date"]}), pd.Timestamp("2026-01-01").date()]
    for as_of in dates:
        with subtests.test(as_of.isoformat()):
            chosen = select_as_of(candidates, as_of, territorial)
            for _, row in chosen[chosen["current"]].iterrows():
                assert row["age_days"] <= MAX_AGE_DAYS, row["claim_id"]
                parts = set(row["territory"].split("+"))
                newer = territorial[
                    (territorial["side"] == row["side"])
                    & (territorial["date"] > row["stated_on"])
                    & (territorial["date"] <= pd.Timestamp(as_of))
                    & territorial["territory"].map(lambda t, p=parts: bool(p & set(t.split("+"))))
                ]
                assert newer.empty, (row["claim_id"], newer["claim_id"].tolist())


def test_13_march_2025_no_current_russian_figure_covers_sudzha(zones_on, zone_of):
    """Regression: Smirnov's 12 Aug box was drawn as the Russian claim on 13 Mar 2025."""
    zones = zones_on("2025-03-13")
    ru = zone_of(zones, "russia")
    assert ru.claim_id != "ru-smirnov-2024-08-12-depth"
    assert not ru.current
    assert ru.superseded_by == "ru-mod-2025-03-13-sudzha-retaken"
    current = zones[zones["current"].astype(bool)]
    assert "russia" not in set(current["side"])


def test_26_april_2025_syrskyis_february_figure_is_stale(zones_on, zone_of):
    """Regression: on 26 Apr 2025 Syrskyi's 500 km² of 14 Feb was shown as current."""
    zones = zones_on("2025-04-26")
    ua = zone_of(zones, "ukraine")
    assert ua.claim_id == "ua-syrskyi-2025-02-14-area"
    assert not ua.current
    assert ua.age_days == 71
    ru = zone_of(zones, "russia")
    assert ru.current
    assert ru.derived
    assert ru.area_km2 == 0
    # The same day Russia also claimed ground in Sumy region: a second Russian zone.
    sumy = zone_of(zones, "russia", "sumy")
    assert (sumy.holder, sumy.current) == ("russia", True)


@pytest.mark.parametrize(
    ("as_of", "side", "claim_id", "current"),
    [
        ("2024-08-12", "russia", "ru-smirnov-2024-08-12-depth", True),
        ("2024-09-11", "russia", "ru-smirnov-2024-08-12-depth", True),  # day 30
        ("2024-09-12", "russia", "ru-smirnov-2024-08-12-depth", False),  # superseded/aged
        ("2024-11-23", "ukraine", "ua-gs-source-2024-11-23-area", True),
        ("2025-01-17", "russia", "ru-mod-2025-01-17-recaptured", True),
        ("2025-01-17", "ukraine", "ua-gs-source-2024-11-23-area", False),
        ("2025-03-16", "ukraine", "ua-syrskyi-2025-02-14-area", False),  # withdrawal
    ],
)
def test_currency_on_named_dates(candidates, territorial, as_of, side, claim_id, current):
    chosen = select_as_of(candidates, as_of, territorial)
    row = chosen[(chosen["side"] == side) & (chosen["territory"] == "kursk")].iloc[0]
    assert row["claim_id"] == claim_id
    assert bool(row["current"]) is current


def _candidates(*rows):
    cols = ["side", "date", "claim_id", "confidence", "area_km2", "derived"]
    df = pd.DataFrame(rows, columns=cols)
    df["date"] = pd.to_datetime(df["date"])
    return df


def test_same_day_tie_goes_to_a_stated_figure_then_higher_confidence():
    cands = _candidates(
        ("independent", "2025-03-13", "ind-a", "high", 140, False),
        ("independent", "2025-03-13", "ind-b", "low", 1376, False),
        ("independent", "2025-03-13", "ind-c", "high", 150, True),
    )
    assert select_as_of(cands, "2025-03-13")["claim_id"].tolist() == ["ind-a"]


def test_before_any_claim_is_empty():
    assert geo.claim_zones(as_of="2024-08-01").empty


def test_claim_zones_rows_carry_the_public_fields(zones_on):
    zones = zones_on("2024-08-12")
    for col in ("stated_on", "age_days", "current", "derived", "derivation_numbers", "anchor",
                "stated_area_km2", "derived_area_km2", "source_kind", "holder",
                "territory"):  # fmt: skip
        assert col in zones.columns, col
    assert set(zones["holder"]) == {"ukraine"}
    assert set(zones["territory"]) == {"kursk"}
    ru = zones.set_index("side").loc["russia"]
    assert pd.isna(ru["stated_area_km2"])
    assert ru["derived_area_km2"] == pytest.approx(604, abs=1)
    ua = zones.set_index("side").loc["ukraine"]
    assert ua["stated_area_km2"] == 1000
    assert ua["derivation_numbers"] == {}
    assert zones.crs.to_epsg() == 4326
    assert "method" not in zones.columns  # prose is composed in components/
    assert "derivation" not in zones.columns  # so is the formula


def test_geo_never_imports_streamlit():
    code = "import sys, geo; geo.claim_zones(); print('streamlit' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
