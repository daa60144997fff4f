"""Read a release's source file the way an editor wrote it: header lines and
their numbers, for messages that point at a line.

The header is read with Python-Markdown's own meta-extension patterns
(``META_RE``, ``META_MORE_RE``, ``BEGIN_RE``, ``END_RE``), on the lines as
Markdown's whitespace normaliser gives them to it (byte-order mark dropped as
Pelican does, tabs expanded): whatever the build reads as metadata, and only
that, is metadata here.
"""

import functools
import os
import re
from dataclasses import dataclass

from markdown.extensions.meta import BEGIN_RE, END_RE, META_MORE_RE, META_RE

TAB_LENGTH = 4  # Python-Markdown's default; Pelican's MARKDOWN does not change it
# "Key :", "Kabupatén:", "Og.image:": a name and a colon the build does not
# accept as a key (after the same indentation META_RE allows).
_LOOSE_KEY = re.compile(r"^[ ]{0,3}([^\s:]+)[ ]*:")


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


@dataclass(frozen=True)
class Header:
    """The metadata block as Python-Markdown's meta extension reads it."""

    fields: tuple[tuple[str, int, str], ...]  # (lower-case key, line, value)
    continuations: tuple[tuple[int, str], ...]  # (line, text) added to a key
    fenced: bool  # it opened with a "---" line
    end: int | None  # the line that ended it: blank, "---"/"..." or broken
    broken: bool  # ``end`` is a line of another shape, read as body text
    body_start: int  # 0-based index of the first line Markdown reads as body


def markdown_lines(path: str) -> tuple[str, ...]:
    """The lines as the meta extension sees them (same numbering as the file)."""
    lines = list(lines_of(path))
    if lines and lines[0].startswith("\ufeff"):  # Pelican reads with utf-8-sig
        lines[0] = lines[0][1:]
    return tuple(
        line.replace("\x02", "").replace("\x03", "").expandtabs(TAB_LENGTH)
        for line in lines
    )


@functools.lru_cache(maxsize=4096)
def _parse(lines: tuple[str, ...]) -> Header:
    fields, continuations = [], []
    fenced = bool(lines) and bool(BEGIN_RE.match(lines[0]))
    key, end, broken = None, None, False
    for index in range(int(fenced), len(lines)):
        line, number = lines[index], index + 1
        meta = META_RE.match(line)
        if line.strip() == "" or END_RE.match(line):
            end = number
            break
        if meta:
            key = meta.group("key").lower().strip()
            fields.append((key, number, meta.group("value").strip()))
            continue
        more = META_MORE_RE.match(line)
        if more and key:
            continuations.append((number, more.group("value").strip()))
            continue
        end, broken = number, True
        break
    start = len(lines) if end is None else end - 1 if broken else end
    return Header(tuple(fields), tuple(continuations), fenced, end, broken, start)


def parse_header(path: str) -> Header:
    return _parse(markdown_lines(path))


def read_header(path: str) -> dict[str, tuple[int, str]]:
    """``{key: (line, value)}`` of the metadata lines (the first of a repeated key).

    Keys are lower-case, as Pelican's Markdown reader stores them.
    """
    header = {}
    for key, number, value in parse_header(path).fields:
        header.setdefault(key, (number, value))
    return header


def metadata_line(path: str, key: str) -> int | None:
    """The 1-based line of ``Key:`` in the file's metadata header, if any."""
    found = read_header(path).get(key.lower())
    return found[0] if found else None


def line_containing(path: str, needle: str, body_only: bool = False) -> int | None:
    """The first line of the file (or of its body) that contains ``needle``."""
    if not needle:
        return None
    first = parse_header(path).body_start if body_only else 0
    for number, line in enumerate(lines_of(path)[first:], start=first + 1):
        if needle in line:
            return number
    return None


def repeated_header_keys(path: str) -> dict[str, list[int]]:
    """Metadata keys written more than once, with all their line numbers."""
    seen: dict[str, list[int]] = {}
    for key, number, _value in parse_header(path).fields:
        seen.setdefault(key, []).append(number)
    return {key: lines for key, lines in seen.items() if len(lines) > 1}


def header_break(path: str) -> int | None:
    """The line that ends the metadata before a blank line: a line of
    another shape, or a ``---``/``...`` line in a header not opened by
    ``---``. Python-Markdown stops there: every field below it silently
    becomes body text. ``None`` when the file has no field at all."""
    header = parse_header(path)
    if not header.fields or header.end is None:
        return None
    if header.broken:
        return header.end
    line = markdown_lines(path)[header.end - 1]
    if END_RE.match(line) and not header.fenced:
        return header.end
    return None


def loose_key(line: str) -> str | None:
    """The name before a colon on a line META_RE refused (``Regencies :``)."""
    match = _LOOSE_KEY.match(line)
    return match.group(1) if match else None


def forget_files() -> None:
    """Start a build with no remembered file: an edit may keep size and mtime."""
    _lines.cache_clear()
    _parse.cache_clear()
