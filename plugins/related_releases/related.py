"""Scoring related releases from per-term indexes sorted by date."""

import heapq
from bisect import bisect_left
from collections import Counter, defaultdict

REGENCY_WEIGHT = 3  # a shared regency counts for more than a shared tag
TAG_WEIGHT = 1


def _terms(article):
    for regency in getattr(article, "regencies", []):
        yield ("regency", regency.slug), REGENCY_WEIGHT
    for tag in getattr(article, "tags", []):
        yield ("tag", tag.slug), TAG_WEIGHT


def build_indexes(chronological):
    """``{term: [positions in chronological, ascending]}`` and each position's
    weighted terms."""
    index = defaultdict(list)
    terms_at = []
    for position, article in enumerate(chronological):
        terms = list(_terms(article))
        terms_at.append(terms)
        for term, _ in terms:
            index[term].append(position)
    return index, terms_at


def relate(articles, limit: int, window: int) -> None:
    chronological = sorted(articles, key=lambda a: (a.date, a.slug))
    index, terms_at = build_indexes(chronological)
    slugs = [article.slug for article in chronological]
    # Dates carry their time zone: differences of timestamps are exact here
    # (releases are dated to the minute).
    stamps = [article.date.timestamp() for article in chronological]
    # A release's place in an index is where its (date, slug) would be
    # inserted, before any equal ones: the first position holding that key.
    first_of_key = {}
    for position, article in enumerate(chronological):
        first_of_key.setdefault((article.date, article.slug), position)
    for me, article in enumerate(chronological):
        start = first_of_key[(article.date, article.slug)]
        # Counting in C: a term of weight w counts each neighbour w times.
        # The Counter keeps the order in which candidates were first met.
        scores = Counter()
        for term, weight in terms_at[me]:
            members = index[term]
            place = bisect_left(members, start)
            neighbours = members[max(0, place - window) : place + window + 1]
            for _ in range(weight):
                scores.update(neighbours)
        scores.pop(me, None)
        # Most shared terms first, then the closest in time, then by slug,
        # then the order first met (as a stable sort would keep it). Only
        # candidates scoring at least the limit-th best score can be ranked.
        floor = 0
        if 0 < limit < len(scores):
            floor = heapq.nlargest(limit, scores.values())[-1]
        mine = stamps[me]
        ranked = heapq.nsmallest(
            limit,
            (
                (-score, abs(stamps[other] - mine), slugs[other], met, other)
                for met, (other, score) in enumerate(scores.items())
                if score >= floor
            ),
        )
        article.related = [chronological[entry[-1]] for entry in ranked]


def link_neighbours(articles) -> None:
    chronological = sorted(articles, key=lambda a: (a.date, a.slug))
    for position, article in enumerate(chronological):
        article.prev_release = chronological[position - 1] if position else None
        following = position + 1
        article.next_release = (
            chronological[following] if following < len(chronological) else None
        )
