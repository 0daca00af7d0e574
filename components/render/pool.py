"""One bounded pool of heavy renders per server process, each in a bounded child process.

A PNG or a link-preview card costs 0.2–0.3 s of CPU and an HTML map ~60 ms. Drawn in the
server, each held Python's lock that every reader's script run needs, and ten at once
made a reader's toggle wait seconds; the memory they took was never given back
(issue 18). So:

- ``RenderPool``: at most ``workers`` renders at once (default 1, ``KURSK_CLAIMS_RENDERS``),
  at most ``queue`` more waiting, each at most ``wait_s``; anything beyond is told
  ``Busy`` at once (the routes answer 503 with ``Retry-After``);
- each render runs in a child forked from the upload reader's forkserver
  (``sandbox.process``, which preloads the drawing code): a lower CPU priority, its
  own memory limit granted from the tree's one budget (``Limits.tree_mb``), a CPU and a
  wall-clock limit; its memory goes back to the system when it exits;
- ``LastFiles``: the last files made, so a file asked for again costs no render and no
  turn (a viral link is asked for again and again).
"""

from __future__ import annotations

import contextlib
import os
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterator, Mapping
from typing import Any

from sandbox.process import Bounds, LimitError, call_in_child, run_bounded

#: Renders at once per server process (an operator with spare cores may raise it).
WORKERS_ENV = "KURSK_CLAIMS_RENDERS"
#: What a refused client is told to wait before asking again, seconds.
RETRY_AFTER_S = 5
#: What a render child may add to the memory it shares with the forkserver (a 1600×1000
#: PNG at 200 dpi adds ~100 MB: bench/README.md), its CPU seconds and wall-clock seconds.
RENDER_MB, RENDER_CPU_S, RENDER_WALL_S = 384, 20, 60.0


class Busy(Exception):  # noqa: N818 (a state, not an error of the caller's)
    """Every render slot is taken and the queue is full, or the wait was too long."""


class RenderError(RuntimeError):
    """The render child broke a limit or died (the reason is the limit's kind)."""


def in_child(bounds: Bounds) -> Callable[[Callable, tuple, dict], Any]:
    """Run ``fn(*args, **kwargs)`` in a bounded child; ``Busy`` if the tree has no memory
    to spare for it now, ``RenderError`` if it breaks a limit."""

    def run(fn: Callable, args: tuple, kwargs: dict) -> Any:
        try:
            return run_bounded(call_in_child, (fn, args, kwargs), bounds)
        except LimitError as limit:
            if limit.kind in ("busy", "no_memory"):
                raise Busy from None
            raise RenderError(limit.kind) from None

    return run


class RenderPool:
    """At most ``workers`` renders at once, ``queue`` more waiting up to ``wait_s`` each;
    ``run`` draws (default: in a bounded child sharing the tree's memory budget)."""

    def __init__(
        self,
        workers: int = 1,
        queue: int = 4,
        wait_s: float = 5.0,
        run: Callable[[Callable, tuple, dict], Any] | None = None,
        tree_mb: int | None = None,
    ) -> None:
        self.workers, self.queue, self.wait_s = workers, queue, wait_s
        bounds = Bounds(memory_mb=RENDER_MB, cpu_s=RENDER_CPU_S, wall_s=RENDER_WALL_S,
                        wait_s=wait_s, file_mb=16, parallel=workers, queue=queue,
                        nice=5, tree_mb=tree_mb)  # fmt: skip
        self.run = run or in_child(bounds)
        self._slots = threading.BoundedSemaphore(workers)
        self._lock = threading.Lock()
        self._inside = 0  # rendering or waiting

    @classmethod
    def from_env(cls, environ: Mapping[str, str], tree_mb: int | None = None) -> RenderPool:
        """A pool sized by ``KURSK_CLAIMS_RENDERS`` (workers; the queue is 4 per worker).

        >>> RenderPool.from_env({WORKERS_ENV: "2"}).queue
        8
        """
        try:
            workers = max(1, int(environ.get(WORKERS_ENV, "1")))
        except ValueError:
            workers = 1
        return cls(workers=workers, queue=4 * workers, tree_mb=tree_mb)

    def inside(self) -> int:
        """Renders running or waiting now."""
        with self._lock:
            return self._inside

    @contextlib.contextmanager
    def slot(self, wait_s: float | None = None) -> Iterator[None]:
        """Hold one render slot for the ``with`` body; ``Busy`` if none comes in time."""
        with self._lock:
            if self._inside >= self.workers + self.queue:
                raise Busy
            self._inside += 1
        try:
            if not self._slots.acquire(timeout=self.wait_s if wait_s is None else wait_s):
                raise Busy
            try:
                yield
            finally:
                self._slots.release()
        finally:
            with self._lock:
                self._inside -= 1

    def render(self, fn: Callable, *args: Any, wait_s: float | None = None, **kwargs: Any) -> Any:
        """``fn(*args, **kwargs)`` in its turn (``fn`` must be a module-level function)."""
        with self.slot(wait_s):
            return self.run(fn, args, kwargs)


class LastFiles:
    """The last ``size`` files made, by key (thread-safe; a least-recently-used cache)."""

    def __init__(self, size: int = 32) -> None:
        self.size = size
        self._files: OrderedDict[Hashable, bytes] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Hashable, make: Callable[[], bytes]) -> bytes:
        """The file for ``key``, made by ``make()`` (outside the lock) if not kept."""
        with self._lock:
            if key in self._files:
                self._files.move_to_end(key)
                return self._files[key]
        body = make()
        with self._lock:
            self._files[key] = body
            while len(self._files) > self.size:
                self._files.popitem(last=False)
        return body

    def clear(self) -> None:
        """Forget every file (tests build a file afresh, as another replica would)."""
        with self._lock:
            self._files.clear()


def _tree_mb() -> int:
    """The tree's memory ceiling, as the upload limits set it (one budget for both)."""
    from components.render.upload import upload_limits

    return upload_limits(os.environ).tree_mb


_pool_lock = threading.Lock()
_pool: list[RenderPool] = []


def renders() -> RenderPool:
    """The one pool of this server process (export routes and the page's own downloads),
    sized from the environment when first asked for (``serve.py`` asks at start-up)."""
    with _pool_lock:
        if not _pool:
            _pool.append(RenderPool.from_env(os.environ, tree_mb=_tree_mb()))
        return _pool[0]
