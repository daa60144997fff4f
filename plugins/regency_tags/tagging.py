"""Read each release's ``Regencies:`` line into ``article.regencies``.

Unknown values are reported to the editor (file, line, closest names); the
``editorial`` plugin then stops the build before anything is written.
"""

from editorial.messages import problem
from editorial.problems import Problem, report
from editorial.source import line_containing, metadata_line
from editorial.text import plain_text

from .matching import RegencyMatcher
from .mentions import MentionFinder
from .registry import load_registry
from .taxonomy import Regency

CONTEXT_KEY = "regencies"
PROVINCE_KEY = "regency_province"


def build_regencies(context: dict, settings: dict) -> RegencyMatcher:
    """Publish one ``Regency`` per registry entry, in registry order, to the
    context (with the province's name) and return a matcher for the registry."""
    registry = load_registry(settings["REGENCY_REGISTRY"])
    context[CONTEXT_KEY] = [Regency(info, settings) for info in registry.regencies]
    context[PROVINCE_KEY] = registry.province
    return RegencyMatcher(registry)


def unknown_regency_problem(article, value, matcher, key) -> Problem:
    suggestions = matcher.suggest(value)
    if suggestions:
        names = ", ".join(info.name for info in suggestions)
        suggestion = f"Mungkin maksudnya: {names}."
    else:
        names = ", ".join(info.name for info in matcher.registry.regencies)
        suggestion = f"Gunakan salah satu nama ini: {names}."
    return problem(
        "kabupaten-tidak-dikenal",
        article.source_path,
        metadata_line(article.source_path, key),
        value=value,
        suggestion=suggestion,
    )


def tag_articles(article_generator) -> None:
    """Give every article, draft and translation its ``regencies`` list."""
    settings = article_generator.settings
    context = article_generator.context
    key = settings["REGENCY_METADATA_KEY"]
    matcher = build_regencies(context, settings)
    by_slug = {regency.slug: regency for regency in context[CONTEXT_KEY]}

    contents = [
        *article_generator.articles,
        *article_generator.translations,
        *article_generator.drafts,
        *article_generator.drafts_translations,
        *article_generator.hidden_articles,
        *article_generator.hidden_translations,
    ]
    mentions = MentionFinder(matcher.registry)
    for article in contents:
        found, unknown = matcher.match_all(article.metadata.get(key))
        article.regencies = [by_slug[info.slug] for info in found]
        for value in unknown:
            report(context, unknown_regency_problem(article, value, matcher, key))
        if not unknown:
            for found_problem in untagged_mentions(article, found, mentions):
                report(context, found_problem)


def untagged_mentions(article, tagged, mentions: MentionFinder):
    """Warnings for regencies the text names that ``Regencies:`` leaves out."""
    text = plain_text(getattr(article, "_content", ""))
    for spelling, info in mentions.find(text):
        if info not in tagged:
            yield problem(
                "kabupaten-disebut",
                article.source_path,
                line_containing(article.source_path, spelling, body_only=True),
                mention=spelling,
                official=info.official_name,
                name=info.name,
            )
