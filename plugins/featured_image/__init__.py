"""``Image:`` and ``Image_alt:`` as ``article.featured_image`` (a path in the
output, e.g. ``images/kegiatan.jpg``) and ``article.featured_image_alt``.

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


def register():
    signals.article_generator_finalized.connect(enrich)
