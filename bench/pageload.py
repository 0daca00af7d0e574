"""Page-load, toggle, rerun and payload numbers for the app against a "hello map" floor.

Prints numbers and asserts nothing: the targets are there to read, not to gate CI.
Browser timings use the page's own clock (``performance.timeOrigin + now()``, recorded
by an init script), so Playwright's polling does not blur them. WebSocket frames come
from a CDP session: decoded as Streamlit ForwardMsgs for bytes, and their timestamps
(when the page received them) split a toggle into server round trip and rendering.

    .venv/bin/python -m bench.pageload [--runs 5] [--toggles 10] [--json PATH]

Over 300 lines: each measured walk (cold load, toggle, pan, replay, AppTest rerun) needs
its own phase split; the page instrumentation is in probe.py, the rest shared in common.py.
"""

from __future__ import annotations

import argparse
import math
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]

from playwright.sync_api import Browser, sync_playwright  # noqa: E402

from bench.common import (  # noqa: E402
    MAP,
    TOGGLE,
    Results,
    chromium,
    cpu_s,
    drag,
    is_finished,
    is_rerun,
    kb,
    ms,
    pct,
    table,
)
from bench.probe import RESOURCES_JS, first, new_page, settle  # noqa: E402
from deploy.local import map_frame, running  # noqa: E402

APP = ROOT / "app.py"
HELLO = ROOT / "bench" / "hello_map.py"
#: Per-toggle timings reported, in the order they happen.
TOGGLE_PHASES = (
    "send_ms", "map_delta_in_ms", "finished_ms", "in_dom_ms", "ms",
)  # fmt: skip
PHASE_LABEL = {
    "send_ms": "rerun sent",
    "map_delta_in_ms": "map delta in",
    "finished_ms": "script_finished in",
    "in_dom_ms": "path changed",
    "ms": "painted",
}


def cold_load(browser: Browser, url: str) -> dict[str, Any]:
    """One load in a fresh context: navigation start to the first claim-ua path painted."""
    context, page, wire = new_page(browser)
    try:
        t0 = time.perf_counter()
        page.goto(url, wait_until="commit")
        page.frame_locator(MAP).locator("path.claim-ua").first.wait_for(state="visible")
        wall = (time.perf_counter() - t0) * 1000
        settle(page, wire, finished=1)
        origin = page.evaluate("performance.timeOrigin")
        bench = page.evaluate("window.__bench")
        dom_ready = page.evaluate(
            "performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd"
        )
        resources = page.evaluate(RESOURCES_JS)
        inner = map_frame(page).evaluate(
            """({origin: performance.timeOrigin,
                leaflet: performance.getEntriesByType("resource")
                  .filter(e => e.name.endsWith("leaflet.js")).map(e => e.responseEnd)})"""
        )
        offset = wire.offset_ms(bench["wsOut"])
        events = bench["events"]
        seen = next(t for side, has, t in events if side == "ua" and has)
        painted = next(t for side, has, t in events if side == "ua:paint" and has)

        phases: dict[str, float] = {"dom_ready": dom_ready}
        if wire.frames:
            phases["ws_first_in"] = wire.frames[0].t * 1000 + offset - origin
        m = first(wire.frames, ("map",))
        if m is not None:
            phases["map_delta_in"] = wire.frames[m].t * 1000 + offset - origin
        f = first(wire.frames, ("finished",))
        if f is not None:
            phases["run1_finished"] = wire.frames[f].t * 1000 + offset - origin
        phases["iframe_start"] = inner["origin"] - origin
        if inner["leaflet"]:
            phases["leaflet_js_loaded"] = inner["origin"] + inner["leaflet"][0] - origin
        phases["claim_in_dom"] = seen - origin

        socket_open = wire.frames[0].t * 1000 + offset if wire.frames else origin
        lazy = [r for r in resources if r["start"] >= socket_open and r["type"] == "script"]
        blocked = [d for s, d in bench["longtasks"] if socket_open <= s < inner["origin"]]
        maps = [fr for fr in wire.frames if fr.kind == "map"]
        return {
            "ms": painted - origin,
            "wall_ms": wall,
            "phases": phases,
            "ws_bytes": sum(fr.size for fr in wire.frames),
            "ws_messages": len(wire.frames),
            "script_runs": wire.count("finished"),
            "map_bytes": maps[0].size if maps else 0,
            "map_args": maps[0].args if maps else {},
            "lazy_js_bytes": sum(r["bytes"] for r in lazy),
            "lazy_js_top": sorted(((r["bytes"], r["name"]) for r in lazy), reverse=True)[:4],
            "longtask_ms_before_iframe": sum(blocked),
            "observer_early": all(fr["early"] for fr in bench["frames"]),
        }
    finally:
        context.close()


