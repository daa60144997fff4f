"""Defaults of every ``SEARCH_*`` setting of the search plugin, in one place."""

DEFAULTS = {
    # Build the Pagefind index (the local preview turns it off: drafts).
    "SEARCH_INDEX": True,
    # Most releases per index shard (small years are packed together up to
    # it, a larger year is cut into runs of months). Pagefind needs about 0.25 MB
    # of memory per page while indexing, and re-indexes a changed shard whole;
    # larger shards mean fewer files for the search page to fetch.
    "SEARCH_SHARD_SIZE": 600,
}


def apply_defaults(settings: dict) -> None:
    for key, value in DEFAULTS.items():
        settings.setdefault(key, value)
