"""A reader's first visit on a phone over a slow network, through the deployed entry point.

    .venv/bin/python -m bench.firstload                  # starts `make serve` (2 replicas)
    .venv/bin/python -m bench.firstload --url http://127.0.0.1:8501 --runs 3

Chromium on a 390×844 phone viewport (touch, 3× pixels), the network throttled by CDP
like Lighthouse's mobile profile (150 ms RTT, 1.6 Mbit/s down, 675 kbit/s up), a fresh
context each run (cache empty). For each way of showing one view: bytes on the wire
(every byte the server side sent to the browser, counted by a TCP relay in front of the
balancer: headers, bodies, the WebSocket, compressed or not) and seconds from navigation
start until both claim zones (``.claim-ru`` and ``.claim-ua``, in the page or its map
frame) are in the document and a frame was painted. Median of ``--runs``. Then how many
requests per second the balancer serves the static embed (``wrk``, one thread).

Targets: the full page, the live embed (``&embed=true``), the static embed (``/embed``;
"–" where the route does not exist, i.e. before issue 16), the shared link's page
(``/share``, the same view drawn statically for a person) and the self-contained HTML
export saved and served as a static file (gzip when asked, as any web server would). Map
tiles are optional and fail offline here (no host name resolves), so they are in no
figure. Prints numbers and asserts nothing; the goals are printed beside them.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import gzip
import http.server
import re
import shutil
import statistics
import subprocess
import threading
import time
import urllib.request
from collections.abc import Iterator
from typing import Any

from playwright.sync_api import Browser, sync_playwright

from bench.common import Results, chromium, table

#: The view of the issue's figures: the seed day, both claims, the default place.
VIEW = "ru=true&ua=true&ind=false&lang=en&date=2024-08-12&lat=51.3500&lon=35.4500&z=8&base=light"
PHONE = {
    "viewport": {"width": 390, "height": 844},
    "device_scale_factor": 3,
    "is_mobile": True,
    "has_touch": True,
}
#: Lighthouse's mobile profile ("slow 4G"): 150 ms RTT, 1,638.4 kbit/s down, 675 kbit/s up.
THROTTLE = {
    "offline": False,
    "latency": 150,
    "downloadThroughput": 1638.4 * 1000 / 8,
    "uploadThroughput": 675 * 1000 / 8,
}
#: Bytes keep counting after the claims are drawn until the wire was quiet this long.
QUIET_S = 2.0
TIMEOUT_S = 90.0
#: Goals from issue 16 (bytes, seconds); None: no goal.
GOALS = {
    "full page": (900_000, 5.0),
    "live embed": (None, None),
    "static embed": (150_000, 1.5),
    "shared link": (None, 2.0),
    "HTML export (static file)": (None, None),
}

#: Records, on the top page's clock, when both claims are first in the document (the page's
#: own or a same-origin frame's) and the next frame after that.
DRAWN_JS = """
(() => {
  if (window !== window.top) return;
  const now = () => performance.timeOrigin + performance.now();
  const B = (window.__first = { seen: null, painted: null });
  const has = (doc) => doc.querySelector(".claim-ru") && doc.querySelector(".claim-ua");
  const check = () => {
    if (B.seen) return;
    let found = document.documentElement && has(document);
    if (!found) for (const el of document.querySelectorAll("iframe")) {
      let doc; try { doc = el.contentDocument; } catch { continue; }
      if (doc && has(doc)) { found = true; break; }
    }
    if (!found) return;
    B.seen = now();
    requestAnimationFrame(() => requestAnimationFrame(() => { B.painted = now(); }));
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true });
  const poll = setInterval(() => { check(); if (B.seen) clearInterval(poll); }, 20);
})();
"""


# -- a byte-counting relay ----------------------------------------------------------------


class Relay:
    """TCP relay on a loopback port in front of ``upstream``: counts bytes sent downstream."""

    def __init__(self, upstream_port: int) -> None:
        self.upstream_port = upstream_port
        self.down = 0
        self.last = time.monotonic()
        self.loop = asyncio.new_event_loop()
        self.port = 0
        ready = threading.Event()
        threading.Thread(target=self._run, args=(ready,), daemon=True).start()
        ready.wait(10)

    def _run(self, ready: threading.Event) -> None:
        asyncio.set_event_loop(self.loop)
        server = self.loop.run_until_complete(asyncio.start_server(self._serve, "127.0.0.1", 0))
        self.port = server.sockets[0].getsockname()[1]
        ready.set()
        self.loop.run_forever()

    async def _pipe(self, reader: Any, writer: Any, count: bool) -> None:
        with contextlib.suppress(OSError, asyncio.CancelledError):
            while data := await reader.read(65536):
                if count:
                    self.down += len(data)
                    self.last = time.monotonic()
                writer.write(data)
                await writer.drain()
        with contextlib.suppress(OSError):
            writer.close()

    async def _serve(self, reader: Any, writer: Any) -> None:
        try:
            up_r, up_w = await asyncio.open_connection("127.0.0.1", self.upstream_port)
        except OSError:
            writer.close()
            return
        await asyncio.gather(self._pipe(reader, up_w, False), self._pipe(up_r, writer, True))

    def reset(self) -> None:
        self.down, self.last = 0, time.monotonic()

    def quiet_for(self, seconds: float, cap: float) -> None:
        """Wait (bounded by ``cap``) until nothing was sent for ``seconds``."""
        deadline = time.monotonic() + cap
        while time.monotonic() < deadline and time.monotonic() - self.last < seconds:
            time.sleep(0.1)


@contextlib.contextmanager
def static_file(body: bytes) -> Iterator[int]:
    """Serve one HTML file at /map.html on a loopback port, gzipped when the browser asks."""
    packed = gzip.compress(body, 6)

    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:
            if self.path != "/map.html":
                self.send_error(404)
                return
            zipped = "gzip" in self.headers.get("accept-encoding", "")
            data = packed if zipped else body
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(data)))
            if zipped:
                self.send_header("Content-Encoding", "gzip")
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *_args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield server.server_address[1]
    finally:
        server.shutdown()
        server.server_close()


# -- one load -------------------------------------------------------------------------------


def first_visit(browser: Browser, relay: Relay, path: str) -> dict[str, float]:
    """One cold, throttled phone load: seconds until both claims are painted, bytes sent."""
    context = browser.new_context(**PHONE)
    context.add_init_script(DRAWN_JS)
    try:
        page = context.new_page()
        page.set_default_timeout(TIMEOUT_S * 1000)
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.send("Network.emulateNetworkConditions", THROTTLE)
        relay.reset()
        page.goto(f"http://127.0.0.1:{relay.port}{path}", wait_until="commit")
        page.wait_for_function("window.__first && window.__first.painted", polling=100)
        at_drawn = relay.down
        times = page.evaluate("[performance.timeOrigin, window.__first.painted]")
        relay.quiet_for(QUIET_S, cap=30)
        return {"s": (times[1] - times[0]) / 1000, "bytes": relay.down, "bytes_drawn": at_drawn}
    finally:
        context.close()


def has_route(base: str, path: str) -> bool:
    """Whether a path has its own page (Streamlit answers unknown paths with the app)."""
    try:
        with urllib.request.urlopen(base + path, timeout=30) as answer:
            return answer.status == 200 and b'id="root"' not in answer.read()
    except OSError:
        return False


def wrk(url: str, seconds: int, connections: int) -> dict[str, Any]:
    """Requests/s and errors from ``wrk`` (one thread), asking for gzip as browsers do."""
    exe = shutil.which("wrk")
    if exe is None:
        return {"error": "wrk is not installed (apt-get install -y wrk)"}
    cmd = [exe, "-t1", f"-c{connections}", f"-d{seconds}s", "-H", "Accept-Encoding: gzip", url]
    out = subprocess.run(cmd, capture_output=True, text=True, timeout=seconds + 60).stdout
    rps = re.search(r"Requests/sec:\s+([\d.]+)", out)
    total = re.search(r"(\d+) requests in", out)
    socket = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    errors = (sum(map(int, socket.groups())) if socket else 0) + (
        int(non2xx.group(1)) if non2xx else 0
    )
    return {
        "rps": float(rps.group(1)) if rps else None,
        "requests": int(total.group(1)) if total else None,
        "errors": errors,
        "connections": connections,
        "seconds": seconds,
    }


def served_from(base: str, path: str) -> str:
    """Who answered a repeated request: the balancer's cache or a replica (X-Served-By)."""
    with urllib.request.urlopen(base + path, timeout=30) as answer:
        answer.read()
    with urllib.request.urlopen(base + path, timeout=30) as answer:
        answer.read()
        return answer.headers.get("x-cache", "") or answer.headers.get("x-served-by", "?")


