"""Photos that decode in unusual ways, as an editor or a hostile contributor
may bring them: each one publishes with the right pixels, or stops the build
with the editor's message (foto-rusak, foto-terlalu-besar,
foto-terlalu-panjang), never with a Python traceback. A damaged EXIF block,
a long phone screenshot taller than an encoder allows, 16- and 32-bit
greyscale, a JPEG with a huge number of scans (slow to decode at will), a
JPEG whose header claims more pixels than its data holds."""

import dataclasses
import io
import re
import struct

import pytest
from PIL import Image

from editorial.problems import BuildStopped
from photos import process as photo_process
from tests.photos import BLUE, RED, STORED, exif_block, variants_of
from tests.sitebuild import build, write_files

RELEASE = """\
Title: Foto yang aneh
Date: 2025-10-01 09:00
Regencies: Tapin

Isi berita.

{body}
"""


def site(tmp_path, photos: dict[str, bytes], **settings):
    """Build one release showing every photo in ``photos`` ({name: bytes})."""
    body = "\n\n".join(f"![Foto]({{static}}/images/{name})" for name in photos)
    content = write_files(
        tmp_path / "content", {"berita/satu.md": RELEASE.format(body=body)}
    )
    write_files(content / "images", photos)
    output = tmp_path / "output"
    build(content, output, CACHE_PATH=str(tmp_path / "cache"), **settings)
    return output


def stopped(tmp_path, photos: dict[str, bytes]) -> list[tuple[str, str]]:
    """(code, message) of every problem that stopped the build."""
    with pytest.raises(BuildStopped) as stop:
        site(tmp_path, photos)
    return [(p.code, p.message) for p in stop.value.problems]


def saved(image: Image.Image, fmt: str, **options) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, fmt, **options)
    return buffer.getvalue()


def pixel(path, xy) -> tuple[int, ...]:
    with Image.open(path) as image:
        rgb = image.convert("RGB")
    return rgb.getpixel((xy[0] * (rgb.width - 1), xy[1] * (rgb.height - 1)))


RECIPE = photo_process.Recipe(
    widths=(320,), jpeg_quality=80, webp_quality=75, webp_method=4, avif=False,
    avif_quality=60, avif_speed=8, max_pixels=50_000_000, original=False,
)  # fmt: skip


def close(found, expected, tolerance):
    return all(abs(a - b) <= tolerance for a, b in zip(found, expected, strict=True))


# ----------------------------------------------------------- damaged EXIF


def damaged_exif(*, orientation_readable: bool) -> bytes:
    """A phone's EXIF (orientation 6) with the Make tag's type changed from
    ASCII to RATIONAL: Pillow reads it, but cannot write it back (which
    ``ImageOps.exif_transpose`` does). Optionally the Orientation tag's type
    is changed to DOUBLE too, so that no orientation can be read."""
    tiff = bytearray(exif_block(6).tobytes()[6:])  # after b"Exif\0\0"
    assert tiff[:2] == b"MM"
    (count,) = struct.unpack_from(">H", tiff, 8)
    for index in range(count):
        entry = 10 + 12 * index
        tag, kind = struct.unpack_from(">HH", tiff, entry)
        if tag == 0x010F:  # Make: ASCII → RATIONAL
            assert kind == 2
            struct.pack_into(">H", tiff, entry + 2, 5)
        if tag == 0x0112 and not orientation_readable:  # SHORT → DOUBLE
            assert kind == 3
            struct.pack_into(">H", tiff, entry + 2, 12)
    return b"Exif\0\0" + bytes(tiff)


def turned_photo(exif: bytes) -> bytes:
    """Upright the top half is red and the bottom blue (1000×600); stored
    turned as a phone held sideways stores it (600×1000)."""
    upright = Image.new("RGB", (1000, 600), BLUE)
    upright.paste(RED, (0, 0, 1000, 300))
    return saved(upright.transpose(STORED[6]), "JPEG", exif=exif, quality=92)


