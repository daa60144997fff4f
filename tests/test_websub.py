"""WebSub: with a hub configured, every feed names it, and a publish that
adds or changes feed items tells the hub which feeds changed (so Diskominfo's
aggregator fetches a release in seconds, not at its next poll). A hub here is
a server on loopback that records what it is told."""

import json
import shutil
import threading
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import feedparser
import pytest
from lxml import etree

from tests.sitebuild import CONTENT, PUBLISH_CONFIG, build, make, write_release

SITE = "https://warta.example"


class Hub:
    """A WebSub hub on 127.0.0.1 that records each ``hub.url`` it is told of."""

    def __init__(self, status=204):
        self.told: list[str] = []
        hub = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                length = int(self.headers.get("Content-Length", 0))
                form = urllib.parse.parse_qs(self.rfile.read(length).decode())
                assert form["hub.mode"] == ["publish"]
                hub.told += form["hub.url"]
                self.send_response(status)
                self.end_headers()

            def log_message(self, *arguments):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}/"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def hub():
    running = Hub()
    yield running
    running.close()


def test_every_feed_names_the_hub(tmp_path):
    hub = "https://hub.example/"
    output = tmp_path / "output"
    build(CONTENT, output, PUBLISH_CONFIG, SITEURL=SITE, SYNDICATION_WEBSUB_HUB=hub)
    for rss in ["feeds/rss.xml", "kabupaten/banjar/rss.xml"]:
        parsed = feedparser.parse((output / rss).read_bytes())
        assert not parsed.bozo, parsed.bozo_exception
        links = {link.rel: link.href for link in parsed.feed.links}
        assert links["hub"] == hub
        assert links["self"] == f"{SITE}/{rss}"
    atom = etree.parse(str(output / "feeds" / "atom.xml")).getroot()
    namespace = {"a": "http://www.w3.org/2005/Atom"}
    assert atom.xpath("a:link[@rel='hub']/@href", namespaces=namespace) == [hub]
    document = json.loads((output / "feeds" / "feed.json").read_text())
    assert document["hubs"] == [{"type": "WebSub", "url": hub}]


def test_without_a_hub_no_feed_names_one(tmp_path):
    output = tmp_path / "output"
    build(CONTENT, output, PUBLISH_CONFIG, SITEURL=SITE)
    assert b'rel="hub"' not in (output / "feeds" / "rss.xml").read_bytes()
    assert b'rel="hub"' not in (output / "feeds" / "atom.xml").read_bytes()
    assert "hubs" not in json.loads((output / "feeds" / "feed.json").read_text())


def publish(content, output, cache, hub_url):
    return make(
        "publish", f"INPUTDIR={content}", f"OUTPUTDIR={output}", f"CACHEDIR={cache}",
        env={"WARTA_SITEURL": SITE, "WARTA_WEBSUB_HUB": hub_url},
    )  # fmt: skip


def test_a_publish_tells_the_hub_exactly_which_feeds_changed(tmp_path, hub):
    content, www, cache = tmp_path / "content", tmp_path / "www", tmp_path / "cache"
    shutil.copytree(CONTENT, content)
    first = publish(content, www, cache, hub.url)
    assert first.returncode == 0, first.stderr
    every_feed = {
        f"{SITE}/{path.relative_to(www).as_posix()}"
        for pattern in ("feeds/*", "kabupaten/*/rss.xml")
        for path in www.glob(pattern)
    }
    assert len(every_feed) == 3 + 13
    assert set(hub.told) == every_feed  # a first publish: every feed is new

    hub.told.clear()
    unchanged = publish(content, www, cache, hub.url)
    assert unchanged.returncode == 0, unchanged.stderr
    assert hub.told == []

    write_release(content / "berita" / "2025", "baru.md", title="Rilis Baru",
                  date="2025-11-03 10:00", regencies="Balangan")  # fmt: skip
    changed = publish(content, www, cache, hub.url)
    assert changed.returncode == 0, changed.stderr
    assert sorted(hub.told) == sorted(
        f"{SITE}/{path}"
        for path in ("feeds/rss.xml", "feeds/atom.xml", "feeds/feed.json",
                     "kabupaten/balangan/rss.xml")
    )  # fmt: skip
    assert "WebSub" in changed.stdout + changed.stderr


def test_a_hub_that_fails_never_fails_the_publish(tmp_path):
    failing = Hub(status=500)
    try:
        result = publish(CONTENT, tmp_path / "www", tmp_path / "cache", failing.url)
    finally:
        failing.close()
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "www" / "index.html").is_file()
    assert "PERINGATAN" in result.stderr
    assert "WebSub" in result.stderr


def test_a_feed_whose_own_date_alone_changed_is_not_announced(tmp_path):
    from newsroom.websub import changed_feeds

    atom = (
        '<feed xmlns="http://www.w3.org/2005/Atom"><updated>{feed}</updated>'
        "<entry><id>x</id><updated>{entry}</updated></entry></feed>"
    )
    rss = "<rss><channel><lastBuildDate>{feed}</lastBuildDate>{items}</channel></rss>"
    for site, feed, entry, items in [
        ("live", "2025-10-01", "2025-10-01", ""),
        ("date-only", "2025-11-01", "2025-10-01", ""),
        ("entry-changed", "2025-11-01", "2025-11-01", "<item>baru</item>"),
    ]:
        (tmp_path / site / "feeds").mkdir(parents=True)
        (tmp_path / site / "feeds" / "atom.xml").write_text(
            atom.format(feed=feed, entry=entry)
        )
        (tmp_path / site / "feeds" / "rss.xml").write_text(
            rss.format(feed=feed, items=items)
        )
    live = tmp_path / "live"
    assert changed_feeds(tmp_path / "date-only", live, {}) == []
    assert changed_feeds(tmp_path / "entry-changed", live, {}) == [
        "feeds/atom.xml",
        "feeds/rss.xml",
    ]
