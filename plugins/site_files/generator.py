"""Write sitemap.xml (every public page, with lastmod), robots.txt and the
web app manifest. Runs after the pages are written; the sitemap lists the
pages this build wrote (``content_written``), not what the output folder
holds: building in place, a folder may still hold an older build's file."""

import json
import logging
import os
import re
from xml.sax.saxutils import escape

from pelican import signals
from pelican.utils import sanitised_join

from output_files import replace_file
from syndication.items import absolute_siteurl

logger = logging.getLogger(__name__)

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
PAGINATED = re.compile(r"^(.*?)(?:\d+/)$")
NOT_IN_SITEMAP = ("404.html", "draf/", "pagefind/")


def newest(articles):
    dates = [getattr(a, "modified", None) or a.date for a in articles]
    return max(dates, default=None)


class SiteFilesGenerator:
    def __init__(self, context, settings, path, theme, output_path, **kwargs):
        self.context = context
        self.settings = settings
        self.output_path = output_path
        self.lastmod = {}
        self.written: set[str] = set()  # pages of this build, relative
        # A bound method: blinker holds it weakly, so it goes with this build.
        signals.content_written.connect(self.record_written)

    def record_written(self, path, context=None) -> None:
        """Receiver for ``content_written``: every page the writer wrote."""
        relative = os.path.relpath(os.path.realpath(path), self.root)
        if not relative.startswith(os.pardir):
            self.written.add(relative.replace(os.sep, "/"))

    @property
    def root(self) -> str:
        return os.path.realpath(self.output_path)

    def siteurl(self) -> str:
        return absolute_siteurl(self.settings)

    def generate_context(self):
        """``{url: datetime}``: when each page last changed, from the content."""
        articles = self.context.get("articles", [])
        lastmod = {"": newest(articles)}
        for article in articles:
            lastmod[article.url] = getattr(article, "modified", None) or article.date
        for page in self.context.get("pages", []):
            for attribute in ("modified", "date"):
                if getattr(page, attribute, None):
                    lastmod[page.url] = getattr(page, attribute)
                    break
        for key in ("categories", "tags"):
            for term, members in self.context.get(key, []):
                lastmod[term.url] = newest(members)
        for regency in self.context.get("regencies", []):
            lastmod[regency.url] = newest(regency.articles)
        for granularity in self.context.get("period_archives", {}).values():
            for period in granularity:
                lastmod[period["url"]] = newest(period["articles"])
        archives = self.settings.get("ARCHIVES_SAVE_AS", "").removesuffix("index.html")
        lastmod[archives] = lastmod[""]
        self.lastmod = {url: date for url, date in lastmod.items() if date}

    def _public_urls(self):
        for relative in sorted(self.written):
            if relative.endswith(".html") and not relative.startswith(NOT_IN_SITEMAP):
                yield relative.removesuffix("index.html")

    def _lastmod_of(self, url):
        if url in self.lastmod:
            return self.lastmod[url]
        paginated = PAGINATED.match(url)
        return self.lastmod.get(paginated[1]) if paginated else None

    def sitemap(self) -> str:
        siteurl = self.siteurl()
        lines = [
            '<?xml version="1.0" encoding="UTF-8"?>',
            f'<urlset xmlns="{SITEMAP_NS}">',
        ]
        for url in sorted(self._public_urls()):
            lines.append(f"  <url><loc>{escape(f'{siteurl}/{url}')}</loc>")
            changed = self._lastmod_of(url)
            if changed:
                lines.append(f"    <lastmod>{changed.isoformat()}</lastmod>")
            lines.append("  </url>")
        lines.append("</urlset>")
        return "\n".join(lines) + "\n"

    def robots(self) -> str:
        return f"User-agent: *\nAllow: /\n\nSitemap: {self.siteurl()}/sitemap.xml\n"

    def manifest(self) -> str:
        static = self.settings.get("THEME_STATIC_DIR", "theme")
        icons = [
            {"src": f"{static}/images/icon-192.png", "sizes": "192x192",
             "type": "image/png"},
            {"src": f"{static}/images/icon-512.png", "sizes": "512x512",
             "type": "image/png", "purpose": "any maskable"},
        ]  # fmt: skip
        document = {
            "name": self.settings["SITENAME"],
            "short_name": self.settings["SITENAME"],
            "description": self.settings.get("SITESUBTITLE", ""),
            "lang": self.settings.get("DEFAULT_LANG", "id"),
            "start_url": "./",
            "scope": "./",
            "display": "browser",
            "background_color": "#ffffff",
            "theme_color": "#0b5c8a",
            "icons": icons,
        }
        return json.dumps(document, ensure_ascii=False, indent=2) + "\n"

    def generate_output(self, writer):
        # The writer may hold rendered pages back to write them on every
        # core (build_speed); the sitemap lists the pages written, so let it
        # finish. Each file goes to a new inode renamed over the old name.
        flush = getattr(writer, "flush", None)
        if flush:
            flush()
        for name, text in (
            ("sitemap.xml", self.sitemap()),
            ("robots.txt", self.robots()),
            ("manifest.webmanifest", self.manifest()),
        ):
            path = sanitised_join(self.output_path, name)
            replace_file(path, text)
            logger.info('Writing "%s"', path)
