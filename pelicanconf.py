"""Development settings for Warta LKKS (``make html``, ``make devserver``).

Every setting we add on top of Pelican's is documented in README.md.
Plugin settings (``REGENCY_*``) have their defaults in the plugin itself and
are only overridden here when the site needs something different.
"""

import os

AUTHOR = "LKKS Provinsi Kalimantan Selatan"
SITENAME = "Warta LKKS"
SITESUBTITLE = (
    "Berita Lembaga Koordinasi Kesejahteraan Sosial Provinsi Kalimantan Selatan"
)
ORGANIZATION = (
    "Lembaga Koordinasi Kesejahteraan Sosial (LKKS) Provinsi Kalimantan Selatan"
)
SITEURL = ""
RELATIVE_URLS = True
# Absolute base where absolute URLs are a must (feeds, sitemap, canonical,
# Open Graph) while SITEURL is relative: the address `make serve` serves.
LOCAL_SITEURL = "http://127.0.0.1:8000"

PATH = "content"
ARTICLE_PATHS = ["berita"]
PAGE_PATHS = ["pages"]
STATIC_PATHS = ["images"]
# Pelican 4.12's default ("**/.*") never matches the bare names it is tested
# against: hidden files and folders (.rahasia.md, .git/) were read and copied.
IGNORE_FILES = [".*"]

TIMEZONE = "Asia/Makassar"
DEFAULT_LANG = "id"
DEFAULT_DATE_FORMAT = "%Y-%m-%d"  # templates use the Babel filters instead
DEFAULT_PAGINATION = 10
DEFAULT_CATEGORY = "Berita"

THEME = "theme"
# Autoescape: titles and metadata are plain text; templates mark HTML with |safe.
JINJA_ENVIRONMENT = {
    "trim_blocks": True,
    "lstrip_blocks": True,
    "extensions": [],
    "autoescape": True,
    # Each build makes a new environment (the devserver too), so templates never
    # change during one; without this Jinja checks every included template's
    # mtime on every page.
    "auto_reload": False,
}
PLUGIN_PATHS = ["plugins"]
PLUGINS = [
    "output_files",
    "theme_support",
    "build_speed",
    "indonesian_dates",
    "editorial",
    "safe_html",
    "regency_tags",
    "featured_image",
    "content_files",
    "photos",
    "related_releases",
    "syndication",
    "site_files",
    "theme_assets",
    "search_index",
    "embargo_schedule",
]
# Share image when a release has no Image: (Open Graph, WhatsApp).
DEFAULT_SHARE_IMAGE = "theme/images/bagikan.png"

# URL scheme: syndicators rely on it, keep it stable.
ARTICLE_URL = "berita/{date:%Y}/{date:%m}/{slug}/"
ARTICLE_SAVE_AS = "berita/{date:%Y}/{date:%m}/{slug}/index.html"
ARTICLE_LANG_URL = "berita/{date:%Y}/{date:%m}/{slug}-{lang}/"
ARTICLE_LANG_SAVE_AS = "berita/{date:%Y}/{date:%m}/{slug}-{lang}/index.html"
# Drafts and future-dated releases (embargo) are never written…
WITH_FUTURE_DATES = False
DRAFT_SAVE_AS = ""
DRAFT_LANG_SAVE_AS = ""
DRAFT_PAGE_SAVE_AS = ""
DRAFT_PAGE_LANG_SAVE_AS = ""
# …except in the editor's local preview (make devserver sets WARTA_PREVIEW=1):
# drafts at draf/{slug}/, marked, and errors keep the server running.
PREVIEW_DRAFTS = os.environ.get("WARTA_PREVIEW") == "1"
if PREVIEW_DRAFTS:
    DRAFT_URL = "draf/{slug}/"
    DRAFT_SAVE_AS = "draf/{slug}/index.html"
    DRAFT_PAGE_URL = "draf/halaman/{slug}/"
    DRAFT_PAGE_SAVE_AS = "draf/halaman/{slug}/index.html"
    EDITORIAL_KEEP_SERVING = True
    EDITORIAL_WAIT_FOR_FIX = os.environ.get("WARTA_DEVSERVER") == "1"
    SEARCH_INDEX = False  # drafts must never reach a search index
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = "{slug}/index.html"
PAGE_LANG_URL = "{slug}-{lang}/"
PAGE_LANG_SAVE_AS = "{slug}-{lang}/index.html"
CATEGORY_URL = "kategori/{slug}/"
CATEGORY_SAVE_AS = "kategori/{slug}/index.html"
CATEGORIES_SAVE_AS = "kategori/index.html"
TAG_URL = "topik/{slug}/"
TAG_SAVE_AS = "topik/{slug}/index.html"
TAGS_SAVE_AS = "topik/index.html"
ARCHIVES_SAVE_AS = "arsip/index.html"
# Credits such as "MC Kalsel/Rns" are bylines, not people with pages.
AUTHOR_SAVE_AS = ""
AUTHORS_SAVE_AS = ""
DIRECT_TEMPLATES = ["index", "categories", "tags", "archives", "search"]
SEARCH_SAVE_AS = "cari/index.html"
SEARCH_URL = "cari/"
YEAR_ARCHIVE_URL = "berita/{date:%Y}/"
YEAR_ARCHIVE_SAVE_AS = "berita/{date:%Y}/index.html"
MONTH_ARCHIVE_URL = "berita/{date:%Y}/{date:%m}/"
MONTH_ARCHIVE_SAVE_AS = "berita/{date:%Y}/{date:%m}/index.html"
ARCHIVES_URL = "arsip/"
PAGINATED_TEMPLATES = {"index": None, "tag": None, "category": None, "regency": None}
PAGINATION_PATTERNS = (
    (1, "{url}", "{save_as}"),
    (2, "{base_name}/{number}/", "{base_name}/{number}/index.html"),
)

SLUGIFY_SOURCE = "title"
# One language: no two releases are ever "translations" of each other.
ARTICLE_TRANSLATION_ID = None
PAGE_TRANSLATION_ID = None
SUMMARY_MAX_LENGTH = 40

# Pelican's own feeds are off; our feed plugin writes feeds/… and kabupaten/…/rss.xml.
FEED_DOMAIN = None
FEED_ALL_ATOM = None
FEED_ALL_RSS = None
FEED_ATOM = None
FEED_RSS = None
CATEGORY_FEED_ATOM = None
CATEGORY_FEED_RSS = None
TAG_FEED_ATOM = None
TAG_FEED_RSS = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
TRANSLATION_FEED_ATOM = None
TRANSLATION_FEED_RSS = None

DEFAULT_METADATA = {}

# Python-Markdown's "extra" set (tables, footnotes, attribute lists...). Not
# "smarty": it doubled the cost of every conversion (measured: 1.27 s against
# 0.65 s for 600 releases) and editors' text, pasted from word processors,
# already carries its typographic quotes; quotes stay as typed.
MARKDOWN = {
    "extension_configs": {
        "markdown.extensions.extra": {
            "footnotes": {"BACKLINK_TITLE": "Kembali ke catatan %d di teks"},
        },
    },
    "output_format": "html5",
}
TYPOGRIFY = False
CACHE_CONTENT = False
LOAD_CONTENT_CACHE = False
# The reader cache (make html/publish turn it on) is read and written whole on
# every build; gzip costs more time (about 3 s at 10,000 releases) than it saves.
GZIP_CACHE = False
# Editors write Markdown only: the reStructuredText and HTML readers are off
# (an .html file under berita/ was read and published); such a file is
# reported (editorial: bukan-markdown).
READERS = {"rst": None, "html": None, "htm": None}
