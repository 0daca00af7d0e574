"""Copy Leaflet's JS/CSS from a registry package into static/ for local serving.

Leaflet comes from the PyPI package ``django-js-lib-leaflet`` (Leaflet 1.9.4, BSD):
nothing third-party is committed, and the page needs no CDN.
"""

from __future__ import annotations

import shutil
from importlib import resources
from pathlib import Path

STATIC_DIR = Path(__file__).resolve().parent.parent / "static" / "leaflet"
FILES = ("leaflet.js", "leaflet.css")


def package_dir() -> Path:
    """Folder of the Leaflet files inside the installed package."""
    return Path(str(resources.files("js_lib_leaflet"))) / "static" / "js_lib_leaflet"


def ensure_leaflet(target: Path = STATIC_DIR) -> Path:
    """Copy the files if they are missing or differ in size; cheap when already there."""
    source = package_dir()
    target.mkdir(parents=True, exist_ok=True)
    for name in FILES:
        src, dst = source / name, target / name
        if not dst.exists() or dst.stat().st_size != src.stat().st_size:
            shutil.copyfile(src, dst)
    images = target / "images"
    if not images.exists():
        shutil.copytree(source / "images", images)
    return target


if __name__ == "__main__":
    print(f"Leaflet served from {ensure_leaflet()}")
