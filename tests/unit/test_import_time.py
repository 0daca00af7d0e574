"""Nothing runs at import time: importing the project starts no thread or process, tunes
no allocator and sets nothing a later start-up step (``serve.py``) is there to set."""

from __future__ import annotations

import json
import subprocess
import sys

from tests.unit.modules import ROOT, module_name, project_modules

#: Scripts: running them is their point (Streamlit runs app.py; serve.py starts the server;
#: bench/hello_map.py is a page of its own).
SCRIPTS = {"app", "serve", "bench.hello_map"}

PROBE = """
import importlib, json, multiprocessing, sys, threading
for name in sys.argv[1:]:
    importlib.import_module(name)
from components.render import pool, upload
from sandbox import process
print(json.dumps({
    "threads": sorted(t.name for t in threading.enumerate()),
    "children": len(multiprocessing.active_children()),
    "preload": process.PRELOAD,
    "pool built": bool(pool._pool),
    "malloc tuned": upload.map_large_buffers.cache_info().currsize,
}))
"""


def test_importing_every_module_starts_and_sets_nothing():
    names = [module_name(p) for p in project_modules() if module_name(p) not in SCRIPTS]
    assert {"web.routes", "components.render.upload", "sandbox.reader"} <= set(names)
    out = subprocess.run(
        [sys.executable, "-c", PROBE, *names], capture_output=True, text=True, cwd=ROOT
    )
    assert out.returncode == 0, out.stderr[-2000:]
    seen = json.loads(out.stdout.strip().splitlines()[-1])
    assert seen == {
        "threads": ["MainThread"],
        "children": 0,
        "preload": ["sandbox.reader"],
        "pool built": False,
        "malloc tuned": 0,
    }


def test_the_server_start_up_sets_what_imports_no_longer_do():
    """``serve.py``'s one call does what importing the routes used to do on the side."""
    code = PROBE.replace(
        "from components.render import pool, upload",
        "from web.routes import prepare_process; prepare_process()\n"
        "from components.render import pool, upload",
    )
    out = subprocess.run(
        [sys.executable, "-c", code, "web.routes"], capture_output=True, text=True, cwd=ROOT
    )
    assert out.returncode == 0, out.stderr[-2000:]
    seen = json.loads(out.stdout.strip().splitlines()[-1])
    assert seen["preload"] == ["sandbox.reader", "web.exports"]
    assert seen["pool built"] is True
    assert seen["malloc tuned"] == 1
    assert seen["children"] == 0  # the forkserver starts with the first child, not here
