"""Helpers to read feeds back the way subscribers do."""

from pathlib import Path

import feedparser
from lxml import etree

NS = {
    "atom": "http://www.w3.org/2005/Atom",
    "content": "http://purl.org/rss/1.0/modules/content/",
    "dc": "http://purl.org/dc/elements/1.1/",
    "media": "http://search.yahoo.com/mrss/",
}


def parse(output, relative):
    """feedparser's view of a feed file; fails on anything feedparser flags."""
    result = feedparser.parse((Path(output) / relative).read_bytes())
    assert not result.bozo, result.get("bozo_exception")
    return result


def xml(output, relative):
    return etree.fromstring((Path(output) / relative).read_bytes())


def by_title(parsed):
    return {entry.title: entry for entry in parsed.entries}
