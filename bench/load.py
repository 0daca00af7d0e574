"""Load bench: N concurrent readers in headless Chromium against one `streamlit run`.

Prints numbers and asserts nothing. The target to read against: 25 sessions, 0 errors,
p95 toggle <= 1 s. Browsers and server share this machine's cores, so the bench also
reports who used the CPU: when the browsers eat most of it, the latencies include
queueing behind them, and the figures say so rather than blame (or flatter) the server.

    .venv/bin/python bench/load.py [--sessions 25] [--seconds 60] [--json out.json]

Each session loads the app, then until its time is up toggles the Russian claim and now
and then steps the date (slider arrow key or "Next/Previous claim"), with a random
0.2-1 s pause between actions. All traffic stays on 127.0.0.1 (Chromium resolves no
other host name); every loop is bounded in count and time.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import datetime as dt
import json
import os
import random
import sys
import tempfile
import threading
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from playwright.async_api import Browser, Frame, Page, async_playwright  # noqa: E402

from tests.browser.server import (  # noqa: E402
    CHROMIUM_ARGS,
    chromium_path,
    running,
)

MAP = 'iframe[title="streamlit_folium.st_folium"]'
TOGGLE = ".st-key-ru label"
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
#: Share of actions that step the date rather than toggle.
DATE_SHARE = 0.25
#: Hard cap on actions per session, on top of the time limit.
MAX_ACTIONS = 1000
SAMPLE_S = 0.5
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
#: No host name resolves: map tiles (and anything else off the machine) fail at once.
BROWSER_ARGS = [
    *CHROMIUM_ARGS,
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1",
]

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
    errors: list[str] = field(default_factory=list)
    start: float = 0.0
    end: float = 0.0


def pct(values: list[float], q: float) -> float | None:
    """Nearest-rank percentile q (0-100) of values; None when there are none."""
    if not values:
        return None
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q / 100 * len(ordered) + 0.5) - 1))]


def url_date(url: str) -> str:
    """The date= parameter of a page URL (the seed date before the app writes it)."""
    return parse_qs(urlsplit(url).query).get("date", [DATE_SEED])[-1]


def legend_date(iso: str) -> str:
    """'2024-08-13' as the map legend writes it: '13 Aug 2024'."""
    day = dt.date.fromisoformat(iso)
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def short(exc: BaseException) -> str:
    """One line naming an exception, short enough to print."""
    lines = str(exc).strip().splitlines() or [""]
    return f"{type(exc).__name__}: {lines[0][:140]}"


class ProcSampler(threading.Thread):
    """Samples CPU and memory from /proc in the background (why: psutil is not installed).

    Groups: the server's process tree, Chromium under this process, the rest of this
    process tree (bench Python + Playwright's node driver), and the whole machine.
    A thread rather than an asyncio task, so reading /proc never delays a timing.
    """

    def __init__(self, server_pid: int) -> None:
        super().__init__(daemon=True)
        self.server_pid = server_pid
        self.me = os.getpid()
        self.tick = os.sysconf("SC_CLK_TCK")
        self.page_kb = os.sysconf("SC_PAGE_SIZE") // 1024
        self.stop = threading.Event()
        self.first: dict[int, int] = {}  # pid -> CPU ticks when first seen
        self.last: dict[int, tuple[str, int]] = {}  # pid -> (group, CPU ticks) last seen
        self.baseline: set[int] = set()
        self.rss_peak: dict[str, float] = {"server": 0.0, "chromium": 0.0, "driver": 0.0}
        self.busy: list[float] = []  # machine busy fraction per interval
        self.server_cores: list[float] = []  # server CPU per interval, in cores
        self.t0 = self.t1 = 0.0
        self._prev_stat: tuple[int, int] | None = None
        self._prev_server: tuple[float, int] | None = None

    @staticmethod
    def _machine() -> tuple[int, int]:
        """(busy, total) jiffies since boot, from /proc/stat."""
        fields = [int(x) for x in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
        idle = fields[3] + fields[4]
        return sum(fields) - idle, sum(fields)

    def _procs(self) -> dict[int, tuple[int, int, str, int]]:
        """pid -> (ppid, CPU ticks, command name, RSS kB) for every process we can read."""
        out = {}
        for entry in os.scandir("/proc"):
            if not entry.name.isdigit():
                continue
            with contextlib.suppress(OSError, ValueError, IndexError):
                raw = Path(f"/proc/{entry.name}/stat").read_text()
                comm = raw[raw.index("(") + 1 : raw.rindex(")")]
                rest = raw[raw.rindex(")") + 2 :].split()
                pid = int(entry.name)
                out[pid] = (int(rest[1]), int(rest[11]) + int(rest[12]), comm, 0)
                rss_pages = int(Path(f"/proc/{entry.name}/statm").read_text().split()[1])
                out[pid] = (*out[pid][:3], rss_pages * self.page_kb)
        return out

    def _group(self, pid: int, procs: dict[int, tuple[int, int, str, int]]) -> str:
        """Which group a process belongs to, by walking up its parents (bounded)."""
        cur = pid
        for _ in range(64):
            if cur == self.server_pid:
                return "server"
            if cur == self.me:
                return "chromium" if "chrom" in procs[pid][2] else "driver"
            if cur not in procs or cur <= 1:
                return "other"
            cur = procs[cur][0]
        return "other"

    def sample(self) -> None:
        """One reading of every process and of the machine."""
        now = time.monotonic()
        procs = self._procs()
        rss = dict.fromkeys(self.rss_peak, 0.0)
        server_ticks = 0
        for pid, (_, ticks, _, rss_kb) in procs.items():
            group = self._group(pid, procs)
            if group == "other":
                continue
            self.first.setdefault(pid, 0 if self.t0 and pid not in self.baseline else ticks)
            self.last[pid] = (group, ticks)
            rss[group] += rss_kb / 1024
            if group == "server":
                server_ticks += ticks
        for group, mb in rss.items():
            self.rss_peak[group] = max(self.rss_peak[group], mb)
        machine = self._machine()
        if self._prev_stat is not None:
            busy, total = (a - b for a, b in zip(machine, self._prev_stat, strict=True))
            self.busy.append(busy / total if total else 0.0)
        self._prev_stat = machine
        if self._prev_server is not None and now > self._prev_server[0]:
            cores = (server_ticks - self._prev_server[1]) / self.tick / (now - self._prev_server[0])
            self.server_cores.append(max(0.0, cores))
        self._prev_server = (now, server_ticks)

    def run(self) -> None:
        """Sample until stopped (bounded by the stop event the bench always sets)."""
        self.baseline = set(self._procs())
        self.t0 = time.monotonic()
        self.sample()
        while not self.stop.wait(SAMPLE_S):
            self.sample()
        self.sample()
        self.t1 = time.monotonic()

    def cpu_seconds(self) -> dict[str, float]:
        """CPU seconds each group used while sampling."""
        out = dict.fromkeys(self.rss_peak, 0.0)
        for pid, (group, ticks) in self.last.items():
            out[group] += (ticks - self.first.get(pid, ticks)) / self.tick
        return out


def server_rss_mb(pid: int) -> float:
    """Resident memory of the server process, in MB (VmRSS from /proc)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


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
    await legend.get_by_text(legend_date(url_date(page.url))).first.wait_for()
    result.date_map_ms.append((time.perf_counter() - t0) * 1000)


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
        for _ in range(MAX_ACTIONS):
            if time.monotonic() >= deadline:
                break
            try:
                if rng.random() < DATE_SHARE:
                    await step_date(page, result, rng)
                else:
                    await toggle(page, result)
                if await page.locator(EXCEPTION).count():
                    result.errors.append("stException shown on the page")
                    break
            except Exception as exc:  # a timeout or a broken page: count it and go on
                result.errors.append(short(exc))
            await asyncio.sleep(rng.uniform(0.2, 1.0))
        result.end = time.monotonic()
    except Exception as exc:
        result.errors.append(f"load: {short(exc)}")
    finally:
        await context.close()
    return result


async def drive(url: str, args: argparse.Namespace, sampler: ProcSampler) -> dict[str, Any]:
    """Warm the server with one reader alone, then bring in all readers.

    `staggered`: readers arrive `stagger` s apart and act as soon as they have loaded
    (loads pile up on the client). `one-by-one`: each reader loads while the earlier
    ones sit idle, then all act together; CPU is sampled over that window only, so the
    server's cost per action is not mixed with page loads.
    """
    async with async_playwright() as pw:
        browsers = [
            await pw.chromium.launch(executable_path=chromium_path(), args=BROWSER_ARGS)
            for _ in range(args.browsers)
        ]
        warm = await reader(browsers[0], url, 0, seed=-1)
        warm_rss = server_rss_mb(sampler.server_pid)
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
        try:
            results = list(await asyncio.gather(*tasks))
        finally:
            sampler.stop.set()
            sampler.join(timeout=30)
        wall = time.monotonic() - t0
        for browser in browsers:
            await browser.close()
    return {
        "warm": warm,
        "warm_rss": warm_rss,
        "results": results,
        "wall": wall,
        "loads_s": loads_s,
    }


def summarise(
    args: argparse.Namespace, run: dict[str, Any], sampler: ProcSampler, memory: dict
) -> dict[str, Any]:
    """Figures from the sessions and the samples (plain data, for printing and JSON)."""
    results: list[Session] = run["results"]
    toggles = [ms for r in results for ms in r.toggle_ms]
    in_page = [ms for r in results for ms in r.toggle_page_ms]
    by_key = [ms for r in results for ms in r.date_url_ms["key"]]
    by_button = [ms for r in results for ms in r.date_url_ms["button"]]
    date_map = [ms for r in results for ms in r.date_map_ms]
    loads = [r.load_ms for r in results if r.load_ms is not None]
    active = [r for r in results if r.end > r.start > 0]
    together = (
        max(0.0, min(r.end for r in active) - max(r.start for r in active))
        if len(active) == len(results)
        else 0.0
    )
    span = max(sampler.t1 - sampler.t0, 1e-9)
    cpu_s = sampler.cpu_seconds()
    cpu = {k: round(v / span, 2) for k, v in cpu_s.items()}
    actions = len(toggles) + len(by_key) + len(by_button)
    busy = sampler.busy
    peak_mb = memory["peak"]
    return {
        "sessions": args.sessions,
        "seconds": args.seconds,
        "arrive": args.arrive,
        "stagger_s": args.stagger,
        "loads_phase_s": round(run["loads_s"], 1),
        "sampled_s": round(span, 1),
        "browsers": args.browsers,
        "cpus": os.cpu_count(),
        "wall_s": round(run["wall"], 1),
        "all_active_together_s": round(together, 1),
        "toggles": len(toggles),
        "date_steps": len(by_key) + len(by_button),
        "errors_total": sum(len(r.errors) for r in results),
        "errors_per_session": [len(r.errors) for r in results],
        "server_log_problems": memory["log_problems"],
        "load_p50_ms": pct(loads, 50),
        "load_p95_ms": pct(loads, 95),
        "load_max_ms": max(loads, default=None),
        "loads_over_10s": sum(1 for ms in loads if ms > ACTION_TIMEOUT_MS),
        "first_load_after_start_ms": run["warm"].load_ms,
        "toggle_p50_ms": pct(toggles, 50),
        "toggle_p95_ms": pct(toggles, 95),
        "toggle_max_ms": max(toggles, default=None),
        "toggle_in_page_p50_ms": pct(in_page, 50),
        "toggle_in_page_p95_ms": pct(in_page, 95),
        "date_p50_ms": pct(by_key + by_button, 50),
        "date_p95_ms": pct(by_key + by_button, 95),
        "date_key_p50_ms": pct(by_key, 50),
        "date_button_p50_ms": pct(by_button, 50),
        "date_map_p50_ms": pct(date_map, 50),
        "date_map_p95_ms": pct(date_map, 95),
        "server_rss_idle_mb": round(memory["idle"], 1),
        "server_rss_warm_mb": round(memory["warm"], 1),
        "server_rss_peak_mb": round(peak_mb, 1),
        "server_rss_after_mb": round(memory["after"], 1),
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
            round(max(0.0, sum(busy) / len(busy) * (os.cpu_count() or 1) - sum(cpu.values())), 2)
            if busy
            else None
        ),
        "machine_busy_over_90pct_share": (
            round(sum(1 for b in busy if b >= 0.9) / len(busy), 2) if busy else None
        ),
        "chromium_rss_peak_mb": round(sampler.rss_peak["chromium"], 1),
        "loadavg_before": memory["loadavg_before"],
        "loadavg_after": [round(x, 2) for x in os.getloadavg()],
        "per_session": [asdict(r) for r in results],
    }


