"""Read an upload in a bounded child process and turn what comes back into an Overlay.

The readers (``geo.upload``) turn bytes into plain data; here they run in a child of
``sandbox.process`` with GDAL and PROJ closed (``sandbox.lockdown``) just before a file
is opened, in the turns ``read_lanes`` gives.
"""

from __future__ import annotations

import dataclasses
import logging
import warnings
from collections.abc import Callable
from pathlib import Path, PurePosixPath

import geopandas as gpd
import shapely

from geo.crs import WGS84
from geo.upload import formats, geometry
from geo.upload.geometry import placement
from geo.upload.model import SUFFIXES, Limits, Overlay, UploadError
from sandbox.lockdown import lock_down
from sandbox.process import Bounds, LimitError, run_bounded, usage

_LOG = logging.getLogger(__name__)
#: Limits broken in the quick lane that say "this file needs a full turn", not "refused".
NEEDS_MORE = {"memory", "cpu", "wall", "crash"}
#: Forkserver pages a quick child may copy (gate.Budget counts each child so).
QUICK_COPIES_MB = 64


def parse(name: str, data: bytes, limits: Limits, *, isolated: bool) -> dict:
    """In the child: bytes → plain data (``geometry.prepare``), plus what reading cost."""
    warnings.simplefilter("ignore")  # GDAL/shapely warnings say nothing a reason does not
    try:
        raw = formats.read(name, data, limits, Path.cwd(), lock_down)
        out = geometry.prepare(raw, limits)
    except UploadError as exc:
        exc.stats = usage()
        raise
    except shapely.errors.GEOSException as exc:  # GEOS reports a refused allocation so
        if "bad_alloc" in str(exc):
            raise MemoryError from exc
        raise
    out["stats"] = {**usage(), "isolated": isolated}
    return out


def read_lanes(limits: Limits, size: int) -> list[Bounds]:
    """The turns a file of ``size`` bytes is read in, in order: the quick lane first for a
    small file (small limits: it is answered while big or slow files hold the full
    turns), then the full lane (which leaves one quick turn's memory free, and starts a
    turn with at least twice a quick turn's memory, or waits)."""
    full = Bounds(
        memory_mb=limits.memory_mb,
        cpu_s=limits.cpu_s,
        wall_s=limits.wall_s,
        file_mb=(limits.max_unzipped >> 20) + 16,
        parallel=limits.parallel,
        isolate_network=limits.isolate_network,
        queue=limits.queue,
        tree_mb=limits.tree_mb,
        reserve_mb=limits.quick_memory_mb + QUICK_COPIES_MB,
        min_mb=2 * limits.quick_memory_mb,  # less is hardly more than a quick turn: wait
    )
    if size > limits.quick_bytes:
        return [full]
    memory_mb = min(limits.quick_memory_mb, full.memory_mb)
    cpu_s = min(limits.quick_cpu_s, full.cpu_s)
    quick = dataclasses.replace(full, memory_mb=memory_mb, cpu_s=cpu_s, lane="quick",
                                reserve_mb=0, min_mb=None)  # fmt: skip
    return [quick, full]


def read_overlay(
    name: str,
    data: bytes,
    *,
    limits: Limits | None = None,
    map_area: tuple[float, float, float, float] | None = None,
    owner: str | None = None,
    on_wait: Callable[[int], None] | None = None,
) -> Overlay:
    """Validate and normalise an uploaded file, read in a bounded child process.

    Files come in two lanes, each with its own turns: a small file (``quick_bytes``) is
    first read with small limits (``quick_memory_mb``, ``quick_cpu_s``), so that it is
    answered while big or slow files hold the full turns; if it needs more, it waits
    for a full turn. Whatever it is told names the limits of the turn that refused it.

    Parameters
    ----------
    name, data
        The file's name (its extension picks the one reader) and its bytes.
    limits
        What reading may cost (``Limits()``: the app's defaults).
    map_area
        (south, west, north, east) of the map: a layer outside it gets an "outside" note.
    owner, on_wait
        Who uploads (a session: one file at a time each), and what to call with the
        number of files ahead while this one waits for its turn.

    Raises
    ------
    UploadError
        With a reason code and its numbers, whatever went wrong (never anything else).
    """
    limits = limits or Limits()
    suffix = PurePosixPath(name).suffix.lower()
    if not data:
        raise UploadError("empty")
    if len(data) > limits.max_bytes:
        raise UploadError("too_big", mb=len(data) / 1e6, limit_mb=limits.max_bytes // 1_000_000)
    if suffix not in SUFFIXES:
        raise UploadError("unsupported_type", suffix=suffix[:12])
    lanes = read_lanes(limits, len(data))
    full = lanes[-1]
    for bounds in lanes:
        try:
            out = run_bounded(parse, (name, data, limits), bounds, owner=owner, on_wait=on_wait)
            return _overlay(name, out, limits, map_area)
        except LimitError as breach:
            if bounds is not full and breach.kind in NEEDS_MORE:
                continue  # it needs more than a quick turn gives: read it in the full lane
            limit = {"memory": breach.memory_mb, "cpu": bounds.cpu_s, "wall": limits.wall_s}
            raise UploadError(breach.kind, limit=limit.get(breach.kind, 0)) from None
        except UploadError:
            raise
        except Exception as exc:
            _LOG.exception("upload %r could not be read", name[:80])
            raise UploadError("internal") from exc
    raise AssertionError("unreachable: the full lane returns or raises")


def _overlay(
    name: str, out: dict, limits: Limits, map_area: tuple[float, float, float, float] | None
) -> Overlay:
    notes = list(out["notes"])
    if map_area is not None and (note := placement(out["bounds"], map_area)):
        notes.append(note)
    layer = gpd.GeoDataFrame(
        {"area_km2": [round(a, 1) for a in out["area_km2"]], "properties": out["props"]},
        geometry=shapely.from_wkb(out["wkb"]),
        crs=WGS84,
    )
    return Overlay(
        name=Path(name).name[: limits.shown_name_chars],
        layer=layer,
        total_km2=float(sum(out["area_km2"])),
        bounds=tuple(out["bounds"]),
        notes=tuple(notes),
    )
