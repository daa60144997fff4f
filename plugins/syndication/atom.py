"""Atom 1.0 with feedgen, plus the entry links feedgen 1.0.0 gets wrong.

feedgen drops ``rel``/``type``/``length`` from entry links, so an enclosure
would become a second alternate link. We give feedgen no entry links at all
and add them to its tree ourselves, with every attribute.
"""

from feedgen.feed import FeedGenerator
from lxml import etree

from .channel import Channel
from .text import as_html, looks_like_markup

ATOM_NS = "http://www.w3.org/2005/Atom"


def _add_links(document: bytes, channel: Channel) -> bytes:
    """Entry links, and ``type="html"`` on a title that looks like markup."""
    root = etree.fromstring(document)
    entries = root.findall(f"{{{ATOM_NS}}}entry")
    for entry, item in zip(entries, channel.items, strict=True):
        if looks_like_markup(item.title):
            # Plain text that a reader would take for HTML: declared HTML,
            # escaped, so it shows as typed (feedgen's title() has no type).
            title = entry.find(f"{{{ATOM_NS}}}title")
            title.text = as_html(item.title)
            title.set("type", "html")
        position = list(entry).index(entry.find(f"{{{ATOM_NS}}}updated")) + 1
        links = [{"rel": "alternate", "type": "text/html", "href": item.url}]
        if item.image:
            links.append(
                {
                    "rel": "enclosure",
                    "type": item.image.mime_type,
                    "length": str(item.image.length),
                    "href": item.image.url,
                }
            )
        for offset, attributes in enumerate(links):
            link = etree.Element(f"{{{ATOM_NS}}}link")
            for name, value in attributes.items():
                link.set(name, value)
            entry.insert(position + offset, link)
    etree.indent(root, space="  ")
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def render_atom(channel: Channel) -> bytes:
    feed = FeedGenerator()
    feed.id(channel.self_url)
    feed.title(channel.title)
    feed.subtitle(channel.description)
    feed.link(href=channel.link, rel="alternate", type="text/html")
    feed.link(href=channel.self_url, rel="self", type="application/atom+xml")
    if channel.hub:
        feed.link(href=channel.hub, rel="hub")
    feed.language(channel.language)
    feed.updated(channel.updated)
    feed.generator(channel.generator)
    if channel.logo_url:
        feed.logo(channel.logo_url)
    for item in channel.items:
        entry = feed.add_entry(order="append")
        entry.id(item.guid)
        entry.title(item.title)
        entry.published(item.published)
        entry.updated(item.updated)
        entry.author(name=item.author)
        for name in item.categories:
            entry.category(term=name, label=name)
        if item.summary and looks_like_markup(item.summary):
            entry.summary(as_html(item.summary), type="html")
        elif item.summary:
            entry.summary(item.summary)
        entry.content(item.content_html or item.title, type="html")
    return _add_links(feed.atom_str(pretty=False), channel)
