"""deploy/nginx.conf serves /.well-known/ (ACME renewals, security.txt) from a
folder outside the published site, with the real nginx on loopback."""

import shutil

import pytest

from tests.real_parts import free_port, needs_nginx, nginx_serving
from tests.sitebuild import CONTENT, PUBLISH_CONFIG, build
from tests.test_nginx import get, server_config

pytestmark = needs_nginx

DOCUMENTED = "root /var/www/well-known;"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    port = free_port()
    prefix = tmp_path_factory.mktemp("nginx-well-known")
    output = prefix / "output"
    build(CONTENT, output, PUBLISH_CONFIG, SITEURL=f"http://127.0.0.1:{port}")
    (output / ".well-known").mkdir()  # whatever a build might leave: never served
    (output / ".well-known" / "security.txt").write_text("dari situs\n")
    well_known = prefix / "well-known" / ".well-known"
    (well_known / "acme-challenge").mkdir(parents=True)
    (well_known / "security.txt").write_text("Contact: mailto:humas@example.test\n")
    (well_known / "acme-challenge" / "tOkEn-123").write_text("tOkEn-123.kunci\n")
    config_text = server_config(output, port, prefix)
    assert DOCUMENTED in config_text
    config_text = config_text.replace(DOCUMENTED, f"root {prefix / 'well-known'};")
    with nginx_serving(config_text, prefix, port):
        yield port
    shutil.rmtree(prefix, ignore_errors=True)


def test_security_txt_and_acme_challenges_are_served(server):
    response, body = get(server, "/.well-known/security.txt")
    assert response.status == 200
    assert body == b"Contact: mailto:humas@example.test\n"
    assert response.getheader("Content-Type").startswith("text/plain")
    assert response.getheader("Content-Security-Policy")
    token, body = get(server, "/.well-known/acme-challenge/tOkEn-123")
    assert token.status == 200
    assert body == b"tOkEn-123.kunci\n"


def test_other_well_known_paths_and_dotfiles_stay_not_found(server):
    missing, body = get(server, "/.well-known/tidak-ada")
    assert missing.status == 404
    assert b"Halaman tidak ditemukan" in body
    listing, _ = get(server, "/.well-known/")
    assert listing.status == 404
    escape, _ = get(server, "/.well-known/../.warta/pages.json")
    assert escape.status == 404
    bookkeeping, _ = get(server, "/.warta/pages.json")
    assert bookkeeping.status == 404
