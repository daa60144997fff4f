"""A writer that renders every page, on every core, and never writes through
a file another folder shares.

Nothing is predicted: every page is rendered from this build's context, so
the output is what Pelican's own writer gives (the oracle, tests/oracle.py,
compares the two after every kind of edit). Pages are queued as Pelican
hands them over and settled in a batch by ``flush`` (``parallel_render.py``:
on every core when there are many). Flushes happen at the end of the
article and page writers, before the sitemap is written, and at the end of
the build.

Each page is written to a temporary file beside its name and renamed over
it (``os.replace``): a name that was a hard link into another folder (a
published site) gets a new file, the other folder keeps its own. Building
in place, a page whose bytes are unchanged is not written at all; into a
fresh folder (``PREVIOUS_OUTPUT_PATH``), such a page is a new file with the
previous one's modification time.

In place, the pages an earlier build wrote and this one did not (a deleted
release, a changed ``Save_as:``) are removed at the end. The list of pages
written lives in ``.warta/pages.json``; it is updated after every batch
(also when the build fails), so an interrupted build's pages are known too.
"""

import contextlib
import gc
import json
import logging
import os
import weakref
from typing import NamedTuple

from pelican import signals
from pelican.utils import get_relative_path, path_to_url, sanitised_join
from pelican.writers import Writer

from . import pelican_internals
from .parallel_render import render_all

logger = logging.getLogger(__name__)

MANIFEST = os.path.join(".warta", "pages.json")
# The writer of each build in progress, by output folder. Weak: a failed
# build's writer goes with the build, nothing outlives it.
_WRITERS: "weakref.WeakValueDictionary[str, ParallelWriter]" = (
    weakref.WeakValueDictionary()
)

WRITTEN, UNCHANGED = "W", "U"  # how a page was settled, reported by workers


class _Job(NamedTuple):
    name: str
    path: str
    template: object
    context: dict
    arguments: dict
    relative_urls: bool


def _same_bytes(path: str, data: bytes) -> os.stat_result | None:
    """The stat of ``path`` when it holds exactly ``data``, else None."""
    try:
        with open(path, "rb") as existing:
            if existing.read() == data:
                return os.fstat(existing.fileno())
    except OSError:
        pass
    return None


def write_atomically(
    path: str, text: str, in_place: bool, previous: str | None = None
) -> bool:
    """Write ``text`` to ``path`` through a new file renamed over it.
    In place, unchanged bytes are left alone. When the previous build's
    ``previous`` holds the same bytes, the new file keeps its modification
    time (servers derive Last-Modified and ETag from it). True when written."""
    data = text.encode("utf-8")
    if in_place and _same_bytes(path, data):
        return False
    unchanged = _same_bytes(previous, data) if previous else None
    os.makedirs(os.path.dirname(path), exist_ok=True)
    temporary = f"{path}.{os.getpid()}.tmp"
    try:
        with open(temporary, "wb") as target:
            target.write(data)
        if unchanged:
            os.utime(temporary, ns=(unchanged.st_atime_ns, unchanged.st_mtime_ns))
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    return True


@contextlib.contextmanager
def collector_frozen():
    """Keep the cycle collector off what is alive (every release, read and
    enriched) while the pages are rendered: each full collection walked all
    of them again and never freed one. Undone however the rendering ends."""
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


