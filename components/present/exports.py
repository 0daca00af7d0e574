"""Downloads of the current view: zones (GeoJSON), figures (CSV), map image (PNG), map (HTML).

Pure functions, no Streamlit import, so each export is tested on its bytes. Every export
carries the same caveat as the live map (zones are schematic, area-true) and the sources
of the figures, because a downloaded file travels without the page around it.
"""

from __future__ import annotations

import base64
import datetime as dt
import html
import io
import json
import math
import re
import textwrap
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import folium
import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import LineCollection
from matplotlib.colors import to_rgba
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch, PathPatch
from matplotlib.path import Path as MplPath
from matplotlib.patheffects import withStroke
from shapely.geometry.base import BaseGeometry

from components.present.fmt import fmt_date, fmt_num
from components.present.i18n import has, t
from components.present.sides import SIDE_STYLE, dash_pattern
from components.present.zone_text import (
    derivation_text,
    is_current,
    legend_figure_line,
    method_text,
    side_label,
    zone_label,
)
from geo.currency import MAX_AGE_DAYS
from web.assets import LEAFLET_CSS, LEAFLET_JS, package_dir

#: Said on every exported zone, in the file itself: the outline is not a front line.
ZONE_NOTE = "schematic, area-true: not a surveyed front line"
#: 5 decimals of a degree ≈ 1 m: far finer than the schematic shapes, and small files.
COORD_DECIMALS = 5
#: Per-claim fields copied from the ledger onto each exported zone.
SOURCE_FIELDS = ("source_title", "source_url", "quote", "quote_en", "confidence")

CSV_COLUMNS = (
    "id", "date", "side", "date_approx", "date_precision", "source_kind", "claimant",
    "region", "metric", "value", "value_high", "qualifier", "unit", "derived",
    "derived_from", "period", "quote", "quote_lang", "quote_en", "summary_en", "caveat_en",
    "source_title", "source_outlet", "source_date", "source_url", "confidence", "evidence",
    "disputed_by", "anchor", "note",
)  # fmt: skip
#: Spreadsheet cells starting with these run as formulas (OWASP "CSV injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
NUMERIC_COLUMNS = frozenset({"value", "value_high"})

#: Print frame (lon/lat): every zone with room around it, plus Kursk, Sumy and Belgorod
#: cities for orientation. Widened to the image's aspect, never cropped.
PNG_FRAME = (34.1, 50.5, 36.8, 51.85)
#: Size (px) of the live map panel a view's zoom refers to; the PNG shows that area.
VIEW_PX = (800, 520)
#: Reference width (inches) the PNG font sizes are designed for (1600 px at 200 dpi).
PNG_REF_WIDTH_IN = 8.0
#: Leaflet dash patterns are in CSS px; 1 px is drawn as this many points.
DASH_PT_PER_PX = 1.0
ZONE_LINEWIDTH = 1.6
ZONE_FILL_ALPHA = 0.2
BORDER_COLOR = "#1a1a1a"
#: The reader's upload: reddish purple as on the live map (components/render/upload.py).
READER_STYLE = {
    "facecolor": to_rgba("#CC79A7", 0.15),
    "edgecolor": "#CC79A7",
    "linewidth": ZONE_LINEWIDTH,
    "linestyle": (0.0, (8 / ZONE_LINEWIDTH, 3 / ZONE_LINEWIDTH)),
}
WATER_COLOR = "#e8eef2"


def _blank(value: object) -> bool:
    """None, NaN and NaT count as missing (pandas 3 mixes them in object columns)."""
    if value is None:
        return True
    if isinstance(value, (list, tuple, dict, np.ndarray)):
        return False
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def _json_value(value: object) -> Any:
    """A JSON-safe scalar: missing → null, numpy → Python, never NaN (RFC 8259)."""
    if _blank(value):
        return None
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, (pd.Timestamp, dt.date)):
        return _iso_date(value)
    return value


def _iso_date(value: object) -> str | None:
    """YYYY-MM-DD, whatever date type the frame holds."""
    if _blank(value):
        return None
    return pd.Timestamp(value).strftime("%Y-%m-%d")


