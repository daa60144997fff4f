"""Every private Pelican API build_speed touches, in one place.

Written for and checked against Pelican ``TESTED_PELICAN``. On any other
version ``supported()`` is false: build_speed warns once and leaves the
build to Pelican's stock code (``__init__.py``). A test fails loudly when
the installed Pelican is not the tested one (tests/test_build_speed_internals.py).

What is touched, and where Pelican has it:

1. ``MarkdownReader._parse_metadata`` (pelican/readers.py), overridden by
   ``ReusingMarkdownReader`` to take metadata fields converted ahead of time;
   the rest copies Pelican's: ``DUPLICATES_DEFINITIONS_ALLOWED``, the
   ``_source_path`` attribute its ``process_metadata`` reads.
2. ``ArticlesGenerator._build_period_archives`` (pelican/generators.py),
   wrapped by ``index_period_archives`` to fill each archive's ``articles``
   from an index instead of a list scan.
3. ``Writer.write_file``'s pagination and override rules
   (pelican/writers.py; ``_written_files``, ``_overridden_files``,
   ``_open_w``): re-implemented by ``paginated_pages`` and ``claim_output``
   so that pages can be queued and rendered on every core.
4. The ``url``/``save_as`` properties and ``get_relative_source_path`` of
   ``Content`` (pelican/contents.py): each release's class is swapped for a
   subclass that computes them once (``cache_urls``); its ``__reduce_ex__``
   pickles the release as its original class.
5. Pelican's English log line ``Writing "%s"`` (``WRITING``), repeated for
   the pages this writer writes, so logs read as Pelican's.
"""

import copyreg
import functools
import logging
from functools import partial

import pelican
from markdown import Markdown
from pelican.paginator import Paginator
from pelican.readers import DUPLICATES_DEFINITIONS_ALLOWED, MarkdownReader
from pelican.utils import pelican_open
from pelican.writers import FileOverwriteFailedError

logger = logging.getLogger(__name__)

TESTED_PELICAN = "4.12.0"
WRITING = 'Writing "%s"'  # Pelican's own log line for each file written


def supported() -> bool:
    return pelican.__version__ == TESTED_PELICAN


# -- 1. the Markdown reader ------------------------------------------------------


