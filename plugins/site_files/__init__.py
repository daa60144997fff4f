"""Files for machines at the site root: sitemap.xml, robots.txt and the web
app manifest (manifest.webmanifest). Needs ``syndication`` listed before it."""

from pelican import signals

from .generator import SiteFilesGenerator


def get_generators(pelican):
    return SiteFilesGenerator


def register():
    signals.get_generators.connect(get_generators)
