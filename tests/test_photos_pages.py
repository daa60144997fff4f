"""Photos as readers, messaging apps, feed readers and the search see them:
one small site with phone photos (a lead photo taken sideways, body photos
written three ways, a link to a photo, a page with a photo, an SVG), built
as ``make html`` (relative URLs) and as ``make publish`` (absolute SITEURL),
then parsed: pages with lxml, feeds with feedparser, every image file the
markup names opened with Pillow."""

import gzip
import json
import re
import subprocess
from pathlib import Path
from urllib.parse import urljoin

import lxml.html
import pytest
from PIL import Image

from photos.settings import DEFAULTS as PHOTOS_DEFAULTS
from tests.feeds import NS, by_title, parse, xml
from tests.photos import phone_photo
from tests.sitebuild import CONFIG, PUBLISH_CONFIG, ROOT, build, page, write_files

SITE = "https://example.test"
LOCAL = "http://127.0.0.1:8000"  # LOCAL_SITEURL: absolute addresses of make html
FEEDCHECK = ROOT.parent / "shared" / "tools" / "feedcheck" / "feedcheck"

LEAD = "berita/2025/09/penyerahan-kursi-roda/index.html"
PLAIN = "berita/2025/09/rapat-tanpa-keterangan/index.html"
SVG = "berita/2025/09/peta-sebaran-lks/index.html"
NO_PHOTO = "berita/2025/09/rilis-tanpa-foto/index.html"
PAGE = "profil/index.html"
LEAD_TITLE = "Penyerahan kursi roda"
# The lead photo is stored 1600×1200 with EXIF orientation 6 (the phone was
# held upright): readers see it 1200×1600, so its widths stop at 1200.
LEAD_SIZE = (1200, 1600)
LEAD_WIDTHS = [320, 480, 800, 1200]
CAPTION = "Penyerahan <kursi roda> & paket sembako"
CREDIT = "Foto: MC Kalsel > Humas"
# The <source>s before the JPEG <img>, best first: {type: Pillow's format}.
SOURCES = {"image/avif": "AVIF", "image/webp": "WEBP"}
if not PHOTOS_DEFAULTS["PHOTOS_AVIF"]:
    del SOURCES["image/avif"]
VARIANT = re.compile(
    r"^images/(?P<stem>[a-z]+)-(?P<width>\d+)w\.[0-9a-f]{16}\.(jpg|webp|avif)$"
)

# WhatsApp names the photos it saves like this: spaces in the file name.
WHATSAPP = "WhatsApp Image 2025-10-08 at 09.30.00.jpeg"
WHATSAPP_PAGE = "berita/2025/09/foto-kiriman-whatsapp/index.html"
WHATSAPP_TITLE = "Foto kiriman WhatsApp"

RELEASES = {
    "berita/kursi-roda.md": f"""\
Title: {LEAD_TITLE}
Date: 2025-09-15 10:30
Regencies: Banjar
Image: images/utama.jpg
Image_alt: Lansia menerima kursi roda
Image_caption: {CAPTION}
Image_credit: {CREDIT}

Lima kursi roda diserahkan.

![Foto dalam isi]({{static}}/images/isi.jpg)

![Foto berjalur polos](/images/polos.jpg)

<img src="/images/mentah.jpg" alt="Foto dari HTML">

Foto resolusi penuh: [unduh]({{static}}/images/unduh.jpg).
""",
    "berita/tanpa-keterangan.md": """\
Title: Rapat tanpa keterangan
Date: 2025-09-14 10:30
Regencies: Tapin
Image: images/polos.jpg
Image_alt: Peserta rapat

Rapat pengurus.
""",
    "berita/peta.md": """\
Title: Peta sebaran LKS
Date: 2025-09-13 10:30
Regencies: Tapin
Image: images/peta.svg
Image_alt: Peta sebaran

Peta terlampir.
""",
    "berita/tanpa-foto.md": """\
Title: Rilis tanpa foto
Date: 2025-09-12 10:30
Regencies: Tapin

Tanpa foto.
""",
    "berita/whatsapp.md": f"""\
Title: {WHATSAPP_TITLE}
Date: 2025-09-11 10:30
Regencies: Banjar
Image: images/{WHATSAPP}
Image_alt: Foto kiriman WhatsApp

Foto dikirim lewat WhatsApp.
""",
    "pages/profil.md": """\
Title: Profil
Slug: profil

Kantor LKKS:

![Kantor LKKS]({static}/images/kantor.jpg)
""",
    "images/peta.svg": (
        '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="30">'
        '<rect width="40" height="30" fill="#0a7"/></svg>'
    ),
}