def toggles(browser: Browser, url: str, n: int) -> tuple[list[dict[str, Any]], list[bytes]]:
    """Click the `ru` toggle n times; per click, time to the claim-ru path change painted.

    Also returns the rerun requests the browser sent (first load, then the first two
    toggles: off, on) for `replay`.
    """
    context, page, wire = new_page(browser)
    out = []
    requests: list[bytes] = []
    try:
        page.goto(url)
        ru = page.frame_locator(MAP).locator("path.claim-ru")
        ru.first.wait_for()
        settle(page, wire, finished=1)
        requests.append(next(d for d in wire.sent_data if is_rerun(d)))
        frame = map_frame(page)
        frame.evaluate("window.__sameDocument = true")
        shown = True
        for _ in range(n):
            start, done, asked = len(wire.frames), wire.count("finished"), len(wire.sent_data)
            page.locator(TOGGLE).first.click()
            shown = not shown
            ru.first.wait_for(state="attached" if shown else "detached")
            settle(page, wire, finished=done + 1)
            if len(requests) < 3:
                requests.append(next(d for d in wire.sent_data[asked:] if is_rerun(d)))
            bench = page.evaluate("window.__bench")
            offset = wire.offset_ms(bench["wsOut"])
            click = bench["clicks"][-1]
            events = [(s, t) for s, h, t in bench["events"] if h == shown and t > click]
            change = next(t for s, t in events if s == "ru")
            paint = next(t for s, t in events if s == "ru:paint")
            new = wire.frames[start:]
            row: dict[str, Any] = {
                "shown": shown,
                "ms": paint - click,
                "in_dom_ms": change - click,
                "bytes": sum(f.size for f in new),
                "map_bytes": sum(f.size for f in new if f.kind == "map"),
                "map_cached": any(f.kind == "map-ref" for f in new),
                "script_runs": wire.count("finished") - done,
            }
            sent = next((t for t in bench["wsOut"] if t > click), None)
            if sent is not None:
                row["send_ms"] = sent - click
            m = first(new, ("map", "map-ref"))
            if m is not None:
                row["map_delta_in_ms"] = new[m].t * 1000 + offset - click
            f = first(new, ("finished",))
            if f is not None:
                row["finished_ms"] = new[f].t * 1000 + offset - click
                if sent is not None:
                    row["roundtrip_ms"] = row["finished_ms"] - row["send_ms"]
            out.append(row)
        reloaded = not frame.evaluate("window.__sameDocument === true")
        for row in out:
            row["map_reloaded"] = reloaded
        return out, requests
    finally:
        context.close()


def pans(browser: Browser, url: str, n: int, idle_s: float) -> dict[str, Any]:
    """Drag the map n times; per pan, script runs asked for and bytes received; then sit
    idle for idle_s seconds and count script runs (a map that ping-pongs reruns forever).
    """
    context, page, wire = new_page(browser)
    try:
        page.goto(url)
        page.frame_locator(MAP).locator("path.claim-ua").first.wait_for()
        page.wait_for_timeout(2000)  # the map's first report (fit to claims) and its rerun
        settle(page, wire, finished=1)
        box = page.locator(MAP).bounding_box()
        rows = []
        for i in range(n):
            asked, start = len(wire.sent_data), len(wire.frames)
            for name, args, kwargs in drag(box, i):
                getattr(page.mouse, name)(*args, **kwargs)
            page.wait_for_timeout(1500)  # the 250 ms debounce, the rerun, quiet time
            settle(page, wire, finished=0)
            rows.append(
                {
                    "reruns": sum(is_rerun(d) for d in wire.sent_data[asked:]),
                    "bytes": sum(f.size for f in wire.frames[start:]),
                }
            )
        asked = len(wire.sent_data)
        page.wait_for_timeout(idle_s * 1000)
        idle = sum(is_rerun(d) for d in wire.sent_data[asked:])
        return {"pans": rows, "idle_s": idle_s, "idle_reruns": idle}
    finally:
        context.close()


