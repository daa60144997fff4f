"""Source files Pelican could not turn into a release or page, explained.

Pelican logs such files in English and skips them; the build would go on
without them. We say in Indonesian what is wrong and stop the build.
"""

import os

from pelican.utils import get_date

from .messages import problem
from .source import header_break, read_header

STATUSES = ("published", "draft", "hidden")


def failed_sources(context) -> list[str]:
    """Paths (relative to PATH) of files a generator failed to process."""
    return sorted(
        path
        for path, content in context.get("generated_content", {}).items()
        if content is None
    )


def diagnose(base_path: str, relative: str, needs_date: bool):
    path = os.path.join(base_path, relative)
    broken = header_break(path)
    if broken:
        yield problem("metadata-rusak", path, broken)
        return
    header = read_header(path)
    title = header.get("title")
    if title is None or not title[1]:
        yield problem("judul-kosong", path, title[0] if title else 1)
        return
    date = header.get("date")
    if date is None or not date[1]:
        if needs_date:
            yield problem("tanggal-tidak-ada", path, date[0] if date else None)
            return
    else:
        try:
            get_date(date[1])
        except (ValueError, OverflowError):
            yield problem("tanggal-salah", path, date[0], value=date[1])
            return
    modified = header.get("modified")
    if modified:
        try:
            get_date(modified[1])
        except (ValueError, OverflowError):
            value = modified[1] or "(kosong)"
            yield problem("tanggal-salah", path, modified[0], value=value)
            return
    status = header.get("status")
    if status and status[1].lower() not in STATUSES:
        yield problem("status-salah", path, status[0], value=status[1])
        return
    reason = "metadata tidak lengkap atau rusak"
    yield problem("berkas-tidak-terbaca", path, reason=reason)
