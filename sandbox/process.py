"""Run one function in a separate process with hard limits, and get its result or why not.

The child is forked from a ``multiprocessing`` *forkserver*: a small single-threaded
process started once (with the reader's modules preloaded) that forks a fresh child per
call. Forking the Streamlit server itself is unsafe (it runs threads: a fork copies
their locks, not the threads), and ``spawn`` would pay the geo stack's imports (~1 s)
per upload; a forkserver child starts in milliseconds (``bench/upload.py`` prints both).

In the child, before the function runs:

- ``RLIMIT_AS``: the address space it may *add* to what the fork inherited;
- ``RLIMIT_CPU``: CPU seconds (SIGXCPU, then SIGKILL a second later);
- ``RLIMIT_FSIZE`` and ``RLIMIT_CORE``: no large files, no core dumps;
- a private temporary directory as working and temp directory (removed by the parent);
- a new, empty network namespace when the kernel allows it (then no socket can reach
  anything, whatever a library tries); without one, the caller's own switches apply;
- a lower CPU priority, so the server's other sessions are served first.

The parent waits at most ``wall_s`` and kills the child after that. Turns to read, and
the memory each child may add, come from the process's ``gate.Gate``: first come, first
served, one file per owner, and one memory budget for the server and all its children.
"""

from __future__ import annotations

import contextlib
import ctypes
import dataclasses
import multiprocessing as mp
import os
import resource
import shutil
import signal
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from multiprocessing import spawn
from typing import Any

from sandbox.gate import Budget, Gate, NoTurnError

_CLONE_NEWUSER = 0x10000000
_CLONE_NEWNET = 0x40000000
#: Signals by which a library dies when an allocation is refused under RLIMIT_AS
#: (abort on std::bad_alloc, or a segfault on an unchecked NULL).
_MEMORY_SIGNALS = {signal.SIGABRT, signal.SIGSEGV, signal.SIGBUS}


class LimitError(Exception):
    """The child broke a limit, or got no turn: ``kind`` is "memory", "cpu", "wall",
    "crash", "busy" or "no_memory"; ``memory_mb`` is what the child was granted."""

    def __init__(self, kind: str, memory_mb: int = 0) -> None:
        super().__init__(kind)
        self.kind = kind
        self.memory_mb = memory_mb


@dataclass(frozen=True)
class Bounds:
    memory_mb: int
    cpu_s: int
    wall_s: float
    file_mb: int = 256
    parallel: int = 2
    nice: int = 10
    isolate_network: bool = True
    #: files waiting for a turn (beyond: "busy" at once)
    queue: int = 8
    #: memory of the whole tree (server, forkserver, children), MB; None: no ceiling
    tree_mb: int | None = None
    #: how long a caller waits for a turn (None: ``wall_s``)
    wait_s: float | None = None
    #: which turns: each lane has its own gate (the memory budget is shared by all)
    lane: str = "full"
    #: memory this lane's children leave free in the budget (for another lane's child),
    #: and the least a child of this lane starts with (else it waits; None: the budget's)
    reserve_mb: int = 0
    min_mb: int | None = None


#: Modules the forkserver imports once: the reader and the whole geo stack under it, and
#: what callers add with ``also_preload`` before it starts (the render pool's drawing
#: code). A child then only forks, imports nothing, and is still single-threaded when it
#: asks for its own network namespace.
PRELOAD = ["sandbox.reader"]
#: Preparation data that would make each child run the main script again (Streamlit's
#: ``streamlit`` launcher, a bench, pytest): targets here are module functions, so the
#: child needs no main module.
_MAIN_KEYS = ("init_main_from_path", "init_main_from_name")
_context_lock = threading.Lock()
_contexts: list[Any] = []
_gates_lock = threading.Lock()
_gates: dict[tuple, Gate] = {}
_budgets: dict[int, Budget] = {}


def also_preload(*modules: str) -> None:
    """Have the forkserver import these too (call before the first child starts; later,
    a child imports them itself)."""
    with _context_lock:
        PRELOAD.extend(m for m in modules if m not in PRELOAD)


def _context():
    """The forkserver context, with PRELOAD imported once in the server process."""
    with _context_lock:
        if not _contexts:
            ctx = mp.get_context("forkserver")
            _contexts.append(ctx)
        return _contexts[0]


@contextlib.contextmanager
def _no_main_module() -> Iterator[None]:
    """While a child is launched, leave the main module out of what it is sent.

    ``multiprocessing`` re-runs the parent's main script in every forkserver child (the
    forkserver's own ``__main__`` preload is broken in CPython 3.11: it never receives
    the path), which would import Streamlit anew for each upload.
    """
    prepare = spawn.get_preparation_data

    def without_main(name: str) -> dict:
        return {k: v for k, v in prepare(name).items() if k not in _MAIN_KEYS}

    spawn.get_preparation_data = without_main
    try:
        yield
    finally:
        spawn.get_preparation_data = prepare


def gate(bounds: Bounds) -> Gate:
    """This process's gate for these bounds (one per setting: tests use small ones)."""
    key = (bounds.lane, bounds.parallel, bounds.queue, bounds.tree_mb, bounds.reserve_mb,
           bounds.min_mb)  # fmt: skip
    with _gates_lock:
        if key not in _gates:
            budget = None
            if bounds.tree_mb is not None:  # one budget per ceiling, shared by all gates
                budget = _budgets.setdefault(bounds.tree_mb, Budget(bounds.tree_mb))
            _gates[key] = Gate(bounds.parallel, bounds.queue, budget, bounds.reserve_mb,
                               bounds.min_mb)  # fmt: skip
        return _gates[key]


