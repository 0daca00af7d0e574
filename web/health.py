"""Readiness: 200 only once data and caches are warm, 503 while starting or stopping.

Streamlit's ``/_stcore/health`` says the process is up; a load balancer should also wait
until a first reader would not pay for loading data and building the map.
"""

from __future__ import annotations

import threading
from collections.abc import Callable


class Readiness:
    """A replica's state for the balancer: starting → ready → draining (or failed)."""

    def __init__(self) -> None:
        self.state = "starting"
        self.reason = ""
        self._lock = threading.Lock()

    def warm(self, steps: Callable[[], None]) -> None:
        """Run the warm-up steps; ready if they pass, failed with the reason if not."""
        try:
            steps()
        except Exception as exc:  # reported on /ready, never raised into the server
            with self._lock:
                self.state, self.reason = "failed", f"{type(exc).__name__}: {exc}"[:300]
            return
        with self._lock:
            if self.state == "starting":
                self.state = "ready"

    def drain(self) -> None:
        """Stop saying ready (shutdown): the balancer sends new sessions elsewhere."""
        with self._lock:
            self.state = "draining"

    def answer(self) -> tuple[int, str]:
        """HTTP status and one-line body for /ready."""
        if self.state == "ready":
            return 200, "ready"
        return 503, f"{self.state}{': ' + self.reason if self.reason else ''}"
