"""Metadata can never publish a draft, a script or a collision: Save_as:,
URL:, Slug:, Template: and Source: either give a safe page or stop the build
with an editor message (never a traceback)."""

import json
import subprocess
from pathlib import Path

import pytest

from editorial.problems import ERROR, WARNING, BuildStopped
from tests.feeds import parse
from tests.sitebuild import (
    FIXTURES,
    PUBLISH_CONFIG,
    ROOT,
    build,
    hrefs,
    make,
    page,
    text_of,
    write_files,
)

SITE = "https://example.test"
PUBLISHED = "Title: Berita terbit\nDate: 2025-10-08 09:00\nRegencies: Banjar\n\nIsi.\n"
FEEDCHECK = ROOT.parent / "shared" / "tools" / "feedcheck" / "feedcheck"


def publish(tmp_path, files, **override):
    """Build ``files`` as ``make publish`` does; the problems if it stopped."""
    content = write_files(
        tmp_path / "content", {"berita/terbit.md": PUBLISHED, **files}
    )
    output = tmp_path / "output"
    try:
        build(content, output, PUBLISH_CONFIG, **{"SITEURL": SITE, **override})
    except BuildStopped as stopped:
        return output, stopped.problems, stopped.warnings
    return output, None, None


def codes(problems):
    return sorted(p.code for p in problems or [])


def everything_in(output: Path) -> str:
    return "\n".join(
        path.read_bytes().decode("utf-8", "replace")
        for path in sorted(output.rglob("*"))
        if path.is_file()
    )


# -- drafts and embargoed releases are never written --------------------------


DRAFT_PAGE = (
    "Title: Draf halaman\nStatus: draft\nSave_as: bocor.html\nURL: bocor.html\n\n"
    "RAHASIAHAL.\n"
)


def test_a_draft_page_with_save_as_is_written_nowhere(tmp_path):
    output, problems, _ = publish(tmp_path, {"pages/draf.md": DRAFT_PAGE})
    assert problems is None
    assert not (output / "bocor.html").exists()
    everything = everything_in(output)
    assert "RAHASIAHAL" not in everything
    assert "bocor" not in everything  # not in the sitemap either


def test_the_preview_writes_a_draft_page_in_the_draft_folder_only(
    tmp_path, monkeypatch
):
    monkeypatch.setenv("WARTA_PREVIEW", "1")
    content = write_files(tmp_path / "content", {"pages/draf.md": DRAFT_PAGE})
    build(content, tmp_path / "output")
    assert not (tmp_path / "output" / "bocor.html").exists()
    draft = page(tmp_path / "output", "draf/halaman/draf-halaman/index.html")
    assert "RAHASIAHAL" in text_of(draft)


@pytest.mark.parametrize("status", ["Status: draft", "Status: published"])
@pytest.mark.parametrize("date", ["2025-10-08", "2099-10-08"])
@pytest.mark.parametrize("field", ["Save_as: bocor.html", "URL: bocor.html"])
def test_save_as_and_url_are_refused_in_every_release(tmp_path, status, date, field):
    release = f"Title: Rilis\nDate: {date}\n{status}\n{field}\n\nRAHASIA.\n"
    output, problems, _ = publish(tmp_path, {"berita/rilis.md": release})
    assert codes(problems) == ["alamat-berita-diatur"]
    (found,) = problems
    assert found.line == 4
    assert f"baris {field.split(':')[0]}:" in found.message
    assert not output.exists()


@pytest.mark.parametrize(
    "value", ["index.html", "feeds/rss.xml", "javascript:alert(1)", "//evil.test/"]
)
def test_a_release_can_never_replace_a_generated_page(tmp_path, value):
    release = f"Title: Rilis\nDate: 2025-10-08\nSave_as: {value}\nURL: {value}\n\nX.\n"
    _, problems, _ = publish(tmp_path, {"berita/rilis.md": release})
    assert codes(problems) == ["alamat-berita-diatur", "alamat-berita-diatur"]


# -- pages: Save_as:/URL:/Slug: never collide with a generated page ------------

