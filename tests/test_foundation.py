"""The bundled site: what a reader sees on the seed release, home and 404."""

import re
import tomllib

from tests.sitebuild import ROOT, hrefs, page, text_of

ARTICLE = "berita/2025/10/pengukuhan-pengurus-lkks-provinsi-kalsel/index.html"
TITLE = (
    "Pengukuhan Pengurus LKKS Provinsi Kalsel, Gubernur : "
    "Berikan Pelayanan Terbaik pada Masyarakat"
)
BOILERPLATE = [
    "Related Articles",
    "Tinggalkan Balasan",
    "Alamat email Anda tidak akan dipublikasikan",
    "Back to top button",
    "sumber :",
]


def test_article_is_saved_at_its_stable_url(bundled_site):
    assert (bundled_site / ARTICLE).is_file()


def test_article_shows_title_indonesian_date_credit_and_source(bundled_site):
    doc = page(bundled_site, ARTICLE)
    assert text_of(doc.find(".//h1")) == TITLE
    assert doc.find(".//title").text.startswith(TITLE)
    time = doc.find(".//article//time")
    assert text_of(time) == "Rabu, 8 Oktober 2025"
    assert time.get("datetime") == "2025-10-08T00:00:00+08:00"
    meta = text_of(doc.find_class("meta")[0])
    assert "Oleh MC Kalsel/Rns" in meta
    assert "Sumber: diskominfomc.kalselprov.go.id" in meta
    assert doc.get("lang") == "id"


def test_article_body_is_whole_and_without_scraped_boilerplate(bundled_site):
    doc = page(bundled_site, ARTICLE)
    body = text_of(doc.find_class("body")[0])
    assert body.startswith("Gubernur Kalimantan Selatan H. Muhidin")
    assert body.endswith("kesejahteraan masyarakat. MC Kalsel/Rns")
    assert "Di Kalsel ada 199 LKS" in body
    whole = text_of(doc)
    for scrap in BOILERPLATE:
        assert scrap not in whole


def test_home_lists_the_release_with_its_date(bundled_site):
    doc = page(bundled_site, "index.html")
    teasers = doc.find_class("teaser")
    assert len(teasers) == 1
    link = teasers[0].find(".//h3/a")
    assert text_of(link) == TITLE
    assert (
        link.get("href") == "./berita/2025/10/pengukuhan-pengurus-lkks-provinsi-kalsel/"
    )
    assert "Rabu, 8 Oktober 2025" in text_of(teasers[0])


def test_about_page_and_404_exist(bundled_site):
    about = page(bundled_site, "tentang/index.html")
    assert text_of(about.find(".//h1")) == "Tentang LKKS"
    assert "Dewi Damayanti Said" in text_of(about)
    not_found = page(bundled_site, "404.html")
    assert text_of(not_found.find(".//h1")) == "Halaman tidak ditemukan"
    assert not (bundled_site / "404" / "index.html").exists()


def test_published_404_uses_absolute_links(published_site):
    # The server answers any missing path with 404.html: relative links would
    # break at depth, so the published page links absolutely.
    doc = page(published_site, "404.html")
    stylesheet = doc.find(".//link[@rel='stylesheet']").get("href")
    assert stylesheet.startswith("https://example.test/theme/css/style.")
    assert "https://example.test/" in hrefs(doc)


def test_ui_has_no_english_dates_or_labels(bundled_site):
    english = re.compile(
        r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|"
        r"February|March|April|June|July|August|September|October|November|"
        r"December|Posted|Read more|Next|Previous)\b"
    )
    for html in bundled_site.rglob("*.html"):
        assert not english.search(text_of(page(bundled_site, html))), html


def test_listing_pages_list_the_release(bundled_site):
    for listing in [
        "berita/2025/10/",
        "berita/2025/",
        "kategori/kelembagaan/",
        "topik/lkks/",
    ]:
        doc = page(bundled_site, listing + "index.html")
        assert TITLE in text_of(doc), listing


def test_term_indexes_link_each_term_with_its_count(bundled_site):
    categories = page(bundled_site, "kategori/index.html")
    assert "Kelembagaan (1 berita)" in text_of(categories)
    assert "../kategori/kelembagaan/" in hrefs(categories)
    tags = text_of(page(bundled_site, "topik/index.html"))
    for tag in ["LKKS (1 berita)", "Pengukuhan (1 berita)"]:
        assert tag in tags


def test_pyproject_pins_match_the_lock_file():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    direct = project["dependencies"] + project["optional-dependencies"]["dev"]
    lock = {}
    for line in (ROOT / "requirements.lock").read_text().splitlines():
        if line and not line.startswith("#"):
            name, version = line.split("==")
            lock[name.lower().replace("_", "-")] = version
    for requirement in direct:
        name, version = requirement.split("==")
        name = name.split("[")[0].lower()
        assert lock.get(name) == version, requirement
