"""Turns to read uploads: first come first served, one per session, where each one stands,
and one memory budget for the server and its reading processes."""

from __future__ import annotations

import dataclasses
import queue
import threading

import pytest

from geo.upload import Limits
from sandbox.gate import Budget, Gate, NoTurnError, forkserver_mb, rss_mb
from sandbox.process import Bounds, LimitError, run_bounded


class Waiter:
    """Another session waiting for its turn on a thread; what it was told, as it was told."""

    def __init__(self, gate: Gate, owner: str, want_mb: int = 100, fail_first: bool = False):
        self.told: queue.Queue[int] = queue.Queue()
        self.result: queue.Queue = queue.Queue()
        self.fail_first = fail_first

        def on_wait(ahead: int) -> None:
            self.told.put(ahead)
            if self.fail_first:
                self.fail_first = False
                raise InterruptedError("the reader clicked elsewhere")

        def run() -> None:
            try:
                self.result.put(gate.enter(owner, want_mb, 30, on_wait))
            except BaseException as exc:
                self.result.put(exc)

        self.thread = threading.Thread(target=run, daemon=True)
        self.thread.start()

    def next_told(self) -> int:
        return self.told.get(timeout=10)

    def outcome(self):
        value = self.result.get(timeout=10)
        self.thread.join(timeout=10)
        return value


def test_a_waiting_file_is_told_at_once_where_it_stands_and_served_in_order():
    gate = Gate(parallel=1, queue=8)
    first = gate.enter("a", 100, 1)
    b = Waiter(gate, "b")
    assert b.next_told() == 1  # at once: one file is being read
    c = Waiter(gate, "c")
    assert c.next_told() == 2
    gate.leave(first)
    assert b.next_told() == 0  # its turn
    assert c.next_told() == 1
    turn_b = b.outcome()
    assert c.result.empty(), "the later file went first"
    gate.leave(turn_b)
    gate.leave(c.outcome())
    assert gate.snapshot() == (0, 0)


def test_one_session_reads_one_file_at_a_time():
    gate = Gate(parallel=2, queue=8)
    turn = gate.enter("session-1", 100, 1)
    with pytest.raises(NoTurnError) as info:
        gate.enter("session-1", 100, 1)
    assert info.value.kind == "busy"
    other = gate.enter("session-2", 100, 1)  # another session still gets the free slot
    gate.leave(turn)
    gate.leave(other)


def test_a_full_queue_says_busy_at_once_instead_of_after_a_wait():
    gate = Gate(parallel=1, queue=1)
    turn = gate.enter("a", 100, 1)
    b = Waiter(gate, "b")
    assert b.next_told() == 1
    with pytest.raises(NoTurnError) as info:
        gate.enter("c", 100, 3600)  # would wait an hour if it were queued
    assert info.value.kind == "busy"
    gate.leave(turn)
    gate.leave(b.outcome())


def test_an_interrupted_wait_keeps_its_place_for_the_same_session():
    gate = Gate(parallel=1, queue=8)
    turn = gate.enter("a", 100, 1)
    b = Waiter(gate, "b", fail_first=True)
    assert b.next_told() == 1
    assert isinstance(b.outcome(), InterruptedError)
    c = Waiter(gate, "c")
    assert c.next_told() == 1  # b's place is kept, but b does not block anyone meanwhile
    b_again = Waiter(gate, "b")
    assert b_again.next_told() == 1
    assert c.next_told() == 2  # b is back, in front of c
    gate.leave(turn)
    gate.leave(b_again.outcome())
    gate.leave(c.outcome())


def fixed_budget(tree_mb: int, server_mb: int, forkserver_mb: int = 50) -> Budget:
    """A budget whose server and forkserver hold fixed amounts; each child may copy 50."""
    return Budget(tree_mb, min_mb=64, copied_mb=50, server=lambda: server_mb,
                  inherited=lambda: forkserver_mb)  # fmt: skip


