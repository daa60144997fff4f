"""What is published: INPUTDIR holds releases, WARTA_SITEURL is an address,
and the finished build holds at least one release page."""

import os
import re
from urllib.parse import urlsplit

from .messages import Refusal

MARKDOWN_SUFFIXES = (".md", ".markdown", ".mkd", ".mdown")


def input_folder(raw: str | None, cwd: str) -> str:
    if raw is None or not raw.strip():
        raise Refusal("empty", "INPUTDIR", setting="INPUTDIR")
    path = os.path.realpath(os.path.join(cwd, os.path.expanduser(raw)))
    if not os.path.exists(path):
        raise Refusal("input_missing", f"INPUTDIR={raw}", path=path)
    if not os.path.isdir(path):
        raise Refusal("input_not_folder", f"INPUTDIR={raw}", path=path)
    return path


def check_releases(source: str, settings: dict) -> None:
    """At least one Markdown file in the article folders of ``source``."""
    folders = settings.get("ARTICLE_PATHS") or [""]
    for folder in folders:
        for _root, _dirs, files in os.walk(os.path.join(source, folder)):
            if any(name.endswith(MARKDOWN_SUFFIXES) for name in files):
                return
    shown = ", ".join(f"{folder}/" for folder in folders)
    raise Refusal(
        "input_no_release", f"INPUTDIR={source}", path=source, article_paths=shown
    )


def check_siteurl(value: str) -> str:
    """``http(s)://host[:port]``, nothing else; returned without a trailing slash."""
    value = (value or "").strip()
    parts = urlsplit(value)
    reason = None
    if parts.scheme not in ("http", "https"):
        reason = (
            "tanpa skema http:// atau https://"
            if not parts.scheme
            else (f"skema “{parts.scheme}” bukan http:// atau https://")
        )
    elif not parts.hostname:
        reason = "tanpa nama host"
    elif parts.username or parts.password:
        reason = "berisi nama pengguna atau sandi"
    elif parts.path not in ("", "/"):
        reason = f"berisi jalur “{parts.path}” (situs harus di akar domain)"
    elif parts.query or parts.fragment or value.endswith(("?", "#")):
        reason = "berisi ? atau #"
    else:
        try:
            parts.port  # noqa: B018 (raises ValueError on a bad port)
        except ValueError:
            reason = "nomor port tidak sah"
    if reason:
        raise Refusal("siteurl", "WARTA_SITEURL", value=value, reason=reason)
    return f"{parts.scheme}://{parts.netloc}"


def _save_as_pattern(save_as: str) -> re.Pattern:
    """``berita/{date:%Y}/{slug}/index.html`` → one path segment per field."""
    pieces = re.split(r"(\{[^}]*\})", save_as)
    return re.compile(
        "".join(
            "[^/]+" if piece.startswith("{") else re.escape(piece) for piece in pieces
        )
    )


def check_built_releases(site: str, source: str, settings: dict) -> None:
    """The build wrote at least one release page (not all drafts or embargoed)."""
    pattern = _save_as_pattern(settings.get("ARTICLE_SAVE_AS") or "")
    for root, _dirs, files in os.walk(site):
        relative_root = os.path.relpath(root, site)
        for name in files:
            relative = os.path.normpath(os.path.join(relative_root, name))
            if pattern.fullmatch(relative.replace(os.sep, "/")):
                return
    raise Refusal("build_no_release", f"INPUTDIR={source}", path=source)


TEXT_SUFFIXES = (".html", ".xml", ".json", ".txt", ".webmanifest")
SHOWN = 5


def check_no_local_address(site: str, local_siteurl: str | None) -> None:
    """No page, feed or sitemap of a publish points at the preview address
    (``LOCAL_SITEURL``): a link copied from the preview, or a SITEURL that
    Pelican took as relative."""
    if not local_siteurl:
        return
    needle = local_siteurl.rstrip("/").encode()
    found = []
    for root, _dirs, files in os.walk(site):
        for name in files:
            if name.endswith(TEXT_SUFFIXES):
                path = os.path.join(root, name)
                with open(path, "rb") as file:
                    if needle in file.read():
                        found.append(os.path.relpath(path, site))
    if found:
        found.sort()
        shown = ", ".join(f"“{name}”" for name in found[:SHOWN])
        if len(found) > SHOWN:
            shown += f" dan {len(found) - SHOWN} berkas lain"
        raise Refusal("local_address", found[0], address=local_siteurl, files=shown)
