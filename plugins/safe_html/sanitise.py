"""Sanitise release HTML with nh3 and tell what was removed."""

import re
from collections import Counter
from html.parser import HTMLParser

import nh3

from . import policy
from .control import strip_controls

# Python-Markdown's tables extension aligns cells with inline styles, which
# a strict Content-Security-Policy blocks: turn them into classes first.
_ALIGN_STYLE = re.compile(
    r'\sstyle="text-align:\s*(left|right|center);?"', re.IGNORECASE
)


def _align_to_class(html: str) -> str:
    return _ALIGN_STYLE.sub(lambda m: f' class="rata-{m[1].lower()}"', html)


def _scheme_of(url: str) -> str | None:
    match = re.match(r"^\s*([a-zA-Z][a-zA-Z0-9+.-]*):", url)
    return match[1].lower() if match else None


class _Inventory(HTMLParser):
    """Counts tags, attributes and URL schemes of a fragment."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.items = Counter()

    def handle_starttag(self, tag, attrs):
        self.items[f"<{tag}>"] += 1
        for name, value in attrs:
            self.items[f"{tag}[{name}]"] += 1
            if name in policy.URL_ATTRIBUTES and value:
                scheme = _scheme_of(value)
                if scheme and scheme not in policy.URL_SCHEMES:
                    self.items[f"{scheme}:"] += 1

    handle_startendtag = handle_starttag


def inventory(html: str) -> Counter:
    parser = _Inventory()
    parser.feed(html)
    parser.close()
    return parser.items


def clean(html: str) -> str:
    return nh3.clean(
        _align_to_class(html),
        tags=policy.TAGS,
        clean_content_tags=policy.DROP_WITH_CONTENT,
        attributes=policy.ATTRIBUTES,
        url_schemes=policy.URL_SCHEMES,
        link_rel=None,
        strip_comments=True,
    )


def sanitise(html: str | None) -> tuple[str, list[str]]:
    """``(safe_html, removed)``, removed items such as ``<script>``, ``a[onclick]``."""
    if not html:
        return html or "", []
    html = strip_controls(html)
    safe = clean(html)
    if safe == html:
        return safe, []
    before = inventory(_align_to_class(html))
    after = inventory(safe)
    return safe, sorted(before - after)
