"""Related releases and previous/next links, from indexes, not scans.

For each published release, ``article.related`` holds up to
``RELATED_MAX`` other releases, preferring those that share its regencies,
then its tags, and among equals the ones closest in time. Candidates come
only from the release's own neighbourhood in each regency and tag index
(``RELATED_WINDOW`` on each side, by date), so the work per release does not
grow with the archive. ``article.prev_release``/``next_release`` are its
chronological neighbours.
"""

from pelican import signals

from .related import link_neighbours, relate

DEFAULTS = {"RELATED_MAX": 4, "RELATED_WINDOW": 12}


def on_finalized(generator):
    settings = generator.settings
    limit = settings.get("RELATED_MAX", DEFAULTS["RELATED_MAX"])
    window = settings.get("RELATED_WINDOW", DEFAULTS["RELATED_WINDOW"])
    articles = generator.articles  # published only, newest first
    relate(articles, limit=limit, window=window)
    link_neighbours(articles)
    for draft in [*generator.drafts, *generator.hidden_articles]:
        draft.related, draft.prev_release, draft.next_release = [], None, None


def register():
    # After regency_tags (same signal, registered earlier) gave regencies.
    signals.article_generator_finalized.connect(on_finalized)
