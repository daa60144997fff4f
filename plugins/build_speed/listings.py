"""Listing pages without comparing every release with every listed one.

Pelican builds each tag, category and author page's ``dates`` as
``[a for a in self.dates if a in articles]``, and each period archive's
``articles`` as ``[a for a in articles if a in dates]``: a list scan per
release per listing, O(listings × releases × listed). At 10,000 releases
that was about 10 s of every build. Releases compare by identity (``Content``
defines no ``__eq__``), so the same lists come out of a set lookup: the
listed lists get an identity-set membership test. (Period archives get
their ``articles`` from one index of positions: ``pelican_internals``.)
"""


class MembershipList(list):
    """A finished list of releases whose ``in`` is a set lookup by identity."""

    _ids: frozenset | None = None

    def __contains__(self, item) -> bool:
        if self._ids is None:
            self._ids = frozenset(map(id, self))
        return id(item) in self._ids


def index_listings(generator) -> None:
    """Receiver for ``article_generator_finalized``: before any page is written."""
    for tag in generator.tags:
        generator.tags[tag] = MembershipList(generator.tags[tag])
    for listing in (generator.categories, generator.authors):
        for number, (term, members) in enumerate(listing):
            listing[number] = (term, MembershipList(members))
