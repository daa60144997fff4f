"""What search engines, messaging apps and readers get from the built pages
(parsed, not grepped): titles, descriptions, canonical URLs, Open Graph,
JSON-LD, sitemap, robots, manifest, related releases, archives, search index."""

import gzip
import json
from urllib.parse import parse_qs, urlsplit

import pytest
from lxml import etree

from tests.sitebuild import (
    CONTENT,
    FIXTURES,
    PUBLISH_CONFIG,
    build,
    page,
    text_of,
    write_release,
)

SITE = "https://example.test"
ARTICLE = "berita/2025/10/pengukuhan-pengurus-lkks-provinsi-kalsel/"
TITLE = "Pengukuhan Pengurus LKKS Provinsi Kalsel, Gubernur : Berikan Pelayanan Terbaik pada Masyarakat"  # noqa: E501
PAGES = [
    "", ARTICLE, "kabupaten/", "kabupaten/banjar/", "kategori/kelembagaan/",
    "topik/lkks/", "arsip/", "berita/2025/", "berita/2025/10/", "cari/", "tentang/",
]  # fmt: skip


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    output = tmp_path_factory.mktemp("reader-site")
    build(CONTENT, output, PUBLISH_CONFIG, SITEURL=SITE)
    return output


def meta(document, key):
    found = document.xpath(f"//head/meta[@property='{key}' or @name='{key}']/@content")
    assert len(found) == 1, key
    return found[0]


@pytest.mark.parametrize("path", PAGES)
def test_every_page_has_its_own_title_description_and_canonical(site, path):
    document = page(site, path + "index.html")
    title = document.find(".//head/title").text
    assert title.endswith("Warta LKKS") or title.startswith("Warta LKKS")
    assert len(meta(document, "description")) > 30
    canonical = document.xpath("//head/link[@rel='canonical']/@href")
    assert canonical == [f"{SITE}/{path}"]
    assert meta(document, "og:url") == canonical[0]
    assert meta(document, "og:image").startswith(f"{SITE}/")
    assert (site / urlsplit(meta(document, "og:image")).path.lstrip("/")).is_file()
    assert meta(document, "twitter:card") == "summary_large_image"
    assert meta(document, "og:locale") == "id_ID"


def test_titles_and_descriptions_differ_between_pages(site):
    titles = [page(site, p + "index.html").find(".//head/title").text for p in PAGES]
    assert len(set(titles)) == len(titles)


def test_article_open_graph_says_what_a_whatsapp_share_shows(site):
    document = page(site, ARTICLE + "index.html")
    assert meta(document, "og:type") == "article"
    assert meta(document, "og:title") == TITLE
    assert meta(document, "og:description").startswith("Gubernur Kalimantan Selatan")
    assert meta(document, "article:published_time") == "2025-10-08T00:00:00+08:00"
    assert meta(document, "article:section") == "Kelembagaan"


def jsonld(document):
    return [
        json.loads(s.text)
        for s in document.xpath("//script[@type='application/ld+json']")
    ]


def test_article_structured_data(site):
    news, breadcrumbs = jsonld(page(site, ARTICLE + "index.html"))
    assert news["@type"] == "NewsArticle"
    assert news["headline"] == TITLE
    assert news["datePublished"] == "2025-10-08T00:00:00+08:00"
    assert news["dateModified"] == "2025-10-08T00:00:00+08:00"
    assert news["author"] == {"@type": "Organization", "name": "MC Kalsel/Rns"}
    assert news["publisher"]["name"].startswith(
        "Lembaga Koordinasi Kesejahteraan Sosial"
    )
    assert news["publisher"]["logo"]["url"] == f"{SITE}/theme/images/icon-512.png"
    assert news["image"] == [f"{SITE}/theme/images/bagikan.png"]
    assert news["inLanguage"] == "id"
    places = [place["name"] for place in news["contentLocation"]]
    assert places == ["Kota Banjarmasin", "Kabupaten Tanah Bumbu", "Kabupaten Kotabaru"]
    assert news["contentLocation"][0]["containedInPlace"]["name"] == (
        "Provinsi Kalimantan Selatan"
    )
    assert breadcrumbs["@type"] == "BreadcrumbList"
    items = [
        (i["position"], i["name"], i["item"]) for i in breadcrumbs["itemListElement"]
    ]
    assert items == [
        (1, "Beranda", f"{SITE}/"),
        (2, "Kota Banjarmasin", f"{SITE}/kabupaten/banjarmasin/"),
        (3, TITLE, f"{SITE}/{ARTICLE}"),
    ]


