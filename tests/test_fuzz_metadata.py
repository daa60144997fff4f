"""Fuzzed metadata: Source:, URL:, Save_as:, Slug:, titles and summaries.

Every build either stops with an editor message (never a traceback) or
succeeds with no ``javascript:``/``data:``/``vbscript:`` address anywhere in
the output, no generated page replaced, and feeds whose titles and
descriptions read (in feedparser) as the intended plain text, the text the
JSON Feed and the article page carry.

FUZZ_EXAMPLES=500 make test PYTESTOPTS="-k fuzz_metadata" runs a longer,
random campaign; by default a small derandomised set runs in CI.
"""

import contextlib
import html
import json
import os
import re
import tempfile
from pathlib import Path

import feedparser
import lxml.etree
import lxml.html
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from editorial.problems import BuildStopped
from tests.sitebuild import PUBLISH_CONFIG, build

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "10"))
SITE = "https://example.test"
PUBLISHED = "Title: Berita terbit\nDate: 2025-10-08 09:00\nRegencies: Banjar\n\nIsi.\n"
# Generated pages and what their <title> says (checked against a plain build).
GENERATED = ["index.html", "kabupaten/index.html", "kabupaten/banjar/index.html",
             "cari/index.html", "arsip/index.html", "kategori/index.html",
             "topik/index.html", "berita/2025/index.html"]  # fmt: skip
DANGEROUS = re.compile(r"^(javascript|data|vbscript):")
URL_ATTRIBUTES = ("href", "src", "action", "formaction", "poster", "cite", "data")
CONTROL = re.compile(r"[\x00-\x20\x7f-\x9f]+")

# -- strategies --------------------------------------------------------------

any_text = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=30
)
line_text = any_text.map(lambda s: s.replace("\n", " ").replace("\r", " "))
SCHEMES = ["javascript", "JaVaScRiPt", "JAVASCRIPT", "data", "DaTa", "vbscript",
           "http", "https", "HTTPS", "hTtP", "ftp", "mailto", "file",
           "tel"]  # fmt: skip
PREFIXES = ["", " ", "\t", "\x01", "\x0b", "\u200b", "\ufeff", "%20"]
SEPARATORS = [":", "://", ":%0a//", ":\t//", "&colon;", "%3A", "&#58;", ":/\\", ":///"]
RESTS = ["alert(1)", "evil.test/x", "%0aalert(1)", "kalselprov.go.id/berita?a=1&b=2",
         "text/html,<script>alert(1)</script>", '"onmouseover=alert(1) x="',
         "a.test@evil.test/", "", "//", "kalselprov.go.id:8080/x"]  # fmt: skip
ODD_URLS = ["//evil.test", "\\\\evil.test", "/\\evil.test",
            "diskominfomc.kalselprov.go.id",
            "MC Kalsel/Rns", "&#106;avascript:alert(1)", "%6Aavascript:alert(1)",
            "https://a.test@evil.test/", "http://", "", "&amp;", "Antara.",
            "https://kalselprov.go.id/a b", "https://ü.test/ø"]  # fmt: skip

# Allowed, but awkward: they build, so the output is checked too.
ALLOWED_URLS = ["https://kalselprov.go.id/a?b=1&c=<2>&d=\"e\"",
                "diskominfomc.kalselprov.go.id", "MC Kalsel",
                "javascript:alert(1) lalu", "HTTP://Antara.test/x#y", "data: Humas",
                "&lt;script&gt;", "kalselprov.go.id/berita/ü"]  # fmt: skip


def mostly(good, bad):
    """``good`` three times in four: most examples should build, so that
    pages and feeds are checked and not only the refusals."""
    return st.integers(0, 3).flatmap(lambda n: bad if n == 0 else good)


metadata_urls = st.one_of(
    st.builds(
        "".join,
        st.tuples(
            st.sampled_from(PREFIXES),
            st.sampled_from(SCHEMES),
            st.sampled_from(SEPARATORS),
            st.sampled_from(RESTS),
        ),
    ),
    st.sampled_from(ODD_URLS),
    line_text,
)
RESERVED = ["index.html", "2/index.html", "feeds/rss.xml", "feeds/atom.xml",
            "kabupaten/banjar/rss.xml", "kabupaten/index.html", "pagefind/x.html",
            "cari/index.html", "arsip/index.html", "sitemap.xml", "robots.txt",
            "404.html", "theme/css/style.css",
            "berita/2025/10/berita-terbit/index.html", "draf/x/index.html",
            ".well-known/security.txt", "manifest.webmanifest"]  # fmt: skip
