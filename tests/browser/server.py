"""Another site's page for the browser tests: a newsroom's article around the app."""

from __future__ import annotations

import contextlib
import http.server
import threading
from collections.abc import Iterator


@contextlib.contextmanager
def newsroom(body: str) -> Iterator[str]:
    """Serve ``body`` as another site's page (an article embedding the app); yields its URL.

    A real page on another loopback port: the app's CSP allows ``frame-ancestors`` from
    HTTPS sites and from loopback, and a page made with ``set_content`` is about:blank,
    which has no origin a policy can allow. Stopped on exit.
    """
    data = body.encode()

    class Page(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *_args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Page)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/article"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