def write_site(content: Path) -> Path:
    write_files(content, RELEASES)
    phone_photo(content / "images/utama.jpg", size=(1600, 1200), orientation=6)
    phone_photo(content / "images/isi.jpg", size=(1200, 900), seed=2)
    phone_photo(content / "images/polos.jpg", size=(1000, 750), seed=3)
    phone_photo(content / "images/mentah.jpg", size=(900, 600), seed=4)
    phone_photo(content / "images/unduh.jpg", size=(1600, 1200), seed=5)
    phone_photo(content / "images/kantor.jpg", size=(1200, 800), seed=6)
    phone_photo(content / "images" / WHATSAPP, size=(1200, 900), seed=7)
    return content


@pytest.fixture(scope="module")
def sites(tmp_path_factory):
    """{"publish": output, "html": output}, sharing one photo cache."""
    root = tmp_path_factory.mktemp("photo-pages")
    content = write_site(root / "content")
    cache = str(root / "cache")
    publish = root / "publish"
    build(content, publish, PUBLISH_CONFIG, SITEURL=SITE, CACHE_PATH=cache)
    html = root / "html"
    build(content, html, CONFIG, CACHE_PATH=cache, SEARCH_INDEX=False)
    return {"publish": publish, "html": html, "content": content}


@pytest.fixture(params=["publish", "html"])
def built(request, sites):
    return request.param, sites[request.param]


# -- reading what was built ---------------------------------------------------


def output_file(output: Path, html_path: str, address: str) -> Path:
    """The file ``address`` (as written in ``html_path``) opens, the way a
    browser resolves it against the page's own address."""
    resolved = urljoin(f"{SITE}/{html_path}", address)
    for base in (SITE, LOCAL):
        if resolved.startswith(base + "/"):
            relative = resolved[len(base) + 1 :].split("#")[0].split("?")[0]
            break
    else:
        raise AssertionError(f"{address} in {html_path} leaves the site")
    if relative.endswith("/") or not relative:
        relative += "index.html"
    return output / relative


def candidates(srcset: str) -> list[tuple[str, int]]:
    """``a.jpg 320w, b.jpg 480w`` → [("a.jpg", 320), ("b.jpg", 480)]."""
    found = []
    for candidate in srcset.split(","):
        address, descriptor = candidate.split()
        assert descriptor.endswith("w"), candidate
        found.append((address, int(descriptor[:-1])))
    return found


def site_path(output: Path, html_path: str, address: str) -> str:
    return output_file(output, html_path, address).relative_to(output).as_posix()


def opened(path: Path) -> tuple[str, tuple[int, int]]:
    with Image.open(path) as image:
        return image.format, image.size


def lead_figure(output: Path, html_path: str = LEAD):
    figures = page(output, html_path).xpath("//article//figure[@class='featured']")
    assert len(figures) == 1
    return figures[0]


def meta(document, key: str) -> str:
    found = document.xpath(f"//head/meta[@property='{key}' or @name='{key}']/@content")
    assert len(found) == 1, key
    return found[0]


def picture_of(image):
    """The <picture> around an <img> (libxml2 does not know <source> is
    empty, so it parses the <img> as the <source>'s child)."""
    (picture,) = image.xpath("ancestor::picture")
    return picture


def body_picture(output: Path, html_path: str, alt: str):
    images = page(output, html_path).xpath(f"//article//img[@alt='{alt}']")
    assert len(images) == 1, alt
    return images[0]


# -- A. the pages -----------------------------------------------------------------


def test_lead_photo_is_a_picture_with_a_source_per_format_at_every_width(built):
    mode, output = built
    picture = lead_figure(output).find("picture")
    assert picture is not None
    sources = list(picture.iter("source"))
    assert [source.get("type") for source in sources] == list(SOURCES)
    (image,) = picture.iter("img")
    jpeg = candidates(image.get("srcset"))
    by_format = [(candidates(s.get("srcset")), SOURCES[s.get("type")]) for s in sources]
    by_format.append((jpeg, "JPEG"))
    # Every candidate is the file it claims: format and width, upright.
    for found, kind in by_format:
        assert [width for _, width in found] == LEAD_WIDTHS, kind
    for (address, width), kind in [(c, k) for found, k in by_format for c in found]:
        path = output_file(output, LEAD, address)
        assert VARIANT.match(path.relative_to(output).as_posix()), address
        format_, size = opened(path)
        assert (format_, size[0]) == (kind, width), address
        assert size[1] == round(width * LEAD_SIZE[1] / LEAD_SIZE[0]), address
    if mode == "publish":
        assert all(address.startswith(f"{SITE}/images/") for address, _ in jpeg)
    else:
        assert all(address.startswith("../../../../images/") for address, _ in jpeg)


