"""deploy/nginx-redaksi.conf serving the exported production admin from a real
nginx on loopback: its own policy on every file, noindex, no dotfiles, and the
admin starting under that policy in Chromium without a violation."""

import gzip
import re

import pytest

from newsroom.redaksi.config import forge_backend
from newsroom.redaksi.export import export
from newsroom.site_settings import load
from tests.real_parts import (
    CHROMIUM,
    CHROMIUM_ARGS,
    free_port,
    needs_chromium,
    needs_nginx,
    nginx_config,
    nginx_serving,
)
from tests.sitebuild import CONFIG, ROOT
from tests.test_nginx import get

pytestmark = needs_nginx
FORGE = "https://git.lkks-kalsel.or.id"


def server_config(root, port, prefix) -> str:
    block = (ROOT / "deploy" / "nginx-redaksi.conf").read_text(encoding="utf-8")
    block = block.replace("root /srv/warta-lkks/redaksi;", f"root {root};")
    return nginx_config(block, prefix, port)


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    port = free_port()
    prefix = tmp_path_factory.mktemp("nginx-redaksi")
    root = prefix / "redaksi"
    backend = forge_backend("gitea", FORGE, "lkks/warta", "client-id-uji")
    export(str(root), load(str(CONFIG)), backend, "https://warta.example.test/")
    with nginx_serving(server_config(root, port, prefix), prefix, port):
        yield port


POLICY = (
    "default-src 'none'; script-src 'self' 'unsafe-eval'; "
    "style-src 'self' 'unsafe-inline'; "
    f"img-src 'self' data: blob: {FORGE}; connect-src 'self' blob: {FORGE}; "
    "font-src 'self' data:; frame-src 'self' blob:; worker-src 'self' blob:; "
    "base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)


@pytest.mark.parametrize(
    ("path", "media_type"),
    [
        ("/", "text/html; charset=utf-8"),
        ("/redaksi.json", "application/json; charset=utf-8"),
        ("/format.js", "application/javascript; charset=utf-8"),
        ("/site.css", "text/css; charset=utf-8"),
        ("/vendor/decap-cms/decap-cms.js", "application/javascript; charset=utf-8"),
        ("/vendor/decap-cms/f728dc876b39e5273411.wasm", "application/wasm"),
        ("/robots.txt", "text/plain; charset=utf-8"),
    ],
)
def test_every_file_carries_the_admin_policy_and_noindex(server, path, media_type):
    response, _ = get(server, path)
    assert response.status == 200
    assert response.getheader("Content-Type") == media_type
    assert response.getheader("Content-Security-Policy") == POLICY
    assert response.getheader("X-Robots-Tag") == "noindex, nofollow"
    assert response.getheader("X-Frame-Options") == "DENY"
    assert response.getheader("Referrer-Policy") == "no-referrer"


def test_not_for_search_engines_and_no_dotfiles_or_source_maps(server):
    _, robots = get(server, "/robots.txt")
    assert robots == b"User-agent: *\nDisallow: /\n"
    for path in ("/.git/config", "/vendor/decap-cms/decap-cms.js.map", "/.env"):
        response, _ = get(server, path)
        assert response.status == 404, path
        assert response.getheader("Content-Security-Policy") == POLICY


def test_the_page_is_fresh_and_decap_compressed(server):
    page, _ = get(server, "/")
    assert page.getheader("Cache-Control") == "no-cache"
    response, body = get(
        server, "/vendor/decap-cms/decap-cms.js", {"Accept-Encoding": "gzip"}
    )
    assert response.getheader("Content-Encoding") == "gzip"
    assert response.getheader("Cache-Control") == "max-age=86400"
    assert gzip.decompress(body).startswith(b"/*! For license information")


def test_the_public_site_policy_stays_strict():
    """The admin's exceptions never reach the public site's server block."""
    public = (ROOT / "deploy" / "nginx.conf").read_text(encoding="utf-8")
    policies = re.findall(r'add_header Content-Security-Policy "([^"]+)"', public)
    assert policies
    for policy in policies:
        assert "'unsafe-eval'" not in policy
        assert "'unsafe-inline'" not in policy


@pytest.mark.browser
@needs_chromium
def test_the_admin_starts_under_its_policy(server):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS
        )
        page = browser.new_page(locale="id-ID")
        page.add_init_script(
            "window.__csp = []; document.addEventListener("
            "'securitypolicyviolation', (e) => window.__csp.push(e.violatedDirective));"
        )
        origin = f"http://127.0.0.1:{server}"
        outside = []
        page.on("request", lambda r: r.url.startswith(origin) or outside.append(r.url))
        page.goto(origin + "/")
        page.get_by_role("button", name="Masuk dengan Gitea").wait_for()
        violations = page.evaluate("window.__csp")
        browser.close()
    assert violations == []
    assert outside == []
