"""The oracle: a build made with ``build_speed`` (incremental, parallel, in
place or into a fresh folder) must equal, file by file and byte for byte, a
cold REFERENCE build of the same final inputs with ``build_speed`` removed
from ``PLUGINS``.

``OracleSite`` is a small site in a temporary folder with everything an edit
can touch: content, a copy of the theme, a copy of the regency registry,
settings overrides, the reader cache (as ``make html``/``make publish`` use
it) and a clock for embargoes. ``EDITS`` is the edit matrix: each entry
changes the site the way an editor, a designer or an upgrade would.

What is not compared, and why:

- Pagefind's filter and metadata indexes
  (``search_index.indexing.unstable_file``): upstream writes them in an
  arbitrary order, so two cold builds of the same pages differ there. The
  fragments (each page's indexed text) are compared.
- ``.warta/``: build bookkeeping (manifests), not part of the site.
- In place only: files in the folder that the reference does not have
  (``stale_files``: left by earlier builds, such as an image no longer in
  ``content/``) are not compared; the sitemap and feeds, which are, must
  never list them, and the tests check that no page, stylesheet or script
  is among them. README "What holds between builds" says so.
"""

import contextlib
import datetime
import hashlib
import os
import shutil
import tempfile
import types
from pathlib import Path

import blinker
import pelican.contents
import pelican.plugins.signals
from pelican import Pelican

from benchmarks.corpus import write_corpus
from search_index.indexing import unstable_file
from tests.photos import phone_photo
from tests.sitebuild import (
    CONFIG,
    PUBLISH_CONFIG,
    ROOT,
    reset_pelican_logging,
    settings_for,
)

SITE = "https://example.test"
# How each mode builds: make publish (absolute URLs, a fresh folder reusing
# the previous one) and make html (relative URLs, in place).
MODES = {
    "publish": (PUBLISH_CONFIG, {"SITEURL": SITE}),
    "in place": (CONFIG, {}),
}
SPEED = "build_speed"
BOOKKEEPING = ".warta/"
REFERENCE_PLUGINS = [
    name for name in settings_for(ROOT / "content", "/tmp")["PLUGINS"] if name != SPEED
]
# The site's "now" for embargoes (see ``frozen_clock``).
START_OF_TEST = datetime.datetime(2026, 6, 1, 9, 0, tzinfo=datetime.UTC)


# -- what the builds produce ------------------------------------------------


def output_files(folder: Path) -> dict[str, Path]:
    files = {}
    for path in folder.rglob("*"):
        relative = path.relative_to(folder).as_posix()
        if path.is_file() and not relative.startswith(BOOKKEEPING):
            if unstable_file(relative):  # names and bytes vary (module docstring)
                continue
            files[relative] = path
    return files


def differences(built: Path, reference: Path, in_place: bool = False) -> list[str]:
    """Every way ``built`` differs from ``reference``; [] when they agree."""
    mine, theirs = output_files(built), output_files(reference)
    found = []
    for name in sorted(set(theirs) - set(mine)):
        found.append(f"missing {name}")
    if not in_place:
        for name in sorted(set(mine) - set(theirs)):
            found.append(f"extra {name}")
    for name in sorted(set(mine) & set(theirs)):
        if mine[name].read_bytes() != theirs[name].read_bytes():
            found.append(f"differs {name}")
    return found


def stale_files(built: Path, reference: Path) -> list[str]:
    """In place: files left from earlier builds that this one did not write."""
    return sorted(set(output_files(built)) - set(output_files(reference)))


def snapshot(folder: Path) -> dict[str, tuple[int, str]]:
    """Every file's inode and content digest, to show a build left it alone."""
    return {
        name: (path.stat().st_ino, hashlib.sha256(path.read_bytes()).hexdigest())
        for name, path in output_files(folder).items()
    }


# -- the clock ----------------------------------------------------------------


class _Clock(datetime.datetime):
    now_utc = START_OF_TEST

    @classmethod
    def now(cls, tz=None):
        if tz is None:  # naive local time, as Pelican asks for naive dates
            return cls.now_utc.astimezone().replace(tzinfo=None)
        return cls.now_utc.astimezone(tz)


