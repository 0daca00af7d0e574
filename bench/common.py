"""What the benches share: one percentile, process CPU and memory (psutil), the browser,
the map drag, Streamlit frame decoding, an old checkout of the app, and where results
are written.

Imported as ``bench.common``: benches run as modules from the repository root
(``python -m bench.pageload``).
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import io
import json
import math
import os
import subprocess
import sys
import tarfile
import threading
import time
from dataclasses import asdict, is_dataclass
from pathlib import Path
from typing import Any

import psutil
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from deploy.local import CHROMIUM_ARGS, ROOT, chromium_path
from deploy.local import MAP as MAP  # the benches take it from here

RESULTS = ROOT / "bench" / "results"
TOGGLE = ".st-key-ru label"
#: No host name resolves: map tiles (and anything else off the machine) fail at once.
OFFLINE = "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1"


# -- numbers ----------------------------------------------------------------------------


def pct(values: list[float], q: float) -> float | None:
    """Nearest-rank percentile q (0-100): the value at rank ceil(q/100 * n); None if n = 0.

    >>> pct([3, 1, 2], 50), pct([1, 2, 3, 4], 50), pct(list(range(1, 11)), 90), pct([], 50)
    (2, 2, 9, None)
    """
    if not values:
        return None
    ordered = sorted(values)
    return ordered[min(len(ordered), max(1, math.ceil(q * len(ordered) / 100))) - 1]


def ms(v: float | None) -> str:
    return "–" if v is None else f"{v:.0f} ms"


def kb(v: float | None) -> str:
    return "–" if v is None else f"{v / 1000:.1f} kB"


def table(head: tuple[str, ...], rows: list[tuple]) -> str:
    """Left-aligned columns, a rule under the head."""
    cells = [head, *(tuple(map(str, r)) for r in rows)]
    widths = [max(len(r[i]) for r in cells) for i in range(len(head))]
    line = "  ".join("{:<%d}" % w for w in widths)
    cells.insert(1, tuple("-" * w for w in widths))
    return "\n".join(line.format(*r).rstrip() for r in cells)


# -- the app as it was ---------------------------------------------------------------


def checkout(rev: str, tmp: Path) -> Path:
    """The app as it was at `rev`, in a folder of its own (git archive, no work tree)."""
    folder = tmp / f"app-{rev}"
    if not folder.exists():
        folder.mkdir()
        archive = subprocess.run(["git", "archive", rev], cwd=ROOT, capture_output=True,
                                 check=True)  # fmt: skip
        with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
            tar.extractall(folder, filter="data")
    return folder


# -- processes (psutil) -----------------------------------------------------------------


def tree(pid: int) -> list[psutil.Process]:
    """The process and all of its descendants alive now."""
    proc = psutil.Process(pid)
    return [proc, *proc.children(recursive=True)]


def cpu_s(pid: int) -> float:
    """User + system CPU seconds used so far by a process tree (its living members)."""
    total = 0.0
    for proc in tree(pid):
        with contextlib.suppress(psutil.Error):
            times = proc.cpu_times()
            total += times.user + times.system
    return total


def rss_mb(pid: int) -> float:
    """Resident memory of one process, in MiB."""
    return psutil.Process(pid).memory_info().rss / 2**20


class Sampler(threading.Thread):
    """CPU and RSS every `every` s, by group: the server's process tree, chromium started
    by this process, the harness (this process and Playwright's driver), and the machine.

    A thread, so sampling never delays a timing on the bench's event loop. A process
    seen in the first sample counts from then, a later one for its whole life.
    """

    GROUPS = ("server", "chromium", "driver")

    def __init__(self, server_pid: int, every: float = 0.5) -> None:
        super().__init__(daemon=True)
        self.server_pid, self.every = server_pid, every
        self.stop = threading.Event()
        self.first: dict[int, float] = {}  # pid -> CPU s when first seen
        self.last: dict[int, tuple[str, float]] = {}  # pid -> (group, CPU s) last seen
        self.rss_peak = dict.fromkeys(self.GROUPS, 0.0)
        self.busy: list[float] = []  # machine busy fraction per interval
        self.server_cores: list[float] = []  # server CPU per interval, in cores
        self.t0 = self.t1 = 0.0
        self._prev: tuple[float, float] | None = None  # (time, server CPU s)

    def _members(self) -> list[tuple[psutil.Process, str]]:
        out = [(p, "server") for p in tree(self.server_pid)]
        server = {p.pid for p, _ in out}
        for proc in tree(os.getpid()):
            if proc.pid in server:
                continue
            with contextlib.suppress(psutil.Error):
                out.append((proc, "chromium" if "chrom" in proc.name() else "driver"))
        return out

    def sample(self) -> None:
        """One reading of every member and of the machine."""
        now, rss, server = time.monotonic(), dict.fromkeys(self.GROUPS, 0.0), 0.0
        for proc, group in self._members():
            try:
                with proc.oneshot():
                    times, mem = proc.cpu_times(), proc.memory_info().rss
            except psutil.Error:
                continue
            cpu = times.user + times.system
            self.first.setdefault(proc.pid, 0.0 if self._prev else cpu)
            self.last[proc.pid] = (group, cpu)
            rss[group] += mem / 2**20
            server += cpu if group == "server" else 0.0
        for group, mb in rss.items():
            self.rss_peak[group] = max(self.rss_peak[group], mb)
        busy = psutil.cpu_percent(None) / 100  # since the previous call
        if self._prev is not None:
            self.busy.append(busy)
            if now > self._prev[0]:
                self.server_cores.append(max(0.0, (server - self._prev[1]) / (now - self._prev[0])))
        self._prev = (now, server)

    def run(self) -> None:
        """Sample until stopped (bounded by the stop event the benches always set)."""
        self.t0 = time.monotonic()
        self.sample()
        while not self.stop.wait(self.every):
            self.sample()
        self.sample()
        self.t1 = time.monotonic()

    def finish(self) -> None:
        self.stop.set()
        self.join(timeout=30)

    def cpu_seconds(self) -> dict[str, float]:
        """CPU seconds each group used while sampling."""
        out = dict.fromkeys(self.GROUPS, 0.0)
        for pid, (group, cpu) in self.last.items():
            out[group] += cpu - self.first.get(pid, cpu)
        return out

    def span(self) -> float:
        return max((self.t1 or time.monotonic()) - self.t0, 1e-9)


# -- browser ----------------------------------------------------------------------------


def chromium(offline: bool = False) -> dict[str, Any]:
    """``launch`` options for Debian's chromium (sync or async Playwright); exits without it."""
    path = chromium_path()
    if path is None:
        sys.exit("Debian chromium is not installed (apt-get install -y chromium)")
    return {"executable_path": path, "args": [*CHROMIUM_ARGS, *([OFFLINE] if offline else [])]}


def drag(box: dict[str, float], i: int) -> list[tuple[str, tuple, dict]]:
    """The i-th pan as ``page.mouse`` calls (name, args, kwargs): from the middle of the map
    iframe's box 60 px sideways (right, then left, ...) and 30 px down, in 8 steps."""
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    dx = 60 if i % 2 == 0 else -60
    return [
        ("move", (x, y), {}),
        ("down", (), {}),
        ("move", (x + dx, y + 30), {"steps": 8}),
        ("up", (), {}),
    ]


def is_rerun(data: bytes) -> bool:
    """Whether a browser -> server frame asks for a script run."""
    return BackMsg.FromString(data).WhichOneof("type") == "rerun_script"


def is_finished(data: bytes) -> bool:
    """Whether a server -> browser frame says a script run finished."""
    return ForwardMsg.FromString(data).WhichOneof("type") == "script_finished"


# -- results ----------------------------------------------------------------------------


class Results:
    """``--json`` (default ``bench/results/<script>.json``) and the machine around a run."""

    def __init__(self, script: str, parser: argparse.ArgumentParser, stem: str = "") -> None:
        self.script = script
        parser.add_argument(
            "--json",
            type=Path,
            help=f"where the results go (default bench/results/{stem or script}.json)",
        )
        self.started, self.load_before = time.monotonic(), os.getloadavg()

    def save(self, args: argparse.Namespace, doc: dict[str, Any], name: str = "") -> None:
        """Write doc with when, the arguments, CPU count and load average before/after, to
        --json or bench/results/<name or script>.json."""
        path = args.json or RESULTS / f"{name or self.script}.json"
        out = {
            "script": f"bench/{self.script}.py",
            "when": dt.datetime.now().isoformat(timespec="seconds"),
            "args": {k: v for k, v in vars(args).items() if k != "json"},
            "machine": {
                "cpus": os.cpu_count(),
                "loadavg_before": [round(x, 2) for x in self.load_before],
                "loadavg_after": [round(x, 2) for x in os.getloadavg()],
                "seconds": round(time.monotonic() - self.started, 1),
            },
            **doc,
        }
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(out, indent=2, default=_plain) + "\n", encoding="utf-8")
        m = out["machine"]
        print(
            f"\n({m['seconds']:.0f} s, {m['cpus']} cores, 1-min load average before/after"
            f" {m['loadavg_before'][0]}/{m['loadavg_after'][0]}; results in {path})"
        )


def _plain(value: object) -> object:
    return asdict(value) if is_dataclass(value) and not isinstance(value, type) else str(value)
