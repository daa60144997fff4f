"""Source files Pelican could not turn into a release or page, explained.

Pelican logs such files in English and skips them; the build would go on
without them. We say in Indonesian what is wrong and stop the build.
"""

import os

from pelican.utils import get_date

from .header_checks import header_problems
from .messages import problem
from .source import lines_of, read_header

STATUSES = ("published", "draft", "hidden")

# Why Pelican's reader gave up on each file of this build (the exception's
# class), from its "Could not process" log record; emptied when a build starts.
_FAILURES: dict[str, type] = {}


def remember_failure(relative: str, error: BaseException | None) -> None:
    if error is not None:
        _FAILURES[os.path.normpath(relative)] = type(error)


def forget_failures() -> None:
    _FAILURES.clear()


def undecodable_line(path: str) -> int | None:
    """The line of the first byte sequence that is not UTF-8, if any."""
    try:
        with open(path, "rb") as source:
            data = source.read()
    except OSError:
        return None
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as error:
        return data[: error.start].count(b"\n") + 1
    return None


def deepest_line(path: str) -> int | None:
    """The most indented line of the body: where nesting is deepest."""
    lines = lines_of(path)
    body = next((n for n, line in enumerate(lines) if not line.strip()), len(lines))
    depth, deepest = -1, None
    for number, line in enumerate(lines[body:], start=body + 1):
        if line.strip():
            indent = len(line.expandtabs(4)) - len(line.expandtabs(4).lstrip())
            if indent > depth:
                depth, deepest = indent, number
    return deepest


def failed_sources(context) -> list[str]:
    """Paths (relative to PATH) of files a generator failed to process."""
    return sorted(
        path
        for path, content in context.get("generated_content", {}).items()
        if content is None
    )


def diagnose(base_path: str, relative: str, needs_date: bool):
    path = os.path.join(base_path, relative)
    bad_byte = undecodable_line(path)
    if bad_byte:
        yield problem("bukan-utf8", path, bad_byte)
        return
    if _FAILURES.get(os.path.normpath(relative)) is RecursionError:
        yield problem("terlalu-bertingkat", path, deepest_line(path))
        return
    shape = list(header_problems(path))
    if shape:
        yield from shape
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
    addresses = [
        (k, f) for k, f in (("save_as", "Save_as"), ("url", "URL")) if k in header
    ]
    for key, field in addresses:  # Pelican drops a file written outside the output
        line, value = header[key]
        if needs_date:
            yield problem("alamat-berita-diatur", path, line, field=field)
        elif key == "save_as":
            yield problem("alamat-halaman-salah", path, line, field=field, value=value)
    if addresses:
        return
    if "lang" in header:  # its address was outside the output
        yield problem("bahasa-diatur", path, header["lang"][0])
        return
    status = header.get("status")
    if status and status[1].lower() not in STATUSES:
        yield problem("status-salah", path, status[0], value=status[1])
        return
    reason = "metadata tidak lengkap atau rusak"
    yield problem("berkas-tidak-terbaca", path, reason=reason)
