"""The bounded reading process: each limit ends it with its own reason, the caller lives."""

from __future__ import annotations

import dataclasses
import multiprocessing as mp
import os
import pickle
import signal
import threading

import pytest

from geo.upload.model import UploadError
from sandbox.lockdown import drivers, filesystems, lock_down
from sandbox.process import Bounds, LimitError, run_bounded

SMALL = Bounds(memory_mb=96, cpu_s=1, wall_s=5)


# Targets run in the child; they must be importable functions (the child imports this module).
def spin(*, isolated: bool) -> None:
    while True:
        pass


def hog(*, isolated: bool) -> int:
    chunks = []
    while True:
        chunks.append(bytearray(16 << 20))


def block(*, isolated: bool) -> None:
    threading.Event().wait()  # never returns: only the wall-clock limit ends it


def hold(started, release, *, isolated: bool) -> None:
    """Take a reading slot, say so, and keep it until the test releases it."""
    started.set()
    release.wait(120)


def die(*, isolated: bool) -> None:
    os.kill(os.getpid(), signal.SIGTERM)


def refuse(*, isolated: bool) -> None:
    raise UploadError("too_many_vertices", n=5, limit=4)


def report(*, isolated: bool) -> dict:
    return {"isolated": isolated, "cwd": os.getcwd(), "tmp": os.environ.get("TMPDIR")}


def locked(driver: str | None, *, isolated: bool) -> tuple[list[str], list[str]]:
    lock_down(driver)
    return drivers(), filesystems()


#: The CPU case gets a long wall limit: the child runs at a lower priority, so on a busy
#: machine its one CPU second can take many seconds of wall time.
@pytest.mark.parametrize(
    ("target", "args", "kind", "wall_s"),
    [(spin, (), "cpu", 60), (hog, (), "memory", 30), (block, (), "wall", 2),
     (die, (), "crash", 30)],
    ids=["cpu", "memory", "wall", "crash"],
)  # fmt: skip
def test_each_limit_ends_the_child_with_its_reason(target, args, kind, wall_s):
    # No target ends by itself (it spins, grows, blocks or is killed): an answer at all
    # means the limit ended it, and its kind says which one did.
    with pytest.raises(LimitError) as info:
        run_bounded(target, args, Bounds(memory_mb=96, cpu_s=1, wall_s=wall_s))
    assert info.value.kind == kind


def test_a_reason_raised_in_the_child_arrives_whole():
    with pytest.raises(UploadError) as info:
        run_bounded(refuse, (), SMALL)
    assert (info.value.code, info.value.params) == ("too_many_vertices", {"n": 5, "limit": 4})


def test_upload_error_survives_pickling_with_its_numbers():
    error = pickle.loads(pickle.dumps(UploadError("memory", limit=512)))
    assert (error.code, error.params) == ("memory", {"limit": 512})


def test_child_works_in_a_private_directory_without_network():
    out = run_bounded(report, (), SMALL)
    assert out["cwd"] == out["tmp"]
    assert os.path.basename(out["cwd"]).startswith("upload-")
    assert not os.path.exists(out["cwd"]), "the private directory is removed after"
    if not out["isolated"] and os.geteuid() != 0:
        pytest.skip("this kernel gives no network namespace to unprivileged processes")
    assert out["isolated"]


def test_an_upload_beyond_the_parallel_limit_waits_then_is_told_the_server_is_busy():
    forkserver = mp.get_context("forkserver")  # the sandbox's own context
    started, release = forkserver.Event(), forkserver.Event()
    one_slot = Bounds(memory_mb=96, cpu_s=5, wall_s=120, parallel=1)
    holder = threading.Thread(target=run_bounded, args=(hold, (started, release), one_slot))
    holder.start()
    try:
        assert started.wait(120), "the first upload never started reading"
        with pytest.raises(LimitError) as info:  # the only slot is taken: wait 0.2 s, give up
            run_bounded(block, (), dataclasses.replace(one_slot, wall_s=0.2))
        assert info.value.kind == "busy"
    finally:
        release.set()
        holder.join()


@pytest.mark.parametrize("driver", ["KML", "GPKG", "ESRI Shapefile", None])
def test_lock_down_leaves_one_driver_and_no_virtual_file_system(driver):
    names, prefixes = run_bounded(locked, (driver,), Bounds(memory_mb=256, cpu_s=5, wall_s=10))
    assert names == ([driver] if driver else [])
    assert prefixes == ["/vsimem/"]


@pytest.mark.parametrize(
    ("case", "driver"),
    [
        ("valid geojson", None),
        ("valid kml", "KML"),
        ("valid gpkg in utm", "GPKG"),
        ("valid zipped shapefile in a folder", "ESRI Shapefile"),
    ],
)
def test_the_reading_child_locks_gdal_down_before_gdal_opens_the_file(
    case, driver, tmp_path, monkeypatch
):
    """What the child runs (``reader.parse``) hands the readers the lock-down, and each
    reader calls it with its one driver before GDAL opens anything. Run in this process
    with the lock recorded, not applied (applied, it would close GDAL here for good)."""
    import pyogrio

    from sandbox import reader
    from sandbox.hostile_corpus import CASES, TEST_LIMITS, Ctx

    events: list[tuple[str, str | None]] = []
    monkeypatch.setattr(reader, "lock_down", lambda name: events.append(("lock", name)))
    for name in ("list_layers", "read_info", "read_dataframe"):
        opener = getattr(pyogrio, name)

        def recorded(*args, _opener=opener, _name=name, **kwargs):
            events.append(("gdal", _name))
            return _opener(*args, **kwargs)

        monkeypatch.setattr(pyogrio, name, recorded)
    monkeypatch.chdir(tmp_path)
    upload = CASES[case]
    out = reader.parse(upload.filename, upload.build(Ctx(tmp=tmp_path)), TEST_LIMITS,
                       isolated=False)  # fmt: skip
    assert out["area_km2"]
    assert events[0] == ("lock", driver)
    assert [e for e in events if e[0] == "lock"] == [("lock", driver)]
    assert (driver is None) == (len(events) == 1)  # GeoJSON: Python's parser, no GDAL