def _rfc7946_geometry(geom: BaseGeometry) -> dict:
    """Round to ~1 m, drop repeated points, exterior rings counter-clockwise (RFC 7946 §3.1.6)."""
    geom = shapely.transform(geom, lambda xy: np.round(xy, COORD_DECIMALS))
    geom = shapely.remove_repeated_points(geom)
    geom = shapely.orient_polygons(geom, exterior_cw=False)
    return json.loads(shapely.to_geojson(geom))


def _sources(claim_ids: Iterable[str], by_id: pd.DataFrame) -> list[dict]:
    """The ledger records behind a zone, so the file says who claimed it and where."""
    out = []
    for claim_id in claim_ids:
        if claim_id not in by_id.index:
            continue
        rec = by_id.loc[claim_id]
        entry = {"claim_id": claim_id}
        entry.update({f: _json_value(rec.get(f)) for f in SOURCE_FIELDS})
        out.append(entry)
    return out


def _visible(zones: gpd.GeoDataFrame, sides: Sequence[str]) -> gpd.GeoDataFrame:
    """Zones of the toggled-on sides that have a shape (a 0 km² claim has none).

    Larger zones first, as on the live map, so smaller ones are drawn on top.
    """
    geoms = zones.geometry
    keep = zones["side"].isin(list(sides)) & ~geoms.isna()
    keep &= ~geoms.is_empty.fillna(True)
    return zones[keep].sort_values("area_km2", ascending=False, kind="stable")


def zones_geojson(
    zones: gpd.GeoDataFrame, claims: pd.DataFrame, sides: tuple[str, ...], as_of: object = None
) -> str:
    """The visible zones as an RFC 7946 FeatureCollection, each with its sources and caveat.

    Written by hand rather than with ``to_json`` so the file has no ``crs`` member,
    counter-clockwise rings and nested per-claim sources, which GIS tools and web
    maps all read. A stated figure is ``stated_area_km2``; arithmetic on stated
    figures is ``derived_area_km2`` with its ``derivation``; ``current`` says whether
    the figure still stood on ``as_of`` (``age_days`` old).
    """
    shown = _visible(zones.to_crs("EPSG:4326") if zones.crs else zones, sides)
    by_id = claims.drop_duplicates("id").set_index("id")
    features = []
    for _, zone in shown.iterrows():
        claim_ids = [str(c) for c in zone["claim_ids"]]
        sources = _sources(claim_ids, by_id)
        urls = list(dict.fromkeys(s["source_url"] for s in sources if s["source_url"]))
        properties = {
            "side": zone["side"],
            "source_kind": _json_value(zone.get("source_kind")),
            "claim_ids": claim_ids,
            "date": _iso_date(zone["date"]),
            "date_approx": bool(zone.get("date_approx") or False),
            "date_precision": _json_value(zone.get("date_precision")),
            "as_of": _iso_date(as_of),
            "age_days": _json_value(zone.get("age_days")),
            "current": bool(zone.get("current")),
            "stale_reason": _json_value(zone.get("stale_reason")) or None,
            "claimant": _json_value(zone["claimant"]),
            "qualifier": _json_value(zone.get("qualifier")),
            "stated_area_km2": _json_value(zone.get("stated_area_km2")),
            "derived_area_km2": _json_value(zone.get("derived_area_km2")),
            "derived": bool(zone.get("derived")),
            "derivation": _json_value(zone.get("derivation")) or None,
            "derivation_en": derivation_text(zone, by_id, "en") or None,
            "derivation_nl": derivation_text(zone, by_id, "nl") or None,
            "label_en": zone_label(zone, by_id, "en", as_of),
            "label_nl": zone_label(zone, by_id, "nl", as_of),
            "anchor": _json_value(zone.get("anchor")),
            "anchor_basis": _json_value(zone.get("anchor_basis")),
            "shape": _json_value(zone.get("shape")),
            "drawn_area_km2": _json_value(zone["drawn_area_km2"]),
            "drawn_width_km": _json_value(zone["drawn_width_km"]),
            "drawn_depth_km": _json_value(zone["drawn_depth_km"]),
            "method_en": method_text(zone, "en"),
            "method_nl": method_text(zone, "nl"),
            "schematic": True,
            "note": ZONE_NOTE,
            "source_urls": urls,
            "sources": sources,
        }
        features.append(
            {
                "type": "Feature",
                "properties": properties,
                "geometry": _rfc7946_geometry(zone.geometry),
            }
        )
    collection = {
        "type": "FeatureCollection",
        "name": f"kursk-claims-map zones ({ZONE_NOTE})",
        "features": features,
    }
    return json.dumps(collection, ensure_ascii=False, allow_nan=False, indent=1)


