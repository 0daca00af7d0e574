"""Where the project's embedded files live (inside this repository only).

``KURSK_CLAIMS_DATA_DIR`` and ``KURSK_CLAIMS_SEEDS_DIR`` point the app at another data
set with the same layout (a fact-checker's own claims file; the browser tests' hostile
data). Unset, the embedded data/ and seeds/ are used.
"""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = Path(os.environ.get("KURSK_CLAIMS_DATA_DIR") or ROOT / "data")
SEEDS_DIR = Path(os.environ.get("KURSK_CLAIMS_SEEDS_DIR") or ROOT / "seeds")