# -- the run ----------------------------------------------------------------------------------


def measure(base: str, runs: int, rps_seconds: int) -> dict[str, Any]:
    """Every target, ``runs`` cold loads each, then the balancer's requests/s."""
    balancer_port = int(base.rsplit(":", 1)[1])
    relay = Relay(balancer_port)
    with urllib.request.urlopen(f"{base}/export/view.html?{VIEW}", timeout=120) as answer:
        export = answer.read()
    static_embed = has_route(base, f"/embed?{VIEW}")
    targets = {
        "full page": f"/?{VIEW}",
        "live embed": f"/?{VIEW}&embed=true",
        "static embed": f"/embed?{VIEW}" if static_embed else None,
        "shared link": f"/share?{VIEW}" if static_embed else None,
    }
    out: dict[str, Any] = {"loads": {}, "export_bytes": len(export)}
    with sync_playwright() as pw, static_file(export) as file_port:
        browser = pw.chromium.launch(**chromium(offline=True))
        try:
            file_relay = Relay(file_port)
            targets["HTML export (static file)"] = "/map.html"
            for name, path in targets.items():
                if path is None:
                    out["loads"][name] = []
                    continue
                use = file_relay if path == "/map.html" else relay
                first_visit(browser, use, path)  # warm the server side, not the browser
                out["loads"][name] = [first_visit(browser, use, path) for _ in range(runs)]
                print(f"  {name}: {out['loads'][name]}", flush=True)
        finally:
            browser.close()
    rps_path = f"/embed?{VIEW}" if static_embed else f"/share?{VIEW}"
    out["rps_path"] = rps_path.split("?")[0]
    out["rps_answered_by"] = served_from(base, rps_path)
    out["rps"] = wrk(base + rps_path, rps_seconds, 50)
    return out


