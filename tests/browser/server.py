"""Start `streamlit run app.py` on a free loopback port and stop it after (tests, bench)."""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import IO

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-quic",
]


def chromium_path() -> str | None:
    """Debian's chromium (Playwright's own browser download is not used)."""
    return shutil.which("chromium") or shutil.which("chromium-browser")


def free_port() -> int:
    """A free TCP port on 127.0.0.1."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_healthy(url: str, proc: subprocess.Popen, timeout: float = 60.0) -> None:
    """Poll /_stcore/health until the server answers (no blind sleeps)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"streamlit exited early with code {proc.returncode}")
        with (
            contextlib.suppress(OSError),
            urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as resp,
        ):
            if resp.status == 200:
                return
        time.sleep(0.1)
    raise TimeoutError(f"{url} not healthy after {timeout:.0f} s")


@contextlib.contextmanager
def running(
    script: Path = ROOT / "app.py",
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
    run_env = {**os.environ, "PYTHONPATH": str(ROOT), **(env or {})}
    proc = subprocess.Popen(cmd, cwd=cwd, env=run_env, stdout=subprocess.DEVNULL, stderr=stderr)
    try:
        wait_healthy(url, proc)
        yield url, proc
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()


@contextlib.contextmanager
def serve(
    script: Path = ROOT / "app.py", cwd: Path = ROOT, env: dict[str, str] | None = None
) -> Iterator[str]:
    """Run a Streamlit script on a free loopback port; yields its base URL."""
    with running(script, cwd, env) as (url, _):
        yield url
