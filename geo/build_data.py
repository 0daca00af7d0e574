"""Build the embedded geodata in data/ from raw Natural Earth and GeoNames inputs.

Run once by a maintainer (``make data`` or ``python -m geo.build_data SOURCE_DIR``);
the app and the tests read only the files written here, never SOURCE_DIR.

Steps: select the focus regions and their neighbours, measure areas in an equal-area
CRS *before* simplifying, simplify as a coverage (shared borders stay gap-free),
derive the Russia–Ukraine border from the simplified shared edges, pick orientation
towns from GeoNames, write compact GeoJSON and a registry with sha256 and counts.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import geopandas as gpd
import pandas as pd
import shapely

from geo.build_settlements import REGISTRY as SETTLEMENT_REGISTRY
from geo.build_settlements import build_settlements, write_csv
from geo.crs import METRIC, WGS84, area_km2
from geo.paths import DATA_DIR
from geo.registry import file_sha256

#: The three regions the dashboard is about.
FOCUS = ("RU-KRS", "RU-BEL", "UA-59")
#: Neighbours drawn faintly for context.
CONTEXT = ("RU-BRY", "RU-ORL", "RU-VOR", "UA-74", "UA-53", "UA-63")
#: Coverage simplification tolerance in metres (UTM 36N); 1:10m data is ~1 km generalised.
SIMPLIFY_M = 500
#: Decimal places kept in coordinates (1e-4° ≈ 11 m, far below the data's own accuracy).
PRECISION = 4

#: Orientation towns: GeoNames name → (English name, Dutch name, label rank; 1 = always).
#: Dutch spellings follow the Dutch transliteration used by Dutch media (e.g. Koersk, Soemy).
TOWNS: dict[str, tuple[str, str, int]] = {
    "Kursk": ("Kursk", "Koersk", 1),
    "Sumy": ("Sumy", "Soemy", 1),
    "Belgorod": ("Belgorod", "Belgorod", 1),
    "Sudzha": ("Sudzha", "Soedzja", 1),
    "Korenevo": ("Korenevo", "Korenevo", 2),
    "Glushkovo": ("Glushkovo", "Gloesjkovo", 2),
    "Ryl'sk": ("Rylsk", "Rylsk", 2),
    "Kurchatov": ("Kurchatov", "Koertsjatov", 2),
    "Krasnaya Yaruga": ("Krasnaya Yaruga", "Krasnaja Jaroega", 2),
    "Khomutovka": ("Khomutovka", "Chomoetovka", 3),
    "Oboyan'": ("Oboyan", "Obojan", 3),
    "Grayvoron": ("Grayvoron", "Grajvoron", 3),
    "Bilopillya": ("Bilopillya", "Bilopillja", 3),
    "Krasnopillya": ("Krasnopillya", "Krasnopillja", 3),
    "Okhtyrka": ("Okhtyrka", "Ochtyrka", 3),
    "Kharkiv": ("Kharkiv", "Charkiv", 2),
}

#: Dutch region names that Natural Earth spells otherwise than the towns above (its
#: "Charkov" is the Russian-based form; Dutch media and the Taalunie use "Charkiv").
REGION_NL = {"UA-63": "Charkiv"}

#: GeoNames admin1 spelling (as in the input CSV) → ISO 3166-2.
ADMIN1_ISO = {"Kursk": "RU-KRS", "Belgorod": "RU-BEL", "Sumy": "UA-59", "Kharkiv": "UA-63"}

BUILT_BY = f"python -m geo.build_data SOURCE_DIR  ({Path(__file__).name})"
NE_ADMIN1 = "natural-earth-10m-admin1-kursk-area.geojson"
GEONAMES = "geonames-cities1000-kursk-area.csv"


def build_regions(admin1: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Select, measure, then coverage-simplify the regions."""
    wanted = FOCUS + CONTEXT
    sel = admin1[admin1["iso_3166_2"].isin(wanted)].copy()
    missing = set(wanted) - set(sel["iso_3166_2"])
    if missing:
        raise ValueError(f"{NE_ADMIN1}: regions not found: {sorted(missing)!r}")
    if not shapely.coverage_is_valid(sel.geometry.values):
        raise ValueError(f"{NE_ADMIN1}: the selected regions do not form a valid coverage")
    sel["area_km2"] = area_km2(sel.geometry).round(1)
    sel["name_nl"] = sel["iso_3166_2"].map(REGION_NL).fillna(sel["name_nl"])
    sel["country"] = sel["iso_3166_2"].str[:2]
    sel["focus"] = sel["iso_3166_2"].isin(FOCUS)
    # Natural Earth's own label points, so labels sit where cartographers put them.
    sel["label_lat"] = sel["latitude"].astype(float).round(3)
    sel["label_lon"] = sel["longitude"].astype(float).round(3)
    cols = ["iso_3166_2", "country", "name_en", "name_nl", "name_uk", "name_ru", "focus",
            "label_lat", "label_lon"]  # fmt: skip
    out = sel[[*cols, "area_km2", "geometry"]].sort_values("iso_3166_2").reset_index(drop=True)
    metric = out.to_crs(METRIC)
    metric["geometry"] = metric.geometry.simplify_coverage(SIMPLIFY_M)
    return metric.to_crs(WGS84)


