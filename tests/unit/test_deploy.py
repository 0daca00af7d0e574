"""The HAProxy config `make serve` renders: valid, sticky, WebSocket-safe, checked."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from deploy.cluster import render_config

REPLICAS = [("r1", 9001), ("r2", 9002), ("r3", 9003)]


@pytest.fixture(scope="module")
def config():
    return render_config(8501, REPLICAS)


def test_haproxy_accepts_the_rendered_config(config, tmp_path):
    haproxy = shutil.which("haproxy")
    if haproxy is None:
        pytest.skip("haproxy is not installed (apt-get install -y haproxy; .ci/run does it)")
    path = tmp_path / "haproxy.cfg"
    path.write_text(config)
    check = subprocess.run([haproxy, "-c", "-f", str(path)], capture_output=True, text=True)
    assert check.returncode == 0, check.stderr


def test_every_replica_is_sticky_by_cookie_and_health_checked(config):
    for name, port in REPLICAS:
        assert f"server {name} 127.0.0.1:{port} check cookie {name}" in config
    assert "insert indirect nocache" in config
    assert "uri /_stcore/health" in config
    assert "uri /ready" in config


def test_websockets_and_failover_are_configured(config):
    assert "timeout tunnel 1h" in config
    assert "option redispatch" in config
    assert "path_beg /_stcore/metrics" in config  # kept internal


def test_page_can_read_the_replica_cookie_it_watches_for_failover(config):
    from components.present.failover import REPLICA_COOKIE, failover_script

    line = next(ln for ln in config.splitlines() if ln.strip().startswith("cookie "))
    assert f"cookie {REPLICA_COOKIE} insert" in line
    assert "httponly" not in line.lower()  # the page script reads it
    code = failover_script()[len("<script>") : -len("</script>")]
    assert "<" not in code  # Streamlit parses st.html as HTML before running scripts
    assert ">" not in code
