"""Defaults of every ``EDITORIAL_*`` setting, declared in one place."""

DEFAULTS = {
    # Longest Summary: (plain text) that feeds and search results show whole.
    "EDITORIAL_SUMMARY_MAX_CHARS": 300,
    # make check: run every check, report, and stop before writing anything.
    "EDITORIAL_CHECK_ONLY": False,
    # make devserver: errors are reported without ending the server, which
    # keeps watching for the editor's fix.
    "EDITORIAL_KEEP_SERVING": False,
    # With KEEP_SERVING under `make devserver`: after reporting errors, wait for
    # the next change before the server rebuilds (instead of rebuilding at once).
    "EDITORIAL_WAIT_FOR_FIX": False,
}


def apply_defaults(settings: dict) -> None:
    for key, value in DEFAULTS.items():
        settings.setdefault(key, value)
