"""Fingerprints of what a page shows, to tell when it needs rendering again.

A page's fingerprint covers the theme (every template file), the settings,
what every page shows (navigation, regencies, feeds), and what this page
shows: the releases on it (what was read from each one's source file, and
the derived data its page displays: URL, regencies, related releases,
neighbours) and the other values the generator hands the template. Anything
unknown makes the page unfingerprintable, and it is always rendered.
"""

import hashlib
import os
from datetime import datetime

from pelican.contents import Content
from pelican.urlwrappers import URLWrapper

# Generator arguments our templates do not use: they hold every release, and
# would make every page depend on every other.
IGNORED_ARGUMENTS = {
    "all_articles", "prev_article", "next_article",
    "prev_article_in_category", "next_article_in_category", "blog", "page_name",
}  # fmt: skip


# Settings that say where files are, not what pages show.
WHERE_NOT_WHAT = {
    "PATH", "OUTPUT_PATH", "CACHE_PATH", "PREVIOUS_OUTPUT_PATH", "THEME",
    "BUILD_WORKERS", "BUILD_PARALLEL_MIN_FILES",
}  # fmt: skip


class Unfingerprintable(Exception):
    pass


def _hash(*parts) -> str:
    digest = hashlib.blake2b(digest_size=16)
    for part in parts:
        if type(part) is str:  # most bytes hashed (bodies): skip repr's escaping
            digest.update(b"s")
            digest.update(part.encode("utf-8", "surrogatepass"))
        else:
            digest.update(b"r")
            digest.update(repr(part).encode("utf-8", "surrogatepass"))
        digest.update(b"\x00")
    return digest.hexdigest()


def _files_under(root: str, suffixes: tuple[str, ...]):
    for folder, subfolders, files in os.walk(root):
        subfolders.sort()
        for name in sorted(files):
            if name.endswith(suffixes):
                path = os.path.join(folder, name)
                with open(path, "rb") as source:
                    yield os.path.relpath(path, root), source.read()


def theme_fingerprint(settings) -> str:
    """Everything besides content that shapes pages: templates, our plugins'
    code (filters, related releases…), the regency registry, plain settings."""
    parts = list(_files_under(os.path.join(settings["THEME"], "templates"), (".html",)))
    for plugins in settings.get("PLUGIN_PATHS", []):
        parts += list(_files_under(plugins, (".py", ".toml")))
    registry = settings.get("REGENCY_REGISTRY")
    if registry and os.path.isfile(registry):
        with open(registry, "rb") as source:
            parts.append(("registry", source.read()))
    plain = {
        key: value
        for key, value in settings.items()
        if isinstance(value, str | int | float | bool | type(None))
        and key not in WHERE_NOT_WHAT
    }
    return _hash(parts, sorted(plain.items()))


class Fingerprinter:
    """Fingerprints for one build; caches per-release digests."""

    def __init__(self, settings):
        self.theme = theme_fingerprint(settings)
        self._base: dict[int, str] = {}
        self._full: dict[int, str] = {}
        self._site: str | None = None
        self._all_releases: str | None = None

    def base(self, content) -> str:
        """A release as listings show it: what was read from its source (the
        body's HTML and every metadata field), its URL and its regencies."""
        key = id(content)
        if key not in self._base:
            metadata = sorted(content.metadata.items())
            regencies = [r.slug for r in getattr(content, "regencies", [])]
            self._base[key] = _hash(
                content.source_path, content._content, metadata,
                content.url, content.status, regencies,
            )  # fmt: skip
        return self._base[key]

    def full(self, content) -> str:
        """A release as its own page shows it: plus related releases and neighbours."""
        key = id(content)
        if key not in self._full:
            related = [self.base(other) for other in getattr(content, "related", [])]
            neighbours = [
                (other.title, other.url) if other else None
                for other in (
                    getattr(content, "prev_release", None),
                    getattr(content, "next_release", None),
                )
            ]
            self._full[key] = _hash(self.base(content), related, neighbours)
        return self._full[key]

    def site(self, context) -> str:
        """What every page shows: navigation, regencies, feeds, drafts list."""
        if self._site is None:
            pages = [(p.title, p.url) for p in context.get("pages", [])]
            regencies = [(r.name, r.url) for r in context.get("regencies", [])]
            feeds = [(f.title, f.url) for f in context.get("SYNDICATION_LINKS", [])]
            drafts = [self.base(d) for d in context.get("drafts", [])]
            self._site = _hash(self.theme, pages, regencies, feeds, drafts)
        return self._site

    def all_releases(self, context) -> str:
        if self._all_releases is None:
            self._all_releases = _hash(
                [self.base(a) for a in context.get("articles", [])]
            )
        return self._all_releases

    def prepare(self, context) -> None:
        """Compute what most pages share (every release's digest, the site's)
        before the pages are shared out to forked workers, so that each
        worker does not compute them again."""
        self.site(context)
        self.all_releases(context)

    def value(self, value):
        if isinstance(value, Content):
            return self.full(value)
        if isinstance(value, URLWrapper):
            extra = len(getattr(value, "articles", []) or [])
            return (type(value).__name__, value.name, value.url, extra)
        if isinstance(value, list | tuple):
            return [
                self.base(v) if isinstance(v, Content) else self.value(v) for v in value
            ]
        if isinstance(value, dict):
            return sorted((str(k), self.value(v)) for k, v in value.items())
        if isinstance(value, str | int | float | bool | type(None) | datetime):
            return value
        raise Unfingerprintable(type(value).__name__)

    def page(
        self, context, template_name, save_as, arguments, listed=None
    ) -> str | None:
        """The fingerprint of one output file, or None when it must be rendered."""
        try:
            shown = sorted(
                (key, self.value(value))
                for key, value in arguments.items()
                if key not in IGNORED_ARGUMENTS
            )
            if listed is not None:
                shown.append(("listed", [self.base(item) for item in listed]))
        except Unfingerprintable:
            return None
        carries_content = listed is not None or any(
            key in arguments for key in ("article", "articles", "dates", "page")
        )
        # Pages that read releases from the shared context (the regency
        # overview, for instance) depend on all of them.
        everything = "" if carries_content else self.all_releases(context)
        return _hash(self.site(context), template_name, save_as, shown, everything)
