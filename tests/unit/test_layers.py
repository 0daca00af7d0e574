"""The layering a newcomer relies on: geo → components.present → components.render → app.

``geo`` and ``components.present`` must work without a Streamlit runtime (a notebook, the
export routes, a test); only ``components.render`` and ``app.py`` may import Streamlit.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PRESENT = sorted((ROOT / "components" / "present").rglob("*.py"))
GEO = sorted((ROOT / "geo").rglob("*.py"))


def imported(path: Path) -> set[str]:
    """Top-level module names a file imports (anywhere in it, not only at the top)."""
    out = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            out |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            out.add(node.module)
    return out


@pytest.mark.parametrize("path", PRESENT, ids=lambda p: str(p.relative_to(ROOT)))
def test_present_never_imports_streamlit_or_render(path):
    bad = {m for m in imported(path) if m.split(".")[0] in ("streamlit", "streamlit_folium")}
    bad |= {m for m in imported(path) if m.startswith("components.render")}
    assert not bad, f"{path.name} imports {sorted(bad)}: move the Streamlit part to render/"


def test_the_checks_see_every_presentation_module():
    """The exporters are a package below present/: the globs above must reach them."""
    names = {str(p.relative_to(ROOT / "components" / "present")) for p in PRESENT}
    assert {"i18n.py", "exports/png_map.py", "exports/geojson_file.py"} <= names


@pytest.mark.parametrize("path", GEO, ids=lambda p: str(p.relative_to(ROOT)))
def test_geo_imports_no_presentation(path):
    bad = {m for m in imported(path) if m.split(".")[0] in ("streamlit", "components", "web")}
    assert not bad, f"{path.name} imports {sorted(bad)}: geo returns data only"


def test_present_loads_without_streamlit_at_run_time():
    """Importing every present module pulls in no Streamlit, even indirectly."""
    names = [".".join(p.relative_to(ROOT).with_suffix("").parts) for p in PRESENT]
    code = (
        "import importlib, sys\n"
        f"for n in {names!r}: importlib.import_module(n)\n"
        "print(sorted(m for m in sys.modules"
        " if m.split('.')[0] in ('streamlit', 'streamlit_folium')))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert out.stdout.strip() == "[]"
