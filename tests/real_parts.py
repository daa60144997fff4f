"""The real programs some tests drive (nginx, Chromium, node, systemd-analyze),
and what a test does when one is missing.

``make test`` installs each of them (Debian packages, ``Makefile`` TESTDEPS).
On a developer's machine without one, its tests are skipped with the reason;
under ``CI=true`` they fail instead, so a missing real part can never pass CI
as a row of skips.
"""

import contextlib
import os
import shutil
import socket
import subprocess
import time
from pathlib import Path

import pytest


def _found(*candidates: str) -> str | None:
    for candidate in candidates:
        path = shutil.which(candidate) or (
            candidate
            if os.path.isabs(candidate) and os.access(candidate, os.X_OK)
            else None
        )
        if path:
            return path
    return None


NGINX = _found("nginx", "/usr/sbin/nginx")
CHROMIUM = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
NODE = _found("node", "nodejs")
SYSTEMD_ANALYZE = _found("systemd-analyze")


def needs(available: bool, what: str):
    """A mark for tests that need ``what``: skip without it, fail under CI."""
    reason = f"{what} is missing (make test installs it)"
    if available:
        return pytest.mark.needs_real_part.with_args(None)
    if os.environ.get("CI") == "true":
        return pytest.mark.needs_real_part.with_args(f"{reason}; CI=true: a failure")
    return pytest.mark.skip(reason=reason)


needs_nginx = needs(NGINX is not None, "nginx (Debian's nginx-light)")
needs_chromium = needs(os.path.exists(CHROMIUM), f"Chromium at {CHROMIUM}")
needs_node = needs(NODE is not None, "node (Debian's nodejs)")
needs_systemd_analyze = needs(SYSTEMD_ANALYZE is not None, "systemd-analyze (systemd)")


CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def nginx_config(block: str, prefix, port: int) -> str:
    """A whole nginx.conf around one of our server blocks (``deploy/…``),
    listening on ``127.0.0.1:port``, with every file under ``prefix``."""
    block = block.replace("listen 80;", f"listen 127.0.0.1:{port};")
    user = "user root;" if os.geteuid() == 0 else ""
    temp = "\n".join(
        f"{kind}_temp_path {prefix}/{kind};"
        for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    return f"""{user}
worker_processes 1;
pid {prefix}/nginx.pid;
error_log {prefix}/error.log;
events {{}}
http {{
    include /etc/nginx/mime.types;
    access_log off;
    {temp}
{block}
}}
"""


@contextlib.contextmanager
def nginx_serving(config_text: str, prefix, port: int):
    """Debian's nginx with ``config_text`` (``nginx -t`` first), until the end
    of the ``with`` block."""
    config = Path(prefix) / "nginx.conf"
    config.write_text(config_text, encoding="utf-8")
    checked = subprocess.run(
        [NGINX, "-t", "-c", str(config), "-p", str(prefix)],
        capture_output=True,
        text=True,
    )
    assert checked.returncode == 0, checked.stderr
    process = subprocess.Popen(
        [NGINX, "-c", str(config), "-p", str(prefix), "-g", "daemon off;"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.1).close()
                break
            except OSError:
                time.sleep(0.05)
        yield
    finally:
        process.terminate()
        process.wait(timeout=10)
