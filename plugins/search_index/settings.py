"""Defaults of every ``SEARCH_*`` setting of the search plugin, in one place."""

DEFAULTS = {
    # Build the Pagefind index (the local preview turns it off: drafts).
    "SEARCH_INDEX": True,
    # Most releases per index shard (small years are packed together up to
    # it, a larger year is cut into runs of months). Readers pay per shard:
    # a query fetches each shard's index chunk for its words (measured at
    # 10,000 releases: 45-70 KB with one index, 71-117 KB with 3 shards of
    # 5,000, 425-820 KB with 21 shards of 600). The build pays per release
    # in a shard: Pagefind needs about 0.27 MB of memory per release
    # indexed, and re-indexes a changed shard whole.
    "SEARCH_SHARD_SIZE": 5000,
}


def apply_defaults(settings: dict) -> None:
    for key, value in DEFAULTS.items():
        settings.setdefault(key, value)
