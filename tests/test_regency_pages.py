"""Regency pages as a reader sees them, built from real Markdown."""

import pytest

from tests.sitebuild import (
    FIXTURES,
    build,
    hrefs,
    page,
    regency_slugs,
    text_of,
    write_release,
)

SLUGS = regency_slugs()


def listed_titles(output, regency_path):
    doc = page(output, regency_path)
    return [text_of(a) for a in doc.xpath("//ol[@class='teasers']//h2/a")]


@pytest.fixture(scope="module")
def regency_site(tmp_path_factory):
    output = tmp_path_factory.mktemp("regencies")
    build(FIXTURES / "regencies", output)
    return output


def test_all_13_regency_pages_exist_even_when_empty(regency_site):
    for slug in SLUGS:
        assert (regency_site / "kabupaten" / slug / "index.html").is_file(), slug


def test_each_regency_page_lists_exactly_its_releases(regency_site):
    expected = {
        "banjar": ["Pelatihan relawan sosial di Martapura dan Batulicin"],
        "tanah-bumbu": ["Pelatihan relawan sosial di Martapura dan Batulicin"],
        "banjarmasin": ["Rapat koordinasi LKS se-Kota Banjarmasin"],
        "kotabaru": ["Pembentukan LKKS Kotabaru dibahas di Banjarbaru"],
        "banjarbaru": ["Pembentukan LKKS Kotabaru dibahas di Banjarbaru"],
    }
    for slug in SLUGS:
        titles = listed_titles(regency_site, f"kabupaten/{slug}/index.html")
        assert titles == expected.get(slug, []), slug


def test_empty_regency_page_has_a_friendly_message(regency_site):
    doc = page(regency_site, "kabupaten/tapin/index.html")
    assert text_of(doc.find(".//h1")) == "Kabupaten Tapin"
    assert "Belum ada berita dari Kabupaten Tapin" in text_of(doc)
    assert "Ibu kota: Rantau" in text_of(doc)


def test_drafts_count_nowhere(regency_site):
    for html in regency_site.rglob("*.html"):
        assert "Draf berita Banjar" not in html.read_text(encoding="utf-8"), html


def test_overview_shows_counts_latest_and_province_wide(regency_site):
    doc = page(regency_site, "kabupaten/index.html")
    headings = [text_of(h) for h in doc.iter("h2")]
    assert headings == ["Kabupaten", "Kota"]
    cards = {
        text_of(card.find(".//h3")): card for card in doc.find_class("regency-card")
    }
    assert len(cards) == 13
    assert "1 berita" in text_of(cards["Banjar"])
    assert "0 berita" in text_of(cards["Tapin"])
    latest = cards["Kotabaru"].find(".//p[@class='latest']/a")
    assert text_of(latest) == "Pembentukan LKKS Kotabaru dibahas di Banjarbaru"
    assert (
        latest.get("href")
        == "../berita/2025/04/pembentukan-lkks-kotabaru-dibahas-di-banjarbaru/"
    )
    kota = doc.xpath("//section[h2='Kota']//h3")
    assert [text_of(h) for h in kota] == ["Banjarmasin", "Banjarbaru"]
    # "provinsi.md" has no Regencies line; "kosong.md" has an empty one.
    assert "2 berita berlaku untuk seluruh provinsi" in text_of(doc)


def test_article_links_its_regencies_in_the_editors_order(regency_site):
    doc = page(
        regency_site,
        "berita/2025/04/pembentukan-lkks-kotabaru-dibahas-di-banjarbaru/index.html",
    )
    links = doc.xpath("//ul[@class='regencies']/li/a")
    assert [text_of(a) for a in links] == ["Kotabaru", "Banjarbaru"]
    assert [a.get("href") for a in links] == [
        "../../../../kabupaten/kotabaru/",
        "../../../../kabupaten/banjarbaru/",
    ]


def test_province_wide_release_is_on_home_but_no_regency_page(regency_site):
    home = text_of(page(regency_site, "index.html"))
    assert "Program kerja LKKS tahun pertama" in home
    article = page(
        regency_site, "berita/2025/03/program-kerja-lkks-tahun-pertama/index.html"
    )
    assert "Seluruh provinsi" in text_of(article.find_class("meta")[0])
    for slug in SLUGS:
        assert "Program kerja LKKS" not in " ".join(
            listed_titles(regency_site, f"kabupaten/{slug}/index.html")
        )


def test_bundled_seed_is_on_banjarmasin_tanah_bumbu_kotabaru_only(bundled_site):
    title = "Pengukuhan Pengurus LKKS Provinsi Kalsel"
    on = {
        slug
        for slug in SLUGS
        if any(
            title in t
            for t in listed_titles(bundled_site, f"kabupaten/{slug}/index.html")
        )
    }
    assert on == {"banjarmasin", "tanah-bumbu", "kotabaru"}


def test_regency_pages_paginate_newest_first(tmp_path):
    content = tmp_path / "content"
    for day in range(1, 24):
        write_release(
            content / "berita",
            f"tapin-{day:02d}.md",
            title=f"Berita Tapin nomor {day:02d}",
            date=f"2025-08-{day:02d} 10:00",
            regencies="Tapin",
        )
    output = tmp_path / "output"
    build(content, output)
    first = listed_titles(output, "kabupaten/tapin/index.html")
    second = listed_titles(output, "kabupaten/tapin/2/index.html")
    third = listed_titles(output, "kabupaten/tapin/3/index.html")
    assert (len(first), len(second), len(third)) == (10, 10, 3)
    assert first[0] == "Berita Tapin nomor 23"
    assert third[-1] == "Berita Tapin nomor 01"
    assert not (output / "kabupaten" / "tapin" / "4").exists()
    nav = page(output, "kabupaten/tapin/2/index.html").find_class("pagination")[0]
    assert "Halaman 2 dari 3" in text_of(nav)
    assert hrefs(nav) == ["../../../kabupaten/tapin/", "../../../kabupaten/tapin/3/"]
    assert not (output / "kabupaten" / "banjar" / "2").exists()


def test_url_patterns_are_settings(tmp_path):
    output = tmp_path / "output"
    build(
        FIXTURES / "regencies",
        output,
        REGENCY_URL="wilayah/{slug}.html",
        REGENCY_SAVE_AS="wilayah/{slug}.html",
        REGENCIES_URL="wilayah/",
        REGENCIES_SAVE_AS="wilayah/index.html",
    )
    assert (output / "wilayah" / "banjar.html").is_file()
    assert (output / "wilayah" / "index.html").is_file()
    assert not list(output.glob("kabupaten/**/*.html"))
    overview = page(output, "wilayah/index.html")
    assert "../wilayah/banjar.html" in hrefs(overview)
