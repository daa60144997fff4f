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
    # Addresses no page may take beyond those derived from the settings: what
    # other tools write (a folder ends with "/"). draf/: the local preview's
    # drafts (DRAFT_SAVE_AS is set only under it); pagefind/: the search
    # index; .warta/: build manifests; .well-known/: served by nginx from
    # outside the site; the files of the site_files plugin.
    "EDITORIAL_RESERVED_PATHS": (
        "draf/",
        "pagefind/",
        ".warta/",
        ".well-known/",
        "sitemap.xml",
        "robots.txt",
        "manifest.webmanifest",
    ),
    # The templates a page may name in Template: (releases may name none).
    "EDITORIAL_PAGE_TEMPLATES": ("page", "404"),
    # Longest slug (a folder name in the output): a longer one made from the
    # title is cut at a word, with a warning; a longer Slug: is an error.
    "EDITORIAL_SLUG_MAX_CHARS": 200,
}


def apply_defaults(settings: dict) -> None:
    for key, value in DEFAULTS.items():
        settings.setdefault(key, value)
