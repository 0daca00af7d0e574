"""Server-side load: N protocol-level sessions against one `streamlit run`. Prints numbers.

    python -m bench.load_socket                    # 25 sessions for 60 s
    python -m bench.load_socket --sessions 50 --seconds 30 --json PATH

`bench/load.py` drives real browsers; on a 2-core machine 25 Chromium pages need most
of the CPU themselves, so their latencies are mostly queueing behind the browsers. Here
the rerun requests one real browser sends (first load, toggle off, toggle on) are
recorded once, then N WebSocket clients replay them with the same 0.2–1 s pauses: the
server's own work per reader, without rendering on the same cores. All traffic stays on
127.0.0.1; every loop is bounded in time.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

from playwright.sync_api import sync_playwright  # noqa: E402
from websockets.asyncio.client import connect  # noqa: E402

from bench.common import Results, Sampler, chromium, is_finished, ms, pct, rss_mb  # noqa: E402
from bench.pageload import toggles  # noqa: E402  (records a real browser's rerun requests)
from deploy.local import running  # noqa: E402

STEP_TIMEOUT_S = 10.0


def record(url: str) -> list[bytes]:
    """The browser's own rerun requests: first load, toggle off, toggle on."""
    with sync_playwright() as pw:
        browser = pw.chromium.launch(**chromium())
        try:
            return toggles(browser, url, 2)[1]
        finally:
            browser.close()


async def reader(stream: str, requests: list[bytes], seconds: float, i: int) -> dict:
    """One session: first load, then alternate toggle requests until the time is up."""
    rng = random.Random(i)
    out: dict = {"load_ms": None, "toggle_ms": [], "errors": [], "served_by": None}
    await asyncio.sleep(1.0 * i)  # arrivals 1 s apart
    try:
        async with connect(stream, subprotocols=["streamlit"], max_size=None) as ws:
            out["served_by"] = ws.response.headers.get("x-served-by")  # behind HAProxy

            async def rerun(request: bytes) -> float:
                t0 = time.perf_counter()
                await ws.send(request)
                while True:
                    data = await asyncio.wait_for(ws.recv(), STEP_TIMEOUT_S)
                    if is_finished(data):
                        return (time.perf_counter() - t0) * 1000

            out["load_ms"] = await rerun(requests[0])
            deadline, n = time.monotonic() + seconds, 0
            while time.monotonic() < deadline:
                try:
                    out["toggle_ms"].append(await rerun(requests[1 + n % 2]))
                except Exception as exc:  # a timeout counts as an error, the run goes on
                    out["errors"].append(f"{type(exc).__name__}: {exc}"[:150])
                n += 1
                await asyncio.sleep(rng.uniform(0.2, 1.0))
    except Exception as exc:
        out["errors"].append(f"connect: {type(exc).__name__}: {exc}"[:150])
    return out


async def drive(url: str, pid: int, sessions: int, seconds: float) -> dict:
    """All sessions at once, with the server's memory and CPU sampled."""
    requests = await asyncio.to_thread(record, url)
    stream = url.replace("http", "ws", 1) + "/_stcore/stream"
    idle, sampler = rss_mb(pid), Sampler(pid)
    sampler.start()
    try:
        results = await asyncio.gather(
            *(reader(stream, requests, seconds, i) for i in range(sessions))
        )
    finally:
        sampler.finish()
    busy = sampler.busy
    toggles_ms = [v for r in results for v in r["toggle_ms"]]
    loads = [r["load_ms"] for r in results if r["load_ms"] is not None]
    return {
        "sessions": sessions,
        "seconds": seconds,
        "cpus": os.cpu_count(),
        "reruns": len(toggles_ms),
        "errors": sum(len(r["errors"]) for r in results),
        "sessions_with_errors": [i for i, r in enumerate(results) if r["errors"]],
        "first_run_p50_ms": pct(loads, 50),
        "first_run_p95_ms": pct(loads, 95),
        "toggle_p50_ms": pct(toggles_ms, 50),
        "toggle_p95_ms": pct(toggles_ms, 95),
        "toggle_max_ms": max(toggles_ms, default=None),
        "server_cpu_pct_of_one_core": round(
            100 * sampler.cpu_seconds()["server"] / sampler.span(), 1
        ),
        "machine_busy_mean": round(sum(busy) / len(busy), 2) if busy else None,
        "server_idle_rss_mb": round(idle, 1),
        "server_peak_rss_mb": round(sampler.rss_peak["server"], 1),
    }


def main() -> None:
    """Start the app on a free loopback port, replay the sessions, print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=25)
    parser.add_argument("--seconds", type=float, default=60)
    results = Results("load_socket", parser)
    args = parser.parse_args()
    with running() as (url, proc):
        out = asyncio.run(drive(url, proc.pid, args.sessions, args.seconds))
    print(f"socket load: {out['sessions']} sessions x {out['seconds']:.0f} s, one server, "
          f"{out['cpus']} cores")  # fmt: skip
    print(f"  reruns         {out['reruns']}")
    print(f"  errors         {out['errors']} (sessions: {out['sessions_with_errors'] or 'none'})")
    print(f"  first run      p50 {ms(out['first_run_p50_ms'])}  p95 {ms(out['first_run_p95_ms'])}")
    print(f"  toggle rerun   p50 {ms(out['toggle_p50_ms'])}  p95 {ms(out['toggle_p95_ms'])}  "
          f"max {ms(out['toggle_max_ms'])}   (target p95 <= 1000 ms)")  # fmt: skip
    print(f"  server         {out['server_cpu_pct_of_one_core']}% of one core; memory idle "
          f"{out['server_idle_rss_mb']} MB, peak {out['server_peak_rss_mb']} MB; machine "
          f"busy {out['machine_busy_mean']:.0%}")  # fmt: skip
    results.save(args, {"summary": out})


if __name__ == "__main__":
    main()
