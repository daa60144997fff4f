"""Slugs short enough to be a folder name (and a file name for ``make new``).

A slug made from a very long title is cut at a word boundary, with a warning
naming the new address; an explicit ``Slug:`` that long is an error. The
limit, ``EDITORIAL_SLUG_MAX_CHARS``, is below every file system's 255 bytes
and above any slug a working build has produced so far, so no published
address moves.
"""

from pelican.contents import Article, Page

from .messages import problem
from .settings import DEFAULTS
from .source import metadata_line

KEY = "EDITORIAL_SLUG_MAX_CHARS"


def slug_limit(settings) -> int:
    return int(settings.get(KEY, DEFAULTS[KEY]))


def capped(slug: str, limit: int) -> str:
    """``slug`` cut to at most ``limit`` characters, at a hyphen if there is one."""
    if len(slug) <= limit:
        return slug
    cut = slug[:limit]
    if slug[limit] != "-" and "-" in cut:
        cut = cut.rsplit("-", 1)[0]
    return cut.strip("-")


def cap_generated_slug(content) -> None:
    """Receiver for ``content_object_init``: before any URL is computed."""
    if not isinstance(content, Article | Page) or "slug" in content.metadata:
        return
    slug = str(getattr(content, "slug", "") or "")
    limit = slug_limit(content.settings)
    if len(slug) > limit:
        content.slug = capped(slug, limit)
        content.slug_shortened_from = len(slug)


def check_slug_length(content):
    path = content.source_path
    limit = slug_limit(content.settings)
    explicit = content.metadata.get("slug")
    if explicit is not None and len(str(explicit)) > limit:
        line = metadata_line(path, "slug")
        yield problem(
            "slug-terlalu-panjang", path, line, length=len(str(explicit)), limit=limit
        )
    shortened = getattr(content, "slug_shortened_from", None)
    if shortened:
        yield problem(
            "alamat-dipendekkan",
            path,
            metadata_line(path, "title") or 1,
            length=shortened,
            slug=content.slug,
            limit=limit,
        )
