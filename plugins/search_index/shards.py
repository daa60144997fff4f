"""Which releases go into which search-index shard.

Pagefind holds a whole index in memory while it builds it (about 0.27 MB
per page), and it can only rebuild an index whole; the browser, on the other
hand, fetches a few files per shard for every search. So shards are cut by
publication date, never larger than ``SEARCH_SHARD_SIZE`` releases where
possible, and as few as that allows:

- a year with more releases than that is cut into runs of whole months,
  packed from January (a month larger than the limit stays whole);
- smaller years are packed together, from the oldest, while they fit;
- the newest year is never packed with older ones.

New releases, and most edits, concern the newest year: only its shard is
indexed again, the older ones stay as they are from build to build (and
are reused). The search page merges the shards in
the browser (Pagefind's ``mergeIndex``), newest first.
"""

from collections import defaultdict
from dataclasses import dataclass, field


@dataclass
class Shard:
    name: str  # also its folder under pagefind/: "2025", "2016-2019", "2025-01-06"
    releases: list = field(default_factory=list)


def _runs_of_months(counts: dict[int, int], limit: int) -> list[list[int]]:
    """Consecutive months, greedily from January, each run within ``limit``
    (a single month larger than ``limit`` is a run of its own)."""
    runs: list[list[int]] = []
    size = 0
    for month in sorted(counts):
        if runs and size + counts[month] <= limit:
            runs[-1].append(month)
            size += counts[month]
        else:
            runs.append([month])
            size = counts[month]
    return runs


def _years_name(years: list[int]) -> str:
    return f"{years[0]:04d}" if len(years) == 1 else f"{years[0]:04d}-{years[-1]:04d}"


def plan_shards(releases, limit: int) -> list[Shard]:
    """Shards newest first; each release in exactly one, in the given order."""
    by_month: dict[int, dict[int, list]] = defaultdict(lambda: defaultdict(list))
    for release in releases:
        by_month[release.date.year][release.date.month].append(release)
    shards: list[Shard] = []  # oldest first while building
    packing: list[int] = []  # small years waiting to be packed together
    packed = 0

    def close_packing():
        nonlocal packing, packed
        if packing:
            shard = Shard(_years_name(packing))
            for year in packing:
                for month in sorted(by_month[year]):
                    shard.releases += by_month[year][month]
            shards.append(shard)
        packing, packed = [], 0

    newest = max(by_month, default=None)
    for year in sorted(by_month):
        months = by_month[year]
        size = sum(len(items) for items in months.values())
        if year == newest:
            close_packing()
        if size <= limit:
            if packed + size > limit:
                close_packing()
            packing.append(year)
            packed += size
            continue
        close_packing()
        counts = {month: len(items) for month, items in months.items()}
        for run in _runs_of_months(counts, limit):
            shard = Shard(f"{year:04d}-{run[0]:02d}-{run[-1]:02d}")
            for month in run:
                shard.releases += months[month]
            shards.append(shard)
    close_packing()
    return shards[::-1]
