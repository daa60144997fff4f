"""deploy/nginx.conf serving a published site from a real nginx on loopback."""

import gzip
import http.client
import shutil

import pytest

from tests.real_parts import free_port, needs_nginx, nginx_config, nginx_serving
from tests.sitebuild import CONTENT, FIXTURES, PUBLISH_CONFIG, ROOT, build, page

pytestmark = needs_nginx


def server_config(output, port, prefix) -> str:
    block = (ROOT / "deploy" / "nginx.conf").read_text(encoding="utf-8")
    block = block.replace("root /srv/warta-lkks/output;", f"root {output};")
    return nginx_config(block, prefix, port)


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    port = free_port()
    prefix = tmp_path_factory.mktemp("nginx")
    content = tmp_path_factory.mktemp("content")
    shutil.copytree(CONTENT, content, dirs_exist_ok=True)
    shutil.copytree(
        FIXTURES / "feeds" / "images", content / "images", dirs_exist_ok=True
    )
    # Only images a release uses are published: add the release that uses them.
    release = FIXTURES / "feeds" / "berita" / "bantuan-kursi-roda.md"
    shutil.copy(release, content / "berita")
    output = prefix / "output"
    build(content, output, PUBLISH_CONFIG, SITEURL=f"http://127.0.0.1:{port}")
    with nginx_serving(server_config(output, port, prefix), prefix, port):
        yield port, output


def get(port, path, headers=None, method="GET"):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    connection.request(method, path, headers=headers or {})
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response, body


def test_pages_are_html_with_security_headers_and_a_short_cache(server):
    port, _ = server
    response, body = get(port, "/")
    assert response.status == 200
    assert response.getheader("Content-Type") == "text/html; charset=utf-8"
    csp = response.getheader("Content-Security-Policy")
    assert "default-src 'none'" in csp
    assert "script-src 'self'" in csp
    assert "unsafe-inline" not in csp
    assert "frame-ancestors 'none'" in csp
    assert response.getheader("X-Content-Type-Options") == "nosniff"
    assert response.getheader("Referrer-Policy") == "strict-origin-when-cross-origin"
    assert response.getheader("X-Frame-Options") == "DENY"
    assert response.getheader("Cache-Control") == "max-age=300"
    assert b"Warta LKKS" in body
    article, _ = get(port, "/berita/2025/10/pengukuhan-pengurus-lkks-provinsi-kalsel/")
    assert article.status == 200


@pytest.mark.parametrize(
    ("path", "media_type"),
    [
        ("/feeds/rss.xml", "application/rss+xml; charset=utf-8"),
        ("/kabupaten/banjarmasin/rss.xml", "application/rss+xml; charset=utf-8"),
        ("/feeds/atom.xml", "application/atom+xml; charset=utf-8"),
        ("/feeds/feed.json", "application/feed+json; charset=utf-8"),
        ("images/kursi-roda-800w.*.jpg", "image/jpeg"),
        ("images/kursi-roda-800w.*.webp", "image/webp"),
    ],
)
def test_feeds_and_files_have_their_real_media_types(server, path, media_type):
    if "*" in path:  # a photo variant: its name holds its content key
        path = "/" + next(server[1].glob(path)).relative_to(server[1]).as_posix()
    response, _ = get(server[0], path)
    assert response.status == 200
    assert response.getheader("Content-Type") == media_type
    assert response.getheader("Content-Security-Policy")  # headers reach every file


def test_feeds_are_cached_briefly_and_fingerprinted_css_for_a_year(server):
    port, output = server
    feed, _ = get(port, "/feeds/rss.xml")
    assert feed.getheader("Cache-Control") == "max-age=300"
    href = page(output, "index.html").xpath("//link[@rel='stylesheet']/@href")[0]
    stylesheet = href.split(str(port), 1)[1]
    assert stylesheet.startswith("/theme/css/style.")
    css, body = get(port, stylesheet)
    assert css.status == 200
    assert css.getheader("Content-Type") == "text/css; charset=utf-8"
    assert css.getheader("Cache-Control") == "max-age=31536000"
    assert body == (output / "theme" / "css" / "style.css").read_bytes()


def test_photo_variants_are_cached_for_a_year_and_the_original_is_not_served(
    server,
):
    port, output = server
    for variant in sorted((output / "images").glob("kursi-roda-*w.*")):
        response, body = get(port, "/" + variant.relative_to(output).as_posix())
        assert response.status == 200
        assert response.getheader("Cache-Control") == "max-age=31536000"
        assert body == variant.read_bytes()
    original, _ = get(port, "/images/kursi-roda.jpg")
    assert original.status == 404


def test_missing_pages_get_our_404_page_with_status_404(server):
    response, body = get(server[0], "/berita/2099/01/tidak-ada/")
    assert response.status == 404
    assert b"Halaman tidak ditemukan" in body
    assert response.getheader("Content-Security-Policy")
    direct, _ = get(server[0], "/404.html")
    assert direct.status == 404
    bookkeeping, body = get(server[0], "/.warta/pages.json")
    assert bookkeeping.status == 404
    assert b"Halaman tidak ditemukan" in body


def test_text_responses_are_gzipped(server):
    port, _ = server
    for path in ["/", "/feeds/rss.xml", "/feeds/feed.json"]:
        response, body = get(port, path, {"Accept-Encoding": "gzip"})
        assert response.getheader("Content-Encoding") == "gzip", path
        assert response.getheader("Vary") == "Accept-Encoding"
        assert gzip.decompress(body)


def test_the_theme_satisfies_the_policy_without_inline_code(server):
    _, output = server
    for html in output.rglob("*.html"):
        document = page(output, html.relative_to(output))
        inline = "//script[not(@src) and not(@type='application/ld+json')]"
        assert document.xpath(inline) == [], html
        assert document.xpath("//style") == [], html
        assert document.xpath("//*[@style]") == [], html
        assert document.xpath("//*[@*[starts-with(name(), 'on')]]") == [], html
