"""Plain text of rendered HTML, for length and emptiness checks."""

import html
import re

_TAG = re.compile(r"<[^>]*>")


def plain_text(fragment: str | None) -> str:
    return " ".join(html.unescape(_TAG.sub(" ", fragment or "")).split())
