"""Photos as phones take them, made on the fly: pixels with texture (so
they weigh what real photos weigh), EXIF with the camera model and GPS
coordinates, an orientation tag, optionally XMP, an ICC profile and PNG
text chunks. Tests check that none of it reaches the output."""

import io
import random
import struct
import zlib
from pathlib import Path

import pillow_heif
from PIL import Image, ImageChops, ImageCms, ImageDraw, ImageFilter, PngImagePlugin

pillow_heif.register_heif_opener()  # phone_photo(fmt="HEIF"): an iPhone photo

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


def _xmp() -> bytes:
    return (
        f'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF><rdf:Description '
        f'note="{XMP_MARKER}"/></rdf:RDF></x:xmpmeta>'
    ).encode()


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
    if fmt in ("JPEG", "WEBP", "HEIF"):  # HEIF: an iPhone's .heic
        options["quality"] = quality
        options["xmp"] = _xmp()
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


# Orientation tag → the transpose that shows the stored pixels upright, and
# its inverse: what a camera held sideways stores.
UPRIGHT = {3: Image.Transpose.ROTATE_180, 6: Image.Transpose.ROTATE_270,
           8: Image.Transpose.ROTATE_90}  # fmt: skip
STORED = {3: Image.Transpose.ROTATE_180, 6: Image.Transpose.ROTATE_90,
          8: Image.Transpose.ROTATE_270}  # fmt: skip
RED, BLUE = (220, 20, 20), (20, 20, 220)


def two_colour_photo(
    path: Path, orientation: int = 1, size=(1000, 600), fmt="JPEG"
) -> Path:
    """Upright, the top half is red and the bottom half blue; stored turned
    as a phone held sideways stores it, with the tag that says how to turn it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    upright = Image.new("RGB", size, BLUE)
    upright.paste(RED, (0, 0, size[0], size[1] // 2))
    stored = upright.transpose(STORED[orientation]) if orientation > 1 else upright
    stored.save(path, fmt, exif=exif_block(orientation).tobytes(), quality=92)
    return path


def _s15(value: float) -> bytes:
    return struct.pack(">i", round(value * 65536))


def _xyz(x: float, y: float, z: float) -> bytes:
    return b"XYZ \0\0\0\0" + _s15(x) + _s15(y) + _s15(z)


# Display P3 (an iPhone's colour space) as a v2 matrix/TRC profile: D50-adapted
# (Bradford) primaries, a gamma 2.2 curve (0x0233 = 2.19921875).
P3_GAMMA = 0x0233 / 256
P3_D50 = ((0.5151187, 0.2919778, 0.1571035),
          (0.2411892, 0.6922441, 0.0665668),
          (-0.0010505, 0.0418791, 0.7840713))  # fmt: skip
SRGB_D50 = ((0.4360747, 0.3850649, 0.1430804),
            (0.2225045, 0.7168786, 0.0606169),
            (0.0139322, 0.0971045, 0.7141733))  # fmt: skip


def display_p3_profile() -> bytes:
    """An ICC profile written by hand (ImageCms makes only sRGB, Lab, XYZ)."""
    text = b"Display P3 uji"
    desc = b"desc\0\0\0\0" + struct.pack(">I", len(text) + 1) + text + b"\0"
    desc += b"\0" * 8 + b"\0\0\0" + b"\0" * 67
    columns = list(zip(*P3_D50, strict=True))
    curve = b"curv\0\0\0\0" + struct.pack(">IH", 1, 0x0233) + b"\0\0"
    tags = [
        (b"desc", desc),
        (b"cprt", b"text\0\0\0\0uji\0"),
        (b"wtpt", _xyz(0.9642, 1.0, 0.8249)),
        (b"rXYZ", _xyz(*columns[0])),
        (b"gXYZ", _xyz(*columns[1])),
        (b"bXYZ", _xyz(*columns[2])),
        (b"rTRC", curve),
        (b"gTRC", curve),
        (b"bTRC", curve),
    ]
    offset = 128 + 4 + 12 * len(tags)
    table, data = b"", b""
    for signature, body in tags:
        body += b"\0" * (-len(body) % 4)
        table += signature + struct.pack(">II", offset + len(data), len(body))
        data += body
    size = offset + len(data)
    header = struct.pack(">I4sI", size, b"\0\0\0\0", 0x02100000)
    header += b"mntrRGB XYZ " + b"\0" * 12 + b"acsp" + b"\0" * 24
    header += struct.pack(">I", 0) + _s15(0.9642) + _s15(1.0) + _s15(0.8249)
    header += b"\0" * (128 - len(header))
    return header + struct.pack(">I", len(tags)) + table + data


def _solve(matrix, vector):
    """``matrix⁻¹ · vector`` for 3×3 (Cramer's rule)."""

    def det(m):
        return (
            m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1])
            - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0])
            + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0])
        )

    whole = det(matrix)
    answer = []
    for column in range(3):
        replaced = [list(row) for row in matrix]
        for row in range(3):
            replaced[row][column] = vector[row]
        answer.append(det(replaced) / whole)
    return answer


