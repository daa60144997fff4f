"""A writer that renders only the pages whose fingerprint changed.

Every page written gets a fingerprint (``fingerprints.py``); they are saved
with the output in ``.warta/pages.json``. On the next build, a page whose
fingerprint is unchanged is taken from the previous output instead of being
rendered: hard-linked when building into a fresh folder
(``PREVIOUS_OUTPUT_PATH``, as ``make publish`` does), left alone when
building in place (``make html``). ``make bench`` and the tests check that a
rebuild after an edit equals a cold build.

Pages are queued as Pelican hands them over and settled in a batch by
``flush`` (``parallel_render.py``: on every core when there are many): each
is fingerprinted, then taken over or rendered, in whichever process gets
it. Flushes happen at the end of the article and page writers, before the
sitemap reads the output, and at the end of the build.
"""

import logging
import os
from typing import NamedTuple

from pelican import signals
from pelican.paginator import Paginator
from pelican.utils import get_relative_path, path_to_url, sanitised_join
from pelican.writers import FileOverwriteFailedError, Writer

from .carried import link_or_copy, read_manifest, write_manifest
from .fingerprints import Fingerprinter
from .parallel_render import render_all

logger = logging.getLogger(__name__)

MANIFEST = "pages.json"  # in .warta/ of the output
_WRITERS: dict[str, "ReusingWriter"] = {}  # per build in progress, by output

TAKEN_OVER, RENDERED = "T", "R"  # how a page was settled, reported by workers


class _Job(NamedTuple):
    name: str
    path: str
    template: object
    context: dict
    arguments: dict  # what the template gets
    relative_urls: bool
    template_name: str | None
    shown: dict  # what the fingerprint covers (a paginated page: its position)
    listed: list | None  # the releases a paginated page lists