def _defuse(value: object) -> object:
    """Prefix a text cell a spreadsheet would run as a formula with an apostrophe."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _cell(value: object) -> object:
    """A cell as text: lists joined with ';', missing as empty."""
    if isinstance(value, (list, tuple, np.ndarray)):
        return ";".join(str(v) for v in value)
    if _blank(value):
        return None
    return value


def csv_headers(lang: str) -> list[str]:
    """Column names in the page's language (English keeps the stable field ids).

    A column added later without a translation keeps its id rather than failing.
    """
    if lang == "en":
        return list(CSV_COLUMNS)
    return [t(f"csv_{col}", lang) if has(f"csv_{col}") else col for col in CSV_COLUMNS]


def figures_csv(claims: pd.DataFrame, lang: str = "en") -> bytes:
    """The figures shown, as UTF-8 CSV with a byte-order mark, safe to open in a spreadsheet.

    The BOM makes Excel read UTF-8 (without it ``Oekraïne`` opens as ``OekraÃ¯ne``);
    headers follow the page's language. Text cells that start like a formula are
    defused (OWASP); ``value`` stays a number so the column still sorts and sums.
    """
    frame = claims.reindex(columns=list(CSV_COLUMNS))
    out = pd.DataFrame(index=frame.index)
    for col in CSV_COLUMNS:
        series = frame[col]
        if col in NUMERIC_COLUMNS:
            out[col] = pd.to_numeric(series, errors="coerce")
        elif col in ("date", "source_date"):
            out[col] = series.map(lambda v: _iso_date(v) if not isinstance(v, str) else v)
            out[col] = out[col].map(_defuse)
        else:
            out[col] = series.map(_cell).map(_defuse).astype(object)
    out.columns = csv_headers(lang)
    return out.to_csv(index=False).encode("utf-8-sig")


# --- PNG ---------------------------------------------------------------------------


def _polygon_path(geom: BaseGeometry) -> MplPath | None:
    """A matplotlib path for (multi)polygons, holes included (non-zero winding)."""
    geom = shapely.orient_polygons(geom, exterior_cw=False)
    paths = []
    for poly in shapely.get_parts(geom):
        if poly.geom_type != "Polygon" or poly.is_empty:
            continue
        for ring in (poly.exterior, *poly.interiors):
            paths.append(MplPath(np.asarray(ring.coords)[:, :2], closed=True))
    return MplPath.make_compound_path(*paths) if paths else None


def _lines(geoms: Iterable[BaseGeometry]) -> list[np.ndarray]:
    """Vertex arrays of every line part, for a LineCollection."""
    out = []
    for geom in geoms:
        for part in shapely.get_parts(geom):
            if part.geom_type == "LineString" and not part.is_empty:
                out.append(np.asarray(part.coords)[:, :2])
    return out


def _dashes(side: str) -> tuple[float, tuple[float, ...]]:
    """Leaflet's dashArray (px) as a matplotlib dash pattern (scaled by line width)."""
    pattern = [float(v) for v in dash_pattern(side)]
    return (0.0, tuple(v * DASH_PT_PER_PX / ZONE_LINEWIDTH for v in pattern))


def _zone_style(side: str, current: bool = True) -> dict:
    """As on the live map: a stale figure is a faint outline without fill."""
    colour = SIDE_STYLE[side]["color"]
    return {
        "facecolor": to_rgba(colour, ZONE_FILL_ALPHA if current else 0.0),
        "edgecolor": to_rgba(colour, 1.0 if current else 0.5),
        "linewidth": ZONE_LINEWIDTH if current else ZONE_LINEWIDTH * 0.8,
        "linestyle": _dashes(side),
    }