def retry(fn: Callable[[], Any], attempts: int = 3) -> Any:
    """The app is edited concurrently: give a briefly broken page another chance."""
    for attempt in range(attempts):
        try:
            return fn()
        except Exception as exc:
            if attempt == attempts - 1:
                raise
            print(f"  retrying after {type(exc).__name__}: {str(exc)[:160]}", file=sys.stderr)
            time.sleep(5)
    return None


def replay(url: str, pid: int, requests: list[bytes], n: int) -> dict[str, Any]:
    """Server time per rerun with no browser: send the browser's own rerun requests.

    A plain WebSocket client opens a session with the first-load request, then
    alternates the recorded toggle-off and toggle-on requests; per rerun it times
    request sent -> script_finished received, and the server process's CPU time per
    rerun. Real server, real messages, nothing rendered, no app instrumentation.
    """
    from websockets.sync.client import connect

    def run(ws: Any, request: bytes) -> dict[str, float]:
        t0, size = time.perf_counter(), 0
        ws.send(request)
        while True:
            data = ws.recv(timeout=60)
            size += len(data)
            if is_finished(data):
                return {"ms": (time.perf_counter() - t0) * 1000, "bytes": size}

    stream = url.replace("http", "ws", 1) + "/_stcore/stream"
    with connect(stream, subprotocols=["streamlit"], max_size=None, open_timeout=30) as ws:
        run(ws, requests[0])
        cpu = cpu_s(pid)
        runs = [run(ws, requests[1 + i % 2]) for i in range(n)]
        return {"runs": runs, "server_cpu_ms_per_rerun": (cpu_s(pid) - cpu) * 1000 / n}


def browser_part(
    runs: int, n_toggles: int, n_replays: int, n_pans: int = 5, idle_s: float = 60
) -> dict[str, Any]:
    """Cold loads and toggles in one Chromium, hello floor first, then the app."""
    result: dict[str, Any] = {}
    servers = {"hello": lambda: running(HELLO, ROOT), "app": lambda: running(APP, ROOT)}
    with sync_playwright() as pw:
        browser = pw.chromium.launch(**chromium())
        try:
            for name, server in servers.items():
                with server() as (url, proc):
                    server_cold = retry(lambda u=url: cold_load(browser, u))
                    warm = [retry(lambda u=url: cold_load(browser, u)) for _ in range(runs)]
                    toggled, requests = retry(lambda u=url: toggles(browser, u, n_toggles))
                    replayed = retry(lambda u=url, r=requests: replay(u, proc.pid, r, n_replays))
                    panned = pans(browser, url, n_pans, idle_s) if name == "app" else None
                result[name] = {
                    "pans": panned,
                    "server_cold": server_cold,
                    "cold": warm,
                    "toggle": toggled,
                    "replay": replayed,
                }
        finally:
            browser.close()
    return result


def rerun_part(n: int) -> dict[str, Any]:
    """Script time per run with AppTest: in-process, no browser, no component frontend."""
    import streamlit as st
    from streamlit.testing.v1 import AppTest

    def timed(at: AppTest) -> float:
        t0 = time.perf_counter()
        at.run()
        return (time.perf_counter() - t0) * 1000

    def measure(script: Path) -> dict[str, Any]:
        quiet()
        st.cache_resource.clear()
        st.cache_data.clear()
        at = AppTest.from_file(str(script), default_timeout=120)
        cold = timed(at)
        if at.exception:
            raise RuntimeError(f"{script.name}: {at.exception[0].message}")
        same = timed(at)
        runs = []
        for _ in range(n):
            toggle = at.toggle(key="ru")
            toggle.set_value(not toggle.value)
            runs.append(timed(at))
        return {"cold_ms": cold, "unchanged_ms": same, "toggle_ms": runs}

    with tempfile.TemporaryDirectory() as tmp:
        floor = Path(tmp) / "toggle_only.py"
        floor.write_text(
            "import streamlit as st\nst.toggle('x', key='ru')\nst.write('hello')\n",
            encoding="utf-8",
        )
        harness = measure(floor)
    return {"app": retry(lambda: measure(APP)), "hello": measure(HELLO), "harness": harness}


