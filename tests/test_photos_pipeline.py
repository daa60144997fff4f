"""Photos as phones take them go through real builds: nothing private comes
out (no EXIF, GPS, XMP, ICC, PNG text, no raw file), the pixels come out
upright, in sRGB, at widths never upscaled, the same bytes every time, and
the cache processes a photo once until its bytes or the recipe change."""

import hashlib
import logging
import re
import shutil

import pytest
from PIL import Image, UnidentifiedImageError

from photos import cache
from search_index.indexing import unstable_file
from tests.photos import (
    BLUE,
    CAMERA_MAKE,
    CAMERA_MODEL,
    RED,
    XMP_MARKER,
    animated_gif,
    display_p3_profile,
    flat_photo,
    metadata_in,
    p3_as_srgb,
    phone_photo,
    two_colour_photo,
    variants_of,
)
from tests.sitebuild import PUBLISH_CONFIG, build, page, write_files

SITE = "https://example.test"

# ---------------------------------------------------------------- privacy

PRIVACY_RELEASES = {
    "berita/ponsel.md": """\
Title: Kunjungan ke panti werdha
Date: 2025-10-08 09:00
Regencies: Tapin
Image: images/ponsel.jpg
Image_alt: Relawan menyerahkan bantuan
Image_credit: Foto: MC Kalsel

Relawan berkunjung.

![Relawan menyerahkan bantuan]({static}/images/ponsel.jpg)

![Catatan kegiatan]({static}/images/catatan.png)

![Kursi roda baru]({static}/images/kursi.webp)
""",
    "berita/iphone.md": """\
Title: Bantuan kursi roda
Date: 2025-10-09 09:00
Regencies: Banjar
Image: images/iphone.heic
Image_alt: Penerima bantuan di rumahnya

Penyerahan bantuan.

![Anak penerima bantuan]({static}/images/isi-saja.jpg)

[Unduh foto resolusi tinggi]({static}/images/tautan.jpg)
""",
    "berita/draf.md": """\
Title: Masih draf
Date: 2025-10-10 09:00
Regencies: Tapin
Status: draft
Image: images/draf.jpg
Image_alt: Belum boleh terbit

Draf.
""",
    "pages/profil.md": """\
Title: Profil LKKS
Image: images/halaman.jpg
Image_alt: Kantor LKKS

Profil lembaga.
""",
}

# source → (format, size as stored, orientation)
PRIVACY_PHOTOS = {
    "images/ponsel.jpg": ("JPEG", (1600, 1200), 6),
    "images/catatan.png": ("PNG", (900, 600), 1),
    "images/kursi.webp": ("WEBP", (1000, 750), 1),
    "images/iphone.heic": ("HEIF", (1000, 750), 1),
    "images/isi-saja.jpg": ("JPEG", (1000, 750), 1),
    "images/tautan.jpg": ("JPEG", (1000, 750), 1),
    "images/halaman.jpg": ("JPEG", (1000, 750), 1),
}
# Photos no published page uses: a draft's and one nothing mentions.
UNUSED_PHOTOS = {"images/draf.jpg", "images/tidak-dipakai.jpg"}


@pytest.fixture(scope="module")
def privacy_content(tmp_path_factory):
    content = tmp_path_factory.mktemp("privasi") / "content"
    write_files(content, PRIVACY_RELEASES)
    for seed, (source, (fmt, size, orientation)) in enumerate(PRIVACY_PHOTOS.items()):
        phone_photo(content / source, size, orientation, seed=seed, fmt=fmt)
    for seed, source in enumerate(sorted(UNUSED_PHOTOS), start=100):
        phone_photo(content / source, (1000, 750), seed=seed)
    return content


