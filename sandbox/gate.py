"""Who reads next: fair turns for reading processes and one memory budget for the tree.

One ``Gate`` per server process hands out turns to read an upload:

- first come, first served, and at most ``parallel`` files read at once;
- one file per owner (a reader's session): a session cannot hold two turns;
- at most ``queue`` files waiting; the next one is told "busy" at once, not after a wait;
- a waiter is told how many files are ahead of it whenever that number changes, and 0
  when its turn comes;
- each child is granted the memory the tree's ``Budget`` leaves: the ceiling
  (``tree_mb``) minus what the server and the forkserver hold now, minus what every
  running child was granted (plus, for each, the forkserver pages it may copy). The
  budget is one per ceiling, shared with the render pool's children. A file that needs
  more than its grant is refused with that grant as the limit.

No Streamlit here: an owner is any string, and ``on_wait`` any callable. If ``on_wait``
raises (a page's script run was interrupted by the reader's next click), the turn keeps
its place for ``GRACE_S`` seconds, so the same owner asking again resumes it.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from multiprocessing import forkserver

#: A turn whose waiter was interrupted keeps its place this long for the same owner.
GRACE_S = 10.0
#: How often a waiter looks again without being woken (the server's memory moves by itself).
RECHECK_S = 0.5
#: What the forkserver holds once it has imported the geo stack and the drawing code, counted
#: before it has started so that the first grants are not too generous.
FORKSERVER_MB = 200


class NoTurnError(Exception):
    """No turn: ``kind`` is "busy" (queue full, or waited too long) or "no_memory"."""

    def __init__(self, kind: str) -> None:
        super().__init__(kind)
        self.kind = kind


def rss_mb(pid: int | str = "self") -> int:
    """Resident memory of a process in MB, from /proc (0 where there is none)."""
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) // 1024
    except OSError:
        pass
    return 0


def forkserver_mb() -> int:
    """Resident memory of this process's multiprocessing forkserver (an estimate before
    it has started)."""
    pid = getattr(getattr(forkserver, "_forkserver", None), "_forkserver_pid", None)
    return rss_mb(pid) if pid else FORKSERVER_MB


class Budget:
    """The memory ceiling of one server's process tree, what it holds now, and what every
    running child was granted (MB). One per ceiling, shared by every gate that starts
    children (reading uploads, rendering pictures).

    A child's address space may grow by its grant; besides, it may copy pages it shares
    with the forkserver as it writes to them (``copied_mb`` each, from measurements).
    """

    def __init__(
        self,
        tree_mb: int,
        min_mb: int = 64,
        copied_mb: int = 64,
        server: Callable[[], int] = rss_mb,
        inherited: Callable[[], int] = forkserver_mb,
    ) -> None:
        self.tree_mb, self.min_mb, self.copied_mb = tree_mb, min_mb, copied_mb
        self.server, self.inherited = server, inherited
        self._lock = threading.Lock()
        self._granted: list[int] = []

    def left(self) -> int:
        """MB a new child may add: the ceiling minus the server, the forkserver, each
        running child's grant and copies, and the new child's own copies."""
        with self._lock:
            granted = list(self._granted)
        held = self.server() + self.inherited() + sum(g + self.copied_mb for g in granted)
        return self.tree_mb - held - self.copied_mb

    def take(self, want_mb: int, reserve_mb: int = 0, min_mb: int | None = None) -> int:
        """Grant up to ``want_mb`` to a new child, leaving ``reserve_mb`` free, or 0 if
        less than that and less than ``min_mb`` (default: the budget's) is left."""
        grant = min(want_mb, self.left() - reserve_mb)
        least = self.min_mb if min_mb is None else min_mb
        if grant < min(least, want_mb) or grant <= 0:
            return 0
        with self._lock:
            self._granted.append(grant)
        return grant

    def running(self) -> int:
        """Children holding a grant now (in any gate)."""
        with self._lock:
            return len(self._granted)

    def give(self, granted_mb: int) -> None:
        """A child ended: its grant is free again."""
        with self._lock:
            if granted_mb in self._granted:
                self._granted.remove(granted_mb)


@dataclass
class Ticket:
    """One file's turn: waiting, then running with ``granted_mb`` of memory."""

    owner: str | None
    want_mb: int
    granted_mb: int = 0
    attached: bool = True
    left_at: float = 0.0


class Gate:
    """Turns to read uploads in one server process (see the module's docstring)."""

    def __init__(
        self,
        parallel: int,
        queue: int,
        budget: Budget | None = None,
        reserve_mb: int = 0,
        min_mb: int | None = None,
    ) -> None:
        self.parallel, self.queue, self.budget = parallel, queue, budget
        self.reserve_mb = reserve_mb  # memory this gate leaves free for another
        self.min_mb = min_mb  # the least grant a turn starts with (else it waits)
        self._cond = threading.Condition()
        self._waiting: list[Ticket] = []
        self._running: list[Ticket] = []
        self._version = 0

    def snapshot(self) -> tuple[int, int]:
        """(files being read, files waiting) now."""
        with self._cond:
            return len(self._running), len(self._waiting)

    def enter(
        self,
        owner: str | None,
        want_mb: int,
        wait_s: float,
        on_wait: Callable[[int], None] | None = None,
    ) -> Ticket:
        """Wait for a turn (at most ``wait_s``); return it with its memory grant.

        Raises ``NoTurnError`` when the queue is full, the owner already reads a file, the
        wait is over, or the tree has no memory left with nothing running to free it.
        """
        mine = self._join(owner, want_mb)
        deadline = time.monotonic() + wait_s
        told = None
        try:
            while True:
                with self._cond:
                    self._expire()
                    started = self._start(mine)
                    if not started:
                        ahead = self._ahead(mine)
                        version = self._version
                        remaining = deadline - time.monotonic()
                        if remaining <= 0:
                            self._drop(mine)
                            raise NoTurnError("busy")
                if started:
                    if on_wait is not None and told:
                        on_wait(0)  # the waiter was told of a queue: its turn has come
                    return mine
                if on_wait is not None and ahead != told:
                    told = ahead
                    on_wait(ahead)  # may raise (an interrupted page run): see below
                with self._cond:
                    if self._version == version:
                        self._cond.wait(min(remaining, RECHECK_S))
        except NoTurnError:
            raise
        except BaseException:  # the waiter went away: keep its place for a while
            with self._cond:
                if mine in self._waiting:
                    mine.attached, mine.left_at = False, time.monotonic()
                self._changed()
            if mine in self._running:  # it went away as its turn came
                self.leave(mine)
            raise

    def leave(self, ticket: Ticket) -> None:
        """End a running turn: its slot and its memory go to the next waiter."""
        with self._cond:
            if ticket in self._running:
                self._running.remove(ticket)
                if self.budget is not None:
                    self.budget.give(ticket.granted_mb)
            self._changed()

    # ------------------------------------------------------------ under the lock

    def _join(self, owner: str | None, want_mb: int) -> Ticket:
        with self._cond:
            self._expire()
            if owner is not None:
                if any(t.owner == owner for t in self._running):
                    raise NoTurnError("busy")  # one file per session at a time
                for ticket in self._waiting:
                    if ticket.owner == owner:
                        if ticket.attached:
                            raise NoTurnError("busy")
                        ticket.attached, ticket.want_mb = True, want_mb
                        return ticket  # resumed, in its old place
            if len(self._waiting) >= self.queue:
                raise NoTurnError("busy")
            ticket = Ticket(owner, want_mb)
            self._waiting.append(ticket)
            self._changed()
            return ticket

    def _start(self, mine: Ticket) -> bool:
        """Move ``mine`` to running if it is first in line, a slot is free, and memory is."""
        first = next((t for t in self._waiting if t.attached), None)
        if first is not mine or len(self._running) >= self.parallel:
            return False
        grant = mine.want_mb
        if self.budget is not None:
            grant = self.budget.take(mine.want_mb, self.reserve_mb, self.min_mb)
            if not grant:
                if not self.budget.running():  # nothing will give memory back: do not wait
                    self._drop(mine)
                    raise NoTurnError("no_memory")
                return False
        mine.granted_mb = grant
        self._waiting.remove(mine)
        self._running.append(mine)
        self._changed()
        return True

    def _ahead(self, mine: Ticket) -> int:
        """Files ahead of ``mine``: those being read and those waiting before it."""
        before = self._waiting[: self._waiting.index(mine)]
        return len(self._running) + sum(t.attached for t in before)

    def _drop(self, mine: Ticket) -> None:
        if mine in self._waiting:
            self._waiting.remove(mine)
        self._changed()

    def _expire(self) -> None:
        now = time.monotonic()
        gone = [t for t in self._waiting if not t.attached and now - t.left_at > GRACE_S]
        for ticket in gone:
            self._waiting.remove(ticket)
        if gone:
            self._changed()

    def _changed(self) -> None:
        self._version += 1
        self._cond.notify_all()
