"""The project is installed (``pip install -e .`` by ``make``): ``import geo`` works anywhere."""

from __future__ import annotations

import os
import subprocess
import sys


def test_geo_imports_from_any_folder_like_a_notebook(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    code = (
        "import geo; r = geo.load_regions(); "
        "print(len(geo.load_claims()) > 0, *sorted(r.loc[r['focus'], 'iso_3166_2']))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=tmp_path, env=env, capture_output=True, text=True
    )
    assert out.returncode == 0, f"`import geo` failed outside the checkout:\n{out.stderr[-800:]}"
    assert out.stdout.split() == ["True", "RU-BEL", "RU-KRS", "UA-59"]
