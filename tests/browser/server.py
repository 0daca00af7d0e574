"""Start `streamlit run serve.py` on a free loopback port and stop it after (tests, bench)."""

from __future__ import annotations

import contextlib
import http.server
import os
import shutil
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from deploy.cluster import wait_ready

ROOT = Path(__file__).resolve().parents[2]
#: The app under test reads uploads with every default limit but the wall clock: the
#: reader runs at a low priority, and on a machine busy with another suite it may need
#: more than the default 30 s of wall time for a small file. A test that is about a limit
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


def chromium_path() -> str | None:
    """Debian's chromium (Playwright's own browser download is not used)."""
    return shutil.which("chromium") or shutil.which("chromium-browser")


def free_port() -> int:
    """A free TCP port on 127.0.0.1."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


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


@contextlib.contextmanager
def newsroom(body: str) -> Iterator[str]:
    """Serve ``body`` as another site's page (an article embedding the app); yields its URL.

    A real page on another loopback port: the app's CSP allows ``frame-ancestors`` from
    HTTPS sites and from loopback, and a page made with ``set_content`` is about:blank,
    which has no origin a policy can allow. Stopped on exit.
    """
    data = body.encode()

    class Page(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *_args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Page)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/article"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
