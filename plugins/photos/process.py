"""One photo in, its published variants out: pixels only, never metadata.

The steps, in order:

1. decode (JPEG at a reduced DCT scale when the widest variant allows it);
2. apply the EXIF orientation to the pixels;
3. convert to sRGB from the embedded ICC profile (CMYK, Display P3 …);
4. resize to each width (never up), largest first;
5. encode each width as AVIF, WebP and JPEG from a fresh image that carries no
   ``info``: no EXIF, XMP, IPTC, ICC profile, comment or PNG text chunk.

Everything here is deterministic: the same bytes and the same recipe give
the same files, which the cache and the byte-for-byte build tests rely on.
"""

import io
import math
import re
import threading
import warnings
from dataclasses import dataclass

from PIL import Image, ImageCms, features

try:  # iPhone photos (HEIC/HEIF); the editorial check names what is missing
    import pillow_heif

    pillow_heif.register_heif_opener()
except ImportError:  # pragma: no cover - pinned in pyproject
    pillow_heif = None

# Bumped whenever the steps above change what they produce (part of the
# cache key, so a new pipeline never reuses an old variant).
PIPELINE_VERSION = "4"

# EXIF orientation → the transpose that shows the stored pixels upright (as
# ImageOps.exif_transpose, which also rewrites the EXIF block and fails on a
# damaged one: the variants carry no EXIF, so it is never written here).
_UPRIGHT = {
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_270,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_90,
}
_ORIENTATIONS_THAT_SWAP = {5, 6, 7, 8}
_CODECS = "|".join(
    f"{name}={features.version(name)}"
    for name in ("jpg", "webp", "avif", "littlecms2", "zlib")
) + (f"|heif={pillow_heif.libheif_version()}" if pillow_heif else "")
# The longest side each encoder can write: WebP 16383 px, JPEG 65500 (libjpeg's
# JPEG_MAX_DIMENSION), AVIF 65536. Every width is encoded as WebP and JPEG, so
# a variant taller than WebP's limit is left out (a long phone screenshot).
_MAX_SIDE = 16383
_MAX_JPEG_SIDE = 65500
# A camera or editor writes 1 scan (baseline) or about 10 (progressive); libjpeg
# decodes every scan over the whole image, so 100,000 of them in a 3 MB file
# took a minute of CPU.
_MAX_JPEG_SCANS = 100
# Frame headers (SOF) of Huffman-coded JPEGs; arithmetic coding (SOF9…) can
# code a block in less than a bit.
_HUFFMAN_FRAMES = {0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7}
_OPENING = threading.Lock()
_SRGB = ImageCms.createProfile("sRGB")


class PhotoError(Exception):
    """The photo cannot be published; ``code`` names the editor's message."""

    def __init__(self, code: str, detail: str = ""):
        super().__init__(f"{code}: {detail}")
        self.code = code
        self.detail = detail


@dataclass(frozen=True)
class Recipe:
    widths: tuple[int, ...]
    jpeg_quality: int
    webp_quality: int
    webp_method: int
    avif: bool
    avif_quality: int
    avif_speed: int
    max_pixels: int
    original: bool

    @classmethod
    def from_settings(cls, settings) -> "Recipe":
        return cls(
            widths=tuple(sorted({int(w) for w in settings["PHOTOS_WIDTHS"]})),
            jpeg_quality=int(settings["PHOTOS_JPEG_QUALITY"]),
            webp_quality=int(settings["PHOTOS_WEBP_QUALITY"]),
            webp_method=int(settings["PHOTOS_WEBP_METHOD"]),
            avif=bool(settings["PHOTOS_AVIF"]),
            avif_quality=int(settings["PHOTOS_AVIF_QUALITY"]),
            avif_speed=int(settings["PHOTOS_AVIF_SPEED"]),
            max_pixels=int(settings["PHOTOS_MAX_PIXELS"]),
            original=bool(settings["PHOTOS_PUBLISH_ORIGINAL"]),
        )

    def key_text(self) -> str:
        """What the variants depend on besides the photo's bytes: the steps,
        the settings, Pillow and the codecs it was built with (a system
        libjpeg, libwebp, libavif, LittleCMS or libheif upgrade)."""
        return f"v{PIPELINE_VERSION}|{Image.__version__}|{_CODECS}|{self!r}"


