"""Feeds read back with feedparser: each field syndicators rely on."""

import json
import shutil

import lxml.html
import pytest

from editorial.problems import BuildStopped
from tests.feeds import NS, by_title, parse, xml
from tests.sitebuild import FIXTURES, PUBLISH_CONFIG, build, page, regency_slugs

SITE = "https://example.test"
AWKWARD = 'Bantuan "Sembako" & Kursi Roda < 5 Unit untuk Lansia'
AWKWARD_URL = f"{SITE}/berita/2025/09/bantuan-sembako-kursi-roda-5-unit-untuk-lansia/"
EDITED = "Jadwal konsolidasi LKKS kabupaten diperbarui"
SLUGS = regency_slugs()


def publish(content, output, **override):
    return build(content, output, PUBLISH_CONFIG, **{"SITEURL": SITE, **override})


@pytest.fixture(scope="module")
def feed_site(tmp_path_factory):
    output = tmp_path_factory.mktemp("feeds")
    publish(FIXTURES / "feeds", output)
    return output


def share_jpeg(site, stem: str):
    """The JPEG feeds use for a photo (the widest up to 1200 px: the
    fixture's kursi-roda.jpg is 800 px wide, denah.png 144 px)."""
    jpegs = sorted(
        (site / "images").glob(f"{stem}-*w.*.jpg"),
        key=lambda path: int(path.name.rsplit("-", 1)[1].split("w.")[0]),
    )
    fitting = [p for p in jpegs if int(p.name.rsplit("-", 1)[1].split("w.")[0]) <= 1200]
    return fitting[-1]


def url_of(site, path) -> str:
    return f"{SITE}/{path.relative_to(site).as_posix()}"


def test_every_feed_kind_is_written(feed_site):
    for path in ["feeds/rss.xml", "feeds/atom.xml", "feeds/feed.json"]:
        assert (feed_site / path).is_file(), path
    for slug in SLUGS:
        assert (feed_site / "kabupaten" / slug / "rss.xml").is_file(), slug


def test_pelican_builtin_feeds_are_off(feed_site):
    assert not (feed_site / "feeds" / "all.atom.xml").exists()
    assert not list(feed_site.rglob("*.atom.xml"))


def test_rss_titles_are_plain_text_in_every_reader(feed_site):
    rss = parse(feed_site, "feeds/rss.xml")
    titles = [entry.title for entry in rss.entries]
    assert AWKWARD in titles
    raw = xml(feed_site, "feeds/rss.xml").find("channel/item/title").text
    assert raw == AWKWARD  # not "&amp;amp;" nor markup


def test_rss_items_are_newest_first_with_absolute_links(feed_site):
    rss = parse(feed_site, "feeds/rss.xml")
    assert [entry.title for entry in rss.entries] == [
        AWKWARD,
        "Rapat pleno pengurus tanpa ringkasan",
        EDITED,
        "Seruan LKKS untuk seluruh LKS di Kalimantan Selatan",
    ]
    assert rss.entries[0].link == AWKWARD_URL


def test_rss_guid_is_not_a_permalink_and_unique(feed_site):
    items = xml(feed_site, "feeds/rss.xml").findall("channel/item")
    guids = [item.find("guid") for item in items]
    assert all(guid.get("isPermaLink") == "false" for guid in guids)
    assert len({guid.text for guid in guids}) == len(guids)
    assert guids[0].text == (
        "tag:lkks-kalsel.or.id,2025:2025-09-15:bantuan-sembako-kursi-roda-5-unit-untuk-lansia"
    )
    assert SITE not in guids[0].text


def test_rss_dates_carry_the_wita_offset(feed_site):
    items = xml(feed_site, "feeds/rss.xml").findall("channel/item")
    assert items[0].find("pubDate").text == "Mon, 15 Sep 2025 10:30:00 +0800"
    channel = xml(feed_site, "feeds/rss.xml").find("channel")
    # Newest item (the edited release's Modified), not the clock.
    assert channel.find("lastBuildDate").text == "Sat, 20 Sep 2025 16:45:00 +0800"


def test_rss_author_is_dc_creator_and_categories_name_regencies(feed_site):
    item = xml(feed_site, "feeds/rss.xml").find("channel/item")
    assert item.find("author") is None
    assert item.find("dc:creator", NS).text == "MC Kalsel/Ann"
    categories = [c.text for c in item.findall("category")]
    assert categories == [
        "Bantuan",
        "Lansia",
        "Disabilitas",
        "Kabupaten Banjar",
        "Kabupaten Tanah Laut",
    ]
    entry = by_title(parse(feed_site, "feeds/rss.xml"))[AWKWARD]
    assert entry.author == "MC Kalsel/Ann"
    assert [tag.term for tag in entry.tags] == categories


