"""Photos as a phone reader gets them: Debian's Chromium, driven by Playwright,
on a site of ten releases with phone photos (one 4032×3024, the others
1200×900 for speed, one of them portrait through its EXIF orientation) and
one without, served on loopback.

The reader's phone: a viewport 390 CSS px wide and 844 tall with
deviceScaleFactor 2 (a 780-px-wide screen, as most phones are), so the
``srcset`` candidates chosen are the ones such a phone downloads. Budgets
(issue 15): at most 150 KB of images for the article with the big photo,
at most 200 KB for the home page, scrolled to the bottom; no layout shift
from images; the lead photo requested at high priority, the rest lazily.
"""

import functools
import http.server
import threading

import pytest

from tests.photos import phone_photo
from tests.real_parts import CHROMIUM, CHROMIUM_ARGS, needs_chromium
from tests.sitebuild import build, write_release
from tests.test_browser import QuietHandler

pytestmark = [pytest.mark.browser, pytest.mark.slow, needs_chromium]

ARTICLE = "berita/2025/10/foto-utama-10/"  # the 4032×3024 photo, the lead
TEXT_ONLY = "Rapat koordinasi tanpa foto"
PHONE = {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 2}
ARTICLE_BUDGET = 150_000
HOME_BUDGET = 200_000
REGENCIES = ["Banjar", "Tapin", "Kotabaru"]


def write_photo_site(folder):
    """Ten releases with phone photos, newest first from 20 October 2025
    (the newest with the 4032×3024 photo, number 6 a portrait), and the
    oldest without one. Returns the content folder."""
    content = folder / "content"
    for number in range(10, 0, -1):
        big = number == 10
        phone_photo(
            content / "images" / f"foto-{number}.jpg",
            size=(4032, 3024) if big else (1200, 900),
            orientation=6 if number == 6 else 1,
            seed=number,
            quality=92 if big else 85,
            busy=True,
        )
        write_release(
            content / "berita",
            f"foto-{number}.md",
            body=f"Isi berita nomor {number} tentang santunan lansia.\n\n"
            + "Paragraf berikutnya berisi keterangan kegiatan. " * 20,
            title=f"Penyaluran bantuan sosial tahap {number} di kabupaten",
            slug=f"foto-utama-{number}",
            date=f"2025-10-{10 + number:02d} 09:00",
            category="Kegiatan",
            tags="Bantuan",
            regencies=REGENCIES[number % 3],
            summary=f"Ringkasan berita nomor {number}: bantuan bagi warga lansia.",
            image=f"images/foto-{number}.jpg",
            image_alt=f"Petugas menyerahkan bantuan kepada warga, tahap {number}",
            image_caption=f"Penyerahan bantuan tahap {number} di balai desa.",
            image_credit="Foto: MC Kalsel",
        )
    write_release(
        content / "berita",
        "tanpa-foto.md",
        body="Rapat tanpa foto.",
        title=TEXT_ONLY,
        slug="tanpa-foto",
        date="2025-10-01 09:00",
        category="Kegiatan",
        regencies="Tapin",
        summary="Rapat koordinasi pengurus, berita tanpa foto.",
    )
    return content


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    content = write_photo_site(tmp_path_factory.mktemp("photo-content"))
    output = tmp_path_factory.mktemp("photo-site")
    build(content, output)  # make html: relative URLs, search index included
    handler = functools.partial(QuietHandler, directory=str(output))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
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


# Layout shifts as the page reports them, from its first moment.
OBSERVE_SHIFTS = """
window.__shift = 0;
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    if (!entry.hadRecentInput) window.__shift += entry.value;
  }
}).observe({ type: "layout-shift", buffered: true });
"""

IMAGE_BYTES = """
performance.getEntriesByType("resource")
  .filter((entry) => /\\.(webp|jpe?g|png|avif)$/.test(new URL(entry.name).pathname))
  .map((entry) => [new URL(entry.name).pathname, entry.encodedBodySize])
"""


class Phone:
    """One page in a phone-sized tab, with the priority Chromium gave every
    image request (DevTools protocol: ``initialPriority``)."""

    def __init__(self, browser):
        self.context = browser.new_context(**PHONE, locale="id-ID")
        self.context.add_init_script(OBSERVE_SHIFTS)
        self.page = self.context.new_page()
        self.priorities = {}
        self.errors = []
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        session = self.context.new_cdp_session(self.page)
        session.on("Network.requestWillBeSent", self._request)
        session.send("Network.enable")

    def _request(self, event):
        if event.get("type") == "Image":
            request = event["request"]
            self.priorities[request["url"]] = request["initialPriority"]

    def open(self, url):
        self.page.goto(url, wait_until="load")
        self.page.wait_for_load_state("networkidle")

    def scroll_to_bottom(self):
        """Down a screen at a time, as a thumb does, then wait for the lazy
        images that came near the screen."""
        height = self.page.evaluate("document.documentElement.scrollHeight")
        for top in range(0, height + 844, 400):
            self.page.evaluate(f"window.scrollTo(0, {top})")
            self.page.wait_for_timeout(50)
        self.page.wait_for_load_state("networkidle")
        self.page.wait_for_timeout(300)

    def image_bytes(self) -> dict[str, int]:
        return dict(self.page.evaluate(IMAGE_BYTES))

    def layout_shift(self) -> float:
        return self.page.evaluate("window.__shift")

    def images_without_size(self) -> list[str]:
        return self.page.evaluate(
            """[...document.images]
               .filter((i) => !(i.getAttribute("width") && i.getAttribute("height")))
               .map((i) => i.outerHTML)"""
        )

    def close(self):
        self.context.close()
        assert self.errors == []


