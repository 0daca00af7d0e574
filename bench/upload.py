"""Upload bench: the worst hostile files, read by the old reader and by the bounded one.

Prints numbers and asserts nothing. Three parts (all by default, or pick with --part):

- ``reader``: each case of ``sandbox/hostile_corpus.py`` at full size (``full=True``) is
  read by the reader of ``--before`` (default: the commit before issue 12, run from a
  ``git archive`` of it) in a fresh process with safety caps, and by today's
  ``sandbox.reader.read_overlay`` with the app's limits. For each: the outcome, the peak
  memory and CPU seconds of the process that read it, wall time, the bytes of the drawn
  layer sent to the browser, and whether a loopback listener saw a request or a local
  canary file showed up in the result.
- ``startup``: what a reading process costs to start: the forkserver's first start,
  later forks, and a ``spawn`` child for comparison.
- ``crowd``: several hostile uploads at once (``bench/upload_crowd.py``): how long a
  valid file behind 4 hostile ones waits, and the process tree's peak memory with 5 at
  once, with the reader of ``--crowd-before`` (default: main before issue 18) and today's.
- ``sessions``: server memory over N upload sessions (``--sessions``, 20) in headless
  Chromium against ``streamlit run`` of the old and the new app: each session opens the
  page, uploads a file, waits for the answer and closes; RSS of the server is read
  (psutil) after each, after the last one closed, and once Streamlit has dropped the
  closed sessions (``--settle`` seconds). See ``bench/upload_sessions.py``.

    .venv/bin/python -m bench.upload                       # ~45 min on 2 cores
    .venv/bin/python -m bench.upload --part reader --cases zigzag,cross --json PATH
    .venv/bin/python -m bench.upload --part crowd                 # ~5 min
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

from bench.common import Results, checkout, pct  # noqa: E402
from components.present.user_layer import user_group  # noqa: E402
from components.render.folium_payload import overlay_script  # noqa: E402
from geo.upload import Limits, UploadError  # noqa: E402
from sandbox import reader as new_reader  # noqa: E402
from sandbox.hostile_corpus import CANARY, CASES, Ctx, Listener, canary_csv  # noqa: E402

#: The reader before issue 12 (the last commit of main before this branch).
BEFORE = "00215d2"
#: The reader before issue 18 (fair turns, one memory budget for the tree).
CROWD_BEFORE = "7868e99"
#: The issue's worst cases, in its order, plus the valid file the limits must let through.
WORST = [
    "GeoPackage view with a cross join",
    "GeoPackage view with a recursive CTE",
    "zigzag polygon (9 MB GeoJSON, self-intersecting)",
    "multipolygon of overlapping parts (9.8 MB)",
    "star polygon: small but slow to repair",
    "junk properties 1000 x 20",
    "junk properties 5000 x 40",
    "property names vary (3 MB)",
    "3.6 million vertices in an 857 kB zip",
    "NaN coordinate",
    "encrypted zip member",
    "VRT named .geojson reads a local file",
    "VRT named .geojson fetches a URL",
    "GeoJSON crs link (fetched before)",
    "kml with a network link: polygon drawn, link not followed",
    "a real oblast, 10 MB GeoJSON",
]

OLD_RUNNER = r"""
import json, resource, sys, time
name, path = sys.argv[1:3]
from geo.upload import UploadError, read_overlay  # the old checkout's, on PYTHONPATH
data = open(path, "rb").read()
base = resource.getrusage(resource.RUSAGE_SELF)
t0 = time.monotonic()
out = {}
try:
    ov = read_overlay(name, data)
    out["outcome"] = f"accepted: {len(ov.layer)} feature(s), {ov.total_km2:,.1f} km2"
    out["props"] = json.dumps(list(ov.layer["properties"]))[:20000]
except UploadError as exc:
    ov, out["outcome"] = None, "refused: " + str(exc).split(". Accepted")[0]
except BaseException as exc:
    ov, out["outcome"] = None, f"raw {type(exc).__name__}: {str(exc)[:80]}"
end = resource.getrusage(resource.RUSAGE_SELF)
out["read_cpu_s"] = end.ru_utime + end.ru_stime - base.ru_utime - base.ru_stime
out["read_wall_s"] = time.monotonic() - t0
out["read_peak_mb"] = end.ru_maxrss / 1024
print("RESULT " + json.dumps(out), flush=True)
if ov is not None:  # what the page then sends to the browser for this layer
    from components.folium_payload import overlay_script
    from components.upload import user_group
    out["drawn_bytes"] = len(json.dumps(overlay_script(user_group(ov, "en"), idx=1)))
    print("RESULT " + json.dumps(out), flush=True)
