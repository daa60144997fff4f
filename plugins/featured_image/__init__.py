"""``Image:`` and ``Image_alt:`` as ``article.featured_image`` (a path in the
output, e.g. ``images/kegiatan.jpg``) and ``article.featured_image_alt``.

The file's existence and the alt text are checked by ``editorial``.
"""

from pelican import signals

MARKERS = ("{static}", "{attach}", "{filename}")


def output_path(value: str) -> str:
    for marker in MARKERS:
        value = value.replace(marker, "")
    return value.strip().lstrip("/")


def enrich(generator):
    for article in [
        *generator.articles,
        *generator.translations,
        *generator.hidden_articles,
        *generator.drafts,
    ]:
        value = article.metadata.get("image")
        article.featured_image = output_path(value) if value else None
        article.featured_image_alt = (article.metadata.get("image_alt") or "").strip()


def register():
    signals.article_generator_finalized.connect(enrich)
