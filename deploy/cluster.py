"""``make serve``: N ``streamlit run serve.py`` replicas on loopback ports behind HAProxy.

    python -m deploy.cluster --replicas 2 --port 8501

Everything runs in the foreground and stops together on Ctrl-C (or SIGTERM). The HAProxy
config is rendered from deploy/haproxy.cfg.in into a temporary folder: nothing is
written into the repository. A replica that dies is started again on its port.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
import urllib.response
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TEMPLATE = Path(__file__).with_name("haproxy.cfg.in")
#: A replica stops saying "ready" this long before it exits on SIGTERM (2 checks at 1 s).
DRAIN_SECONDS = 3
STOP_TIMEOUT_S = 15


def free_port() -> int:
    """A free TCP port on 127.0.0.1."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def render_config(port: int, replicas: list[tuple[str, int]], bind: str = "0.0.0.0") -> str:
    """HAProxy's config for these replicas (name, loopback port).

    >>> "server r1 127.0.0.1:9001 check cookie r1" in render_config(80, [("r1", 9001)])
    True
    """
    servers = "\n".join(f"    server {n} 127.0.0.1:{p} check cookie {n}" for n, p in replicas)
    stateless = "\n".join(f"    server {n} 127.0.0.1:{p} check" for n, p in replicas)
    text = TEMPLATE.read_text()
    for name, value in (("@BIND@", bind), ("@PORT@", str(port)), ("@SERVERS@", servers),
                        ("@STATELESS@", stateless)):  # fmt: skip
        text = text.replace(name, value)
    return text


def replica_command(port: int) -> list[str]:
    """One replica: the app with its routes on a loopback port, no file watching."""
    return [
        sys.executable, "-m", "streamlit", "run", str(ROOT / "serve.py"),
        "--server.port", str(port), "--server.address", "127.0.0.1",
        "--server.headless", "true", "--browser.gatherUsageStats", "false",
        "--server.fileWatcherType", "none",
    ]  # fmt: skip


def replica_env(cookie_secret: str, public_url: str = "") -> dict[str, str]:
    """Drain on SIGTERM; one cookie secret for all (a reader's signed cookies stay valid
    on whichever replica they fail over to); bytecode cache outside the repository; the
    balancer's address as the public URL of absolute links, unless the operator set one
    (a replica's own loopback port is no address for a reader)."""
    cache = Path(tempfile.gettempdir()) / "kursk-claims-map-pycache"
    return {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "KURSK_CLAIMS_DRAIN_SECONDS": str(DRAIN_SECONDS),
        "PYTHONPYCACHEPREFIX": str(cache),
        "STREAMLIT_SERVER_COOKIE_SECRET": os.environ.get("STREAMLIT_SERVER_COOKIE_SECRET")
        or cookie_secret,
        "KURSK_CLAIMS_PUBLIC_URL": os.environ.get("KURSK_CLAIMS_PUBLIC_URL") or public_url,
    }


def wait_status(
    url: str, status: int = 200, timeout: float = 300.0, proc: subprocess.Popen | None = None
) -> urllib.response.addinfourl | urllib.error.HTTPError:
    """Poll a URL until it answers ``status`` (bounded); fail at once if ``proc`` exits.

    Returns the answer (its headers say, for one, which replica gave it).
    """
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc is not None and proc.poll() is not None:
            raise RuntimeError(f"{proc.args[0]} exited with code {proc.returncode} ({url})")
        answer = None
        try:
            with urllib.request.urlopen(url, timeout=2) as answer:
                pass
        except urllib.error.HTTPError as error:  # an answer too (a draining replica: 503)
            answer = error
        except OSError:  # nobody listening yet
            pass
        if answer is not None and answer.status == status:
            return answer
        time.sleep(0.2)
    raise TimeoutError(f"{url} did not answer {status} within {timeout:.0f} s")


def wait_ready(url: str, timeout: float = 300.0, proc: subprocess.Popen | None = None) -> None:
    """Poll a URL until it answers 200 (bounded); fail at once if ``proc`` exits."""
    wait_status(url, 200, timeout, proc)


def stop(proc: subprocess.Popen | None, sig: int = signal.SIGTERM) -> None:
    """Stop one child by its pid (``sig`` unless already asked); kill it if it lingers."""
    if proc is None or proc.poll() is not None:
        return
    if sig != signal.SIGKILL:
        proc.send_signal(sig)
    try:
        proc.wait(timeout=STOP_TIMEOUT_S)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout=5)