def p3_as_srgb(rgb: tuple[int, int, int]) -> tuple[int, ...]:
    """The sRGB value of a colour stored with ``display_p3_profile()``,
    computed with plain arithmetic (not with the library under test)."""
    linear = [(v / 255) ** P3_GAMMA for v in rgb]
    xyz = [sum(P3_D50[r][c] * linear[c] for c in range(3)) for r in range(3)]
    srgb = [min(1.0, max(0.0, v)) for v in _solve(SRGB_D50, xyz)]
    encoded = [12.92 * v if v <= 0.0031308 else 1.055 * v ** (1 / 2.4) - 0.055
               for v in srgb]  # fmt: skip
    return tuple(round(v * 255) for v in encoded)


def flat_photo(path: Path, colour, size=(1000, 600), fmt="JPEG", **options) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", size, colour).save(path, fmt, **options)
    return path


def png_header(width: int, height: int) -> bytes:
    """A PNG that claims ``width``×``height`` and holds no pixels: a
    decompression bomb as far as a header tells (a few dozen bytes)."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        crc = zlib.crc32(kind + body) & 0xFFFFFFFF
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IEND", b"")


def animated_gif(path: Path, colours=((200, 0, 0), (0, 0, 200)), size=(900, 600)):
    """A GIF whose frames are flat colours, the first ``colours[0]``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    frames = [Image.new("RGB", size, colour) for colour in colours]
    frames[0].save(path, save_all=True, append_images=frames[1:], duration=200)
    return path


def cli_settings(folder: Path, config: Path, **overrides) -> Path:
    """A settings file that is ``config`` plus ``overrides``, for
    ``run_pelican_cli``: the photo cache goes to ``folder/cache`` (the real
    settings would put it in the repository's cache/)."""
    folder.mkdir(parents=True, exist_ok=True)
    root = config.resolve().parent
    values = {
        "THEME": str(root / "theme"),
        "PLUGIN_PATHS": [str(root / "plugins")],
        "CACHE_PATH": str(folder / "cache"),
        **overrides,
    }
    lines = [
        "import runpy",
        f"globals().update(runpy.run_path({str(config.resolve())!r}))",
        *(f"{key} = {value!r}" for key, value in values.items()),
    ]
    path = folder / "pelicanconf.py"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


VARIANT_NAME = r"(?P<kind>\d+w|asli)\.(?P<key>[0-9a-f]{16})\.(?P<ext>avif|webp|jpg)"


def variants_of(output: Path, source: str) -> dict[tuple[str, str], Path]:
    """{(kind, extension): file} of ``source`` (``images/foto.jpg``) in
    ``output``: ``("800w", "webp")``, ``("asli", "jpg")`` …"""
    import re

    folder, _, name = source.rpartition("/")
    stem = re.escape(name.rsplit(".", 1)[0])
    pattern = re.compile(rf"{stem}-{VARIANT_NAME}")
    found = {}
    for path in (output / folder).iterdir():
        match = pattern.fullmatch(path.name)
        if match:
            found[match["kind"], match["ext"]] = path
    return found


# What Pillow's ``info`` holds for metadata blocks, lower-cased.
METADATA_INFO = {"exif", "xmp", "xml:com.adobe.xmp", "icc_profile", "comment",
                 "photoshop", "iptc"}  # fmt: skip


def metadata_in(path: Path) -> list[str]:
    """Every metadata block of the image at ``path`` (empty: none)."""
    found = []
    with Image.open(path) as image:
        exif = image.getexif()
        if len(exif):
            found.append(f"EXIF {dict(exif)}")
        if exif.get_ifd(GPS_IFD):
            found.append("GPS")
        found += [key for key in image.info if key.lower() in METADATA_INFO]
        if getattr(image, "text", None):  # PNG tEXt/zTXt/iTXt
            found.append(f"PNG text {image.text}")
        found += [marker for marker, _ in getattr(image, "applist", [])
                  if marker != "APP0"]  # fmt: skip  # APP0 is JFIF: no data
    data = path.read_bytes()
    if data[:4] == b"RIFF":  # WebP chunks, read without Pillow
        position = 12
        while position + 8 <= len(data):
            kind = data[position : position + 4]
            (size,) = struct.unpack("<I", data[position + 4 : position + 8])
            if kind in (b"EXIF", b"XMP ", b"ICCP"):
                found.append(f"WebP {kind.decode()}")
            position += 8 + size + (size & 1)
    return found