def test_a_photo_with_damaged_exif_is_published_upright_or_as_stored(tmp_path):
    """Both photos decode: the one whose orientation can be read comes out
    upright (landscape, red on top), the other as stored (portrait)."""
    for readable in (True, False):  # the damage is what the test says it is
        with Image.open(
            io.BytesIO(turned_photo(damaged_exif(orientation_readable=readable)))
        ) as image:
            assert image.getexif().get(0x0112) == (6 if readable else None)
    output = site(
        tmp_path,
        {
            "tegak.jpg": turned_photo(damaged_exif(orientation_readable=True)),
            "apa-adanya.jpg": turned_photo(damaged_exif(orientation_readable=False)),
        },
    )
    upright = variants_of(output, "images/tegak.jpg")
    assert {kind for kind, _ in upright} == {"320w", "480w", "800w", "1000w"}
    for path in upright.values():
        with Image.open(path) as image:
            assert image.width > image.height, path.name
        assert close(pixel(path, (0.5, 0.02)), RED, 30), path.name
        assert close(pixel(path, (0.5, 0.98)), BLUE, 30), path.name
    as_stored = variants_of(output, "images/apa-adanya.jpg")
    assert {kind for kind, _ in as_stored} == {"320w", "480w", "600w"}
    for path in as_stored.values():
        with Image.open(path) as image:
            assert image.width < image.height, path.name
        # Stored turned a quarter anticlockwise: the top (red) is on the left.
        assert close(pixel(path, (0.02, 0.5)), RED, 30), path.name
        assert close(pixel(path, (0.98, 0.5)), BLUE, 30), path.name


@pytest.mark.parametrize("error", [TypeError("abs()"), KeyError(3), RuntimeError])
def test_anything_unexpected_while_processing_a_photo_is_foto_rusak(
    tmp_path, monkeypatch, error
):
    def broken(image):
        raise error

    monkeypatch.setattr(photo_process, "_to_srgb", broken)
    photo = saved(Image.new("RGB", (900, 600), (9, 90, 9)), "JPEG")
    found = stopped(tmp_path, {"foto.jpg": photo})
    assert [code for code, _ in found] == ["foto-rusak"]


@pytest.mark.parametrize("error", [MemoryError, KeyboardInterrupt])
def test_running_out_of_memory_or_an_interrupt_is_not_a_broken_photo(
    monkeypatch, error
):
    def broken(image):
        raise error

    monkeypatch.setattr(photo_process, "_to_srgb", broken)
    with pytest.raises(error):
        photo_process.process(saved(Image.new("RGB", (400, 300)), "PNG"), RECIPE)


# ------------------------------------------------- taller than an encoder


def files_of(output, stem: str) -> dict[tuple[str, str], tuple[int, int]]:
    """{(kind, extension): (width, height)} of every variant, AVIF included."""
    found = {}
    name = re.compile(rf"{re.escape(stem)}-(\d+w|asli)\.[0-9a-f]+\.(\w+)")
    for path in (output / "images").iterdir():
        if match := name.fullmatch(path.name):
            with Image.open(path) as image:
                found[match[1], match[2]] = image.size
    return found


def test_a_long_screenshot_publishes_the_widths_every_encoder_can_hold(tmp_path):
    """WebP holds at most 16383 px a side (AVIF 65536, JPEG 65500): a phone's
    long screenshot, 1080×17000, publishes its 320, 480 and 800 px wide
    variants (800×12593) and not its full 1080 px width (1080×17000)."""
    screenshot = Image.new("RGB", (1080, 17000), (240, 240, 240))
    screenshot.paste((30, 30, 30), (100, 0, 980, 17000))
    output = site(tmp_path, {"layar.png": saved(screenshot, "PNG")})
    found = files_of(output, "layar")
    assert set(found) == {
        (kind, extension)
        for kind in ("320w", "480w", "800w")
        for extension in ("avif", "webp", "jpg")
    }
    assert found["800w", "webp"] == (800, 12593)
    assert all(height <= 16383 for _, height in found.values())


