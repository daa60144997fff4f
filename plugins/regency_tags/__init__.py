"""Regency tags: the kabupaten/kota of the province as a validated taxonomy.

Editors write ``Regencies: Banjarmasin, Tanbu`` in a release. This plugin

1. reads the registry of regencies (``REGENCY_REGISTRY``, a TOML file);
2. matches each value by name, official name, slug, alias or prefixed form,
   reporting unknown values with suggestions (``editorial`` stops the build);
3. sets ``article.regencies`` to ``Regency`` objects, in the editor's order;
4. writes ``kabupaten/`` (all regencies) and ``kabupaten/{slug}/`` (paginated).

Requires the ``editorial`` plugin, listed before this one in ``PLUGINS``.
"""

from pelican import signals

from .generator import RegencyGenerator
from .settings import apply_defaults
from .tagging import tag_articles


def on_initialized(pelican):
    apply_defaults(pelican.settings)


def get_generators(pelican):
    return RegencyGenerator


def register():
    signals.initialized.connect(on_initialized)
    signals.article_generator_finalized.connect(tag_articles)
    signals.get_generators.connect(get_generators)
