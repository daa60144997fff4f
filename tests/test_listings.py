"""Indexed listings give exactly the lists Pelican's own scans give."""

import random
from datetime import datetime, timedelta
from functools import partial

from pelican.generators import ArticlesGenerator

from build_speed.listings import MembershipList
from build_speed.pelican_internals import _period_archives

SETTINGS = {
    "YEAR_ARCHIVE_SAVE_AS": "{date:%Y}/index.html",
    "YEAR_ARCHIVE_URL": "{date:%Y}/",
    "MONTH_ARCHIVE_SAVE_AS": "{date:%Y}/{date:%m}/index.html",
    "MONTH_ARCHIVE_URL": "{date:%Y}/{date:%m}/",
    "DAY_ARCHIVE_SAVE_AS": "{date:%Y}/{date:%m}/{date:%d}/index.html",
    "DAY_ARCHIVE_URL": "",
}


class Release:  # like pelican.contents.Content: no __eq__, compared by identity
    def __init__(self, date):
        self.date = date


def releases(count=300, seed=7):
    chance = random.Random(seed)
    start = datetime(2016, 1, 1)
    found = [Release(start + timedelta(hours=chance.randrange(24 * 365 * 3)))
             for _ in range(count)]  # fmt: skip
    chance.shuffle(found)  # "articles" order differs from date order
    return found


def test_period_archives_equal_pelicans():
    articles = releases()
    dates = sorted(articles, key=lambda a: a.date, reverse=True)
    pelicans = ArticlesGenerator._build_period_archives(None, dates, articles, SETTINGS)
    original = partial(ArticlesGenerator._build_period_archives, None)
    ours = _period_archives(original, dates, articles, SETTINGS)
    assert ours.keys() == pelicans.keys() == {"year", "month", "day"}
    for granularity, periods in pelicans.items():
        assert len(ours[granularity]) == len(periods) > 1
        for mine, theirs in zip(ours[granularity], periods, strict=True):
            assert mine == theirs  # same dicts: same lists of the same objects
            assert [id(a) for a in mine["articles"]] == [
                id(a) for a in theirs["articles"]
            ]


def test_membership_is_by_identity_like_a_list_of_releases():
    articles = releases(50)
    listed = MembershipList(articles[10:30])
    assert all(a in listed for a in articles[10:30])
    assert not any(a in listed for a in articles[:10] + articles[30:])
    assert Release(articles[15].date) not in listed  # an equal-looking other release
    # Pelican's tag/category "dates": the same list either way.
    dates = sorted(articles, key=lambda a: a.date)
    assert [a for a in dates if a in listed] == [a for a in dates if a in list(listed)]
