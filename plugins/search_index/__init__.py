"""Static full-text search: Pagefind over the published release pages.

Only release pages carry ``data-pagefind-body`` (never drafts), with
``kabupaten`` and ``tahun`` filters, and only they are read (a glob made from
``ARTICLE_SAVE_AS``). Pagefind starts as soon as the last release page is
written and indexes on the second core while Pelican writes the listings,
feeds and other files; the build waits for it at the end. Pagefind comes from
PyPI (``pagefind[bin]``): nothing is downloaded at build time.
``SEARCH_INDEX = False`` skips it (the local preview does).
"""

import logging
import os
import re
import subprocess
import sys

from pelican import signals

logger = logging.getLogger(__name__)

# One entry per build in progress, keyed by output folder; removed when the
# build finishes, so nothing outlives a build (autoreload, tests).
_RUNS: dict[str, dict] = {}


class SearchIndexFailed(RuntimeError):
    pass


def page_glob(save_as_pattern: str) -> str:
    """``berita/{date:%Y}/{slug}/index.html`` → ``berita/*/*/index.html``."""
    return re.sub(r"\{[^}]*\}", "*", save_as_pattern)


def _start(run) -> None:
    command = [sys.executable, "-m", "pagefind", "--site", run["output"],
               "--glob", run["glob"], "--quiet"]  # fmt: skip
    run["process"] = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )


def plan(generators) -> None:
    settings = generators[0].settings
    if not settings.get("SEARCH_INDEX", True):
        return
    output = os.path.realpath(settings["OUTPUT_PATH"])
    articles = generators[0].context.get("articles", [])
    if not articles:
        return  # nothing to search yet; the search page says so
    _RUNS[output] = {
        "output": output,
        "glob": page_glob(settings["ARTICLE_SAVE_AS"]),
        "pending": {
            os.path.realpath(os.path.join(output, a.save_as)) for a in articles
        },
        "process": None,
    }


def on_written(path, context=None) -> None:
    for run in _RUNS.values():
        pending = run["pending"]
        if pending and run["process"] is None:
            pending.discard(os.path.realpath(path))
            if not pending:
                _start(run)


def finish(pelican) -> None:
    run = _RUNS.pop(os.path.realpath(pelican.output_path), None)
    if run is None:
        return
    if run["process"] is None:
        _start(run)  # no release at all, or one was not written: index now
    out, err = run["process"].communicate(timeout=1800)
    if run["process"].returncode != 0:
        raise SearchIndexFailed(f"pagefind failed: {err or out}")
    logger.info('Wrote the search index in "%s/pagefind"', run["output"])


def register():
    signals.all_generators_finalized.connect(plan)
    signals.content_written.connect(on_written)
    signals.finalized.connect(finish)
