"""Turn a stated figure into a schematic but area-true zone.

Neither side published a line: the Russian side gave a width and a depth, the Ukrainian
side an area. So every zone is drawn by one construction, the same for both sides: a band
along the Kursk–Sumy border, centred on the Sudzha crossing, clipped to Kursk region, and
sized so that its area (measured in an equal-area CRS) equals the stated or derived area.
The shape is schematic; only its area and its anchor carry information.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import geopandas as gpd
import pandas as pd
import shapely
from shapely.geometry import LineString, Point, Polygon
from shapely.geometry.base import BaseGeometry

from geo.claims import load_claims
from geo.crs import EQUAL_AREA, METRIC, WGS84
from geo.errors import DataError
from geo.fmt import QUALIFIERS, fmt_date, fmt_num
from geo.regions import load_regions

#: The border crossing nearest Sudzha (lon, lat): the centre of every band.
SUDZHA_CROSSING = (35.27, 51.20)
#: Width:depth of a band drawn from an area alone: the 40 × 12 km shape of the only
#: stated box, so both sides' zones share one construction.
BAND_ASPECT = 40 / 12
#: Relative area tolerance of the solver (0.1 %).
AREA_RTOL = 1e-3

CONFIDENCE_RANK = {"low": 0, "medium": 1, "high": 2}


@dataclass(frozen=True)
class Frame:
    """The fixed geography every zone is drawn in (metric CRS)."""

    border: LineString  # Kursk–Sumy border, west to east
    kursk: BaseGeometry
    anchor_m: float  # distance of the Sudzha crossing along `border`


def build_frame(regions: gpd.GeoDataFrame) -> Frame:
    """Kursk polygon and the Kursk–Sumy border line from the embedded regions."""
    try:
        pair = regions.set_index("iso_3166_2").loc[["RU-KRS", "UA-59"]]
    except KeyError as exc:
        raise DataError("data/regions.geojson: Kursk (RU-KRS) or Sumy (UA-59) missing") from exc
    metric = pair.to_crs(METRIC).geometry
    kursk, sumy = metric.loc["RU-KRS"], metric.loc["UA-59"]
    shared = shapely.line_merge(kursk.boundary.intersection(sumy.boundary))
    parts = [g for g in shapely.get_parts(shared) if g.geom_type == "LineString"]
    if not parts:
        raise DataError("data/regions.geojson: Kursk and Sumy share no border")
    border = max(parts, key=lambda g: g.length)
    if border.coords[0][0] > border.coords[-1][0]:
        border = border.reverse()
    anchor = gpd.GeoSeries([Point(SUDZHA_CROSSING)], crs=WGS84).to_crs(METRIC).iloc[0]
    return Frame(border=border, kursk=kursk, anchor_m=border.project(anchor))


def band(frame: Frame, width_m: float, depth_m: float) -> BaseGeometry:
    """A band `width_m` along the border around the anchor, `depth_m` into Kursk region.

    The band is the part of Kursk region within `depth_m` of the border and between two
    cuts square to the chord of the border stretch. Cuts follow the chord (not the
    local border direction) so the shape, and its area, change smoothly with size.
    Near an end of the border the stretch shifts so the band keeps its full width.
    """
    length = frame.border.length
    width_m = min(width_m, length)
    start = min(max(frame.anchor_m - width_m / 2, 0.0), length - width_m)
    a = frame.border.interpolate(start)
    b = frame.border.interpolate(start + width_m)
    dx, dy = b.x - a.x, b.y - a.y
    chord = math.hypot(dx, dy) or 1.0
    ux, uy = dx / chord, dy / chord  # along the chord
    nx, ny = -uy, ux  # square to it
    reach = 4 * depth_m + width_m  # far enough to cover the band on either side
    slab = Polygon(
        [
            (a.x - nx * reach, a.y - ny * reach),
            (b.x - nx * reach, b.y - ny * reach),
            (b.x + nx * reach, b.y + ny * reach),
            (a.x + nx * reach, a.y + ny * reach),
        ]
    )
    near = frame.border.buffer(depth_m, quad_segs=8)
    zone = shapely.make_valid(near.intersection(slab).intersection(frame.kursk))
    # Keep the one piece along the anchor stretch: a slab can clip stray slivers
    # where the border bends back.
    parts = [g for g in shapely.get_parts(zone) if g.geom_type == "Polygon"]
    return max(parts, key=lambda g: g.area) if parts else Polygon()


def _area_km2(geom_m: BaseGeometry) -> float:
    """Area in km² of a metric-CRS geometry, measured in the equal-area CRS."""
    if geom_m.is_empty:
        return 0.0
    return float(gpd.GeoSeries([geom_m], crs=METRIC).to_crs(EQUAL_AREA).area.iloc[0] / 1e6)


def _solve(area_of: callable, target_km2: float, lo: float, hi: float) -> float:
    """Bisect a size parameter until the drawn area matches the target (area grows with it)."""
    while _area_km2(area_of(hi)) < target_km2:
        hi *= 2
        if hi > 1e7:
            raise ValueError(f"area {target_km2!r} km² does not fit in Kursk region")
    for _ in range(60):
        mid = (lo + hi) / 2
        got = _area_km2(area_of(mid))
        if abs(got - target_km2) <= AREA_RTOL * target_km2 / 4:
            return mid
        lo, hi = (mid, hi) if got < target_km2 else (lo, mid)
    return (lo + hi) / 2


@dataclass(frozen=True)
class Zone:
    """A drawn zone in the metric CRS with the sizes actually used."""

    geometry: BaseGeometry
    width_km: float
    depth_km: float
    area_km2: float


def box_zone(frame: Frame, width_km: float, depth_km: float) -> Zone:
    """Zone for a width × depth claim: width kept, depth tuned so area = width × depth."""
    target = width_km * depth_km
    width_m = width_km * 1000
    depth_m = _solve(lambda d: band(frame, width_m, d), target, 0.0, depth_km * 1000)
    geom = band(frame, width_m, depth_m)
    return Zone(geom, width_km, depth_m / 1000, _area_km2(geom))


def area_zone(frame: Frame, area_km2: float, aspect: float = BAND_ASPECT) -> Zone:
    """Zone for an area-only claim: the band grown (width:depth fixed) to the stated area."""
    if area_km2 <= 0:
        return Zone(Polygon(), 0.0, 0.0, 0.0)
    w0 = math.sqrt(area_km2 * aspect) * 1000
    d0 = w0 / aspect

    def shape(scale: float) -> BaseGeometry:
        return band(frame, w0 * scale, d0 * scale)

    scale = _solve(shape, area_km2, 0.0, 1.0)
    geom = shape(scale)
    return Zone(geom, w0 * scale / 1000, d0 * scale / 1000, _area_km2(geom))


def area_bearing(claims: pd.DataFrame) -> pd.DataFrame:
    """One row per zone-able statement: each area claim, and each width+depth group.

    Columns: ``side, date, claim_id, claim_ids, claimant, kind ('area' | 'box'),
    area_km2, width_km, depth_km, confidence``.
    """
    rows = []
    areas = claims[(claims["metric"] == "area_km2") & claims["value"].notna()]
    for rec in areas.itertuples():
        rows.append(
            {
                "side": rec.side,
                "date": rec.date,
                "claim_id": rec.id,
                "claim_ids": [rec.id],
                "claimant": rec.claimant,
                "kind": "area",
                "qualifier": getattr(rec, "qualifier", None),
                "area_km2": float(rec.value),
                "width_km": None,
                "depth_km": None,
                "confidence": rec.confidence,
            }
        )
    boxes = claims[claims["metric"].isin(["width_km", "depth_km"]) & claims["group"].notna()]
    for _, grp in boxes.groupby("group", sort=True):
        by_metric = grp.set_index("metric")
        width = float(by_metric.loc["width_km", "value"])
        depth = float(by_metric.loc["depth_km", "value"])
        first = grp.sort_values("id").iloc[0]
        rows.append(
            {
                "side": first["side"],
                "date": first["date"],
                "claim_id": str(by_metric.loc["depth_km", "id"]),
                "claim_ids": sorted(grp["id"].tolist()),
                "claimant": first["claimant"],
                "kind": "box",
                "qualifier": "about",
                "area_km2": width * depth,
                "width_km": width,
                "depth_km": depth,
                "confidence": first["confidence"],
            }
        )
    columns = [
        "side", "date", "claim_id", "claim_ids", "claimant", "kind", "qualifier",
        "area_km2", "width_km", "depth_km", "confidence",
    ]  # fmt: skip
    return pd.DataFrame(rows, columns=columns)


def select_as_of(candidates: pd.DataFrame, as_of: object) -> pd.DataFrame:
    """Per side, the latest area-bearing statement on or before `as_of`.

    Ties on one date go to the higher confidence, then to the larger figure's record id
    order, so the choice is deterministic; the other records stay visible as figures.
    """
    when = pd.Timestamp(as_of).normalize()
    sel = candidates[candidates["date"] <= when].copy()
    if sel.empty:
        return sel
    sel["_conf"] = sel["confidence"].map(CONFIDENCE_RANK).fillna(-1)
    sel = sel.sort_values(["side", "date", "_conf", "claim_id"])
    return sel.groupby("side", sort=True).tail(1).drop(columns="_conf").reset_index(drop=True)


def method_text(row: pd.Series, zone: Zone, lang: str = "en") -> str:
    """One or two sentences a reader understands: what was stated and how it was drawn."""
    n = lambda v, d=0: fmt_num(v, lang, d)  # noqa: E731
    day = fmt_date(row["date"], lang)
    if zone.area_km2 == 0:
        if lang == "nl":
            return (
                f"Bewering van {day}: geen gebied meer in handen (0 km²). "
                "Daarom is er geen zone getekend."
            )
        return f"Claim of {day}: no area held any more (0 km²), so no zone is drawn."
    if row["kind"] == "box":
        if lang == "nl":
            stated = (
                f"Opgegeven: zo'n {n(row['depth_km'])} km diep en {n(row['width_km'])} km breed "
                f"({day}); {n(row['area_km2'])} km² is daarvan afgeleid, niet opgegeven."
            )
        else:
            stated = (
                f"Stated: about {n(row['depth_km'])} km deep and {n(row['width_km'])} km wide "
                f"({day}); {n(row['area_km2'])} km² is derived from that, not stated."
            )
    else:
        words = QUALIFIERS.get(row.get("qualifier") or "", {}).get(lang, "")
        if lang == "nl":
            stated = f"Opgegeven: alleen een oppervlakte, {words}{n(row['area_km2'])} km² ({day})."
        else:
            stated = f"Stated: an area only, {words}{n(row['area_km2'])} km² ({day})."
    if lang == "nl":
        drawn = (
            f"Getekend: een strook van {n(zone.width_km, 1)} km langs de grens Koersk–Soemy, "
            f"gecentreerd op de grensovergang bij Soedzja, {n(zone.depth_km, 1)} km diep, "
            f"zodat de oppervlakte {n(zone.area_km2)} km² is. Schematisch maar oppervlaktegetrouw: "
            "geen gemeten frontlijn."
        )
    else:
        drawn = (
            f"Drawn: a band {n(zone.width_km, 1)} km along the Kursk–Sumy border, centred on "
            f"the Sudzha crossing, {n(zone.depth_km, 1)} km deep, so its area is "
            f"{n(zone.area_km2)} km². Schematic but area-true: not a surveyed front line."
        )
    return f"{stated} {drawn}"


def zones_for(selected: pd.DataFrame, frame: Frame) -> gpd.GeoDataFrame:
    """Draw the zone of each selected statement; returns EPSG:4326."""
    rows, geoms = [], []
    for _, row in selected.iterrows():
        if row["kind"] == "box":
            zone = box_zone(frame, row["width_km"], row["depth_km"])
        else:
            zone = area_zone(frame, row["area_km2"])
        rows.append(
            {
                "side": row["side"],
                "claim_id": row["claim_id"],
                "claim_ids": list(row["claim_ids"]),
                "date": row["date"],
                "claimant": row["claimant"],
                "kind": row["kind"],
                "area_km2": float(row["area_km2"]),
                "drawn_area_km2": round(zone.area_km2, 1),
                "drawn_width_km": round(zone.width_km, 2),
                "drawn_depth_km": round(zone.depth_km, 2),
                "method": method_text(row, zone, "en"),
                "method_nl": method_text(row, zone, "nl"),
            }
        )
        geoms.append(zone.geometry)
    columns = [
        "side", "claim_id", "claim_ids", "date", "claimant", "kind", "area_km2",
        "drawn_area_km2", "drawn_width_km", "drawn_depth_km", "method", "method_nl",
    ]  # fmt: skip
    gdf = gpd.GeoDataFrame(pd.DataFrame(rows, columns=columns), geometry=geoms, crs=METRIC)
    return gdf.to_crs(WGS84)


def claim_zones(
    as_of: object = "2024-08-12",
    claims: pd.DataFrame | None = None,
    regions: gpd.GeoDataFrame | None = None,
) -> gpd.GeoDataFrame:
    """One zone per side for the latest area-bearing claim on or before `as_of`.

    Columns: ``side, claim_id, area_km2, method, geometry`` (EPSG:4326) plus the drawn
    width, depth and area, the Dutch method text and the statement's date and claimant.
    """
    claims = load_claims() if claims is None else claims
    regions = load_regions() if regions is None else regions
    selected = select_as_of(area_bearing(claims), as_of)
    return zones_for(selected, build_frame(regions))
