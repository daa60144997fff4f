"""Releases with the same date in the same order in every build.

Pelican finds source files through a ``set``, whose order changes from one
process to the next (string hashing is randomised), and sorts releases by
date alone: two releases dated the same minute swapped places between
builds. Sorting by date, then slug, makes the order a function of content.
"""


def newest_first(articles) -> list:
    by_slug = sorted(articles, key=lambda article: article.slug)
    return sorted(by_slug, key=lambda article: article.date, reverse=True)


def stabilise_order(generator) -> None:
    """Receiver for ``article_generator_pretaxonomy`` (before taxonomies)."""
    for name in ("articles", "translations", "hidden_articles",
                 "hidden_translations", "drafts", "drafts_translations"):  # fmt: skip
        setattr(generator, name, newest_first(getattr(generator, name)))
