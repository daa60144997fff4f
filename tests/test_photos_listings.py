"""Photos on listings (theme): the home page's lead story, thumbnails in
teasers wherever teasers are shown, none for a release without a photo.
(The search results' thumbnails: tests/test_photos_browser.py.)

One small site: five releases, the newest without a photo; pages of two,
so the lead's page and the pages after it are both seen.
"""

import re

import pytest

from tests.photos import phone_photo
from tests.sitebuild import build, page, write_release

TEXT_ONLY = "tanpa-foto"
HEADLINES = (
    "//article[@class='lead']/h2/a"
    " | //article[starts-with(@class, 'teaser')]/*[self::h2 or self::h3]/a"
)


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    content = tmp_path_factory.mktemp("listing-content")
    for number in range(1, 5):
        phone_photo(
            content / "images" / f"foto-{number}.jpg", size=(800, 600), seed=number
        )
        write_release(
            content / "berita",
            f"foto-{number}.md",
            body=f"Isi berita {number}.",
            title=f"Berita berfoto {number}",
            slug=f"berfoto-{number}",
            date=f"2025-10-0{number} 09:00",
            category="Kegiatan",
            tags="Bantuan",
            regencies="Tapin",
            summary=f"Ringkasan {number}.",
            image=f"images/foto-{number}.jpg",
            image_alt=f"Foto kegiatan {number}",
        )
    write_release(
        content / "berita",
        "tanpa-foto.md",
        title="Berita tanpa foto",
        slug=TEXT_ONLY,
        date="2025-10-09 09:00",
        category="Kegiatan",
        tags="Bantuan",
        regencies="Tapin",
    )
    output = tmp_path_factory.mktemp("listing-site")
    build(content, output, DEFAULT_PAGINATION=2)
    return output


def slugs(elements) -> list[str]:
    return [
        re.search(r"/([^/]+)/$", element.get("href")).group(1) for element in elements
    ]


def teasers(document):
    return document.xpath("//article[starts-with(@class, 'teaser')]")


def test_home_leads_with_the_newest_release_that_has_a_photo(site):
    home = page(site, "index.html")
    (lead,) = home.xpath("//article[@class='lead']")
    assert slugs(lead.xpath(".//h2/a")) == ["berfoto-4"]  # not the newer text-only
    image = lead.xpath(".//img")[0]
    assert image.get("fetchpriority") == "high"
    assert image.get("loading") is None
    assert image.get("width") == "800"
    assert image.get("height") == "600"
    assert lead.xpath(".//p[@class='summary']")[0].text == "Ringkasan 4."
    assert lead.xpath(".//time")[0].get("datetime").startswith("2025-10-04")
    # The lead is not repeated below it; the page shows its own two releases.
    listed = slugs(home.xpath("//article[starts-with(@class, 'teaser')]/h3/a"))
    assert listed == [TEXT_ONLY]
    assert home.xpath("//h1[@class='visually-hidden']")


def test_every_release_is_on_exactly_one_home_page(site):
    shown = []
    for relative in ("index.html", "2/index.html", "3/index.html"):
        document = page(site, relative)
        shown += slugs(document.xpath(HEADLINES))
        if relative != "index.html":
            assert document.xpath("//article[@class='lead']") == []  # page 1 only
    assert sorted(shown) == sorted([TEXT_ONLY] + [f"berfoto-{n}" for n in range(1, 5)])
    assert len(shown) == 5
    assert "Halaman 1 dari 3" in page(site, "index.html").text_content()


@pytest.mark.parametrize(
    "relative",
    ["2/index.html", "kabupaten/tapin/index.html", "kategori/kegiatan/index.html",
     "topik/bantuan/index.html", "berita/2025/10/berfoto-1/index.html"],
)  # fmt: skip
def test_teasers_show_a_small_lazy_thumbnail(site, relative):
    document = page(site, relative)
    with_photo = [t for t in teasers(document) if "with-photo" in t.get("class")]
    assert with_photo
    for teaser in with_photo:
        (link,) = teaser.xpath("a[@class='thumb']")
        heading_link = teaser.xpath("h2/a | h3/a")[0]
        # One link per release for screen readers and the keyboard: the
        # headline's. The photo's duplicate link is hidden, its image decorative.
        assert link.get("href") == heading_link.get("href")
        assert link.get("aria-hidden") == "true"
        assert link.get("tabindex") == "-1"
        image = link.xpath(".//img")[0]
        assert image.get("alt") == ""
        assert image.get("loading") == "lazy"
        assert image.get("fetchpriority") is None
        assert image.get("width")
        assert image.get("height")
        assert image.get("sizes") == "(min-width: 40rem) 11rem, 7rem"
        assert "320w" in link.xpath(".//source")[0].get("srcset")


def test_a_release_without_a_photo_gets_no_thumbnail(site):
    document = page(site, "kabupaten/tapin/index.html")
    (plain,) = [
        t for t in teasers(document) if TEXT_ONLY in t.xpath("h2/a")[0].get("href")
    ]
    assert plain.get("class") == "teaser"
    assert plain.xpath(".//img | .//a[@class='thumb']") == []


def test_related_releases_have_thumbnails(site):
    document = page(site, "berita/2025/10/berfoto-2/index.html")
    related = document.xpath(
        "//section[@class='related']//article[starts-with(@class, 'teaser')]"
    )
    assert related
    assert all(
        t.xpath("a[@class='thumb']//img")
        for t in related
        if "with-photo" in t.get("class")
    )
    # The article's own photo is the only one that is not lazy.
    eager = [i for i in document.xpath("//img") if i.get("loading") != "lazy"]
    assert len(eager) == 1
    assert eager[0].get("fetchpriority") == "high"


def test_the_month_archive_shows_a_small_thumbnail_beside_releases_with_photos(site):
    document = page(site, "berita/2025/10/index.html")
    items = document.xpath("//ul[@class='archive']/li")
    with_photo = [item for item in items if item.xpath("a[@class='thumb']")]
    assert len(with_photo) == 4
    assert len(items) == 5  # the release without a photo has none
    for item in with_photo:
        image = item.xpath(".//img")[0]
        assert (image.get("sizes"), image.get("loading"), image.get("alt")) == (
            "4rem",
            "lazy",
            "",
        )
        assert image.get("width")
        assert image.get("height")