RESERVED_SAVE_AS = [
    "index.html",
    "2/index.html",
    "kabupaten/index.html",
    "kabupaten/banjar/index.html",
    "kabupaten/banjar/rss.xml",
    "kategori/berita/index.html",
    "topik/x.html",
    "arsip/index.html",
    "cari/index.html",
    "berita/2025/index.html",
    "feeds/rss.xml",
    "feeds/x.html",
    "pagefind/x.html",
    "theme/css/x.html",
    "sitemap.xml",
    "robots.txt",
    "manifest.webmanifest",
    "draf/x.html",
    "images/foto.html",
    "feeds",
    "cari",
]


@pytest.mark.parametrize("value", RESERVED_SAVE_AS)
def test_a_page_save_as_on_a_generated_page_is_an_error(tmp_path, value):
    files = {
        "pages/p.md": f"Title: Halaman\nSave_as: {value}\nURL: {value}\n\nX.\n",
        "images/foto.html": "<p>berkas statis</p>",
    }
    output, problems, _ = publish(tmp_path, files, STATIC_PATHS=["images"])
    assert problems, value
    assert codes(problems)[0] in ("alamat-halaman-bentrok", "alamat-halaman-salah")
    assert all(p.line == 2 for p in problems)
    assert not output.exists()


@pytest.mark.parametrize(
    "slug", ["kabupaten", "cari", "arsip", "topik", "kategori", "pagefind", "feeds",
             "berita", "draf", "theme", "2", "images"],
)  # fmt: skip
def test_a_page_slug_equal_to_a_generated_page_is_an_error(tmp_path, slug):
    files = {
        "pages/p.md": f"Title: Halaman\nSlug: {slug}\n\nX.\n",
        "images/index.html": "<p>berkas statis</p>",
        **{f"berita/r{n}.md": PUBLISHED.replace("terbit", f"r{n}") for n in range(12)},
    }
    _output, problems, _ = publish(tmp_path, files)
    assert codes(problems) == ["alamat-halaman-bentrok"], slug
    (found,) = problems
    assert found.line == 2
    assert f"/{slug}/" in found.message
    assert "Slug:" in found.hint


@pytest.mark.parametrize(
    "value", ["../luar.html", "/mutlak.html", "a/../../b.html", "tentang/", "x.php",
              ".tersembunyi.html", "a//b.html", "a\\b.html", "ruang kosong.html"],
)  # fmt: skip
def test_a_page_save_as_must_be_a_plain_relative_html_path(tmp_path, value):
    files = {"pages/p.md": f"Title: Halaman\nSave_as: {value}\n\nX.\n"}
    output, problems, _ = publish(tmp_path, files)
    assert codes(problems) == ["alamat-halaman-salah"], value
    assert not output.exists()


def test_a_page_url_must_match_its_save_as(tmp_path):
    files = {
        "pages/a.md": "Title: A\nURL: javascript:alert(1)\n\nX.\n",
        "pages/b.md": "Title: B\nSave_as: profil/b.html\nURL: profil/lain.html\n\nX.\n",
    }
    _, problems, _ = publish(tmp_path, files)
    assert codes(problems) == ["url-halaman-salah", "url-halaman-salah"]


def test_a_page_may_have_its_own_save_as_where_nothing_is_generated(tmp_path):
    files = {
        "pages/p.md": "Title: Pengurus\nSave_as: profil/pengurus.html\n"
        "URL: profil/pengurus.html\n\nDaftar pengurus.\n",
        "pages/q.md": "Title: Visi\nSave_as: visi/index.html\nURL: visi/\n\nVisi.\n",
    }
    output, problems, _ = publish(tmp_path, files)
    assert problems is None
    assert "Daftar pengurus." in text_of(page(output, "profil/pengurus.html"))
    home = page(output, "index.html")
    assert f"{SITE}/profil/pengurus.html" in hrefs(home)
    assert f"{SITE}/visi/" in hrefs(home)


def test_two_pages_on_the_404_page_are_a_duplicate(tmp_path):
    files = {
        "pages/404.md": (ROOT / "content" / "pages" / "404.md").read_text("utf-8"),
        "pages/lain.md": "Title: Lain\nSave_as: 404.html\nURL: 404.html\n\nX.\n",
    }
    _, problems, _ = publish(tmp_path, files)
    assert codes(problems) == ["alamat-ganda", "alamat-ganda"]