@contextlib.contextmanager
def frozen_clock(now: datetime.datetime):
    """Pelican decides embargoes with ``datetime.datetime.now()`` in
    ``pelican.contents``; this makes that "now" the given instant."""
    _Clock.now_utc = now
    original = pelican.contents.datetime
    pelican.contents.datetime = types.SimpleNamespace(
        datetime=_Clock, UTC=datetime.UTC, date=datetime.date
    )
    try:
        yield
    finally:
        pelican.contents.datetime = original


class InjectedFailure(RuntimeError):
    pass


def failing_after(fragment: str):
    """A receiver for ``content_written`` that stops the build with an
    exception right after it wrote the first file whose path contains
    ``fragment`` (so that file holds the new text)."""

    def fail(path, context=None):
        if fragment in str(path):
            raise InjectedFailure(f"injected after writing {path}")

    return fail


def build_with_only_its_plugins(
    content, output, config=PUBLISH_CONFIG, receivers=(), **override
):
    """One in-process build that sees exactly the plugins its settings list.

    Plugins connect module-level receivers to Pelican's process-wide
    signals, and nothing disconnects them: without this, a "reference"
    build run after a build_speed build in the same process would still
    run build_speed's receivers. ``receivers`` are connected after the
    plugins' own (``(signal, function)`` pairs)."""
    for value in vars(pelican.plugins.signals).values():
        if isinstance(value, blinker.Signal):
            value._clear_state()
    reset_pelican_logging()
    settings = settings_for(content, output, config, **override)
    site = Pelican(settings)
    for signal, function in receivers:
        signal.connect(function)
    site.run()


# -- the site -----------------------------------------------------------------