def clear_labels(regions: gpd.GeoDataFrame, towns: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Move a region label 0.3° south when it would sit on a main town's label."""
    out = regions.copy()
    main = towns[towns["rank"] == 1]
    for iso, row in out.iterrows():
        near = ((main["lat"] - row["label_lat"]).abs() < 0.2) & (
            (main["lon"] - row["label_lon"]).abs() < 0.4
        )
        if near.any():
            out.loc[iso, "label_lat"] = round(row["label_lat"] - 0.3, 3)
    return out


def build_border(regions: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """The Russia–Ukraine border as the edges shared by a Russian and a Ukrainian region."""
    ru = regions[regions["country"] == "RU"].geometry.union_all()
    ua = regions[regions["country"] == "UA"].geometry.union_all()
    shared = shapely.line_merge(ru.boundary.intersection(ua.boundary))
    lines = [g for g in shapely.get_parts(shared) if g.geom_type == "LineString"]
    geom = shapely.line_merge(shapely.MultiLineString(lines))
    gdf = gpd.GeoDataFrame(
        {"name_en": ["Russia–Ukraine state border"], "name_nl": ["Grens Rusland–Oekraïne"]},
        geometry=[geom],
        crs=WGS84,
    )
    gdf["length_km"] = (gdf.to_crs(METRIC).length / 1000).round(1)
    return gdf


def build_towns(cities: pd.DataFrame) -> gpd.GeoDataFrame:
    """Orientation towns with GeoNames coordinates and en/nl names."""
    rows = []
    for geonames_name, (name_en, name_nl, rank) in TOWNS.items():
        hit = cities[cities["name"] == geonames_name]
        if len(hit) != 1:
            raise ValueError(f"{GEONAMES}: expected one town {geonames_name!r}, found {len(hit)}")
        rec = hit.iloc[0]
        rows.append(
            {
                "name_en": name_en,
                "name_nl": name_nl,
                "geonames_name": geonames_name,
                "country": rec["cc"],
                "region": ADMIN1_ISO.get(rec["admin1"], ""),
                "rank": rank,
                "lat": float(rec["lat"]),
                "lon": float(rec["lon"]),
            }
        )
    df = pd.DataFrame(rows)
    return gpd.GeoDataFrame(df, geometry=gpd.points_from_xy(df["lon"], df["lat"]), crs=WGS84)


def write_geojson(gdf: gpd.GeoDataFrame, path: Path) -> None:
    """Compact GeoJSON with reduced precision (RFC 7946 coordinate order)."""
    path.unlink(missing_ok=True)
    gdf.to_file(
        path,
        driver="GeoJSON",
        engine="pyogrio",
        layer_options={"COORDINATE_PRECISION": str(PRECISION), "RFC7946": "YES"},
    )


def build(
    source_dir: Path,
    out_dir: Path = DATA_DIR,
    settlements_dir: Path | None = None,
    gazetteers: list[Path] | None = None,
    gazetteer_licence: str = "GeoNames CC BY 4.0",
) -> dict[str, gpd.GeoDataFrame]:
    """Build every geodata file and update the geodata entries of sources.json.

    With ``settlements_dir`` (the research tables) also write the settlement tables,
    placing more settlements from ``gazetteers`` when given.
    """
    admin1 = gpd.read_file(source_dir / NE_ADMIN1)
    cities = pd.read_csv(source_dir / GEONAMES)
    towns = build_towns(cities)
    regions = clear_labels(build_regions(admin1), towns)
    layers = {
        "regions.geojson": regions,
        "border.geojson": build_border(regions),
        "towns.geojson": towns,
    }
    registry_path = out_dir / "sources.json"
    registry = json.loads(registry_path.read_text()) if registry_path.exists() else {}
    for name, gdf in layers.items():
        path = out_dir / name
        write_geojson(gdf, path)
        entry = registry.setdefault(name, {})
        entry.update(
            {
                "sha256": file_sha256(path),
                "features": len(gdf),
                "geometry_type": sorted(set(gdf.geom_type))[0],
                "built_by": BUILT_BY,
            }
        )
    if settlements_dir is not None:
        dutch = {name_en: name_nl for name_en, name_nl, _ in TOWNS.values()}
        tables, notes = build_settlements(settlements_dir, dutch, gazetteers, gazetteer_licence)
        for name, frame in tables.items():
            write_csv(frame, out_dir / name)
            registry[name] = dict(SETTLEMENT_REGISTRY[name], sha256=file_sha256(out_dir / name),
                                  features=len(frame), built_by=BUILT_BY)  # fmt: skip
            layers[name] = frame
        for note in notes:
            print(note)
    registry_path.write_text(json.dumps(registry, indent=2, ensure_ascii=False) + "\n")
    return layers


def main(argv: list[str] | None = None) -> None:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source_dir", type=Path, help="folder with the raw inputs")
    parser.add_argument("--out", type=Path, default=DATA_DIR, help="output folder (data/)")
    parser.add_argument(
        "--settlements", type=Path, help="folder with the settlement research tables"
    )
    parser.add_argument(
        "--gazetteer",
        type=Path,
        action="append",
        help="GeoNames country file (RU.zip) or CSV with name,lat,lon and a region; repeatable",
    )
    parser.add_argument(
        "--gazetteer-licence",
        default="GeoNames CC BY 4.0",
        help="licence recorded for gazetteer coordinates whose file names none per row",
    )
    args = parser.parse_args(argv)
    try:
        layers = build(
            args.source_dir, args.out, args.settlements, args.gazetteer, args.gazetteer_licence
        )
    except (OSError, ValueError) as exc:  # DataError is a ValueError; names file and row
        raise SystemExit(f"build_data: {exc}") from None
    for name in layers:
        size = (args.out / name).stat().st_size
        print(f"{name}: {len(layers[name])} features/rows, {size / 1024:.1f} KB")


if __name__ == "__main__":
    main()
