"""A flood of distinct PNG exports, and what it does to a replica (used by bench/load.py).

``Flood`` asks one server for distinct ``/export/view.png`` views (none in any cache),
``parallel`` at a time, as one client would, while the readers act: either a client
that honours ``Retry-After`` (``n`` views, each until answered) or one that hammers (no
waiting, at least ``n`` requests). It counts answers by status, times them, and probes
``/ready`` twice a second meanwhile. Prints nothing and asserts nothing.
"""

from __future__ import annotations

import contextlib
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from typing import Any

from bench.common import pct


def view(i: int) -> str:
    """The i-th distinct view: a grid of centres and zooms over the map area."""
    lat = 50.6 + (i % 60) * 0.02
    lon = 34.3 + (i // 60 % 40) * 0.06
    return f"lat={lat:.4f}&lon={lon:.4f}&z={6 + i % 7}&date=2024-08-27"


def get(url: str, timeout: float = 120.0) -> tuple[int, float, float]:
    """(status, seconds, Retry-After seconds or 1) of one GET; no connection is status 0."""
    t0 = time.perf_counter()
    wait = 1.0
    try:
        with urllib.request.urlopen(url, timeout=timeout) as answer:
            answer.read()
            status = answer.status
    except urllib.error.HTTPError as exc:
        exc.read()
        status = exc.code
        with contextlib.suppress(TypeError, ValueError):
            wait = float(exc.headers.get("Retry-After"))
    except OSError:
        status = 0
    return status, time.perf_counter() - t0, wait


@dataclass
class Flood:
    """One client's flood of distinct PNG views against ``url`` (see the module's doc)."""

    url: str
    n: int = 1200
    parallel: int = 10
    retry: bool = True
    statuses: dict[int, int] = field(default_factory=dict)
    seconds: list[float] = field(default_factory=list)
    ready_s: list[float] = field(default_factory=list)
    started: float = 0.0
    ended: float = 0.0

    def run(self, until: threading.Event | None = None) -> None:
        """Send the flood (blocking) until ``until`` is set (the readers are done).

        ``retry`` (a client that honours ``Retry-After``): each of ``n`` distinct views is
        asked for until answered, waiting as told after a 503 or 429; it ends early when
        all ``n`` are answered. Otherwise (a hammering client): views one after another,
        never waiting, at least ``n`` requests in all. /ready is probed meanwhile.
        """
        until = until or threading.Event()
        done = threading.Event()
        probe = threading.Thread(target=self._probe, args=(done,), daemon=True)
        lock, counter = threading.Lock(), iter(range(10**9))

        def record(status: int, took: float) -> None:
            with lock:
                self.statuses[status] = self.statuses.get(status, 0) + 1
                self.seconds.append(took)

        def worker() -> None:
            while True:
                with lock:
                    i = next(counter)
                if self.retry:
                    if i >= self.n:
                        return
                    while not until.is_set():
                        status, took, wait = get(f"{self.url}/export/view.png?{view(i)}")
                        record(status, took)
                        if status not in (429, 503):
                            break
                        until.wait(wait)
                    if until.is_set():
                        return
                else:
                    if i >= self.n and until.is_set():
                        return
                    record(*get(f"{self.url}/export/view.png?{view(i)}")[:2])

        self.started = time.monotonic()
        probe.start()
        workers = [threading.Thread(target=worker) for _ in range(self.parallel)]
        try:
            for thread in workers:
                thread.start()
            for thread in workers:
                thread.join()
        finally:
            self.ended = time.monotonic()
            done.set()
            probe.join(timeout=10)

    def _probe(self, done: threading.Event) -> None:
        while not done.wait(0.5):
            self.ready_s.append(get(f"{self.url}/ready", timeout=30)[1])

    def summary(self) -> dict[str, Any]:
        """Counts and times, as plain data."""
        span = max(self.ended - self.started, 1e-9)
        return {
            "requests": len(self.seconds),
            "parallel": self.parallel,
            "client": "honours Retry-After" if self.retry else "hammers (never waits)",
            "statuses": {str(k): v for k, v in sorted(self.statuses.items())},
            "wall_s": round(span, 1),
            "answers_per_s": round(self.n / span, 1),
            "answer_p50_ms": pct([s * 1000 for s in self.seconds], 50),
            "answer_p95_ms": pct([s * 1000 for s in self.seconds], 95),
            "answer_max_ms": round(max(self.seconds, default=0) * 1000),
            "ready_p95_ms": pct([s * 1000 for s in self.ready_s], 95),
            "ready_max_ms": round(max(self.ready_s, default=0) * 1000),
        }
