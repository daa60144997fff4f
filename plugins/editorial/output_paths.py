"""Where releases and pages may be written: never on a page the site itself
generates, never outside the output, and a draft nowhere at all.

Releases take their address from the date and the slug only: ``Save_as:``,
``URL:`` and ``Template:`` are refused in them. A page may have its own
``Save_as:`` (with the matching ``URL:``) where nothing is generated. The
reserved addresses are derived from the settings (every ``*_SAVE_AS``, the
direct templates, the pagination patterns, the feed table, the theme's static
folder), the static files of the build, and ``EDITORIAL_RESERVED_PATHS`` for
what other tools write beside the site.
"""

import re
from dataclasses import dataclass, replace

from pelican.contents import Content

from .collect import would_be_save_as
from .messages import problem
from .source import metadata_line

# The pages' own patterns: a page is not a collision with itself.
_PAGE_SETTINGS = ("PAGE_SAVE_AS", "PAGE_LANG_SAVE_AS")
# Where the copied files themselves go ("{path}"): not a generated file.
_NOT_GENERATED = (*_PAGE_SETTINGS, "STATIC_SAVE_AS")
_SEGMENT = re.compile(r"^[A-Za-z0-9_-][A-Za-z0-9._-]*$")
_NUMBER = "0000000000"  # stands for a page number while a pattern is built


@dataclass(frozen=True)
class Reserved:
    """Addresses (output paths) the site generates itself."""

    files: frozenset[str]  # exact paths: "index.html", "feeds/rss.xml"
    folders: frozenset[str]  # whole folders: "kabupaten/", "pagefind/"
    paginated: tuple[tuple[re.Pattern, str], ...]  # (pattern, "2/index.html")
    # Files a pattern names: (pattern, "kabupaten/{slug}/rss.xml").
    patterns: tuple[tuple[re.Pattern, str], ...] = ()
    # Folders another tool or the theme writes whole: "pagefind/", "theme/".
    owned: frozenset[str] = frozenset()

    def clash(self, save_as: str) -> str | None:
        """The reserved address ``save_as`` would replace or block, if any."""
        for folder in sorted(self.folders):
            if save_as.startswith(folder) or save_as == folder.rstrip("/"):
                return folder + "…"
        for path in sorted(self.files):
            if save_as == path or path.startswith(save_as + "/"):
                return path
        for pattern, shown in self.paginated:
            if pattern.match(save_as):
                return shown
        return None

    def overwritten(self, destination: str, beside=()) -> str | None:
        """The generated file (or tool's folder) a content file copied to
        ``destination`` would replace or block, if any. Unlike ``clash`` a
        folder of pages stays open to files (``kabupaten/peta.pdf``); a
        tool's folder too where it holds a written page (``beside``: an
        ``{attach}`` of a preview draft goes to ``draf/<slug>/``). Letter
        case is ignored: on the editors' computers ``Sitemap.xml`` is
        ``sitemap.xml``."""
        wanted = destination.casefold()
        for path in sorted(self.files):
            path_case = path.casefold()
            if wanted == path_case or path_case.startswith(wanted + "/"):
                return path
        for pattern, shown in (*self.patterns, *self.paginated):
            if pattern.match(destination):
                return shown
        for folder in sorted(self.owned):
            inside = wanted.startswith(folder.casefold())
            if wanted == folder.rstrip("/").casefold() or (
                inside and not any(wanted.startswith(f.casefold()) for f in beside)
            ):
                return folder + "…"
        return None


def _template_pattern(path: str) -> re.Pattern:
    """``kabupaten/{slug}/rss.xml`` as a pattern of the paths it gives."""
    literal = re.split(r"\{[^}]*\}", path)
    return re.compile(
        "^" + "[^/]+".join(re.escape(part) for part in literal) + "$", re.IGNORECASE
    )


def _is_feed_setting(key: str) -> bool:
    """Pelican's own feeds (``FEED_ALL_ATOM``, ``TAG_FEED_RSS``…)."""
    return "FEED" in key and key.endswith(("_ATOM", "_RSS"))


def _pagination(settings) -> list[tuple[re.Pattern, str]]:
    """The further pages of the home page, from ``PAGINATION_PATTERNS``:
    a pattern of their paths, and how the second one reads."""
    index = settings.get("INDEX_SAVE_AS", "index.html")
    name = index.rsplit(".", 1)[0]
    folder = index.rpartition("/")[0] if index.endswith("index.html") else name
    patterns = []
    for minimum, _url, save_as in settings.get("PAGINATION_PATTERNS", ()):
        if int(minimum) < 2:
            continue
        path = save_as.format(
            save_as=index,
            name=name,
            base_name=folder,
            extension=".html",
            number=_NUMBER,
            url="",
        )
        path = path[1:] if path.startswith("/") else path
        regex = re.escape(path).replace(_NUMBER, r"\d+")
        patterns.append(
            (re.compile(f"^{regex}$", re.IGNORECASE), path.replace(_NUMBER, "2"))
        )
    return patterns


