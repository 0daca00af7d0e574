"""What every format reader yields: raw layers with trimmed properties and a stated CRS,
and the pieces the GDAL-read formats share (the one-driver read, CRS from WKT only).

Runs in the bounded reading process. Features, vertices, parts and property columns are
counted while reading, before any repair or projection.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pyogrio
from pyproj import CRS
from pyproj.exceptions import CRSError

from geo.upload.model import Limits, Note, UploadError

#: A coordinate system is accepted only as WKT (GeoPackage, .prj) or an EPSG code
#: (GeoJSON): never a PROJ string (``+init=`` reads files), a URL or a file name.
WKT_START = re.compile(
    r"^\s*(PROJCS|GEOGCS|GEOCCS|COMPD_CS|PROJCRS|GEOGCRS|GEODCRS|BOUNDCRS|COMPOUNDCRS)\s*\[",
    re.IGNORECASE,
)


@dataclass
class RawLayer:
    """One layer as read: geometries (shapely, None for none), properties, CRS."""

    geoms: np.ndarray
    props: list[dict[str, str]]
    crs: CRS | None = None  # None: longitude/latitude on WGS84
    crs_assumed: bool = False  # the file stated no CRS, WGS84 was assumed


@dataclass
class Raw:
    kind: str
    layers: list[RawLayer]
    notes: list[Note] = field(default_factory=list)
    trimmed: bool = False  # properties beyond what is shown were left out


class Props:
    """Trims properties to what is shown and counts the distinct names (columns)."""

    def __init__(self, limits: Limits) -> None:
        self.limits = limits
        self.names: set[str] = set()
        self.trimmed = False

    def take(self, props: dict[str, Any]) -> dict[str, str]:
        lim = self.limits
        self.names.update(props)
        if len(self.names) > lim.max_columns:
            raise UploadError("too_many_columns", n=len(self.names), limit=lim.max_columns)
        out = {}
        for key, value in props.items():
            if _missing(value):
                continue
            if len(out) == lim.shown_properties:
                self.trimmed = True
                break
            text = json.dumps(value) if isinstance(value, dict | list) else str(value)
            if len(text) > lim.shown_value_chars or len(str(key)) > lim.shown_name_chars:
                self.trimmed = True
            out[str(key)[: lim.shown_name_chars]] = text[: lim.shown_value_chars]
        return out


def _missing(value: Any) -> bool:
    """None, NaN or NaT (a value unequal to itself); arrays and the rest are values."""
    if value is None:
        return True
    try:
        return bool(value != value)
    except (TypeError, ValueError):
        return False


def crs_from_wkt(text: str) -> CRS:
    """A CRS from WKT only (a .prj or a GeoPackage definition); anything else refused."""
    if not WKT_START.match(text) or "+init" in text.lower():
        raise UploadError("crs_unknown")
    try:
        return CRS.from_wkt(text)
    except CRSError as exc:
        raise UploadError("crs_unknown") from exc


def read_with_gdal(
    path: Path, limits: Limits, layers: list[tuple[str, CRS | None, bool]], **options: str
) -> tuple[list[RawLayer], bool]:
    """Read layers with the one registered driver; the CRS comes from the caller."""
    total, out, props = 0, [], Props(limits)
    for layer, crs, assumed in layers:
        try:
            info = pyogrio.read_info(path, layer=layer, force_feature_count=True, **options)
            fields = list(info["fields"])
            total += max(int(info["features"]), 0)
            if total > limits.max_features:
                raise UploadError("too_many_features", n=total, limit=limits.max_features)
            if len(fields) > limits.max_columns:
                raise UploadError("too_many_columns", n=len(fields), limit=limits.max_columns)
            frame = pyogrio.read_dataframe(
                path, layer=layer, columns=fields[: limits.shown_properties], **options
            )
        except (UploadError, MemoryError):
            raise
        except Exception as exc:  # pyogrio/GDAL raise many types for malformed files
            raise UploadError("not_format", kind=_KIND_OF.get(path.suffix, "file")) from exc
        if len(fields) > limits.shown_properties:
            props.trimmed = True
        columns = [c for c in frame.columns if c != "geometry"]
        records = frame[columns].to_dict("records") if columns else [{}] * len(frame)
        rows = [props.take(r) for r in records]
        out.append(RawLayer(np.asarray(frame.geometry.values, dtype=object), rows, crs, assumed))
    return out, props.trimmed


_KIND_OF = {".kml": "KML", ".gpkg": "GPKG", ".shp": "Shapefile"}