def test_rss_description_is_plain_summary_and_content_is_full_absolute_html(feed_site):
    entries = by_title(parse(feed_site, "feeds/rss.xml"))
    awkward = entries[AWKWARD]
    # The plain-text summary as HTML that shows it (RSS description is HTML).
    assert awkward.summary_detail.type == "text/html"
    assert (
        awkward.summary
        == "Lima kursi roda &amp; paket sembako diserahkan kepada lansia."
    )
    html = awkward.content[0].value
    assert 'alt="Kursi roda yang diserahkan"' in html
    # A photo as one plain <img>: the sharing JPEG, with its size.
    kursi, denah = share_jpeg(feed_site, "kursi-roda"), share_jpeg(feed_site, "denah")
    images = {
        image.get("src"): (image.get("width"), image.get("height"))
        for image in lxml.html.fragment_fromstring(html, create_parent="div").iter(
            "img"
        )
    }
    assert images == {
        url_of(feed_site, kursi): ("800", "600"),
        url_of(feed_site, denah): ("144", "144"),
    }
    assert "<picture" not in html
    assert "srcset" not in html
    assert 'href="https://example.test/tentang/"' in html
    assert 'href="https://example.test/berita/2025/2025/09/lain/"' in html
    for relative in ['src="/', 'href="/', "{static}"]:
        assert relative not in html
    # No Summary: line: the opening of the body, as plain text.
    no_summary = entries["Rapat pleno pengurus tanpa ringkasan"]
    assert no_summary.summary.startswith("Rapat pleno pengurus LKKS membahas program")
    assert "<" not in no_summary.summary


def test_rss_featured_image_is_enclosure_and_media_content(feed_site):
    item = xml(feed_site, "feeds/rss.xml").find("channel/item")
    share = share_jpeg(feed_site, "kursi-roda")
    size = str(share.stat().st_size)  # the true length of the published file
    enclosure = item.find("enclosure")
    assert enclosure.attrib == {
        "url": url_of(feed_site, share),
        "length": size,
        "type": "image/jpeg",
    }
    media = item.find("media:content", NS)
    assert media.get("url") == enclosure.get("url")
    assert (media.get("type"), media.get("fileSize"), media.get("medium")) == (
        "image/jpeg",
        size,
        "image",
    )
    assert (media.get("width"), media.get("height")) == ("800", "600")
    thumbnail = item.find("media:thumbnail", NS)
    small = next((feed_site / "images").glob("kursi-roda-320w.*.jpg"))
    assert thumbnail.attrib == {
        "url": url_of(feed_site, small),
        "width": "320",
        "height": "240",
    }
    entry = by_title(parse(feed_site, "feeds/rss.xml"))[AWKWARD]
    assert entry.enclosures[0].href == url_of(feed_site, share)


def test_rss_channel_describes_itself(feed_site):
    channel = xml(feed_site, "feeds/rss.xml").find("channel")
    assert channel.find("title").text == "Warta LKKS"
    assert channel.find("link").text == f"{SITE}/"
    assert channel.find("language").text == "id"
    assert channel.find("description").text.startswith("Berita Lembaga Koordinasi")
    self_link = channel.find("atom:link", NS)
    assert (self_link.get("rel"), self_link.get("href")) == (
        "self",
        f"{SITE}/feeds/rss.xml",
    )
    assert channel.find("image/url").text == f"{SITE}/theme/images/logo.png"
    assert (feed_site / "theme" / "images" / "logo.png").is_file()


def test_atom_links_keep_rel_and_type(feed_site):
    atom = parse(feed_site, "feeds/atom.xml")
    entry = by_title(atom)[AWKWARD]
    assert entry.link == AWKWARD_URL  # not the image (feedgen's defect)
    links = {link.rel: link for link in entry.links}
    assert links["alternate"].href == AWKWARD_URL
    assert links["alternate"].type == "text/html"
    share = share_jpeg(feed_site, "kursi-roda")
    assert links["enclosure"].href == url_of(feed_site, share)
    assert links["enclosure"].type == "image/jpeg"
    raw = xml(feed_site, "feeds/atom.xml").find("atom:entry", NS)
    alternates = raw.findall("atom:link[@rel='alternate']", NS)
    assert len(alternates) == 1
    assert all(link.get("rel") for link in raw.findall("atom:link", NS))


