"""Indonesian date filters for the theme (``tanggal``, ``jam``, …).

Adds Jinja filters built from ``DEFAULT_LANG`` and ``TIMEZONE``:

- ``tanggal``: ``Rabu, 8 Oktober 2025``
- ``tanggal_pendek``: ``8 Okt 2025``
- ``bulan_tahun``: ``Oktober 2025``
- ``jam``: ``10.00 WITA``
- ``ada_jam``: whether the release has a time of day
- ``iso``: ISO 8601 with the local offset, for ``<time datetime>``
- ``nama_bulan``: a month number as its name
"""

from pelican import signals

from .formatting import DateFormatter


def add_filters(pelican):
    settings = pelican.settings
    formatter = DateFormatter(settings["DEFAULT_LANG"], settings["TIMEZONE"])
    # Merge without mutating the user's dict: their own filters win.
    settings["JINJA_FILTERS"] = {
        **formatter.jinja_filters(),
        **settings.get("JINJA_FILTERS", {}),
    }


def register():
    signals.initialized.connect(add_filters)
