"""Date formatting in the site's language with Babel's CLDR data.

Nothing here depends on the operating system's locales, which are usually
missing for Indonesian on servers and CI machines.
"""

from datetime import datetime, tzinfo
from functools import partial

from babel.dates import format_datetime, get_timezone

PATTERNS = {
    "date": "EEEE, d MMMM y",  # Rabu, 8 Oktober 2025
    "date_short": "d MMM y",  # 8 Okt 2025
    "month_year": "MMMM y",  # Oktober 2025
    "month": "MMMM",  # Oktober
    "time": "HH.mm z",  # 10.00 WITA
}


class DateFormatter:
    """Formats aware datetimes in one locale and time zone."""

    def __init__(self, locale: str, timezone: str):
        self.locale = locale
        self.tz: tzinfo = get_timezone(timezone)

    def format(self, value: datetime, kind: str) -> str:
        if value.tzinfo is None:
            value = value.replace(tzinfo=self.tz)
        return format_datetime(
            value, PATTERNS[kind], tzinfo=self.tz, locale=self.locale
        )

    def has_time(self, value: datetime) -> bool:
        """False for a release dated without a time of day (local midnight)."""
        local = value.astimezone(self.tz) if value.tzinfo else value
        return (local.hour, local.minute) != (0, 0)

    def iso(self, value: datetime) -> str:
        if value.tzinfo is None:
            value = value.replace(tzinfo=self.tz)
        return value.astimezone(self.tz).isoformat()

    def month_name(self, month: int) -> str:
        return self.format(datetime(2000, month, 1, 12, tzinfo=self.tz), "month")

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
