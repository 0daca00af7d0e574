"""The embedded data files: registry, sizes, official areas, topology, towns."""

from __future__ import annotations

import csv
import json
import shutil
import tomllib

import pytest
import shapely

from geo import DataError, load_border, load_claims, load_regions, load_towns
from geo.crs import area_km2
from geo.paths import DATA_DIR
from geo.registry import check_data_dir, load_registry

OFFICIAL_KM2 = {"RU-KRS": 29_997, "RU-BEL": 27_134, "UA-59": 23_834}


def test_every_data_file_matches_its_registry_entry():
    assert check_data_dir() == []


def test_registry_names_source_licence_and_counts():
    registry = load_registry()
    assert {"regions.geojson", "border.geojson", "towns.geojson", "claims.yaml"} <= set(registry)
    for name, entry in registry.items():
        assert entry["licence"], name
        if name.endswith(".geojson"):
            layer = json.loads((DATA_DIR / name).read_text())
            assert len(layer["features"]) == entry["features"], name
    # The ledger's count is its records: the registry says how many figures it holds.
    assert len(load_claims()) == registry["claims.yaml"]["features"]


@pytest.mark.parametrize("name", ["regions.geojson", "border.geojson", "towns.geojson"])
def test_embedded_geojson_is_small(name):
    assert (DATA_DIR / name).stat().st_size <= 400 * 1024


def test_data_readme_credits_every_file():
    readme = (DATA_DIR / "README.md").read_text()
    for name in load_registry():
        assert name in readme
    assert "Natural Earth" in readme
    assert "GeoNames" in readme
    assert "CC BY 4.0" in readme


def test_the_data_as_a_whole_has_one_stated_licence_naming_every_file():
    """A reuser of data/ learns one licence for the collection and each file's own terms."""
    readme = (DATA_DIR / "README.md").read_text()
    section = readme.split("## Licence of data/ as a whole", 1)[1].split("\n## ", 1)[0]
    assert "CC BY-SA 4.0" in section
    for name in load_registry():
        assert f"`{name}`" in section, f"{name}: its terms are not said for the collection"
    unconfirmed = {
        r["coord_licence"] for r in csv.DictReader((DATA_DIR / "settlements.csv").open())
    }
    assert any("not confirmed" in lic for lic in unconfirmed), "the open question is said per row"


def test_the_code_has_a_licence_its_package_declares():
    """Newsrooms may reuse the code only if its terms are stated, once, in LICENSE."""
    root = DATA_DIR.parent
    declared = tomllib.loads((root / "pyproject.toml").read_text())["project"]
    assert declared["license"] == "MIT"
    assert declared["license-files"] == ["LICENSE"]
    assert (root / "LICENSE").read_text().startswith("MIT License\n")


@pytest.mark.parametrize(("iso", "official"), OFFICIAL_KM2.items())
def test_region_area_within_3_percent_of_official(regions, iso, official):
    stored = regions.loc[iso, "area_km2"]
    measured = area_km2(regions.geometry).loc[iso]
    assert stored == pytest.approx(official, rel=0.03)
    assert measured == pytest.approx(official, rel=0.03)


def test_focus_regions_and_neighbours(regions):
    assert set(regions[regions["focus"]].index) == {"RU-KRS", "RU-BEL", "UA-59"}
    assert {"RU-BRY", "RU-ORL", "RU-VOR", "UA-74", "UA-53", "UA-63"} <= set(regions.index)
    assert regions.crs.to_epsg() == 4326


def test_region_names_in_four_languages(regions):
    kursk = regions.loc["RU-KRS"]
    assert (kursk["name_en"], kursk["name_nl"]) == ("Kursk", "Koersk")
    assert regions.loc["UA-59", "name_nl"] == "Soemy"
    assert regions[["name_uk", "name_ru"]].notna().all().all()


def test_simplified_regions_share_borders_without_gaps(regions):
    assert shapely.coverage_is_valid(regions.geometry.values)
    kursk, sumy = regions.loc["RU-KRS"].geometry, regions.loc["UA-59"].geometry
    assert kursk.intersection(sumy).area == 0
    assert kursk.boundary.intersection(sumy.boundary).length > 1.5  # degrees, ~200 km


def test_border_runs_between_kursk_and_sumy(regions):
    border = load_border().geometry.iloc[0]
    kursk_sumy = regions.loc["RU-KRS"].geometry.boundary.intersection(
        regions.loc["UA-59"].geometry.boundary
    )
    assert border.buffer(1e-6).covers(kursk_sumy)
    assert 500 < load_border()["length_km"].iloc[0] < 1500


@pytest.mark.parametrize(
    ("town", "iso"),
    [("Sudzha", "RU-KRS"), ("Korenevo", "RU-KRS"), ("Kursk", "RU-KRS"), ("Sumy", "UA-59"),
     ("Belgorod", "RU-BEL"), ("Krasnaya Yaruga", "RU-BEL"), ("Kurchatov", "RU-KRS")],
)  # fmt: skip
def test_towns_lie_in_their_region(regions, town, iso):
    towns = load_towns().set_index("name_en")
    assert regions.loc[iso].geometry.contains(towns.loc[town].geometry)


def test_sudzha_has_geonames_coordinates():
    sudzha = load_towns().set_index("name_en").loc["Sudzha"]
    assert (round(sudzha.geometry.y, 2), round(sudzha.geometry.x, 2)) == (51.20, 35.27)
    assert sudzha["name_nl"] == "Soedzja"


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (None, "missing"),
        (b"", "cannot be read"),
        (b"{not json", "cannot be read"),
        (b'{"type": "FeatureCollection", "features": []}', "no features"),
    ],
)
def test_broken_region_file_names_file_and_problem(tmp_path, content, problem):
    path = tmp_path / "regions.geojson"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(DataError, match=rf"regions\.geojson: .*{problem}"):
        load_regions(path)


def test_region_file_without_names_is_rejected(tmp_path):
    layer = json.loads((DATA_DIR / "regions.geojson").read_text())
    for feature in layer["features"]:
        del feature["properties"]["name_nl"]
    path = tmp_path / "regions.geojson"
    path.write_text(json.dumps(layer))
    with pytest.raises(DataError, match="name_nl"):
        load_regions(path)


def test_hand_edited_data_file_is_caught_by_registry(tmp_path):
    for path in DATA_DIR.iterdir():
        shutil.copy(path, tmp_path / path.name)
    (tmp_path / "towns.geojson").write_text("{}")
    (tmp_path / "extra.csv").write_text("a,b\n")
    problems = check_data_dir(tmp_path)
    assert any("towns.geojson: sha256 differs" in p for p in problems)
    assert any("extra.csv: not listed" in p for p in problems)


def test_dutch_kharkiv_region_and_city_share_one_spelling(regions):
    """Regression: the Dutch map said "CHARKOV" for the region next to "Charkiv" the city."""
    towns = load_towns().set_index("name_en")
    assert regions.loc["UA-63", "name_nl"] == towns.loc["Kharkiv", "name_nl"] == "Charkiv"
