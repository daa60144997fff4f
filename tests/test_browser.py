"""A reader's browser: Debian's Chromium, driven by Playwright, on the built site.

Loads home, an article, a regency page and the search page, types a query
and finds the seed article; filters by regency and year.
"""

import functools
import http.server
import threading
from typing import ClassVar

import pytest

from tests.real_parts import CHROMIUM, CHROMIUM_ARGS, needs_chromium
from tests.sitebuild import CONTENT, build

SEED = "Pengukuhan Pengurus LKKS Provinsi Kalsel"
ARTICLE = "berita/2025/10/pengukuhan-pengurus-lkks-provinsi-kalsel/"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    needs_chromium,
]


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    extensions_map: ClassVar[dict[str, str]] = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".js": "text/javascript",
        ".mjs": "text/javascript",
        ".wasm": "application/wasm",
    }

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    output = tmp_path_factory.mktemp("browser-site")
    build(CONTENT, output)  # make html: relative URLs, search index included
    handler = functools.partial(QuietHandler, directory=str(output))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS
        )
        yield chromium
        chromium.close()


@pytest.fixture
def tab(browser):
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, locale="id-ID"
    )
    page = context.new_page()
    errors = []
    page.on(
        "console",
        lambda message: message.type == "error" and errors.append(message.text),
    )
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    context.close()
    assert errors == []


def test_home_article_and_regency_page_load(site, tab):
    tab.goto(site)
    assert tab.locator("html").get_attribute("lang") == "id"
    assert tab.locator(".regency-nav a").count() == 13
    tab.get_by_role("link", name=SEED).first.click()
    tab.wait_for_url(f"**/{ARTICLE}")
    assert SEED in tab.locator("h1").inner_text()
    assert "Rabu, 8 Oktober 2025" in tab.locator(".meta time").first.inner_text()
    tab.locator(".release .regencies a", has_text="Tanah Bumbu").click()
    tab.wait_for_url("**/kabupaten/tanah-bumbu/")
    assert tab.locator("h1").inner_text() == "Kabupaten Tanah Bumbu"
    assert SEED in tab.locator(".teasers").inner_text()


def test_search_finds_the_seed_article(site, tab):
    tab.goto(site + "cari/")
    tab.get_by_label("Kata yang dicari").fill("pengukuhan pengurus")
    result = tab.locator(".search-results li a").first
    result.wait_for(timeout=15_000)
    assert SEED in result.inner_text()
    assert "berita ditemukan" in tab.locator(".search-status").inner_text()
    assert tab.locator(".search-results mark").count() > 0
    result.click()
    tab.wait_for_url(f"**/{ARTICLE}")


def test_search_filters_by_regency_and_year(site, tab):
    from playwright.sync_api import expect

    tab.goto(site + "cari/?q=lkks")
    tab.locator(".search-results li a").first.wait_for(timeout=15_000)
    regencies = tab.locator("#kabupaten option").all_inner_texts()
    assert "Banjarmasin (1)" in regencies
    assert "Tapin (1)" not in regencies  # only values that some release has
    years = tab.locator("#tahun option").all_inner_texts()
    assert "2025 (1)" in years
    tab.select_option("#kabupaten", "Banjarmasin")
    tab.wait_for_url("**kabupaten=Banjarmasin**")
    tab.locator(".search-results li a").first.wait_for()
    assert SEED in tab.locator(".search-results").inner_text()
    tab.select_option("#tahun", "2025")
    tab.wait_for_url("**tahun=2025**")
    # The list is emptied as the new search starts: wait for its results.
    expect(tab.locator(".search-results li")).to_have_count(1, timeout=15_000)


def test_pages_work_without_javascript(site, browser):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site + ARTICLE)
    assert SEED in page.locator("h1").inner_text()
    page.goto(site + "cari/")
    assert "Pencarian memerlukan JavaScript" in page.locator("main").inner_text()
    context.close()


@pytest.fixture(scope="module")
def sharded_site(tmp_path_factory):
    """Thirty releases over ten years, at most two per search shard."""
    from benchmarks.corpus import write_corpus

    corpus = write_corpus(30, tmp_path_factory.mktemp("corpus"))
    output = tmp_path_factory.mktemp("sharded-site")
    build(corpus, output, SEARCH_SHARD_SIZE=2)
    handler = functools.partial(QuietHandler, directory=str(output))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    dates = sorted(
        line.removeprefix("Date: ")
        for path in corpus.glob("berita/*/*.md")
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.startswith("Date: ")
    )
    yield f"http://127.0.0.1:{server.server_address[1]}/", output, dates
    server.shutdown()


def test_search_merges_every_shard(sharded_site, tab):
    from playwright.sync_api import expect

    url, output, dates = sharded_site
    shards = [p.name for p in (output / "pagefind").iterdir()]
    assert len(shards) > 10
    years = sorted({d[:4] for d in dates})
    tab.goto(url + "cari/")
    tab.locator("#tahun:not([disabled])").wait_for(timeout=15_000)
    options = tab.locator("#tahun option").all_inner_texts()[1:]
    # The year filter is merged from every shard: all years, all 30 releases.
    assert sorted(o.split(" ")[0] for o in options) == years
    assert sum(int(o.split("(")[1].rstrip(")")) for o in options) == 30
    # A filter-only search returns releases from the oldest and newest shards.
    for year in (years[0], years[-1]):
        tab.select_option("#tahun", year)
        tab.wait_for_url(f"**tahun={year}**")
        expected = sum(d.startswith(year) for d in dates)
        results = tab.locator(".search-results li")
        expect(results).to_have_count(expected, timeout=15_000)
