"""Content paths an editor wrote that would read or publish the wrong file.

- a symlink anywhere under PATH (checked before any generator walks PATH:
  Pelican's walk follows symlinks, into loops and out of ``content/``);
- a ``{static}``/``{attach}``/``{filename}`` link or an ``Image:`` that leaves
  PATH, is an absolute path or a URL, or names a hidden or backup file;
- a Markdown file the build does not read (outside ARTICLE_PATHS and
  PAGE_PATHS, or skipped by the excludes): a release that never appears.
"""

import contextlib
import html
import os
import posixpath
import re

from pelican.readers import MarkdownReader

from .content_paths import (
    ABSOLUTE,
    HIDDEN,
    OUTSIDE,
    featured_image_target,
    intrasite_links,
    link_target,
    walk_content,
)
from .messages import problem
from .output_paths import planned_save_as
from .problems import display_path
from .source import line_containing, lines_of, metadata_line, read_header

TREE_KEY = "EDITORIAL_CONTENT_TREE"
CODES = {
    OUTSIDE: "jalur-keluar-content",
    ABSOLUTE: "jalur-absolut",
    HIDDEN: "berkas-tidak-boleh-terbit",
}
BODY = "isi berita"
IMAGE_LINE = "baris Image:"
SUMMARY_LINE = "baris Summary:"
MARKDOWN_EXTENSIONS = tuple(f".{ext}" for ext in MarkdownReader.file_extensions)


def content_tree(context, settings):
    """PATH walked once per build (without following symlinks)."""
    if context.get(TREE_KEY) is None:
        context[TREE_KEY] = walk_content(settings["PATH"])
    return context[TREE_KEY]


def check_symlinks(tree, base: str):
    for relative, target in tree.symlinks:
        yield problem("tautan-simbolik", os.path.join(base, relative), value=target)


def _line_of(path: str, written: str) -> int | None:
    """The body line of a link, even when the sanitiser re-encoded it."""
    for needle in (html.unescape(written), written):
        line = line_containing(path, needle, body_only=True)
        if line:
            return line
    needle = html.unescape(written)
    in_body = False
    for number, line in enumerate(lines_of(path), start=1):
        if in_body and needle in html.unescape(line):
            return number
        in_body = in_body or not line.strip()
    return None


def _is_folder(base: str, relative: str | None) -> bool:
    return relative is not None and os.path.isdir(os.path.join(base, relative))


def check_links(content):
    """Intrasite links in the body and the summary, as Pelican would resolve them."""
    settings = content.settings
    base = settings["PATH"]
    path = content.source_path
    texts = [(getattr(content, "_content", "") or "", None)]
    summary = content.metadata.get("summary")
    if isinstance(summary, str):
        texts.append((summary, metadata_line(path, "summary")))
    seen = set()
    for text, line in texts:
        for what, value, written in intrasite_links(text, settings):
            if what not in ("static", "attach", "filename") or written in seen:
                continue
            seen.add(written)
            target = link_target(value, path, base)
            code = CODES.get(target.refusal)
            if not code and _is_folder(base, target.relative):
                code = "tautan-ke-folder"  # Pelican would copy all of it
            if code:
                yield problem(
                    code,
                    path,
                    line or _line_of(path, written),
                    value=html.unescape(written),
                    field=BODY if line is None else SUMMARY_LINE,
                )


def _destinations(what: str, relative: str, content) -> list[str]:
    """Where Pelican copies a linked file (``STATIC_SAVE_AS``), and where
    ``{attach}`` moves it: beside the written release, keeping sub-folders."""
    found = []
    with contextlib.suppress(KeyError, IndexError, ValueError):
        found.append(content.settings["STATIC_SAVE_AS"].format(path=relative))
    if what == "attach" and content.save_as:
        folder = posixpath.dirname(content.get_relative_source_path())
        tail = posixpath.relpath(relative, folder or ".")
        if tail.startswith("../"):
            tail = posixpath.basename(tail)
        found.append(posixpath.join(posixpath.dirname(content.save_as), tail))
    return [posixpath.normpath(path) for path in found]


def _pages_at(destination: str, pages) -> bool:
    """``destination`` is a page, or a folder holding one."""
    return destination in pages or any(p.startswith(destination + "/") for p in pages)


def _beside(pages) -> frozenset[str]:
    """The folders of the written pages (an ``{attach}`` goes beside them)."""
    return frozenset(folder + "/" for folder in map(posixpath.dirname, pages) if folder)


def _linked_files(content, sources):
    """``(what, relative, written, field)`` of the files ``content`` has
    copied: body links and ``Image:`` (a ``{filename}`` link to another
    release or page is a link to its page, not a copied file)."""
    settings = content.settings
    base = settings["PATH"]
    path = content.source_path
    html_text = getattr(content, "_content", "") or ""
    for what, value, written in intrasite_links(html_text, settings):
        if what not in ("static", "attach", "filename"):
            continue
        target = link_target(value, path, base)
        if target.refusal or not target.relative or _is_folder(base, target.relative):
            continue
        if what == "filename" and target.relative in sources:
            continue
        yield what, target.relative, written, BODY
    image = content.metadata.get("image")
    if image:
        target = featured_image_target(str(image), base)
        if target.relative and not target.refusal:
            yield "static", target.relative, str(image).strip(), IMAGE_LINE


