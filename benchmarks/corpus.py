"""A deterministic synthetic archive of press releases, for benchmarks and
for checking the theme on a big site.

``python -m benchmarks.corpus N FOLDER [PHOTO-FOLDER]`` writes N releases (invented
Indonesian-looking words, never real articles): 2,500–4,000 characters in 6–10
paragraphs, 1–2 regencies, tags, a category, dates over ten years, and an
image on every 25th. The same N always gives the same files.

The image is a small flat PNG, unless ``write_corpus`` is given photos
(``phone_photos``: a few 4032×3024 phone JPEGs of 3–4 MB with EXIF, made
once): then every 25th release has its own ``images/rilis-NNNNN.jpg``, one of
those photos with its EXIF date set to the release's, so every file has
distinct bytes (as on a real site: the photo cache, keyed by content, must
process each one) for the price of a 19-byte change, not a new encoding.
"""

import random
import sys
import zlib
from collections.abc import Sequence
from datetime import datetime, timedelta
from pathlib import Path

SYLLABLES = ("ba", "ka", "la", "ma", "na", "pa", "ra", "sa", "ta", "ja", "da", "ga",
             "be", "ke", "le", "me", "ne", "pe", "re", "se", "te", "bi", "ki", "li",
             "mi", "ni", "ri", "si", "ti", "bu", "ku", "lu", "mu", "nu", "ru", "su",
             "tu", "ang", "ung", "ing", "an", "in", "un", "ah", "ar", "as")  # fmt: skip
REGENCIES = (
    "Tanah Laut", "Kotabaru", "Banjar", "Barito Kuala", "Tapin",
    "Hulu Sungai Selatan", "Hulu Sungai Tengah", "Hulu Sungai Utara",
    "Tabalong", "Tanah Bumbu", "Balangan", "Banjarmasin", "Banjarbaru",
)  # fmt: skip
# Invented words that happen to spell a regency's alias or seat would make
# the text "mention" it: keep them out of the lexicon.
RESERVED = {"tala", "batola", "tanbu", "banjar", "tapin", "rantau", "tanjung"}
CATEGORIES = ("Kegiatan", "Kelembagaan", "Bantuan Sosial", "Pelatihan", "Pengumuman")
START = datetime(2016, 1, 4, 8, 0)
SPAN_MINUTES = 10 * 365 * 24 * 60
# The EXIF DateTime tests/photos.py writes; each release's copy gets its own.
PHOTO_DATETIME = b"2025:10:08 09:30:00"
PHOTO_SIZE = (4032, 3024)  # a 12-megapixel phone camera
PHOTO_QUALITY = 92  # about 3.4 MB, as phones save them


def _png(width: int, height: int, colour: tuple[int, int, int]) -> bytes:
    raw = b"".join(b"\x00" + bytes(colour) * width for _ in range(height))

    def chunk(kind, data):
        body = kind + data
        return len(data).to_bytes(4, "big") + body + zlib.crc32(body).to_bytes(4, "big")

    header = (
        width.to_bytes(4, "big") + height.to_bytes(4, "big") + b"\x08\x02\x00\x00\x00"
    )
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))  # fmt: skip


class Corpus:
    def __init__(self, seed: int = 2025):
        self.random = random.Random(seed)
        words = (self._word() for _ in range(3200))
        self.lexicon = [word for word in words if word not in RESERVED][:3000]
        self.tags = [self._word().capitalize() for _ in range(60)]

    def _word(self) -> str:
        return "".join(
            self.random.choice(SYLLABLES) for _ in range(self.random.randint(2, 4))
        )

    def sentence(self) -> str:
        words = [
            self.random.choice(self.lexicon) for _ in range(self.random.randint(8, 16))
        ]
        return " ".join(words).capitalize() + "."

    def paragraph(self) -> str:
        return " ".join(self.sentence() for _ in range(self.random.randint(2, 4)))

    def body(self, regencies) -> str:
        paragraphs, size = [], 0
        target = self.random.randint(2500, 4000)
        while size < target or len(paragraphs) < 6:
            paragraph = self.paragraph()
            paragraphs.append(paragraph)
            size += len(paragraph)
            if len(paragraphs) == 10:
                break
        # Name the tagged regencies in the text, as real releases do.
        paragraphs[0] = f"{regencies[0]}, {paragraphs[0]}"
        return "\n\n".join(paragraphs)

    def release(self, number: int, image_suffix: str = ".png") -> tuple[str, str, bool]:
        rng = self.random
        title_words = [rng.choice(self.lexicon) for _ in range(rng.randint(4, 9))]
        title = " ".join(title_words).capitalize() + f" {number}"
        date = START + timedelta(minutes=rng.randrange(SPAN_MINUTES))
        regencies = rng.sample(REGENCIES, rng.randint(1, 2))
        tags = rng.sample(self.tags, rng.randint(1, 3))
        with_image = number % 25 == 0
        lines = [
            f"Title: {title}",
            f"Slug: rilis-{number:05d}",
            f"Date: {date:%Y-%m-%d %H:%M}",
            f"Category: {rng.choice(CATEGORIES)}",
            f"Tags: {', '.join(tags)}",
            "Author: MC Kalsel/Uji",
            f"Regencies: {', '.join(regencies)}",
            f"Summary: {self.sentence()}",
        ]
        if with_image:
            lines += [f"Image: images/rilis-{number:05d}{image_suffix}",
                      "Image_alt: Gambar contoh untuk pengujian"]  # fmt: skip
        text = "\n".join(lines) + "\n\n" + self.body(regencies) + "\n"
        return f"{date:%Y}/rilis-{number:05d}.md", text, with_image


