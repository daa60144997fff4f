"""The header is read exactly as Python-Markdown's meta extension reads it:
a line that ends the metadata early, a field left in the body, ``Lang:``
(which would choose an address), ``Status: hidden`` on a release and an HTML
file under ``content/berita/`` never publish anything silently."""

from pathlib import Path

import pytest

from editorial.problems import ERROR, BuildStopped
from tests.sitebuild import PUBLISH_CONFIG, build, write_files

SITE = "https://example.test"
PUBLISHED = "Title: Berita terbit\nDate: 2025-10-08 09:00\nRegencies: Banjar\n\nIsi.\n"
SECRET = "RAHASIA-REG"


def publish(tmp_path, files):
    """Build ``files`` as ``make publish`` does: (output, errors, warnings)."""
    content = write_files(
        tmp_path / "content", {"berita/terbit.md": PUBLISHED, **files}
    )
    output = tmp_path / "output"
    try:
        build(content, output, PUBLISH_CONFIG, SITEURL=SITE)
    except BuildStopped as stopped:
        return output, stopped.problems, stopped.warnings
    return output, [], []


def everything_in(output: Path) -> str:
    if not output.exists():
        return ""
    return "\n".join(
        path.read_bytes().decode("utf-8", "replace")
        for path in sorted(output.rglob("*"))
        if path.is_file()
    )


def found(problems, code):
    return [(p.code, p.line) for p in problems if p.code == code]


# -- a header that Python-Markdown ends early ---------------------------------

BROKEN_HEADERS = {
    "space-before-colon": ("Regencies : Banjar", "metadata-nama-salah"),
    "status-space-before-colon": ("Status : draft", "metadata-nama-salah"),
    "accented-key": ("Kabupatén: Banjar", "metadata-nama-salah"),
    "tab-before-colon": ("Regencies\t: Banjar", "metadata-nama-salah"),
    "dotted-key": ("Og.image: gambar.jpg", "metadata-nama-salah"),
    "no-colon": ("Banjar", "metadata-rusak"),
    "indented-1-to-3-spaces-no-colon": ("  lanjutan", "metadata-rusak"),
    "fence-without-opening": ("---", "metadata-rusak"),
    "dots-line": ("...", "metadata-rusak"),
}


@pytest.mark.parametrize("name", sorted(BROKEN_HEADERS))
def test_a_line_that_ends_the_header_early_stops_the_build(tmp_path, name):
    line, code = BROKEN_HEADERS[name]
    draft = f"Title: Reg draf\nDate: 2025-11-03\n{line}\nStatus: draft\n\n{SECRET}\n"
    output, errors, _ = publish(tmp_path, {"berita/draf.md": draft})
    assert found(errors, code) == [(code, 3)], errors
    assert all(p.severity == ERROR for p in errors if p.code == code)
    assert SECRET not in everything_in(output)


@pytest.mark.parametrize(
    "header",
    [
        "Status:draft",  # Markdown needs no space after the colon
        "Status: Draft",
        "  Status: draft",  # up to three spaces before a key are allowed
    ],
)
def test_status_draft_written_as_markdown_accepts_it_stays_a_draft(tmp_path, header):
    draft = f"Title: Reg draf\nDate: 2025-11-03\n{header}\n\n{SECRET}\n"
    output, errors, _ = publish(tmp_path, {"berita/draf.md": draft})
    assert errors == []
    assert SECRET not in everything_in(output)


def test_a_bom_at_the_start_is_read_as_pelican_reads_it(tmp_path):
    draft = f"\ufeffTitle: Reg draf\nDate: 2025-11-03\nStatus: draft\n\n{SECRET}\n"
    output, errors, _ = publish(tmp_path, {"berita/draf.md": draft})
    assert errors == []
    assert SECRET not in everything_in(output)
    bom = "\ufeffTitle: Dengan BOM\nDate: 2025-11-03\nRegencies: Banjar\n\nIsi BOM.\n"
    output, errors, _ = publish(tmp_path / "2", {"berita/bom.md": bom})
    assert errors == []
    assert "Dengan BOM" in everything_in(output)


def test_a_yaml_fenced_header_is_read_and_its_status_kept(tmp_path):
    draft = f"---\nTitle: Reg draf\nDate: 2025-11-03\nStatus: draft\n---\n\n{SECRET}\n"
    output, errors, _ = publish(tmp_path, {"berita/draf.md": draft})
    assert errors == []
    assert SECRET not in everything_in(output)


