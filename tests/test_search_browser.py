"""The search page's script in a real browser (Debian's Chromium, Playwright):
a newer search replaces an older one, a failed index says so in Indonesian,
and result links work when SITEURL has a sub-path."""

import functools
import http.server
import threading

import pytest

from tests.sitebuild import PUBLISH_CONFIG, build
from tests.test_browser import (  # noqa: F401  (fixtures)
    SEED,
    QuietHandler,
    browser,
    pytestmark,
    site,
    tab,
)

FAILED = "Pencarian tidak dapat dimuat."
FAILED_FULLY = FAILED + " Periksa sambungan internet, lalu muat ulang halaman ini."


def serve(folder):
    handler = functools.partial(QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


@pytest.fixture
def lenient_tab(browser):  # noqa: F811
    """A tab that expects the failed requests it provokes."""
    context = browser.new_context(locale="id-ID")
    yield context.new_page()
    context.close()


def test_a_filter_changed_during_a_search_shows_one_result_set(site, tab):  # noqa: F811
    from playwright.sync_api import expect

    tab.goto(site + "cari/")
    tab.locator("#kabupaten:not([disabled])").wait_for(timeout=15_000)
    # Both searches start in one task: the first is still in flight when the
    # filter changes, whatever the speed of the machine.
    tab.evaluate(
        """() => {
          document.querySelector("#q").value = "lkks";
          document.querySelector("[data-search]").requestSubmit();
          const regency = document.querySelector("#kabupaten");
          regency.value = "Banjarmasin";
          regency.dispatchEvent(new Event("change"));
        }"""
    )
    expect(tab.locator(".search-status")).to_contain_text("berita ditemukan")
    tab.wait_for_load_state("networkidle")
    expect(tab.locator(".search-results li")).to_have_count(1)
    assert SEED in tab.locator(".search-results").inner_text()


@pytest.mark.parametrize("query", ["?q=lkks", ""])
def test_an_index_that_fails_to_load_is_reported_in_indonesian(
    site,  # noqa: F811
    lenient_tab,
    query,
):
    from playwright.sync_api import expect

    lenient_tab.route("**/pagefind/**", lambda route: route.abort())
    lenient_tab.goto(site + "cari/" + query)
    status = lenient_tab.locator(".search-status")
    expect(status).to_have_text(FAILED_FULLY, timeout=15_000)
    lenient_tab.get_by_label("Kata yang dicari").fill("pengukuhan")
    lenient_tab.get_by_role("button", name="Cari").click()
    expect(status).to_contain_text(FAILED, timeout=15_000)
    assert "Mencari" not in status.inner_text()


@pytest.fixture(scope="module")
def subpath_site(tmp_path_factory):
    """Thirty releases in many search shards, published at
    http://127.0.0.1:PORT/warta/ (a SITEURL with a path)."""
    from benchmarks.corpus import write_corpus

    corpus = write_corpus(30, tmp_path_factory.mktemp("corpus"))
    root = tmp_path_factory.mktemp("subpath")
    server = serve(root)
    siteurl = f"http://127.0.0.1:{server.server_address[1]}/warta"
    build(corpus, root / "warta", PUBLISH_CONFIG, SITEURL=siteurl, SEARCH_SHARD_SIZE=2)
    years = sorted(p.name for p in (root / "warta" / "berita").iterdir() if p.is_dir())
    yield siteurl + "/", years
    server.shutdown()


def test_result_links_keep_a_sub_path_siteurl(subpath_site, tab):  # noqa: F811
    from playwright.sync_api import expect

    url, years = subpath_site
    tab.goto(url + "cari/")
    tab.locator("#tahun:not([disabled])").wait_for(timeout=15_000)
    for year in (years[0], years[-1]):  # the first shard and a merged one
        tab.select_option("#tahun", year)
        tab.wait_for_url(f"**tahun={year}**")
        links = tab.locator(".search-results li a")
        expect(links.first).to_be_visible(timeout=15_000)
        tab.wait_for_load_state("networkidle")
        hrefs = [links.nth(n).get_attribute("href") for n in range(links.count())]
        assert all(h.startswith(f"{url}berita/{year}/") for h in hrefs), hrefs
        assert len(hrefs) == len(set(hrefs))
    links.first.click()
    tab.wait_for_url(f"{url}berita/{years[-1]}/**")
    assert tab.locator("h1").inner_text()
