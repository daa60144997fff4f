"""Build speed: the same output as Pelican's own code, made faster.

A reused Markdown converter and Markdown converted on every core, URLs
computed once per release, listings built from indexes, pages rendered on
every core, the collector kept off the releases while pages render, and
Pelican's reader cache guarded by a key. Nothing here changes what is
built: the oracle (tests/oracle.py) compares builds with and without this
plugin after every kind of edit.

Every private Pelican API it touches is in ``pelican_internals.py``. On a
Pelican version other than the tested one it warns and stays out of the
way: the build runs on Pelican's stock code.
"""

import logging

import pelican
from pelican import signals
from pelican.contents import Article, Page
from pelican.readers import MarkdownReader

from . import pelican_internals
from .listings import index_listings
from .page_writer import finish_writer, flush_writer, writer_for_build
from .parallel_markdown import prefetch
from .reader_cache import check_reader_cache, vouch_for_reader_cache

logger = logging.getLogger(__name__)

ACTIVE = "BUILD_SPEED_ACTIVE"  # set in each build's settings at initialized


def _active(settings) -> bool:
    return bool(settings.get(ACTIVE))


def check_pelican_version(pelican_object) -> None:
    settings = pelican_object.settings
    settings[ACTIVE] = pelican_internals.supported()
    if not settings[ACTIVE]:
        logger.warning(
            "build_speed: Pelican %s terpasang, padahal build_speed diuji dengan "
            "Pelican %s; build_speed dimatikan dan situs dibangun dengan cara "
            "bawaan Pelican (lebih lambat).\n    Perbaikan: pasang versi yang "
            "dikunci di requirements.lock (make venv), atau periksa "
            "plugins/build_speed/pelican_internals.py untuk versi ini.",
            pelican.__version__,
            pelican_internals.TESTED_PELICAN,
        )
        return
    check_reader_cache(settings)


def use_reusing_reader(readers) -> None:
    if not _active(readers.settings):
        return
    for extension in MarkdownReader.file_extensions:
        if readers.reader_classes.get(extension) is MarkdownReader:
            readers.reader_classes[extension] = pelican_internals.ReusingMarkdownReader


def cache_urls_from_the_start(content) -> None:
    """Receiver for ``content_object_init``: releases and pages (not static
    files, whose URL an ``{attach}`` link may still move)."""
    if isinstance(content, Article | Page) and _active(content.settings):
        pelican_internals.cache_urls(content)


def index_period_archives(generator) -> None:
    if _active(generator.settings):
        pelican_internals.index_period_archives(generator)


def index_term_listings(generator) -> None:
    if _active(generator.settings):
        index_listings(generator)


def prefetch_markdown(generator) -> None:
    if _active(generator.settings):
        prefetch(generator)


def parallel_writer(pelican_object):
    if _active(pelican_object.settings):
        return writer_for_build(pelican_object)
    return None


def finish(pelican_object) -> None:
    if _active(pelican_object.settings):
        finish_writer(pelican_object)
        vouch_for_reader_cache(pelican_object.settings)


def register():
    signals.initialized.connect(check_pelican_version)
    signals.readers_init.connect(use_reusing_reader)
    signals.article_generator_init.connect(prefetch_markdown)
    signals.content_object_init.connect(cache_urls_from_the_start)
    signals.article_generator_pretaxonomy.connect(index_period_archives)
    signals.article_generator_finalized.connect(index_term_listings)
    signals.get_writer.connect(parallel_writer)
    signals.article_writer_finalized.connect(flush_writer)
    signals.page_writer_finalized.connect(flush_writer)
    signals.finalized.connect(finish)
