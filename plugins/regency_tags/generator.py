"""Write the regency overview and one paginated page per regency."""

import logging

from pelican.generators import Generator

from .tagging import CONTEXT_KEY, build_regencies

logger = logging.getLogger(__name__)


class RegencyGenerator(Generator):
    """Runs after the articles are read, so it sees every published release."""

    def generate_context(self):
        if CONTEXT_KEY not in self.context:  # no articles were read at all
            build_regencies(self.context, self.settings)
        regencies = self.context[CONTEXT_KEY]
        for regency in regencies:
            regency.articles = []
        province_wide = []
        # context["articles"] is published releases only, already newest first.
        for article in self.context.get("articles", []):
            article_regencies = getattr(article, "regencies", [])
            for regency in article_regencies:
                regency.articles.append(article)
            if not article_regencies:
                province_wide.append(article)
        self.context["province_wide_articles"] = province_wide

    def generate_output(self, writer):
        regencies = self.context[CONTEXT_KEY]
        relative_urls = self.settings["RELATIVE_URLS"]
        writer.write_file(
            self.settings["REGENCIES_SAVE_AS"],
            self.get_template("regencies"),
            self.context,
            relative_urls=relative_urls,
            template_name="regencies",
            url=self.settings["REGENCIES_URL"],
            page_name=self.settings["REGENCIES_URL"].rstrip("/") or "index",
        )
        template = self.get_template("regency")
        for regency in regencies:
            writer.write_file(
                regency.save_as,
                template,
                self.context,
                relative_urls=relative_urls,
                paginated={"articles": regency.articles},
                template_name="regency",
                url=regency.url,
                page_name=regency.page_name,
                regency=regency,
                articles=regency.articles,
                blog=True,
            )
