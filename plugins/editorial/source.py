"""Read a release's source file the way an editor wrote it: header lines and
their numbers, for messages that point at a line."""

import functools
import os
import re

_HEADER_LINE = re.compile(r"^([A-Za-z][\w-]*)\s*:\s*(.*)$")


def read_text(path: str) -> str:
    try:
        with open(path, encoding="utf-8") as source:
            return source.read()
    except (OSError, UnicodeDecodeError):
        return ""


@functools.lru_cache(maxsize=4096)
def _lines(path: str, mtime_ns: int, size: int) -> tuple[str, ...]:
    return tuple(line.rstrip("\r") for line in read_text(path).split("\n"))


def lines_of(path: str) -> tuple[str, ...]:
    """The file's lines as Markdown sees them: split on newlines only.

    (``str.splitlines`` also splits on form feeds, U+2028 and other
    separators, which would shift every line number after them.)
    Several checks look at one file: it is read once per build (the cache is
    emptied when a build starts, see ``forget_files``).
    """
    try:
        stat = os.stat(path)
    except OSError:
        return ()
    return _lines(path, stat.st_mtime_ns, stat.st_size)


def read_header(path: str) -> dict[str, tuple[int, str]]:
    """``{key: (line, value)}`` of the metadata lines before the first blank line.

    Keys are lower-case, as Pelican's Markdown reader stores them.
    """
    header = {}
    for number, line in enumerate(lines_of(path), start=1):
        if not line.strip():
            break
        match = _HEADER_LINE.match(line.strip())
        if match:
            header.setdefault(match.group(1).lower(), (number, match.group(2).strip()))
    return header


def metadata_line(path: str, key: str) -> int | None:
    """The 1-based line of ``Key:`` in the file's metadata header, if any."""
    found = read_header(path).get(key.lower())
    return found[0] if found else None


def line_containing(path: str, needle: str, body_only: bool = False) -> int | None:
    """The first line of the file (or of its body) that contains ``needle``."""
    if not needle:
        return None
    in_body = not body_only
    for number, line in enumerate(lines_of(path), start=1):
        if in_body and needle in line:
            return number
        in_body = in_body or not line.strip()
    return None


def repeated_header_keys(path: str) -> dict[str, list[int]]:
    """Metadata keys written more than once, with all their line numbers."""
    seen: dict[str, list[int]] = {}
    for number, line in enumerate(lines_of(path), start=1):
        if not line.strip():
            break
        match = _HEADER_LINE.match(line.strip())
        if match:
            seen.setdefault(match.group(1).lower(), []).append(number)
    return {key: lines for key, lines in seen.items() if len(lines) > 1}


def header_break(path: str) -> int | None:
    """The first line of the metadata block that is not ``Key: value``.

    Python-Markdown ends the metadata there: every field below it silently
    becomes body text. Indented lines continue the previous value.
    """
    lines = lines_of(path)
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            return None
        if number > 1 and line[:1] in (" ", "\t"):
            continue
        if not _HEADER_LINE.match(line.strip()):
            return None if number == 1 else number
    return None


def forget_files() -> None:
    """Start a build with no remembered file: an edit may keep size and mtime."""
    _lines.cache_clear()
