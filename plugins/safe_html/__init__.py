"""Sanitise every release and page with nh3 before anything renders it.

Control characters are dropped from metadata as it is read. The HTML is
sanitised when the articles and pages have been read, so pages, feeds, summaries
and search all see the safe HTML. Whatever it removes is reported to the
editor as a warning naming the file (``editorial`` catalogue: ``html-dibuang``).

Requires ``editorial``, listed before this plugin in ``PLUGINS``.
"""

import os
import re

from pelican import signals

from editorial.messages import problem
from editorial.problems import report
from editorial.source import line_containing

from .control import clean_metadata
from .memo import SanitiseMemo
from .sanitise import sanitise

# One memo per build in progress, keyed by output folder (see memo.py).
_MEMOS: dict[str, SanitiseMemo] = {}


def _memo(settings) -> SanitiseMemo:
    key = os.path.realpath(settings["OUTPUT_PATH"])
    if key not in _MEMOS:
        _MEMOS[key] = SanitiseMemo(settings)
    return _MEMOS[key]


def save_memo(pelican) -> None:
    memo = _MEMOS.pop(os.path.realpath(pelican.output_path), None)
    if memo is not None:
        memo.save()


_LABELS = (
    (re.compile(r"^<(\w+)>$"), "<{0}>"),
    (re.compile(r"^(\w+)\[(\w[\w-]*)\]$"), "atribut {1} pada <{0}>"),
    (re.compile(r"^([\w+.-]+):$"), "alamat {0}:"),
)


def describe(item: str) -> str:
    for pattern, label in _LABELS:
        match = pattern.match(item)
        if match:
            return label.format(*match.groups())
    return item


def _first_line(path, removed):
    """The earliest body line holding any of the removed items."""
    lines = []
    for item in removed:
        needle = item.strip("<>").split("[")[-1].rstrip("]:")
        lines.append(line_containing(path, needle, body_only=True))
    return min((line for line in lines if line), default=None)


def sanitise_content(content, context, memo=None) -> None:
    memo = memo or _memo(content.settings)
    safe, removed = memo.get(getattr(content, "_content", None) or "", sanitise)
    content._content = safe
    summary = content.metadata.get("summary")
    if summary:
        safe_summary, removed_from_summary = memo.get(summary, sanitise)
        content.metadata["summary"] = safe_summary
        content._summary = safe_summary
        removed = sorted(set(removed) | set(removed_from_summary))
    if removed:
        path = content.source_path
        report(
            context,
            problem(
                "html-dibuang",
                path,
                _first_line(path, removed),
                removed=", ".join(dict.fromkeys(describe(item) for item in removed)),
            ),
        )


def sanitise_articles(generator) -> None:
    memo = _memo(generator.settings)
    for article in [
        *generator.articles,
        *generator.translations,
        *generator.hidden_articles,
        *generator.hidden_translations,
        *generator.drafts,
        *generator.drafts_translations,
    ]:
        sanitise_content(article, generator.context, memo)


def sanitise_pages(generator) -> None:
    memo = _memo(generator.settings)
    for page in [
        *generator.pages,
        *generator.translations,
        *generator.hidden_pages,
        *generator.hidden_translations,
        *generator.draft_pages,
        *generator.draft_translations,
    ]:
        sanitise_content(page, generator.context, memo)


def register():
    signals.article_generator_context.connect(clean_metadata)
    signals.page_generator_context.connect(clean_metadata)
    signals.article_generator_finalized.connect(sanitise_articles)
    signals.page_generator_finalized.connect(sanitise_pages)
    signals.finalized.connect(save_memo)