class OracleSite:
    """A small site (10 public releases, a draft, an embargoed one, a page,
    an image and a phone photo) whose every input lives under ``root``."""

    def __init__(self, root: Path):
        self.root = Path(root)
        self.content = self.root / "content"
        self.theme = self.root / "theme"
        self.registry = self.root / "registry.toml"
        self.cache = self.root / "cache"
        self.settings: dict = {}  # what edits set
        self.fixed: dict = {}  # what a scenario sets for every build
        self.now = START_OF_TEST
        self.library_versions: dict[str, str] = {}

    def create(self) -> "OracleSite":
        write_corpus(8, self.content)
        shutil.copytree(ROOT / "theme", self.theme)
        shutil.copyfile(
            ROOT / "plugins/regency_tags/data/kalimantan-selatan.toml", self.registry
        )
        target = self.release_path(3)
        relative = target.relative_to(self.content).as_posix()
        self.write("berita/2024/tautan.md", (
            "Title: Rilis yang menautkan rilis lain\nSlug: tautan\n"
            "Date: 2016-02-03 10:00\nRegencies: Tapin\n\n"
            f"Lihat [rilis sebelumnya]({{filename}}/{relative}).\n"
        ))  # fmt: skip
        self.write("images/foto.png", _png_bytes((10, 120, 200)))
        self.write("berita/2025/foto.md", (
            "Title: Rilis berfoto\nSlug: foto\nDate: 2025-03-04 09:30\n"
            "Regencies: Banjar\nImage: images/foto.png\nImage_alt: Foto kegiatan\n\n"
            '"Kutipan" -- dengan tanda kutip dan pisah... seperti diketik.\n'
        ))  # fmt: skip
        phone_photo(self.content / PHONE_PHOTO, size=(1000, 750), seed=8)
        self.replace_in(self.release_path(8), "\nSummary: ", PHONE_METADATA)
        self.append_to(self.release_path(8), PHONE_IN_BODY)
        self.write("berita/2025/draf.md", (
            "Title: Rilis draf\nSlug: draf\nDate: 2025-04-01 10:00\n"
            "Status: draft\nRegencies: Tabalong\n\nBelum terbit.\n"
        ))  # fmt: skip
        self.write("berita/2026/embargo.md", (
            "Title: Rilis embargo\nSlug: embargo\nDate: 2026-06-01 18:00\n"
            "Regencies: Balangan\n\nTerbit nanti sore.\n"
        ))  # fmt: skip
        return self

    # -- one workspace, many scenarios ------------------------------------------

    def save(self, pristine: Path) -> None:
        """Keep everything under ``root`` (inputs, cache, outputs) aside."""
        shutil.copytree(self.root, pristine, symlinks=True)

    def restore(self, pristine: Path) -> None:
        """Put ``root`` back as ``save`` found it, at the same paths (the
        previous build's records name absolute source paths)."""
        shutil.rmtree(self.root)
        shutil.copytree(pristine, self.root, symlinks=True)
        self.settings, self.now, self.library_versions = {}, START_OF_TEST, {}

    # -- inputs ---------------------------------------------------------------

    def write(self, relative: str, text) -> Path:
        path = self.content / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
        return path

    def release_path(self, number: int) -> Path:
        return next((self.content / "berita").rglob(f"rilis-{number:05d}.md"))

    def replace_in(self, path: Path, old: str, new: str) -> None:
        text = path.read_text(encoding="utf-8")
        assert old in text, (path, old)
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    def set_date(self, path: Path, date: str) -> None:
        lines = path.read_text(encoding="utf-8").split("\n")
        lines = [
            f"Date: {date}" if line.startswith("Date: ") else line for line in lines
        ]
        path.write_text("\n".join(lines), encoding="utf-8")

    def append_to(self, path: Path, text: str) -> None:
        with open(path, "a", encoding="utf-8") as target:
            target.write(text)

    # -- builds ---------------------------------------------------------------

    def overrides(self, mode: str, reference: bool) -> dict:
        config, override = MODES[mode]
        override = {
            **override,
            "THEME": str(self.theme),
            "REGENCY_REGISTRY": str(self.registry),
            **self.fixed,
            **self.settings,
        }
        if reference:
            override["PLUGINS"] = REFERENCE_PLUGINS
        else:  # as make html / make publish: Pelican's reader cache on
            override.update(
                CACHE_CONTENT=True,
                LOAD_CONTENT_CACHE=True,
                CONTENT_CACHING_LAYER="reader",
                CACHE_PATH=str(self.cache),
                BUILD_PARALLEL_MIN_FILES=1,  # small sites too on every core
            )
        return config, override

    @contextlib.contextmanager
    def _environment(self):
        with frozen_clock(self.now), simulated_versions(self.library_versions):
            yield

    def build(
        self,
        output: Path,
        previous: Path | None = None,
        receivers=(),
        publish: bool | None = None,
        **extra,
    ) -> Path:
        """A build with build_speed: ``make publish`` into ``output`` reusing
        ``previous``, or ``make html`` in place when ``previous`` is None
        (unless ``publish``: a first publish, with nothing to reuse)."""
        publish = previous is not None if publish is None else publish
        mode = "publish" if publish else "in place"
        config, override = self.overrides(mode, reference=False)
        if previous is not None:
            override["PREVIOUS_OUTPUT_PATH"] = str(previous)
        override.update(extra)
        with self._environment():
            build_with_only_its_plugins(
                self.content, output, config, receivers, **override
            )
        return output

    def reference(self, output: Path, mode: str = "publish", receivers=()) -> Path:
        """A cold build with build_speed off, as ``mode`` builds: the reference.
        Its caches (photo variants among them) start empty and are thrown
        away: every photo is processed again, from the final inputs."""
        config, override = self.overrides(mode, reference=True)
        with tempfile.TemporaryDirectory(prefix="cold-", dir=self.root.parent) as cold:
            override["CACHE_PATH"] = cold
            override["PHOTOS_CACHE_PATH"] = os.path.join(cold, "foto")
            with self._environment():
                build_with_only_its_plugins(
                    self.content, output, config, receivers, **override
                )
        return output


