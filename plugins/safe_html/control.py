"""Invisible control characters have no place in a release.

They break HTML validity and feeds (an XML parser refuses them, and then
WordPress imports nothing), and editors never mean them: they arrive by
copy and paste. Dropped from metadata as it is read and from the body.
"""

import re

from pelican.urlwrappers import URLWrapper

# C0 except tab/newline/return, DEL, C1.
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def strip_controls(text: str) -> str:
    return CONTROL.sub("", text)


def _clean(value):
    if isinstance(value, str):
        return strip_controls(value)
    if isinstance(value, URLWrapper):
        cleaned = strip_controls(value.name)
        if cleaned != value.name:
            return type(value)(cleaned, value.settings)
        return value
    if isinstance(value, list):
        return [_clean(item) for item in value]
    return value


def clean_metadata(generator, metadata) -> None:
    """Receiver for ``article_generator_context``/``page_generator_context``."""
    for key, value in list(metadata.items()):
        metadata[key] = _clean(value)