@pytest.fixture
def phone(browser):
    tab = Phone(browser)
    yield tab
    tab.close()


def report(what, loaded):
    print(f"\n{what}: {sum(loaded.values())} bytes of images")
    for path, length in sorted(loaded.items()):
        print(f"  {length:>8}  {path}")


def test_article_with_a_big_phone_photo_stays_in_budget(site, phone):
    phone.open(site + ARTICLE)
    loaded = phone.image_bytes()
    report("article, loaded", loaded)
    lead = [url for url in phone.priorities if "/images/foto-10-" in url]
    assert len(lead) == 1, phone.priorities  # one variant, not several
    assert lead[0].endswith(".avif")  # the first format Chromium takes
    assert phone.priorities[lead[0]] in {"High", "VeryHigh"}
    # The phone's 780 device pixels take the 800-wide variant, not the 1600.
    assert "-800w." in lead[0]
    phone.scroll_to_bottom()
    loaded = phone.image_bytes()
    report("article, scrolled to the bottom", loaded)
    assert 0 < sum(loaded.values()) <= ARTICLE_BUDGET
    assert phone.images_without_size() == []
    assert phone.layout_shift() < 0.01


def test_home_with_ten_photos_stays_in_budget(site, phone):
    phone.open(site)
    first_screen = phone.image_bytes()
    report("home, loaded", first_screen)
    lead = phone.page.locator(".lead img")
    assert lead.get_attribute("fetchpriority") == "high"
    assert lead.get_attribute("loading") is None
    lead_url = phone.page.evaluate("document.querySelector('.lead img').currentSrc")
    assert phone.priorities[lead_url] in {"High", "VeryHigh"}
    thumbnails = phone.page.locator(".teaser img")
    assert thumbnails.count() == 9  # ten photos: one lead, nine teasers
    assert set(thumbnails.evaluate_all("all => all.map(i => i.loading)")) == {"lazy"}
    phone.scroll_to_bottom()
    scrolled = phone.image_bytes()
    report("home, scrolled to the bottom", scrolled)
    # Lazy: the teasers far below the first screen waited for the scroll.
    assert len(scrolled) > len(first_screen)
    assert len(scrolled) == 10  # each photo once, in one size and format
    assert sum(scrolled.values()) <= HOME_BUDGET
    assert phone.images_without_size() == []
    assert phone.layout_shift() < 0.01


def test_regency_page_shows_thumbnails_and_the_release_without_one(site, phone):
    phone.open(site + "kabupaten/tapin/")
    teasers = phone.page.locator(".teaser")
    texts = teasers.all_inner_texts()
    assert any(TEXT_ONLY in text for text in texts)
    without = phone.page.locator(".teaser", has_text=TEXT_ONLY)
    assert without.locator("img").count() == 0
    assert phone.page.locator(".teaser img").count() == teasers.count() - 1
    phone.scroll_to_bottom()
    assert phone.images_without_size() == []
    assert phone.layout_shift() < 0.01
    # The thumbnail sits beside the headline, inside the teaser's box.
    box = phone.page.locator(".teaser .thumb").first.bounding_box()
    teaser = teasers.first.bounding_box()
    assert box["width"] == pytest.approx(7 * 16, abs=1)
    assert box["x"] + box["width"] <= teaser["x"] + teaser["width"] + 0.5


def test_search_results_show_a_thumbnail(site, phone):
    phone.open(site + "cari/?q=rapat")
    results = phone.page.locator(".search-results li")
    results.first.wait_for(timeout=15_000)
    assert phone.page.locator(".search-results li img").count() == 0
    phone.open(site + "cari/?q=penyaluran")
    phone.page.locator(".search-results li").first.wait_for(timeout=15_000)
    image = phone.page.locator(".search-results li img").first
    image.wait_for()
    assert image.get_attribute("width") == "320"
    assert image.get_attribute("height") == "240"
    assert image.get_attribute("loading") == "lazy"
    assert image.get_attribute("alt") == ""
    assert image.evaluate("img => img.complete && img.naturalWidth") == 320


def test_search_excerpt_keeps_the_space_after_a_match(site, phone):
    phone.open(site + "cari/?q=penyaluran")
    excerpt = phone.page.locator(".search-results li p:has(mark)").first
    excerpt.wait_for(timeout=15_000)
    assert "Penyaluran bantuan sosial" in excerpt.inner_text()
