"""Load bench: N concurrent readers in headless Chromium against one `streamlit run`.

Prints numbers and asserts nothing. The target to read against: 25 sessions, 0 errors,
p95 toggle <= 1 s. Browsers and server share this machine's cores, so the bench also
reports who used the CPU: when the browsers eat most of it, the latencies include
queueing behind them, and the figures say so rather than blame (or flatter) the server.

    .venv/bin/python -m bench.load [--sessions 25] [--seconds 60] [--json PATH]
    .venv/bin/python -m bench.load --sessions 1 --seconds 60 --flood 1200   # issue 18

Each session loads the app, then until its time is up toggles the Russian claim, steps
the date (slider arrow key or "Next/Previous claim") or pans the map (the drag of
bench/pageload.py), with a random 0.2-1 s pause between actions. All traffic stays on
127.0.0.1 (Chromium resolves no other host name); every loop is bounded in count and time.
With ``--flood N`` one more client asks for N distinct PNG exports, 10 at a time, while
the readers act (bench/flood.py; ``--flood-client hammer``: never waiting on a 503); the
server's memory is read again ``--settle`` seconds after it ends. ``--app`` serves
another checkout (the code before a change).
Over 300 lines: one reader's three actions, the arrival modes and a report that says
who used the CPU belong together; the shared parts live in bench/common.py.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import tempfile
import threading
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

ROOT = Path(__file__).resolve().parents[1]

from playwright.async_api import Browser, Frame, Page, async_playwright  # noqa: E402

from bench.common import (  # noqa: E402
    MAP,
    TOGGLE,
    Results,
    Sampler,
    chromium,
    drag,
    is_rerun,
    ms,
    pct,
    rss_mb,
)
from bench.flood import Flood  # noqa: E402
from components.present.fmt import fmt_date  # noqa: E402  (the legend writes dates so)
from deploy.local import running  # noqa: E402

TOGGLE_INPUT = ".st-key-ru input"
SLIDER = ".st-key-date input[type=range]"
EXCEPTION = '[data-testid="stException"]'
#: An action slower than this counts as an error (the brief's "timeout > 10 s").
ACTION_TIMEOUT_MS = 10_000
#: A load is timed out only after this; loads over ACTION_TIMEOUT_MS are counted apart.
LOAD_TIMEOUT_MS = 180_000
#: Date steps stay between these (both sides have a drawn zone on every day in between).
DATE_LOW, DATE_HIGH = "2024-08-12", "2024-11-23"
DATE_SEED = "2024-08-12"
#: Share of actions that step the date, and that pan the map; the rest toggle.
DATE_SHARE, PAN_SHARE = 0.25, 0.25
#: Hard cap on actions per session, on top of the time limit.
MAX_ACTIONS = 1000

#: Top page: when the reader clicked or pressed a key, on the page's own (epoch) clock.
INIT_JS = """
(() => {
  if (window !== window.top) return;
  const B = (window.__lb = { input: [] });
  const mark = () => B.input.push(performance.timeOrigin + performance.now());
  document.addEventListener("click", mark, true);
  document.addEventListener("keydown", mark, true);
})();
"""

#: Map iframe: when path.claim-ru appeared or went. Returns true if freshly installed.
IFRAME_JS = """
() => {
  if (window.__lb) return false;
  const B = (window.__lb = { ru: [] });
  let has = document.querySelector("path.claim-ru") !== null;
  new MutationObserver(() => {
    const now = document.querySelector("path.claim-ru") !== null;
    if (now !== has) { has = now; B.ru.push(performance.timeOrigin + performance.now()); }
  }).observe(document, { childList: true, subtree: true });
  return true;
}
"""


@dataclass
class Session:
    """What one reader experienced (times in ms; start/end on the bench's monotonic clock)."""

    load_ms: float | None = None
    toggle_ms: list[float] = field(default_factory=list)
    toggle_page_ms: list[float] = field(default_factory=list)  # click -> path changed, in page
    date_url_ms: dict[str, list[float]] = field(default_factory=lambda: {"key": [], "button": []})
    date_map_ms: list[float] = field(default_factory=list)  # until the map legend shows it
    pan_ms: list[float] = field(default_factory=list)  # mouse up -> lat/lon in the URL changed
    pan_reruns: list[int] = field(default_factory=list)  # script runs asked for per pan
    reruns: int = 0  # script runs this page asked for so far
    errors: list[str] = field(default_factory=list)
    start: float = 0.0
    end: float = 0.0


def url_date(url: str) -> str:
    """The date= parameter of a page URL (the seed date before the app writes it)."""
    return parse_qs(urlsplit(url).query).get("date", [DATE_SEED])[-1]


def url_view(url: str) -> tuple[str, ...]:
    """The lat=, lon= and z= parameters of a page URL (empty before the map reports)."""
    query = parse_qs(urlsplit(url).query)
    return tuple(query.get(k, [""])[-1] for k in ("lat", "lon", "z"))


def short(exc: BaseException) -> str:
    """One line naming an exception, short enough to print."""
    lines = str(exc).strip().splitlines() or [""]
    return f"{type(exc).__name__}: {lines[0][:140]}"


async def map_frame(page: Page) -> Frame:
    """The map iframe's frame, with the claim observer installed."""
    handle = await page.wait_for_selector(MAP, state="attached")
    frame = await handle.content_frame()
    if frame is None:
        raise RuntimeError("map iframe has no frame")
    await frame.evaluate(IFRAME_JS)
    return frame


async def toggle(page: Page, result: Session) -> None:
    """Flip the Russian claim; time until its path went or came (harness and in page)."""
    frame = await map_frame(page)
    shown = await page.locator(TOGGLE_INPUT).first.is_checked()
    t0 = time.perf_counter()
    await page.locator(TOGGLE).first.click()
    await (
        page.frame_locator(MAP)
        .locator("path.claim-ru")
        .first.wait_for(state="detached" if shown else "attached")
    )
    took = (time.perf_counter() - t0) * 1000
    result.toggle_ms.append(took)
    if took > ACTION_TIMEOUT_MS:  # click and wait each stayed under the limit, not both
        result.errors.append(f"slow: toggle took {took:.0f} ms")
    clicked = await page.evaluate("window.__lb.input.at(-1)")
    changed = await frame.evaluate("window.__lb ? window.__lb.ru.at(-1) : null")
    if clicked is not None and changed is not None and changed >= clicked:
        result.toggle_page_ms.append(changed - clicked)


async def step_date(page: Page, result: Session, rng: random.Random) -> None:
    """Move the date one step, turning back at the ends; time the URL and the map legend."""
    before = url_date(page.url)
    forward = before < DATE_HIGH if before > DATE_LOW else True
    kind = rng.choice(["key", "button"])
    t0 = time.perf_counter()
    if kind == "key":
        await page.locator(SLIDER).first.press("ArrowRight" if forward else "ArrowLeft")
    else:
        name = "Next claim ▶" if forward else "◀ Previous claim"
        await page.get_by_role("button", name=name).click()
    await page.wait_for_url(lambda u: url_date(u) != before)
    took = (time.perf_counter() - t0) * 1000
    result.date_url_ms[kind].append(took)
    if took > ACTION_TIMEOUT_MS:
        result.errors.append(f"slow: date step took {took:.0f} ms")
    legend = page.frame_locator(MAP).locator(".claims-legend")
    await legend.get_by_text(fmt_date(url_date(page.url), "en")).first.wait_for()
    result.date_map_ms.append((time.perf_counter() - t0) * 1000)


async def pan(page: Page, result: Session, i: int) -> int:
    """Drag the map as bench/pageload.py does; time mouse up -> lat/lon in the URL changed
    (the map's 250 ms debounce, the rerun, the URL). Returns the reruns asked for before."""
    before, asked = url_view(page.url), result.reruns
    await page.locator(MAP).scroll_into_view_if_needed()
    for name, args, kwargs in drag(await page.locator(MAP).bounding_box(), i):
        await getattr(page.mouse, name)(*args, **kwargs)
    t0 = time.perf_counter()
    await page.wait_for_url(lambda u: url_view(u) != before)
    took = (time.perf_counter() - t0) * 1000
    result.pan_ms.append(took)
    if took > ACTION_TIMEOUT_MS:
        result.errors.append(f"slow: pan took {took:.0f} ms")
    return asked


def count_reruns(result: Session, ws: Any) -> None:
    """Count the script runs this page's Streamlit socket asks for."""

    def sent(data: bytes | str) -> None:
        if isinstance(data, bytes) and is_rerun(data):
            result.reruns += 1

    ws.on("framesent", sent)


async def reader(
    browser: Browser,
    url: str,
    seconds: float,
    seed: int,
    loaded: asyncio.Event | None = None,
    go: asyncio.Event | None = None,
) -> Session:
    """One reader: load the app, signal `loaded`, wait for `go`, then act until time is up."""
    rng = random.Random(seed)
    result = Session()
    context = await browser.new_context(viewport={"width": 1280, "height": 900})
    await context.add_init_script(INIT_JS)
    page = await context.new_page()
    page.set_default_timeout(ACTION_TIMEOUT_MS)
    page.on("pageerror", lambda exc: result.errors.append(f"pageerror: {exc}"[:160]))
    page.on("websocket", lambda ws: count_reruns(result, ws))
    try:
        try:
            start = time.perf_counter()
            await page.goto(url, wait_until="commit", timeout=LOAD_TIMEOUT_MS)
            claim = page.frame_locator(MAP).locator("path.claim-ua").first
            await claim.wait_for(timeout=LOAD_TIMEOUT_MS)
            result.load_ms = (time.perf_counter() - start) * 1000
        finally:
            if loaded is not None:
                loaded.set()
        if go is not None:
            await go.wait()
        result.start = time.monotonic()
        deadline = result.start + seconds
        for n in range(MAX_ACTIONS):
            if time.monotonic() >= deadline:
                break
            asked, roll = None, rng.random()
            try:
                if roll < DATE_SHARE:
                    await step_date(page, result, rng)
                elif roll < DATE_SHARE + PAN_SHARE:
                    asked = await pan(page, result, n)
                else:
                    await toggle(page, result)
                if await page.locator(EXCEPTION).count():
                    result.errors.append("stException shown on the page")
                    break
            except Exception as exc:  # a timeout or a broken page: count it and go on
                result.errors.append(short(exc))
            await asyncio.sleep(rng.uniform(0.2, 1.0))
            if asked is not None:  # a pan's reruns: from the drag to the end of the pause
                result.pan_reruns.append(result.reruns - asked)
        result.end = time.monotonic()
    except Exception as exc:
        result.errors.append(f"load: {short(exc)}")
    finally:
        await context.close()
    return result


async def drive(url: str, args: argparse.Namespace, sampler: Sampler) -> dict[str, Any]:
    """Warm the server with one reader alone, then bring in all readers.

    `staggered`: readers arrive `stagger` s apart and act as soon as they have loaded
    (loads pile up on the client). `one-by-one`: each reader loads while the earlier
    ones sit idle, then all act together; CPU is sampled over that window only, so the
    server's cost per action is not mixed with page loads.
    """
    async with async_playwright() as pw:
        browsers = [
            await pw.chromium.launch(**chromium(offline=True)) for _ in range(args.browsers)
        ]
        warm = await reader(browsers[0], url, 0, seed=-1)
        warm_rss = rss_mb(sampler.server_pid)
        t0 = time.monotonic()
        if args.arrive == "staggered":

            async def arrive(i: int) -> Session:
                await asyncio.sleep(args.stagger * i)
                return await reader(browsers[i % len(browsers)], url, args.seconds, seed=i)

            sampler.start()
            tasks = [asyncio.ensure_future(arrive(i)) for i in range(args.sessions)]
        else:
            go = asyncio.Event()
            tasks = []
            for i in range(args.sessions):
                loaded = asyncio.Event()
                browser = browsers[i % len(browsers)]
                tasks.append(
                    asyncio.ensure_future(reader(browser, url, args.seconds, i, loaded, go))
                )
                await loaded.wait()  # bounded: the reader sets it after LOAD_TIMEOUT_MS at most
            sampler.start()
            go.set()
        loads_s = time.monotonic() - t0
        flood, readers_done = None, threading.Event()
        if args.flood:  # as long as the readers act, and at least --flood requests
            flood = Flood(url, args.flood, args.flood_parallel, retry=args.flood_client == "retry")
            flooding = asyncio.ensure_future(asyncio.to_thread(flood.run, readers_done))
        try:
            results = list(await asyncio.gather(*tasks))
        finally:
            readers_done.set()
            if flood is not None:
                await flooding
            sampler.finish()
        wall = time.monotonic() - t0
        for browser in browsers:
            await browser.close()
    return {"warm": warm, "warm_rss": warm_rss, "results": results, "wall": wall,
            "loads_s": loads_s, "flood": flood.summary() if flood else None}  # fmt: skip


def summarise(
    args: argparse.Namespace, run: dict[str, Any], sampler: Sampler, memory: dict
) -> dict[str, Any]:
    """Figures from the sessions and the samples (plain data, for printing and JSON)."""
    results: list[Session] = run["results"]

    def every(name: str) -> list[float]:
        return [v for r in results for v in getattr(r, name)]

    by_kind = {k: [v for r in results for v in r.date_url_ms[k]] for k in ("key", "button")}
    toggles, dates = every("toggle_ms"), by_kind["key"] + by_kind["button"]
    loads = [r.load_ms for r in results if r.load_ms is not None]
    active = [r for r in results if r.end > r.start > 0]
    together = (
        max(0.0, min(r.end for r in active) - max(r.start for r in active))
        if len(active) == len(results)
        else 0.0
    )
    span, cpu_s = sampler.span(), sampler.cpu_seconds()
    cpu = {k: round(v / span, 2) for k, v in cpu_s.items()}
    actions = len(toggles) + len(dates) + len(every("pan_ms"))
    busy, cpus = sampler.busy, os.cpu_count() or 1
    out: dict[str, Any] = {
        "sessions": args.sessions, "seconds": args.seconds, "arrive": args.arrive,
        "stagger_s": args.stagger, "browsers": args.browsers, "cpus": cpus,
        "loads_phase_s": round(run["loads_s"], 1), "sampled_s": round(span, 1),
        "wall_s": round(run["wall"], 1), "all_active_together_s": round(together, 1),
        "toggles": len(toggles), "date_steps": len(dates), "pans": len(every("pan_ms")),
        "errors_total": sum(len(r.errors) for r in results),
        "errors_per_session": [len(r.errors) for r in results],
        "server_log_problems": memory["log_problems"],
        "load_max_ms": max(loads, default=None),
        "loads_over_10s": sum(1 for v in loads if v > ACTION_TIMEOUT_MS),
        "first_load_after_start_ms": run["warm"].load_ms,
        "toggle_max_ms": max(toggles, default=None),
        "toggle_p90_ms": pct(toggles, 90),
        "flood": run["flood"],
        "reruns_per_pan_max": max(every("pan_reruns"), default=None),
    }  # fmt: skip
    for name, values in {
        "load": loads, "toggle": toggles, "toggle_in_page": every("toggle_page_ms"),
        "date": dates, "date_map": every("date_map_ms"), "pan": every("pan_ms"),
    }.items():  # fmt: skip
        out[f"{name}_p50_ms"], out[f"{name}_p95_ms"] = pct(values, 50), pct(values, 95)
    out["date_key_p50_ms"], out["date_button_p50_ms"] = (pct(v, 50) for v in by_kind.values())
    out["reruns_per_pan_p50"] = pct(every("pan_reruns"), 50)
    peak_mb = sampler.rss_peak["server"]
    out |= {
        "server_rss_idle_mb": round(memory["idle"], 1),
        "server_rss_warm_mb": round(memory["warm"], 1),
        "server_rss_peak_mb": round(peak_mb, 1),
        "server_rss_after_mb": round(memory["after"], 1),
        "server_rss_settled_mb": memory.get("settled"),
        "settle_s": memory.get("settle_s"),
        "server_mb_per_session": round((peak_mb - memory["warm"]) / max(1, args.sessions), 1),
        "cpu_cores_used": cpu,
        "server_cores_p95": pct(sampler.server_cores, 95),
        # Server CPU per reader action (staggered: loads folded in): what the server could
        # serve if the client kept up.
        "server_cpu_ms_per_action": (
            round(cpu_s["server"] * 1000 / actions, 1) if actions else None
        ),
        "machine_busy_mean": round(sum(busy) / len(busy), 2) if busy else None,
        # Everything else on the machine (other jobs would skew the figures).
        "other_cores": (
            round(max(0.0, sum(busy) / len(busy) * cpus - sum(cpu.values())), 2) if busy else None
        ),
        "machine_busy_over_90pct_share": (
            round(sum(1 for b in busy if b >= 0.9) / len(busy), 2) if busy else None
        ),
        "chromium_rss_peak_mb": round(sampler.rss_peak["chromium"], 1),
        "per_session": [asdict(r) for r in results],
    }
    return out


def report(out: dict[str, Any]) -> None:
    """Print the figures, one line per question."""

    def spread(name: str) -> str:
        return f"p50 {ms(out[f'{name}_p50_ms'])}  p95 {ms(out[f'{name}_p95_ms'])}"

    cpu = out["cpu_cores_used"]
    window = "page loads folded in" if out["arrive"] == "staggered" else "action window only"
    p95 = out["toggle_p95_ms"]
    verdict = "–" if p95 is None else ("ok" if p95 <= 1000 else "MISS")
    errors = [(i, n) for i, n in enumerate(out["errors_per_session"]) if n]
    arrival = (
        f"arrivals {out['stagger_s']} s apart"
        if out["arrive"] == "staggered"
        else f"loaded one by one in {out['loads_phase_s']} s, then all acting at once"
    )
    print(
        f"load bench: {out['sessions']} sessions x {out['seconds']:.0f} s, one `streamlit run`, "
        f"{out['browsers']} chromium, {out['cpus']} CPUs shared by server and browsers\n"
        f"  wall           {out['wall_s']} s ({arrival}); "
        f"all sessions active together for {out['all_active_together_s']} s\n"
        f"  actions        {out['toggles']} toggles, {out['date_steps']} date steps, "
        f"{out['pans']} pans\n"
        f"  errors         {out['errors_total']} (target 0); per session, non-zero: "
        + (", ".join(f"#{i}: {n}" for i, n in errors) or "none")
    )
    for i, n in errors:
        print(f"                 #{i} ({n}) first: {out['per_session'][i]['errors'][0]}")
    if out["server_log_problems"]:
        print(f"  server log     {len(out['server_log_problems'])} problem lines, last: "
              f"{out['server_log_problems'][-1][:120]}")  # fmt: skip
    print(
        f"  page load      {spread('load')}  max {ms(out['load_max_ms'])}  over 10 s: "
        f"{out['loads_over_10s']}  (first after server start, alone: "
        f"{ms(out['first_load_after_start_ms'])})\n"
        f"  toggle         {spread('toggle')}  max {ms(out['toggle_max_ms'])}   "
        f"target p95 <= 1000 ms: {verdict}\n"
        f"    in page      {spread('toggle_in_page')}   (click -> path changed, page clock; "
        "the rest is Playwright)\n"
        f"  date step      {spread('date')}  (URL date= changed; slider key p50 "
        f"{ms(out['date_key_p50_ms'])}, button p50 {ms(out['date_button_p50_ms'])})\n"
        f"    map legend   {spread('date_map')}   (until the map shows the new date)\n"
        f"  pan            {spread('pan')}  (mouse up -> lat/lon in the URL); reruns per pan "
        f"p50 {out['reruns_per_pan_p50']}, max {out['reruns_per_pan_max']} (target 1)\n"
        f"  server RSS     idle {out['server_rss_idle_mb']} MB, warm {out['server_rss_warm_mb']} "
        f"MB, peak {out['server_rss_peak_mb']} MB, 5 s after {out['server_rss_after_mb']} MB "
        f"-> {out['server_mb_per_session']} MB per session"
    )
    if out["flood"]:
        f = out["flood"]
        p90, top = out["toggle_p90_ms"], out["toggle_max_ms"]
        goal = "ok" if p90 is not None and p90 <= 1000 and top <= 2000 else "MISS"
        print(
            f"  PNG flood      {f['requests']} requests, {f['parallel']} at a time, a client that "
            f"{f['client']}, {f['wall_s']} s: answers {f['statuses']}; answer p50 "
            f"{ms(f['answer_p50_ms'])} "
            f"p95 {ms(f['answer_p95_ms'])} max {ms(f['answer_max_ms'])}; /ready p95 "
            f"{ms(f['ready_p95_ms'])} max {ms(f['ready_max_ms'])}\n"
            f"  toggle (flood) p90 {ms(p90)}  max {ms(top)}   goal p90 <= 1 s, max <= 2 s: "
            f"{goal}\n"
            f"  server RSS     warm {out['server_rss_warm_mb']} MB, peak "
            f"{out['server_rss_peak_mb']} MB, {out['settle_s']} s after the flood "
            f"{out['server_rss_settled_mb']} MB (goal: within 100 MB of warm)"
        )
    if out["machine_busy_mean"] is not None:
        print(
            f"  CPU (cores)    {window}: server {cpu['server']} (p95 of 0.5 s samples "
            f"{out['server_cores_p95']:.2f}), chromium {cpu['chromium']}, "
            f"bench+driver {cpu['driver']}, other processes {out['other_cores']}  of "
            f"{out['cpus']}\n  machine        busy {out['machine_busy_mean']:.0%} on average, "
            f">= 90 % busy in {out['machine_busy_over_90pct_share']:.0%} of samples; "
            f"chromium RSS peak {out['chromium_rss_peak_mb']:.0f} MB"
        )
    if out["server_cpu_ms_per_action"]:
        per = out["server_cpu_ms_per_action"]
        asked = (out["toggles"] + out["date_steps"] + out["pans"]) / max(out["sampled_s"], 1e-9)
        print(
            f"  server cost    {per:.0f} ms CPU per action ({window}) -> one core "
            f"could serve ~{1000 / per:.0f} actions/s; this run asked {asked:.1f}/s"
        )
    client = cpu["chromium"] + cpu["driver"]
    if (out["machine_busy_mean"] or 0) >= 0.85 and client > cpu["server"]:
        print(
            f"  note           CPU-bound, and mostly by the client ({client:.2f} cores for "
            f"browsers + harness vs {cpu['server']} for the server): latencies here include "
            "queueing behind the browsers, not only server time"
        )


def main() -> None:
    """Start the app on a free loopback port, run the readers, print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=25)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument(
        "--arrive",
        choices=["one-by-one", "staggered"],
        default="one-by-one",
        help="load one at a time then act together (default), or arrive --stagger s apart",
    )
    parser.add_argument("--stagger", type=float, default=1.0, help="seconds between arrivals")
    parser.add_argument("--browsers", type=int, default=1, help="chromium processes to share")
    parser.add_argument("--flood", type=int, default=0,
                        help="also flood distinct PNG exports: at least this many")  # fmt: skip
    parser.add_argument("--flood-parallel", type=int, default=10)
    parser.add_argument("--flood-client", choices=["retry", "hammer"], default="retry",
                        help="the flood honours Retry-After (default), or never waits")  # fmt: skip
    parser.add_argument("--settle", type=float, default=60.0,
                        help="with --flood: read server RSS this long after it ends")  # fmt: skip
    parser.add_argument("--app", type=Path, default=ROOT,
                        help="the checkout to serve (a worktree of an older commit)")  # fmt: skip
    results = Results("load", parser)
    args = parser.parse_args()
    chromium()  # exits early when there is none
    with tempfile.TemporaryFile("w+") as log:
        with running(args.app / "serve.py", args.app, stderr=log) as (url, proc):
            idle = rss_mb(proc.pid)
            sampler = Sampler(proc.pid)
            run = asyncio.run(drive(url, args, sampler))
            time.sleep(5)  # let closed sessions go before reading memory once more
            after = rss_mb(proc.pid)
            settled = None
            if args.flood:
                time.sleep(max(args.settle - 5, 0))  # memory given back after the flood?
                settled = round(rss_mb(proc.pid), 1)
        log.seek(0)
        problems = [
            line.rstrip()
            for line in log
            if any(word in line for word in ("Traceback", "Error", "Exception"))
        ]
    memory = {"idle": idle, "warm": run["warm_rss"], "after": after, "settled": settled,
              "settle_s": args.settle if args.flood else None,
              "log_problems": problems[-20:]}  # fmt: skip
    out = summarise(args, run, sampler, memory)
    report(out)
    results.save(args, {"summary": out})


if __name__ == "__main__":
    main()
