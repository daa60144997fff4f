"""Plan every feed of the build from the SYNDICATION_FEEDS table, then write them."""

import logging
from dataclasses import dataclass
from datetime import UTC, datetime

from pelican.utils import sanitised_join

from output_files import replace_file

from .atom import render_atom
from .channel import Channel
from .items import absolute, absolute_siteurl, feed_item
from .jsonfeed import render_json
from .rss import render_rss
from .text import xml_safe

logger = logging.getLogger(__name__)

RENDERERS = {"rss": render_rss, "atom": render_atom, "json": render_json}
MIME_TYPES = {
    "rss": "application/rss+xml",
    "atom": "application/atom+xml",
    "json": "application/feed+json",
}
FORMAT_LABELS = {"rss": "RSS", "atom": "Atom", "json": "JSON Feed"}
# When nothing at all is published yet: a fixed date, never the clock.
EMPTY_SITE_UPDATED = datetime(2000, 1, 1, tzinfo=UTC)
GENERATOR = "Warta LKKS (Pelican + feedgen)"


@dataclass(frozen=True)
class PlannedFeed:
    """A feed decided in the context phase, rendered in the output phase."""

    save_as: str
    format: str
    title: str
    description: str
    page: str  # url of the HTML page the feed mirrors
    articles: tuple  # newest first, at most SYNDICATION_MAX_ITEMS


@dataclass(frozen=True)
class FeedLink:
    """A feed as templates link it: <link rel="alternate"> and visible links."""

    title: str
    type: str
    url: str  # relative to SITEURL, like every Pelican url
    label: str


class SyndicationGenerator:
    """A Pelican generator (duck-typed: it needs no templates)."""

    def __init__(self, context, settings, path, theme, output_path, **kwargs):
        self.context = context
        self.settings = settings
        self.output_path = output_path
        self.planned: list[PlannedFeed] = []
        self.site_updated = EMPTY_SITE_UPDATED

    # -- context phase -------------------------------------------------------

    def siteurl(self) -> str:
        return absolute_siteurl(self.settings)

    def generate_context(self):
        limit = int(self.settings["SYNDICATION_MAX_ITEMS"])
        published = sorted(
            self.context.get("articles", []),
            key=lambda article: (article.date, article.slug),
            reverse=True,
        )
        self.site_updated = self._newest(published) or EMPTY_SITE_UPDATED

        by_regency = {}
        for article in published:
            for regency in getattr(article, "regencies", []):
                by_regency.setdefault(regency.slug, []).append(article)

        site_links = []
        self.planned = []
        for row in self.settings["SYNDICATION_FEEDS"]:
            kind = row["format"]
            if row["scope"] == "site":
                title = self.settings["SITENAME"]
                self._plan(
                    PlannedFeed(
                        save_as=row["save_as"],
                        format=kind,
                        title=title,
                        description=self.settings.get("SITESUBTITLE", ""),
                        page="",
                        articles=tuple(published[:limit]),
                    )
                )
                site_links.append(self._link(title, kind, row["save_as"]))
                continue
            for regency in self.context.get("regencies", []):
                save_as = row["save_as"].format(slug=regency.slug)
                title = self.settings["SYNDICATION_TITLE_FORMAT"].format(
                    site=self.settings["SITENAME"], regency=regency.official_name
                )
                province = self.context.get("regency_province", "")
                self._plan(
                    PlannedFeed(
                        save_as=save_as,
                        format=kind,
                        title=title,
                        description=(
                            f"Berita LKKS dari {regency.official_name}, "
                            f"Provinsi {province}."
                        ),
                        page=regency.url,
                        articles=tuple(by_regency.get(regency.slug, [])[:limit]),
                    )
                )
                feeds = getattr(regency, "feeds", [])
                regency.feeds = [*feeds, self._link(title, kind, save_as)]
        self.context["SYNDICATION_LINKS"] = site_links

    @staticmethod
    def _newest(articles):
        dates = [getattr(a, "modified", None) or a.date for a in articles]
        return max(dates, default=None)

    def _plan(self, planned):
        if any(other.save_as == planned.save_as for other in self.planned):
            raise ValueError(
                f"SYNDICATION_FEEDS: two feeds would write {planned.save_as}"
            )
        self.planned.append(planned)

    @staticmethod
    def _link(title, kind, save_as):
        return FeedLink(
            title=f"{title} ({FORMAT_LABELS[kind]})",
            type=MIME_TYPES[kind],
            url=save_as,
            label=FORMAT_LABELS[kind],
        )

    def _channel(self, planned, items, siteurl):
        updated = max((item.updated for item in items), default=self.site_updated)
        logo = self.settings.get("SYNDICATION_LOGO")
        return Channel(
            title=xml_safe(planned.title),
            description=xml_safe(planned.description) or xml_safe(planned.title),
            link=absolute(siteurl, planned.page),
            self_url=absolute(siteurl, planned.save_as),
            language=self.settings.get("DEFAULT_LANG", "id"),
            logo_url=absolute(siteurl, logo) if logo else None,
            updated=updated,
            generator=GENERATOR,
            items=items,
            hub=self.settings.get("SYNDICATION_WEBSUB_HUB") or None,
        )

    # -- output phase --------------------------------------------------------

    def generate_output(self, writer):
        siteurl = self.siteurl()
        cache = {}  # one FeedItem per release, shared by every feed it is in

        def item_of(article):
            if id(article) not in cache:
                cache[id(article)] = feed_item(
                    article, self.settings, siteurl, self.context
                )
            return cache[id(article)]

        written = set()
        for planned in self.planned:
            path = sanitised_join(self.output_path, planned.save_as)
            if path in written:  # _plan refuses this already; never overwrite
                raise RuntimeError(f"feed path written twice: {path}")
            written.add(path)
            items = tuple(item_of(article) for article in planned.articles)
            document = RENDERERS[planned.format](self._channel(planned, items, siteurl))
            replace_file(path, document)
            logger.info('Writing "%s"', path)
