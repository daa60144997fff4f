"""Related releases from the date-window indexes equal a plain reference:
every release sharing a term within the window, ranked by shared weight,
then closeness in time, then slug, in a stable order."""

import random
from collections import defaultdict
from datetime import datetime, timedelta, timezone
from types import SimpleNamespace

from related_releases.related import REGENCY_WEIGHT, TAG_WEIGHT, relate

WITA = timezone(timedelta(hours=8))


class Release:
    def __init__(self, date, slug, regencies, tags):
        self.date, self.slug = date, slug
        self.regencies = [SimpleNamespace(slug=s) for s in regencies]
        self.tags = [SimpleNamespace(slug=s) for s in tags]


def reference(articles, limit, window):
    """Plain and slow: for each term, the members nearest in (date, slug)."""
    members = defaultdict(list)
    for article in sorted(articles, key=lambda a: (a.date, a.slug)):
        for regency in article.regencies:
            members[("r", regency.slug)].append(article)
        for tag in article.tags:
            members[("t", tag.slug)].append(article)
    expected = {}
    for article in articles:
        scores, found = defaultdict(int), {}
        terms = [(("r", r.slug), REGENCY_WEIGHT) for r in article.regencies]
        terms += [(("t", t.slug), TAG_WEIGHT) for t in article.tags]
        for term, weight in terms:
            group = members[term]
            me = (article.date, article.slug)
            position = sum(1 for other in group if (other.date, other.slug) < me)
            for other in group[max(0, position - window) : position + window + 1]:
                if other is not article:
                    scores[id(other)] += weight
                    found[id(other)] = other
        ranked = sorted(
            found.values(),
            key=lambda o: (-scores[id(o)], abs((o.date - article.date).total_seconds()),
                           o.slug),
        )  # fmt: skip
        expected[id(article)] = [id(o) for o in ranked[:limit]]
    return expected


def test_related_equals_the_reference_with_ties_and_repeated_slugs():
    chance = random.Random(11)
    start = datetime(2016, 1, 1, tzinfo=WITA)
    articles = [
        Release(
            start + timedelta(minutes=chance.randrange(60 * 24 * 900)),
            f"rilis-{chance.randrange(120)}",  # the same slug in other months
            chance.sample("abcdefghijklm", chance.randint(0, 2)),
            chance.sample("tuvwxyz", chance.randint(0, 3)),
        )
        for _ in range(600)
    ]
    for article in articles[:40]:
        article.date = start  # many releases of the same minute
    expected = reference(articles, limit=4, window=12)
    relate(articles, limit=4, window=12)
    assert {id(a): [id(o) for o in a.related] for a in articles} == expected