def payload_part() -> dict[str, int]:
    """The map's arguments built in-process from components.present.map_build, default view."""
    import folium
    import streamlit_folium as sf

    from components.present.map_build import base_map, overlay
    from geo import dataset

    quiet()
    data = dataset.load_data()
    as_of = data.seed_date
    fmap = base_map(data.regions, data.border, data.towns, "en", "light")
    group = overlay(dataset.zones_on(as_of), data.by_id, ("russia", "ukraine"), "en", as_of)
    fmap.get_root().render()
    script = sf._get_map_string(fmap)
    group_js = sf._get_feature_group_string(group, map=folium.Map(tiles=None), idx=0)
    return {
        "script": len(script),
        "feature_group": len(group_js),
        "header": len(sf._get_header(fmap)),
        "html": len(sf._get_html(fmap)),
    }


def quiet() -> None:
    """Silence Streamlit's "no runtime" warnings (AppTest re-reads the log level)."""
    from streamlit.logger import set_log_level

    set_log_level("error")


def col(rows: list[dict[str, Any]], key: str) -> list[float]:
    return [r[key] for r in rows if key in r]


def summarise(browser: dict[str, Any], reruns: dict[str, Any], built: dict | None) -> dict:
    """The headline numbers, per app."""
    out: dict[str, Any] = {}
    for name in ("app", "hello"):
        b, r = browser[name], reruns[name]
        cold, tog = b["cold"], b["toggle"]
        phase_keys = dict.fromkeys(k for c in cold for k in c["phases"])
        out[name] = {
            "server_cold_ms": b["server_cold"]["ms"],
            "cold_median_ms": pct(col(cold, "ms"), 50),
            "cold_min_ms": min(col(cold, "ms")),
            "cold_wall_median_ms": pct(col(cold, "wall_ms"), 50),
            "cold_phases_median_ms": {
                k: pct([c["phases"][k] for c in cold if k in c["phases"]], 50) for k in phase_keys
            },
            "cold_longtask_ms": pct(col(cold, "longtask_ms_before_iframe"), 50),
            "cold_lazy_js_bytes": pct(col(cold, "lazy_js_bytes"), 50),
            "cold_lazy_js_top": cold[-1]["lazy_js_top"],
            "cold_ws_bytes": pct(col(cold, "ws_bytes"), 50),
            "cold_script_runs": max(col(cold, "script_runs")),
            "observer_early": all(c["observer_early"] for c in cold),
            "map_bytes": cold[-1]["map_bytes"],
            "map_args": cold[-1]["map_args"],
            "toggle_median_ms": pct(col(tog, "ms"), 50),
            "toggle_p90_ms": pct(col(tog, "ms"), 90),
            "toggle_phases_median_ms": {k: pct(col(tog, k), 50) for k in TOGGLE_PHASES},
            "toggle_roundtrip_median_ms": pct(col(tog, "roundtrip_ms"), 50),
            "replay_median_ms": pct(col(b["replay"]["runs"], "ms"), 50),
            "replay_p90_ms": pct(col(b["replay"]["runs"], "ms"), 90),
            "replay_cpu_ms": b["replay"]["server_cpu_ms_per_rerun"],
            "toggle_ws_bytes_mean": sum(col(tog, "bytes")) / len(tog),
            "toggle_map_bytes_max": max(col(tog, "map_bytes")),
            "toggle_map_cached": sum(t["map_cached"] for t in tog),
            "toggle_resent_median_ms": pct([t["ms"] for t in tog if t["map_bytes"]], 50),
            "toggle_cached_median_ms": pct([t["ms"] for t in tog if t["map_cached"]], 50),
            "toggle_count": len(tog),
            "toggle_script_runs": max(col(tog, "script_runs")),
            "map_reloaded": any(t["map_reloaded"] for t in tog),
            "rerun_cold_ms": r["cold_ms"],
            "rerun_unchanged_ms": r["unchanged_ms"],
            "rerun_first_toggle_ms": r["toggle_ms"][0],
            "rerun_median_ms": pct(r["toggle_ms"], 50),
        }
    panned = browser["app"]["pans"]
    out["app"]["reruns_per_pan_max"] = max(p["reruns"] for p in panned["pans"])
    out["app"]["reruns_per_pan_median"] = pct([p["reruns"] for p in panned["pans"]], 50)
    out["app"]["bytes_per_pan_median"] = pct([p["bytes"] for p in panned["pans"]], 50)
    out["app"]["idle_reruns_per_min"] = panned["idle_reruns"] * 60 / panned["idle_s"]
    out["harness_rerun_median_ms"] = pct(reruns["harness"]["toggle_ms"], 50)
    out["built_in_process"] = built
    return out


