"""Server memory and bytes over upload sessions, old app against new (``bench/upload.py``).

Each session: a new browser context opens the page, uploads one file, waits for the
answer (the layer's caption or a one-line error), toggles a claim once, and closes. The
server's resident memory (psutil) is read before the first session, after
each, right after the last one closed, and after ``--settle`` seconds, by when Streamlit
has dropped the closed sessions (it keeps a disconnected session for 2 minutes, for a
reconnect). Bytes: every server → browser WebSocket frame of the upload's reruns, and of
the later toggle, counted on the page (Chrome DevTools Protocol, ``bench.probe.Wire``).
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

from bench.common import MAP, TOGGLE, Results, checkout, chromium, rss_mb
from bench.probe import new_page, settle
from deploy.local import ROOT, running
from sandbox.hostile_corpus import CASES, Ctx

FILES = {
    "dense": "3.6 million vertices in an 857 kB zip",
    "oblast": "a real oblast, 10 MB GeoJSON",
}
#: Sessions of the old app with the dense zip: each one kept ~750 MB (issue 12), so the
#: old app gets only this many of them on a shared machine.
OLD_DENSE_SESSIONS = 4


def one_session(browser, url: str, name: str, data: bytes) -> dict:
    context, page, wire = new_page(browser)
    page.set_default_timeout(180_000)
    try:
        page.goto(url)
        page.frame_locator(MAP).locator("path.claim-ru").first.wait_for()
        page.get_by_text("Add your own overlay").click()
        page.wait_for_timeout(500)
        start, t0 = len(wire.frames), time.monotonic()
        page.locator(".st-key-upload_file input[type=file]").set_input_files(
            {"name": name, "mimeType": "application/octet-stream", "buffer": data}
        )
        answer = page.get_by_text("km² in all").or_(page.locator('[data-testid="stAlert"]'))
        answer.first.wait_for()
        seconds = time.monotonic() - t0
        settle(page, wire, 0, timeout_s=180, quiet_s=2.0)  # big messages arrive late
        toggled = len(wire.frames)
        page.locator(TOGGLE).click()
        page.wait_for_timeout(500)
        settle(page, wire, 0, timeout_s=180, quiet_s=2.0)
        return {"upload_bytes": sum(f.size for f in wire.frames[start:toggled]),
                "toggle_bytes": sum(f.size for f in wire.frames[toggled:]),
                "answer": answer.first.inner_text()[:90], "seconds": seconds}  # fmt: skip
    finally:
        context.close()


def run_app(label: str, app: Path, file_key: str, sessions: int, settle_s: float, tmp: Path):
    case = CASES[FILES[file_key]]
    data = case.build(Ctx(tmp=tmp / f"corpus-{label}-{file_key}", full=True))
    env = {"PYTHONPATH": str(app)}
    out = {"app": label, "file": file_key, "sessions": sessions, "rss_mb": []}
    with running(app / "app.py", cwd=app, env=env) as (url, proc), sync_playwright() as pw:
        browser = pw.chromium.launch(**chromium())
        warm = browser.new_context().new_page()
        warm.goto(url)
        warm.frame_locator(MAP).locator("path.claim-ru").first.wait_for(timeout=180_000)
        warm.context.close()
        out["baseline_mb"] = rss_mb(proc.pid)
        for i in range(sessions):
            result = one_session(browser, url, case.filename, data)
            out["rss_mb"].append(rss_mb(proc.pid))
            if i == 0:
                out["first"] = result
            print(f"  {label} {file_key} session {i + 1}/{sessions}: server "
                  f"{out['rss_mb'][-1]:.0f} MB; {result['answer'][:60]!r}", flush=True)  # fmt: skip
        browser.close()
        time.sleep(2)
        out["closed_mb"] = rss_mb(proc.pid)
        time.sleep(settle_s)
        out["settled_mb"] = rss_mb(proc.pid)
    f = out["first"]
    print(
        f"{label:6s} {file_key:6s} {sessions:2d} sessions: server {out['baseline_mb']:.0f} MB "
        f"-> peak {max(out['rss_mb']):.0f} MB -> {out['closed_mb']:.0f} MB at close -> "
        f"{out['settled_mb']:.0f} MB after {settle_s:.0f} s; first upload sent "
        f"{f['upload_bytes'] / 1e3:,.0f} kB, a later toggle {f['toggle_bytes'] / 1e3:,.0f} kB\n",
        flush=True,
    )
    return out


def part_sessions(args, tmp: Path) -> list[dict]:
    old = checkout(args.before, tmp)
    results = []
    for file_key in getattr(args, "files", None) or FILES:
        for label, app in (("before", old), ("after", ROOT)):
            if label not in (getattr(args, "apps", None) or ("before", "after")):
                continue
            n = args.sessions
            if label == "before" and file_key == "dense":
                n = min(n, OLD_DENSE_SESSIONS)
            results.append(run_app(label, app, file_key, n, args.settle, tmp))
    return results


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser()
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--settle", type=float, default=150.0)
    parser.add_argument("--before", default="00215d2")
    parser.add_argument("--files", type=lambda v: v.split(","), help="dense,oblast")
    parser.add_argument("--apps", type=lambda v: v.split(","), help="before,after")
    results = Results("upload_sessions", parser)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        results.save(args, {"sessions": part_sessions(args, Path(tmp))})
