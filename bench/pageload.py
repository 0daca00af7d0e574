"""Page-load, toggle, rerun and payload numbers for the app against a "hello map" floor.

Prints numbers and asserts nothing: the targets are there to read, not to gate CI.
Browser timings come from the page's own clock (``performance.timeOrigin + now()``,
recorded by an init script in every frame), so Playwright's polling does not blur
them; bytes come from the WebSocket frames, decoded as Streamlit ForwardMsgs.

    .venv/bin/python bench/pageload.py [--runs 5] [--toggles 10] [--json out.json]
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import math
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from playwright.sync_api import Browser, Page, sync_playwright  # noqa: E402
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg  # noqa: E402

from tests.browser.server import CHROMIUM_ARGS, chromium_path, serve  # noqa: E402

APP = ROOT / "app.py"
HELLO = ROOT / "bench" / "hello_map.py"
MAP = 'iframe[title="streamlit_folium.st_folium"]'
TOGGLE = ".st-key-ru label"
TIMEOUT_MS = 60_000
#: Quiet time on the socket after which a load or rerun counts as settled.
SETTLE_S = 0.4

#: Runs in every frame before any page script. Records, on the page's own clock (epoch
#: ms): claim paths appearing/disappearing and the next animation frame after (painted),
#: and in the top page: clicks and WebSocket messages sent and received.
INIT_JS = """
(() => {
  const now = () => performance.timeOrigin + performance.now();
  const B = (window.__bench = { events: [], wsIn: [], wsOut: [], clicks: [] });
  if (window === window.top) {
    const Native = window.WebSocket;
    window.WebSocket = class extends Native {
      constructor(...args) {
        super(...args);
        this.addEventListener("message", () => B.wsIn.push(now()));
      }
      send(data) {
        B.wsOut.push(now());
        return super.send(data);
      }
    };
    document.addEventListener("click", () => B.clicks.push(now()), true);
  }
  const state = { ru: false, ua: false };
  const check = () => {
    for (const side of ["ru", "ua"]) {
      const has = document.querySelector("path.claim-" + side) !== null;
      if (has === state[side]) continue;
      state[side] = has;
      B.events.push([side, has, now()]);
      requestAnimationFrame(() => B.events.push([side + ":paint", has, now()]));
    }
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true });
})();
"""


@dataclass
class Frame:
    """One WebSocket message from the server, classified."""

    size: int
    kind: str  # map | map-ref | finished | other
    args: dict[str, int] = field(default_factory=dict)  # map arg name -> JSON chars


def classify(payload: bytes) -> Frame:
    """Decode a ForwardMsg; for the map element, size each of its arguments."""
    msg = ForwardMsg.FromString(payload)
    kind = msg.WhichOneof("type")
    if kind == "script_finished":
        return Frame(len(payload), "finished")
    if kind == "ref_hash":
        # A message the browser already has (Streamlit's ForwardMsg cache, >= 10 kB).
        return Frame(len(payload), "ref")
    if kind == "delta" and msg.delta.WhichOneof("type") == "new_element":
        element = msg.delta.new_element
        if element.WhichOneof("type") == "component_instance" and (
            "st_folium" in element.component_instance.component_name
        ):
            args = json.loads(element.component_instance.json_args or "{}")
            sizes = {k: len(json.dumps(v)) for k, v in args.items()}
            return Frame(len(payload), "map", sizes)
    return Frame(len(payload), "other")


class Wire:
    """Every message the Streamlit socket of one page receives, in order."""

    def __init__(self, page: Page) -> None:
        self.frames: list[Frame] = []
        page.on("websocket", self._attach)

    def _attach(self, ws: Any) -> None:
        if "_stcore/stream" in ws.url:
            ws.on("framereceived", self._received)

    def _received(self, payload: bytes | str) -> None:
        data = payload.encode() if isinstance(payload, str) else payload
        try:
            self.frames.append(classify(data))
        except Exception:  # a frame we cannot decode still has a size
            self.frames.append(Frame(len(data), "undecoded"))

    def count(self, kind: str) -> int:
        return sum(f.kind == kind for f in self.frames)

    def bytes_since(self, start: int) -> int:
        return sum(f.size for f in self.frames[start:])


def settle(page: Page, wire: Wire, finished: int, timeout_s: float = 30.0) -> None:
    """Wait until at least `finished` script runs ended and the socket went quiet."""
    deadline = time.monotonic() + timeout_s
    last, quiet_since = len(wire.frames), time.monotonic()
    while time.monotonic() < deadline:
        page.wait_for_timeout(25)
        if len(wire.frames) != last:
            last, quiet_since = len(wire.frames), time.monotonic()
        elif wire.count("finished") >= finished and time.monotonic() - quiet_since > SETTLE_S:
            return


def first_after(values: list[float], t: float) -> float | None:
    """First value greater than t (lists are in time order)."""
    return next((v for v in values if v > t), None)


def map_frame(page: Page) -> Any:
    """The streamlit-folium iframe as a Playwright Frame."""
    return next(f for f in page.frames if "streamlit_folium" in f.url)


def cold_load(browser: Browser, url: str) -> dict[str, Any]:
    """One load in a fresh context: navigation start to the first claim-ua path painted."""
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    context.add_init_script(INIT_JS)
    page = context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    wire = Wire(page)
    try:
        t0 = time.perf_counter()
        page.goto(url, wait_until="commit")
        page.frame_locator(MAP).locator("path.claim-ua").first.wait_for(state="visible")
        wall = (time.perf_counter() - t0) * 1000
        top = page.evaluate("({origin: performance.timeOrigin, b: window.__bench})")
        frame = map_frame(page)
        inner = frame.evaluate(
            """({origin: performance.timeOrigin, b: window.__bench,
                leaflet: performance.getEntriesByType("resource")
                  .filter(e => e.name.endsWith("leaflet.js")).map(e => e.responseEnd)})"""
        )
        dom_ready = page.evaluate(
            "performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd"
        )
        settle(page, wire, finished=1)
        origin = top["origin"]
        events = inner["b"]["events"]
        seen = next(t for side, has, t in events if side == "ua" and has)
        painted = next(t for side, has, t in events if side == "ua:paint" and has)
        phases = {"dom_ready": dom_ready}
        ws_in = top["b"]["wsIn"]
        if ws_in:
            phases["first_ws_message"] = ws_in[0] - origin
        kinds = [f.kind for f in wire.frames]
        if "map" in kinds and len(ws_in) >= len(kinds):
            phases["map_delta_received"] = ws_in[kinds.index("map")] - origin
        phases["iframe_start"] = inner["origin"] - origin
        if inner["leaflet"]:
            phases["leaflet_js_loaded"] = inner["origin"] + inner["leaflet"][0] - origin
        phases["claim_in_dom"] = seen - origin
        map_frames = [f for f in wire.frames if f.kind == "map"]
        return {
            "ms": painted - origin,
            "wall_ms": wall,
            "phases": phases,
            "ws_bytes": wire.bytes_since(0),
            "script_runs": wire.count("finished"),
            "map_bytes": map_frames[0].size if map_frames else 0,
            "map_args": map_frames[0].args if map_frames else {},
        }
    finally:
        context.close()


def toggles(browser: Browser, url: str, n: int) -> list[dict[str, Any]]:
    """Click the `ru` toggle n times; per click, time to the claim-ru path change painted."""
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    context.add_init_script(INIT_JS)
    page = context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    wire = Wire(page)
    out = []
    try:
        page.goto(url)
        ru = page.frame_locator(MAP).locator("path.claim-ru")
        ru.first.wait_for()
        settle(page, wire, finished=1)
        frame = map_frame(page)
        frame.evaluate("window.__sameDocument = true")
        shown = True
        for _ in range(n):
            start, done = len(wire.frames), wire.count("finished")
            page.locator(TOGGLE).first.click()
            shown = not shown
            if shown:
                ru.first.wait_for(state="attached")
            else:
                ru.first.wait_for(state="detached")
            settle(page, wire, finished=done + 1)
            top = page.evaluate("window.__bench")
            events = frame.evaluate("window.__bench.events")
            click = top["clicks"][-1]
            sent = first_after(top["wsOut"], click)
            change = next(t for s, h, t in events if s == "ru" and h == shown and t > click)
            paint = next(t for s, h, t in events if s == "ru:paint" and h == shown and t > click)
            new = wire.frames[start:]
            row = {
                "ms": paint - click,
                "in_dom_ms": change - click,
                "bytes": sum(f.size for f in new),
                "map_bytes": sum(f.size for f in new if f.kind == "map"),
                "map_ref": any(f.kind == "ref" for f in new),
                "script_runs": wire.count("finished") - done,
            }
            ws_in = top["wsIn"]
            if len(ws_in) == len(wire.frames) and sent is not None:
                times = ws_in[start:]
                kinds = [f.kind for f in new]
                row["send_ms"] = sent - click
                if "map" in kinds:
                    row["map_delta_ms"] = times[kinds.index("map")] - click
                if "finished" in kinds:
                    row["finished_ms"] = times[kinds.index("finished")] - click
                    row["roundtrip_ms"] = times[kinds.index("finished")] - sent
            out.append(row)
        same = frame.evaluate("window.__sameDocument === true")
        for row in out:
            row["map_reloaded"] = not same
        return out
    finally:
        context.close()


@contextlib.contextmanager
def hello_server() -> Iterator[str]:
    """Serve bench/hello_map.py with the app's static/ folder and config.

    Streamlit serves /app/static/ from the folder next to the *main script*, not the
    cwd, so run a copy of the script from a temporary folder whose ``static`` links to
    the app's (the server resolves the link); cwd=ROOT still picks up .streamlit/.
    """
    with tempfile.TemporaryDirectory(prefix="hello_map-") as tmp:
        script = Path(tmp) / HELLO.name
        shutil.copyfile(HELLO, script)
        (Path(tmp) / "static").symlink_to(ROOT / "static", target_is_directory=True)
        with serve(script=script, cwd=ROOT) as url:
            yield url


def browser_part(runs: int, n_toggles: int) -> dict[str, Any]:
    """Cold loads and toggles in one Chromium, hello floor first, then the app."""
    path = chromium_path()
    if path is None:
        sys.exit("Debian chromium is not installed (apt-get install -y chromium)")
    result: dict[str, Any] = {}
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        try:
            for name, server in (("hello", hello_server), ("app", lambda: serve(APP, ROOT))):
                with server() as url:
                    server_cold = retry(lambda u=url: cold_load(browser, u))
                    warm = [cold_load(browser, url) for _ in range(runs)]
                    toggled = toggles(browser, url, n_toggles)
                result[name] = {"server_cold": server_cold, "cold": warm, "toggle": toggled}
        finally:
            browser.close()
    return result


def retry(fn: Callable[[], Any], attempts: int = 3) -> Any:
    """The app is edited concurrently: give a briefly broken page another chance."""
    for attempt in range(attempts):
        try:
            return fn()
        except Exception as exc:
            if attempt == attempts - 1:
                raise
            print(f"  retrying after: {type(exc).__name__}: {str(exc)[:120]}", file=sys.stderr)
            time.sleep(5)
    return None


def rerun_part(n: int) -> dict[str, Any]:
    """Server-side script time per run with AppTest (no browser, no component frontend)."""
    import streamlit as st
    from streamlit.testing.v1 import AppTest

    def timed(at: AppTest) -> float:
        t0 = time.perf_counter()
        at.run()
        return (time.perf_counter() - t0) * 1000

    def measure(script: Path) -> dict[str, Any]:
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
        empty = Path(tmp) / "empty.py"
        empty.write_text(
            "import streamlit as st\nst.toggle('x', key='ru')\nst.write('hello')\n",
            encoding="utf-8",
        )
        harness = measure(empty)
    return {
        "app": retry(lambda: measure(APP)),
        "hello": measure(HELLO),
        "harness": harness,
    }


def payload_part() -> dict[str, int]:
    """Map arguments built in-process like the app does, for the default view."""
    import folium
    import streamlit_folium as sf

    import geo
    from components.map_build import base_map, overlay

    regions, border, towns = geo.load_regions(), geo.load_border(), geo.load_towns()
    claims = geo.load_claims()
    as_of = claims[claims["source_seed"].notna()]["date"].max().date()
    zones = geo.claim_zones(as_of=as_of, claims=claims, regions=regions)
    fmap = base_map(regions, border, towns, "en", "light")
    group = overlay(zones, claims, ("russia", "ukraine"), "en", as_of)
    fmap.get_root().render()
    script = sf._get_map_string(fmap)
    header = sf._get_header(fmap)
    html = sf._get_html(fmap)
    group_js = sf._get_feature_group_string(group, map=folium.Map(tiles=None), idx=0)
    return {
        "script": len(script),
        "feature_group": len(group_js),
        "header": len(header),
        "html": len(html),
    }


def median(xs: list[float]) -> float:
    return statistics.median(xs) if xs else math.nan


def p90(xs: list[float]) -> float:
    """Nearest-rank 90th percentile (with 10 samples: the second slowest)."""
    if not xs:
        return math.nan
    ordered = sorted(xs)
    return ordered[max(0, math.ceil(0.9 * len(ordered)) - 1)]


def col(rows: list[dict[str, Any]], key: str) -> list[float]:
    return [r[key] for r in rows if key in r]


def summarise(browser: dict[str, Any], reruns: dict[str, Any], built: dict[str, int]) -> dict:
    """The headline numbers, per app."""
    out: dict[str, Any] = {}
    for name in ("app", "hello"):
        b, r = browser[name], reruns[name]
        cold, tog = b["cold"], b["toggle"]
        out[name] = {
            "server_cold_ms": b["server_cold"]["ms"],
            "cold_median_ms": median(col(cold, "ms")),
            "cold_min_ms": min(col(cold, "ms")),
            "cold_wall_median_ms": median(col(cold, "wall_ms")),
            "cold_phases_median_ms": {
                k: median([c["phases"][k] for c in cold if k in c["phases"]])
                for k in cold[0]["phases"]
            },
            "cold_ws_bytes": median(col(cold, "ws_bytes")),
            "cold_script_runs": max(col(cold, "script_runs")),
            "map_bytes": cold[0]["map_bytes"],
            "map_args": cold[0]["map_args"],
            "toggle_median_ms": median(col(tog, "ms")),
            "toggle_p90_ms": p90(col(tog, "ms")),
            "toggle_phases_median_ms": {
                k: median(col(tog, k))
                for k in ("send_ms", "map_delta_ms", "finished_ms", "in_dom_ms", "ms")
            },
            "toggle_roundtrip_median_ms": median(col(tog, "roundtrip_ms")),
            "toggle_ws_bytes": median(col(tog, "bytes")),
            "toggle_map_bytes": median(col(tog, "map_bytes")),
            "toggle_script_runs": max(col(tog, "script_runs")),
            "map_reloaded": any(t["map_reloaded"] for t in tog),
            "rerun_cold_ms": r["cold_ms"],
            "rerun_unchanged_ms": r["unchanged_ms"],
            "rerun_first_toggle_ms": r["toggle_ms"][0],
            "rerun_median_ms": median(r["toggle_ms"]),
        }
    out["harness_rerun_median_ms"] = median(reruns["harness"]["toggle_ms"])
    out["built_in_process"] = built
    return out


def kb(n: float) -> str:
    return f"{n / 1000:.1f} kB"


def ms(n: float) -> str:
    return f"{n:.0f} ms"


def verdict(ok: bool) -> str:
    return "ok" if ok else "MISS"


def report(s: dict[str, Any], runs: int, n_toggles: int) -> None:
    """Print the table first, then what the numbers are made of."""
    a, h = s["app"], s["hello"]
    ratio = a["cold_median_ms"] / h["cold_median_ms"]
    rows = [
        ("cold load, median", ms(a["cold_median_ms"]), ms(h["cold_median_ms"]),
         f"{ratio:.2f}x", f"<= 1.10x floor  {verdict(ratio <= 1.10)}"),
        ("cold load, min", ms(a["cold_min_ms"]), ms(h["cold_min_ms"]),
         f"{a['cold_min_ms'] / h['cold_min_ms']:.2f}x", ""),
        ("cold load, 1st after server start", ms(a["server_cold_ms"]), ms(h["server_cold_ms"]),
         f"{a['server_cold_ms'] / h['server_cold_ms']:.2f}x", ""),
        ("toggle -> path change painted, median", ms(a["toggle_median_ms"]),
         ms(h["toggle_median_ms"]), f"{a['toggle_median_ms'] / h['toggle_median_ms']:.2f}x",
         f"<= 150 ms  {verdict(a['toggle_median_ms'] <= 150)}"),
        ("toggle, p90", ms(a["toggle_p90_ms"]), ms(h["toggle_p90_ms"]),
         f"{a['toggle_p90_ms'] / h['toggle_p90_ms']:.2f}x", ""),
        ("script rerun (AppTest, toggle), median", ms(a["rerun_median_ms"]),
         ms(h["rerun_median_ms"]), f"{a['rerun_median_ms'] / h['rerun_median_ms']:.2f}x",
         f"<= 30 ms  {verdict(a['rerun_median_ms'] <= 30)}"),
        ("rerun round trip in browser, median", ms(a["toggle_roundtrip_median_ms"]),
         ms(h["toggle_roundtrip_median_ms"]),
         f"{a['toggle_roundtrip_median_ms'] / h['toggle_roundtrip_median_ms']:.2f}x", ""),
        ("map element on the wire, cold", kb(a["map_bytes"]), kb(h["map_bytes"]),
         f"{a['map_bytes'] / h['map_bytes']:.1f}x",
         f"<= 150 kB  {verdict(a['map_bytes'] <= 150_000)}"),
        ("WebSocket bytes, cold load", kb(a["cold_ws_bytes"]), kb(h["cold_ws_bytes"]),
         f"{a['cold_ws_bytes'] / h['cold_ws_bytes']:.1f}x", ""),
        ("WebSocket bytes per toggle rerun", kb(a["toggle_ws_bytes"]), kb(h["toggle_ws_bytes"]),
         f"{a['toggle_ws_bytes'] / h['toggle_ws_bytes']:.1f}x", ""),
    ]  # fmt: skip
    head = ("metric", "this app", "hello floor", "ratio", "target")
    widths = [max(len(str(r[i])) for r in [head, *rows]) for i in range(5)]
    line = "  ".join("{:<%d}" % w for w in widths)
    print(f"\nkursk-claims-map page bench — {runs} cold loads, {n_toggles} toggles per app\n")
    print(line.format(*head))
    print(line.format(*("-" * w for w in widths)))
    for r in rows:
        print(line.format(*r).rstrip())

    print("\nWhat the numbers are")
    print("  cold load: fresh browser context; top page navigation start -> first frame")
    print("    painted after the first path.claim-ua entered the map iframe (page clock).")
    print(f"    Playwright wall time goto -> visible, median: app {ms(a['cold_wall_median_ms'])},"
          f" hello {ms(h['cold_wall_median_ms'])}.")  # fmt: skip
    print("  toggle: click on the ru toggle -> first frame painted after path.claim-ru was")
    print("    removed/re-added in the iframe. hello adds its claim-ru box with")
    print("    st_folium(feature_group_to_add=...), the idiomatic way.")
    print("  script rerun: AppTest wall time per at.run() after flipping the ru toggle, caches")
    print("    warm. AppTest runs the script only: the component frontend is NOT rendered.")
    print(f"    AppTest harness alone (toggle + st.write): {ms(s['harness_rerun_median_ms'])}.")
    print("  rerun round trip: WebSocket rerun request sent -> script_finished received.")
    print("  map element: the whole ForwardMsg carrying the st_folium element (all its args).")
    print("  WebSocket bytes: payloads of every message received (uncompressed; per-message")
    print("    deflate is off by default).")

    print("\nWhere the time goes (medians, ms from navigation start / from the click)")
    for name, x in (("app", a), ("hello", h)):
        phases = "  ".join(f"{k} {v:.0f}" for k, v in x["cold_phases_median_ms"].items())
        print(f"  cold   {name:<5}  {phases}  painted {x['cold_median_ms']:.0f}")
    for name, x in (("app", a), ("hello", h)):
        t = x["toggle_phases_median_ms"]
        print(
            f"  toggle {name:<5}  ws send {t['send_ms']:.0f}  map delta in {t['map_delta_ms']:.0f}"
            f"  script_finished in {t['finished_ms']:.0f}  path changed {t['in_dom_ms']:.0f}"
            f"  painted {t['ms']:.0f}"
        )
    for name, x in (("app", a), ("hello", h)):
        print(
            f"  rerun  {name:<5}  AppTest cold {x['rerun_cold_ms']:.0f}, unchanged"
            f" {x['rerun_unchanged_ms']:.0f}, first toggle {x['rerun_first_toggle_ms']:.0f},"
            f" toggle median {x['rerun_median_ms']:.0f}; script runs per cold load"
            f" {x['cold_script_runs']}, per toggle {x['toggle_script_runs']};"
            f" map iframe reloaded by toggles: {'yes' if x['map_reloaded'] else 'no'}"
        )

    print("\nMap payload")
    for name, x in (("app", a), ("hello", h)):
        args = ", ".join(f"{k} {kb(v)}" for k, v in sorted(x["map_args"].items(),
                         key=lambda kv: -kv[1]) if v >= 100)  # fmt: skip
        print(f"  {name:<5} map ForwardMsg {kb(x['map_bytes'])}: {args}")
        print(
            f"  {name:<5} per toggle: map element {kb(x['toggle_map_bytes'])} resent"
            f" (all args, not just the overlay), {kb(x['toggle_ws_bytes'])} on the socket"
        )
    b = s["built_in_process"]
    print(
        f"  built in-process (map_build.base_map + overlay, default view, en/light):"
        f" script {kb(b['script'])} + feature group {kb(b['feature_group'])}"
        f" = {kb(b['script'] + b['feature_group'])}; header {kb(b['header'])},"
        f" html {kb(b['html'])}"
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="cold loads per app (default 5)")
    parser.add_argument("--toggles", type=int, default=10, help="toggle clicks per app")
    parser.add_argument("--reruns", type=int, default=20, help="AppTest toggle reruns")
    parser.add_argument("--json", type=Path, help="also write all numbers here")
    args = parser.parse_args(argv)

    started = time.monotonic()
    browser = browser_part(args.runs, args.toggles)
    reruns = rerun_part(args.reruns)
    built = payload_part()
    summary = summarise(browser, reruns, built)
    report(summary, args.runs, args.toggles)
    print(f"\n(total {time.monotonic() - started:.0f} s, {dt.datetime.now():%Y-%m-%d %H:%M})")
    if args.json:
        raw = {"browser": browser, "reruns": reruns}
        doc = {"summary": summary, "raw": raw, "args": vars(args) | {"json": str(args.json)}}
        args.json.write_text(json.dumps(doc, indent=2, default=str), encoding="utf-8")


if __name__ == "__main__":
    main()
