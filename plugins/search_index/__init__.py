"""Static full-text search: Pagefind over the published release pages.

Only release pages carry ``data-pagefind-body`` (never drafts), with
``kabupaten`` and ``tahun`` filters. The index is split into shards by date
(``shards.py``) and each shard is indexed as soon as its last release page
is written, on a background thread, while Pelican writes the rest
(``indexing.py``); unchanged shards are reused. The search page lists the
shards (``SEARCH_BUNDLES`` in the template context) and merges them in the
browser. Pagefind comes from PyPI (``pagefind[bin]``): nothing is downloaded
at build time. ``SEARCH_INDEX = False`` skips it (the local preview does).
"""

import logging
import os

from pelican import signals

from .indexing import BUNDLES, SearchIndexFailed, ShardIndexer
from .settings import apply_defaults
from .shards import plan_shards

__all__ = ["SearchIndexFailed", "register"]

logger = logging.getLogger(__name__)

# One entry per build in progress, keyed by output folder; removed when the
# build finishes, so nothing outlives a build (autoreload, tests).
_RUNS: dict[str, "_Run"] = {}


class _Run:
    def __init__(self, output, previous_root, shards):
        self.output = output
        self.pages = {s.name: [r.save_as for r in s.releases] for s in shards}
        self.pending: dict[str, set[str]] = {}
        self.shard_of: dict[str, tuple[str, str]] = {}  # path → (shard, page)
        # Written paths arrive as the writer spells them (no symlinks resolved):
        # match them without a realpath() per file.
        roots = {os.path.abspath(output), os.path.realpath(output)}
        for name, pages in self.pages.items():
            self.pending[name] = set(pages)
            for page in pages:
                for root in roots:
                    self.shard_of[os.path.normpath(os.path.join(root, page))] = (
                        name,
                        page,
                    )
        self.submitted: set[str] = set()
        self.indexer = ShardIndexer(output, previous_root)

    def written(self, path: str) -> None:
        found = self.shard_of.get(path)
        if found is None or found[0] in self.submitted:
            return
        name, page = found
        pending = self.pending[name]
        pending.discard(page)
        if not pending:
            self.submit(name)

    def submit(self, name: str) -> None:
        self.submitted.add(name)
        self.indexer.submit(name, self.pages[name])

    def finish(self) -> None:
        for name in self.pages:
            if name not in self.submitted:
                self.submit(name)  # a page was not written: index what exists
        self.indexer.finish(list(self.pages))


def bundles_for(generators) -> None:
    """Plan the shards once every release is known; tell the templates."""
    settings = generators[0].settings
    context = generators[0].context
    context["SEARCH_BUNDLES"] = []
    if not settings["SEARCH_INDEX"]:
        return
    shards = plan_shards(context.get("articles", []), settings["SEARCH_SHARD_SIZE"])
    context["SEARCH_BUNDLES"] = [f"{BUNDLES}/{shard.name}/" for shard in shards]
    output = settings["OUTPUT_PATH"]
    previous = settings.get("PREVIOUS_OUTPUT_PATH") or output
    _RUNS[os.path.realpath(output)] = _Run(output, previous, shards)


def on_written(path, context=None) -> None:
    if not _RUNS:
        return
    path = os.path.normpath(path)
    for run in _RUNS.values():
        run.written(path)


def finish(pelican) -> None:
    run = _RUNS.pop(os.path.realpath(pelican.output_path), None)
    if run is None:
        return
    run.finish()
    indexer = run.indexer
    logger.info(
        "Search index: %d shards indexed, %d reused",
        len(indexer.indexed),
        len(indexer.reused),
    )


def initialise(pelican) -> None:
    apply_defaults(pelican.settings)


def register():
    signals.initialized.connect(initialise)
    signals.all_generators_finalized.connect(bundles_for)
    signals.content_written.connect(on_written)
    signals.finalized.connect(finish)
