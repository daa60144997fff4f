"""Everything the readers produced, for checks that look at all of it."""

from pelican.contents import Article
from pelican.generators import ArticlesGenerator, PagesGenerator


def generators_of(generators):
    articles = next((g for g in generators if isinstance(g, ArticlesGenerator)), None)
    pages = next((g for g in generators if isinstance(g, PagesGenerator)), None)
    return articles, pages


def all_articles(generator) -> list:
    """Published, hidden and draft (incl. embargoed) releases and translations."""
    if generator is None:
        return []
    return [
        *generator.articles,
        *generator.translations,
        *generator.hidden_articles,
        *generator.hidden_translations,
        *generator.drafts,
        *generator.drafts_translations,
    ]


def all_pages(generator) -> list:
    if generator is None:
        return []
    return [
        *generator.pages,
        *generator.translations,
        *generator.hidden_pages,
        *generator.hidden_translations,
        *generator.draft_pages,
        *generator.draft_translations,
    ]


def is_article(content) -> bool:
    return isinstance(content, Article)


def _would_be(content, what: str) -> str:
    if getattr(content, "status", None) != "draft":
        # Published or hidden: exactly what Pelican itself uses (and caches).
        return content.save_as if what == "SAVE_AS" else content.url
    explicit = content.metadata.get(what.lower())
    if explicit:
        return explicit
    kind = "ARTICLE" if is_article(content) else "PAGE"
    lang = "" if getattr(content, "in_default_lang", True) else "_LANG"
    return content.settings[f"{kind}{lang}_{what}"].format(**content.url_format)


def would_be_save_as(content) -> str:
    """Where the content is written, or will be once a draft is published."""
    return _would_be(content, "SAVE_AS")


def would_be_url(content) -> str:
    """The content's URL, or its URL once a draft is published."""
    return _would_be(content, "URL")
