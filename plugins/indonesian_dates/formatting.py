"""Date formatting in the site's language with Babel's CLDR data.

Nothing here depends on the operating system's locales, which are usually
missing for Indonesian on servers and CI machines. Babel supplies the day,
month and time-zone names once; the formatting itself is plain Python
(Babel's pattern formatter costs about half a millisecond per call, and a
big site formats tens of thousands of dates).
"""

from datetime import datetime, tzinfo
from functools import partial

from babel.dates import get_day_names, get_month_names, get_timezone, get_timezone_name


class DateFormatter:
    """Formats datetimes in one locale and time zone.

    - ``date``: ``Rabu, 8 Oktober 2025``
    - ``date_short``: ``8 Okt 2025``
    - ``month_year``: ``Oktober 2025``
    - ``month``: ``Oktober``
    - ``time``: ``10.00 WITA``
    """

    def __init__(self, locale: str, timezone: str):
        self.locale = locale
        self.tz: tzinfo = get_timezone(timezone)
        self.days = dict(get_day_names("wide", locale=locale).items())  # 0 = Monday
        self.months = dict(get_month_names("wide", locale=locale).items())
        self.months_short = dict(get_month_names("abbreviated", locale=locale).items())
        reference = datetime(2000, 1, 1, 12, tzinfo=self.tz)
        self.zone = get_timezone_name(reference, "short", locale=locale)

    def local(self, value: datetime) -> datetime:
        return (
            value.astimezone(self.tz) if value.tzinfo else value.replace(tzinfo=self.tz)
        )

    def format(self, value: datetime, kind: str) -> str:
        local = self.local(value)
        if kind == "date":
            day = self.days[local.weekday()]
            return f"{day}, {local.day} {self.months[local.month]} {local.year}"
        if kind == "date_short":
            return f"{local.day} {self.months_short[local.month]} {local.year}"
        if kind == "month_year":
            return f"{self.months[local.month]} {local.year}"
        if kind == "month":
            return self.months[local.month]
        if kind == "time":
            return f"{local:%H.%M} {self.zone}"
        raise ValueError(f"unknown date format {kind!r}")

    def has_time(self, value: datetime) -> bool:
        """False for a release dated without a time of day (local midnight)."""
        local = self.local(value)
        return (local.hour, local.minute) != (0, 0)

    def iso(self, value: datetime) -> str:
        return self.local(value).isoformat()

    def month_name(self, month: int) -> str:
        return self.months[month]

    def jinja_filters(self) -> dict:
        # Partials of bound methods, not lambdas: Pelican pickles settings
        # (with these filters) into its content cache.
        return {
            "tanggal": partial(self.format, kind="date"),
            "tanggal_pendek": partial(self.format, kind="date_short"),
            "bulan_tahun": partial(self.format, kind="month_year"),
            "jam": partial(self.format, kind="time"),
            "ada_jam": self.has_time,
            "iso": self.iso,
            "nama_bulan": self.month_name,
        }
