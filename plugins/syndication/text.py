"""Text and HTML made safe for feeds: XML-legal, plain where plain is due,
with every URL absolute."""

import html
import re
from urllib.parse import urljoin

import lxml.html

# C0 controls except tab/newline/return, DEL and C1 controls, lone
# surrogates and the two non-characters XML 1.0 forbids.
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_URL_ATTRIBUTES = ("href", "src", "poster", "cite")


def xml_safe(text: str | None) -> str:
    """Drop every character that XML 1.0 forbids or that is a control character."""
    return _ILLEGAL.sub("", text or "")


def plain_text(fragment: str | None) -> str:
    """The visible text of an HTML fragment, whitespace collapsed."""
    fragment = xml_safe(fragment)
    if not fragment.strip():
        return ""
    if "<" not in fragment:
        return " ".join(html.unescape(fragment).split())
    root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    return " ".join(root.text_content().split())


def _absolute_srcset(value: str, base: str) -> str:
    candidates = []
    for candidate in value.split(","):
        parts = candidate.strip().split()
        if parts:
            parts[0] = urljoin(base, parts[0])
            candidates.append(" ".join(parts))
    return ", ".join(candidates)


def absolute_html(fragment: str | None, base: str) -> str:
    """The fragment with every link, image and source URL made absolute."""
    fragment = xml_safe(fragment)
    if not fragment.strip():
        return ""
    root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue  # comments, processing instructions
        for attribute in _URL_ATTRIBUTES:
            value = element.get(attribute)
            if value is not None:
                element.set(attribute, urljoin(base, value.strip()))
        if element.get("srcset"):
            element.set("srcset", _absolute_srcset(element.get("srcset"), base))
    inner = (root.text and html.escape(root.text, quote=False)) or ""
    inner += "".join(
        lxml.html.tostring(child, encoding="unicode", method="html") for child in root
    )
    return inner


def as_html(text: str) -> str:
    """Plain text as the HTML that shows it: RSS ``description`` is HTML to
    every consumer (feedparser classifies it so), so ``<script>`` typed as
    text must arrive as ``&lt;script&gt;``, escaped once more by the XML."""
    return html.escape(text, quote=False)


_LOOKS_LIKE_MARKUP = re.compile(r"<[/A-Za-z!?]|&#?\w")


def looks_like_markup(text: str) -> bool:
    """Would a consumer (or the W3C validator) take this plain text for HTML?
    A tag-like ``<b`` or ``</b``, or an entity-like ``&amp`` or ``&#38``."""
    return bool(_LOOKS_LIKE_MARKUP.search(text or ""))


_PLAIN_RSS_ELEMENT = re.compile(rb"(<(title|description)>)(.*?)(</\2>)", re.DOTALL)


def hexadecimal_references(document: bytes) -> bytes:
    """``&`` and ``<`` in RSS text elements as ``&#x26;`` and ``&#x3C;``.

    The RSS Best Practices Profile asks for these in plain-text elements;
    the W3C validator warns about ``&amp;`` and ``&lt;`` there. The serialised
    XML of an element's text escapes only ``&``, ``<`` and ``>``, so this
    rewrites escapes, never markup.
    """

    def rewrite(match):
        text = match.group(3).replace(b"&amp;", b"&#x26;").replace(b"&lt;", b"&#x3C;")
        return match.group(1) + text + match.group(4)

    return _PLAIN_RSS_ELEMENT.sub(rewrite, document)
