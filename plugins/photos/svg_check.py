"""An SVG is published as it is (it is not a photo), so it may not carry
anything inside through ``data:``: a photo embedded there would keep its
EXIF and GPS."""

import gzip
import os
import re

from content_files.selection import source_refusal

from .problems import report_photo
from .usage import used_files

# ``data:`` as an address: an attribute value (href, xlink:href, src, any
# other) or a CSS url(), where a browser would load what it holds.
_EMBEDDED = re.compile(
    rb"""(?:=\s*["']\s*|url\(\s*["']?\s*|@import\s+["']?\s*)data\s*:""",
    re.IGNORECASE,
)
_SVG_LIMIT = 20 * 1024 * 1024  # an SVGZ is unpacked up to this many bytes


def check_svgs(context, settings) -> None:
    """An SVG is published as it is, so it may not carry a photo inside
    (``<image href="data:image/jpeg;base64,…">`` keeps its EXIF and GPS)."""
    base = settings["PATH"]
    for relative, users in used_files(context).items():
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
        if len(data) > _SVG_LIMIT or _EMBEDDED.search(data):
            report_photo(context, "svg-berisi-foto", relative, users, settings)