def phone_photos(folder: Path, count: int = 8) -> list[bytes]:
    """``count`` phone photos (different seeds), made once into ``folder``."""
    from tests.photos import phone_photo  # Pillow: only for photo corpora

    folder = Path(folder)
    photos = []
    for seed in range(1, count + 1):
        path = folder / f"ponsel-{seed}.jpg"
        if not path.exists():
            temporary = folder / f".ponsel-{seed}.jpg"
            phone_photo(temporary, size=PHOTO_SIZE, seed=seed, quality=PHOTO_QUALITY)
            temporary.replace(path)
        photos.append(path.read_bytes())
    return photos


def dated_photo(photo: bytes, taken: datetime) -> bytes:
    """The photo with ``taken`` as its EXIF DateTime (same length: no offset
    moves, the pixels are untouched)."""
    if photo.count(PHOTO_DATETIME) != 1:
        raise ValueError("the photo has no single EXIF DateTime to change")
    return photo.replace(PHOTO_DATETIME, f"{taken:%Y:%m:%d %H:%M:%S}".encode())


def _release_date(text: str) -> datetime:
    line = next(line for line in text.split("\n") if line.startswith("Date: "))
    return datetime.strptime(line[len("Date: ") :], "%Y-%m-%d %H:%M")


def _photo_for(number: int, text: str, photos: Sequence[bytes], taken: set) -> bytes:
    """Release ``number``'s own photo, taken an hour before the release (a
    second later if another copy of the same photo has that time already)."""
    choice = (number // 25) % len(photos)
    when = _release_date(text) - timedelta(hours=1)
    while (choice, when) in taken:
        when += timedelta(seconds=1)
    taken.add((choice, when))
    return dated_photo(photos[choice], when)


def write_corpus(
    count: int, folder: Path, seed: int = 2025, photos: Sequence[bytes] = ()
) -> Path:
    """``photos`` (from ``phone_photos``) turns the PNG images into phone
    photos, each release with its own file."""
    folder = Path(folder)
    corpus = Corpus(seed)
    suffix = ".jpg" if photos else ".png"
    taken: set = set()
    (folder / "images").mkdir(parents=True, exist_ok=True)
    (folder / "pages").mkdir(parents=True, exist_ok=True)
    (folder / "pages" / "tentang.md").write_text(
        "Title: Tentang\nSlug: tentang\n\nHalaman tentang untuk korpus uji.\n",
        encoding="utf-8",
    )
    for number in range(1, count + 1):
        relative, text, with_image = corpus.release(number, suffix)
        path = folder / "berita" / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        if with_image and photos:
            image = folder / "images" / f"rilis-{number:05d}{suffix}"
            image.write_bytes(_photo_for(number, text, photos, taken))
        elif with_image:
            colour = (number * 37 % 256, number * 91 % 256, number * 53 % 256)
            image = folder / "images" / f"rilis-{number:05d}.png"
            image.write_bytes(_png(1200, 675, colour))
    return folder


def add_newest_release(
    count: int, folder: Path, seed: int = 2025, photo: bytes | None = None
) -> list[Path]:
    """Write release ``count + 1`` of the same corpus, dated one minute after
    the archive's span (the newest year): what an editor's commit usually is.
    With ``photo`` it comes with its own new photo (the release's date as
    EXIF date), as ``Image:``. Returns the files written."""
    corpus = Corpus(seed)
    for number in range(1, count + 1):
        corpus.release(number)  # advance the generator to the next release
    relative, text, _ = corpus.release(count + 1)
    date = START + timedelta(minutes=SPAN_MINUTES + 1)
    header, body = text.split("\n\n", 1)
    lines = [
        f"Date: {date:%Y-%m-%d %H:%M}" if line.startswith("Date: ") else line
        for line in header.split("\n")
        if not line.startswith(("Image:", "Image_alt:"))
    ]
    written = []
    if photo is not None:
        image = folder / "images" / f"rilis-{count + 1:05d}.jpg"
        image.write_bytes(dated_photo(photo, date))
        written.append(image)
        lines += [f"Image: images/{image.name}", "Image_alt: Foto kegiatan terbaru"]
    path = folder / "berita" / f"{date:%Y}" / Path(relative).name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n\n" + body, encoding="utf-8")
    return [path, *written]


if __name__ == "__main__":
    # python -m benchmarks.corpus N FOLDER [PHOTO-FOLDER]: with a third
    # argument, phone photos (made there once) instead of flat PNGs.
    photos = phone_photos(Path(sys.argv[3])) if len(sys.argv) > 3 else ()
    write_corpus(int(sys.argv[1]), Path(sys.argv[2]), photos=photos)
