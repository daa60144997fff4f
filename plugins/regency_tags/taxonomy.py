"""``Regency``: a taxonomy term with URLs from ``REGENCY_URL``/``REGENCY_SAVE_AS``."""

from pelican.urlwrappers import URLWrapper

from .registry import RegencyInfo


class Regency(URLWrapper):
    """A kabupaten or kota as templates see it.

    ``articles`` holds its published releases, newest first; it is filled
    by the regency generator once every article has been read.
    """

    def __init__(self, info: RegencyInfo, settings: dict):
        super().__init__(info.name, settings)
        self.slug = info.slug
        self.info = info
        self.articles = []

    code = property(lambda self: self.info.code)
    kind = property(lambda self: self.info.kind)
    kind_label = property(lambda self: self.info.kind_label)
    official_name = property(lambda self: self.info.official_name)
    seat = property(lambda self: self.info.seat)
    aliases = property(lambda self: self.info.aliases)

    @property
    def latest(self):
        return self.articles[0] if self.articles else None

    @property
    def count(self) -> int:
        return len(self.articles)

    @property
    def jsonld(self) -> dict:
        """schema.org ``AdministrativeArea`` for structured data."""
        place = {
            "@type": "AdministrativeArea",
            "name": self.official_name,
            "identifier": self.code,
        }
        if self.info.province:
            place["containedInPlace"] = {
                "@type": "AdministrativeArea",
                "name": f"Provinsi {self.info.province}",
            }
        return place
