"""Static full-text search: Pagefind over the published release pages.

Pagefind indexes one search record per published release (the theme's
``search_record.html``: title and date as metadata, ``kabupaten`` and
``tahun`` as filters, the body), never drafts. The records are rendered
as soon as every release is read and checked, so the index is built on a
background thread while Pelican writes the pages. The index is split into
shards by date (``shards.py``), one Pagefind run each (``indexing.py``);
unchanged shards are reused. The search page lists the shards
(``SEARCH_BUNDLES`` in the template context) and merges them in the browser.
Pagefind comes from PyPI (``pagefind[bin]``): nothing is downloaded at build
time. Shard manifests and reuse go through ``build_speed.carried``, shared
with the page writer. ``SEARCH_INDEX = False`` skips it (the local preview does).
"""

import logging
import os
import re

from pelican import signals

from .indexing import BUNDLES, SearchIndexFailed, ShardIndexer
from .settings import apply_defaults
from .shards import plan_shards

__all__ = ["SearchIndexFailed", "register"]

logger = logging.getLogger(__name__)

# One indexer per build in progress, keyed by output folder; removed when the
# build finishes, so nothing outlives a build (autoreload, tests).
_RUNS: dict[str, tuple[ShardIndexer, list[str]]] = {}

RECORD_TEMPLATE = "search_record"


_IMAGE = re.compile(r"<img\b[^>]*>", re.IGNORECASE)


def without_images(html: str) -> str:
    return _IMAGE.sub("", html or "")


def start_indexing(generators) -> None:
    """Once every release is read and checked: plan the shards, tell the
    templates, and hand each shard's records to Pagefind in the background
    while Pelican writes the site."""
    articles_generator = generators[0]
    settings = articles_generator.settings
    context = articles_generator.context
    context["SEARCH_BUNDLES"] = []
    if not settings["SEARCH_INDEX"]:
        return
    shards = plan_shards(context.get("articles", []), settings["SEARCH_SHARD_SIZE"])
    context["SEARCH_BUNDLES"] = [f"{BUNDLES}/{shard.name}/" for shard in shards]
    output = settings["OUTPUT_PATH"]
    indexer = ShardIndexer(output, settings.get("PREVIOUS_OUTPUT_PATH") or output)
    _RUNS[os.path.realpath(output)] = (indexer, [shard.name for shard in shards])
    template = articles_generator.get_template(RECORD_TEMPLATE)
    shared = {"SITEURL": context.get("SITEURL", ""),
              "DEFAULT_LANG": settings["DEFAULT_LANG"]}  # fmt: skip

    def records_of(releases):
        # Rendered on the indexing thread when the shard's turn comes: only
        # one shard's records are in memory at a time.
        return lambda: {
            # The body as read (links not yet resolved: only its text is
            # indexed), so the releases do not all keep a resolved copy; its
            # images left out, or Pagefind shows the first one's unresolved,
            # never published address as the result image.
            release.save_as: template.render(
                article=release, body=without_images(release._content), **shared
            )
            for release in releases
        }

    for shard in shards:
        indexer.submit(shard.name, records_of(shard.releases))


def finish(pelican) -> None:
    run = _RUNS.pop(os.path.realpath(pelican.output_path), None)
    if run is None:
        return
    indexer, planned = run
    indexer.finish(planned)
    logger.info(
        "Search index: %d shards indexed, %d reused",
        len(indexer.indexed),
        len(indexer.reused),
    )


def initialise(pelican) -> None:
    apply_defaults(pelican.settings)
    # A build into this folder that failed (Pelican's finalized never came)
    # may still be indexing: stop it before this build starts.
    run = _RUNS.pop(os.path.realpath(pelican.output_path), None)
    if run is not None:
        run[0].abandon()


def register():
    signals.initialized.connect(initialise)
    signals.all_generators_finalized.connect(start_indexing)
    signals.finalized.connect(finish)