# -- Template: -----------------------------------------------------------------


def test_a_missing_template_is_an_error_and_releases_take_none(tmp_path):
    files = {
        "pages/p.md": "Title: Halaman\nTemplate: tidakada\n\nX.\n",
        "berita/r.md": "Title: Rilis\nDate: 2025-10-08\nTemplate: page\n\nX.\n",
    }
    output, problems, _ = publish(tmp_path, files)
    assert codes(problems) == ["templat-berita", "templat-tidak-ada"]
    missing = next(p for p in problems if p.code == "templat-tidak-ada")
    assert "“tidakada”" in missing.message
    assert "page, 404" in missing.hint
    assert not output.exists()


# -- Source: -------------------------------------------------------------------

HOSTILE_SOURCES = [
    "javascript://%0aalert(1)",
    "JaVaScRiPt:alert(1)",
    " javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "//evil.test/phish",
    "https:evil.test",
    "ftp://files.test/x",
    "http://",
]


@pytest.mark.parametrize("value", HOSTILE_SOURCES)
def test_a_source_that_is_not_an_http_address_is_an_error(tmp_path, value):
    release = f"Title: Rilis\nDate: 2025-10-08\nSource: {value}\n\nX.\n"
    output, problems, _ = publish(tmp_path, {"berita/rilis.md": release})
    assert codes(problems) == ["sumber-salah"], value
    assert problems[0].line == 3
    assert "https://" in problems[0].hint
    assert not output.exists()


@pytest.mark.parametrize(
    ("value", "link"),
    [
        ("diskominfomc.kalselprov.go.id", "https://diskominfomc.kalselprov.go.id/"),
        ("HTTPS://Kalselprov.go.id/berita?a=1&b=2", "https://Kalselprov.go.id/berita?a=1&b=2"),
        ("http://antara.test/x", "http://antara.test/x"),
        ("MC Kalsel/Rns", None),
        ("Antara.", None),
        ("&#106;avascript:alert(1)", None),
        ("javascript&colon;alert(1)", None),
    ],
)  # fmt: skip
def test_a_source_links_only_to_http_addresses(tmp_path, value, link):
    release = f"Title: Rilis\nDate: 2025-10-08\nSource: {value}\n\nX.\n"
    output, problems, _ = publish(tmp_path, {"berita/rilis.md": release})
    assert problems is None
    article = page(output, "berita/2025/10/rilis/index.html")
    (source,) = article.find_class("source")
    assert text_of(source) == f"Sumber: {value.strip()}"
    assert [a.get("href") for a in source.iter("a")] == ([link] if link else [])


# -- feeds: plain text that stays plain ------------------------------------------

AWKWARD_TITLE = 'Dinsos & LKKS <Kalsel> bahas &amp; "bantuan"'
AWKWARD_SUMMARY = "&lt;script&gt;alert(1)&lt;/script&gt; & <b>tebal</b> &amp;"
INTENDED_SUMMARY = "<script>alert(1)</script> & tebal &"


@pytest.fixture(scope="module")
def awkward_site(tmp_path_factory):
    output = tmp_path_factory.mktemp("awkward")
    build(FIXTURES / "metadata_text", output, PUBLISH_CONFIG, SITEURL=SITE)
    return output


def plain(detail):
    """What a reader of a feed field sees: HTML is rendered, text is text."""
    if detail.type == "text/html":
        import lxml.html

        return " ".join(
            lxml.html.fragment_fromstring(detail.value, create_parent="div")
            .text_content()
            .split()
        )
    return detail.value


def test_rss_titles_and_descriptions_reach_readers_as_the_intended_text(awkward_site):
    rss = parse(awkward_site, "feeds/rss.xml")
    (entry,) = [e for e in rss.entries if e.title_detail.value.startswith("Dinsos")]
    assert plain(entry.title_detail) == AWKWARD_TITLE
    assert plain(entry.summary_detail) == INTENDED_SUMMARY
    assert "<script" not in entry.summary


