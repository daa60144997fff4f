"""Defaults of every ``PHOTOS_*`` setting, declared in one place (README
"Settings" documents each)."""

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


# Plugins that must come before this one in PLUGINS: ``editorial`` stops a
# build with errors before the variants are written (its receiver of the
# same signal runs first), ``content_files`` keeps the raw photos out.
NEEDED_BEFORE = ("editorial", "content_files")


def apply_defaults(settings: dict) -> None:
    """Fill in missing settings and refuse impossible ones (``ValueError``)."""
    for key, value in DEFAULTS.items():
        settings.setdefault(key, value)
    widths = settings["PHOTOS_WIDTHS"]
    if not widths or not all(isinstance(w, int) and 16 <= w <= 8192 for w in widths):
        raise ValueError(
            f"PHOTOS_WIDTHS: {widths!r} must be a non-empty list of widths "
            "from 16 to 8192 pixels"
        )
    for key in ("PHOTOS_JPEG_QUALITY", "PHOTOS_WEBP_QUALITY", "PHOTOS_AVIF_QUALITY"):
        if not 1 <= int(settings[key]) <= 100:
            raise ValueError(f"{key}: {settings[key]!r} must be from 1 to 100")
    if not 0 <= int(settings["PHOTOS_WEBP_METHOD"]) <= 6:
        raise ValueError("PHOTOS_WEBP_METHOD must be from 0 to 6")
    if not 0 <= int(settings["PHOTOS_AVIF_SPEED"]) <= 10:
        raise ValueError("PHOTOS_AVIF_SPEED must be from 0 to 10")
    for key in ("PHOTOS_SHARE_WIDTH", "PHOTOS_THUMBNAIL_WIDTH", "PHOTOS_MAX_PIXELS"):
        if int(settings[key]) < 1:
            raise ValueError(f"{key} must be at least 1")
    for key in ("PHOTOS_CACHE_DAYS", "PHOTOS_WORKERS"):
        value = settings[key]
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise ValueError(f"{key}: {value!r} must be a whole number, 0 or more")
    names = [getattr(p, "__name__", p) for p in settings.get("PLUGINS", [])]
    if "photos" in names:
        mine = names.index("photos")
        for needed in NEEDED_BEFORE:
            if needed not in names[:mine]:
                raise ValueError(
                    f"PLUGINS: “{needed}” must come before “photos” (it stops a "
                    "build with errors before the variants are written, or keeps "
                    "the raw photos out of the output)"
                )
