"""Build speed: a reused Markdown converter, cached URLs, listings built
from indexes, and a writer that renders only the pages whose inputs changed.

Nothing here changes what is built; ``make bench`` checks that an edited
rebuild equals a cold build, and the whole test suite runs with it.
"""

from pelican import signals
from pelican.contents import Article, Page
from pelican.readers import MarkdownReader

from .heap import freeze_what_was_read, unfreeze
from .listings import index_listings, index_period_archives
from .markdown_reader import ReusingMarkdownReader
from .page_reuse import ReusingWriter, flush_writer, save_manifest
from .parallel_markdown import prefetch
from .url_cache import cache_urls


def use_reusing_reader(readers):
    for extension in MarkdownReader.file_extensions:
        if readers.reader_classes.get(extension) is MarkdownReader:
            readers.reader_classes[extension] = ReusingMarkdownReader


def cache_urls_from_the_start(content):
    """Receiver for ``content_object_init``: releases and pages (not static
    files, whose URL an ``{attach}`` link may still move) cache their URL
    from the first time it is read, which is after they are fully built."""
    if isinstance(content, Article | Page):
        cache_urls([content])


def reusing_writer(pelican):
    return ReusingWriter


def register():
    signals.readers_init.connect(use_reusing_reader)
    signals.article_generator_pretaxonomy.connect(index_period_archives)
    signals.article_generator_finalized.connect(index_listings)
    signals.article_generator_init.connect(prefetch)
    signals.content_object_init.connect(cache_urls_from_the_start)
    signals.get_writer.connect(reusing_writer)
    signals.article_writer_finalized.connect(flush_writer)
    signals.page_writer_finalized.connect(flush_writer)
    signals.finalized.connect(save_manifest)
    signals.article_generator_pretaxonomy.connect(freeze_what_was_read)
    signals.finalized.connect(unfreeze)
