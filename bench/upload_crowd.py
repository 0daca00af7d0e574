"""A crowd of uploads at once: fair turns and the memory of the whole process tree.

``bench.upload --part crowd`` runs each scenario twice, with the reader of ``--before``
(a ``git archive`` of it) and with today's, each in a fresh process standing in for a
server: it holds ``--ballast`` MB (a warm replica holds ~300 MB), reads one file first
(a running replica has its forkserver started), then reads the files from threads, one
per reader, as the page does. A psutil thread samples the process
tree (this process, the forkserver, the reading processes) every 0.2 s: peak PSS
(shared pages counted once) and peak RSS.

- ``behind-*``: 4 hostile files at once, then (0.5 s later) a valid 239-byte file: how
  long the valid file waits for its answer, and what each hostile file was told;
- ``memory-*``: 5 hostile files at once: the tree's peak memory against the ceiling.

Prints numbers, asserts nothing.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from sandbox.hostile_corpus import CASES, Ctx

#: scenario → (hostile case, how many at once, whether a valid file follows them)
SCENARIOS = {
    "behind-gpkg": ("GeoPackage with 4,000 empty feature tables", 4, True),
    "behind-star": ("star polygon: small but slow to repair", 4, True),
    "memory-shx": ("zip whose .shx names one large record 5,000 times", 5, False),
    "memory-star": ("star polygon: small but slow to repair", 5, False),
}

RUNNER = r"""
import inspect, json, sys, threading, time
import psutil
hostile, n, valid, ballast_mb = sys.argv[1], int(sys.argv[2]), sys.argv[3], int(sys.argv[4])
follow = sys.argv[5] == "1"  # the valid file also comes after the hostile ones
ballast = bytearray(ballast_mb << 20)
for i in range(0, len(ballast), 4096):
    ballast[i] = 1
import geo.upload
from geo.upload import UploadError
read_overlay = getattr(geo.upload, "read_overlay", None)  # the reader before issue 19
if read_overlay is None:  # since: run in the sandbox package
    from sandbox.reader import read_overlay
fair = "owner" in inspect.signature(read_overlay).parameters
me = psutil.Process()
peak = {"pss_mb": 0.0, "rss_mb": 0.0, "processes": 0}
stop = threading.Event()
def sample():
    while not stop.wait(0.2):
        pss = rss = 0
        procs = [me] + me.children(recursive=True)
        for p in procs:
            try:
                info = p.memory_full_info()
            except (psutil.Error, OSError):
                continue
            pss, rss = pss + info.pss, rss + info.rss
        peak["pss_mb"] = max(peak["pss_mb"], pss / 2**20)
        peak["rss_mb"] = max(peak["rss_mb"], rss / 2**20)
        peak["processes"] = max(peak["processes"], len(procs))
threading.Thread(target=sample, daemon=True).start()
def read(path, owner, out):
    name = path.rsplit("/", 1)[-1].split("-", 1)[1]
    data = open(path, "rb").read()
    t0 = time.monotonic()
    try:
        kw = {"owner": owner} if fair else {}
        ov = read_overlay(name, data, map_area=(48.5, 30.5, 54.0, 42.9), **kw)
        out[owner] = (f"drawn: {len(ov.layer)} feature(s)", time.monotonic() - t0)
    except UploadError as exc:
        out[owner] = (f"refused: {exc}", time.monotonic() - t0)
read(valid, "warm-up", {})  # a running replica has its forkserver started
out = {}
t0 = time.monotonic()
threads = [threading.Thread(target=read, args=(hostile, f"h{i}", out)) for i in range(n)]
for t in threads:
    t.start()
if follow:
    time.sleep(0.5)  # the valid file comes after the hostile ones
    read(valid, "valid", out)
for t in threads:
    t.join()
wall = time.monotonic() - t0
time.sleep(0.5)
stop.set()
print("RESULT " + json.dumps({"out": out, "peak": peak, "wall_s": wall, "fair": fair}))
"""


def run_side(app: Path, hostile: Path, n: int, valid: Path, follow: bool, ballast_mb: int) -> dict:
    """One scenario in a fresh process of the checkout ``app``."""
    proc = subprocess.run(
        [sys.executable, "-c", RUNNER, str(hostile), str(n), str(valid), str(ballast_mb),
         "1" if follow else "0"],
        cwd=app, capture_output=True, text=True, timeout=900,
        env={**os.environ, "PYTHONPATH": str(app)},
    )  # fmt: skip
    lines = [ln for ln in proc.stdout.splitlines() if ln.startswith("RESULT ")]
    if not lines:
        return {"error": (proc.stderr.strip().splitlines() or ["no output"])[-1][:200]}
    return json.loads(lines[-1][7:])


def part_crowd(args, tmp: Path, old_app: Path, new_app: Path) -> dict:
    """Every scenario, before and after; printed as it goes."""
    ctx = Ctx(tmp=tmp / "crowd-scratch", full=True)
    ctx.tmp.mkdir(parents=True, exist_ok=True)
    valid = tmp / "9-mine.geojson"
    valid.write_bytes(CASES["valid geojson"].build(ctx))
    doc = {"ballast_mb": args.ballast, "valid_bytes": valid.stat().st_size, "scenarios": {}}
    print(f"crowd: each side in a fresh process holding {args.ballast} MB (a warm server); "
          f"the valid file is {valid.stat().st_size} bytes\n", flush=True)  # fmt: skip
    for name, (case_name, n, with_valid) in SCENARIOS.items():
        if args.cases and not any(c in name for c in args.cases):
            continue
        case = CASES[case_name]
        hostile = tmp / f"0-{case.filename}"
        hostile.write_bytes(case.build(ctx))
        row = {"case": case_name, "bytes": hostile.stat().st_size, "at_once": n}
        for side, app in (("before", old_app), ("after", new_app)):
            row[side] = run_side(app, hostile, n, valid, with_valid, args.ballast)
        doc["scenarios"][name] = row
        print_crowd(name, row)
    return doc


def print_crowd(name: str, row: dict) -> None:
    print(f"{name}: {row['at_once']} x {row['case']} ({row['bytes'] / 1e6:.1f} MB)")
    for side in ("before", "after"):
        r = row[side]
        if "error" in r:
            print(f"  {side:6s} failed: {r['error']}")
            continue
        outcomes = sorted({text[:70] for owner, (text, _) in r["out"].items() if owner != "valid"})
        slowest = max(s for owner, (_, s) in r["out"].items() if owner != "valid")
        line = (f"  {side:6s} hostile: {'; '.join(outcomes)} (slowest {slowest:.1f} s); "
                f"tree peak PSS {r['peak']['pss_mb']:.0f} MB, RSS {r['peak']['rss_mb']:.0f} MB "
                f"({r['peak']['processes']} processes)")  # fmt: skip
        if "valid" in r["out"]:
            text, took = r["out"]["valid"]
            line += f"\n         valid file behind them: {text[:60]} after {took:.1f} s"
        print(line, flush=True)
    print(flush=True)