def generated_paths(settings) -> Reserved:
    """What the build and the tools beside it write, from the settings alone
    (the one place that decides it: pages and copied files are both checked
    against it)."""
    files, folders, owned, patterns = set(), set(), set(), []

    def add(path: str):
        path = (path or "").lstrip("/")
        if not path:
            return
        if "{" in path:
            folder = path.split("{", 1)[0].rpartition("/")[0]
            if folder:
                folders.add(folder + "/")
            patterns.append((_template_pattern(path), path))
            return
        files.add(path)
        folder = path.rpartition("/")[0]
        if folder:
            folders.add(folder + "/")

    for key, value in settings.items():
        if key.endswith("_SAVE_AS") and key not in _NOT_GENERATED and value:
            add(str(value))
        elif _is_feed_setting(key) and isinstance(value, str):
            add(value)
    for name in settings.get("DIRECT_TEMPLATES", ()):
        add(settings.get(f"{name.upper()}_SAVE_AS", f"{name}.html"))
    for row in settings.get("SYNDICATION_FEEDS", ()):
        add(row.get("save_as", ""))
    if settings.get("THEME_STATIC_DIR"):
        owned.add(settings["THEME_STATIC_DIR"].strip("/") + "/")
    for path in settings.get("EDITORIAL_RESERVED_PATHS", ()):
        (owned if path.endswith("/") else files).add(path.lstrip("/"))
    return Reserved(
        files=frozenset(files),
        folders=frozenset(folders | owned),
        paginated=tuple(_pagination(settings)),
        patterns=tuple(patterns),
        owned=frozenset(owned),
    )


def reserved_paths(settings, context) -> Reserved:
    """The addresses no page may take: what the build generates, and the
    files of STATIC_PATHS (a file that content links from elsewhere is
    checked against pages from the link's side, in path_checks)."""
    generated = generated_paths(settings)
    static_folders = tuple(
        folder.strip("/") + "/" for folder in settings.get("STATIC_PATHS", ())
    )
    static = {
        path
        for s in context.get("staticfiles", [])
        if s.get_relative_source_path().startswith(static_folders)
        and (path := planned_save_as(s))
    }
    return replace(generated, files=generated.files | static)


def is_plain_path(value: str) -> bool:
    """A relative path inside the output, of plain segments, to an HTML file."""
    segments = value.split("/")
    return (
        value.endswith(".html")
        and all(_SEGMENT.match(segment) for segment in segments)
        and not any(segment in (".", "..") for segment in segments)
    )


def check_release_fields(article):
    """``Save_as:``, ``URL:`` and ``Template:`` are not for releases."""
    path = article.source_path
    for key, field in (("save_as", "Save_as"), ("url", "URL")):
        if key in article.metadata:
            line = metadata_line(path, key)
            yield problem("alamat-berita-diatur", path, line, field=field)
    if "template" in article.metadata:
        yield problem("templat-berita", path, metadata_line(path, "template"))


def check_language(content):
    """The site has one language (``DEFAULT_LANG``): ``Lang:`` would only
    choose another address (``*_LANG_SAVE_AS`` formats it in), even outside
    the output with ``/`` and ``..``."""
    if "lang" in content.metadata:
        path = content.source_path
        yield problem("bahasa-diatur", path, metadata_line(path, "lang"))


def check_page_template(page, allowed):
    value = page.metadata.get("template")
    if value is not None and value not in allowed:
        path = page.source_path
        yield problem(
            "templat-tidak-ada",
            path,
            metadata_line(path, "template"),
            value=value,
            allowed=", ".join(allowed),
        )


def _alternative(page) -> str:
    slug = str(getattr(page, "slug", "") or "halaman")
    return f"{slug}-lkks" if not slug.isdigit() else f"halaman-{slug}"


def check_page_address(page, reserved: Reserved):
    """One problem at most: the first thing wrong with where the page goes."""
    path = page.source_path
    metadata = page.metadata
    if "save_as" in metadata:
        value = str(metadata["save_as"])
        if not is_plain_path(value):
            line = metadata_line(path, "save_as")
            yield problem(
                "alamat-halaman-salah", path, line, field="Save_as", value=value
            )
            return
    save_as = would_be_save_as(page)
    taken = reserved.clash(save_as) if save_as else None
    if taken:
        key = "save_as" if "save_as" in metadata else "slug"
        line = metadata_line(path, key) or metadata_line(path, "title")
        yield problem(
            "alamat-halaman-bentrok",
            path,
            line,
            url="/" + save_as.removesuffix("index.html"),
            reserved=taken,
            alternative=_alternative(page),
        )
        return
    if "url" in metadata or "save_as" in metadata:
        url = str(metadata.get("url", ""))
        given = str(metadata.get("save_as", ""))
        if not given or url not in (given, given.removesuffix("index.html")):
            line = metadata_line(path, "url") or metadata_line(path, "save_as")
            yield problem(
                "url-halaman-salah",
                path,
                line,
                value=url or "(tidak ada)",
                save_as=given or "(tidak ada)",
            )


def keep_drafts_unwritten(contents) -> None:
    """A draft (an embargoed release is one) goes where ``DRAFT_*SAVE_AS``
    says, whatever its metadata: nowhere outside the local preview, in
    ``draf/`` inside it. Values cached before this are forgotten."""
    for content in contents:
        if getattr(content, "status", None) != "draft":
            continue
        for name in ("save_as", "url"):
            if hasattr(content, f"override_{name}"):
                delattr(content, f"override_{name}")
            content.__dict__.pop(name, None)


def planned_save_as(static) -> str:
    """Where a static file would be written, read without marking its output
    location as referenced: ``Static.save_as`` marks it, and an ``{attach}``
    link rendered later then cannot move the file next to its release."""
    return Content.save_as.fget(static)
