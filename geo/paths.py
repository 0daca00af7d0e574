"""Where the project's embedded files live (never ../shared)."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = ROOT / "data"
SEEDS_DIR = ROOT / "seeds"