@dataclass(frozen=True)
class Encoded:
    kind: str  # "320w", … or "asli" (the full-size copy)
    width: int
    height: int
    mime_type: str
    data: bytes


def open_checked(data: bytes, max_pixels: int) -> Image.Image:
    """Open (header only) and refuse what must never be decoded. Pillow
    warns above ``Image.MAX_IMAGE_PIXELS`` (about 89 megapixels) and refuses
    above twice that; the warning is made an error too, so the limit is the
    lower of that and ``max_pixels``. ``catch_warnings`` changes process-wide
    state: the photos are opened in threads, one at a time."""
    with _OPENING, warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            image = Image.open(io.BytesIO(data))
        except (Image.DecompressionBombError, Image.DecompressionBombWarning) as e:
            raise PhotoError("foto-terlalu-besar", _bomb_size(e)) from e
        except Image.UnidentifiedImageError as e:
            raise PhotoError("foto-tidak-dikenal", str(e)) from e
        except (OSError, ValueError, SyntaxError) as e:
            raise PhotoError("foto-rusak", str(e)) from e
    width, height = image.size
    if width * height > max_pixels:
        raise PhotoError("foto-terlalu-besar", f"{width}×{height} piksel")
    return image


def check_jpeg(data: bytes) -> None:
    """Refuse (foto-rusak) a JPEG that libjpeg would decode for minutes or
    fill in silently: more scans than ``_MAX_JPEG_SCANS``, or less
    entropy-coded data than its frame header's size needs (every 8×8 block
    takes at least one bit; a 64×64 photo under a header that claims
    7000×7000 came out as 49 megapixels of grey). The markers are walked as
    libjpeg reads them: segments by their length, scans to the first 0xFF
    that is not 0xFF00 (stuffing) or a restart, so marker bytes inside a
    segment (an EXIF thumbnail) are not counted."""
    scans = coded = 0
    size = None
    at, end = 2, len(data)  # after SOI
    while at + 1 < end:
        if data[at] != 0xFF:  # junk between segments: libjpeg skips to 0xFF
            at = data.find(b"\xff", at)
            if at < 0:
                break
            continue
        marker = data[at + 1]
        if marker == 0xD9:  # EOI (an MPO's next picture follows: not decoded)
            break
        if marker == 0xFF or marker == 0x01 or 0xD0 <= marker <= 0xD7:
            at += 1 if marker == 0xFF else 2  # fill byte, TEM, RSTn: no length
            continue
        segment, at = at, at + 2 + int.from_bytes(data[at + 2 : at + 4], "big")
        if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):  # SOFn
            height = int.from_bytes(data[segment + 5 : segment + 7], "big")
            width = int.from_bytes(data[segment + 7 : segment + 9], "big")
            size = (width, height) if marker in _HUFFMAN_FRAMES else None
        if marker == 0xDA:
            scans += 1
            if scans > _MAX_JPEG_SCANS:
                raise PhotoError("foto-rusak", f"lebih dari {_MAX_JPEG_SCANS} scan")
            start = at
            while (at := data.find(b"\xff", at)) >= 0 and at + 1 < end:
                following = data[at + 1]
                if following != 0x00 and not 0xD0 <= following <= 0xD7:
                    break
                at += 2
            else:
                at = end
            coded += at - start
    if size and coded * 8 < math.ceil(size[0] / 8) * math.ceil(size[1] / 8):
        raise PhotoError("foto-rusak", f"data {coded} bita untuk {size[0]}×{size[1]}")