def _wrap(text: str, width_in: float, fontsize: float) -> str:
    """Wrap text to a width in inches (DejaVu Sans averages ≈ 0.6 em per glyph)."""
    chars = max(20, int(width_in * 72 / (fontsize * 0.6)))
    return "\n".join(textwrap.wrap(text, chars, break_on_hyphens=False))


def _fits(ax: Any, text: Any, renderer: Any) -> bool:
    """Whether a label lies wholly inside the map frame (half-cut names read as errors)."""
    box, frame = text.get_window_extent(renderer), ax.get_window_extent(renderer)
    return bool(
        box.x0 >= frame.x0 and box.x1 <= frame.x1 and box.y0 >= frame.y0 and box.y1 <= frame.y1
    )


def _draw_map(
    ax: Any,
    regions: gpd.GeoDataFrame,
    border: gpd.GeoDataFrame,
    towns: gpd.GeoDataFrame,
    shown: gpd.GeoDataFrame,
    lang: str,
    s: float,
) -> None:
    """Regions, zones, border, towns and labels on one axes, lon/lat degrees."""
    (x0, x1), (y0, y1) = ax.get_xlim(), ax.get_ylim()
    for row in regions.sort_values("focus").itertuples():
        path = _polygon_path(row.geometry)
        if path is None:
            continue
        focus = bool(row.focus)
        ax.add_patch(
            PathPatch(
                path,
                facecolor="#f7f4ec" if focus else "#fbfbfb",
                edgecolor="#555555" if focus else "#9a9a9a",
                linewidth=0.8 if focus else 0.5,
                zorder=2 if focus else 1,
            )
        )
    for _, zone in shown.iterrows():
        path = _polygon_path(zone.geometry)
        if path is not None:
            ax.add_patch(PathPatch(path, zorder=3, **_zone_style(zone.side, is_current(zone))))
    ax.add_collection(
        LineCollection(_lines(border.geometry), colors=BORDER_COLOR, linewidths=1.5, zorder=4)
    )
    renderer = ax.figure.canvas.get_renderer()
    halo = [withStroke(linewidth=2.2 * s, foreground="white")]
    name = f"name_{lang}" if f"name_{lang}" in regions.columns else "name_en"
    for row in regions.itertuples():
        if _blank(getattr(row, "label_lat", None)):
            continue
        label = ax.text(
            row.label_lon, row.label_lat, str(getattr(row, name)).upper(),
            fontsize=(7.5 if row.focus else 6) * s, color="#444" if row.focus else "#888",
            fontweight="bold" if row.focus else "normal", ha="center", va="center",
            zorder=6, clip_on=True, path_effects=halo,
        )  # fmt: skip
        if not _fits(ax, label, renderer):
            label.remove()
    labelled = towns[towns["rank"] <= 2].sort_values("rank")
    tname = f"name_{lang}" if f"name_{lang}" in towns.columns else "name_en"
    for row in labelled.itertuples():
        x, y, major = row.geometry.x, row.geometry.y, row.rank <= 1
        if not (x0 <= x <= x1 and y0 <= y <= y1):
            continue
        ax.plot(
            [x], [y], marker="o", markersize=(4 if major else 3) * s, color="white",
            markeredgecolor="#333", markeredgewidth=0.8, zorder=7, clip_on=True,
        )  # fmt: skip
        # Name to the right of the dot; to the left if it would run off the frame.
        for sign, align in ((1, "left"), (-1, "right")):
            label = ax.annotate(
                str(getattr(row, tname)), (x, y), xytext=(sign * 3.5 * s, 0),
                textcoords="offset points", fontsize=(7 if major else 6.3) * s,
                fontweight="bold" if major else "normal", color="#222", ha=align,
                va="center", zorder=8, annotation_clip=True, clip_on=True, path_effects=halo,
            )  # fmt: skip
            if _fits(ax, label, renderer):
                break
            label.remove()