def test_atom_content_is_escaped_html_and_updated_follows_modified(feed_site):
    atom = parse(feed_site, "feeds/atom.xml")
    entries = by_title(atom)
    content = entries[AWKWARD].content[0]
    assert content.type == "text/html"
    share = url_of(feed_site, share_jpeg(feed_site, "kursi-roda"))
    assert f'src="{share}"' in content.value
    raw = xml(feed_site, "feeds/atom.xml").find("atom:entry/atom:content", NS)
    assert raw.get("type") == "html"
    edited = entries[EDITED]
    assert edited.published == "2025-09-01T08:00:00+08:00"
    assert edited.updated == "2025-09-20T16:45:00+08:00"
    assert entries[AWKWARD].author == "MC Kalsel/Ann"
    assert atom.feed.updated == "2025-09-20T16:45:00+08:00"
    assert atom.feed.language == "id"


def test_json_feed_has_the_same_items(feed_site):
    document = json.loads(
        (feed_site / "feeds" / "feed.json").read_text(encoding="utf-8")
    )
    assert document["version"] == "https://jsonfeed.org/version/1.1"
    assert document["feed_url"] == f"{SITE}/feeds/feed.json"
    assert document["language"] == "id"
    rss = parse(feed_site, "feeds/rss.xml")
    assert [item["id"] for item in document["items"]] == [e.id for e in rss.entries]
    first = document["items"][0]
    assert first["title"] == AWKWARD
    assert first["url"] == AWKWARD_URL
    assert first["date_published"] == "2025-09-15T10:30:00+08:00"
    assert first["authors"] == [{"name": "MC Kalsel/Ann"}]
    assert first["attachments"][0]["mime_type"] == "image/jpeg"
    assert "Kabupaten Banjar" in first["tags"]
    edited = next(item for item in document["items"] if item["title"] == EDITED)
    assert edited["date_modified"] == "2025-09-20T16:45:00+08:00"


def test_regency_feeds_hold_exactly_their_releases(feed_site):
    expected = {
        "banjar": [AWKWARD],
        "tanah-laut": [AWKWARD],
        "banjarmasin": ["Rapat pleno pengurus tanpa ringkasan"],
        "tanah-bumbu": [EDITED],
        "kotabaru": [EDITED],
    }
    for slug in SLUGS:
        feed = parse(feed_site, f"kabupaten/{slug}/rss.xml")
        assert [entry.title for entry in feed.entries] == expected.get(slug, []), slug


def test_regency_feed_channel_names_the_regency(feed_site):
    feed = parse(feed_site, "kabupaten/tanah-bumbu/rss.xml")
    assert feed.feed.title == "Warta LKKS — Kabupaten Tanah Bumbu"
    assert feed.feed.link == f"{SITE}/kabupaten/tanah-bumbu/"
    self_link = xml(feed_site, "kabupaten/tanah-bumbu/rss.xml").find(
        "channel/atom:link", NS
    )
    assert self_link.get("href") == f"{SITE}/kabupaten/tanah-bumbu/rss.xml"


def test_empty_regency_feed_is_valid_and_deterministic(feed_site):
    feed = parse(feed_site, "kabupaten/tapin/rss.xml")
    assert feed.entries == []
    assert feed.feed.title == "Warta LKKS — Kabupaten Tapin"
    channel = xml(feed_site, "kabupaten/tapin/rss.xml").find("channel")
    # No item of its own: the site's newest change, never the clock.
    assert channel.find("lastBuildDate").text == "Sat, 20 Sep 2025 16:45:00 +0800"


def test_control_characters_never_reach_a_feed(feed_site):
    source = (FIXTURES / "feeds" / "berita" / "bantuan-kursi-roda.md").read_bytes()
    assert b"\x08" in source  # the fixture really carries one
    for path in [*feed_site.glob("feeds/*"), *feed_site.glob("kabupaten/*/rss.xml")]:
        data = path.read_bytes()
        assert not any(byte < 0x20 and byte not in b"\t\n\r" for byte in data), path


def test_an_unchanged_site_gives_byte_identical_feeds(feed_site, tmp_path):
    publish(FIXTURES / "feeds", tmp_path)
    for path in [*feed_site.glob("feeds/*"), *feed_site.glob("kabupaten/*/rss.xml")]:
        relative = path.relative_to(feed_site)
        assert (tmp_path / relative).read_bytes() == path.read_bytes(), relative


