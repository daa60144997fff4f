"""Convert the Markdown of many releases on every core before Pelican reads them.

Pelican reads files one by one. When a build has many files to convert (the
reader cache has none of them), two forked workers convert them first; each
returns only the HTML, the raw metadata lines and the HTML of the formatted
metadata fields (``Summary:``), which pickle cheaply. Pelican's reader then
finds the result waiting (``ReusingMarkdownReader``) and only parses the
metadata. The output is the same as converting serially
(a test builds both ways and compares).
"""

import multiprocessing
import os

from markdown import Markdown
from pelican.utils import pelican_open

from .pelican_internals import ReusingMarkdownReader

DEFAULT_MIN_FILES = 200  # below this, forking costs more than it saves
# Set in each worker process by _start_worker: (body, fields, formatted names).
_worker: tuple[Markdown, Markdown, frozenset[str]] | None = None


def _start_worker(markdown_settings, formatted_fields) -> None:
    global _worker
    fields = Markdown(**markdown_settings)
    fields.preprocessors.deregister("meta")
    names = frozenset(name.lower() for name in formatted_fields)
    _worker = (Markdown(**markdown_settings), fields, names)


def _convert(path: str):
    """One file's conversion, or ``None`` for a file that fails here (not
    UTF-8, a list nested too deep…): Pelican's reader then reads it again
    in the build's own process, where the failure becomes the editor's
    message, exactly as in a serial build."""
    try:
        return _converted(path)
    except Exception:
        return None


def _converted(path: str):
    body, fields, formatted_names = _worker
    body.reset()
    with pelican_open(path) as text:
        html = body.convert(text)
    meta = {key: list(values) for key, values in getattr(body, "Meta", {}).items()}
    formatted = {}
    for key, values in meta.items():
        if key.lower() in formatted_names:
            fields.reset()
            formatted[key.lower()] = fields.convert("\n".join(values))
    return path, html, meta, formatted


def prefetch(generator) -> None:
    """Receiver for ``article_generator_init``."""
    settings = generator.settings
    readers = [
        reader
        for reader in generator.readers.readers.values()
        if isinstance(reader, ReusingMarkdownReader)
    ]
    workers = min(os.cpu_count() or 1, settings.get("BUILD_WORKERS", 2))
    if not readers or workers < 2:
        return
    extensions = tuple(f".{ext}" for ext in ReusingMarkdownReader.file_extensions)
    paths = sorted(
        os.path.join(generator.path, relative)
        for relative in generator.get_files(
            settings["ARTICLE_PATHS"], exclude=settings["ARTICLE_EXCLUDES"]
        )
        if relative.endswith(extensions)
    )
    todo = [p for p in paths if generator.readers.get_cached_data(p, None) is None]
    if len(todo) < settings.get("BUILD_PARALLEL_MIN_FILES", DEFAULT_MIN_FILES):
        return
    markdown_settings = readers[0].settings["MARKDOWN"]
    context = multiprocessing.get_context("fork")
    formatted_fields = settings["FORMATTED_FIELDS"]
    arguments = (markdown_settings, formatted_fields)
    with context.Pool(workers, _start_worker, arguments) as pool:
        converted = pool.map(_convert, todo, chunksize=32)
    waiting = {
        path: (html, meta, formatted)
        for path, html, meta, formatted in filter(None, converted)
    }
    for reader in readers:
        reader.prefetched = waiting