def _scale_bar(ax: Any, s: float, km: float = 50.0) -> None:
    """A 50 km bar in the lower left: the zones are area-true, so distance matters."""
    x0, x1 = ax.get_xlim()
    y0, y1 = ax.get_ylim()
    x, y = x0 + 0.04 * (x1 - x0), y0 + 0.05 * (y1 - y0)
    deg = km / (111.32 * math.cos(math.radians(y)))
    ax.plot([x, x + deg], [y, y], color="#222", linewidth=2 * s, solid_capstyle="butt", zorder=9)
    ax.text(
        x + deg / 2, y + 0.012 * (y1 - y0), f"{fmt_num(km)} km", ha="center", va="bottom",
        fontsize=6.5 * s, color="#222", zorder=9,
        path_effects=[withStroke(linewidth=2 * s, foreground="white")],
    )  # fmt: skip


def _fill_box(
    frame: tuple[float, float, float, float], box_w_in: float, box_h_in: float
) -> tuple[tuple[float, float], tuple[float, float], float]:
    """Limits that show at least `frame` and fill the axes box at a true local scale.

    One degree of longitude is cos(lat) of a degree of latitude, so the y axis is
    stretched by 1/cos(lat); the frame is widened in one direction to fit the box.
    """
    lon0, lat0, lon1, lat1 = frame
    aspect = 1 / math.cos(math.radians((lat0 + lat1) / 2))
    width, height = lon1 - lon0, (lat1 - lat0) * aspect  # in longitude-degree units
    if height / width < box_h_in / box_w_in:
        height = width * box_h_in / box_w_in
    else:
        width = height * box_w_in / box_h_in
    cx, cy = (lon0 + lon1) / 2, (lat0 + lat1) / 2
    dy = height / aspect / 2
    return (cx - width / 2, cx + width / 2), (cy - dy, cy + dy), aspect


def view_frame(
    lat: float, lon: float, zoom: int, px: tuple[int, int] = VIEW_PX
) -> tuple[float, float, float, float]:
    """The lon/lat box a Leaflet map of ``px`` pixels shows at this centre and zoom.

    Web Mercator: 256·2^z pixels span the world's 360° and 2π radians of y.

    >>> [round(v, 2) for v in view_frame(51.35, 35.45, 8)]
    [33.25, 50.45, 37.65, 52.23]
    """
    scale = 256 * 2**zoom
    half_lon = px[0] / 2 * 360 / scale
    y = math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))
    half_y = px[1] / 2 * 2 * math.pi / scale

    def lat_of(v: float) -> float:
        return math.degrees(2 * math.atan(math.exp(v)) - math.pi / 2)

    return (lon - half_lon, lat_of(y - half_y), lon + half_lon, lat_of(y + half_y))


def png_legend_rows(
    zones: gpd.GeoDataFrame, sides: Sequence[str], lang: str
) -> list[tuple[str, str, str, bool]]:
    """(side, label, figure line, current) per visible side, a 0 km² figure included.

    A side whose figure draws no shape (Russia's "fully liberated" 0 km²) still gets its
    row: the image must say what each side claimed, not only what could be drawn.
    """
    rows = []
    for side in SIDE_STYLE:
        mine = zones[(zones["side"] == side) & zones["side"].isin(list(sides))]
        if mine.empty:
            continue
        zone = mine.iloc[0]
        label = f"{side_label(zone, lang)} ({t('schematic', lang)})"
        rows.append((side, label, legend_figure_line(zone, lang), is_current(zone)))
    return rows


