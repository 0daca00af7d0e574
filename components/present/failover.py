"""After a failover, reload the page once so the new replica runs it from the URL.

When a replica dies, Streamlit's client reconnects through the load balancer to another
replica, which starts a new, empty session but never runs the script for it: the page
keeps its old content and clicks inside the map's fragment go nowhere. The view is the
URL, so a reload on the new replica restores it (and reports an uploaded overlay that
could not move). A reconnect to the same replica (a network blip) keeps its session and
is left alone: the balancer's cookie tells the two apart.
"""

from __future__ import annotations

from components.present.templating import script

#: The cookie HAProxy sets to name the reader's replica (deploy/haproxy.cfg.in).
REPLICA_COOKIE = "KCM_REPLICA"


def failover_script(cookie: str = REPLICA_COOKIE) -> str:
    """Page script (``templates/failover.js.j2``): watch the app's WebSocket reconnects;
    reload if the replica changed.

    No ``<`` or ``>`` in the code: Streamlit parses st.html as HTML first.
    """
    return script("failover.js.j2", cookie=cookie)
