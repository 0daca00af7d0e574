"""Leaflet's files, served straight from the installed PyPI package (nothing copied).

The package ``django-js-lib-leaflet`` (Leaflet 1.9.4, BSD) only carries the files; each
one is checked against a pinned sha256 at start-up and in a test, so a changed or
half-installed package is reported as what it is, not as broken data. It lives at the
lowest layer that writes Leaflet's URLs (the map builders here); ``components/render``
serves the folder and ``serve.py`` checks the digests, both from here.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from geo.registry import sha256_hex

#: URL prefix the map loads Leaflet from: the component path Streamlit itself serves for
#: ``components/render/leaflet_assets.py`` (the files are digest-checked at start-up, serve.py).
PREFIX = "/component/components.render.leaflet_assets.leaflet"
LEAFLET_JS = f"{PREFIX}/leaflet.js"
LEAFLET_CSS = f"{PREFIX}/leaflet.css"
#: Every file the page may request, with the digest of Leaflet 1.9.4 as packaged.
DIGESTS = {
    "leaflet.js": "db49d009c841f5ca34a888c96511ae936fd9f5533e90d8b2c4d57596f4e5641a",
    "leaflet.css": "a7837102824184820dfa198d1ebcd109ff6d0ff9a2672a074b9a1b4d147d04c6",
    "images/layers-2x.png": "066daca850d8ffbef007af00b06eac0015728dee279c51f3cb6c716df7c42edf",
    "images/layers.png": "1dbbe9d028e292f36fcba8f8b3a28d5e8932754fc2215b9ac69e4cdecf5107c6",
    "images/marker-icon-2x.png": "00179c4c1ee830d3a108412ae0d294f55776cfeb085c60129a39aa6fc4ae2528",
    "images/marker-icon.png": "574c3a5cca85f4114085b6841596d62f00d7c892c7b03f28cbfa301deb1dc437",
    "images/marker-shadow.png": "264f5c640339f042dd729062cfc04c17f8ea0f29882b538e3848ed8f10edb4da",
}


class AssetError(RuntimeError):
    """Leaflet's files are missing or not the pinned ones (an install problem, not data)."""


def package_dir() -> Path:
    """Folder of the Leaflet files inside the installed package."""
    try:
        root = resources.files("js_lib_leaflet")
    except ModuleNotFoundError as exc:
        raise AssetError(
            "Leaflet is not installed: the package django-js-lib-leaflet is missing "
            "(pip install -r requirements.txt)"
        ) from exc
    return Path(str(root)) / "static" / "js_lib_leaflet"


def verify(folder: Path | None = None) -> dict[str, bytes]:
    """Read every pinned file and check its digest; returns name → bytes.

    Raises AssetError naming the first file that is missing or differs.
    """
    folder = folder or package_dir()
    files = {}
    for name, digest in DIGESTS.items():
        path = folder / name
        try:
            body = path.read_bytes()
        except OSError as exc:
            raise AssetError(f"Leaflet file {name} is missing from {folder}") from exc
        if sha256_hex(body) != digest:
            raise AssetError(
                f"Leaflet file {name} in {folder} is not the pinned Leaflet 1.9.4 "
                "(sha256 differs): reinstall django-js-lib-leaflet==1.9.4.1"
            )
        files[name] = body
    return files