def map_png(
    regions: gpd.GeoDataFrame,
    border: gpd.GeoDataFrame,
    towns: gpd.GeoDataFrame,
    zones: gpd.GeoDataFrame,
    sides: tuple[str, ...],
    lang: str,
    as_of: object,
    size: tuple[int, int] = (1600, 1000),
    dpi: int = 200,
    frame: tuple[float, float, float, float] = PNG_FRAME,
    reader_layer: tuple[str, gpd.GeoDataFrame] | None = None,
) -> bytes:
    """A static map for print and social media, exactly ``size`` pixels.

    Drawn on a bare Agg ``Figure`` (no pyplot), so concurrent Streamlit sessions do not
    share state. Map on the left, title, legend, method note and credits on the right,
    because a shared image must explain itself without the page. ``frame`` (lon/lat box,
    e.g. from ``view_frame``) is widened to the image's aspect, never cropped.
    ``reader_layer`` (name, layer) adds the reader's upload, styled and labelled as theirs.
    """
    width_px, height_px = size
    # A hair over the exact size: Agg truncates the canvas to whole pixels.
    fig = Figure(figsize=((width_px + 1e-3) / dpi, (height_px + 1e-3) / dpi), dpi=dpi)
    FigureCanvasAgg(fig)
    fig.patch.set_facecolor("white")
    s = width_px / dpi / PNG_REF_WIDTH_IN  # font scale: same look at any pixel size
    fig_w_in, fig_h_in = width_px / dpi, height_px / dpi

    shown = _visible(zones.to_crs("EPSG:4326") if zones.crs else zones, sides)
    ax = fig.add_axes((0.012, 0.02, 0.60, 0.96))
    ax.set_facecolor(WATER_COLOR)
    xlim, ylim, aspect = _fill_box(frame, box_w_in=0.60 * fig_w_in, box_h_in=0.96 * fig_h_in)
    ax.set_xlim(*xlim)
    ax.set_ylim(*ylim)
    ax.set_aspect(aspect, adjustable="box")
    ax.set_xticks([])
    ax.set_yticks([])
    for spine in ax.spines.values():
        spine.set_edgecolor("#999")
        spine.set_linewidth(0.6)
    _draw_map(ax, regions, border, towns, shown, lang, s)
    if reader_layer is not None:
        for geom in reader_layer[1].to_crs("EPSG:4326").geometry:
            path = _polygon_path(geom)
            if path is not None:
                ax.add_patch(PathPatch(path, zorder=5, **READER_STYLE))
    _scale_bar(ax, s)

    # Right-hand panel: title, date, legend, note, credits.
    px = 0.635
    panel_in = (0.985 - px) * fig_w_in
    title_fs, sub_fs, legend_fs, note_fs, credit_fs = (10.5 * s, 9 * s, 7 * s, 6.6 * s, 5.6 * s)
    title = _wrap(t("title", lang), panel_in, title_fs)
    fig.text(px, 0.975, title, fontsize=title_fs, fontweight="bold", va="top", color="#111")
    line_h = lambda fs: fs * 1.25 / 72 / fig_h_in  # noqa: E731  (figure fraction per line)
    y = 0.975 - (title.count("\n") + 1) * line_h(title_fs) - 0.012
    as_of_text = t("legend_as_of", lang, date=fmt_date(as_of, lang))
    fig.text(px, y, as_of_text, fontsize=sub_fs, va="top", color="#222")
    y -= line_h(sub_fs) + 0.01

    handles: list[Any] = []
    for side, label, figure, current in png_legend_rows(zones, sides, lang):
        label = _wrap(label, panel_in - 0.45, legend_fs)
        figure = _wrap(figure, panel_in - 0.45, legend_fs)
        handles.append(Patch(label=f"{label}\n{figure}", **_zone_style(side, current)))
    if reader_layer is not None:
        name = reader_layer[0].replace("$", r"\$")  # a file name is text, never mathtext
        label = _wrap(f"{t('your_layer', lang)}: {name}", panel_in - 0.45, legend_fs)
        note = _wrap(t("legend_own", lang), panel_in - 0.45, legend_fs)
        handles.append(Patch(label=f"{label}\n{note}", **READER_STYLE))
    handles.append(
        Patch(label=t("legend_focus", lang), facecolor="#f7f4ec", edgecolor="#555", linewidth=0.8)
    )
    handles.append(
        Line2D([], [], color=BORDER_COLOR, linewidth=1.5, label=t("legend_border", lang))
    )
    fig.legend(
        handles=handles, loc="upper left", bbox_to_anchor=(px - 0.006, y), frameon=False,
        fontsize=legend_fs, handlelength=2.6, handleheight=1.1, labelspacing=0.9,
        borderaxespad=0.0, borderpad=0.2, alignment="left",
    )  # fmt: skip

    credit_text = _wrap(t("credits", lang), panel_in, credit_fs)
    fig.text(px, 0.025, credit_text, fontsize=credit_fs, va="bottom", color="#666")
    notes = [t("legend_note", lang), t("legend_derived", lang)]
    if not all(is_current(z) for _, z in zones[zones["side"].isin(list(sides))].iterrows()):
        notes.insert(1, t("legend_stale", lang, max=MAX_AGE_DAYS))
    note = "\n".join(_wrap(n, panel_in, note_fs) for n in notes)
    note_y = 0.025 + (credit_text.count("\n") + 1) * line_h(credit_fs) + 0.03
    fig.text(px, note_y, note, fontsize=note_fs, va="bottom", color="#333", style="italic")

    buf = io.BytesIO()
    fig.savefig(
        buf, format="png", dpi=dpi, facecolor="white",
        metadata={"Title": f"{t('title', lang)} — {as_of_text}", "Source": t("credits", lang)},
    )  # fmt: skip
    return buf.getvalue()


