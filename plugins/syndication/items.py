"""One release as every feed format needs it, computed once per build."""

import mimetypes
import os
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urljoin

from photos.markup import feed_html
from photos.pipeline import site_paths

from .text import absolute_html, plain_text, xml_safe


@dataclass(frozen=True)
class Enclosure:
    url: str
    mime_type: str
    length: int
    width: int | None = None
    height: int | None = None


@dataclass(frozen=True)
class FeedItem:
    guid: str
    title: str  # plain text
    url: str  # absolute
    published: datetime
    updated: datetime
    author: str
    categories: tuple[str, ...]
    summary: str  # plain text
    content_html: str  # links and images absolute
    image: Enclosure | None
    thumbnail: Enclosure | None = None


def absolute_siteurl(settings) -> str:
    """SITEURL when it is absolute (make publish), else LOCAL_SITEURL (make html):
    feeds and the sitemap need absolute addresses either way."""
    siteurl = settings.get("SITEURL") or ""
    if siteurl.startswith(("http://", "https://")):
        return siteurl.rstrip("/")
    return settings["LOCAL_SITEURL"].rstrip("/")


def absolute(siteurl: str, path: str) -> str:
    return urljoin(siteurl.rstrip("/") + "/", path.lstrip("/"))


def guid_for(article, authority: str) -> str:
    """A tag: URI (RFC 4151) from the release's date and slug.

    Neither the domain the site is served from, nor the text, nor a later
    ``Modified:`` date takes part, so the GUID lasts as long as the release.
    """
    return f"tag:{authority}:{article.date:%Y-%m-%d}:{article.slug}"


def image_path(value: str) -> str:
    """``{static}/images/a.jpg``, ``/images/a.jpg`` → ``images/a.jpg``."""
    for marker in ("{static}", "{attach}", "{filename}"):
        value = value.replace(marker, "")
    return value.strip().lstrip("/")


def _variant(variant, siteurl) -> Enclosure:
    url = absolute(siteurl, variant.path)
    return Enclosure(
        url, variant.mime_type, variant.length, variant.width, variant.height
    )


def enclosure_for(article, settings, siteurl) -> Enclosure | None:
    """The photo's sharing JPEG (plugin photos), with its true length; an
    image the photo pipeline does not process (SVG) as it is published."""
    photo = getattr(article, "photo", None)
    if photo is not None:
        return _variant(photo.share, siteurl)
    value = article.metadata.get("image")
    if not value:
        return None
    relative = image_path(value)
    source = os.path.join(settings["PATH"], relative)
    mime_type = mimetypes.guess_type(source)[0] or "application/octet-stream"
    url = absolute(siteurl, relative)
    return Enclosure(url, mime_type, os.path.getsize(source))


def categories_of(article) -> tuple[str, ...]:
    names = []
    category = getattr(article, "category", None)
    if category:
        names.append(str(category))
    names += [str(tag) for tag in getattr(article, "tags", [])]
    names += [regency.official_name for regency in getattr(article, "regencies", [])]
    unique = []
    for name in map(xml_safe, names):
        if name and name not in unique:
            unique.append(name)
    return tuple(unique)


def feed_item(article, settings, siteurl, context=None) -> FeedItem:
    """Needs every generator's context (static files are linked last)."""
    context = context or {}
    photo = getattr(article, "photo", None)
    url = absolute(siteurl, article.url)
    modified = getattr(article, "modified", None)
    author = getattr(article, "author", None)
    return FeedItem(
        guid=guid_for(article, settings["SYNDICATION_GUID_AUTHORITY"]),
        title=" ".join(xml_safe(article.title).split()),
        url=url,
        published=article.date,
        updated=max(modified, article.date) if modified else article.date,
        author=xml_safe(str(author)) if author else settings.get("AUTHOR", ""),
        categories=categories_of(article),
        summary=plain_text(article.get_summary(siteurl)),
        content_html=feed_html(
            absolute_html(article.get_content(siteurl), url),
            site_paths(context, siteurl),
        ),
        image=enclosure_for(article, settings, siteurl),
        thumbnail=_variant(photo.thumbnail, siteurl) if photo else None,
    )
