"""Which releases go into which search-index shard.

Pagefind holds a whole index in memory while it builds it (about 0.25 MB
per page), and it can only rebuild an index whole. So the index is split
into shards by publication date: one per year, or, when a year has more
than ``SEARCH_SHARD_SIZE`` releases, runs of whole months packed greedily
from January. A new release only touches the shard of its own months, and
the search page merges the shards in the browser (Pagefind's
``mergeIndex``), newest first.
"""

from collections import defaultdict
from dataclasses import dataclass, field


@dataclass
class Shard:
    name: str  # also its folder under pagefind/: "2025" or "2025-01-06"
    releases: list = field(default_factory=list)


def _name(year: int, months: list[int], whole_year: bool) -> str:
    if whole_year:
        return f"{year:04d}"
    return f"{year:04d}-{months[0]:02d}-{months[-1]:02d}"


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


def plan_shards(releases, limit: int) -> list[Shard]:
    """Shards newest first; each release in exactly one, in the given order."""
    by_month: dict[int, dict[int, list]] = defaultdict(lambda: defaultdict(list))
    for release in releases:
        by_month[release.date.year][release.date.month].append(release)
    shards = []
    for year in sorted(by_month, reverse=True):
        months = by_month[year]
        runs = _runs_of_months({m: len(items) for m, items in months.items()}, limit)
        for run in reversed(runs):
            shard = Shard(_name(year, run, whole_year=len(runs) == 1))
            for month in run:
                shard.releases += months[month]
            shards.append(shard)
    return shards
