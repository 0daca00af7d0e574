"""What an upload may cost, what it yields, and how it is refused: data only, no prose.

Reasons and notes are codes with parameters; ``components/render/upload.py`` turns them into a
sentence in the page's language (``components/present/i18n.py``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, NamedTuple

import geopandas as gpd

#: The formats read, by file suffix (each is opened with its one driver, see formats.py).
SUFFIXES = {
    ".geojson": "GeoJSON",
    ".json": "GeoJSON",
    ".kml": "KML",
    ".gpkg": "GPKG",
    ".zip": "zip",
}
#: What a reader calls just before GDAL opens the upload, with the one driver it needs
#: (None: none at all); in the reading process that is ``sandbox.lockdown.lock_down``,
#: which leaves GDAL and PROJ no other driver, file system or network.
LockDown = Callable[[str | None], None]


@dataclass(frozen=True)
class Limits:
    """What reading one upload may cost; every limit is named in the message that refuses.

    The defaults were chosen from measurements (``bench/upload.py``, ``bench/README.md``):
    a 10 MB GeoJSON of a real oblast (~250,000 vertices) needs ~0.6 s of CPU and ~120 MB
    in the reader, so it passes with a wide margin; the limits stop everything heavier.
    Tests pass smaller ones so that their worst cases end within seconds.
    """

    #: bytes of the uploaded file: 10 MB, decimal, as Streamlit's uploader counts
    #: ``server.maxUploadSize = 10`` in the browser (components/render/upload.py keeps the
    #: two equal)
    max_bytes: int = 10_000_000
    #: zip: total unpacked size, member count, compression ratio (zip bombs)
    max_unzipped: int = 60 * 1024 * 1024
    max_members: int = 50
    max_ratio: int = 100
    #: counted while reading, before any repair or projection
    max_features: int = 5_000
    max_vertices: int = 1_000_000
    max_parts: int = 20_000
    max_columns: int = 500
    #: GeoPackage feature tables (each one costs a GDAL layer to open)
    max_layers: int = 50
    #: invalid geometries are repaired only up to this many vertices in all
    max_repair_vertices: int = 50_000
    #: the reading process: memory it may add, CPU seconds, wall-clock seconds
    memory_mb: int = 512
    cpu_s: int = 20
    wall_s: float = 30.0
    #: uploads read at the same time by one server process (others wait, then get "busy")
    parallel: int = 2
    #: uploads waiting for a turn per server process (the next one is told "busy" at once)
    queue: int = 8
    #: files up to this size are first read in a quick lane of their own, with these
    #: limits, so that a small file is answered while big or slow ones hold the full
    #: turns (a file that needs more then waits for a full turn)
    quick_bytes: int = 1_000_000
    quick_memory_mb: int = 128
    quick_cpu_s: int = 2
    #: memory of the server's whole process tree: the server itself, the forkserver and
    #: every reading process; each reader gets what is left, at most ``memory_mb``
    tree_mb: int = 1536
    #: put the reading process in an empty network namespace where the kernel allows it
    #: (tests turn it off to prove that GDAL and PROJ alone fetch nothing)
    isolate_network: bool = True
    #: what is drawn: vertices in all (simplified beyond), properties per feature, characters
    display_vertices: int = 10_000
    shown_properties: int = 20
    shown_name_chars: int = 80
    shown_value_chars: int = 200
    #: characters of properties across all popups (the rest are not sent to the browser)
    property_budget: int = 50_000


class Note(NamedTuple):
    """Something the reader changed or noticed, e.g. ``Note("repaired", {"n": 2})``."""

    code: str
    params: dict[str, Any]


class UploadError(ValueError):
    """A reader's file could not be used: a reason code and the numbers that explain it.

    ``str()`` is for logs; readers see ``components.render.upload.upload_message``.
    """

    def __init__(self, code: str, **params: Any) -> None:
        super().__init__(code, params)
        self.code = code
        self.params = params
        self.stats: dict[str, Any] = {}  # what reading cost until refused (benches)

    def __reduce__(self):  # picklable across the process boundary, keyword params kept
        return (_rebuild_error, (self.code, self.params, self.stats))

    def __str__(self) -> str:
        args = ", ".join(f"{k}={v!r}" for k, v in self.params.items())
        return f"{self.code}({args})"


def _rebuild_error(code: str, params: dict[str, Any], stats: dict[str, Any]) -> UploadError:
    error = UploadError(code, **params)
    error.stats = stats
    return error


@dataclass(frozen=True)
class Overlay:
    """A validated user layer in EPSG:4326.

    ``layer`` holds what is drawn: one row per feature, ``geometry`` simplified to what a
    screen shows, ``area_km2`` measured on the full geometry before simplification, and
    ``properties`` (dict of str → str, trimmed). ``bounds`` is (south, west, north, east)
    of the full layer, for "zoom to your layer".
    """

    name: str
    layer: gpd.GeoDataFrame
    total_km2: float
    bounds: tuple[float, float, float, float]
    notes: tuple[Note, ...] = ()

    @property
    def repaired(self) -> int:
        """How many geometries were invalid and made valid."""
        return sum(n.params.get("n", 0) for n in self.notes if n.code == "repaired")

    def note(self, code: str) -> Note | None:
        return next((n for n in self.notes if n.code == code), None)