def test_sitemap_lists_every_public_page_with_lastmod(site):
    root = etree.fromstring((site / "sitemap.xml").read_bytes())
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    entries = {
        url.findtext("s:loc", namespaces=ns): url.findtext("s:lastmod", namespaces=ns)
        for url in root.findall("s:url", ns)
    }
    public = {
        f"{SITE}/" + str(p.relative_to(site)).removesuffix("index.html")
        for p in site.rglob("*.html")
        if p.name != "404.html"
    }
    assert set(entries) == public
    assert entries[f"{SITE}/{ARTICLE}"] == "2025-10-08T00:00:00+08:00"
    assert entries[f"{SITE}/"] == "2025-10-08T00:00:00+08:00"
    assert entries[f"{SITE}/kabupaten/banjarmasin/"] == "2025-10-08T00:00:00+08:00"
    assert entries[f"{SITE}/kabupaten/tapin/"] is None  # nothing there yet


def test_robots_manifest_and_icons(site):
    robots = (site / "robots.txt").read_text(encoding="utf-8")
    assert f"Sitemap: {SITE}/sitemap.xml" in robots.splitlines()
    manifest = json.loads((site / "manifest.webmanifest").read_text(encoding="utf-8"))
    assert manifest["lang"] == "id"
    assert manifest["name"] == "Warta LKKS"
    for icon in manifest["icons"]:
        assert (site / icon["src"]).is_file(), icon
    home = page(site, "index.html")
    icon = home.xpath("//head/link[@rel='icon']/@href")[0]
    assert (site / urlsplit(icon).path.lstrip("/")).is_file()
    assert home.xpath("//head/link[@rel='manifest']/@href") == [
        f"{SITE}/manifest.webmanifest"
    ]


def test_home_lets_readers_browse_all_13_regencies(site):
    links = page(site, "index.html").xpath("//nav[@class='regency-nav']//a")
    assert len(links) == 13
    assert links[0].get("href") == f"{SITE}/kabupaten/tanah-laut/"


def test_share_links_carry_the_article_url_and_need_no_script(site):
    document = page(site, ARTICLE + "index.html")
    links = {
        a.text_content(): a.get("href")
        for a in document.xpath("//section[@class='share']//a")
    }
    assert set(links) == {"WhatsApp", "Facebook", "X", "Telegram", "Surel"}
    url = f"{SITE}/{ARTICLE}"
    assert parse_qs(urlsplit(links["WhatsApp"]).query)["text"][0] == f"{TITLE} {url}"
    assert parse_qs(urlsplit(links["Facebook"]).query)["u"][0] == url
    assert parse_qs(urlsplit(links["Telegram"]).query)["url"][0] == url
    assert links["Surel"].startswith("mailto:?subject=")
    assert document.xpath("//input[@id='tautan']/@value") == [url]
    assert document.xpath("//script[@src]") == []


def test_archives_by_year_and_month_in_indonesian(site):
    archives = page(site, "arsip/index.html")
    assert "Oktober" in text_of(archives)
    month = page(site, "berita/2025/10/index.html")
    assert text_of(month.find(".//h1")) == "Berita Oktober 2025"
    year = page(site, "berita/2025/index.html")
    assert TITLE in text_of(year)