@dataclass
class Cluster:
    """The running replicas and the balancer (public URL in ``url``)."""

    port: int
    ports: dict[str, int]
    bind: str = "127.0.0.1"
    procs: dict[str, subprocess.Popen] = field(default_factory=dict)
    haproxy: subprocess.Popen | None = None
    folder: Path | None = None
    quiet: bool = True
    cookie_secret: str = field(default_factory=lambda: secrets.token_hex(32))
    #: More environment for every replica (tests: generous upload limits).
    env: dict[str, str] = field(default_factory=dict)

    @property
    def url(self) -> str:
        host = "127.0.0.1" if self.bind in ("0.0.0.0", "") else self.bind
        return f"http://{host}:{self.port}"

    def start_replica(self, name: str) -> subprocess.Popen:
        """Start (or restart) one replica on its port."""
        out = subprocess.DEVNULL if self.quiet else None
        proc = subprocess.Popen(
            replica_command(self.ports[name]),
            cwd=ROOT,
            env={**replica_env(self.cookie_secret, self.url), **self.env},
            stdout=out,
            stderr=out,
        )
        self.procs[name] = proc
        return proc

    def start(self) -> None:
        """Replicas first, then HAProxy; returns once every replica is ready."""
        haproxy = shutil.which("haproxy")
        if haproxy is None:
            raise RuntimeError("haproxy is not installed (apt-get install -y haproxy)")
        for name in self.ports:
            self.start_replica(name)
        self.folder = Path(tempfile.mkdtemp(prefix="kursk-haproxy-"))
        cfg = self.folder / "haproxy.cfg"
        cfg.write_text(render_config(self.port, list(self.ports.items()), self.bind))
        check = subprocess.run(
            [haproxy, "-c", "-q", "-f", str(cfg)], capture_output=True, text=True
        )
        if check.returncode != 0:
            raise RuntimeError(f"haproxy config rejected: {check.stderr.strip()}")
        for name, port in self.ports.items():
            wait_ready(f"http://127.0.0.1:{port}/ready", proc=self.procs[name])
        out = subprocess.DEVNULL if self.quiet else None
        self.haproxy = subprocess.Popen([haproxy, "-db", "-f", str(cfg)], stdout=out, stderr=out)
        try:
            self.wait_balanced()
        except RuntimeError as exc:
            raise RuntimeError(f"{exc}: is port {self.port} already in use?") from exc

    def wait_balanced(self, timeout: float = 180.0) -> None:
        """Return once HAProxy sends readers to every replica (its health checks need a
        few seconds to bring a started or restarted replica in)."""
        for name, port in self.ports.items():
            wait_ready(f"http://127.0.0.1:{port}/ready", timeout, proc=self.procs[name])
        seen: set[str] = set()
        deadline = time.monotonic() + timeout
        while seen != set(self.ports):
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError(f"HAProxy sent readers only to {sorted(seen)} in {timeout} s")
            answer = wait_status(f"{self.url}/ready", 200, left, proc=self.haproxy)
            seen.add(answer.headers.get("X-Served-By", ""))

    def stop(self) -> None:
        """Stop HAProxy and every replica (each by its own pid), remove the temp folder."""
        stop(self.haproxy)
        live = [p for p in self.procs.values() if p.poll() is None]
        for proc in live:
            proc.send_signal(signal.SIGINT)  # all stop together: no drain needed
        for proc in live:
            stop(proc, signal.SIGKILL)
        if self.folder:
            shutil.rmtree(self.folder, ignore_errors=True)


@contextlib.contextmanager
def cluster(
    replicas: int = 2,
    port: int | None = None,
    bind: str = "127.0.0.1",
    quiet: bool = True,
    env: dict[str, str] | None = None,
) -> Iterator[Cluster]:
    """Start a cluster on loopback ports and always stop all of it afterwards."""
    ports = {f"r{i + 1}": free_port() for i in range(replicas)}
    running = Cluster(
        port=port or free_port(), ports=ports, bind=bind, quiet=quiet, env=dict(env or {})
    )
    try:
        running.start()
        yield running
    finally:
        running.stop()


def _interrupt(_signum: int, _frame: object) -> None:
    raise KeyboardInterrupt


def main() -> None:
    """Run until Ctrl-C; restart a replica that dies."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--replicas", type=int, default=2)
    parser.add_argument("--port", type=int, default=8501)
    parser.add_argument("--bind", default="0.0.0.0")
    args = parser.parse_args()
    if args.replicas < 1:
        sys.exit("--replicas must be at least 1")
    for signum in (signal.SIGINT, signal.SIGTERM):  # also when started in the background
        signal.signal(signum, _interrupt)
    try:
        with cluster(args.replicas, args.port, args.bind, quiet=False) as running:
            public = running.url.replace("127.0.0.1", args.bind)
            print(f"serving {public} via HAProxy, replicas {running.ports}; Ctrl-C stops all")
            while running.haproxy and running.haproxy.poll() is None:
                for name, proc in list(running.procs.items()):
                    if proc.poll() is not None:
                        print(f"replica {name} exited ({proc.returncode}); starting it again")
                        running.start_replica(name)
                time.sleep(1)
    except KeyboardInterrupt:
        print("stopping", flush=True)
    except (RuntimeError, TimeoutError) as exc:
        sys.exit(f"make serve: {exc}")


if __name__ == "__main__":
    main()