def summarise(raw: dict[str, Any]) -> list[dict[str, Any]]:
    rows = []
    for name, loads in raw["loads"].items():
        if not loads:
            rows.append({"what": name})
            continue
        rows.append(
            {
                "what": name,
                "s": statistics.median(x["s"] for x in loads),
                "bytes": statistics.median(x["bytes"] for x in loads),
                "bytes_drawn": statistics.median(x["bytes_drawn"] for x in loads),
                "s_all": [round(x["s"], 2) for x in loads],
            }
        )
    return rows


def goal(value: float | None, limit: float | None) -> str:
    if value is None or limit is None:
        return ""
    return " ok" if value <= limit else " MISS"


def report(rows: list[dict[str, Any]], raw: dict[str, Any]) -> None:
    lines = []
    for r in rows:
        byte_goal, s_goal = GOALS.get(r["what"], (None, None))
        if "s" not in r:
            lines.append((r["what"], "–", "–", "–", ""))
            continue
        lines.append(
            (
                r["what"],
                f"{r['s']:.1f}{goal(r['s'], s_goal)}",
                f"{r['bytes'] / 1000:,.0f} kB{goal(r['bytes'], byte_goal)}",
                f"{r['bytes_drawn'] / 1000:,.0f} kB",
                " / ".join(f"{s:.1f}" for s in r["s_all"]),
            )
        )
    print()
    print(table(("what", "seconds", "bytes", "bytes when drawn", "runs (s)"), lines))
    print(f"\nexport file: {raw['export_bytes'] / 1000:,.0f} kB uncompressed")
    r = raw["rps"]
    if "error" in r:
        print(f"requests/s: {r['error']}")
    else:
        print(
            f"{raw['rps_path']} from the balancer ({raw['rps_answered_by']}): "
            f"{r['rps']:,.0f} requests/s, {r['errors']} errors "
            f"({r['connections']} connections, {r['seconds']} s, wrk -t1)"
        )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", help="a running `make serve` (default: start 2 replicas)")
    parser.add_argument("--runs", type=int, default=3, help="cold loads per target (default 3)")
    parser.add_argument("--rps-seconds", type=int, default=10, help="wrk duration (default 10)")
    results = Results("firstload", parser)
    args = parser.parse_args(argv)
    if args.url:
        raw = measure(args.url.rstrip("/"), args.runs, args.rps_seconds)
    else:
        from deploy.cluster import cluster

        with cluster(replicas=2) as running:
            raw = measure(running.url, args.runs, args.rps_seconds)
    rows = summarise(raw)
    report(rows, raw)
    results.save(args, {"summary": rows, "raw": raw})


if __name__ == "__main__":
    main()
