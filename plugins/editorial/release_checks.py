"""Checks on each release that was read: title, body, summary, embargo."""

import datetime
import functools
import re

from pelican.utils import slugify

from .header_checks import header_problems
from .messages import problem
from .source import metadata_line, repeated_header_keys
from .text import plain_text


def check_title(content):
    if not str(getattr(content, "title", "")).strip():
        path = content.source_path
        yield problem("judul-kosong", path, metadata_line(path, "title") or 1)


def check_body(content):
    html = getattr(content, "_content", "") or ""
    if not plain_text(html) and "<img" not in html:
        yield problem("isi-kosong", content.source_path)


def check_summary(content, limit: int):
    given = content.metadata.get("summary")
    if not given:
        return
    length = len(plain_text(given))
    if length > limit:
        path = content.source_path
        yield problem(
            "ringkasan-terlalu-panjang",
            path,
            metadata_line(path, "summary"),
            length=length,
            limit=limit,
        )


def check_embargo(article, now=None):
    """A warning for a release held back only because its date is ahead."""
    now = now or datetime.datetime.now(datetime.UTC)
    if article.metadata.get("status", "") == "draft" or not hasattr(article, "date"):
        return
    if article.date > now:
        when = f"{article.date:%d-%m-%Y %H:%M} {article.date.tzname() or ''}".strip()
        path = article.source_path
        yield problem("embargo", path, metadata_line(path, "date"), when=when)


_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def check_slug(content):
    """An explicit Slug: must be a plain URL segment; a generated one must exist."""
    path = content.source_path
    explicit = content.metadata.get("slug")
    if explicit is not None and not _SLUG.match(str(explicit)):
        yield problem("slug-salah", path, metadata_line(path, "slug"), value=explicit)
    elif explicit is None and not getattr(content, "slug", ""):
        title = str(getattr(content, "title", ""))
        if title.strip():  # an empty title is reported as such
            line = metadata_line(path, "title")
            yield problem("slug-kosong", path, line, value=title)


@functools.lru_cache(maxsize=8192)
def _slug_of(name: str, substitutions: tuple, preserve_case: bool, uni: bool) -> str:
    return slugify(
        name,
        regex_subs=[tuple(pair) for pair in substitutions],
        preserve_case=preserve_case,
        use_unicode=uni,
    )


def _term_slug(name: str, settings) -> str:
    """The term's page slug (the same few terms recur in every release)."""
    substitutions = settings.get("SLUG_REGEX_SUBSTITUTIONS", [])
    return _slug_of(
        name,
        tuple(tuple(pair) for pair in substitutions),
        settings.get("SLUGIFY_PRESERVE_CASE", False),
        settings.get("SLUGIFY_USE_UNICODE", False),
    )


def check_terms(article):
    """Category and tags must give a page address (``###`` gives none)."""
    path = article.source_path
    terms = [("Category", getattr(article, "category", None))]
    terms += [("Tags", tag) for tag in getattr(article, "tags", [])]
    for field, term in terms:
        if term is not None and not _term_slug(str(term), article.settings):
            yield problem(
                "istilah-salah",
                path,
                metadata_line(path, field.lower()),
                field=field,
                value=str(term),
            )


def check_repeated_fields(content):
    """``Date:`` written twice: Pelican would silently take the first."""
    path = content.source_path
    for key, lines in sorted(repeated_header_keys(path).items()):
        field = key[:1].upper() + key[1:]
        yield problem(
            "baris-ganda",
            path,
            lines[1],
            field=field,
            lines=", ".join(map(str, lines)),
        )


def check_header_shape(content):
    """A stray line in the metadata block hides every field below it, and a
    field the build reads as body text is lost (see ``header_checks``)."""
    yield from header_problems(content.source_path)


def check_release_status(article):
    """``Status: hidden`` is for pages: a hidden release would be written
    with links to category and tag pages that are never generated."""
    if article.metadata.get("status", "").lower() == "hidden":
        path = article.source_path
        yield problem("status-tersembunyi", path, metadata_line(path, "status"))
