"""Every way the metadata block can lose a field without a word.

Python-Markdown (``source.parse_header``) stops reading metadata at the first
blank line, ``---``/``...`` line or line of another shape, and reads a line
indented four spaces or more as the continuation of the previous value; what
it does not read as metadata becomes body text, and a ``Status: draft`` there
publishes the draft. Each such line is an error naming it.
"""

from .messages import problem
from .source import META_RE, header_break, loose_key, markdown_lines, parse_header

# The fields an editor writes (README, newsroom/release_file.py, Pelican's own):
# such a name on a line the build reads as body text was meant as metadata.
KNOWN_FIELDS = frozenset(
    {
        *("title", "date", "modified", "status", "slug", "category", "tags"),
        *("author", "authors", "source", "regencies", "summary", "image"),
        *("image_alt", "image_caption", "image_credit", "lang", "save_as"),
        *("url", "template"),
    }
)


def _field(text: str) -> str | None:
    match = META_RE.match(text)
    if match and match.group("key").lower() in KNOWN_FIELDS:
        return match.group("key")
    return None


def header_problems(path: str):
    broken = header_break(path)
    if broken:
        name = loose_key(markdown_lines(path)[broken - 1])
        if name:
            yield problem("metadata-nama-salah", path, broken, field=name)
        else:
            yield problem("metadata-rusak", path, broken)
        return
    header = parse_header(path)
    if not header.fields:
        return
    for number, text in header.continuations:
        key = _field(text)
        if key:
            yield problem("metadata-menjorok", path, number, field=key)
    yield from _fields_in_body(path, header)


def _fields_in_body(path: str, header):
    """A field in the first paragraph of the body (after a line of spaces,
    two blank lines or a closed ``---`` header)."""
    lines = markdown_lines(path)
    index = header.body_start
    while index < len(lines) and not lines[index].strip():
        index += 1
    while index < len(lines) and lines[index].strip():
        key = _field(lines[index])
        if key:
            yield problem(
                "metadata-di-isi", path, index + 1, field=key, lines=header.end or 1
            )
        index += 1
