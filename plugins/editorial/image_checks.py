"""Images an editor points at that are not in the content folder."""

import html
import os
import posixpath
import re
from urllib.parse import unquote

from .collect import would_be_url
from .content_paths import featured_image_target, is_inside, link_target
from .messages import problem
from .source import line_containing, metadata_line

_IMG_SRC = re.compile(r"<img\b[^>]*?\bsrc=(\"[^\"]*\"|'[^']*'|[^\s>]+)", re.IGNORECASE)
_MARKERS = ("{static}", "{attach}", "{filename}")


def _is_remote(src: str) -> bool:
    return (
        src.startswith(("//", "data:"))
        or re.match(r"^[a-z][a-z0-9+.-]*:", src) is not None
    )


def _spellings(src: str) -> list[str]:
    """What ``src`` (as the HTML holds it) may name, most likely first.

    A ``{static}`` link is resolved as Pelican does (``_link_replacer`` in
    pelican/contents.py): the path as written, URL-decoded, HTML-unescaped.
    A plain ``/images/Foto%20Kegiatan.jpg`` is what a browser asks for: the
    HTML-unescaped, URL-decoded path."""
    if src.startswith(_MARKERS):
        forms = [src, unquote(src), html.unescape(src)]
    else:
        forms = [unquote(html.unescape(src))]
    return list(dict.fromkeys(forms))


def content_file_for(src: str, content) -> str:
    """The file under PATH that ``src`` in ``content`` needs: the first of
    its spellings that exists, else the decoded one (``Foto Kegiatan.jpg``,
    what the editor meant)."""
    src = src.split("#", 1)[0].split("?", 1)[0]
    files = [_content_file(form, content) for form in _spellings(src)]
    found = (file for file in files if os.path.isfile(file))
    return next(found, _content_file(unquote(html.unescape(src)), content))


def _content_file(src: str, content) -> str:
    settings = content.settings
    base = settings["PATH"]
    for marker in _MARKERS:
        if src.startswith(marker):
            rest = src[len(marker) :]
            if rest.startswith("/"):
                return os.path.join(base, rest.lstrip("/"))
            return os.path.join(os.path.dirname(content.source_path), rest)
    if src.startswith("/"):
        site_path = src.lstrip("/")
    else:
        page_url = would_be_url(content)
        site_path = posixpath.normpath(posixpath.join(posixpath.dirname(page_url), src))
    theme_prefix = settings.get("THEME_STATIC_DIR", "theme") + "/"
    if site_path.startswith(theme_prefix):
        return os.path.join(settings["THEME"], "static", site_path[len(theme_prefix) :])
    return os.path.join(base, site_path)


def featured_image_file(content) -> str | None:
    value = content.metadata.get("image")
    if not value:
        return None
    relative = value.strip()
    for marker in _MARKERS:
        relative = relative.replace(marker, "")
    return os.path.join(content.settings["PATH"], relative.lstrip("/"))


def _refused(src: str, content) -> bool:
    for marker in _MARKERS:
        if src.startswith(marker):
            base = content.settings["PATH"]
            return link_target(src[len(marker) :], content.source_path, base).refusal
    return False


def _is_content_or_theme_file(expected: str, settings) -> bool:
    """An existing file under PATH or the theme's static folder: a plain
    ``../../x`` from a page must not make us look anywhere else."""
    roots = [settings["PATH"], os.path.join(settings["THEME"], "static")]
    return any(is_inside(root, expected) for root in roots) and os.path.isfile(expected)


def check_featured_image(content):
    expected = featured_image_file(content)
    if not expected:
        return
    path = content.source_path
    refused = featured_image_target(content.metadata["image"], content.settings["PATH"])
    if refused.refusal:
        pass  # path_checks explains it; never look at a file outside PATH
    elif not os.path.isfile(expected):
        yield problem(
            "gambar-utama-tidak-ada",
            path,
            metadata_line(path, "image"),
            value=content.metadata["image"],
            expected=expected,
        )
    if not str(content.metadata.get("image_alt") or "").strip():
        yield problem("teks-alt-kosong", path, metadata_line(path, "image"))


def check_body_images(content):
    html = getattr(content, "_content", "") or ""
    seen = set()
    for match in _IMG_SRC.finditer(html):
        src = match.group(1).strip("'\"")
        if not src or src in seen or _is_remote(src):
            continue
        seen.add(src)
        if _refused(src, content):
            continue  # path_checks explains it
        expected = content_file_for(src, content)
        if not _is_content_or_theme_file(expected, content.settings):
            path = content.source_path
            yield problem(
                "gambar-isi-tidak-ada",
                path,
                line_containing(path, src, body_only=True),
                value=src,
                expected=os.path.normpath(expected),
            )
