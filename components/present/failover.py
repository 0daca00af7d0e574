"""After a failover, reload the page once so the new replica runs it from the URL.

When a replica dies, Streamlit's client reconnects through the load balancer to another
replica, which starts a new, empty session but never runs the script for it: the page
keeps its old content and clicks inside the map's fragment go nowhere. The view is the
URL, so a reload on the new replica restores it (and reports an uploaded overlay that
could not move). A reconnect to the same replica (a network blip) keeps its session and
is left alone: the balancer's cookie tells the two apart.
"""

from __future__ import annotations

import json

#: The cookie HAProxy sets to name the reader's replica (deploy/haproxy.cfg.in).
REPLICA_COOKIE = "KCM_REPLICA"


def failover_script(cookie: str = REPLICA_COOKIE) -> str:
    """Page script: watch the app's WebSocket reconnects; reload if the replica changed.

    No ``<`` or ``>`` in the code: Streamlit parses st.html as HTML first.
    """
    name = json.dumps(cookie)
    return (
        "<script>(function(){var w=window;if(w.__kcmFailover)return;w.__kcmFailover=true;"
        "function replica(){var found=null;document.cookie.split('; ').forEach(function(c){"
        f"var kv=c.split('=');if(kv[0]==={name})found=kv.slice(1).join('=');}});return found;}}"
        "var first=replica(),Orig=w.WebSocket;"
        "function Watched(url,protocols){var ws=protocols===undefined?new Orig(url):"
        "new Orig(url,protocols);if(String(url).indexOf('/_stcore/stream')!==-1){"
        "ws.addEventListener('open',function(){var now=replica();"
        "if(first!==null&&now!==null&&now!==first){w.location.reload();}});}return ws;}"
        "Watched.prototype=Orig.prototype;"
        "['CONNECTING','OPEN','CLOSING','CLOSED'].forEach(function(k){Watched[k]=Orig[k];});"
        "w.WebSocket=Watched;})();</script>"
    )