def ratio(a: float | None, b: float | None, fmt: str = "{:.2f}x") -> str:
    return fmt.format(a / b) if a is not None and b else "-"


def verdict(ok: bool) -> str:
    return "ok" if ok else "MISS"


def n0(v: float | None) -> str:
    return "–" if v is None else f"{v:.0f}"


#: The printed table: label | key of the summary (bytes in kB, the rest in ms).
REPORT_ROWS = """
cold load, median                        | cold_median_ms
cold load, min                           | cold_min_ms
cold load, 1st after server start        | server_cold_ms
cold load, Playwright goto -> visible    | cold_wall_median_ms
toggle -> overlay change painted, median | toggle_median_ms
toggle, p90                              | toggle_p90_ms
script rerun (AppTest, toggle), median   | rerun_median_ms
server rerun, socket replay, median      | replay_median_ms
server rerun, socket replay, p90         | replay_p90_ms
server CPU per rerun (replay)            | replay_cpu_ms
rerun round trip in the browser, median  | toggle_roundtrip_median_ms
map element (ForwardMsg), cold           | map_bytes
WebSocket bytes, cold load               | cold_ws_bytes
WebSocket bytes per toggle, mean         | toggle_ws_bytes_mean
"""


def report(s: dict[str, Any], runs: int, n_toggles: int) -> None:
    """Print the table, then where the time and the bytes go (bench/README.md says what
    each number is)."""
    a, h = s["app"], s["hello"]

    # Targets (the issues' goals): a key's limit and how it is compared.
    goals = {
        "cold_median_ms": ("<= 1.10x floor", (a["cold_median_ms"] or math.inf)
                           <= 1.10 * (h["cold_median_ms"] or 0)),
        "toggle_median_ms": ("<= 150 ms", a["toggle_median_ms"] <= 150),
        "rerun_median_ms": ("<= 30 ms", a["rerun_median_ms"] <= 30),
        "map_bytes": ("<= 150 kB", a["map_bytes"] <= 150_000),
    }  # fmt: skip
    rows = []
    for line in REPORT_ROWS.strip().splitlines():
        label, key = (part.strip() for part in line.split("|"))
        fmt = kb if "bytes" in key else ms
        rfmt = "{:.2f}x" if fmt is ms else "{:.1f}x"
        goal, ok = goals.get(key, ("", True))
        target = f"{goal}  {verdict(ok)}" if goal else ""
        rows.append((label, fmt(a[key]), fmt(h[key]), ratio(a[key], h[key], rfmt), target))
    print(f"\nkursk-claims-map page bench: {runs} cold loads + 1 server-cold, {n_toggles} toggles")
    print("per app; hello floor = bench/hello_map.py\n")
    print(table(("metric", "this app", "hello floor", "ratio", "target"), rows))
    print(
        f"\nMap in a reader's hands (app): reruns per pan median"
        f" {n0(a['reruns_per_pan_median'])}, max {a['reruns_per_pan_max']}"
        f" (target 1  {verdict(a['reruns_per_pan_max'] <= 1)}); bytes per pan median"
        f" {kb(a['bytes_per_pan_median'])}; reruns per idle minute"
        f" {a['idle_reruns_per_min']:.0f} (target 0  {verdict(a['idle_reruns_per_min'] == 0)})"
    )
    print(
        f"AppTest on a toggle + st.write script (the harness): {ms(s['harness_rerun_median_ms'])}"
    )

    print("\nWhere the time goes (medians; cold: ms from navigation start, toggle: from click)")
    for name, x in (("app", a), ("hello", h)):
        phases = [f"{k} {n0(v)}" for k, v in x["cold_phases_median_ms"].items()]
        phases.append(f"painted {n0(x['cold_median_ms'])}")
        print(f"  cold   {name:<5} " + "  ".join(phases[:4]))
        print("               " + "  ".join(phases[4:]))
        top = ", ".join(f"{n} {kb(b)}" for b, n in x["cold_lazy_js_top"][:3])
        print(
            f"               {x['cold_script_runs']} script runs; main-thread long tasks"
            f" between socket open and iframe start: {n0(x['cold_longtask_ms'])} ms\n"
            f"               element JS fetched after socket open:"
            f" {kb(x['cold_lazy_js_bytes'])}, largest: {top}"
        )
    for name, x in (("app", a), ("hello", h)):
        t = "  ".join(f"{PHASE_LABEL[k]} {n0(v)}" for k, v in x["toggle_phases_median_ms"].items())
        print(f"  toggle {name:<5} {t}")
    print(
        f"  toggle app   median when the map element came in full"
        f" {ms(a['toggle_resent_median_ms'])}, as a cache ref {ms(a['toggle_cached_median_ms'])};"
        f" iframe reloaded: {'yes' if a['map_reloaded'] else 'no'}"
    )
    for name, x in (("app", a), ("hello", h)):
        print(
            f"  rerun  {name:<5} AppTest cold {n0(x['rerun_cold_ms'])}, unchanged"
            f" {n0(x['rerun_unchanged_ms'])}, first toggle {n0(x['rerun_first_toggle_ms'])},"
            f" toggle median {n0(x['rerun_median_ms'])} ms"
        )

    print("\nMap payload")
    for name, x in (("app", a), ("hello", h)):
        big = sorted(x["map_args"].items(), key=lambda kv: -kv[1])
        args = ", ".join(f"{k} {kb(v)}" for k, v in big if v >= 100)
        print(f"  {name:<5} map ForwardMsg {kb(x['map_bytes'])}: {args}")
        print(
            f"  {name:<5} per toggle: {kb(x['toggle_ws_bytes_mean'])} mean on the socket; the"
            f" map element is resent whole ({kb(x['toggle_map_bytes_max'])}) unless\n"
            f"        the browser still holds that exact message (cache ref, ~80 B,"
            f" only for >= 10 kB): {x['toggle_map_cached']} of {x['toggle_count']} toggles"
        )
    b = s["built_in_process"]
    if b:
        print(
            f"  built in-process (map_build.base_map + overlay, default view, en/light):\n"
            f"        script {kb(b['script'])} + feature group {kb(b['feature_group'])}"
            f" = {kb(b['script'] + b['feature_group'])}; header {kb(b['header'])},"
            f" html {b['html']} B"
        )
    if not (a["observer_early"] and h["observer_early"]):
        print("  note: the iframe observer was installed after a path existed in some run")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="cold loads per app (default 5)")
    parser.add_argument("--toggles", type=int, default=10, help="toggle clicks (default 10)")
    parser.add_argument(
        "--reruns", type=int, default=20, help="AppTest and replayed reruns (default 20)"
    )
    parser.add_argument("--pans", type=int, default=5, help="map drags (default 5)")
    parser.add_argument(
        "--idle", type=float, default=60, help="seconds a panned tab sits idle (default 60)"
    )
    results = Results("pageload", parser)
    args = parser.parse_args(argv)

    browser = browser_part(args.runs, args.toggles, args.reruns, args.pans, args.idle)
    reruns = rerun_part(args.reruns)
    try:
        built = payload_part()
    except Exception as exc:  # the builders may be mid-edit; the wire numbers still stand
        print(f"in-process map build failed: {exc!r}", file=sys.stderr)
        built = None
    summary = summarise(browser, reruns, built)
    report(summary, args.runs, args.toggles)
    results.save(args, {"summary": summary, "raw": {"browser": browser, "reruns": reruns}})


if __name__ == "__main__":
    main()
