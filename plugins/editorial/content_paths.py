"""Paths that content gives, resolved in one place and confined to ``PATH``.

Every path an editor writes is untrusted: ``{static}``, ``{attach}`` and
``{filename}`` links (and the old ``|static|`` spelling) in a body or
summary, ``Image:``, and plain ``/images/…`` links. Pelican resolves the
intrasite links in ``pelican/contents.py`` (``_link_replacer``): it tries
the path as written, URL-decoded and HTML-unescaped, from the linking file's
folder or, after a leading ``/``, from ``PATH``. We consider every one of those
spellings (and backslashes as separators), so no decoding slips a ``..``
past the check.

A target is *refused* when it leaves ``PATH`` (a ``..`` segment, or a real
path outside it), is an absolute path or a URL where a file in ``content/``
is expected, or names a hidden or backup file (never published).
"""

import html
import os
import posixpath
import re
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

MARKERS = ("static", "attach", "filename")
OUTSIDE = "outside"  # leaves PATH
ABSOLUTE = "absolute"  # a file-system path or a URL, not a path in content/
HIDDEN = "hidden"  # a dotfile or a backup file: never published

BACKUP_SUFFIXES = ("~", ".bak", ".swp", ".swo", ".orig")
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
_SEPARATORS = re.compile(r"[/\\]")
_URL_ATTRIBUTE = re.compile(
    r"""\b(?:href|src)\s*=\s*("[^"]*"|'[^']*'|[^\s>"']+)""", re.IGNORECASE
)


@dataclass(frozen=True)
class Target:
    """Where a path points: ``relative`` (POSIX, from PATH) or a refusal."""

    relative: str | None = None
    refusal: str | None = None


def intrasite_link_pattern(settings) -> re.Pattern:
    """Pelican's own pattern for ``{what}value`` in quoted HTML attributes
    (``Content._get_intrasite_link_regex`` in pelican/contents.py)."""
    return re.compile(
        r"""(?P<markup><[^\>]+(?:href|src|poster|data|cite|formaction|action|content)"""
        r"""\s*=\s*)(?P<quote>["\'])"""
        rf"""(?P<path>{settings["INTRASITE_LINK_REGEX"]}(?P<value>.*?))(?P=quote)""",
        re.X,
    )


def intrasite_links(text: str, settings):
    """``(what, value, written)`` of every intrasite link in ``text``."""
    for match in intrasite_link_pattern(settings).finditer(text or ""):
        yield match.group("what"), match.group("value"), match.group("path")


def plain_links(text: str, settings):
    """``src``/``href`` values of ``text`` that are not intrasite links."""
    intrasite = re.compile(settings["INTRASITE_LINK_REGEX"])
    for match in _URL_ATTRIBUTE.finditer(text or ""):
        value = html.unescape(match.group(1).strip("'\""))
        if value and not intrasite.match(value):
            yield value


def spellings(value: str) -> list[str]:
    """Every way Pelican (or a second decoding) may read ``value``."""
    found = [value]
    for _ in range(3):  # %252e → %2e → .
        for text in list(found):
            for decoded in (unquote(text), html.unescape(text)):
                if decoded not in found:
                    found.append(decoded)
    return found


def _has_parent_segment(text: str) -> bool:
    return any(segment.strip() == ".." for segment in _SEPARATORS.split(text))


# Raster images: the photos plugin processes every one that content uses,
# and content_files never copies one as it is (its metadata could hold the
# place a photo was taken), by its name or by its first bytes (``is_photo``).
# SVG is not a photo and is copied as it is, unless it embeds one.
RASTER_EXTENSIONS = (
    ".jpg", ".jpeg", ".jpe", ".jfif", ".png", ".apng", ".webp", ".gif", ".avif",
    ".heic", ".heif", ".tif", ".tiff", ".bmp",
)  # fmt: skip


def is_raster(path: str) -> bool:
    return path.lower().endswith(RASTER_EXTENSIONS)


# The first bytes of photo formats, whatever the file is called: a phone
# photo renamed foto.dat or foto.jpg. (trailing dot) is still a photo. Design
# files and icons (PSD, ICO) are attachments, published as they are, as PDFs
# and documents are.
_SIGNATURES = (
    b"\xff\xd8\xff",  # JPEG, MPO
    b"\x89PNG\r\n\x1a\n",
    b"GIF87a",
    b"GIF89a",
    b"II*\x00",  # TIFF, DNG
    b"MM\x00*",
    b"II+\x00",  # BigTIFF
    b"MM\x00+",
    b"\xff\x0a",  # JPEG XL codestream
    b"\x00\x00\x00\x0cJXL \r\n\x87\n",
    b"\x00\x00\x00\x0cjP  \r\n\x87\n",  # JPEG 2000
    b"\xffO\xffQ",
)
_ISO_IMAGE_BRANDS = (b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis", b"mif1",
                     b"msf1", b"avif", b"avis")  # fmt: skip


def looks_like_image(path: str) -> bool:
    """Whether the file's first bytes are those of a raster image format."""
    try:
        with open(path, "rb") as source:
            head = source.read(32)
    except OSError:
        return False
    if head.startswith(_SIGNATURES):
        return True
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return True
    return head[4:8] == b"ftyp" and head[8:12] in _ISO_IMAGE_BRANDS


def is_photo(path: str) -> bool:
    """A raster image by its name or by its bytes (never an SVG)."""
    lowered = path.lower()
    if lowered.endswith((".svg", ".svgz")):
        return False
    return is_raster(lowered) or looks_like_image(path)