def test_rss_plain_text_uses_hexadecimal_references(awkward_site):
    raw = (awkward_site / "feeds" / "rss.xml").read_text(encoding="utf-8")
    (title,) = [line for line in raw.splitlines() if "<title>Bantuan" in line]
    assert title.strip() == (
        "<title>Bantuan &#x3C; 5 juta &#x26; sembako untuk 3 &gt; 2 desa</title>"
    )
    rss = parse(awkward_site, "feeds/rss.xml")
    (entry,) = [e for e in rss.entries if e.title.startswith("Bantuan")]
    assert entry.title_detail.type == "text/plain"
    assert entry.title == "Bantuan < 5 juta & sembako untuk 3 > 2 desa"
    assert plain(entry.summary_detail) == "Nilai bantuan < 5 juta & paket sembako."
    # Text that looks like markup is sent as the HTML that shows it, in hex too.
    (awkward,) = [line for line in raw.splitlines() if "Dinsos" in line]
    assert "&amp;" not in awkward
    assert "&lt;" not in awkward


def test_atom_and_json_feeds_carry_the_same_text(awkward_site):
    atom = parse(awkward_site, "feeds/atom.xml")
    (entry,) = [e for e in atom.entries if e.title.startswith("Dinsos")]
    assert plain(entry.title_detail) == AWKWARD_TITLE
    assert plain(entry.summary_detail) == INTENDED_SUMMARY
    feed = json.loads((awkward_site / "feeds" / "feed.json").read_text("utf-8"))
    (item,) = [i for i in feed["items"] if i["title"].startswith("Dinsos")]
    assert item["title"] == AWKWARD_TITLE
    assert item["summary"] == INTENDED_SUMMARY