"""


def run_old(app: Path, name: str, data_path: Path, cap_mb: int, cap_s: int) -> dict:
    """The old reader (and the old page's drawing of its result) in a fresh process of the
    old checkout, capped: address space, CPU seconds, wall time."""

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (cap_mb << 20,) * 2)
        resource.setrlimit(resource.RLIMIT_CPU, (cap_s, cap_s + 1))
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))

    t0 = time.monotonic()
    proc = subprocess.Popen(
        [sys.executable, "-c", OLD_RUNNER, name, str(data_path)],
        cwd=app, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
        preexec_fn=limit, env={**os.environ, "PYTHONPATH": str(app)},
    )  # fmt: skip
    timer = threading.Timer(cap_s * 2 + 30, proc.kill)
    timer.start()
    stdout = proc.stdout.read()
    _, status, usage = os.wait4(proc.pid, 0)  # this child's own peak memory and CPU
    timer.cancel()
    proc.returncode = code = os.waitstatus_to_exitcode(status)
    lines = [ln for ln in stdout.splitlines() if ln.startswith("RESULT ")]
    out = json.loads(lines[-1][7:]) if lines else {}
    if not lines:
        out["outcome"] = f"process died (exit {code}{', cap hit' if code in (-9, -24) else ''})"
    out["peak_rss_mb"] = out.get("read_peak_mb", usage.ru_maxrss / 1024)
    out["cpu_s"] = out.get("read_cpu_s", usage.ru_utime + usage.ru_stime)
    out["wall_s"] = out.get("read_wall_s", time.monotonic() - t0)
    out["with_drawing_peak_mb"] = usage.ru_maxrss / 1024
    return out


def run_new(case_name: str, filename: str, data: bytes, limits: Limits) -> dict:
    stats: dict = {}
    original = new_reader._overlay

    def spy(name, out, lim, area):
        stats.update(out["stats"])
        return original(name, out, lim, area)

    new_reader._overlay = spy
    server_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    t0 = time.monotonic()
    try:
        overlay = new_reader.read_overlay(
            filename, data, limits=limits, map_area=(48.5, 30.5, 54.0, 42.9)
        )
        drawn = len(json.dumps(overlay_script(user_group(overlay, "en"), idx=1)))
        notes = ", ".join(n.code for n in overlay.notes)
        outcome = f"drawn: {len(overlay.layer)} feature(s), {overlay.total_km2:,.1f} km2"
        outcome += f" [{notes}]" if notes else ""
        props = json.dumps(list(overlay.layer["properties"]))
    except UploadError as exc:
        outcome, props, drawn = f"refused: {exc}", "", None
        stats.update(exc.stats)
    finally:
        new_reader._overlay = original
    return {
        "outcome": outcome,
        "props": props[:20000],
        "wall_s": time.monotonic() - t0,
        "peak_rss_mb": stats.get("peak_rss_mb"),
        "cpu_s": stats.get("cpu_s"),
        "isolated": stats.get("isolated"),
        "drawn_bytes": drawn,
        "server_peak_growth_mb": (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
                                  - server_before) / 1024,
    }  # fmt: skip


def part_reader(args, tmp: Path) -> dict:
    listener = Listener()
    ctx = Ctx(tmp=tmp / "scratch", url=listener.url, full=True)
    ctx.tmp.mkdir(parents=True, exist_ok=True)
    ctx.canary = canary_csv(ctx.tmp / "canary.csv")
    old_app = checkout(args.before, tmp)
    names = [n for n in WORST if not args.cases or any(c in n for c in args.cases)]
    rows = []
    # the old reader's imports, once, to read its peak memory against
    empty = tmp / "tiny.geojson"
    empty.write_bytes(CASES["valid geojson"].build(ctx))
    floor = run_old(old_app, "tiny.geojson", empty, args.cap_mb, args.cap_s)
    print(f"old reader, a 225-byte valid file: peak {floor['peak_rss_mb']:.0f} MB, "
          f"{floor['cpu_s']:.1f} s CPU (imports included)\n", flush=True)  # fmt: skip
    for name in names:
        case = CASES[name]
        data = case.build(ctx)
        path = tmp / "case.bin"
        path.write_bytes(data)
        row = {"case": name, "bytes": len(data)}
        for side in ("before", "after"):
            listener.seen.clear()
            if side == "before":
                result = run_old(old_app, case.filename, path, args.cap_mb, args.cap_s)
            else:
                result = run_new(name, case.filename, data, Limits())
            time.sleep(0.2)  # let a request in flight reach the listener
            result["requests"] = list(listener.seen)
            result["canary_shown"] = CANARY in result.pop("props", "")
            row[side] = result
        rows.append(row)
        print_row(row, args)
    return {"floor_old": floor, "rows": rows, "cap_mb": args.cap_mb, "cap_s": args.cap_s}


def print_row(row: dict, args) -> None:
    print(f"{row['case']}  ({row['bytes'] / 1e6:.2f} MB)")
    for side in ("before", "after"):
        r = row[side]
        extra = []
        if r["requests"]:
            extra.append(f"{len(r['requests'])} request(s) to the listener: {r['requests'][:3]}")
        if r["canary_shown"]:
            extra.append("the local canary file's content is in the popup")
        peak = r.get("peak_rss_mb")
        if r.get("drawn_bytes"):
            extra.append(f"drawn layer {r['drawn_bytes'] / 1e3:,.0f} kB to the browser")
        print(
            f"  {side:6s} {r['outcome'][:90]}\n"
            f"         peak {peak or 0:7.0f} MB  cpu {r.get('cpu_s') or 0:6.1f} s  "
            f"wall {r['wall_s']:6.1f} s  {'; '.join(extra)}"
        )
    print(flush=True)


def part_startup(args) -> dict:
    """Start-up cost of a reading process: forkserver (first, later) against spawn."""
    from sandbox.process import Bounds, probe, run_bounded

    bounds = Bounds(memory_mb=512, cpu_s=10, wall_s=60)
    times = {}
    t0 = time.monotonic()
    run_bounded(probe, (), bounds)
    times["forkserver_first_s"] = time.monotonic() - t0
    later = []
    for _ in range(10):
        t0 = time.monotonic()
        run_bounded(probe, (), bounds)
        later.append(time.monotonic() - t0)
    times["forkserver_later_median_s"] = pct(later, 50)
    spawn = mp.get_context("spawn")
    samples = []
    for _ in range(3):
        t0 = time.monotonic()
        with spawn.Pool(1) as pool:
            pool.apply(probe, kwds={"isolated": False})
        samples.append(time.monotonic() - t0)
    times["spawn_median_s"] = pct(samples, 50)
    print(
        "start-up of a reading process: forkserver first call "
        f"{times['forkserver_first_s'] * 1000:.0f} ms (starts the server, imports the geo "
        f"stack), later calls {times['forkserver_later_median_s'] * 1000:.0f} ms; "
        f"spawn {times['spawn_median_s'] * 1000:.0f} ms per call\n",
        flush=True,
    )
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--part", choices=["reader", "startup", "crowd", "sessions", "all"],
                        default="all")  # fmt: skip
    parser.add_argument("--cases", type=lambda s: s.split(","), default=None,
                        help="comma-separated substrings of case names (reader part)")  # fmt: skip
    parser.add_argument("--before", default=BEFORE, help="git revision of the old reader")
    parser.add_argument("--cap-mb", type=int, default=4096, help="old reader: address space")
    parser.add_argument("--cap-s", type=int, default=90, help="old reader: CPU seconds")
    parser.add_argument("--crowd-before", default=CROWD_BEFORE,
                        help="git revision of the reader before issue 18 (crowd part)")  # fmt: skip
    parser.add_argument("--ballast", type=int, default=350,
                        help="crowd part: MB the stand-in server holds")  # fmt: skip
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--settle", type=float, default=150.0)
    results = Results("upload", parser, stem="upload[-PART]")
    args = parser.parse_args()
    doc = {}
    with tempfile.TemporaryDirectory(prefix="bench-upload-") as tmp:
        if args.part in ("startup", "all"):
            doc["startup"] = part_startup(args)
        if args.part in ("reader", "all"):
            doc["reader"] = part_reader(args, Path(tmp))
        if args.part in ("crowd", "all"):
            from bench.upload_crowd import part_crowd

            old_app = checkout(args.crowd_before, Path(tmp))
            doc["crowd"] = part_crowd(args, Path(tmp), old_app, ROOT)
        if args.part in ("sessions", "all"):
            from bench.upload_sessions import part_sessions

            doc["sessions"] = part_sessions(args, Path(tmp))
    results.save(args, doc, name="upload" if args.part == "all" else f"upload-{args.part}")


if __name__ == "__main__":
    main()
