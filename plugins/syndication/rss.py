"""RSS 2.0 with feedgen: content:encoded, dc:creator, enclosure, media:content."""

from feedgen.feed import FeedGenerator
from lxml import etree

from .channel import Channel
from .text import as_html, hexadecimal_references, looks_like_markup


def render_rss(channel: Channel) -> bytes:
    feed = FeedGenerator()
    feed.load_extension("dc")
    feed.load_extension("media")
    feed.title(channel.title)
    feed.description(as_html(channel.description))
    # feedgen uses the last link() for the channel <link>: self first.
    feed.link(href=channel.self_url, rel="self", type="application/rss+xml")
    feed.link(href=channel.link, rel="alternate", type="text/html")
    feed.language(channel.language)
    feed.lastBuildDate(channel.updated)
    feed.generator(channel.generator)
    if channel.logo_url:
        feed.image(url=channel.logo_url, title=channel.title, link=channel.link)
    for item in channel.items:
        entry = feed.add_entry(order="append")
        # RSS has no type for titles and consumers sniff: a plain title that
        # looks like markup is sent as the HTML that shows it as typed.
        entry.title(
            as_html(item.title) if looks_like_markup(item.title) else item.title
        )
        entry.link(href=item.url, rel="alternate", type="text/html")
        entry.guid(item.guid, permalink=False)
        entry.pubDate(item.published)
        entry.dc.dc_creator(item.author)
        for name in item.categories:
            entry.category(term=name)
        entry.description(as_html(item.summary or item.title))
        if item.content_html:
            entry.content(item.content_html, type="html")
        if item.image:
            image = item.image
            entry.enclosure(image.url, str(image.length), image.mime_type)
            entry.media.content(
                url=image.url,
                type=image.mime_type,
                fileSize=str(image.length),
                medium="image",
                width=str(image.width) if image.width else None,
                height=str(image.height) if image.height else None,
                group=None,
            )
        if item.thumbnail:
            entry.media.thumbnail(
                url=item.thumbnail.url,
                width=str(item.thumbnail.width),
                height=str(item.thumbnail.height),
                group=None,
            )
    document = feed.rss_str(pretty=True)
    if channel.hub:
        document = _add_hub(document, channel.hub)
    return hexadecimal_references(document)


ATOM_LINK = "{http://www.w3.org/2005/Atom}link"


def _add_hub(document: bytes, hub: str) -> bytes:
    """``<atom:link rel="hub">`` after the self link (feedgen writes only
    ``rel="self"`` into an RSS channel)."""
    root = etree.fromstring(document, etree.XMLParser(strip_cdata=False))
    channel = root.find("channel")
    self_link = channel.find(ATOM_LINK)
    link = etree.Element(ATOM_LINK, href=hub, rel="hub")
    link.tail = self_link.tail
    self_link.addnext(link)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")