@pytest.mark.slow
@pytest.mark.skipif(not FEEDCHECK.exists(), reason=f"{FEEDCHECK} is not present")
def test_feedcheck_accepts_awkward_titles_and_summaries(awkward_site):
    feeds = [awkward_site / "feeds" / "rss.xml", awkward_site / "feeds" / "atom.xml"]
    feeds += [awkward_site / "kabupaten" / "banjar" / "rss.xml"]
    result = subprocess.run(
        [str(FEEDCHECK), "--strict", *map(str, feeds)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    report = result.stdout + result.stderr
    assert result.returncode == 0, report
    assert report.count("RESULT    OK (0 error(s), 0 warning(s))") == 3, report


# -- tracebacks and wrong messages ---------------------------------------------

LONG_TITLE = "Rapat koordinasi lembaga kesejahteraan sosial " * 6  # ~280 chars


def test_a_very_long_title_builds_with_a_shortened_address(tmp_path):
    release = f"Title: {LONG_TITLE}\nDate: 2025-10-08\n\nIsi.\n"
    output, problems, _ = publish(tmp_path, {"berita/panjang.md": release})
    assert problems is None
    month = output / "berita" / "2025" / "10"
    (folder,) = [p for p in month.iterdir() if p.name.startswith("rapat-")]
    assert len(folder.name) <= 200
    assert not folder.name.endswith("-")


def test_a_very_long_title_is_a_warning_that_names_the_short_address(tmp_path):
    release = f"Title: {LONG_TITLE}\nDate: 2025-10-08\n\n"  # no body: stops
    _, problems, warnings = publish(tmp_path, {"berita/panjang.md": release})
    assert codes(problems) == ["isi-kosong"]
    (shortened,) = [w for w in warnings if w.code == "alamat-dipendekkan"]
    assert shortened.severity == WARNING
    assert shortened.line == 1
    assert "Slug:" in shortened.hint


def test_a_very_long_explicit_slug_is_an_error(tmp_path):
    release = f"Title: A\nDate: 2025-10-08\nSlug: {'kata-' * 60}akhir\n\nIsi.\n"
    _, problems, _ = publish(tmp_path, {"berita/panjang.md": release})
    assert codes(problems) == ["slug-terlalu-panjang"]
    assert problems[0].line == 3


def test_make_new_caps_the_file_name_of_a_long_title(tmp_path):
    result = make("new", f"TITLE={LONG_TITLE}", f"INPUTDIR={tmp_path}")
    assert result.returncode == 0, result.stderr
    (path,) = tmp_path.rglob("*.md")
    assert len(path.stem) <= 200
    build(tmp_path, tmp_path / "out", PUBLISH_CONFIG, SITEURL=SITE)


@pytest.mark.parametrize("title", ["!!!", "???", "—", "### !!!"])
def test_make_new_refuses_a_title_without_letters(tmp_path, title):
    result = make("new", f"TITLE={title}", f"INPUTDIR={tmp_path}")
    assert result.returncode != 0
    assert not list(tmp_path.rglob("*.md"))
    assert "huruf atau angka" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_file_that_is_not_utf8_is_reported_as_such(tmp_path):
    text = "Title: Bantuan\nDate: 2025-10-08\n\nIsi caf\xe9 di baris empat.\n"
    files = {"berita/latin.md": text.encode("latin-1")}
    _, problems, _ = publish(tmp_path, files)
    assert codes(problems) == ["bukan-utf8"]
    (found,) = problems
    assert found.line == 4
    assert "UTF-8" in found.message
    assert "UTF-8" in found.hint


def test_a_too_deeply_nested_list_is_reported_as_such(tmp_path):
    body = "".join("    " * depth + "- butir\n" for depth in range(400))
    files = {"berita/dalam.md": f"Title: Dalam\nDate: 2025-10-08\n\n{body}"}
    _, problems, _ = publish(tmp_path, files)
    assert codes(problems) == ["terlalu-bertingkat"]
    assert "bertingkat" in problems[0].message


def test_a_truncated_reader_cache_is_a_warning_not_a_failure(tmp_path, caplog):
    content = write_files(tmp_path / "content", {"berita/terbit.md": PUBLISHED})
    cache = tmp_path / "cache"
    caching = {
        "CACHE_CONTENT": True,
        "LOAD_CONTENT_CACHE": True,
        "CONTENT_CACHING_LAYER": "reader",
        "CACHE_PATH": str(cache),
    }
    build(content, tmp_path / "out", PUBLISH_CONFIG, SITEURL=SITE, **caching)
    readers = sorted(cache.glob("*-Readers"))
    assert readers
    for path in readers:
        path.write_bytes(b"")  # a build killed while saving it
    build(content, tmp_path / "out", PUBLISH_CONFIG, SITEURL=SITE, **caching)
    assert "Berita terbit" in text_of(page(tmp_path / "out", "index.html"))
    assert "rusak" in caplog.text
    # …and the next build has a good cache again.
    caplog.clear()
    build(content, tmp_path / "out", PUBLISH_CONFIG, SITEURL=SITE, **caching)
    assert "rusak" not in caplog.text


def test_every_new_message_is_an_editor_message():
    from editorial.messages import CATALOGUE

    for code in ["alamat-berita-diatur", "alamat-halaman-bentrok", "sumber-salah",
                 "alamat-halaman-salah", "url-halaman-salah", "templat-berita",
                 "templat-tidak-ada", "slug-terlalu-panjang", "bukan-utf8",
                 "terlalu-bertingkat"]:  # fmt: skip
        assert CATALOGUE[code][0] == ERROR, code
    assert CATALOGUE["alamat-dipendekkan"][0] == WARNING


@pytest.mark.parametrize("case", ["latin-1", "nested"])
def test_the_same_messages_in_an_archive_read_in_parallel(tmp_path, case):
    files = {
        f"berita/r{n:03}.md": PUBLISHED.replace("terbit", f"r{n}") for n in range(210)
    }
    if case == "latin-1":
        text = "Title: Bantuan\nDate: 2025-10-08\n\nIsi caf\xe9.\n"
        files["berita/latin.md"] = text.encode("latin-1")
    else:
        body = "".join("    " * depth + "- butir\n" for depth in range(400))
        files["berita/dalam.md"] = f"Title: Dalam\nDate: 2025-10-08\n\n{body}"
    _, problems, _ = publish(tmp_path, files, SEARCH_INDEX=False)
    assert codes(problems) == [
        {"latin-1": "bukan-utf8"}.get(case, "terlalu-bertingkat")
    ]