def test_print_stylesheet_hides_navigation():
    css = (CONTENT.parent / "theme" / "static" / "css" / "style.css").read_text()
    assert "@media print" in css
    assert "@media (prefers-color-scheme: dark)" in css
    assert ":focus-visible" in css


def test_related_releases_prefer_same_regency_then_tags(tmp_path):
    build(FIXTURES / "related", tmp_path, PUBLISH_CONFIG, SITEURL=SITE)
    document = page(tmp_path, "berita/2025/05/pusat-di-banjar/index.html")
    related = [text_of(a) for a in document.xpath("//section[@class='related']//h3/a")]
    assert related == [
        "Banjar dan lansia",  # same regency and same tag
        "Banjar saja",  # same regency, closer in time than the 2016 one
        "Banjar lama sekali",
        "Lansia di Tapin",  # only a tag in common
    ]
    assert "Tapin lain" not in related
    older = document.xpath("//nav[@class='prev-next']/a[@rel='prev']")[0]
    newer = document.xpath("//nav[@class='prev-next']/a[@rel='next']")[0]
    assert "Lansia di Tapin" in text_of(older)
    assert "Tapin lain" in text_of(newer)


def search_fragments(output):
    fragments = []
    for path in sorted((output / "pagefind").glob("*/fragment/*")):
        data = gzip.decompress(path.read_bytes())
        assert data.startswith(b"pagefind_dcd")
        fragments.append(json.loads(data[len(b"pagefind_dcd") :]))
    return fragments


def test_search_index_holds_release_pages_with_filters(site):
    fragments = search_fragments(site)
    assert [f["url"] for f in fragments] == [f"/{ARTICLE}"]
    (seed,) = fragments
    assert seed["meta"]["title"] == TITLE
    assert seed["filters"]["kabupaten"] == ["Banjarmasin", "Tanah Bumbu", "Kotabaru"]
    assert seed["filters"]["tahun"] == ["2025"]
    assert "garda terdepan" in seed["content"]
    assert "WhatsApp" not in seed["content"]  # only the release, not the page chrome


def test_search_index_never_holds_drafts_or_embargoed_releases(tmp_path):
    build(FIXTURES / "unpublished", tmp_path, PUBLISH_CONFIG, SITEURL=SITE)
    fragments = search_fragments(tmp_path)
    assert [f["meta"]["title"] for f in fragments] == ["Berita yang sudah terbit"]
    everything = b"".join(
        gzip.decompress(p.read_bytes()) for p in (tmp_path / "pagefind").rglob("*.pf_*")
    )
    assert b"RAHASIA" not in everything.upper()


def test_search_results_never_show_an_unpublished_image_address(tmp_path):
    """Pagefind takes the first <img> of a record as its result image: a body
    photo (no Image:) gave "{static}/images/…", an address that never exists
    (and the original photo is never published anyway). Only the Image:'s
    thumbnail is a result image."""
    from tests.photos import small_photo

    content = tmp_path / "content"
    small_photo(content / "images" / "isi.jpg")
    small_photo(content / "images" / "utama.jpg", colour=(200, 60, 30))
    berita = content / "berita"
    body = "Teks.\n\n![Suasana]({static}/images/isi.jpg)"
    write_release(berita, "isi.md", title="Foto di isi", date="2025-10-01", body=body)
    photo = {"image": "images/utama.jpg", "image_alt": "Foto utama"}
    write_release(berita, "utama.md", title="Foto utama", date="2025-10-02",
                  body=body, **photo)  # fmt: skip
    build(content, tmp_path / "output", PUBLISH_CONFIG, SITEURL=SITE)
    images = {f["meta"]["title"]: f["meta"].get("image")
              for f in search_fragments(tmp_path / "output")}  # fmt: skip
    assert images["Foto di isi"] is None
    assert images["Foto utama"].startswith(f"{SITE}/images/utama-320w.")
    thumbnail = images["Foto utama"].removeprefix(f"{SITE}/")
    assert (tmp_path / "output" / thumbnail).is_file()
