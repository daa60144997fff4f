"""A processed photo as templates, feeds and the search index use it."""

import posixpath
import re
from dataclasses import dataclass

AVIF, WEBP, JPEG = "image/avif", "image/webp", "image/jpeg"
EXTENSIONS = {AVIF: "avif", WEBP: "webp", JPEG: "jpg"}
# What a <picture> offers, best first; JPEG is the <img> every browser shows.
MODERN = (AVIF, WEBP)


@dataclass(frozen=True)
class Variant:
    path: str  # in the output, e.g. "images/foto-800w.3f9a1c2e77b04d18.jpg"
    width: int
    height: int
    mime_type: str
    length: int  # bytes


@dataclass(frozen=True)
class Photo:
    source: str  # in content/, e.g. "images/foto.jpg"
    width: int  # of the widest variant, as a reader sees it
    height: int
    variants: tuple[Variant, ...]
    original: Variant | None  # PHOTOS_PUBLISH_ORIGINAL's full-size copy
    share_width: int
    thumbnail_width: int

    @property
    def files(self) -> tuple[Variant, ...]:
        """Every file this photo publishes."""
        return self.variants + ((self.original,) if self.original else ())

    def of_type(self, mime_type: str) -> list[Variant]:
        return sorted(
            (v for v in self.variants if v.mime_type == mime_type),
            key=lambda v: v.width,
        )

    def _nearest(self, width: int) -> Variant:
        """The JPEG at ``width``, or the widest one narrower than it."""
        jpegs = self.of_type(JPEG)
        fitting = [v for v in jpegs if v.width <= width]
        return fitting[-1] if fitting else jpegs[0]

    @property
    def fallback(self) -> Variant:
        """``<img src>``: the JPEG an old browser without srcset shows."""
        return self._nearest(800)

    @property
    def share(self) -> Variant:
        """og:image, the feeds' enclosure and media:content."""
        return self._nearest(self.share_width)

    @property
    def thumbnail(self) -> Variant:
        """media:thumbnail and the search results list."""
        return self._nearest(self.thumbnail_width)

    @property
    def largest(self) -> Variant:
        """What a plain link to the photo opens."""
        return self.original or self.of_type(JPEG)[-1]

    def srcset(self, mime_type: str, prefix: str) -> str:
        return ", ".join(
            f"{prefix}{v.path} {v.width}w" for v in self.of_type(mime_type)
        )


_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def _safe(part: str) -> str:
    """A name that needs no escaping in a URL, ``srcset`` (split at spaces and
    commas) or a feed: ``Foto Kegiatan (1)`` → ``Foto-Kegiatan-1``."""
    return _UNSAFE.sub("-", part).strip("-.") or "foto"


# Hex characters of the content key in a variant's name: 64 bits, so no
# contributor can make two photos share a name by a birthday search (40 bits
# took 2 seconds).
KEY_LENGTH = 16
# Characters of the photo's name kept in a variant's name.
STEM_LENGTH = 100


def variant_path(source: str, kind: str, key: str, mime_type: str) -> str:
    """``images/foto.jpg`` → ``images/foto-800w.3f9a1c2e77b04d18.webp``: the
    name holds the content key, so a replaced photo never shows a stale
    cached copy."""
    folder, name = posixpath.split(source)
    folder = "/".join(_safe(part) for part in folder.split("/") if part)
    # A legal 244-character name plus "-1600w.<key>.avif.<pid>.tmp" is more
    # than a file system's 255 bytes: keep the stem short (it is ASCII now).
    stem = _safe(name.rsplit(".", 1)[0])[:STEM_LENGTH].rstrip("-.")
    name = f"{stem}-{kind}.{key[:KEY_LENGTH]}.{EXTENSIONS[mime_type]}"
    return posixpath.join(folder, name) if folder else name