# Release 8 carries a phone photo, as lead image and in its body.
PHONE_PHOTO = "images/ponsel.jpg"
PHONE_METADATA = (
    f"\nImage: {PHONE_PHOTO}\nImage_alt: Foto dari ponsel\n"
    "Image_caption: Penyerahan bantuan\nImage_credit: Foto: MC Kalsel\nSummary: "
)
PHONE_IN_BODY = f"\n![Foto yang sama di isi]({{static}}/{PHONE_PHOTO})\n"


def _png_bytes(colour) -> bytes:
    from benchmarks.corpus import _png

    return _png(40, 30, colour)


# -- library versions -----------------------------------------------------------

_MARKDOWN_CONVERT = None


@contextlib.contextmanager
def simulated_versions(versions: dict[str, str]):
    """Simulate upgraded libraries: ``importlib.metadata.version`` reports the
    given versions, and an upgraded Markdown or nh3 gives different HTML (as
    a new release of a library may)."""
    if not versions:
        yield
        return
    import importlib.metadata

    import markdown
    import nh3

    original_version = importlib.metadata.version
    original_convert = markdown.Markdown.convert
    original_clean = nh3.clean

    def version(name):
        return versions.get(name.lower()) or original_version(name)

    def convert(self, source):
        html = original_convert(self, source)
        if "markdown" in versions:
            html = html.replace("<p>", '<p class="md">')
        return html

    def clean(html, *args, **kwargs):
        cleaned = original_clean(html, *args, **kwargs)
        if "nh3" in versions:
            cleaned = cleaned.replace("<p", '<p dir="auto"', 1)
        return cleaned

    importlib.metadata.version = version
    markdown.Markdown.convert = convert
    nh3.clean = clean
    try:
        yield
    finally:
        importlib.metadata.version = original_version
        markdown.Markdown.convert = original_convert
        nh3.clean = original_clean


# -- the edit matrix ---------------------------------------------------------------


def _stylesheet(site):
    site.append_to(site.theme / "static/css/style.css", "body{color:#111}\n")


def _search_script(site):
    site.append_to(site.theme / "static/js/search.js", "// versi baru\n")


def _template(site):
    site.replace_in(site.theme / "templates/article.html", "</article>",
                    "<p>Templat baru.</p></article>")  # fmt: skip


def _partial(site):
    site.replace_in(site.theme / "templates/partials/footer.html", "</footer>",
                    "<p>Kaki baru.</p></footer>")  # fmt: skip


def _template_reads_articles(site):
    # Pelican hands a paginated template its term's own ``articles``.
    site.replace_in(site.theme / "templates/category.html", "{% block heading %}",
                    "{% block heading %}{{ articles|length }} berita: ")  # fmt: skip


def _ui_string(site):
    ui = site.theme / "templates/partials/ui.html"
    site.replace_in(ui, '"latest": "Berita terbaru"', '"latest": "Kabar terbaru"')


def _scalar_setting(site):
    site.settings["SITESUBTITLE"] = "Subjudul yang baru"


def _tuple_setting(site):
    from syndication.settings import DEFAULTS

    feeds = list(DEFAULTS["SYNDICATION_FEEDS"])
    feeds[2] = {**feeds[2], "save_as": "feeds/semua.json"}
    site.settings["SYNDICATION_FEEDS"] = tuple(feeds)


def _dict_setting(site):
    from tests.sitebuild import CONFIG

    markdown = settings_for(ROOT / "content", "/tmp", CONFIG)["MARKDOWN"]
    configs = {**markdown["extension_configs"], "markdown.extensions.smarty": {}}
    site.settings["MARKDOWN"] = {**markdown, "extension_configs": configs}


def _registry(site):
    site.replace_in(site.registry, 'official_name = "Kabupaten Tapin"',
                    'official_name = "Kabupaten Tapin Raya"')  # fmt: skip


def _library_version(site):
    site.library_versions["markdown"] = "99.0"


def _sanitiser_version(site):
    site.library_versions["nh3"] = "9.9.9"


def _static_page(site):
    site.append_to(site.content / "pages/tentang.md", "\nParagraf baru.\n")


