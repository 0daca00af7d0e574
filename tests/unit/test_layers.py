"""The layering a newcomer relies on (ARCHITECTURE.md, "Layers"), checked for every module.

From the bottom: ``geo`` (pure data) and beside it ``sandbox`` (bounded child processes,
standing on ``geo``); ``components.present`` (no Streamlit); ``components.render``
(Streamlit); ``web``; ``app.py`` and ``serve.py``. Each imports only what is below it.
``bench`` and ``deploy`` stand on that public code, never on ``tests``. Imports are
read anywhere in a file (a function-level import is as much an arrow as a top one).
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.unit.modules import ROOT, module_name, project_modules

STREAMLIT = ("streamlit", "streamlit_folium")
#: Tools around the app: the app's own code never imports them.
TOOLS = ("bench", "deploy", "tests")
#: Process machinery (children, rlimits, signals, C calls): ``sandbox``'s, not
#: the pure data layer's.
PROCESS = ("ctypes", "multiprocessing", "resource", "signal", "subprocess")
#: What each part of the project may not import. A name forbids itself and what is under
#: it ("web" forbids ``web.routes``, not ``webob``); a module obeys the longest part that
#: names it (``components.render`` rather than ``components``).
FORBIDDEN = {
    "geo": ("sandbox", "components", "web", "app", "serve", *STREAMLIT, *TOOLS, *PROCESS),
    "sandbox": ("components", "web", "app", "serve", *STREAMLIT, *TOOLS),
    "components": ("components.render", "web", "app", "serve", *STREAMLIT, *TOOLS),
    "components.present": ("components.render", "web", "app", "serve", *STREAMLIT, *TOOLS),
    "components.render": ("web", "app", "serve", *TOOLS),
    "web": ("app", "serve", *TOOLS),
    "app": ("serve", *TOOLS),
    "serve": TOOLS,
    "deploy": ("bench", "tests"),
    "bench": ("tests",),
}
MODULES = project_modules()


def imported(path: Path, root: Path = ROOT) -> set[str]:
    """Module names a file imports, anywhere in it (relative imports made absolute; for
    ``from a import b`` both ``a`` and ``a.b``, since ``b`` may be a module)."""
    package = module_name(path, root).split(".")
    if path.name != "__init__.py":
        package = package[:-1]
    out = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            out |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            module = ".".join([*base, *([node.module] if node.module else [])])
            out.add(module)
            out |= {f"{module}.{a.name}" for a in node.names if a.name != "*"}
    return out


def part_of(name: str) -> str | None:
    """The part of the project (a key of FORBIDDEN) a module belongs to, or None."""
    owners = [p for p in FORBIDDEN if name == p or name.startswith(p + ".")]
    return max(owners, key=len, default=None)


def under(name: str, prefix: str) -> bool:
    return name == prefix or name.startswith(prefix + ".")


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_module_imports_a_layer_above_it(path):
    part = part_of(module_name(path))
    assert part is not None, f"{path.relative_to(ROOT)} is in no layer: add it to FORBIDDEN"
    bad = {m for m in imported(path) if any(under(m, f) for f in FORBIDDEN[part])}
    bad = sorted(m for m in bad if m.rpartition(".")[0] not in bad)  # a, not also a.b
    assert not bad, (
        f"{path.relative_to(ROOT)} ({part}) imports {bad}, which ARCHITECTURE.md keeps out "
        "of this layer: move the shared part down (or the process machinery to sandbox/)"
    )


def test_the_walk_reaches_every_package_and_script():
    """Nested packages and the top-level scripts are all checked, not only the top ones."""
    names = {module_name(p) for p in MODULES}
    assert {
        "app",
        "serve",
        "geo.upload.model",
        "sandbox.process",
        "components.present.exports.png_map",
        "components.render.pool",
        "web.routes",
        "bench.common",
        "deploy.local",
    } <= names
    assert not any(under(n, "tests") for n in names)


def test_imports_inside_functions_and_relative_ones_count(tmp_path):
    """A lazy import is still an arrow; ``from . import x`` names the package it is in."""
    package = tmp_path / "components" / "present"
    package.mkdir(parents=True)
    module = package / "lazy.py"
    module.write_text(
        "def f():\n    from web.assets import PREFIX\n    import streamlit as st\n"
        "from . import i18n\nfrom ..render import cache\n"
    )
    assert {
        "web.assets",
        "streamlit",
        "components.present.i18n",
        "components.render.cache",
    } <= imported(module, root=tmp_path)


#: Known pairs importing each other, each with who removes it (none may be added).
KNOWN_CYCLES: set[tuple[str, str]] = set()


def test_no_two_modules_import_each_other():
    """An import cycle (``a`` imports ``b``, ``b`` imports ``a``, even lazily) means the two
    share something that belongs in a third module below both. A module importing its
    own package (``from geo.upload import formats``) is no cycle."""
    names = {module_name(p): p for p in MODULES}
    arrows = {
        n: {m for m in imported(p) if m in names and not under(n, m)} for n, p in names.items()
    }
    both = {(a, b) for a, out in arrows.items() for b in out if a < b and a in arrows[b]}
    assert both <= KNOWN_CYCLES, f"modules importing each other: {sorted(both - KNOWN_CYCLES)}"
    assert both >= KNOWN_CYCLES, f"gone, take them off KNOWN_CYCLES: {KNOWN_CYCLES - both}"


def _loaded_by(layer_modules: list[str]) -> set[str]:
    """Every module a fresh interpreter holds after importing these."""
    code = (
        "import importlib, json, sys\n"
        f"for n in {layer_modules!r}: importlib.import_module(n)\n"
        "print(json.dumps(sorted(sys.modules)))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    return set(json.loads(out.stdout))


@pytest.mark.parametrize(
    ("layers", "absent"),
    [
        (("components.present",), ("streamlit", "streamlit_folium", "web")),
        (("geo", "sandbox"), ("streamlit", "streamlit_folium", "components", "web")),
    ],
)
def test_lower_layers_load_nothing_above_them_at_run_time(layers, absent):
    """Importing every module of a layer pulls in no module of a layer above, even
    indirectly (through a third-party package or an ``__init__``)."""
    names = [module_name(p) for p in MODULES if any(under(module_name(p), x) for x in layers)]
    assert names
    above = sorted(m for m in _loaded_by(names) if any(under(m, a) for a in absent))
    assert not above, f"importing {layers} loads {above[:10]}"