class ParallelWriter(Writer):
    def __init__(self, output_path, settings=None):
        super().__init__(output_path, settings=settings)
        previous = settings.get("PREVIOUS_OUTPUT_PATH") or output_path
        self.in_place = os.path.realpath(previous) == os.path.realpath(output_path)
        self.previous_root = None if self.in_place else previous
        self.earlier_pages = self._read_manifest() if self.in_place else set()
        self.pages: set[str] = set()  # written (or found unchanged) this build
        self.written = 0
        self.unchanged = 0
        self._queue: list[_Job] = []
        _WRITERS[os.path.realpath(output_path)] = self

    # -- the list of pages ------------------------------------------------------

    def _read_manifest(self) -> set[str]:
        try:
            path = os.path.join(self.output_path, MANIFEST)
            with open(path, encoding="utf-8") as manifest:
                return set(json.load(manifest))
        except (OSError, ValueError, TypeError):
            return set()

    def _save_manifest(self, pages) -> None:
        path = os.path.join(self.output_path, MANIFEST)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        write_atomically(path, json.dumps(sorted(pages), indent=0) + "\n", False)

    def finish(self) -> None:
        """The build succeeded: remove in place what it no longer makes."""
        self.flush()
        for name in sorted(self.earlier_pages - self.pages):
            path = sanitised_join(self.output_path, name)
            with contextlib.suppress(FileNotFoundError):
                os.unlink(path)
                logger.info('Removing "%s": no longer built', path)
        self._save_manifest(self.pages)
        logger.info("Pages written: %d, unchanged: %d", self.written, self.unchanged)

    # -- one page ---------------------------------------------------------------

    def _local_context(self, job):
        local = job.context.copy()
        local["localsiteurl"] = local.get("localsiteurl", None)
        if job.relative_urls:
            relative = path_to_url(get_relative_path(job.name))
            local["SITEURL"] = relative
            local["localsiteurl"] = relative
        local["output_file"] = job.name
        local.update(job.arguments)
        return local

    def _render(self, job) -> str:
        """Runs here or in a forked child: render the page and write it."""
        local = self._local_context(job)
        if local["localsiteurl"]:  # as Pelican: content links follow it
            job.context["localsiteurl"] = local["localsiteurl"]
        text = job.template.render(local)
        previous = self.previous_root and sanitised_join(self.previous_root, job.name)
        if write_atomically(job.path, text, self.in_place, previous):
            return WRITTEN
        return UNCHANGED

    def _settled(self, job, how: str) -> None:
        """Runs in this process once the page is on disk."""
        self.pages.add(job.name)
        if how == WRITTEN:
            self.written += 1
            logger.info(pelican_internals.WRITING, job.path)
        else:
            self.unchanged += 1
        signals.content_written.send(job.path, context=self._local_context(job))

    def flush(self) -> None:
        """Settle every queued page (forked workers when there are many)."""
        jobs, self._queue = self._queue, []
        if not jobs:
            return
        if self.in_place:  # the list on disk covers what may be written now
            self._save_manifest(
                self.earlier_pages | self.pages | {j.name for j in jobs}
            )
        many = len(jobs) >= self.settings.get("BUILD_PARALLEL_MIN_FILES", 200)
        workers = min(os.cpu_count() or 1, self.settings.get("BUILD_WORKERS", 2))
        with collector_frozen():
            render_all(jobs, self._render, self._settled, workers if many else 1)

    # -- Pelican's entry point ------------------------------------------------------

    def write_file(
        self,
        name,
        template,
        context,
        relative_urls=False,
        paginated=None,
        template_name=None,
        override_output=False,
        url=None,
        **kwargs,
    ):
        if not name:
            return
        pages = pelican_internals.paginated_pages(
            self.settings, name, url, paginated, kwargs, template_name
        )
        if override_output:  # it replaces what came before: settle that first
            self.flush()
        for save_as, arguments in pages:
            path = sanitised_join(self.output_path, save_as)
            if not pelican_internals.claim_output(self, path, override_output):
                continue
            self._queue.append(
                _Job(save_as, path, template, context, arguments, relative_urls)
            )
        if override_output:
            self.flush()


def writer_for_build(pelican):
    """Receiver for ``get_writer``."""
    return ParallelWriter


def flush_writer(generator, writer) -> None:
    """Receiver for ``article_writer_finalized`` and ``page_writer_finalized``."""
    if isinstance(writer, ParallelWriter):
        writer.flush()


def finish_writer(pelican) -> None:
    """Receiver for ``finalized``: only a build that succeeded gets here."""
    writer = _WRITERS.pop(os.path.realpath(pelican.output_path), None)
    if writer is not None:
        writer.finish()