def _linked_release_moves_month(site):
    site.set_date(site.release_path(3), "2019-12-31 23:59")


def _release_moves_month(site):
    site.set_date(site.release_path(5), "2018-07-15 08:00")


def _deleted_release(site):
    site.release_path(6).unlink()


def _draft_made_public(site):
    site.replace_in(site.content / "berita/2025/draf.md", "Status: draft\n", "")


def _embargo_passes(site):
    site.now = datetime.datetime(2026, 6, 1, 10, 0, 1, tzinfo=datetime.UTC)


def _save_as_override(site):
    page = site.content / "pages/tentang.md"
    override = "Save_as: profil.html\nUrl: profil.html\n"
    site.replace_in(page, "Slug: tentang\n", "Slug: tentang\n" + override)


def _image_replaced(site):
    site.write("images/foto.png", _png_bytes((200, 40, 10)))


def _release_gains_a_phone_photo(site):
    # Taken upright: stored 1200×900 with EXIF orientation 6.
    photo = "images/baru.jpg"
    phone_photo(site.content / photo, size=(1200, 900), orientation=6, seed=7)
    metadata = f"\nImage: {photo}\nImage_alt: Foto baru\nSummary: "
    site.replace_in(site.release_path(7), "\nSummary: ", metadata)


def _photo_replaced_under_the_same_name(site):
    phone_photo(site.content / PHONE_PHOTO, size=(1000, 750), seed=9)


def _photo_renamed(site):
    # Same bytes, a new name: as an editor renames IMG_… to what it shows.
    # (Edits run in any order: after the photo was removed, only the file.)
    (site.content / PHONE_PHOTO).rename(site.content / "images/penyerahan.jpg")
    release = site.release_path(8)
    text = release.read_text(encoding="utf-8")
    release.write_text(text.replace(PHONE_PHOTO, "images/penyerahan.jpg"), "utf-8")


def _photo_removed_from_a_release(site):
    release = site.release_path(8)
    lines = release.read_text(encoding="utf-8").split("\n")
    kept = [
        line
        for line in lines
        if not line.startswith("Image") and "Foto yang sama" not in line
    ]
    assert len(lines) - len(kept) == 5
    release.write_text("\n".join(kept), encoding="utf-8")


def _jpeg_quality(site):
    site.settings["PHOTOS_JPEG_QUALITY"] = 60


def _pagination_boundary(site):
    site.write("berita/2026/kesebelas.md", (
        "Title: Rilis kesebelas\nSlug: kesebelas\nDate: 2026-01-05 10:00\n"
        "Regencies: Banjarbaru\n\nRilis yang ke-11 di beranda.\n"
    ))  # fmt: skip


EDITS = {
    "stylesheet": _stylesheet,
    "search script": _search_script,
    "template": _template,
    "partial": _partial,
    "template reads articles": _template_reads_articles,
    "UI string": _ui_string,
    "scalar setting": _scalar_setting,
    "tuple setting": _tuple_setting,
    "dict setting": _dict_setting,
    "regency registry": _registry,
    "library version": _library_version,
    "sanitiser version": _sanitiser_version,
    "static page": _static_page,
    "linked release moves month": _linked_release_moves_month,
    "release moves month": _release_moves_month,
    "deleted release": _deleted_release,
    "draft made public": _draft_made_public,
    "embargo passes": _embargo_passes,
    "Save_as override": _save_as_override,
    "image replaced": _image_replaced,
    "pagination boundary": _pagination_boundary,
    "a release gains a phone photo": _release_gains_a_phone_photo,
    "a photo is replaced by another with the same name": (
        _photo_replaced_under_the_same_name
    ),
    "a photo is renamed": _photo_renamed,
    "a photo is removed from a release": _photo_removed_from_a_release,
    "PHOTOS_JPEG_QUALITY changed": _jpeg_quality,
}


def interrupted_edit(site) -> None:
    """The edit an interrupted build is made of (reverted afterwards)."""
    site.append_to(site.release_path(4), "\nKalimat yang nanti dibatalkan.\n")
