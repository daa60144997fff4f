"""``Image:`` and ``Image_alt:`` of releases and pages as ``.featured_image``
(a path in the output, e.g. ``images/kegiatan.jpg``) and
``.featured_image_alt``.

The file's existence and the alt text are checked by ``editorial``; a value
that leaves ``content/`` (``..``, an absolute path, a URL, a hidden file) is
refused there, and never becomes a featured image here either.
"""

from pelican import signals

from editorial.content_paths import featured_image_target


def output_path(value: str, base: str) -> str | None:
    """The image's path in the output, or ``None`` when it is refused."""
    target = featured_image_target(value, base)
    return None if target.refusal else target.relative


def enrich(generator):
    for article in [
        *generator.articles,
        *generator.translations,
        *generator.hidden_articles,
        *generator.drafts,
    ]:
        value = article.metadata.get("image")
        base = generator.settings["PATH"]
        article.featured_image = output_path(str(value), base) if value else None
        article.featured_image_alt = (article.metadata.get("image_alt") or "").strip()
        if article.featured_image:
            # A candidate for the static copy even outside STATIC_PATHS (as a
            # {static} link is); content_files copies it only for written content.
            generator.context["static_links"].add(article.featured_image)


def enrich_pages(generator):
    """Pages may have an ``Image:`` too (shown at the top, shared)."""
    base = generator.settings["PATH"]
    for page in [
        *generator.pages,
        *generator.hidden_pages,
        *generator.draft_pages,
        *generator.translations,
        *generator.hidden_translations,
        *generator.draft_translations,
    ]:
        value = page.metadata.get("image")
        page.featured_image = output_path(str(value), base) if value else None
        page.featured_image_alt = (page.metadata.get("image_alt") or "").strip()
        if page.featured_image:
            generator.context["static_links"].add(page.featured_image)


def register():
    signals.article_generator_finalized.connect(enrich)
    signals.page_generator_finalized.connect(enrich_pages)