@pytest.fixture(scope="module", params=[False, True], ids=["tanpa-asli", "dengan-asli"])
def privacy_site(request, privacy_content, tmp_path_factory):
    """(content, output, PHOTOS_PUBLISH_ORIGINAL) of a published build."""
    root = tmp_path_factory.mktemp("terbit")
    output = root / "output"
    build(
        privacy_content,
        output,
        PUBLISH_CONFIG,
        SITEURL=SITE,
        CACHE_PATH=str(root / "cache"),
        PHOTOS_PUBLISH_ORIGINAL=request.param,
    )
    return privacy_content, output, request.param


def output_files(output):
    return sorted(path for path in output.rglob("*") if path.is_file())


def test_the_sources_carry_what_must_not_be_published(privacy_site):
    """The check below can fail: every source holds metadata it would find."""
    content, _, _ = privacy_site
    for source in PRIVACY_PHOTOS:
        data = (content / source).read_bytes()
        assert metadata_in(content / source), source
        assert CAMERA_MODEL.encode() in data, source


def test_every_image_in_the_output_has_no_metadata(privacy_site):
    _, output, _ = privacy_site
    opened = {}
    for path in output_files(output):
        try:
            opened[path.relative_to(output).as_posix()] = metadata_in(path)
        except UnidentifiedImageError:
            continue  # HTML, CSS, SVG, JSON …
    assert {name: found for name, found in opened.items() if found} == {}
    for source in PRIVACY_PHOTOS:
        assert variants_of(output, source), f"{source} was not published"
    assert "theme/images/bagikan.png" in opened
    assert len(opened) > 8 * len(PRIVACY_PHOTOS)


def test_no_output_file_names_the_camera_or_holds_the_xmp(privacy_site):
    _, output, _ = privacy_site
    secrets = [CAMERA_MODEL, CAMERA_MAKE, XMP_MARKER]
    leaks = [
        (path.relative_to(output).as_posix(), secret)
        for path in output_files(output)
        for secret in secrets
        if secret.encode() in path.read_bytes()
    ]
    assert leaks == []


def test_no_source_file_is_published_not_even_its_path(privacy_site):
    content, output, _ = privacy_site
    sources = {
        hashlib.sha256((content / source).read_bytes()).digest(): source
        for source in [*PRIVACY_PHOTOS, *UNUSED_PHOTOS]
    }
    raw = [
        (path.relative_to(output).as_posix(), sources[digest])
        for path in output_files(output)
        if (digest := hashlib.sha256(path.read_bytes()).digest()) in sources
    ]
    assert raw == []
    for source in UNUSED_PHOTOS:
        assert not variants_of(output, source), source
    for source in [*PRIVACY_PHOTOS, *UNUSED_PHOTOS]:
        assert not (output / source).exists()
        mentions = [
            path.relative_to(output).as_posix()
            for path in output_files(output)
            if source.encode() in path.read_bytes()
        ]
        assert mentions == [], source


def test_the_full_size_copy_only_when_asked_and_without_metadata(privacy_site):
    _, output, publish_original = privacy_site
    for source, (_, (width, height), orientation) in PRIVACY_PHOTOS.items():
        originals = [
            path for (kind, _), path in variants_of(output, source).items()
            if kind == "asli"
        ]  # fmt: skip
        if not publish_original:
            assert originals == [], source
            continue
        (original,) = originals
        assert original.suffix == ".jpg"
        with Image.open(original) as image:
            upright = (
                (height, width) if orientation in (5, 6, 7, 8) else (width, height)
            )
            assert image.size == upright, source
        assert metadata_in(original) == []
    # The link to the photo opens its largest published file.
    article = page(output, "berita/2025/10/bantuan-kursi-roda/index.html")
    (link,) = [a.get("href") for a in article.iter("a") if "tautan" in a.get("href")]
    kind = "asli" if publish_original else "1000w"
    assert re.search(rf"/images/tautan-{kind}\.[0-9a-f]{{16}}\.jpg$", link), link


# ------------------------------------------------------------- processing

