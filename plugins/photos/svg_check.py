"""An SVG is published as it is (it is not a photo), so it may not carry
anything inside through ``data:``: a photo embedded there would keep its
EXIF and GPS."""

import gzip
import html
import os
import re

from content_files.selection import source_refusal

from .problems import report_photo

# ``data:`` as an address, read the way a browser reads the SVG: XML
# character references decoded (``&#100;ata:``), CSS escapes decoded
# (``\64 ata:``), in UTF-16 too. An address is an href/src attribute (any
# namespace: xlink:href) or a CSS url() or @import; a label or an id that
# starts with "data:" is text.
_ADDRESS = re.compile(
    r"""(?:href|src)\s*=\s*["']\s*data\s*:|(?:url\(|@import)\s*["']?\s*data\s*:""",
    re.IGNORECASE,
)
# An entity declaration can hold any text an attribute then expands to.
_DECLARATION = re.compile(r"<!ENTITY", re.IGNORECASE)
_CSS_ESCAPE = re.compile(r"\\(?:([0-9a-fA-F]{1,6})\s?|(.))", re.DOTALL)
_SVG_LIMIT = 20 * 1024 * 1024  # an SVGZ is unpacked up to this many bytes


def _text(data: bytes) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    if b"\x00" in data[:64]:  # UTF-16 without a byte order mark
        codec = "utf-16-le" if data[1:2] == b"\x00" else "utf-16-be"
        return data.decode(codec, errors="replace")
    return data.decode("utf-8", errors="replace")


def _css_unescaped(text: str) -> str:
    def character(match):
        if match[1]:
            code = int(match[1], 16)
            return chr(code) if 0 < code <= 0x10FFFF else "\ufffd"
        return match[2]

    return _CSS_ESCAPE.sub(character, text)


def embeds_anything(data: bytes) -> bool:
    """Whether the SVG in ``data`` loads something through ``data:``."""
    text = _text(data)
    if _DECLARATION.search(text):
        return True
    return _ADDRESS.search(_css_unescaped(html.unescape(text))) is not None


def check_svgs(context, settings, used: dict[str, list]) -> None:
    """An SVG is published as it is, so it may not carry a photo inside
    (``<image href="data:image/jpeg;base64,…">`` keeps its EXIF and GPS);
    ``used``: ``usage.used_files``."""
    base = settings["PATH"]
    for relative, users in used.items():
        if not relative.lower().endswith((".svg", ".svgz")):
            continue
        path = os.path.join(base, relative)
        if source_refusal(base, relative):
            continue  # refused as any other file; never read here
        try:
            opener = gzip.open if relative.lower().endswith(".svgz") else open
            with opener(path, "rb") as source:
                data = source.read(_SVG_LIMIT + 1)
        except (OSError, EOFError, gzip.BadGzipFile):
            continue  # the copy refuses or copies it as any file
        if len(data) > _SVG_LIMIT or embeds_anything(data):
            report_photo(context, "svg-berisi-foto", relative, users, settings)
