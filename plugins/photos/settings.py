"""Defaults of every ``PHOTOS_*`` setting, declared in one place (README
"Settings" documents each)."""

from editorial.content_paths import RASTER_EXTENSIONS, is_photo, is_raster

__all__ = ["DEFAULTS", "RASTER_EXTENSIONS", "apply_defaults", "is_photo", "is_raster"]

DEFAULTS = {
    # Widths (px) of the published variants; never wider than the photo.
    "PHOTOS_WIDTHS": (320, 480, 800, 1200, 1600),
    # Encoder settings, chosen by measurement (docs/foto.md).
    "PHOTOS_JPEG_QUALITY": 75,
    "PHOTOS_WEBP_QUALITY": 75,
    "PHOTOS_WEBP_METHOD": 4,
    # AVIF as well, offered first: at the same quality 26–32 % smaller than
    # WebP on noisy phone-like photos, 0–12 % on a clean one, for about twice
    # the encoding time of a new photo (docs/foto.md).
    "PHOTOS_AVIF": True,
    "PHOTOS_AVIF_QUALITY": 55,
    "PHOTOS_AVIF_SPEED": 8,
    # Width of the JPEG used for sharing (og:image) and feed enclosures.
    "PHOTOS_SHARE_WIDTH": 1200,
    # Width of the JPEG in media:thumbnail and the search results list.
    "PHOTOS_THUMBNAIL_WIDTH": 320,
    # A photo narrower than this is blurry on a phone: a warning.
    "PHOTOS_MIN_WIDTH": 800,
    # More pixels than this stops the build (a decompression bomb, or a scan
    # no reader needs): 50 megapixels is more than any phone camera's photo.
    "PHOTOS_MAX_PIXELS": 50_000_000,
    # Publish a full-size copy, metadata removed, for media partners.
    "PHOTOS_PUBLISH_ORIGINAL": False,
    # Where processed variants are kept between builds ("" = CACHE_PATH/foto).
    "PHOTOS_CACHE_PATH": "",
    # Cache entries no build used for this many days are removed (a replaced
    # or removed photo, a changed setting); 0 = never.
    "PHOTOS_CACHE_DAYS": 90,
    # Threads that process new photos (0 = one per core).
    "PHOTOS_WORKERS": 0,
}


def apply_defaults(settings: dict) -> None:
    for key, value in DEFAULTS.items():
        settings.setdefault(key, value)
