"""HTML is written in templates, CSS and JS in files: never built in Python strings.

Jinja2 templates with autoescape (``components/present/templates``, ``web/templates``)
escape every value they are given, so no Python module needs ``html.escape`` and no
string literal in Python holds markup, a stylesheet or a script. A module that starts
building HTML by hand again fails here, named with the line.

What is not counted, because it builds nothing: docstrings (they show markup as
examples) and the patterns given to ``re`` (they find markup in a page folium made).
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
MODULES = sorted(p for folder in ("components", "web") for p in (ROOT / folder).rglob("*.py"))
#: The one module that may escape by hand: it gives the templates stdlib's escaping.
TEMPLATING = ROOT / "components" / "present" / "templating.py"

#: Elements the app writes. A ``<`` followed by one of these and then a space, ``/`` or
#: ``>`` is a tag; "< 5 km²" or "<unknown>" in data are not.
ELEMENTS = (
    "a|b|i|p|q|br|em|strong|small|div|span|ul|ol|li|table|tr|th|td|details|summary|"
    "section|main|h[1-6]|iframe|style|script|svg|line|path|textarea|button|title|html|"
    "head|body|meta|link|img|input|label"
)
TAG = re.compile(rf"</?(?:{ELEMENTS})(?:[\s/>]|$)", re.IGNORECASE)
#: A CSS rule (selector { property: value }) or a script function.
CSS_RULE = re.compile(r"\{[^{}\x00]*\b[a-z-]+\s*:[^{}]*\}")
SCRIPT = re.compile(r"\bfunction\s*\w*\s*\(")
HOLE = "\x00"  # where an f-string puts a value


def _docstrings(tree: ast.AST) -> set[int]:
    """ids of the Constant nodes that are docstrings."""
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                out.add(id(body[0].value))
    return out


def _re_patterns(tree: ast.AST) -> set[int]:
    """ids of the string nodes given to ``re.<function>`` as its pattern."""
    out = set()
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and isinstance(node.func.value, ast.Name)
            and node.func.value.id == "re"
            and node.args
        ):
            for part in ast.walk(node.args[0]):
                out.add(id(part))
    return out


def strings(tree: ast.AST) -> list[tuple[int, str]]:
    """(line, text) of every string literal that is not a docstring or a regex pattern;
    an f-string is one text, its values replaced by a placeholder."""
    skip = _docstrings(tree) | _re_patterns(tree)
    inside_fstring = {
        id(part)
        for node in ast.walk(tree)
        if isinstance(node, ast.JoinedStr)
        for part in node.values
    }
    out = []
    for node in ast.walk(tree):
        if id(node) in skip:
            continue
        if isinstance(node, ast.JoinedStr):
            text = "".join(v.value if isinstance(v, ast.Constant) else HOLE for v in node.values)
            out.append((node.lineno, text))
        elif (
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and id(node) not in inside_fstring
        ):
            out.append((node.lineno, node.value))
    return out


def hand_escapes(tree: ast.AST) -> list[int]:
    """Lines that use ``html.escape`` / ``markupsafe.escape`` (called or aliased, the
    module imported under any name)."""
    modules = {"html", "markupsafe"}
    names = {
        alias.asname or alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.Import)
        for alias in node.names
        if alias.name in modules
    }
    lines = []
    for node in ast.walk(tree):
        uses_attribute = (
            isinstance(node, ast.Attribute)
            and node.attr == "escape"
            and isinstance(node.value, ast.Name)
            and node.value.id in names
        )
        imports_name = (
            isinstance(node, ast.ImportFrom)
            and node.module in modules
            and any(a.name == "escape" for a in node.names)
        )
        if uses_attribute or imports_name:
            lines.append(node.lineno)
    return lines


def markup_in_strings(tree: ast.AST) -> list[str]:
    """'line: what' for each literal that holds a tag, a CSS rule or a script function."""
    found = []
    for line, text in strings(tree):
        for what, pattern in (("tag", TAG), ("css", CSS_RULE), ("script", SCRIPT)):
            match = pattern.search(text)
            if match:
                found.append(f"{line}: {what} {match.group(0)[:40]!r}")
                break
    return found


def _id(path: Path) -> str:
    return str(path.relative_to(ROOT))


@pytest.mark.parametrize("path", MODULES, ids=_id)
def test_no_module_builds_html_css_or_js_in_strings(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = markup_in_strings(tree)
    assert not found, f"{_id(path)} writes markup in Python: {found}; use a template/file"


@pytest.mark.parametrize("path", [p for p in MODULES if p != TEMPLATING], ids=_id)
def test_values_are_escaped_by_the_templates_not_by_hand(path):
    lines = hand_escapes(ast.parse(path.read_text(encoding="utf-8")))
    assert not lines, f"{_id(path)} escapes HTML by hand at lines {lines}: use a template"


@pytest.mark.parametrize(
    ("source", "caught"),
    [
        ("x = f'<div class=\"{c}\">{v}</div>'", True),
        ("x = '<br>'", True),
        ("x = 'a' + '<span>'", True),
        ("x = '.a{color:red}'", True),
        ("x = f'.z{{width:{n}px}}'", True),
        ("x = '(function () { return 1; })()'", True),
        ("x = re.sub(r'<head>', '', page)", False),  # a pattern finds markup, builds none
        ("def f():\n    '''Returns ``<iframe>``.'''", False),  # a docstring shows markup
        ("x = '< 5 km²'", False),
        ("x = t('note', lang, n='{n}')", False),
        ("x = 'Mapped <unknown> place'", False),
    ],
)
def test_the_rule_tells_markup_from_text(source, caught):
    assert bool(markup_in_strings(ast.parse(source))) is caught


def test_the_rule_sees_hand_escaping_in_every_spelling():
    for source in (
        "import html\nx = html.escape(v)",
        "import html\nesc = html.escape",
        "import html as h\nx = h.escape(v)",
        "from html import escape",
        "from markupsafe import escape",
    ):
        assert hand_escapes(ast.parse(source)), source
    assert not hand_escapes(ast.parse("import re\nx = re.escape(v)"))


def test_the_checks_see_every_module():
    names = {_id(p) for p in MODULES}
    assert {"components/present/cards.py", "web/share.py", "components/render/page.py"} <= names


def test_the_page_stylesheet_sizes_the_map_frame_it_names():
    """page.css selects the map's frame by the title streamlit-folium gives it."""
    from components.present.page import MAP_FRAME, page_css

    assert f"{MAP_FRAME}{{height:clamp(" in page_css()