def test_lead_photo_falls_back_to_the_800_jpeg_at_its_upright_size(built):
    _, output = built
    (image,) = lead_figure(output).find("picture").iter("img")
    fallback = site_path(output, LEAD, image.get("src"))
    assert VARIANT.match(fallback).group("width") == "800"
    assert opened(output / fallback) == ("JPEG", (800, 1067))
    assert (image.get("width"), image.get("height")) == tuple(map(str, LEAD_SIZE))
    assert image.get("alt") == "Lansia menerima kursi roda"


def test_lead_photo_loads_first_and_every_other_photo_lazily(built):
    _, output = built
    (lead,) = lead_figure(output).find("picture").iter("img")
    assert lead.get("fetchpriority") == "high"
    assert lead.get("loading") is None
    others = page(output, LEAD).xpath("//article//div[@class='body']//img")
    assert len(others) == 3
    for image in others:
        assert image.get("loading") == "lazy"
        assert image.get("decoding") == "async"
        assert image.get("fetchpriority") is None


def test_caption_and_credit_are_in_the_figcaption_as_text(sites):
    output = sites["publish"]
    caption = lead_figure(output).find("figcaption")
    assert " ".join(caption.text_content().split()) == f"{CAPTION} {CREDIT}"
    assert caption.find("span[@class='credit']").text_content() == CREDIT
    assert caption.xpath(".//*[local-name()!='span']") == []  # no <kursi> element
    raw = (output / LEAD).read_text(encoding="utf-8")
    assert "Penyerahan &lt;kursi roda&gt; &amp; paket sembako" in raw
    assert "Foto: MC Kalsel &gt; Humas" in raw


def test_no_figcaption_without_caption_or_credit(sites):
    figure = lead_figure(sites["publish"], PLAIN)
    assert figure.find("picture") is not None
    assert figure.find("figcaption") is None


@pytest.mark.parametrize(
    ("alt", "stem", "size"),
    [
        ("Foto dalam isi", "isi", (1200, 900)),  # ![…]({static}/images/isi.jpg)
        ("Foto berjalur polos", "polos", (1000, 750)),  # ![…](/images/polos.jpg)
        ("Foto dari HTML", "mentah", (900, 600)),  # <img src="/images/mentah.jpg">
    ],
)
def test_body_images_become_lazy_pictures_that_keep_their_alt(built, alt, stem, size):
    _, output = built
    image = body_picture(output, LEAD, alt)
    sources = picture_of(image).iter("source")
    assert [source.get("type") for source in sources] == list(SOURCES)
    assert (image.get("width"), image.get("height")) == tuple(map(str, size))
    fallback = VARIANT.match(site_path(output, LEAD, image.get("src")))
    assert (fallback.group("stem"), fallback.group("width")) == (stem, "800")
    largest = candidates(image.get("srcset"))[-1]
    assert largest[1] == size[0]
    assert opened(output_file(output, LEAD, largest[0])) == ("JPEG", size)


def test_a_link_to_a_photo_opens_its_largest_jpeg(built):
    _, output = built
    (link,) = page(output, LEAD).xpath("//article//a[text()='unduh']")
    target = site_path(output, LEAD, link.get("href"))
    assert VARIANT.match(target).group("stem") == "unduh"
    assert opened(output / target) == ("JPEG", (1600, 1200))


def test_a_page_shows_its_photo_as_a_lazy_picture(built):
    _, output = built
    image = body_picture(output, PAGE, "Kantor LKKS")
    assert picture_of(image) is not None
    assert image.get("loading") == "lazy"
    assert (image.get("width"), image.get("height")) == ("1200", "800")
    assert opened(output_file(output, PAGE, image.get("src")))[0] == "JPEG"