def _bomb_size(error: Exception) -> str:
    """Pillow's refusal is an English sentence ("Image size (400000000
    pixels) exceeds limit …"): the editor reads the megapixels."""
    found = re.search(r"\((\d+) pixels\)", str(error))
    if found:
        return f"{int(found[1]) // 1_000_000} megapiksel"
    return "ukurannya tidak wajar"


def orientation(image: Image.Image) -> int | None:
    """The EXIF (or XMP) orientation, 2–8, or None: none, or none that can be
    read (a damaged EXIF block: the photo is published as stored)."""
    try:
        value = image.getexif().get(0x0112)
    except Exception:  # any damage means "no orientation"
        return None
    if type(value) is int and value in _UPRIGHT:
        return value
    return None


def oriented_size(image: Image.Image) -> tuple[int, int]:
    """Width and height as a reader sees the photo (after EXIF orientation)."""
    width, height = image.size
    if orientation(image) in _ORIENTATIONS_THAT_SWAP:
        return height, width
    return width, height


def _upright(image: Image.Image) -> Image.Image:
    turn = _UPRIGHT.get(orientation(image))
    return image.transpose(turn) if turn is not None else image


def _decode(image: Image.Image, widest: int) -> Image.Image:
    if image.format == "JPEG":
        width, height = oriented_size(image)
        if width > widest:
            # Ask libjpeg for the smallest DCT scale still at least as wide
            # as the widest variant (in the stored orientation).
            needed = (widest, math.ceil(widest * height / width))
            if (width, height) != image.size:
                needed = needed[::-1]
            image.draft(image.mode, needed)
    image.load()
    return image


def _to_8_bit(image: Image.Image) -> Image.Image:
    """16- and 32-bit grey as 8-bit grey ("L"), which ``convert`` would clip
    (a mid-grey 16-bit PNG came out white). 16 bits: 0–65535 → 0–255. 32-bit
    integers ("I") within 0–65535 are 16-bit values (a 16-bit scan opened as
    "I"), floats ("F") within 0–1 are 0–1; beyond, the lowest value is black
    and the highest white, and one flat value is mid-grey."""
    if image.mode.startswith("I;16"):
        low, high = 0.0, 65535.0
    else:
        low, high = image.getextrema()
        if not (math.isfinite(low) and math.isfinite(high)):
            low, high = 0.0, 1.0
        elif image.mode == "I" and low >= 0 and high <= 65535:
            low, high = 0.0, 65535.0
        elif image.mode == "F" and low >= 0 and high <= 1:
            low, high = 0.0, 1.0
    if high <= low:
        return Image.new("L", image.size, 128)
    scale = 255 / (high - low)
    offset = 0.5 - low * scale  # + 0.5: "F" → "L" truncates, this rounds
    return image.convert("F").point(lambda v: v * scale + offset).convert("L")


def _to_srgb(image: Image.Image) -> Image.Image:
    profile = image.info.get("icc_profile")
    if image.mode.startswith("I") or image.mode == "F":
        image = _to_8_bit(image)  # a grey profile applies to it as to any "L"
    if profile and image.mode in ("RGB", "RGBA", "CMYK", "L"):
        try:
            source = ImageCms.ImageCmsProfile(io.BytesIO(profile))
            mode = "RGBA" if image.mode == "RGBA" else "RGB"
            return ImageCms.profileToProfile(image, source, _SRGB, outputMode=mode)
        except (ImageCms.PyCMSError, OSError, ValueError):
            pass  # a broken profile: treat the pixels as sRGB
    if image.mode in ("RGB", "RGBA"):
        return image
    has_alpha = image.mode in ("LA", "PA") or (
        image.mode == "P" and "transparency" in image.info
    )
    return image.convert("RGBA" if has_alpha else "RGB")


def _bare(image: Image.Image) -> Image.Image:
    """The same pixels with no metadata of any kind attached."""
    clean = Image.new(image.mode, image.size)
    clean.paste(image)
    clean.info = {}
    return clean