def report(out: dict[str, Any]) -> None:
    """Print the figures, one line per question."""

    def ms(v: float | None) -> str:
        return "–" if v is None else f"{v:.0f} ms"

    cpu = out["cpu_cores_used"]
    window = "page loads folded in" if out["arrive"] == "staggered" else "action window only"
    p95 = out["toggle_p95_ms"]
    verdict = "–" if p95 is None else ("ok" if p95 <= 1000 else "MISS")
    errors = [(i, n) for i, n in enumerate(out["errors_per_session"]) if n]
    print(
        f"load bench: {out['sessions']} sessions x {out['seconds']:.0f} s, one `streamlit run`, "
        f"{out['browsers']} chromium, {out['cpus']} CPUs shared by server and browsers"
    )
    arrival = (
        f"arrivals {out['stagger_s']} s apart"
        if out["arrive"] == "staggered"
        else f"loaded one by one in {out['loads_phase_s']} s, then all acting at once"
    )
    print(
        f"  wall           {out['wall_s']} s ({arrival}); "
        f"all sessions active together for {out['all_active_together_s']} s"
    )
    print(f"  actions        {out['toggles']} toggles, {out['date_steps']} date steps")
    print(
        f"  errors         {out['errors_total']} (target 0); per session, non-zero: "
        + (", ".join(f"#{i}: {n}" for i, n in errors) or "none")
    )
    for i, n in errors:
        first = out["per_session"][i]["errors"][0]
        print(f"                 #{i} ({n}) first: {first}")
    if out["server_log_problems"]:
        print(f"  server log     {len(out['server_log_problems'])} problem lines, last: "
              f"{out['server_log_problems'][-1][:120]}")  # fmt: skip
    print(
        f"  page load      p50 {ms(out['load_p50_ms'])}  p95 {ms(out['load_p95_ms'])}  "
        f"max {ms(out['load_max_ms'])}  over 10 s: {out['loads_over_10s']}  "
        f"(first after server start, alone: {ms(out['first_load_after_start_ms'])})"
    )
    print(
        f"  toggle         p50 {ms(out['toggle_p50_ms'])}  p95 {ms(p95)}  "
        f"max {ms(out['toggle_max_ms'])}   target p95 <= 1000 ms: {verdict}"
    )
    print(
        f"    in page      p50 {ms(out['toggle_in_page_p50_ms'])}  "
        f"p95 {ms(out['toggle_in_page_p95_ms'])}   (click -> path changed, page clock; "
        "the rest is Playwright)"
    )
    print(
        f"  date step      p50 {ms(out['date_p50_ms'])}  p95 {ms(out['date_p95_ms'])}  "
        f"(URL date= changed; slider key p50 {ms(out['date_key_p50_ms'])}, "
        f"button p50 {ms(out['date_button_p50_ms'])})"
    )
    print(
        f"    map legend   p50 {ms(out['date_map_p50_ms'])}  p95 {ms(out['date_map_p95_ms'])}"
        "   (until the map shows the new date)"
    )
    print(
        f"  server RSS     idle {out['server_rss_idle_mb']} MB, warm {out['server_rss_warm_mb']} "
        f"MB, peak {out['server_rss_peak_mb']} MB, 5 s after {out['server_rss_after_mb']} MB "
        f"-> {out['server_mb_per_session']} MB per session"
    )
    print(
        f"  CPU (cores)    {window}: server {cpu['server']} (p95 of 0.5 s samples "
        f"{out['server_cores_p95']:.2f}), chromium {cpu['chromium']}, "
        f"bench+driver {cpu['driver']}, other processes {out['other_cores']}  of {out['cpus']}"
        if out["server_cores_p95"] is not None
        else f"  CPU (cores)    server {cpu['server']}, chromium {cpu['chromium']}"
    )
    print(
        f"  machine        busy {out['machine_busy_mean']:.0%} on average, >= 90 % busy in "
        f"{out['machine_busy_over_90pct_share']:.0%} of samples; chromium RSS peak "
        f"{out['chromium_rss_peak_mb']:.0f} MB; load avg {out['loadavg_before'][0]} -> "
        f"{out['loadavg_after'][0]}"
        if out["machine_busy_mean"] is not None
        else "  machine        no CPU samples"
    )
    if out["server_cpu_ms_per_action"]:
        per = out["server_cpu_ms_per_action"]
        print(
            f"  server cost    {per:.0f} ms CPU per action ({window}) -> one core "
            f"could serve ~{1000 / per:.0f} actions/s; this run asked "
            f"{(out['toggles'] + out['date_steps']) / max(out['sampled_s'], 1e-9):.1f}/s"
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
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args()
    if chromium_path() is None:
        sys.exit("Debian chromium is not installed (apt-get install -y chromium)")

    loadavg_before = [round(x, 2) for x in os.getloadavg()]
    with tempfile.TemporaryFile("w+") as log:
        with running(stderr=log) as (url, proc):
            idle = server_rss_mb(proc.pid)
            sampler = ProcSampler(proc.pid)
            run = asyncio.run(drive(url, args, sampler))
            time.sleep(5)  # let closed sessions go before reading memory once more
            after = server_rss_mb(proc.pid)
        log.seek(0)
        problems = [
            line.rstrip()
            for line in log
            if any(word in line for word in ("Traceback", "Error", "Exception"))
        ]
    memory = {
        "idle": idle,
        "warm": run["warm_rss"],
        "peak": sampler.rss_peak["server"],
        "after": after,
        "log_problems": problems[-20:],
        "loadavg_before": loadavg_before,
    }
    out = summarise(args, run, sampler, memory)
    report(out)
    if args.json:
        args.json.write_text(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