def test_an_svg_image_is_published_as_it_is_in_a_plain_img(built):
    _, output = built
    figure = lead_figure(output, SVG)
    assert figure.find("picture") is None
    image = figure.find("img")
    assert image.get("alt") == "Peta sebaran"
    path = output_file(output, SVG, image.get("src"))
    assert path == output / "images/peta.svg"
    source = Path(output).parent / "content/images/peta.svg"
    assert path.read_bytes() == source.read_bytes()


def test_an_svg_image_is_never_the_share_image(built):
    """Facebook, WhatsApp and X show no SVG, and the tags said image/png at
    1200×630: a release whose Image: is an SVG shares the default image."""
    _, output = built
    document = page(output, SVG)
    image = meta(document, "og:image")
    assert image.endswith("/theme/images/bagikan.png")
    assert meta(document, "og:image:type") == "image/png"
    (script,) = document.xpath("//script[contains(text(), 'NewsArticle')]")
    assert json.loads(script.text)["image"] == [image]


def test_a_photo_named_with_spaces_gets_addresses_a_browser_can_parse(built):
    """srcset separates candidates by spaces: an address must hold none."""
    _, output = built
    document = page(output, WHATSAPP_PAGE)
    (image,) = lead_figure(output, WHATSAPP_PAGE).find("picture").iter("img")
    sources = lead_figure(output, WHATSAPP_PAGE).find("picture").iter("source")
    addresses = [image.get("src"), meta(document, "og:image")]
    for srcset in [image.get("srcset"), *(s.get("srcset") for s in sources)]:
        for candidate in srcset.split(","):
            address, *descriptors = candidate.split()
            assert len(descriptors) == 1, candidate
            assert descriptors[0].endswith("w"), candidate
            addresses.append(address)
    entry = by_title(parse(output, "feeds/rss.xml"))[WHATSAPP_TITLE]
    addresses += [entry.enclosures[0].href, entry.media_thumbnail[0]["url"]]
    for address in addresses:
        assert not re.search(r"\s", address), address
        path = output_file(output, WHATSAPP_PAGE, address)
        assert opened(path)[0] in {"JPEG", *SOURCES.values()}


def test_every_image_address_in_every_page_is_a_file_of_the_output(built):
    """src, srcset and links to photos: nothing a browser asks for is missing,
    in make html (relative) and make publish (absolute) alike."""
    _, output = built
    checked = 0
    for path in sorted(output.rglob("*.html")):
        html_path = path.relative_to(output).as_posix()
        document = lxml.html.fromstring(path.read_bytes())
        addresses = document.xpath("//img/@src | //a[contains(@href, 'images/')]/@href")
        for srcset in document.xpath("//img/@srcset | //source/@srcset"):
            addresses += [address for address, _ in candidates(srcset)]
        for address in addresses:
            if address.startswith(("http://", "https://")) and not address.startswith(
                (SITE, LOCAL)
            ):
                continue  # a sharing service's address, not ours
            assert output_file(output, html_path, address).is_file(), (
                html_path,
                address,
            )
            checked += 1
    assert checked > 40


def test_no_page_names_a_photo_as_the_editor_wrote_it(built):
    """The raw files are not published, so no page may point at them."""
    _, output = built
    for path in output.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        for name in ("utama", "isi", "polos", "mentah", "unduh", "kantor"):
            assert f"images/{name}.jpg" not in text, (path, name)
        assert "WhatsApp Image" not in text, path
    for name in ("utama", "isi", "polos", "mentah", "unduh", "kantor"):
        assert not (output / "images" / f"{name}.jpg").exists(), name


def test_open_graph_and_json_ld_share_the_1200_jpeg_with_its_real_size(built):
    mode, output = built
    document = page(output, LEAD)
    image = meta(document, "og:image")
    assert image.startswith(f"{SITE if mode == 'publish' else LOCAL}/images/")
    path = output_file(output, LEAD, image)
    assert VARIANT.match(path.relative_to(output).as_posix()).group("width") == "1200"
    format_, (width, height) = opened(path)
    assert format_ == "JPEG"
    assert meta(document, "og:image:type") == "image/jpeg"
    assert (meta(document, "og:image:width"), meta(document, "og:image:height")) == (
        str(width),
        str(height),
    )
    assert (width, height) == LEAD_SIZE
    assert meta(document, "twitter:card") == "summary_large_image"
    assert meta(document, "og:image:alt") == "Lansia menerima kursi roda"
    (script,) = document.xpath("//script[contains(text(), 'NewsArticle')]")
    assert json.loads(script.text)["image"] == [image]


