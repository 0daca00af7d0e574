"""One bounded pool of heavy renders per server process, and the files it made last.

A PNG or a link-preview card costs 0.2–0.3 s of the server's CPU and an HTML map ~60 ms,
all of it holding Python's lock that every reader's script run needs. Rendered without
a bound, ten at once made a reader's toggle wait seconds (issue 18). So:

- ``RenderPool``: at most ``workers`` renders at once (default 1, ``KURSK_CLAIMS_RENDERS``),
  at most ``queue`` more waiting, each at most ``wait_s``; anything beyond is told
  ``Busy`` at once (the routes answer 503 with ``Retry-After``);
- after each render the C heap gives back what matplotlib freed (``trim``): without it
  300 renders left the server ~300 MB larger for good;
- ``LastFiles``: the last files made, so a file asked for again costs no render and no
  turn (a viral link is asked for again and again).
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterator

#: Renders at once per server process (an operator with spare cores may raise it).
WORKERS_ENV = "KURSK_CLAIMS_RENDERS"
#: What a refused client is told to wait before asking again, seconds.
RETRY_AFTER_S = 5


class Busy(Exception):  # noqa: N818 (a state, not an error of the caller's)
    """Every render slot is taken and the queue is full, or the wait was too long."""


def trim() -> None:
    """Give the C heap's free pages back to the system (glibc; elsewhere a no-op).

    A render allocates and frees many mid-sized buffers across threads; glibc keeps them
    in per-thread arenas, so the process stays at its peak until asked to trim.
    """
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None).malloc_trim(0)


class RenderPool:
    """At most ``workers`` renders at once, ``queue`` more waiting up to ``wait_s`` each."""

    def __init__(self, workers: int = 1, queue: int = 4, wait_s: float = 5.0) -> None:
        self.workers, self.queue, self.wait_s = workers, queue, wait_s
        self._slots = threading.BoundedSemaphore(workers)
        self._lock = threading.Lock()
        self._inside = 0  # rendering or waiting

    @classmethod
    def from_env(cls, environ: dict[str, str] | os._Environ) -> RenderPool:
        """A pool sized by ``KURSK_CLAIMS_RENDERS`` (workers; the queue is 4 per worker).

        >>> RenderPool.from_env({WORKERS_ENV: "2"}).queue
        8
        """
        try:
            workers = max(1, int(environ.get(WORKERS_ENV, "1")))
        except ValueError:
            workers = 1
        return cls(workers=workers, queue=4 * workers)

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
                trim()
        finally:
            with self._lock:
                self._inside -= 1


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


#: The one pool of this server process: export routes and the page's own downloads.
RENDERS = RenderPool.from_env(os.environ)
