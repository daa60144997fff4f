"""Stock Pelican for the benchmark: its default theme and settings, no plugins.

Only the time zone is set (Pelican warns without one); PATH and OUTPUT_PATH
come from the command line.
"""

TIMEZONE = "Asia/Makassar"