@pytest.mark.parametrize(
    ("text", "line", "code"),
    [
        # a line of spaces ends the header as a blank line does
        (
            "Title: Reg draf\nDate: 2025-11-03\n   \nStatus: draft\n\n{s}\n",
            4,
            "metadata-di-isi",
        ),
        (
            "Title: Reg draf\nDate: 2025-11-03\n\t\nStatus: draft\n\n{s}\n",
            4,
            "metadata-di-isi",
        ),
        # two blank lines
        (
            "Title: Reg draf\nDate: 2025-11-03\n\n\nStatus: draft\n\n{s}\n",
            5,
            "metadata-di-isi",
        ),
        # a YAML header closed before the Status line
        (
            "---\nTitle: Reg draf\nDate: 2025-11-03\n---\nStatus: draft\n\n{s}\n",
            5,
            "metadata-di-isi",
        ),
        # indented four spaces: a continuation of Date
        (
            "Title: Reg draf\nDate: 2025-11-03\n    Status: draft\n\n{s}\n",
            3,
            "metadata-menjorok",
        ),
        (
            "Title: Reg draf\nDate: 2025-11-03\n\tStatus: draft\n\n{s}\n",
            3,
            "metadata-menjorok",
        ),
    ],
)
def test_a_field_markdown_reads_as_body_text_stops_the_build(
    tmp_path, text, line, code
):
    output, errors, _ = publish(tmp_path, {"berita/draf.md": text.format(s=SECRET)})
    assert [(p.code, p.line) for p in errors] == [(code, line)], errors
    assert SECRET not in everything_in(output)


def test_body_text_with_a_colon_is_not_taken_for_a_field(tmp_path):
    text = (
        "Title: Rapat\nDate: 2025-11-03\nRegencies: Banjar\n\n"
        "Catatan: rapat dimulai pukul 09.00.\nSumber: panitia.\n"
    )
    output, errors, _ = publish(tmp_path, {"berita/rapat.md": text})
    assert errors == []
    assert "Catatan: rapat dimulai" in everything_in(output)


@pytest.mark.parametrize(
    ("status", "code"),
    [
        ("Status: draf", "status-salah"),
        ("Status: published\nStatus: draft", "baris-ganda"),
    ],
)
def test_a_status_that_is_not_exactly_draft_stops_the_build(tmp_path, status, code):
    text = f"Title: Reg draf\nDate: 2025-11-03\n{status}\n\n{SECRET}\n"
    output, errors, _ = publish(tmp_path, {"berita/draf.md": text})
    assert [p.code for p in errors] == [code], errors
    assert SECRET not in everything_in(output)


def test_an_empty_status_publishes_as_redaksi_writes_it(tmp_path):
    """make redaksi writes "Status:" with no value when a draft is published."""
    text = (
        "Title: Terbit\nDate: 2025-11-03\nRegencies: Banjar\nStatus:\n\nIsi terbit.\n"
    )
    output, errors, _ = publish(tmp_path, {"berita/terbit2.md": text})
    assert errors == []
    assert "Isi terbit." in everything_in(output)


# -- Lang: would choose the address -------------------------------------------


@pytest.mark.parametrize(
    "value",
    [
        "x/../../../../feeds",
        "x/../../../../kategori/berita",
        "../../../../../tmp/x",
        "en",
    ],
)
def test_lang_in_a_release_stops_the_build(tmp_path, value):
    text = f"Title: Bahasa\nDate: 2025-11-03\nLang: {value}\n\n{SECRET}\n"
    output, errors, _ = publish(tmp_path, {"berita/bahasa.md": text})
    assert [(p.code, p.line) for p in errors] == [("bahasa-diatur", 3)], errors
    assert SECRET not in everything_in(output)


@pytest.mark.parametrize("value", ["x/../../feeds", "../../../../tmp/y", "id"])
def test_lang_in_a_page_stops_the_build(tmp_path, value):
    text = f"Title: Profil\nLang: {value}\n\n{SECRET}\n"
    output, errors, _ = publish(tmp_path, {"pages/profil.md": text})
    assert [(p.code, p.line) for p in errors] == [("bahasa-diatur", 2)], errors
    assert SECRET not in everything_in(output)


# -- Status: hidden -------------------------------------------------------------


def test_a_hidden_release_stops_the_build_with_a_fix(tmp_path):
    text = (
        "Title: Hid\nDate: 2025-01-01\nCategory: Kelembagaan\n"
        f"Tags: Khusus Rahasia\nStatus: hidden\n\n{SECRET}\n"
    )
    output, errors, _ = publish(tmp_path, {"berita/hid.md": text})
    assert [(p.code, p.line) for p in errors] == [("status-tersembunyi", 5)]
    assert "Status: draft" in errors[0].render(str(tmp_path))
    assert SECRET not in everything_in(output)


def test_a_hidden_page_is_still_allowed(tmp_path):
    text = "Title: Tersembunyi\nStatus: hidden\n\nIsi halaman.\n"
    output, errors, _ = publish(tmp_path, {"pages/tersembunyi.md": text})
    assert errors == []
    assert (output / "tersembunyi" / "index.html").exists()


# -- only Markdown is read ------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    ["berita/rilis.html", "berita/2025/rilis.htm", "pages/p.html", "berita/r.rst"],
)
def test_a_file_in_another_format_is_reported_and_never_published(
    tmp_path, caplog, name
):
    text = (
        "<html><head><title>Rilis HTML</title>"
        '<meta name="date" content="2025-11-03"></head>'
        f"<body><p>{SECRET}</p></body></html>\n"
    )
    output, errors, _ = publish(tmp_path, {name: text})
    assert errors == []
    reported = [
        r.getMessage()
        for r in caplog.records
        if "bukan Markdown" in r.getMessage() and r.levelname == "WARNING"
    ]
    assert len(reported) == 1, reported
    assert name in reported[0]
    assert SECRET not in everything_in(output)
