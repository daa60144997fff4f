"""Checks on each release that was read: title, body, summary, embargo."""

import datetime

from .messages import problem
from .source import metadata_line
from .text import plain_text


def check_title(content):
    if not str(getattr(content, "title", "")).strip():
        path = content.source_path
        yield problem("judul-kosong", path, metadata_line(path, "title") or 1)


def check_body(content):
    html = getattr(content, "_content", "") or ""
    if not plain_text(html) and "<img" not in html:
        yield problem("isi-kosong", content.source_path)


def check_summary(content, limit: int):
    given = content.metadata.get("summary")
    if not given:
        return
    length = len(plain_text(given))
    if length > limit:
        path = content.source_path
        yield problem(
            "ringkasan-terlalu-panjang",
            path,
            metadata_line(path, "summary"),
            length=length,
            limit=limit,
        )


def check_embargo(article, now=None):
    """A warning for a release held back only because its date is ahead."""
    now = now or datetime.datetime.now(datetime.UTC)
    if article.metadata.get("status", "") == "draft" or not hasattr(article, "date"):
        return
    if article.date > now:
        when = f"{article.date:%d-%m-%Y %H:%M} {article.date.tzname() or ''}".strip()
        path = article.source_path
        yield problem("embargo", path, metadata_line(path, "date"), when=when)
