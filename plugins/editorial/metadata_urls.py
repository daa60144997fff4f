"""The one place that builds a link from metadata, with its scheme allow-list.

``Source:`` is either text (``MC Kalsel``), a domain (``kalselprov.go.id``,
linked over https) or an address with an allowed scheme. Anything else that
looks like an address (``javascript:…``, ``data:…``, ``//host``) is refused:
an error for the editor, and never an ``href``. Templates only print
``source_link``, computed here.
"""

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from .messages import problem
from .source import metadata_line

SCHEMES = ("http", "https")
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
_HOST = re.compile(rf"^(?:{_LABEL}\.)+[A-Za-z]{{2,63}}$")
_PORT = re.compile(r"^\d{1,5}$")


@dataclass(frozen=True)
class MetadataLink:
    href: str | None  # an http(s) address, or None: show the value as text
    refused: bool = False  # it looks like an address we never link to


def _host_ok(netloc: str) -> bool:
    if "@" in netloc:  # https://kalselprov.go.id@phishing.example
        return False
    host, _, port = netloc.partition(":")
    return bool(_HOST.match(host.rstrip("."))) and (not port or bool(_PORT.match(port)))


def metadata_link(value) -> MetadataLink:
    text = str(value or "").strip()
    if not text or any(character.isspace() for character in text):
        return MetadataLink(None)  # text; plain text is never an address
    if text.startswith(("//", "\\\\", "/\\", "\\/")):
        return MetadataLink(None, refused=True)
    scheme = _SCHEME.match(text)
    if scheme:
        name = scheme.group(1).lower()
        rest = text[scheme.end() :]
        if name not in SCHEMES or not rest.startswith("//"):
            return MetadataLink(None, refused=True)
        if not _host_ok(urlsplit(f"{name}:{rest}").netloc):
            return MetadataLink(None, refused=True)
        return MetadataLink(f"{name}:{rest}")
    host, slash, path = text.partition("/")
    if _host_ok(host):
        return MetadataLink(f"https://{host}/{path}" if slash else f"https://{host}/")
    return MetadataLink(None)


def check_source(content):
    value = content.metadata.get("source")
    if value is not None and metadata_link(value).refused:
        path = content.source_path
        line = metadata_line(path, "source")
        yield problem("sumber-salah", path, line, value=str(value).strip())


def link_sources(contents) -> None:
    """``source_link`` on each release and page: what templates link to."""
    for content in contents:
        value = content.metadata.get("source")
        content.source_link = metadata_link(value).href if value else None
