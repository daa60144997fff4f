"""Static full-text search: run Pagefind over the finished output.

Only pages marked ``data-pagefind-body`` (published release pages; the theme
never marks drafts) are indexed, with ``kabupaten`` and ``tahun`` filters.
Pagefind comes from PyPI (``pagefind[bin]``): nothing is downloaded at
build time. ``SEARCH_INDEX = False`` skips it (the local preview does).
"""

import logging
import subprocess
import sys

from pelican import signals

logger = logging.getLogger(__name__)


class SearchIndexFailed(RuntimeError):
    pass


def build_index(pelican):
    if not pelican.settings.get("SEARCH_INDEX", True):
        return
    site = pelican.output_path
    command = [sys.executable, "-m", "pagefind", "--site", site, "--quiet"]
    result = subprocess.run(command, capture_output=True, text=True, timeout=600)
    if result.returncode != 0:
        raise SearchIndexFailed(
            f"pagefind failed ({result.returncode}): {result.stderr or result.stdout}"
        )
    logger.info('Wrote the search index in "%s/pagefind"', pelican.output_path)


def register():
    signals.finalized.connect(build_index)
