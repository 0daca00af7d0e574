"""A zipped shapefile: the zip is checked (bombs, encryption, compression, one .shp), the
.shp record headers are counted and the .shx must index exactly those records before
GDAL's Shapefile driver (alone) reads it, and the .prj is read by PROJ as WKT, never
handed to GDAL."""

from __future__ import annotations

import io
import struct
import zipfile
from pathlib import Path, PurePosixPath

from geo.upload.model import Limits, LockDown, UploadError
from geo.upload.raw import Raw, crs_from_wkt, read_with_gdal

SHAPEFILE_PARTS = {".shp", ".shx", ".dbf", ".prj", ".cpg"}
ZIP_METHODS = {zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED, zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA}


def _members(archive: zipfile.ZipFile, limits: Limits) -> list[zipfile.ZipInfo]:
    """Shapefile members of a zip, after checks against bombs, encryption, path tricks."""
    infos = archive.infolist()
    if len(infos) > limits.max_members:
        raise UploadError("zip_members", n=len(infos), limit=limits.max_members)
    for info in infos:
        if info.flag_bits & 0x1:
            raise UploadError("zip_encrypted")
        if info.compress_type not in ZIP_METHODS:
            raise UploadError("zip_compression", method=int(info.compress_type))
    total = sum(i.file_size for i in infos)
    packed = sum(i.compress_size for i in infos) or 1
    if total > limits.max_unzipped or total / packed > limits.max_ratio:
        raise UploadError("zip_bomb", limit_mb=limits.max_unzipped >> 20, ratio=limits.max_ratio)
    parts = []
    for info in infos:
        path = PurePosixPath(info.filename)
        if info.is_dir() or path.name.startswith(".") or "__MACOSX" in path.parts:
            continue
        if path.suffix.lower() in SHAPEFILE_PARTS:
            parts.append(info)
    shp = [i for i in parts if i.filename.lower().endswith(".shp")]
    if len(shp) != 1:
        raise UploadError("zip_shapefiles", n=len(shp))
    stem = PurePosixPath(shp[0].filename).with_suffix("").name
    return [i for i in parts if PurePosixPath(i.filename).with_suffix("").name == stem]


#: .shp shape types with parts and points after a 32-byte box (PolyLine, Polygon,
#: MultiPatch and their Z/M forms), and those with points only (MultiPoint).
_WITH_PARTS = {3, 5, 13, 15, 23, 25, 31}
_MULTIPOINT = {8, 18, 28}
_POINT = {1, 11, 21}


def count_shp(shp: bytes, limits: Limits) -> list[tuple[int, int]]:
    """(offset, length) of each record of a .shp, from its record headers (nothing
    decoded); refuses a file that is not a shapefile, or one over a limit, before GDAL
    reads it."""
    if len(shp) < 100 or struct.unpack_from(">i", shp, 0)[0] != 9994:
        raise UploadError("not_format", kind="Shapefile")
    if struct.unpack_from("<i", shp, 28)[0] != 1000:
        raise UploadError("not_format", kind="Shapefile")
    records: list[tuple[int, int]] = []
    parts = points = 0
    offset, end = 100, len(shp)
    while offset + 8 <= end:
        length = struct.unpack_from(">i", shp, offset + 4)[0] * 2
        if length < 4 or offset + 8 + length > end:
            raise UploadError("not_format", kind="Shapefile")
        kind = struct.unpack_from("<i", shp, offset + 8)[0]
        if kind in _WITH_PARTS and length >= 44:
            n_parts, n_points = struct.unpack_from("<ii", shp, offset + 44)
        elif kind in _MULTIPOINT and length >= 40:
            n_parts, n_points = 0, struct.unpack_from("<i", shp, offset + 44)[0]
        elif kind in _POINT or kind == 0:
            n_parts, n_points = 0, int(kind != 0)
        else:
            raise UploadError("not_format", kind="Shapefile")
        if n_parts < 0 or n_points < 0:
            raise UploadError("not_format", kind="Shapefile")
        records.append((offset, length))
        parts, points = parts + n_parts, points + n_points
        if len(records) > limits.max_features:
            raise UploadError("too_many_features", n=len(records), limit=limits.max_features)
        if points > limits.max_vertices:
            raise UploadError("too_many_vertices", n=points, limit=limits.max_vertices)
        if parts > limits.max_parts:
            raise UploadError("too_many_parts", n=parts, limit=limits.max_parts)
        offset += 8 + length
    return records


def check_shx(shx: bytes | None, records: list[tuple[int, int]]) -> None:
    """The .shx must index exactly the records counted in the .shp, in order.

    GDAL reads features through the .shx: an index that names one record many times, or
    more records than the .shp holds, would make it read far more than was counted (one
    200,000-vertex record 5,000 times is a billion vertices from a 2 MB zip). A missing
    .shx is left to GDAL, which refuses the file.
    """
    if shx is None:
        return
    if len(shx) != 100 + 8 * len(records) or struct.unpack_from(">i", shx, 0)[0] != 9994:
        raise UploadError("shp_index")
    for i, (offset, length) in enumerate(records):
        words_at, words = struct.unpack_from(">ii", shx, 100 + 8 * i)
        if (words_at * 2, words * 2) != (offset, length):
            raise UploadError("shp_index")


def read_zipped_shapefile(data: bytes, limits: Limits, workdir: Path, lock: LockDown) -> Raw:
    files: dict[str, bytes] = {}
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            for info in _members(archive, limits):
                suffix = PurePosixPath(info.filename).suffix.lower()
                files[suffix] = archive.read(info)
    except UploadError:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, RuntimeError,
            OSError, EOFError, ValueError) as exc:  # fmt: skip
        raise UploadError("zip_broken") from exc
    check_shx(files.get(".shx"), count_shp(files[".shp"], limits))
    prj = files.pop(".prj", None)
    crs = crs_from_wkt(prj.decode("latin-1")) if prj is not None else None
    if crs is not None and crs.to_epsg() == 4326:
        crs = None
    for suffix, content in files.items():  # .prj is never given to GDAL: PROJ reads it here
        (workdir / f"layer{suffix}").write_bytes(content)
    lock("ESRI Shapefile")
    layers, trimmed = read_with_gdal(workdir / "layer.shp", limits, [("layer", crs, prj is None)])
    return Raw("Shapefile", layers, [], trimmed)