ODD_PATHS = ["../x.html", "/etc/x.html", "a/../../x.html", "", " ", "tentang/",
             "ø/ü.html", "profil/pengurus.html", "profil.html", "a//b.html",
             "C:\\x.html", "~/x.html", "%2e%2e/x.html", "x.html?y"]  # fmt: skip
save_as_values = st.one_of(
    st.sampled_from(RESERVED), st.sampled_from(ODD_PATHS), line_text
)
SLUGS = ["kabupaten", "cari", "2", "pagefind", "feeds", "arsip", "tentang-lkks",
         "profil", "berita", "draf", "theme"]  # fmt: skip
slugs = st.sampled_from(SLUGS)
MARKUP = ["&", "<", ">", "&amp;", "&lt;b&gt;", "&#x26;", "&#38;", "<b>", "</b>",
          "AT&T", "&nbsp;", "&bogus;", "<script>alert(1)</script>", "]]>",
          '"', "'", "&#0;", "&#x1F600;", "<!--", "-->", "&amp;amp;",
          "\\"]  # fmt: skip
WORDS = ["Rapat", "LKKS", "bantuan", "Kalsel", "sosial"]
plain_words = st.lists(
    st.one_of(st.sampled_from(MARKUP), st.sampled_from(WORDS), line_text),
    min_size=1,
    max_size=6,
).map(" ".join)


@st.composite
def sites(draw):
    """A release (and maybe a page) whose metadata is fuzzed."""
    release = {
        "Title": "Rapat " + draw(plain_words),
        "Date": "2025-10-09 10:00",
        "Regencies": "Banjar",
    }
    if draw(st.booleans()):
        release["Summary"] = draw(plain_words)
    if draw(st.booleans()):
        release["Source"] = draw(mostly(st.sampled_from(ALLOWED_URLS), metadata_urls))
    if draw(st.integers(0, 7)) == 0:  # always refused: rarely, to fuzz the rest
        release[draw(st.sampled_from(["Save_as", "URL"]))] = draw(save_as_values)
    if draw(st.integers(0, 5)) == 0:
        release["Status"] = "draft"
    files = {"berita/terbit.md": PUBLISHED, "berita/fuzz.md": release}
    if draw(st.booleans()):
        page = {"Title": "Halaman " + draw(plain_words)}
        if draw(st.booleans()):
            page["Slug"] = draw(slugs)
        if draw(st.booleans()):
            good = st.sampled_from(
                ["profil/pengurus.html", "visi/index.html", "x.html"]
            )
            value = draw(mostly(good, save_as_values))
            page["Save_as"] = value
            page["URL"] = draw(
                st.one_of(
                    st.just(value),
                    st.just(value.removesuffix("index.html")),
                    metadata_urls,
                )
            )
        if draw(st.booleans()):
            page["Source"] = draw(mostly(st.sampled_from(ALLOWED_URLS), metadata_urls))
        if draw(st.integers(0, 3)) == 0:
            page["Status"] = draw(st.sampled_from(["draft", "hidden"]))
        files["pages/fuzz.md"] = page
    return files


def render(fields) -> str:
    if isinstance(fields, str):
        return fields
    header = "\n".join(f"{key}: {value}" for key, value in fields.items())
    return header + "\n\nIsi berita dengan kata LKKS.\n"


# -- what a good build looks like ----------------------------------------------


def titles_of(output: Path) -> dict:
    found = {}
    for relative in GENERATED:
        path = output / relative
        if path.exists():
            document = lxml.html.fromstring(path.read_bytes())
            found[relative] = " ".join(document.findtext(".//title").split())
    return found


_BASELINE = {}


def baseline() -> dict:
    """The generated pages' titles in a build of the published release alone."""
    if not _BASELINE:
        with tempfile.TemporaryDirectory() as folder:
            content = Path(folder) / "content"
            (content / "berita").mkdir(parents=True)
            (content / "berita" / "terbit.md").write_text(PUBLISHED, encoding="utf-8")
            output = Path(folder) / "output"
            build(content, output, PUBLISH_CONFIG, SITEURL=SITE, SEARCH_INDEX=False)
            _BASELINE.update(titles_of(output))
    return _BASELINE