def check_destinations(contents, generated):
    """A linked file that Pelican would copy over (or as) a page of the site,
    or over a file the build generates (``generated``: a feed, the sitemap,
    Pagefind's script, the theme's files)."""
    pages = {posixpath.normpath(c.save_as) for c in contents if c.save_as}
    sources = {c.get_relative_source_path() for c in contents}
    beside = _beside(pages)
    for content in contents:
        path = content.source_path
        seen = set()
        for what, relative, written, field in _linked_files(content, sources):
            if written in seen:
                continue
            seen.add(written)
            for destination in _destinations(what, relative, content):
                values = {}
                if _pages_at(destination, pages) or destination.endswith("index.html"):
                    code = "tujuan-menimpa-halaman"
                elif taken := generated.overwritten(destination, beside):
                    code, values = "tujuan-milik-situs", {"reserved": taken}
                else:
                    continue
                if field == IMAGE_LINE:
                    line = metadata_line(path, "image")
                else:
                    line = _line_of(path, written)
                value = html.unescape(written)
                yield problem(
                    code, path, line, value=value, field=field, expected=destination,
                    **values,
                )  # fmt: skip
                break


def check_static_destinations(context, contents, generated):
    """A file of STATIC_PATHS (placed by EXTRA_PATH_METADATA, say) that would
    be copied over a generated file; linked files are checked from the link's
    side above, and a page on a static file's address from the page's side
    (``alamat-halaman-bentrok``)."""
    pages = {posixpath.normpath(c.save_as) for c in contents if c.save_as}
    sources = {c.get_relative_source_path() for c in contents}
    linked = {
        found[1] for content in contents for found in _linked_files(content, sources)
    }
    beside = _beside(pages)
    for static in context.get("staticfiles", []):
        relative = static.get_relative_source_path()
        source = os.path.join(static.settings["PATH"], relative)
        if relative in linked or not os.path.isfile(source):
            continue  # a linked folder is tautan-ke-folder
        destination = posixpath.normpath(planned_save_as(static) or ".")
        if destination == ".":
            continue
        taken = generated.overwritten(destination, beside)
        if taken:
            yield problem(
                "berkas-statis-milik-situs",
                static.source_path,
                expected=destination,
                reserved=taken,
            )


def check_featured_image(content):
    value = content.metadata.get("image")
    if not value:
        return
    target = featured_image_target(str(value), content.settings["PATH"])
    if target.refusal:
        path = content.source_path
        yield problem(
            CODES[target.refusal],
            path,
            metadata_line(path, "image"),
            value=str(value).strip(),
            field=IMAGE_LINE,
        )


def _within(relative: str, folders) -> bool:
    prefixes = [folder.rstrip("/") + "/" for folder in folders]
    return any(p == "/" or (relative + "/").startswith(p) for p in prefixes)


def _year_of(path: str) -> str:
    date = read_header(path).get("date")
    found = re.match(r"\s*(\d{4})-", date[1]) if date else None
    return found.group(1) if found else "<tahun>"


def check_unread_markdown(tree, context, settings):
    """Markdown files under PATH that no generator read."""
    base = settings["PATH"]
    read = set(context.get("generated_content", {}))
    articles, pages = settings["ARTICLE_PATHS"], settings["PAGE_PATHS"]
    for relative in tree.files:
        if not relative.lower().endswith(MARKDOWN_EXTENSIONS) or relative in read:
            continue
        path = os.path.join(base, relative)
        if _within(relative, [*articles, *pages]):
            reason = "dilewati: namanya atau foldernya dikecualikan dari build"
        else:
            folders = " dan ".join(f"content/{f}/" for f in [*articles, *pages])
            reason = f"letaknya di luar {folders}"
        expected = os.path.join(
            display_path(base),
            articles[0] if articles else "",
            _year_of(path),
            os.path.basename(relative).lstrip("."),
        )
        yield problem(
            "markdown-tidak-dibaca", path, None, reason=reason, expected=expected
        )


# Formats Pelican has readers for that pelicanconf.py's READERS turns off.
OTHER_FORMATS = (".html", ".htm", ".rst", ".rest")


def check_other_formats(tree, settings):
    """Files under the release and page folders that no reader reads: an
    HTML or reStructuredText release is never published, and says so."""
    base = settings["PATH"]
    folders = [*settings["ARTICLE_PATHS"], *settings["PAGE_PATHS"]]
    for relative in tree.files:
        if relative.lower().endswith(OTHER_FORMATS) and _within(relative, folders):
            path = os.path.join(base, relative)
            stem = os.path.splitext(os.path.basename(relative))[0].lstrip(".")
            yield problem("bukan-markdown", path, None, name=f"{stem}.md")
