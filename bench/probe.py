"""Instrumented browser pages for the benches: a recorder on the page's own clock
(clicks, socket sends, long tasks, claim paths appearing in the map iframe and painted),
and the page's Streamlit socket as the renderer sees it (CDP), decoded.
"""

from __future__ import annotations

import base64
import json
import math
import time
from dataclasses import dataclass, field

from playwright.sync_api import Browser, BrowserContext, Page
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from bench.common import pct

VIEWPORT = {"width": 1400, "height": 900}
TIMEOUT_MS = 60_000
#: Quiet time on the socket after which a load or rerun counts as settled.
SETTLE_S = 0.4

#: Runs in the top page before its scripts. Records on the page's clock (epoch ms):
#: clicks, WebSocket send() calls, long tasks, and claim paths appearing or
#: disappearing in the map iframe plus the next animation frame there (painted).
#: Playwright's init scripts do not reach the component iframe (its initial about:blank
#: window is reused when it navigates), so the top page installs the observer into each
#: iframe document as soon as it commits, polling only until then.
INIT_JS = """
(() => {
  if (window !== window.top) return;
  const now = () => performance.timeOrigin + performance.now();
  const B = (window.__bench = {
    events: [], wsOut: [], clicks: [], frames: [], longtasks: [],
  });
  const Native = window.WebSocket;
  window.WebSocket = class extends Native {
    send(data) {
      B.wsOut.push(now());
      return super.send(data);
    }
  };
  document.addEventListener("click", () => B.clicks.push(now()), true);
  new PerformanceObserver((list) => {
    for (const e of list.getEntries())
      B.longtasks.push([performance.timeOrigin + e.startTime, e.duration]);
  }).observe({ type: "longtask", buffered: true });
  const watch = (win, doc) => {
    const state = { ru: false, ua: false };
    const check = () => {
      for (const side of ["ru", "ua"]) {
        const has = doc.querySelector("path.claim-" + side) !== null;
        if (has === state[side]) continue;
        state[side] = has;
        B.events.push([side, has, now()]);
        win.requestAnimationFrame(() => B.events.push([side + ":paint", has, now()]));
      }
    };
    new win.MutationObserver(check).observe(doc, { childList: true, subtree: true });
    B.frames.push({ url: doc.URL, installed: now(), early: !doc.querySelector("path") });
    check();
  };
  const seen = new WeakSet();
  const scan = () => {
    let pending = false;
    for (const el of document.querySelectorAll("iframe")) {
      let doc;
      try { doc = el.contentDocument; } catch { continue; }
      if (!doc || doc.URL === "about:blank") { pending = true; continue; }
      if (!seen.has(doc)) { seen.add(doc); watch(el.contentWindow, doc); }
    }
    return pending;
  };
  const poll = () => { if (scan()) setTimeout(poll, 0); };
  new MutationObserver(poll).observe(document, { childList: true, subtree: true });
})();
"""

#: Scripts and styles the top page loaded, with start time and transfer size.
RESOURCES_JS = """
performance.getEntriesByType("resource").map((e) => ({
  name: e.name.split("/").pop().split("?")[0], type: e.initiatorType,
  start: performance.timeOrigin + e.startTime, bytes: e.transferSize || e.encodedBodySize,
}))
"""


@dataclass
class Frame:
    """One WebSocket message from the server, classified; t is CDP time in seconds."""

    t: float
    size: int
    kind: str  # map | ref | finished | other | undecoded
    path: tuple[int, ...] = ()  # delta path: where on the page the element goes
    args: dict[str, int] = field(default_factory=dict)  # map arg name -> JSON chars


def classify(t: float, payload: bytes) -> Frame:
    """Decode a ForwardMsg; for the map element, size each of its arguments."""
    msg = ForwardMsg.FromString(payload)
    kind = msg.WhichOneof("type")
    path = tuple(msg.metadata.delta_path)
    if kind == "script_finished":
        return Frame(t, len(payload), "finished")
    if kind == "ref_hash":
        # Streamlit's ForwardMsg cache: an element (>= 10 kB) the browser already has.
        return Frame(t, len(payload), "ref", path)
    if kind == "delta" and msg.delta.WhichOneof("type") == "new_element":
        element = msg.delta.new_element
        if element.WhichOneof("type") == "component_instance" and (
            "st_folium" in element.component_instance.component_name
        ):
            args = json.loads(element.component_instance.json_args or "{}")
            sizes = {k: len(json.dumps(v)) for k, v in args.items()}
            return Frame(t, len(payload), "map", path, sizes)
    return Frame(t, len(payload), "other", path)


def payload(event: dict) -> bytes:
    """The bytes of a CDP WebSocket frame event (binary frames come base64-encoded)."""
    response = event["response"]
    raw = response["payloadData"]
    return base64.b64decode(raw) if response["opcode"] == 2 else raw.encode()


class Wire:
    """The Streamlit socket of one page as its renderer sees it (CDP), in order."""

    def __init__(self, context: BrowserContext, page: Page) -> None:
        self.frames: list[Frame] = []
        self.sent: list[float] = []
        self.sent_data: list[bytes] = []
        self.map_path: tuple[int, ...] | None = None
        cdp = context.new_cdp_session(page)
        cdp.on("Network.webSocketFrameReceived", self._received)
        cdp.on("Network.webSocketFrameSent", self._sent)
        cdp.send("Network.enable")

    def _sent(self, event: dict) -> None:
        self.sent.append(event["timestamp"])
        self.sent_data.append(payload(event))

    def _received(self, event: dict) -> None:
        data = payload(event)
        try:
            frame = classify(event["timestamp"], data)
        except Exception:  # a frame we cannot decode still has a size
            frame = Frame(event["timestamp"], len(data), "undecoded")
        if frame.kind == "map":
            self.map_path = frame.path
        elif frame.kind == "ref" and frame.path == self.map_path:
            frame.kind = "map-ref"
        self.frames.append(frame)

    def count(self, kind: str) -> int:
        return sum(f.kind == kind for f in self.frames)

    def offset_ms(self, page_sent: list[float]) -> float:
        """CDP seconds -> page epoch ms, matching each send() call with its frame."""
        pairs = list(zip(page_sent, self.sent, strict=False))
        return pct([p - c * 1000 for p, c in pairs], 50) if pairs else math.nan


def settle(
    page: Page, wire: Wire, finished: int, timeout_s: float = 30.0, quiet_s: float = SETTLE_S
) -> None:
    """Wait until at least `finished` script runs ended and the socket was quiet quiet_s."""
    deadline = time.monotonic() + timeout_s
    last, quiet_since = len(wire.frames), time.monotonic()
    while time.monotonic() < deadline:
        page.wait_for_timeout(25)
        if len(wire.frames) != last:
            last, quiet_since = len(wire.frames), time.monotonic()
        elif wire.count("finished") >= finished and time.monotonic() - quiet_since > quiet_s:
            return


def first(frames: list[Frame], kinds: tuple[str, ...]) -> int | None:
    """Index of the first frame of one of these kinds."""
    return next((i for i, f in enumerate(frames) if f.kind in kinds), None)


def new_page(browser: Browser) -> tuple[BrowserContext, Page, Wire]:
    """A fresh context (empty cache) with the recorders attached."""
    context = browser.new_context(viewport=VIEWPORT)
    context.add_init_script(INIT_JS)
    page = context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    return context, page, Wire(context, page)