def test_guid_survives_edits_modified_dates_and_a_new_domain(feed_site, tmp_path):
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "feeds", content)
    release = content / "berita" / "tanpa-ringkasan.md"
    text = release.read_text(encoding="utf-8")
    text = text.replace(
        "Date: 2025-09-10 09:00", "Date: 2025-09-10 09:00\nModified: 2025-10-01 12:00"
    )
    text = text.replace("Paragraf kedua", "Paragraf kedua yang sudah disunting")
    release.write_text(text, encoding="utf-8")
    output = tmp_path / "output"
    publish(content, output, SITEURL="https://warta.baru.example")
    before = by_title(parse(feed_site, "feeds/rss.xml"))
    after = by_title(parse(output, "feeds/rss.xml"))
    title = "Rapat pleno pengurus tanpa ringkasan"
    assert after[title].link.startswith("https://warta.baru.example/")
    assert "disunting" in after[title].content[0].value
    for name, entry in before.items():
        assert after[name].id == entry.id, name


def test_item_count_is_a_setting(tmp_path):
    publish(FIXTURES / "feeds", tmp_path, SYNDICATION_MAX_ITEMS=2)
    rss = parse(tmp_path, "feeds/rss.xml")
    assert [entry.title for entry in rss.entries] == [
        AWKWARD,
        "Rapat pleno pengurus tanpa ringkasan",
    ]
    document = json.loads(
        (tmp_path / "feeds" / "feed.json").read_text(encoding="utf-8")
    )
    assert len(document["items"]) == 2


def test_pages_link_the_site_feeds_and_regency_pages_their_own(feed_site):
    home = page(feed_site, "index.html")
    alternates = {
        link.get("href"): link.get("type")
        for link in home.xpath("//head/link[@rel='alternate']")
    }
    assert alternates == {
        f"{SITE}/feeds/rss.xml": "application/rss+xml",
        f"{SITE}/feeds/atom.xml": "application/atom+xml",
        f"{SITE}/feeds/feed.json": "application/feed+json",
    }
    regency = page(feed_site, "kabupaten/banjar/index.html")
    own = regency.xpath(
        "//head/link[@rel='alternate' and contains(@href, 'kabupaten')]"
    )
    assert [(link.get("href"), link.get("title")) for link in own] == [
        (f"{SITE}/kabupaten/banjar/rss.xml", "Warta LKKS — Kabupaten Banjar (RSS)")
    ]
    visible = regency.xpath(
        "//main//a[@href='https://example.test/kabupaten/banjar/rss.xml']"
    )
    assert [" ".join(a.text_content().split()) for a in visible] == [
        "RSS berita Kabupaten Banjar"
    ]


def test_awkward_title_is_text_on_the_html_page_too(feed_site):
    doc = page(
        feed_site,
        "berita/2025/09/bantuan-sembako-kursi-roda-5-unit-untuk-lansia/index.html",
    )
    assert doc.find(".//h1").text_content() == AWKWARD


def test_missing_featured_image_stops_the_build(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "feeds", content)
    (content / "images" / "kursi-roda.jpg").unlink()
    with pytest.raises(BuildStopped) as stopped:
        publish(content, tmp_path / "output")
    featured, in_body = stopped.value.problems
    assert featured.path.endswith("bantuan-kursi-roda.md")
    assert featured.line == 7
    assert "“images/kursi-roda.jpg” di baris Image: tidak ditemukan" in featured.message
    assert in_body.line == 13
    assert "“{static}/images/kursi-roda.jpg” di isi berita" in in_body.message


@pytest.mark.parametrize(
    ("table", "complaint"),
    [
        (
            [
                {"format": "rss", "scope": "site", "save_as": "feeds/rss.xml"},
                {"format": "atom", "scope": "site", "save_as": "feeds/rss.xml"},
            ],
            "two feeds would write feeds/rss.xml",
        ),
        ([{"format": "rss", "scope": "regency", "save_as": "r.xml"}], "{slug}"),
        ([{"format": "rdf", "scope": "site", "save_as": "r.xml"}], "format"),
    ],
)
def test_feed_table_refuses_impossible_rows(tmp_path, table, complaint):
    with pytest.raises(ValueError, match="SYNDICATION_FEEDS") as error:
        publish(FIXTURES / "feeds", tmp_path, SYNDICATION_FEEDS=table)
    assert complaint in str(error.value)
