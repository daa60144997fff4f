"""What is published: INPUTDIR holds releases, WARTA_SITEURL is an address,
and the finished build holds at least one release page."""

import ipaddress
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
    """``http(s)://host[:port]``, nothing else; returned without a trailing slash.

    The host is DNS labels (ASCII letters, digits, inner hyphens; an
    international name in its ``xn--`` form), an IPv4 address, or an IPv6
    address in brackets; the port, if any, is 1–65535."""
    value = (value or "").strip()
    try:
        parts = urlsplit(value)
        reason = _siteurl_problem(value, parts)
    except ValueError:  # e.g. an unclosed IPv6 bracket
        parts, reason = None, "nama host tidak sah (kurung [ ] IPv6 tidak lengkap?)"
    if reason:
        raise Refusal("siteurl", "WARTA_SITEURL", value=value, reason=reason)
    return f"{parts.scheme}://{parts.netloc}"


def _siteurl_problem(value: str, parts) -> str | None:
    if parts.scheme not in ("http", "https"):
        return (
            "tanpa skema http:// atau https://"
            if not parts.scheme
            else (f"skema “{parts.scheme}” bukan http:// atau https://")
        )
    if not parts.hostname:
        return "tanpa nama host"
    if "@" in parts.netloc:
        return "berisi nama pengguna atau sandi"
    if parts.path not in ("", "/"):
        return f"berisi jalur “{parts.path}” (situs harus di akar domain)"
    if parts.query or parts.fragment or value.endswith(("?", "#")):
        return "berisi ? atau #"
    host, port = _host_and_port(parts.netloc)
    if host is None or not _valid_host(host):
        return (
            f"nama host “{parts.netloc}” tidak sah (boleh: huruf, angka dan "
            "tanda hubung per bagian, nama internasional dalam bentuk xn--, "
            "alamat IPv4, atau IPv6 dalam [ ])"
        )
    if port is not None and not (
        port.isascii() and port.isdigit() and 1 <= int(port) <= 65535
    ):
        return f"nomor port “{port}” tidak sah (harus 1–65535)"
    return None


def _host_and_port(netloc: str) -> tuple[str | None, str | None]:
    """``[v6]``/``host`` and the text after ``:`` (None without a colon)."""
    if netloc.startswith("["):
        end = netloc.find("]")
        if end < 0:
            return None, None
        host, rest = netloc[: end + 1], netloc[end + 1 :]
        if rest and not rest.startswith(":"):
            return None, None
        return host, (rest[1:] if rest else None)
    host, colon, port = netloc.partition(":")
    return host, (port if colon else None)


DNS_LABEL = re.compile(r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?", re.IGNORECASE)


def _valid_host(host: str) -> bool:
    if host.startswith("["):
        try:
            ipaddress.IPv6Address(host[1:-1])
        except ValueError:
            return False
        return "%" not in host  # no zone: it means nothing to readers
    labels = host.split(".")
    if all(label.isascii() and label.isdigit() for label in labels):
        try:
            ipaddress.IPv4Address(host)
        except ValueError:
            return False
        return True
    return (
        len(host) <= 253
        and all(DNS_LABEL.fullmatch(label) for label in labels)
        and not labels[-1].isdigit()
    )


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