def test_each_reader_gets_what_the_trees_budget_leaves_and_waits_for_the_rest():
    # 1,400 MB in all: the server holds 300, the forkserver 50, each child may copy 50.
    gate = Gate(parallel=3, queue=8, budget=fixed_budget(1400, 300))
    first = gate.enter("a", 512, 1)
    assert first.granted_mb == 512  # 1400 - 300 - 50 - 50 leaves 1,000
    second = gate.enter("b", 512, 1)
    assert second.granted_mb == 1400 - 300 - 50 - (512 + 50) - 50  # 438: what is left
    c = Waiter(gate, "c", want_mb=512)
    assert c.next_told() == 2  # a slot is free, but no memory: it waits for a reader to end
    gate.leave(first)
    assert c.outcome().granted_mb == 512
    gate.leave(second)


def test_one_budget_is_shared_by_every_gate_that_starts_children():
    budget = fixed_budget(1800, 300)
    uploads, renders = Gate(2, 8, budget), Gate(1, 4, budget)
    reading = uploads.enter("a", 512, 1)
    drawing = renders.enter(None, 384, 1)
    assert drawing.granted_mb == 384
    second = uploads.enter("b", 512, 1)
    assert second.granted_mb == 1800 - 300 - 50 - (512 + 50) - (384 + 50) - 50  # 404
    for gate, turn in ((uploads, reading), (renders, drawing), (uploads, second)):
        gate.leave(turn)
    assert budget.left() == 1800 - 300 - 50 - 50


def test_the_full_lane_leaves_one_quick_turns_memory_free():
    budget = fixed_budget(1400, 300)  # 1,000 MB for a first child
    full, quick = Gate(2, 8, budget, reserve_mb=192), Gate(2, 8, budget)
    big = full.enter("a", 512, 1)
    second = full.enter("b", 512, 1)
    assert second.granted_mb == 1000 - (512 + 50) - 192  # 246: 192 MB stay free
    small = quick.enter("c", 128, 1)
    assert small.granted_mb == 128
    for gate, turn in ((full, big), (full, second), (quick, small)):
        gate.leave(turn)


def test_no_memory_and_nothing_running_is_said_at_once():
    gate = Gate(parallel=2, queue=8, budget=fixed_budget(1000, 950))
    with pytest.raises(NoTurnError) as info:
        gate.enter("a", 512, 3600)
    assert info.value.kind == "no_memory"
    assert gate.snapshot() == (0, 0)


# Run in the reading process (importable from the child).
def hog(*, isolated: bool) -> int:
    chunks = []
    while True:
        chunks.append(bytearray(16 << 20))


def test_a_reading_process_may_add_only_what_the_budget_grants():
    """The ceiling counts this process and the forkserver: the child gets the rest, not
    its own 512 MB, and the reason names what it was granted."""
    tree = rss_mb() + forkserver_mb() + 64 + 180  # leaves ~180 MB for one child
    with pytest.raises(LimitError) as info:
        run_bounded(hog, (), Bounds(memory_mb=512, cpu_s=5, wall_s=30, tree_mb=tree))
    assert info.value.kind == "memory"
    assert 64 <= info.value.memory_mb < 512


def test_a_small_file_is_answered_while_every_full_turn_is_taken():
    """Big or slow files hold the full turns; a small file is first read in a quick lane
    of its own (small limits), so it does not wait behind them."""
    from sandbox.hostile_corpus import BOX, TEST_LIMITS, fc, feature
    from sandbox.process import gate
    from sandbox.reader import read_lanes, read_overlay

    # The full turn stays taken: without a lane of its own the small file would wait for
    # it and be told "busy" after wall_s. A generous wall clock: a busy machine slows the
    # reading down, and that must not fail the test.
    limits = dataclasses.replace(TEST_LIMITS, parallel=1, wall_s=60)
    full = gate(read_lanes(limits, limits.max_bytes)[0])  # the lane of big files
    held = full.enter("a reader of a big file", 100, 1)
    try:
        overlay = read_overlay("mine.geojson", fc(feature(BOX)), limits=limits)
    finally:
        full.leave(held)
    assert overlay.total_km2 > 1000


def test_a_small_file_that_needs_more_than_a_quick_turn_gets_a_full_one():
    from sandbox.hostile_corpus import oblast
    from sandbox.reader import read_overlay

    data = oblast(400_000)  # small, but its reading needs more than 1 MB of memory
    limits = dataclasses.replace(Limits(), quick_memory_mb=1)
    assert len(data) <= limits.quick_bytes
    assert read_overlay("oblast.geojson", data, limits=limits).total_km2 > 25_000
