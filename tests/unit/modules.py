"""The project's own modules, found by walking the tree (shared by the layer and import checks)."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
#: Folders that hold no module of the project's own.
NOT_OURS = {"tests", ".venv", ".git", "node_modules", "test-artifacts"}


def module_name(path: Path, root: Path = ROOT) -> str:
    """``components/present/i18n.py`` → ``components.present.i18n`` (a package: its name)."""
    parts = path.relative_to(root).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def project_modules(root: Path = ROOT) -> list[Path]:
    """Every Python file of the project outside the tests and the virtualenv."""
    return sorted(
        p
        for p in root.rglob("*.py")
        if not NOT_OURS & set(p.relative_to(root).parts) and not p.name.startswith(".")
    )