def assert_no_dangerous_address(output: Path):
    for path in output.rglob("*.html"):
        document = lxml.html.fromstring(path.read_bytes())
        for element in document.iter():
            if not isinstance(element.tag, str):
                continue
            for attribute in URL_ATTRIBUTES:
                value = CONTROL.sub("", element.get(attribute) or "").lower()
                assert not DANGEROUS.match(value), (path, attribute, value)
    for path in [*output.rglob("*.xml"), *output.rglob("*.json")]:
        text = html.unescape(html.unescape(path.read_text(encoding="utf-8")))
        text = CONTROL.sub("", text).lower()
        for scheme in ("javascript:", "data:", "vbscript:"):
            for context in ('href="', "href='", "<link>", 'url="', '"url":"'):
                assert context + scheme not in text, (path, context + scheme)


def rendered(detail) -> str:
    """What a reader sees of a feed field: HTML rendered, text as it is."""
    if detail.type in ("text/html", "application/xhtml+xml"):
        if not detail.value.strip():
            return ""
        root = lxml.html.fragment_fromstring(detail.value, create_parent="div")
        return " ".join(root.text_content().split())
    return " ".join(detail.value.split())


def as_feedparser_reads(text: str) -> str:
    """feedparser "repairs" any text that is valid UTF-8 once re-encoded as
    Latin-1 ("Â¡" becomes "¡"), whoever wrote the feed: expect that too."""
    with contextlib.suppress(UnicodeEncodeError, UnicodeDecodeError):
        text = text.encode("iso-8859-1").decode("utf-8")
    return " ".join(text.split())


def assert_feeds_carry_the_intended_text(output: Path):
    feed = json.loads((output / "feeds" / "feed.json").read_text(encoding="utf-8"))
    intended = {item["url"]: item for item in feed["items"]}
    for name in ("rss.xml", "atom.xml"):
        parsed = feedparser.parse((output / "feeds" / name).read_bytes())
        assert not parsed.bozo, (name, parsed.get("bozo_exception"))
        assert len(parsed.entries) == len(intended)
        for entry in parsed.entries:
            item = intended[entry.link]
            assert rendered(entry.title_detail) == as_feedparser_reads(item["title"])
            summary = item.get("summary") or (
                item["title"] if name == "rss.xml" else ""
            )
            if "summary_detail" in entry:
                assert rendered(entry.summary_detail) == as_feedparser_reads(summary)
            else:
                assert not summary
    for item in feed["items"]:  # the JSON text is the article's own title
        path = item["url"].removeprefix(SITE + "/") + "index.html"
        heading = lxml.html.fromstring((output / path).read_bytes()).find(".//h1")
        assert " ".join(heading.text_content().split()) == " ".join(
            item["title"].split()
        )


def assert_nothing_generated_replaced(output: Path):
    assert titles_of(output) == baseline()
    channel = lxml.etree.fromstring((output / "feeds" / "rss.xml").read_bytes())
    assert channel.findtext("channel/title") == "Warta LKKS"
    sitemap = lxml.etree.fromstring((output / "sitemap.xml").read_bytes())
    assert sitemap.tag.endswith("urlset")
    robots = (output / "robots.txt").read_text(encoding="utf-8")
    assert robots.startswith("User-agent:")
    manifest = json.loads((output / "manifest.webmanifest").read_text("utf-8"))
    assert manifest["lang"] == "id"


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize="FUZZ_EXAMPLES" not in os.environ,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(sites())
def test_fuzzed_metadata_builds_safely_or_stops_for_the_editor(files):
    with tempfile.TemporaryDirectory() as folder:
        content = Path(folder) / "content"
        for relative, fields in files.items():
            path = content / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(render(fields), encoding="utf-8")
        output = Path(folder) / "output"
        stopped = None
        try:
            build(content, output, PUBLISH_CONFIG, SITEURL=SITE, SEARCH_INDEX=False)
        except BuildStopped as error:
            stopped = error
        if stopped is not None:
            event("stopped: " + ", ".join(sorted({p.code for p in stopped.problems})))
            assert stopped.problems
            assert not output.exists()
            for problem in stopped.problems:
                assert problem.message
                assert problem.hint
                assert problem.path.endswith(".md")
            return
        event("built")
        assert_no_dangerous_address(output)
        assert_nothing_generated_replaced(output)
        assert_feeds_carry_the_intended_text(output)