class ReusingMarkdownReader(MarkdownReader):
    """Pelican's Markdown reader builds a new ``Markdown`` object (and loads
    every extension) for each file; this one keeps two per reader and resets
    them, and takes files converted ahead of time (``parallel_markdown``)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._body = None  # converts documents (with the meta extension)
        self._fields = None  # converts formatted metadata such as Summary
        # {path: (html, raw metadata, {formatted field: html})}.
        self.prefetched: dict[str, tuple[str, dict, dict]] = {}

    def _converters(self):
        if self._body is None:
            self._body = Markdown(**self.settings["MARKDOWN"])
            self._fields = Markdown(**self.settings["MARKDOWN"])
            self._fields.preprocessors.deregister("meta")
        return self._body, self._fields

    def _parse_metadata(self, meta, formatted=None):
        formatted_fields = self.settings["FORMATTED_FIELDS"]
        output = {}
        for name, values in meta.items():
            name = name.lower()
            if name in formatted_fields:
                if formatted and name in formatted:
                    rendered = formatted[name]
                else:
                    self._fields.reset()
                    rendered = self._fields.convert("\n".join(values))
                output[name] = self.process_metadata(name, rendered)
            elif not DUPLICATES_DEFINITIONS_ALLOWED.get(name, True):
                # Repeated single-value fields: the first wins, as in Pelican
                # (editorial reports the repetition to the editor).
                output[name] = self.process_metadata(name, values[0])
            elif len(values) > 1:
                output[name] = self.process_metadata(name, values)
            else:
                output[name] = self.process_metadata(name, values[0])
        return output

    def read(self, source_path):
        self._source_path = source_path
        body, _ = self._converters()
        if source_path in self.prefetched:
            content, meta, formatted = self.prefetched.pop(source_path)
            return content, self._parse_metadata(meta, formatted)
        body.reset()
        with pelican_open(source_path) as text:
            content = body.convert(text)
        metadata = self._parse_metadata(getattr(body, "Meta", {}))
        return content, metadata


# -- 2. period archives -------------------------------------------------------------


def _period_archives(original, sorted_articles, articles, settings):
    archives = original(sorted_articles, [], settings)  # everything but "articles"
    position = {id(article): index for index, article in enumerate(articles)}
    for periods in archives.values():
        for archive in periods:
            members = [a for a in archive["dates"] if id(a) in position]
            archive["articles"] = sorted(members, key=lambda a: position[id(a)])
    return archives


def index_period_archives(generator) -> None:
    """Receiver for ``article_generator_pretaxonomy`` (before the archives).

    Pelican builds each period archive's ``articles`` as ``[a for a in
    articles if a in dates]``, a list scan per release per archive."""
    original = generator._build_period_archives
    generator._build_period_archives = partial(_period_archives, original)


# -- 3. the writer's rules --------------------------------------------------------


def claim_output(writer, path: str, override: bool) -> bool:
    """Pelican's ``Writer._open_w`` rules for writing ``path`` once: False
    when an overriding write already holds it (skip), an error when it was
    written before without ``override``."""
    if path in writer._overridden_files:
        if override:
            raise FileOverwriteFailedError(
                f'Failed to overwrite "{path}" a second time (was previously '
                "overwritten)"
            )
        logger.info('Skipping "%s", not overwriting', path)
        return False
    if path in writer._written_files:
        if not override:
            raise FileOverwriteFailedError(
                f'Failed to overwrite "{path}" as Pelican has already '
                "written to it previously (set `override=True` if intended)"
            )
        logger.info('Overwriting "%s"', path)
    if override:
        writer._overridden_files.add(path)
    writer._written_files.add(path)
    return True


def paginated_pages(settings, name, url, paginated, kwargs, template_name):
    """``[(save_as, template arguments)]`` as ``Writer.write_file`` makes
    them: one entry, or one per page of a paginated template. As in
    Pelican, a page's arguments keep every keyword argument (a term's own
    ``articles`` too) and add ``{key}_paginator``, ``{key}_page``,
    ``{key}_previous_page`` and ``{key}_next_page``."""
    if paginated is None:
        paginated = {k: v for k, v in kwargs.items() if k in {"articles", "dates"}}
    if not (paginated and template_name in settings["PAGINATED_TEMPLATES"]):
        return [(name, kwargs)]
    per_page = (
        settings["PAGINATED_TEMPLATES"][template_name] or settings["DEFAULT_PAGINATION"]
    )
    paginators = {
        key: Paginator(name, url, items, settings, per_page)
        for key, items in paginated.items()
    }
    pages = []
    for number in range(next(iter(paginators.values())).num_pages):
        arguments = kwargs.copy()
        for key, paginator in paginators.items():
            page = paginator.page(number + 1)
            arguments[f"{key}_paginator"] = paginator
            arguments[f"{key}_page"] = page
            arguments[f"{key}_previous_page"] = (
                paginator.page(number) if number > 0 else None
            )
            arguments[f"{key}_next_page"] = (
                paginator.page(number + 2) if number + 1 < paginator.num_pages else None
            )
        pages.append((page.save_as, arguments))
    return pages


# -- 4. URLs computed once -----------------------------------------------------------

_CACHED_CLASSES: dict[type, type] = {}
_REMEMBERED = ("url", "save_as", "_relative_source")


def _remembered_relative_source_path(base: type):
    compute = base.get_relative_source_path

    def get_relative_source_path(self, source_path=None):
        if source_path and source_path != self.source_path:
            return compute(self, source_path)
        remembered = self.__dict__.get("_relative_source")
        if remembered is None or remembered[0] != self.source_path:
            remembered = (self.source_path, compute(self))
            self.__dict__["_relative_source"] = remembered
        return remembered[1]

    get_relative_source_path.__doc__ = compute.__doc__
    return get_relative_source_path


def _pickled_as(base: type):
    def __reduce_ex__(self, protocol):
        """Pickle as the original Pelican class, without what was cached."""
        state = {k: v for k, v in self.__dict__.items() if k not in _REMEMBERED}
        return copyreg._reconstructor, (base, object, None), state

    return __reduce_ex__


def cached_class(cls: type) -> type:
    if cls not in _CACHED_CLASSES:
        _CACHED_CLASSES[cls] = type(
            cls.__name__,
            (cls,),
            {
                "__module__": cls.__module__,
                "__doc__": cls.__doc__,
                "url": functools.cached_property(cls.url.fget),
                "save_as": functools.cached_property(cls.save_as.fget),
                "get_relative_source_path": _remembered_relative_source_path(cls),
                "__reduce_ex__": _pickled_as(cls),
            },
        )
    return _CACHED_CLASSES[cls]


def cache_urls(content) -> None:
    """Pelican recomputes ``url`` and ``save_as`` (string formatting over the
    whole metadata) on every access, some twenty times per release in our
    templates; they depend only on what the content was built from, so the
    release moves to a subclass that computes both once, on first use (after
    its constructor has finished: ``Article`` turns a future release into a
    draft after the ``content_object_init`` signal)."""
    cls = type(content)
    if cls not in _CACHED_CLASSES.values():
        content.__class__ = cached_class(cls)