# --- HTML --------------------------------------------------------------------------


def _inline_css_images(css: str, folder: Path) -> str:
    """Leaflet's CSS points at images/*.png: embed them so nothing is fetched from disk."""

    def embed(match: re.Match) -> str:
        path = folder / match.group(1)
        if not path.is_file():
            return match.group(0)
        data = base64.b64encode(path.read_bytes()).decode("ascii")
        return f"url(data:image/png;base64,{data})"

    return re.sub(r"url\((images/[\w.-]+\.png)\)", embed, css)


def _script_safe(text: str) -> str:
    """Keep inlined code from closing its own <script>/<style> element early."""
    text = re.sub(r"</(script|style)", r"<\\/\1", text, flags=re.IGNORECASE)
    return re.sub(r"^\s*//# sourceMappingURL=.*$", "", text, flags=re.MULTILINE)


def map_html(fmap: folium.Map, title: str = "") -> str:
    """A self-contained HTML snapshot of the map: Leaflet inlined, opens offline from disk.

    The live page loads Leaflet from the app's own server (``web.assets.PREFIX``), which a
    downloaded file cannot reach; only the optional background tiles still need a network.
    """
    page = fmap.get_root().render()
    folder = package_dir()
    js = _script_safe((folder / "leaflet.js").read_text(encoding="utf-8"))
    css = _inline_css_images((folder / "leaflet.css").read_text(encoding="utf-8"), folder)
    css = _script_safe(css)
    script_re = re.compile(
        r"<script\b[^>]*\bsrc=[\"']" + re.escape(LEAFLET_JS) + r"[\"'][^>]*>\s*</script>", re.I
    )
    link_re = re.compile(
        r"<link\b[^>]*\bhref=[\"']" + re.escape(LEAFLET_CSS) + r"[\"'][^>]*>", re.I
    )
    # Replacement functions, not strings: the code holds backslashes re.sub would expand.
    page = script_re.sub(lambda _: f"<script>\n{js}\n</script>", page)
    page = link_re.sub(lambda _: f"<style>\n{css}\n</style>", page)
    if title:  # a saved file's tab and bookmark say what it shows
        escaped = html.escape(title, quote=False)
        page = re.sub(r"<head>", lambda _: f"<head>\n<title>{escaped}</title>", page, count=1)
    return page


# --- The reader's own layer -------------------------------------------------------------

#: Said on every feature of the reader's upload: it is theirs, not part of the ledger.
READER_NOTE = "uploaded by the reader: not a claim, not checked against any source"


def with_reader_layer(collection_json: str, layer: gpd.GeoDataFrame, name: str) -> str:
    """The zones' FeatureCollection plus the reader's uploaded features, marked as theirs.

    The upload lives in the reader's session only, so this file is made in the page, not
    by the stateless export route.
    """
    collection = json.loads(collection_json)
    for row in layer.to_crs("EPSG:4326").itertuples() if layer.crs else layer.itertuples():
        collection["features"].append(
            {
                "type": "Feature",
                "properties": {
                    "side": "reader",
                    "readers_own": True,
                    "layer_name": name,
                    "drawn_area_km2": _json_value(row.area_km2),
                    "note": READER_NOTE,
                    "uploaded_properties": dict(row.properties),
                },
                "geometry": _rfc7946_geometry(row.geometry),
            }
        )
    return json.dumps(collection, ensure_ascii=False, allow_nan=False, indent=1)
