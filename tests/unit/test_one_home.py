"""Names with one home each: session-state keys in ``components/render/session.py``, route
paths in ``components/present/urls.py``.

A key spelled as a bare string in a second place is a key that can drift (a typo reads
``None`` and says nothing); a route spelled twice is a link that can point nowhere. Both
checks read the source (AST), so they see every file, imported or not.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SESSION = ROOT / "components" / "render" / "session.py"
URLS = ROOT / "components" / "present" / "urls.py"
CODE = sorted(
    [ROOT / "app.py", ROOT / "serve.py", *(ROOT / "components").rglob("*.py"),
     *(ROOT / "web").rglob("*.py")]
)  # fmt: skip
#: The app's own route paths (starlette routes) as they start.
ROUTES = ("/share", "/embed", "/oembed", "/export", "/ready")


def _is_text(node: ast.AST) -> bool:
    return isinstance(node, ast.JoinedStr) or (
        isinstance(node, ast.Constant) and isinstance(node.value, str)
    )


def session_state_uses(tree: ast.AST) -> list[str]:
    """Where a file reaches session state or names a widget key itself (line: what)."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and node.attr == "session_state":
            found.append(f"{node.lineno}: session_state")
        elif isinstance(node, ast.keyword) and node.arg == "key" and _is_text(node.value):
            found.append(f"{node.value.lineno}: key={ast.unparse(node.value)}")
    return found


def route_spellings(tree: ast.AST) -> list[str]:
    """String constants (f-string parts included) that spell one of the app's routes;
    docstrings, which name routes for the reader, aside."""
    prose = {
        id(node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)
    }
    found = []
    for node in ast.walk(tree):
        text = node.value if isinstance(node, ast.Constant) and id(node) not in prose else None
        if isinstance(text, str) and any(route in text for route in ROUTES):
            found.append(f"{node.lineno}: {text!r}")
    return found


def _code(path: Path) -> ast.AST:
    return ast.parse(path.read_text(encoding="utf-8"))


def _name(path: Path) -> str:
    return str(path.relative_to(ROOT))


@pytest.mark.parametrize("path", [p for p in CODE if p != SESSION], ids=_name)
def test_only_the_session_module_names_session_state_keys(path):
    """Else: add a constant and an accessor to components/render/session.py."""
    assert session_state_uses(_code(path)) == []


@pytest.mark.parametrize("path", [p for p in CODE if p != URLS], ids=_name)
def test_only_the_urls_module_spells_a_route(path):
    """Else: use (or add) a route constant in components/present/urls.py."""
    assert route_spellings(_code(path)) == []


def test_the_checks_see_what_they_guard():
    """Each check finds what it looks for in its own home, so a silent pass means clean."""
    assert session_state_uses(_code(SESSION))
    assert {"/share", "/embed", "/oembed", "/ready"} <= {
        route for route in ROUTES if any(route in s for s in route_spellings(_code(URLS)))
    }
    assert SESSION in CODE
    assert ROOT / "web" / "routes.py" in CODE


def _calls_to(tree: ast.AST, module: str, name: str) -> list[int]:
    return [
        node.lineno
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == name
        and isinstance(node.func.value, ast.Name)
        and node.func.value.id == module
    ]


@pytest.mark.parametrize("path", [p for p in CODE if p != ROOT / "app.py"], ids=_name)
def test_only_the_page_script_reads_the_language_from_the_session(path):
    """Every ``render_*`` is handed the page language by app.py: a function that looked it
    up itself could draw in another language than the rest of the run."""
    assert _calls_to(_code(path), "session", "lang") == []


def test_the_language_check_sees_the_page_script():
    assert _calls_to(_code(ROOT / "app.py"), "session", "lang")


def test_architecture_lists_every_session_key():
    """ARCHITECTURE.md's "Where state lives" names each key session.py defines."""
    from components.present.i18n import LANGS
    from components.render import session

    doc = (ROOT / "ARCHITECTURE.md").read_text(encoding="utf-8")
    table = doc.split("## Where state lives", 1)[1].split("\n## ", 1)[0]
    keys = {v for k, v in vars(session).items() if k.isupper() and isinstance(v, str)}
    keys |= {session.basemap_radio(lang) for lang in LANGS}
    assert len(keys) > 20
    assert sorted(key for key in keys if f"`{key}`" not in table) == []