class ReusingWriter(Writer):
    def __init__(self, output_path, settings=None):
        super().__init__(output_path, settings=settings)
        self.previous_root = settings.get("PREVIOUS_OUTPUT_PATH") or output_path
        self.in_place = os.path.realpath(self.previous_root) == os.path.realpath(
            output_path
        )
        self.previous = read_manifest(self.previous_root, MANIFEST)
        self.fingerprints = Fingerprinter(settings)
        self.recorded: dict[str, str] = {}
        self.rendered = 0
        self.reused = 0
        self._queue: list[_Job] = []
        _WRITERS[os.path.realpath(output_path)] = self

    # -- one output file ----------------------------------------------------

    def _localcontext(self, context, name, arguments, relative_urls):
        local = context.copy()
        local["localsiteurl"] = local.get("localsiteurl", None)
        if relative_urls:
            relative = path_to_url(get_relative_path(name))
            local["SITEURL"] = relative
            local["localsiteurl"] = relative
        local["output_file"] = name
        local.update(arguments)
        return local

    def _queue_page(self, name, template, context, arguments, relative_urls,
                    template_name, shown, listed=None):  # fmt: skip
        """Queue one page; ``flush`` settles the queue on every core."""
        path = sanitised_join(self.output_path, name)
        if path in self._overridden_files:  # Pelican's rule: keep the override
            logger.info('Skipping "%s", not overwriting', path)
            return
        if path in self._written_files:
            raise FileOverwriteFailedError(
                f'Failed to overwrite "{path}" as Pelican has already written to it'
            )
        self._written_files.add(path)
        self._queue.append(
            _Job(name, path, template, context, arguments, relative_urls,
                 template_name, shown, listed)
        )  # fmt: skip

    def _take_over(self, job) -> bool:
        """The previous build's file, if it is still there."""
        source = sanitised_join(self.previous_root, job.name)
        if not os.path.isfile(source):
            return False
        if not self.in_place:
            os.makedirs(os.path.dirname(job.path), exist_ok=True)
            link_or_copy(source, job.path)
        return True

    def _render_now(self, job) -> None:
        local = self._localcontext(
            job.context, job.name, job.arguments, job.relative_urls
        )
        if local["localsiteurl"]:
            job.context["localsiteurl"] = local["localsiteurl"]
        output = job.template.render(local)
        os.makedirs(os.path.dirname(job.path), exist_ok=True)
        with open(job.path, "w", encoding="utf-8") as target:
            target.write(output)

    def _settle(self, job) -> str:
        """Runs in this process or in a forked child: fingerprint the page,
        then take it over or render it. Returns how, and the fingerprint."""
        fingerprint = self.fingerprints.page(
            job.context, job.template_name, job.name, job.shown, listed=job.listed
        )
        if (
            fingerprint is not None
            and self.previous.get(job.name) == fingerprint
            and self._take_over(job)
        ):
            return TAKEN_OVER + fingerprint
        self._render_now(job)
        return RENDERED + (fingerprint or "")

    def _settled(self, job, report: str) -> None:
        """Runs in this process once the page is on disk."""
        how, fingerprint = report[:1], report[1:]
        if fingerprint:
            self.recorded[job.name] = fingerprint
        if how == TAKEN_OVER:
            self.reused += 1
        else:
            self.rendered += 1
            logger.info('Writing "%s"', job.path)
        signals.content_written.send(job.path, context=job.context)

    def flush(self) -> None:
        """Settle every queued page (forked workers when there are many)."""
        jobs, self._queue = self._queue, []
        if not jobs:
            return
        many = len(jobs) >= self.settings.get("BUILD_PARALLEL_MIN_FILES", 200)
        workers = min(os.cpu_count() or 1, self.settings.get("BUILD_WORKERS", 2))
        if many and workers > 1:
            # Digests every worker needs, computed once before forking.
            self.fingerprints.prepare(jobs[0].context)
        render_all(jobs, self._settle, self._settled, workers if many else 1)

    # -- Pelican's entry point ------------------------------------------------

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
        if override_output:  # rare: keep Pelican's own semantics
            self.flush()
            self.rendered += 1
            return super().write_file(
                name, template, context, relative_urls, paginated, template_name,
                override_output, url, **kwargs,
            )  # fmt: skip
        if paginated is None:
            paginated = {k: v for k, v in kwargs.items() if k in ("articles", "dates")}
        if not (paginated and template_name in self.settings["PAGINATED_TEMPLATES"]):
            self._queue_page(name, template, context, kwargs, relative_urls,
                             template_name, shown=kwargs)  # fmt: skip
            return
        per_page = (
            self.settings["PAGINATED_TEMPLATES"][template_name]
            or self.settings["DEFAULT_PAGINATION"]
        )
        paginators = {
            key: Paginator(name, url, items, self.settings, per_page)
            for key, items in paginated.items()
        }
        total = next(iter(paginators.values())).num_pages
        # A paginated template sees its page's items (``articles_page``…), not
        # the whole lists: what it can show is exactly what is fingerprinted.
        fixed = {k: v for k, v in kwargs.items() if k not in paginated}
        for number in range(1, total + 1):
            arguments = dict(fixed)
            listed = []
            for key, paginator in paginators.items():
                page = paginator.page(number)
                arguments[f"{key}_paginator"] = paginator
                arguments[f"{key}_page"] = page
                arguments[f"{key}_previous_page"] = (
                    paginator.page(number - 1) if number > 1 else None
                )
                arguments[f"{key}_next_page"] = (
                    paginator.page(number + 1) if number < total else None
                )
                listed += list(page.object_list)
            # Fingerprint: the items on this page and where it sits among the
            # others; the paginator objects themselves are not compared.
            position = {**fixed, "page_number": number, "page_total": total}
            self._queue_page(
                page.save_as, template, context, arguments, relative_urls,
                template_name, position, listed,
            )  # fmt: skip


def flush_writer(generator, writer) -> None:
    """Receiver for ``article_writer_finalized`` and ``page_writer_finalized``."""
    if isinstance(writer, ReusingWriter):
        writer.flush()


def save_manifest(pelican) -> None:
    writer = _WRITERS.pop(os.path.realpath(pelican.output_path), None)
    if writer is None:
        return
    writer.flush()
    write_manifest(pelican.output_path, MANIFEST, writer.recorded)
    logger.info(
        "Pages rendered: %d, reused unchanged: %d", writer.rendered, writer.reused
    )
