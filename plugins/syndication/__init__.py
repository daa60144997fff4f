"""Syndication feeds written with feedgen: RSS, Atom and JSON Feed, site-wide and
per regency, driven by the ``SYNDICATION_FEEDS`` table.

Replaces Pelican's own feeds (keep every ``FEED_*`` setting ``None``). Needs
``editorial`` (problems) and ``regency_tags`` (``article.regencies``) listed
before it in ``PLUGINS``.
"""

from pelican import signals

from .generator import SyndicationGenerator
from .settings import apply_defaults


def on_initialized(pelican):
    apply_defaults(pelican.settings)


def get_generators(pelican):
    return SyndicationGenerator


def register():
    signals.initialized.connect(on_initialized)
    signals.get_generators.connect(get_generators)
