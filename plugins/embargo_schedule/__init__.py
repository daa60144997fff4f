"""When the next embargo ends: written with each build for scheduled publishing.

A release dated in the future is held back (Pelican treats it as a draft
until a build at or after its date). Nothing else in the output depends on
the clock, so an unchanged commit only needs publishing again once the
earliest embargo has passed. Each build writes that moment, as Unix seconds,
to ``.warta/embargo-berikutnya`` in its output (an empty file when no
release is waiting); ``deploy/warta publish`` reads it to skip a scheduled
publish that could not change anything.
"""

import logging
import os

from pelican import signals

from output_files import replace_file

logger = logging.getLogger(__name__)

FILENAME = os.path.join(".warta", "embargo-berikutnya")
_NEXT: dict[str, int | None] = {}  # per build in progress, by output folder


def embargo_ends(drafts) -> list[int]:
    """Release times of the embargoed releases among Pelican's drafts: those
    held back by their date, not marked ``Status: draft`` by the editor."""
    return sorted(
        int(article.date.timestamp())
        for article in drafts
        if article.metadata.get("status") != "draft"
    )


def remember_next_embargo(generator) -> None:
    """Receiver for ``article_generator_finalized``."""
    ends = embargo_ends(getattr(generator, "drafts", []))
    _NEXT[os.path.realpath(generator.output_path)] = ends[0] if ends else None


def write_next_embargo(pelican) -> None:
    """Receiver for ``finalized``: the build succeeded."""
    output = os.path.realpath(pelican.output_path)
    if output not in _NEXT:
        return
    moment = _NEXT.pop(output)
    path = os.path.join(pelican.output_path, FILENAME)
    replace_file(path, f"{moment}\n" if moment is not None else "")


def register():
    signals.article_generator_finalized.connect(remember_next_embargo)
    signals.finalized.connect(write_next_embargo)