def _flatten(image: Image.Image) -> Image.Image:
    if image.mode != "RGBA":
        return image
    background = Image.new("RGB", image.size, (255, 255, 255))
    background.paste(image, mask=image.getchannel("A"))
    return background


def _encode(image: Image.Image, kind: str, recipe: Recipe) -> list[Encoded]:
    bare = _bare(image)
    width, height = image.size
    results = []
    if recipe.avif:
        avif = io.BytesIO()
        bare.save(avif, "AVIF", quality=recipe.avif_quality, speed=recipe.avif_speed)
        results.append(Encoded(kind, width, height, "image/avif", avif.getvalue()))
    webp = io.BytesIO()
    bare.save(
        webp,
        "WEBP",
        quality=recipe.webp_quality,
        method=recipe.webp_method,
        exact=False,
    )
    jpeg = io.BytesIO()
    _bare(_flatten(bare)).save(
        jpeg,
        "JPEG",
        quality=recipe.jpeg_quality,
        optimize=True,
        progressive=True,
        subsampling="4:2:0",
    )
    return [
        *results,
        Encoded(kind, width, height, "image/webp", webp.getvalue()),
        Encoded(kind, width, height, "image/jpeg", jpeg.getvalue()),
    ]


def variant_widths(width: int, widths: tuple[int, ...]) -> list[int]:
    """The configured widths a photo ``width`` px wide fills, never upscaled;
    a photo narrower than the widest gets its own width as the largest."""
    chosen = [w for w in widths if w < width]
    if width <= max(widths):
        chosen.append(width)
    else:
        chosen.append(max(widths))
    return sorted(set(chosen))


def process(data: bytes, recipe: Recipe) -> list[Encoded]:
    """Every variant of the photo in ``data`` (raises ``PhotoError``): a
    file that fails in any way while it is read, converted or encoded is
    foto-rusak, never a traceback that stops the build. Out of memory and
    an interrupt are not the photo's fault: they go on up."""
    try:
        return _process(data, recipe)
    except (PhotoError, MemoryError):
        raise
    except Exception as e:  # see the docstring
        raise PhotoError("foto-rusak", f"{type(e).__name__}: {e}") from e


def _process(data: bytes, recipe: Recipe) -> list[Encoded]:
    image = open_checked(data, recipe.max_pixels)
    if image.format in ("JPEG", "MPO"):
        check_jpeg(data)
    if getattr(image, "n_frames", 1) > 1:
        image.seek(0)  # an animation publishes its first frame
    width, height = oriented_size(image)
    widths = [
        w
        for w in variant_widths(width, recipe.widths)
        if max(w, _scaled(height, w, width)) <= _MAX_SIDE
    ]
    if not widths:  # beyond about 51:1 (320×16383): not even the narrowest
        raise PhotoError("foto-terlalu-panjang", f"{width}×{height} piksel")
    try:
        decoded = _decode(image, width if recipe.original else widths[-1])
        pixels = _to_srgb(_upright(decoded))
    except (OSError, ValueError, SyntaxError, EOFError) as e:
        raise PhotoError("foto-rusak", str(e)) from e
    results = []
    if recipe.original and max(pixels.size) <= _MAX_JPEG_SIDE:
        full = io.BytesIO()
        _bare(_flatten(pixels)).save(
            full, "JPEG", quality=92, optimize=True, progressive=True
        )
        results.append(Encoded("asli", *pixels.size, "image/jpeg", full.getvalue()))
    current = pixels
    for target in reversed(widths):
        if current.width != target:
            # Each width is made from the one above it: a rounding may
            # add a pixel to the prediction above, never past the limit.
            height = min(_scaled(current.height, target, current.width), _MAX_SIDE)
            current = current.resize(
                (target, height), Image.Resampling.LANCZOS, reducing_gap=3.0
            )
        results.extend(_encode(current, f"{target}w", recipe))
    return results


def _scaled(height: int, width: int, from_width: int) -> int:
    """The height of a variant ``width`` px wide of a photo ``from_width`` wide."""
    return max(1, round(height * width / from_width))