def test_a_release_without_photo_shares_the_default_image_at_its_real_size(built):
    _, output = built
    document = page(output, NO_PHOTO)
    image = meta(document, "og:image")
    assert image.endswith("/theme/images/bagikan.png")
    format_, (width, height) = opened(output_file(output, NO_PHOTO, image))
    assert (format_, meta(document, "og:image:type")) == ("PNG", "image/png")
    assert (meta(document, "og:image:width"), meta(document, "og:image:height")) == (
        str(width),
        str(height),
    )
    (script,) = document.xpath("//script[contains(text(), 'NewsArticle')]")
    assert json.loads(script.text)["image"] == [image]


# -- B. the feeds --------------------------------------------------------------------


def share_of(output: Path, base: str) -> tuple[str, Path]:
    """The lead photo's sharing JPEG: its absolute address and its file."""
    address = meta(page(output, LEAD), "og:image")
    assert address.startswith(base + "/")
    return address, output / address[len(base) + 1 :]


@pytest.fixture(params=["feeds/rss.xml", "kabupaten/banjar/rss.xml"])
def rss(request, built):
    mode, output = built
    base = SITE if mode == "publish" else LOCAL
    return output, base, request.param


def test_rss_enclosure_and_media_content_are_the_share_jpeg(rss):
    output, base, feed = rss
    address, path = share_of(output, base)
    _, (width, height) = opened(path)
    entry = by_title(parse(output, feed))[LEAD_TITLE]
    (enclosure,) = entry.enclosures
    assert (enclosure.href, enclosure.type) == (address, "image/jpeg")
    assert int(enclosure.length) == path.stat().st_size
    item = next(
        item
        for item in xml(output, feed).iter("item")
        if item.findtext("title") == LEAD_TITLE
    )
    media = item.find("media:content", NS)
    assert media.get("url") == address
    assert media.get("medium") == "image"
    assert int(media.get("fileSize")) == path.stat().st_size
    assert (int(media.get("width")), int(media.get("height"))) == (width, height)


def test_rss_media_thumbnail_is_the_small_jpeg_at_its_size(rss):
    output, base, feed = rss
    entry = by_title(parse(output, feed))[LEAD_TITLE]
    (thumbnail,) = entry.media_thumbnail
    assert thumbnail["url"].startswith(base + "/images/utama-320w.")
    format_, size = opened(output / thumbnail["url"][len(base) + 1 :])
    assert format_ == "JPEG"
    assert (int(thumbnail["width"]), int(thumbnail["height"])) == size == (320, 427)


def test_rss_items_without_a_photo_have_no_thumbnail(built):
    _, output = built
    entries = by_title(parse(output, "feeds/rss.xml"))
    assert "media_thumbnail" not in entries["Rilis tanpa foto"]
    assert entries["Rilis tanpa foto"].enclosures == []
    # An SVG is published as it is: its own type and length, no thumbnail.
    svg = entries["Peta sebaran LKS"]
    assert svg.enclosures[0].type == "image/svg+xml"
    assert int(svg.enclosures[0].length) == (output / "images/peta.svg").stat().st_size
    assert "media_thumbnail" not in svg


def test_feed_content_has_plain_imgs_of_the_share_jpeg(rss):
    """content:encoded: one plain <img> per photo, absolute, sized; feed
    readers drop <picture> and srcset."""
    output, base, feed = rss
    entry = by_title(parse(output, feed))[LEAD_TITLE]
    body = lxml.html.fragment_fromstring(entry.content[0].value, create_parent="div")
    assert body.xpath("//picture | //source | //*[@srcset] | //*[@loading]") == []
    images = body.xpath("//img")
    assert [image.get("alt") for image in images] == [
        "Foto dalam isi",
        "Foto berjalur polos",
        "Foto dari HTML",
    ]
    for image in images:
        src = image.get("src")
        assert src.startswith(base + "/images/"), src
        relative = src[len(base) + 1 :]
        width = int(VARIANT.match(relative).group("width"))
        assert width == min(1200, int(image.get("width")))  # the share JPEG
        format_, size = opened(output / relative)
        assert format_ == "JPEG"
        assert size == (int(image.get("width")), int(image.get("height")))
    (link,) = body.xpath("//a[text()='unduh']")
    assert link.get("href").startswith(base + "/images/unduh-1600w.")