def _vm_size_bytes() -> int:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmSize:"):
                return int(line.split()[1]) * 1024
    return 0


def _isolate_network() -> bool:
    """Move this (single-threaded) process into a new, empty network namespace."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        return libc.unshare(_CLONE_NEWUSER | _CLONE_NEWNET) == 0
    except (OSError, AttributeError):
        return False


def probe(*, isolated: bool) -> dict:
    """A target that does nothing: what starting a bounded child costs (bench)."""
    return {"pid": os.getpid(), "isolated": isolated}


def call_in_child(fn: Callable, args: tuple, kwargs: dict, *, isolated: bool) -> Any:
    """A target for any module-level function (pickled by reference): the render pool's."""
    return fn(*args, **kwargs)


def usage() -> dict[str, float]:
    """Peak resident memory (MB) and CPU seconds of the calling process so far."""
    self = resource.getrusage(resource.RUSAGE_SELF)
    return {"peak_rss_mb": self.ru_maxrss / 1024, "cpu_s": self.ru_utime + self.ru_stime}


def _child(conn, target: Callable, args: tuple, bounds: Bounds, workdir: str) -> None:
    """Entry point in the child: bound itself, run the target, send back what happened."""
    try:
        isolated = bounds.isolate_network and _isolate_network()  # while single-threaded
        os.nice(bounds.nice)
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
        resource.setrlimit(resource.RLIMIT_FSIZE, (bounds.file_mb << 20,) * 2)
        resource.setrlimit(resource.RLIMIT_CPU, (bounds.cpu_s, bounds.cpu_s + 1))
        address_space = _vm_size_bytes() + (bounds.memory_mb << 20)
        resource.setrlimit(resource.RLIMIT_AS, (address_space, address_space))
        os.chdir(workdir)
        for var in ("TMPDIR", "SQLITE_TMPDIR", "CPL_TMPDIR"):
            os.environ[var] = workdir
        tempfile.tempdir = workdir
        message = ("ok", target(*args, isolated=isolated))
    except MemoryError:
        message = ("breach", "memory")
    except BaseException as exc:  # sent back as is; the caller decides what it means
        message = ("raised", exc)
    try:
        conn.send(message)
    except MemoryError:
        conn.send(("breach", "memory"))
    except Exception as exc:  # an unpicklable exception: say what it was
        conn.send(("raised", RuntimeError(f"{type(exc).__name__} in the reader")))
    conn.close()


def run_bounded(
    target: Callable,
    args: tuple,
    bounds: Bounds,
    *,
    owner: str | None = None,
    on_wait: Callable[[int], None] | None = None,
) -> Any:
    """Call ``target(*args, isolated=...)`` in a bounded child process; return its result.

    An exception raised by the target is raised here. A broken limit raises
    ``LimitError(kind)``. The turn comes from the process's gate (see ``gate``): a caller
    waits up to ``bounds.wall_s``, hearing through ``on_wait(n)`` how many files are
    ahead of it, or gets ``LimitError("busy")``; ``owner`` (a session) reads one file at
    a time; the child may add the memory the tree's budget grants it, at most
    ``bounds.memory_mb``.
    """
    turns = gate(bounds)
    try:
        wait_s = bounds.wall_s if bounds.wait_s is None else bounds.wait_s
        ticket = turns.enter(owner, bounds.memory_mb, wait_s, on_wait)
    except NoTurnError as refused:
        raise LimitError(refused.kind) from None
    workdir = tempfile.mkdtemp(prefix="upload-")
    try:
        granted = dataclasses.replace(bounds, memory_mb=ticket.granted_mb)
        return _run(target, args, granted, workdir)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
        turns.leave(ticket)


def _run(target: Callable, args: tuple, bounds: Bounds, workdir: str):
    ctx = _context()
    receive, send = ctx.Pipe(duplex=False)
    child = ctx.Process(target=_child, args=(send, target, args, bounds, workdir), daemon=True)
    with _context_lock, _no_main_module():
        ctx.set_forkserver_preload(list(PRELOAD))  # read when the forkserver starts
        child.start()  # the first start also starts the forkserver: not counted as reading
    deadline = time.monotonic() + bounds.wall_s
    send.close()
    message = None
    try:
        if receive.poll(max(deadline - time.monotonic(), 0)):
            with contextlib.suppress(EOFError, OSError):
                message = receive.recv()
        elif child.is_alive():
            raise LimitError("wall")
    finally:
        receive.close()
        child.join(timeout=max(min(deadline - time.monotonic(), 2.0), 0.1))
        if child.is_alive():
            child.kill()
            child.join()
        exitcode = child.exitcode
        child.close()
    if message is None:
        raise LimitError(_why(exitcode), bounds.memory_mb)
    status, value = message
    if status == "ok":
        return value
    if status == "breach":
        raise LimitError(value, bounds.memory_mb)
    raise value


def _why(exitcode: int | None) -> str:
    """What a child that sent nothing died of, from its exit code."""
    if exitcode is None:
        return "wall"
    signum = -exitcode
    if signum in (signal.SIGXCPU, signal.SIGKILL):
        return "cpu"  # soft then hard RLIMIT_CPU (SIGKILL is also the kernel's OOM killer)
    if signum in _MEMORY_SIGNALS:
        return "memory"
    return "crash"
