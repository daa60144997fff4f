"""Photos as phones take them, made on the fly: pixels with texture (so
they weigh what real photos weigh), EXIF with the camera model and GPS
coordinates, an orientation tag, optionally XMP, an ICC profile and PNG
text chunks. Tests check that none of it reaches the output."""

import io
import random
from pathlib import Path

from PIL import Image, ImageChops, ImageCms, ImageDraw, ImageFilter, PngImagePlugin

CAMERA_MODEL = "Pixel 8 Pro Rahasia"  # grep-able in any output file
CAMERA_MAKE = "GooglePonsel"
LATITUDE = (3.0, 19.0, 45.12)  # 3°19'45.12" S: Banjarmasin
LONGITUDE = (114.0, 35.0, 33.0)
XMP_MARKER = "xmp-rahasia-lokasi"
GPS_IFD = 0x8825


def _pixels(size: tuple[int, int], seed: int) -> Image.Image:
    """Gradients, shapes and grain: compresses like a photo, not like a
    flat test card (a 4032×3024 JPEG at quality 92 weighs 3–5 MB)."""
    rng = random.Random(seed)
    width, height = size
    small = (max(8, width // 8), max(8, height // 8))
    base = Image.merge(
        "RGB",
        [
            Image.linear_gradient("L").resize(small).rotate(rng.randrange(360)),
            Image.radial_gradient("L").resize(small),
            Image.linear_gradient("L").resize(small).rotate(rng.randrange(360)),
        ],
    )
    draw = ImageDraw.Draw(base)
    for _ in range(40):
        x, y = rng.randrange(small[0]), rng.randrange(small[1])
        r = rng.randrange(2, max(3, small[0] // 6))
        colour = tuple(rng.randrange(256) for _ in range(3))
        draw.ellipse((x - r, y - r, x + r, y + r), fill=colour)
    image = base.resize(size, Image.Resampling.BICUBIC).filter(
        ImageFilter.GaussianBlur(2)
    )
    grain = Image.effect_noise(size, 28).convert("RGB")
    return Image.blend(image, grain, 0.18)


def _textured_pixels(size: tuple[int, int], seed: int) -> Image.Image:
    """Detail at several scales (coloured noise upsampled from 1/64, 1/16 and
    1/4 of the size, outlines, sensor grain): a photo of a busy street or a
    crowd, hard to compress. Resized to 800 px it weighs about 73 KB as WebP
    q75 and 96 KB as JPEG q75, a bit more than the hardest synthetic photo of
    docs/foto.md (55 and 73 KB): budgets met with it hold for real photos."""
    rng = random.Random(seed)
    width, height = size
    layers = []
    for scale, sigma in ((64, 90), (16, 60), (4, 30)):
        small = (max(2, width // scale), max(2, height // scale))
        bands = [
            Image.effect_noise(small, sigma).resize(size, Image.Resampling.BICUBIC)
            for _ in range(3)
        ]
        layers.append(Image.merge("RGB", bands))
    image = Image.blend(Image.blend(layers[0], layers[1], 0.18), layers[2], 0.06)
    draw = ImageDraw.Draw(image)
    for _ in range(30):
        x, y = rng.randrange(width), rng.randrange(height)
        r = rng.randrange(max(2, width // 60), max(3, width // 8))
        colour = tuple(rng.randrange(256) for _ in range(3))
        draw.ellipse((x - r, y - r, x + r, y + r), outline=colour,
                     width=max(2, width // 400))  # fmt: skip
    grain = Image.merge("RGB", [Image.effect_noise(size, 5)] * 3)
    return ImageChops.add(image, grain, scale=1.0, offset=-128)


def exif_block(orientation: int = 1) -> Image.Exif:
    exif = Image.Exif()
    exif[0x010F] = CAMERA_MAKE
    exif[0x0110] = CAMERA_MODEL
    exif[0x0112] = orientation
    exif[0x0132] = "2025:10:08 09:30:00"
    gps = exif.get_ifd(GPS_IFD)
    gps[1] = "S"
    gps[2] = LATITUDE
    gps[3] = "E"
    gps[4] = LONGITUDE
    return exif


def phone_photo(
    path: Path,
    size: tuple[int, int] = (1600, 1200),
    orientation: int = 1,
    seed: int = 1,
    quality: int = 90,
    fmt: str = "JPEG",
    icc: bool = False,
    busy: bool = False,
) -> Path:
    """A photo with EXIF (camera, GPS, orientation) and XMP at ``path``;
    ``busy``: detail at every scale (``_textured_pixels``), for budgets."""
    path.parent.mkdir(parents=True, exist_ok=True)
    image = (_textured_pixels if busy else _pixels)(size, seed)
    options = {"exif": exif_block(orientation).tobytes()}
    if icc:
        profile = ImageCms.createProfile("sRGB")
        options["icc_profile"] = ImageCms.ImageCmsProfile(profile).tobytes()
    if fmt == "JPEG":
        options["quality"] = quality
        options["xmp"] = (
            f'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF><rdf:Description '
            f'note="{XMP_MARKER}"/></rdf:RDF></x:xmpmeta>'
        ).encode()
    if fmt == "PNG":
        info = PngImagePlugin.PngInfo()
        info.add_text("Comment", f"{CAMERA_MODEL} {XMP_MARKER}")
        options["pnginfo"] = info
    image.save(path, fmt, **options)
    return path


def photo_bytes(**options) -> bytes:
    buffer = io.BytesIO()
    image = _pixels(options.pop("size", (64, 48)), options.pop("seed", 1))
    image.save(buffer, "JPEG", exif=exif_block().tobytes(), **options)
    return buffer.getvalue()


def small_photo(path: Path, colour=(40, 90, 160), size=(800, 600)) -> Path:
    """A valid image in the format its name says (flat, a few KB): for tests
    about where a photo goes, not what it looks like."""
    path.parent.mkdir(parents=True, exist_ok=True)
    image = Image.new("RGB", size, colour)
    ImageDraw.Draw(image).rectangle((size[0] // 4, size[1] // 4, size[0] // 2,
                                     size[1] // 2), fill=(250, 250, 250))  # fmt: skip
    fmt = Image.registered_extensions().get(path.suffix.lower(), "PNG")
    image.save(path, fmt)
    return path


def published_variants(output: Path, source: str) -> list[Path]:
    """The files the photo ``source`` (``images/foto.jpg``) published."""
    folder, name = source.rsplit("/", 1) if "/" in source else ("", source)
    stem = name.rsplit(".", 1)[0]
    return sorted((output / folder).glob(f"{stem}-*w.*.*"))