def test_atom_enclosure_link_is_the_share_jpeg(built):
    mode, output = built
    address, path = share_of(output, SITE if mode == "publish" else LOCAL)
    entry = by_title(parse(output, "feeds/atom.xml"))[LEAD_TITLE]
    links = {link.rel: link for link in entry.links}
    assert links["enclosure"].href == address
    assert links["enclosure"].type == "image/jpeg"
    assert int(links["enclosure"].length) == path.stat().st_size
    assert entry.link != address  # the alternate stays the page


def test_json_feed_image_and_attachment_size(built):
    mode, output = built
    address, path = share_of(output, SITE if mode == "publish" else LOCAL)
    document = json.loads((output / "feeds/feed.json").read_text(encoding="utf-8"))
    item = next(i for i in document["items"] if i["title"] == LEAD_TITLE)
    assert item["image"] == address
    assert item["attachments"] == [
        {
            "url": address,
            "mime_type": "image/jpeg",
            "size_in_bytes": path.stat().st_size,
        }
    ]
    assert "<picture" not in item["content_html"]
    assert "srcset" not in item["content_html"]


@pytest.mark.slow
@pytest.mark.skipif(not FEEDCHECK.exists(), reason=f"{FEEDCHECK} is not present")
def test_feedcheck_strict_accepts_the_feeds_of_a_site_with_photos(sites):
    output = sites["publish"]
    feeds = sorted([*output.glob("feeds/*.xml"), *output.glob("kabupaten/*/rss.xml")])
    assert len(feeds) == 15
    result = subprocess.run(
        [str(FEEDCHECK), "--strict", *map(str, feeds)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    report = result.stdout + result.stderr
    assert result.returncode == 0, report
    assert report.count("RESULT    OK (0 error(s), 0 warning(s))") == 15, report


# -- C. the search records -----------------------------------------------------------


def search_records(output: Path) -> dict[str, dict]:
    """Pagefind's record of each page, by URL (fragments are gzip'd JSON)."""
    records = {}
    for fragment in output.glob("pagefind/*/fragment/*.pf_fragment"):
        data = gzip.decompress(fragment.read_bytes())
        assert data.startswith(b"pagefind_dcd")
        record = json.loads(data[len(b"pagefind_dcd") :])
        records[record["url"]] = record
    return records


def test_the_search_record_carries_the_thumbnail_jpeg(sites):
    output = sites["publish"]
    records = search_records(output)
    lead = records["/" + LEAD.removesuffix("index.html")]["meta"]
    assert lead["image"].startswith(f"{SITE}/images/utama-320w.")
    assert lead["image_alt"] == "Lansia menerima kursi roda"
    assert opened(output / lead["image"][len(SITE) + 1 :]) == ("JPEG", (320, 427))
    without = records["/" + NO_PHOTO.removesuffix("index.html")]["meta"]
    assert "image" not in without


def test_a_page_with_an_image_shows_and_shares_it_as_a_release_does(tmp_path):
    """A page's Image: was processed but never shown, and the page shared the
    default image."""
    content = tmp_path / "content"
    phone_photo(content / "images" / "kantor.jpg", size=(1200, 900))
    write_files(content, {
        "berita/2025/rilis.md": "Title: Rilis\nDate: 2025-10-01\n\nIsi.\n",
        "pages/kontak.md": "Title: Kontak\nImage: images/kantor.jpg\n"
                           "Image_alt: Kantor LKKS\nImage_credit: Foto: LKKS\n\n"
                           "Alamat kantor.\n",
    })  # fmt: skip
    output = tmp_path / "output"
    build(content, output, PUBLISH_CONFIG, SITEURL=SITE, CACHE_PATH=str(tmp_path))
    figure = lead_figure(output, "kontak/index.html")
    image = figure.xpath(".//img")[0]
    assert image.get("alt") == "Kantor LKKS"
    assert image.get("fetchpriority") == "high"
    assert "Foto: LKKS" in figure.text_content()
    document = page(output, "kontak/index.html")
    share = meta(document, "og:image")
    assert re.search(r"/images/kantor-1200w\.[0-9a-f]{16}\.jpg$", share)
    assert opened(output_file(output, "kontak/index.html", share)) == (
        "JPEG",
        (1200, 900),
    )
    assert meta(document, "og:image:alt") == "Kantor LKKS"
