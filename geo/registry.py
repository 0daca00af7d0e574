"""The machine-readable registry of data/ (data/sources.json), geodatasets-style."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from geo.errors import DataError
from geo.paths import DATA_DIR

REQUIRED = ("title", "source", "licence", "attribution", "how_built", "sha256")


def load_registry(data_dir: Path = DATA_DIR) -> dict[str, dict]:
    """Read data/sources.json; every entry must say where the file came from."""
    path = data_dir / "sources.json"
    try:
        registry = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise DataError(f"data/sources.json: cannot be read ({exc})") from exc
    for name, entry in registry.items():
        missing = [k for k in REQUIRED if not entry.get(k)]
        if missing:
            raise DataError(f"data/sources.json: entry {name!r} lacks {missing!r}")
    return registry


def sha256_hex(data: bytes) -> str:
    """Hex sha256: the project's one digest (data registry, pinned Leaflet files, ETags)."""
    return hashlib.sha256(data).hexdigest()


def file_sha256(path: Path) -> str:
    """Hex sha256 of a file."""
    return sha256_hex(path.read_bytes())


def check_data_dir(data_dir: Path = DATA_DIR) -> list[str]:
    """Problems found comparing data/ with its registry (empty list = all good)."""
    registry = load_registry(data_dir)
    problems = []
    for name, entry in registry.items():
        path = data_dir / name
        if not path.is_file():
            problems.append(f"data/{name}: listed in sources.json but missing")
        elif file_sha256(path) != entry["sha256"]:
            problems.append(f"data/{name}: sha256 differs from sources.json (changed by hand?)")
    skip = {"sources.json", "README.md"}
    for path in sorted(data_dir.iterdir()):
        if path.is_file() and path.name not in skip and path.name not in registry:
            problems.append(f"data/{path.name}: not listed in sources.json")
    return problems


def update_hash(name: str, data_dir: Path = DATA_DIR) -> None:
    """Record a file's new sha256 after a deliberate edit (e.g. claims.yaml)."""
    path = data_dir / "sources.json"
    registry = json.loads(path.read_text(encoding="utf-8"))
    registry[name]["sha256"] = file_sha256(data_dir / name)
    path.write_text(json.dumps(registry, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    import sys

    for arg in sys.argv[1:]:
        update_hash(arg)
    for problem in check_data_dir():
        print(problem)