def is_hidden_or_backup(relative: str) -> bool:
    """A dotfile or dot-folder anywhere in the path, or an editor's backup
    (in any letter case: ``foto.jpg.BAK`` is one)."""
    parts = [part for part in relative.split("/") if part]
    if any(part.startswith(".") and part not in (".", "..") for part in parts):
        return True
    name = parts[-1] if parts else ""
    return name.casefold().endswith(BACKUP_SUFFIXES) or (
        len(name) > 1 and name.startswith("#") and name.endswith("#")
    )


def is_inside(base: str, path: str) -> bool:
    """``path``, symlinks resolved, is ``base`` or below it."""
    try:
        real_base = os.path.realpath(base)
        real = os.path.realpath(path)
    except (OSError, ValueError):
        return False
    return os.path.commonpath([real_base, real]) == real_base


def _confined(base: str, relative: str) -> Target:
    relative = posixpath.normpath(relative)
    if relative == ".." or relative.startswith("../") or relative.startswith("/"):
        return Target(refusal=OUTSIDE)
    if "\0" in relative:
        return Target()  # names no file
    if not is_inside(base, os.path.join(base, relative)):
        return Target(refusal=OUTSIDE)
    if is_hidden_or_backup(relative):
        return Target(relative=relative, refusal=HIDDEN)
    return Target(relative=relative)


def link_target(value: str, source_path: str, base: str) -> Target:
    """The file a ``{static}``/``{attach}``/``{filename}`` link names.

    ``source_path`` is the linking file (absolute, or relative to ``base``).
    """
    forms = spellings(value)
    for form in forms:
        without_query = re.split(r"[?#]", form, maxsplit=1)[0]
        if _has_parent_segment(urlsplit(form).path) or _has_parent_segment(
            without_query
        ):
            return Target(refusal=OUTSIDE)
    folder = os.path.relpath(os.path.dirname(os.path.join(base, source_path)), base)
    folder = "" if folder == "." else folder.replace(os.sep, "/")
    target = Target()
    # Pelican parses the URL, then decodes its path; we also try each decoded
    # spelling without parsing it ("%2F%2Fetc" → "//etc" → "/etc").
    candidates = [urlsplit(form).path for form in forms]
    candidates += [re.split(r"[?#]", form, maxsplit=1)[0] for form in forms]
    for path in candidates:
        if not path:
            continue
        relative = path[1:] if path.startswith("/") else posixpath.join(folder, path)
        found = _confined(base, relative)
        if found.refusal:
            return found
        target = target if target.relative else found
    return target


def featured_image_target(value: str, base: str) -> Target:
    """The file ``Image:`` names: a path from PATH (``{static}`` etc. allowed).

    A leading ``/`` means the site root (``/images/a.jpg``), unless its first
    folder is not in PATH at all (``/home/redaksi/a.jpg``): then it is a path
    on the editor's computer.
    """
    value = (value or "").strip()
    for marker in MARKERS:
        value = value.replace("{" + marker + "}", "")
    if not value:
        return Target()
    forms = spellings(value)
    if any(_SCHEME.match(f) or f.startswith(("//", "\\\\", "~")) for f in forms):
        return Target(refusal=ABSOLUTE)  # a URL, a drive or share, a home folder
    if any(_has_parent_segment(form) for form in forms):
        return Target(refusal=OUTSIDE)
    if any(form.startswith("\\") for form in forms):
        return Target(refusal=ABSOLUTE)  # \Users\… on Windows
    if "\0" in value:
        return Target()  # names no file
    relative = value
    if relative.startswith("/"):
        relative = relative.lstrip("/")
        top = relative.split("/", 1)[0]
        if not top or not os.path.lexists(os.path.join(base, top)):
            return Target(refusal=ABSOLUTE)
    return _confined(base, relative)


def site_target(src: str, page_url: str) -> str | None:
    """The site path (from the output root) of a plain ``src``/``href``, or
    ``None`` for a remote URL, an anchor, or a path above the site root."""
    if not src or src.startswith(("#", "//")) or _SCHEME.match(src):
        return None
    path = unquote(urlsplit(src).path)
    if not path:
        return None
    if path.startswith("/"):
        resolved = posixpath.normpath(path.lstrip("/"))
    else:
        resolved = posixpath.normpath(
            posixpath.join(posixpath.dirname(page_url or ""), path)
        )
    if resolved in (".", "..") or resolved.startswith("../"):
        return None
    return resolved


@dataclass(frozen=True)
class ContentTree:
    """What is under PATH, found without following a single symlink."""

    files: tuple[str, ...]  # regular files, POSIX paths from PATH
    symlinks: tuple[tuple[str, str], ...]  # (path from PATH, where it points)


def walk_content(base: str) -> ContentTree:
    """Every file and symlink under ``base``; a symlink is never followed, so
    a loop (``images/a -> .``) ends the walk like any other entry."""
    files, symlinks = [], []
    for folder, subfolders, names in os.walk(base, followlinks=False):
        for name in sorted([*subfolders, *names]):
            path = os.path.join(folder, name)
            relative = os.path.relpath(path, base).replace(os.sep, "/")
            if os.path.islink(path):
                try:
                    symlinks.append((relative, os.readlink(path)))
                except OSError:
                    symlinks.append((relative, "?"))
            elif name in names and os.path.isfile(path):
                files.append(relative)
    return ContentTree(tuple(sorted(files)), tuple(sorted(symlinks)))
