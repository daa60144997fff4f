"""Fuzzed release files: every build either succeeds with well-formed pages
and feeds, or stops with a message for the editor. Never a traceback.

FUZZ_EXAMPLES=500 make test PYTESTOPTS="-k fuzz" runs a longer, random
campaign; by default a fixed (derandomised) set runs in CI.
"""

import json
import os
import tempfile
from pathlib import Path

import feedparser
import lxml.etree
import lxml.html
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from editorial.problems import BuildStopped
from tests.sitebuild import PUBLISH_CONFIG, build

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "40"))

HTML_SNIPPETS = [
    "<script>alert(1)</script>", "</title><script>x()</script>", "<iframe src=x>",
    '<a href="javascript:alert(1)">j</a>', '<img src=x onerror="alert(1)">',
    "<style>body{display:none}</style>", "<!--", "]]>", "<![CDATA[", "&bogus;",
    "&#0;", "&#x1F600;", "<b><i>unclosed", "</div></main>", "{static}/images/x.jpg",
    "<svg onload=alert(1)>", "<object data=x>", '"><', "\\", "*", "#", "|a|b|\n|-|-|",
]  # fmt: skip
REGENCY_VALUES = ["Banjar", "Kota Banjarmasin", "Tanbu", "HSS", "Kota Baru", "Banjr",
                  "Jakarta", "", ",,,", "Banjar, Banjar", "<b>Tapin</b>"]  # fmt: skip
DATES = ["2025-10-08", "2025-10-08 09:30", "2024-02-29 23:59", "2026-13-45",
         "2025-02-30", "kemarin", "", "1900-01-01", "9999-12-31 23:59",
         "2025-10-08T09:30:00+08:00"]  # fmt: skip

any_text = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=80
)
line_text = any_text.map(lambda s: s.replace("\n", " ").replace("\r", " "))
fragment = st.one_of(any_text, st.sampled_from(HTML_SNIPPETS))
paragraph = st.lists(fragment, min_size=1, max_size=6).map("".join)
long_line = st.integers(min_value=2_000, max_value=20_000).map(
    lambda n: "kata " * (n // 5)
)


def mostly(good, bad):
    """``good`` seven times in eight: most examples should build, to fuzz the
    whole pipeline (pages, feeds) and not only the checks that stop it."""
    return st.integers(0, 7).flatmap(lambda n: bad if n == 0 else good)


titles = st.tuples(
    st.sampled_from(["Rapat", "Bantuan", "Kunjungan"]),
    st.lists(st.one_of(line_text, st.sampled_from(HTML_SNIPPETS)), max_size=3),
).map(lambda t: " ".join([t[0], *t[1]]))


@st.composite
def release_files(draw):
    fields = {
        "Title": draw(
            mostly(titles, st.one_of(line_text, st.sampled_from(HTML_SNIPPETS)))
        ),
        "Date": draw(
            mostly(
                st.sampled_from(DATES[:3]), st.one_of(st.sampled_from(DATES), line_text)
            )
        ),
    }
    optional = {
        "Regencies": mostly(
            st.sampled_from(REGENCY_VALUES[:5]), st.sampled_from(REGENCY_VALUES)
        ),
        "Summary": st.one_of(line_text, st.sampled_from(HTML_SNIPPETS)),
        "Tags": line_text,
        "Category": line_text,
        "Author": line_text,
        "Slug": mostly(
            st.from_regex(r"[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,3}", fullmatch=True),
            line_text,
        ),
        "Status": st.sampled_from(["draft", "published", "hidden", "aneh"]),
        "Modified": mostly(st.sampled_from(DATES[:3]), st.sampled_from(DATES)),
        draw(st.from_regex(r"[A-Za-z][A-Za-z_]{0,10}", fullmatch=True)): line_text,
    }
    for key, strategy in optional.items():
        if draw(st.booleans()):
            fields[key] = draw(strategy)
    body = draw(
        mostly(
            st.lists(st.one_of(paragraph, long_line), min_size=1, max_size=5).map(
                lambda ps: ["Paragraf pembuka.", *ps]
            ),
            st.lists(st.one_of(paragraph, long_line), max_size=5),
        )
    )
    header = "\n".join(f"{key}: {value}" for key, value in fields.items())
    return header + "\n\n" + "\n\n".join(body) + "\n"


def assert_well_formed(output: Path):
    for page in output.rglob("*.html"):
        document = lxml.html.fromstring(page.read_bytes())
        assert len(document.xpath("//main")) == 1, page
        for script in document.iter("script"):  # nothing injected runs
            if script.get("type") == "application/ld+json":
                json.loads(script.text)  # structured data stays valid JSON
            else:
                assert script.get("src", "").endswith(".js"), page
                assert not (script.text or "").strip(), page
        assert len(document.xpath("//head/title")) == 1, page
    for feed in output.rglob("*.xml"):
        lxml.etree.fromstring(feed.read_bytes())  # strict XML: raises if malformed
        parsed = feedparser.parse(feed.read_bytes())
        assert not parsed.bozo, (feed, parsed.get("bozo_exception"))
    for feed in output.rglob("*.json"):
        json.loads(feed.read_text(encoding="utf-8"))


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize="FUZZ_EXAMPLES" not in os.environ,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(st.lists(release_files(), min_size=1, max_size=3))
def test_fuzzed_releases_build_or_stop_for_the_editor(files):
    with tempfile.TemporaryDirectory() as folder:
        content = Path(folder) / "content"
        (content / "berita").mkdir(parents=True)
        for number, text in enumerate(files):
            (content / "berita" / f"rilis-{number}.md").write_text(
                text, encoding="utf-8"
            )
        output = Path(folder) / "output"
        stopped = None
        try:
            build(content, output, PUBLISH_CONFIG, SITEURL="https://example.test")
        except BuildStopped as error:
            stopped = error
        if stopped is None:
            event("built")
            assert_well_formed(output)
            return
        event("stopped: " + ", ".join(sorted({p.code for p in stopped.problems})))
        assert stopped.problems
        for problem in stopped.problems:
            assert problem.message
            assert problem.hint
            assert problem.path.endswith(".md")
