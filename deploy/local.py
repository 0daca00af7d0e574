"""The app on this machine, for a browser: ``streamlit run`` on a free loopback port, and
Debian's chromium with the flags it runs with here (the tests and the benches use both).

A sibling of ``cluster.py`` (several replicas behind HAProxy): one replica, no balancer,
stopped when the ``with`` block ends.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from deploy.cluster import ROOT, free_port, wait_ready

#: The app run here reads uploads with every default limit but the wall clock: the
#: reader runs at a low priority, and on a machine busy with another suite it may need
#: more than the default 30 s of wall time for a small file. A run that is about a limit
#: sets its own (``env``).
UNHURRIED = {"KURSK_CLAIMS_UPLOAD_LIMITS": "wall_s=300"}
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-quic",
]
#: The live map in the page: streamlit-folium's component iframe.
MAP = 'iframe[title="streamlit_folium.st_folium"]'


def chromium_path() -> str | None:
    """Debian's chromium (Playwright's own browser download is not used)."""
    return shutil.which("chromium") or shutil.which("chromium-browser")


def map_frame(page):
    """The map's frame (streamlit-folium's component iframe) of a Playwright page."""
    return next(f for f in page.frames if "streamlit_folium" in f.url)


@contextlib.contextmanager
def running(
    script: Path = ROOT / "serve.py",
    cwd: Path = ROOT,
    env: dict[str, str] | None = None,
    stderr: int | IO[str] = subprocess.DEVNULL,
) -> Iterator[tuple[str, subprocess.Popen]]:
    """Run a Streamlit script on a free loopback port; yields its base URL and process.

    File watching is off: the server runs one fixed version of the code even if the
    tree is edited meanwhile (reloads under load raced into ImportErrors).
    """
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    cmd = [
        sys.executable, "-m", "streamlit", "run", str(script),
        "--server.port", str(port), "--server.address", "127.0.0.1",
        "--server.headless", "true", "--browser.gatherUsageStats", "false",
        "--server.fileWatcherType", "none",
    ]  # fmt: skip
    run_env = {**os.environ, "PYTHONPATH": str(ROOT), **UNHURRIED, **(env or {})}
    proc = subprocess.Popen(cmd, cwd=cwd, env=run_env, stdout=subprocess.DEVNULL, stderr=stderr)
    try:
        wait_ready(f"{url}/_stcore/health", timeout=300, proc=proc)
        yield url, proc
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()


@contextlib.contextmanager
def serve(
    script: Path = ROOT / "serve.py", cwd: Path = ROOT, env: dict[str, str] | None = None
) -> Iterator[str]:
    """Run a Streamlit script on a free loopback port; yields its base URL."""
    with running(script, cwd, env) as (url, _):
        yield url