def test_a_photo_too_narrow_for_its_height_is_too_big_for_every_width(tmp_path):
    """Beyond 320×16383 (about 51:1) not even the narrowest variant fits."""
    found = stopped(
        tmp_path,
        {
            "pita.png": saved(Image.new("RGB", (300, 17000), (9, 90, 9)), "PNG"),
            "garis.png": saved(Image.new("L", (1, 20000), 128), "PNG"),
        },
    )
    assert sorted(found) == [
        ("foto-terlalu-panjang", message)
        for message in (
            "gambar “images/garis.png” terlalu panjang (1×20000 piksel): tingginya "
            "lebih dari 51 kali lebarnya, sehingga tidak dapat dikecilkan untuk "
            "layar ponsel.",
            "gambar “images/pita.png” terlalu panjang (300×17000 piksel): tingginya "
            "lebih dari 51 kali lebarnya, sehingga tidak dapat dikecilkan untuk "
            "layar ponsel.",
        )
    ]


@pytest.mark.parametrize(("width", "original"), [(65500, True), (65501, False)])
def test_a_full_size_copy_is_published_only_when_a_jpeg_can_hold_it(width, original):
    """PHOTOS_PUBLISH_ORIGINAL: JPEG holds at most 65500 px a side; wider,
    the photo publishes its variants without the full-size copy."""
    recipe = dataclasses.replace(RECIPE, original=True)
    panorama = saved(Image.new("L", (width, 2), 128), "PNG")
    kinds = [e.kind for e in photo_process.process(panorama, recipe)]
    assert kinds == (["asli"] if original else []) + ["320w", "320w"]


# ------------------------------------------------------ 16- and 32-bit grey


def grey_bands(mode: str, values) -> Image.Image:
    """Three vertical bands, left to right ``values``, in ``mode``. (Each
    band is an image: Pillow pastes a number into "I;16" as its low byte
    twice, 30000 as 12336.)"""
    image = Image.new(mode, (900, 600))
    for index, value in enumerate(values):
        image.paste(Image.new(mode, (300, 600), value), (300 * index, 0))
    assert [image.getpixel((150 + 300 * i, 300)) for i in range(3)] == list(values)
    return image


# name → (mode, the three values, format, the 8-bit greys expected)
GREYS = {
    # 16 bits: 0–65535 scaled to 0–255 (30000 → 117).
    "abu-16.png": ("I;16", (0, 30000, 65535), "PNG", (0, 117, 255)),
    "abu-16.tif": ("I;16", (0, 30000, 65535), "TIFF", (0, 117, 255)),
    # 32-bit integers within 0–65535 are 16-bit values (as a 16-bit scan
    # opened as "I" holds); beyond, the lowest is black, the highest white.
    "bulat-32.tif": ("I", (0, 30000, 65535), "TIFF", (0, 117, 255)),
    "bulat-32-lebar.tif": ("I", (-(10**6), 0, 10**6), "TIFF", (0, 128, 255)),
    # Floats within 0–1 are 0–1 (0.5 → 128); beyond, by their extremes.
    "pecahan.tif": ("F", (0.0, 0.5, 1.0), "TIFF", (0, 128, 255)),
    "pecahan-lebar.tif": ("F", (-10.0, 0.0, 10.0), "TIFF", (0, 128, 255)),
}


def test_16_and_32_bit_greys_keep_their_greys(tmp_path):
    photos = {
        name: saved(grey_bands(mode, values), fmt)
        for name, (mode, values, fmt, _) in GREYS.items()
    }
    for name, (mode, *_) in GREYS.items():  # opened as written, not as 8 bits
        with Image.open(io.BytesIO(photos[name])) as image:
            assert image.mode == mode, name
    output = site(tmp_path, photos)
    for name, (*_, greys) in GREYS.items():
        found = files_of(output, name.rsplit(".", 1)[0])
        assert {kind for kind, _ in found} == {"320w", "480w", "800w", "900w"}
        for extension in ("avif", "webp", "jpg"):
            path = next((output / "images").glob(f"{name[:-4]}-320w.*.{extension}"))
            for x, grey in zip((1 / 6, 1 / 2, 5 / 6), greys, strict=True):
                assert close(pixel(path, (x, 0.5)), (grey,) * 3, 3), (path.name, x)


# ------------------------------------------------ JPEGs slow or hollow at will


def scans_of(jpeg: bytes) -> list[tuple[int, int]]:
    """(start, end) of each scan: its SOS segment and the entropy-coded data
    after it (which ends at the first 0xFF not followed by 0x00 or RSTn)."""
    found, at = [], 2
    while jpeg[at + 1] != 0xD9:  # EOI
        (length,) = struct.unpack_from(">H", jpeg, at + 2)
        start, at = at, at + 2 + length
        if jpeg[start + 1] == 0xDA:
            while jpeg[at] != 0xFF or jpeg[at + 1] == 0 or 0xD0 <= jpeg[at + 1] <= 0xD7:
                at += 1
            found.append((start, at))
    return found


