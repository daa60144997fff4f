"""Scoring related releases from per-term indexes sorted by date."""

import heapq
from bisect import bisect_left
from collections import defaultdict

REGENCY_WEIGHT = 3  # a shared regency counts for more than a shared tag
TAG_WEIGHT = 1


def _terms(article):
    for regency in getattr(article, "regencies", []):
        yield ("regency", regency.slug), REGENCY_WEIGHT
    for tag in getattr(article, "tags", []):
        yield ("tag", tag.slug), TAG_WEIGHT


def build_indexes(articles):
    """``{term: [articles oldest first]}`` and each article's position in them."""
    chronological = sorted(articles, key=lambda a: (a.date, a.slug))
    index = defaultdict(list)
    for article in chronological:
        for term, _ in _terms(article):
            index[term].append(article)
    keys = {
        term: [(a.date, a.slug) for a in members] for term, members in index.items()
    }
    return index, keys


def relate(articles, limit: int, window: int) -> None:
    index, keys = build_indexes(articles)
    # Dates carry their time zone: differences of timestamps are exact here
    # (releases are dated to the minute).
    stamps = {id(article): article.date.timestamp() for article in articles}
    for article in articles:
        scores = defaultdict(int)
        found = {}
        me = (article.date, article.slug)
        for term, weight in _terms(article):
            members = index[term]
            position = bisect_left(keys[term], me)
            for other in members[max(0, position - window) : position + window + 1]:
                if other is not article:
                    scores[id(other)] += weight
                    found[id(other)] = other
        # Most shared terms first, then the closest in time, then by slug;
        # the candidate's position keeps ties in a stable order, as sorted()
        # would. nsmallest(n, …) is sorted(…)[:n] without sorting them all.
        mine = stamps[id(article)]
        ranked = heapq.nsmallest(
            limit,
            (
                (-scores[key], abs(stamps[key] - mine), other.slug, position, other)
                for position, (key, other) in enumerate(found.items())
            ),
        )
        article.related = [entry[-1] for entry in ranked]


def link_neighbours(articles) -> None:
    chronological = sorted(articles, key=lambda a: (a.date, a.slug))
    for position, article in enumerate(chronological):
        article.prev_release = chronological[position - 1] if position else None
        following = position + 1
        article.next_release = (
            chronological[following] if following < len(chronological) else None
        )
