"""Nothing an editor pastes runs script in a reader's browser or a syndicator's site."""

import lxml.html
import pytest
from lxml import etree

from editorial.checker import check_content
from safe_html.sanitise import sanitise
from tests.feeds import parse
from tests.sitebuild import CONFIG, FIXTURES, PUBLISH_CONFIG, build, page

ARTICLE = "berita/2025/11/rilis-yang-ditempel-dari-situs-lain/index.html"
DANGEROUS = ["<script", "<iframe", "<object", "javascript:", "data:image", "onclick",
             "onmouseover", "style=", "alert(", "XSS"]  # fmt: skip


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    output = tmp_path_factory.mktemp("hostile")
    build(FIXTURES / "hostile", output, PUBLISH_CONFIG, SITEURL="https://example.test")
    return output


def test_pages_keep_what_releases_need_and_drop_what_runs(hostile_site):
    body = page(hostile_site, ARTICLE).find_class("body")[0]
    html = etree.tostring(body, encoding="unicode")
    for danger in DANGEROUS:
        assert danger not in html, danger
    links = {a.text_content(): a.get("href") for a in body.iter("a")}
    assert links["tautan baik"] == "https://kalselprov.go.id/"
    assert links["tautan jahat"] is None
    assert body.xpath(
        "//td[@class='rata-right']"
    )  # table alignment survives as a class
    assert "Teks terakhir yang aman." in body.text_content()
    assert "Paragraf bergaya." in body.text_content()


def test_every_output_file_is_free_of_the_pasted_script(hostile_site):
    for path in hostile_site.rglob("*"):
        if path.suffix in {".html", ".xml", ".json"}:
            text = path.read_text(encoding="utf-8")
            for danger in ["javascript:", "onclick", "curi()", "XSS", "alert("]:
                assert danger not in text, (path, danger)
            if path.suffix == ".html":
                # The theme's only scripts: structured data and the search page's file.
                document = lxml.html.fromstring(text)
                for script in document.iter("script"):
                    assert script.get("type") == "application/ld+json" or (
                        script.get("src", "").endswith(".js")
                        and not (script.text or "").strip()
                    ), path


def test_feeds_carry_the_sanitised_html_and_summary(hostile_site):
    entry = parse(hostile_site, "feeds/rss.xml").entries[0]
    assert entry.summary == "Ringkasan dengan tebal."
    content = entry.content[0].value
    assert "tautan baik" in content
    for danger in DANGEROUS:
        assert danger not in content, danger


def test_the_editor_is_told_what_was_removed():
    problems = check_content(str(CONFIG), str(FIXTURES / "hostile"))
    (removed,) = [p for p in problems if p.code == "html-dibuang"]
    assert removed.severity == "warning"
    assert removed.path.endswith("tempelan.md")
    assert removed.line == 6
    expected = [
        "<script>",
        "<iframe>",
        "<object>",
        "atribut onclick pada <a>",
        "atribut style pada <p>",
        "alamat javascript:",
        "alamat data:",
    ]
    for words in expected:
        assert words in removed.message, words


@pytest.mark.parametrize(
    "markdown_html",
    [
        "<p>Biasa <em>miring</em> <strong>tebal</strong> “kutip” &amp; &lt;5</p>",
        '<p><img alt="Foto" src="{static}/images/a.jpg"></p>',
        '<figure><img alt="a" src="/a.jpg"><figcaption>Ket</figcaption></figure>',
        "<ul>\n<li>satu</li>\n</ul>\n<ol>\n<li>dua</li>\n</ol>",
        "<blockquote>\n<p>kutipan</p>\n</blockquote>",
        '<h2 id="bagian">Bagian</h2>\n<h3>Sub</h3>',
        '<p><a href="mailto:humas@example.test">surel</a> <a href="#atas">atas</a></p>',
    ],
)
def test_what_press_releases_need_passes_unchanged(markdown_html):
    assert sanitise(markdown_html) == (markdown_html, [])


def test_a_cached_rebuild_sanitises_the_same_and_still_warns(
    tmp_path, caplog, monkeypatch
):
    """With the content cache on, results come from safe-html.pickle: the same
    pages, nh3 not run again, and the editor is still told what was removed."""
    import safe_html

    cached = {"CACHE_CONTENT": True, "LOAD_CONTENT_CACHE": True,
              "CONTENT_CACHING_LAYER": "reader", "CACHE_PATH": str(tmp_path / "c"),
              "SITEURL": "https://x.test"}  # fmt: skip
    first, second = tmp_path / "first", tmp_path / "second"
    build(FIXTURES / "hostile", first, PUBLISH_CONFIG, **cached)
    assert (tmp_path / "c" / "safe-html.pickle").is_file()

    def not_again(html):
        raise AssertionError("sanitised again instead of taken from the memo")

    monkeypatch.setattr(safe_html, "sanitise", not_again)
    caplog.clear()
    build(FIXTURES / "hostile", second, PUBLISH_CONFIG, **cached)
    assert (first / ARTICLE).read_bytes() == (second / ARTICLE).read_bytes()
    assert "alert(" not in (second / ARTICLE).read_text("utf-8")
    told = [r.getMessage() for r in caplog.records if "tempelan.md" in r.getMessage()]
    assert any("<script>" in message for message in told)