PROCESSING_RELEASE = """\
Title: Foto yang diproses
Date: 2025-10-08 09:00
Regencies: Tapin
Image: images/putar-6.jpg
Image_alt: Foto tegak

Isi.

![Putar 8]({static}/images/putar-8.jpg)

![Putar 3]({static}/images/putar-3.jpg)

![HEIC diputar]({static}/images/iphone-6.heic)

![Display P3]({static}/images/p3.jpg)

![Transparan]({static}/images/transparan.png)

![Seribu piksel]({static}/images/seribu.jpg)

![Animasi]({static}/images/animasi.gif)
"""
P3_COLOUR = (200, 60, 60)
OPAQUE_GREEN = (30, 160, 30)


@pytest.fixture(scope="module")
def processed(tmp_path_factory):
    """Two cold builds (own output and cache each) of the same content."""
    root = tmp_path_factory.mktemp("proses")
    content = write_files(root / "content", {"berita/proses.md": PROCESSING_RELEASE})
    images = content / "images"
    for orientation in (3, 6, 8):
        two_colour_photo(images / f"putar-{orientation}.jpg", orientation)
    two_colour_photo(images / "iphone-6.heic", 6, fmt="HEIF")
    flat_photo(images / "p3.jpg", P3_COLOUR, icc_profile=display_p3_profile())
    transparent = Image.new("RGBA", (900, 600), (255, 0, 0, 0))
    transparent.paste((*OPAQUE_GREEN, 255), (450, 0, 900, 600))
    transparent.save(images / "transparan.png")
    phone_photo(images / "seribu.jpg", size=(1000, 750))
    animated_gif(images / "animasi.gif", colours=(RED, BLUE))
    outputs = []
    for name in ("a", "b"):
        output = root / f"output-{name}"
        build(content, output, CACHE_PATH=str(root / f"cache-{name}"))
        outputs.append(output)
    return outputs


def close(pixel, expected, tolerance):
    return all(abs(a - b) <= tolerance for a, b in zip(pixel, expected, strict=False))


