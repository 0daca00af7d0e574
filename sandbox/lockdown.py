"""Close GDAL and PROJ to everything an upload could reach besides its own bytes.

Called in the reading process only (it changes the process for good):

- every GDAL driver is deregistered except the one the file's extension names, so no
  VRT, WFS, CSV, GDALG or other driver can be reached by format sniffing;
- every ``/vsi…/`` file system is removed (``/vsicurl/``, ``/vsis3/``, ``/vsizip/``…),
  so no path in a file can name a URL, a cloud bucket or an archive;
- GDAL's HTTP and cloud-credential options are set to fail fast and never sign;
- SQLite, as GDAL opens a GeoPackage, trusts no schema, loads no extension and keeps a
  small cache;
- PROJ's network (grid downloads) is off.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
from functools import cache
from pathlib import Path

import pyogrio
import pyproj

#: GDAL configuration for the reading process (set before any dataset is opened).
GDAL_CONFIG = {
    "GDAL_DISABLE_READDIR_ON_OPEN": "EMPTY_DIR",  # never list or open sibling files
    "GDAL_HTTP_TIMEOUT": "1",
    "GDAL_HTTP_CONNECTTIMEOUT": "1",
    "GDAL_HTTP_MAX_RETRY": "0",
    "GDAL_HTTP_NETRC": "NO",
    "CPL_VSIL_CURL_ALLOWED_EXTENSIONS": ".no-network-for-uploads",
    "AWS_NO_SIGN_REQUEST": "YES",  # no credential lookup (instance metadata, files)
    "GS_NO_SIGN_REQUEST": "YES",
    "AZURE_NO_SIGN_REQUEST": "YES",
    "CPL_AWS_CREDENTIALS_FILE": "",
    "AWS_CONFIG_FILE": "",
    "OGR_SQLITE_ALLOW_EXTERNAL_ACCESS": "NO",
    "OGR_SQLITE_LOAD_EXTENSIONS": "",
    "OGR_SQLITE_STATIC_VIRTUAL_OGR": "NO",
    "OGR_SQLITE_LIST_VIRTUAL_OGR": "NO",
    "OGR_SQLITE_CACHE": "16",
    "OGR_SQLITE_PRAGMA": "trusted_schema=OFF,cell_size_check=ON,mmap_size=0",
    "OGR_GPKG_NUM_THREADS": "1",
    "GDAL_NUM_THREADS": "1",
    "GDAL_CACHEMAX": "32",
    "GDAL_VRT_ENABLE_PYTHON": "NO",
    "CPL_DEBUG": "OFF",
}
#: File systems a reader may keep: none is needed (files are read from the local disk).
KEEP_FILESYSTEMS = ("/vsimem/",)


@cache
def _libgdal() -> ctypes.CDLL:
    """The GDAL library pyogrio uses (its wheel bundles one; else the system's)."""
    libs = Path(pyogrio.__file__).parent.parent / "pyogrio.libs"
    candidates = sorted(libs.glob("libgdal*.so*")) if libs.is_dir() else []
    name = str(candidates[0]) if candidates else ctypes.util.find_library("gdal")
    if not name:
        raise RuntimeError("cannot locate the GDAL library used by pyogrio")
    lib = ctypes.CDLL(name)
    lib.GDALGetDriverCount.restype = ctypes.c_int
    lib.GDALGetDriver.restype = ctypes.c_void_p
    lib.GDALGetDriver.argtypes = [ctypes.c_int]
    lib.GDALGetDriverShortName.restype = ctypes.c_char_p
    lib.GDALGetDriverShortName.argtypes = [ctypes.c_void_p]
    lib.GDALDeregisterDriver.argtypes = [ctypes.c_void_p]
    lib.VSIGetFileSystemsPrefixes.restype = ctypes.POINTER(ctypes.c_char_p)
    lib.VSIRemovePluginHandler.argtypes = [ctypes.c_char_p]
    lib.VSIRemovePluginHandler.restype = ctypes.c_int
    lib.CSLDestroy.argtypes = [ctypes.POINTER(ctypes.c_char_p)]
    lib.OSRSetPROJEnableNetwork.argtypes = [ctypes.c_int]
    return lib


def drivers() -> list[str]:
    """Short names of the GDAL drivers registered in this process."""
    lib = _libgdal()
    return [
        lib.GDALGetDriverShortName(lib.GDALGetDriver(i)).decode()
        for i in range(lib.GDALGetDriverCount())
    ]


def filesystems() -> list[str]:
    """Prefixes of the GDAL virtual file systems still installed (``/vsi…/``)."""
    lib = _libgdal()
    array = lib.VSIGetFileSystemsPrefixes()
    names = []
    i = 0
    while array and array[i] is not None:
        names.append(array[i].decode())
        i += 1
    lib.CSLDestroy(array)
    return names


def lock_down(driver: str | None) -> None:
    """Leave GDAL with `driver` alone (None: no driver at all) and no network anywhere."""
    os.environ["PROJ_NETWORK"] = "OFF"
    pyproj.network.set_network_enabled(False)
    pyogrio.set_gdal_config_options(GDAL_CONFIG)
    lib = _libgdal()
    lib.OSRSetPROJEnableNetwork(0)
    for prefix in filesystems():
        if prefix.startswith("/vsi") and prefix not in KEEP_FILESYSTEMS:
            lib.VSIRemovePluginHandler(prefix.encode())
    for i in reversed(range(lib.GDALGetDriverCount())):
        handle = lib.GDALGetDriver(i)
        if lib.GDALGetDriverShortName(handle).decode() != driver:
            lib.GDALDeregisterDriver(handle)
    if drivers() != ([driver] if driver else []):
        raise RuntimeError(f"GDAL drivers left after lock-down: {drivers()!r}")