def progressive(scans: int, junk: bytes = b"") -> bytes:
    """A 96×64 progressive JPEG with ``scans`` scans: its own, then its
    shortest one repeated before EOI (libjpeg decodes each, over the whole
    image: 100,000 of them in 3 MB took a minute of CPU). ``junk`` goes
    before the first scan: libjpeg skips it to the next marker."""
    photo = Image.new("RGB", (96, 64), (200, 120, 40))
    photo.paste((20, 60, 160), (0, 0, 48, 64))
    jpeg = saved(photo, "JPEG", progressive=True, quality=80)
    own = scans_of(jpeg)
    shortest = min(own, key=lambda scan: scan[1] - scan[0])
    scan = jpeg[shortest[0] : shortest[1]]
    assert len(scans_of(jpeg[:-2] + scan * (scans - len(own)) + jpeg[-2:])) == scans
    crafted = jpeg[:-2] + scan * (scans - len(own)) + jpeg[-2:]
    crafted = crafted[: own[0][0]] + junk + crafted[own[0][0] :]
    with Image.open(io.BytesIO(crafted)) as image:
        image.load()  # libjpeg decodes it: the limit is ours, not its
    return crafted


@pytest.mark.parametrize("junk", [b"", b"\x00\x00"], ids=["rapi", "sisipan"])
def test_a_jpeg_with_more_scans_than_any_camera_writes_is_foto_rusak(tmp_path, junk):
    slow = progressive(101, junk)
    found = stopped(tmp_path, {"pelan.jpg": slow})
    assert [code for code, _ in found] == ["foto-rusak"]
    with pytest.raises(photo_process.PhotoError) as refused:
        photo_process.check_jpeg(slow)
    assert refused.value.detail == "lebih dari 100 scan"  # not by its size


def forged_size(jpeg: bytes, width: int, height: int) -> bytes:
    """``jpeg`` with its frame header (SOF0/SOF2) claiming another size."""
    at = 2
    while jpeg[at + 1] not in (0xC0, 0xC2):
        at += 2 + struct.unpack_from(">H", jpeg, at + 2)[0]
    return jpeg[: at + 5] + struct.pack(">HH", height, width) + jpeg[at + 9 :]


def test_a_jpeg_whose_header_claims_more_pixels_than_its_data_is_foto_rusak(
    tmp_path,
):
    """64×64 of data under a 7000×7000 header: libjpeg pads it with grey
    without a word. Every block of a Huffman-coded JPEG takes at least a bit."""
    small = saved(Image.new("RGB", (64, 64), (200, 120, 40)), "JPEG")
    found = stopped(tmp_path, {"palsu.jpg": forged_size(small, 7000, 7000)})
    assert [code for code, _ in found] == ["foto-rusak"]


def test_real_jpegs_near_those_limits_are_published(tmp_path):
    """100 scans; marker bytes inside segments (a comment of SOS markers, a
    whole progressive JPEG inside an APP segment, as an EXIF thumbnail sits);
    the flattest JPEG there is (one grey, 4000×3000: two bits a block)."""
    comment = saved(Image.new("RGB", (96, 64)), "JPEG", comment=b"\xff\xda" * 300)
    inner = saved(Image.new("RGB", (160, 120), (90, 90, 90)), "JPEG", progressive=True)
    with_thumbnail = saved(
        Image.new("RGB", (900, 600), (90, 90, 90)),
        "JPEG",
        progressive=True,
        exif=exif_block().tobytes() + inner,
    )
    flat = saved(
        Image.new("L", (4000, 3000), 128), "JPEG", progressive=True, optimize=True
    )
    output = site(
        tmp_path,
        {
            "seratus.jpg": progressive(100),
            "komentar.jpg": comment,
            "keping.jpg": with_thumbnail,
            "datar.jpg": flat,
        },
    )
    for stem in ("seratus", "komentar", "keping", "datar"):
        assert files_of(output, stem), stem