@pytest.mark.parametrize(
    "source", ["putar-6.jpg", "putar-8.jpg", "putar-3.jpg", "iphone-6.heic"]
)
def test_a_turned_photo_comes_out_upright(processed, source):
    found = variants_of(processed[0], f"images/{source}")
    assert {kind for kind, _ in found} == {"320w", "480w", "800w", "1000w"}
    for path in found.values():
        with Image.open(path) as image:
            rgb = image.convert("RGB")
        width, height = rgb.size
        assert width > height, path.name  # landscape, as the reader sees it
        top, bottom = (
            rgb.getpixel((width // 2, 5)),
            rgb.getpixel((width // 2, height - 6)),
        )
        assert close(top, RED, 30), (path.name, top)
        assert close(bottom, BLUE, 30), (path.name, bottom)


def test_a_display_p3_photo_is_converted_to_srgb(processed):
    expected = p3_as_srgb(P3_COLOUR)
    assert not close(expected, P3_COLOUR, 10)  # converted ≠ raw numbers
    found = variants_of(processed[0], "images/p3.jpg")
    assert len(found) == 4 * 3  # 4 widths in AVIF, WebP and JPEG
    for path in found.values():
        with Image.open(path) as image:
            pixel = image.convert("RGB").getpixel((image.width // 2, image.height // 2))
        assert close(pixel, expected, 4), (path.name, pixel, expected)


def test_alpha_survives_in_avif_and_webp_and_jpeg_is_flattened_on_white(processed):
    found = variants_of(processed[0], "images/transparan.png")
    for (_, extension), path in found.items():
        with Image.open(path) as image:
            image.load()
            width, height = image.size
            clear = image.getpixel((width // 4, height // 2))
            solid = image.getpixel((3 * width // 4, height // 2))
            if extension in ("avif", "webp"):
                assert image.mode == "RGBA", path.name
                assert clear[3] == 0, (path.name, clear)
                assert solid[3] == 255, (path.name, solid)
                assert close(solid[:3], OPAQUE_GREEN, 6), (path.name, solid)
            else:
                assert image.mode == "RGB", path.name
                assert close(clear, (255, 255, 255), 3), (path.name, clear)
                assert close(solid, OPAQUE_GREEN, 6), (path.name, solid)


def test_widths_are_never_upscaled(processed):
    found = variants_of(processed[0], "images/seribu.jpg")
    expected = {(320, 240), (480, 360), (800, 600), (1000, 750)}
    for extension in ("avif", "webp", "jpg"):
        sizes = set()
        for (_, ext), path in found.items():
            if ext == extension:
                with Image.open(path) as image:
                    sizes.add(image.size)
        assert sizes == expected, extension


def test_an_animated_gif_publishes_its_first_frame(processed):
    found = variants_of(processed[0], "images/animasi.gif")
    assert len(found) == 4 * 3
    for path in found.values():
        with Image.open(path) as image:
            assert getattr(image, "n_frames", 1) == 1, path.name
            pixel = image.convert("RGB").getpixel((10, 10))
        assert close(pixel, RED, 6), (path.name, pixel)


def files_of(folder):
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and not unstable_file(path.relative_to(folder).as_posix())
    }


def test_two_cold_builds_give_the_same_bytes(processed):
    first, second = (files_of(output) for output in processed)
    assert sorted(first) == sorted(second)
    assert [path for path in first if first[path] != second[path]] == []
    # 8 photos; 4 widths each in AVIF, WebP and JPEG
    assert sum(1 for path in first if path.startswith("images/")) == 8 * 4 * 3


# ------------------------------------------------------------------ cache

CACHE_RELEASE = """\
Title: Berita berfoto
Date: 2025-10-08 09:00
Regencies: Tapin
Image: images/utama.jpg
Image_alt: Relawan

Isi.

![Kegiatan]({static}/images/isi.jpg)
"""
ARTICLE = "berita/2025/10/berita-berfoto/index.html"


@pytest.fixture
def cached_site(tmp_path):
    content = write_files(tmp_path / "content", {"berita/berita.md": CACHE_RELEASE})
    phone_photo(content / "images/utama.jpg", size=(1000, 750), seed=1)
    phone_photo(content / "images/isi.jpg", size=(900, 600), seed=2)
    return content


def counted_build(content, output, caplog, **settings):
    """Build; returns the pipeline's "Foto: N diproses, M dari cache." counts."""
    caplog.clear()
    with caplog.at_level(logging.INFO):
        build(content, output, CACHE_PATH=str(content.parent / "cache"), **settings)
    lines = [
        r.getMessage() for r in caplog.records if r.getMessage().startswith("Foto: ")
    ]
    (line,) = lines
    processed, cached = map(int, re.findall(r"\d+", line))
    return {"processed": processed, "cached": cached}


def photo_sources(output, relative=ARTICLE):
    document = page(output, relative)
    return sorted(
        {
            url.strip().split(" ")[0]
            for element in document.iter("img", "source")
            for url in [
                element.get("src") or "",
                *(element.get("srcset") or "").split(","),
            ]
            if "/images/" in url
        }
    )


def test_a_rebuild_with_no_photo_change_processes_none(cached_site, caplog):
    tmp = cached_site.parent
    assert counted_build(cached_site, tmp / "a", caplog) == {
        "processed": 2,
        "cached": 0,
    }
    assert counted_build(cached_site, tmp / "b", caplog) == {
        "processed": 0,
        "cached": 2,
    }
    assert files_of(tmp / "a") == files_of(tmp / "b")
    # … and in place, as make html rebuilds.
    assert counted_build(cached_site, tmp / "a", caplog) == {
        "processed": 0,
        "cached": 2,
    }
    assert files_of(tmp / "a") == files_of(tmp / "b")


def test_a_changed_setting_processes_every_photo_again(cached_site, caplog):
    tmp = cached_site.parent
    counted_build(cached_site, tmp / "a", caplog)
    changed = counted_build(cached_site, tmp / "b", caplog, PHOTOS_JPEG_QUALITY=60)
    assert changed == {"processed": 2, "cached": 0}
    before, after = photo_sources(tmp / "a"), photo_sources(tmp / "b")
    assert set(before).isdisjoint(after)  # new names: no stale browser cache


def test_a_replaced_photo_gets_new_names_and_the_page_points_at_them(
    cached_site, caplog
):
    output = cached_site.parent / "output"
    counted_build(cached_site, output, caplog)
    before = photo_sources(output)
    phone_photo(cached_site / "images/utama.jpg", size=(1000, 750), seed=9)
    assert counted_build(cached_site, output, caplog) == {"processed": 1, "cached": 1}
    after = photo_sources(output)
    old = [url for url in before if "/utama-" in url]
    new = [url for url in after if "/utama-" in url]
    assert len(old) == len(new) == 4 * 3  # 4 widths in AVIF, WebP and JPEG
    assert set(old).isdisjoint(new)
    assert [url for url in before if "/isi-" in url] == [
        url for url in after if "/isi-" in url
    ]
    article = output / ARTICLE
    for url in after:
        assert (article.parent / url).resolve().is_file(), url
    og_image = page(output, ARTICLE).xpath("//meta[@property='og:image']/@content")
    assert re.search(r"/images/utama-1000w\.[0-9a-f]{16}\.jpg$", og_image[0])
    assert og_image[0].rsplit("/", 1)[-1] in {url.rsplit("/", 1)[-1] for url in new}


def entry_folders(cache_root):
    return sorted(path for path in (cache_root / "foto").glob("??/*") if path.is_dir())


def damage_truncate(path):
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])


def published(output, pattern) -> bytes:
    """The bytes of the one published file matching ``images/{pattern}``."""
    (path,) = (output / "images").glob(pattern)
    return path.read_bytes()


def damage_delete(path):
    path.unlink()


def damage_manifest(path):
    (path.parent / cache.MANIFEST).write_text("{rusak", encoding="utf-8")


@pytest.mark.parametrize("damage", [damage_truncate, damage_delete, damage_manifest])
def test_a_damaged_cache_entry_is_processed_again_never_published_damaged(
    cached_site, caplog, damage
):
    tmp = cached_site.parent
    counted_build(cached_site, tmp / "a", caplog)
    good = files_of(tmp / "a")
    (variant,) = [
        path
        for folder in entry_folders(tmp / "cache")
        for path in folder.glob("800w.jpg")
        if path.read_bytes() == published(tmp / "a", "utama-800w.*.jpg")
    ]
    # Keep a copy of the output, to compare with after the damage.
    shutil.copytree(tmp / "a", tmp / "kept")
    damage(variant)
    assert counted_build(cached_site, tmp / "b", caplog) == {
        "processed": 1,
        "cached": 1,
    }
    assert files_of(tmp / "b") == files_of(tmp / "kept") == good
    counted_build(cached_site, tmp / "a", caplog)  # in place, over the damage
    assert files_of(tmp / "a") == good


def test_a_killed_store_leaves_no_harm(cached_site, caplog):
    tmp = cached_site.parent
    counted_build(cached_site, tmp / "a", caplog)
    good = files_of(tmp / "a")
    # A build killed inside cache.store: its temporary folder, half written,
    # beside an entry that never got renamed into place.
    entry = next(
        folder
        for folder in entry_folders(tmp / "cache")
        if (folder / "800w.jpg").read_bytes()
        == published(tmp / "a", "utama-800w.*.jpg")
    )
    leftover = entry.parent / f".{entry.name[:8]}-mati"
    shutil.copytree(entry, leftover)
    for path in leftover.glob("*w.*"):
        damage_truncate(path)
    shutil.rmtree(entry)
    assert counted_build(cached_site, tmp / "b", caplog) == {
        "processed": 1,
        "cached": 1,
    }
    assert files_of(tmp / "b") == good
    assert counted_build(cached_site, tmp / "c", caplog) == {
        "processed": 0,
        "cached": 2,
    }
    assert files_of(tmp / "c") == good
