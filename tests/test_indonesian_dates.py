"""Indonesian dates without OS locales, checked against Babel's own formatter."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from babel.dates import format_datetime

from indonesian_dates.formatting import DateFormatter

WITA = ZoneInfo("Asia/Makassar")
FORMATTER = DateFormatter("id", "Asia/Makassar")
BABEL_PATTERNS = {
    "date": "EEEE, d MMMM y",
    "date_short": "d MMM y",
    "month_year": "MMMM y",
    "month": "MMMM",
    "time": "HH.mm z",
}


def test_the_seed_date_reads_as_an_indonesian_reader_expects():
    date = datetime.datetime(2025, 10, 8, 9, 5, tzinfo=WITA)
    assert FORMATTER.format(date, "date") == "Rabu, 8 Oktober 2025"
    assert FORMATTER.format(date, "time") == "09.05 WITA"
    assert FORMATTER.format(date, "date_short") == "8 Okt 2025"
    assert FORMATTER.iso(date) == "2025-10-08T09:05:00+08:00"


@pytest.mark.parametrize("kind", sorted(BABEL_PATTERNS))
def test_every_day_of_a_year_matches_babel(kind):
    day = datetime.datetime(2024, 1, 1, 7, 30, tzinfo=WITA)
    for _ in range(366):
        expected = format_datetime(day, BABEL_PATTERNS[kind], tzinfo=WITA, locale="id")
        assert FORMATTER.format(day, kind) == expected
        day += datetime.timedelta(days=1)


def test_utc_times_are_shown_in_wita():
    utc = datetime.datetime(2025, 10, 7, 23, 30, tzinfo=datetime.UTC)
    assert FORMATTER.format(utc, "date") == "Rabu, 8 Oktober 2025"
    assert FORMATTER.format(utc, "time") == "07.30 WITA"
    assert FORMATTER.has_time(datetime.datetime(2025, 10, 8, tzinfo=WITA)) is False
