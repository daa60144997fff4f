"""The admin's Pelican format (``newsroom/redaksi/admin/format.js``), run with Node.

``toFile(fromFile(x))`` must give back every fixture release byte for byte;
a file whose every field is written again must parse, in Pelican's Markdown
reader, to the same metadata and the same body; one edited field changes
one line; aliases are shown as registry names and stay as written.
"""

import json
import os
import subprocess

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsroom.release_file import Release
from newsroom.site_settings import load
from tests.real_parts import NODE, needs_node
from tests.sitebuild import CONFIG, CONTENT, FIXTURES, ROOT
from tests.test_fuzz import EXAMPLES, release_files

HARNESS = ROOT / "tests" / "redaksi_format_harness.js"

pytestmark = needs_node


class Format:
    """One Node process answering format requests."""

    def __init__(self):
        self.process = subprocess.Popen(
            [NODE, str(HARNESS)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            encoding="utf-8",
        )

    def ask(self, **request):
        self.process.stdin.write(json.dumps(request) + "\n")
        self.process.stdin.flush()
        answer = json.loads(self.process.stdout.readline())
        assert "error" not in answer, answer["error"]
        return answer

    def close(self):
        self.process.stdin.close()
        self.process.wait(timeout=30)


@pytest.fixture(scope="module")
def fmt():
    from newsroom.redaksi.config import regency_spellings

    running = Format()
    running.ask(regencies=regency_spellings(load(str(CONFIG))), slugMax=60)
    yield running
    running.close()


@pytest.fixture(scope="module")
def reader():
    from pelican.readers import MarkdownReader

    markdown = MarkdownReader(load(str(CONFIG)))
    markdown.process_metadata = lambda name, value: value  # the values as read
    return markdown


def parsed(reader, tmp_path, text):
    source = tmp_path / "rilis.md"
    source.write_bytes(text.encode("utf-8"))
    body, metadata = reader.read(str(source))
    return body, metadata


def fixture_releases():
    files = sorted(FIXTURES.rglob("*.md")) + sorted(CONTENT.rglob("*.md"))
    return [path for path in files if path.is_file()]


HAND_MADE = {
    "crlf": "Title: Rapat\r\nDate: 2025-10-08\r\n\r\nIsi.\r\n",
    "bom": "\ufeffTitle: Rapat\nDate: 2025-10-08\n\nIsi.\n",
    "tabs": "Title:\tRapat\tbesar\nSummary: satu\n\tdua\n\nIsi.\n",
    "continued": "Title: Rapat\nSummary: satu\n    dua\n        tiga\n\nIsi\n",
    "yaml-fences": "---\nTitle: Rapat\nDate: 2025-10-08\n---\nIsi.\n",
    "dots-end": "Title: Rapat\n...\nIsi.\n",
    "no-blank-line": "Title: Rapat\nIni isi berita tanpa baris kosong.\n",
    "spaces-line": "Title: Rapat\n   \nIsi.\n",
    "no-final-newline": "Title: Rapat\n\nIsi.",
    "header-only": "Title: Rapat\nDate: 2025-10-08",
    "body-only": "\nIsi tanpa metadata.\n",
    "empty": "",
    "repeated-key": "Title: Satu\nTitle: Dua\nDate: 2025-10-08\n\nIsi.\n",
    "indented-key": "   Title: Rapat\n    lanjut\n\nIsi.\n",
    "separators": "Title: Rapat\x1c\nTags: a,,b , c\n\nIsi\x1f.\n",
    "empty-values": "Title: Rapat\nCategory:\nStatus:\n\nIsi.\n",
    "unicode-space": "Title:\u3000Rapat\u00a0\nAuthor: \u2003MC\n\nIsi.\n",
    "lone-cr": "Title: Rapat\rDate: 2025-10-08\r\rIsi.\r",
}


def normalised(metadata: dict) -> dict:
    """What the build reads: regencies as registry entries (a rewrite writes
    ``Tanbu`` as ``Tanah Bumbu``); an empty form field writes no line at all."""
    from newsroom.site_settings import registry_of
    from regency_tags.matching import RegencyMatcher

    kept = {key: value for key, value in metadata.items() if value not in ("", [])}
    if kept.get("status") == "published":
        del kept["status"]
    if isinstance(kept.get("tags"), str):  # Pelican splits tags at commas
        kept["tags"] = [tag.strip() for tag in kept["tags"].split(",") if tag.strip()]
    if "regencies" in kept:
        found, unknown = RegencyMatcher(registry_of({})).match_all(kept["regencies"])
        kept["regencies"] = [info.name for info in found] + unknown
    return {key: value for key, value in kept.items() if value not in ("", [])}


def assert_same_in_pelican(reader, tmp_path, original, rewritten):
    body, metadata = parsed(reader, tmp_path, original)
    again_body, again_metadata = parsed(reader, tmp_path, rewritten)
    assert again_body == body
    assert normalised(again_metadata) == normalised(metadata)


@pytest.mark.parametrize(
    "path", fixture_releases(), ids=lambda p: str(p.relative_to(ROOT))
)
def test_every_fixture_release_round_trips_byte_for_byte(fmt, reader, tmp_path, path):
    text = path.read_text(encoding="utf-8")
    assert fmt.ask(text=text, mode="unedited")["text"] == text
    assert_same_in_pelican(
        reader, tmp_path, text, fmt.ask(text=text, mode="rewrite")["text"]
    )


@pytest.mark.parametrize("name", sorted(HAND_MADE))
def test_python_markdown_meta_rules(fmt, reader, tmp_path, name):
    text = HAND_MADE[name]
    assert fmt.ask(text=text, mode="unedited")["text"] == text
    rewritten = fmt.ask(text=text, mode="rewrite")["text"]
    if name in ("continued", "tabs", "repeated-key", "indented-key"):
        # A title continued on a second line is a list in Pelican; the form
        # shows (and a rewrite writes) one line. Compare the summary only.
        body, metadata = parsed(reader, tmp_path, text)
        again_body, again = parsed(reader, tmp_path, rewritten)
        assert again_body == body
        assert again.get("summary") == metadata.get("summary")
        return
    assert_same_in_pelican(reader, tmp_path, text, rewritten)


@settings(
    max_examples=EXAMPLES * 5,
    deadline=None,
    derandomize="FUZZ_EXAMPLES" not in os.environ,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                           HealthCheck.function_scoped_fixture],
)  # fmt: skip
@given(text=release_files(), line_ending=st.sampled_from(["\n", "\r\n"]))
def test_fuzzing_corpus_round_trips(fmt, reader, tmp_path, text, line_ending):
    text = text.replace("\n", line_ending)
    assert fmt.ask(text=text, mode="unedited")["text"] == text
    rewritten = fmt.ask(text=text, mode="rewrite")["text"]
    body, metadata = parsed(reader, tmp_path, text)
    again_body, again = parsed(reader, tmp_path, rewritten)
    assert again_body == body
    assert normalised(again) == normalised(metadata)


ALIAS = FIXTURES / "redaksi" / "berita" / "2024" / "alias-tanbu.md"


def test_aliases_show_as_registry_names_and_survive_an_unrelated_edit(fmt):
    text = ALIAS.read_text(encoding="utf-8")
    answer = fmt.ask(
        text=text, mode="edit", edit={"title": "Bakti Sosial di Batulicin"}
    )
    assert answer["form"]["regencies"] == ["Tanah Bumbu", "Banjar"]
    before, after = text.splitlines(), answer["text"].splitlines()
    assert len(before) == len(after)
    changed = [i for i, (a, b) in enumerate(zip(before, after, strict=True)) if a != b]
    assert changed == [0]
    assert after[0] == "Title: Bakti Sosial di Batulicin"
    assert "Regencies: Tanbu, Kab. Banjar" in after
    assert "Unknown_key: dipertahankan apa adanya" in after


def test_an_edited_field_changes_its_line_only(fmt):
    text = ALIAS.read_text(encoding="utf-8").replace("\n", "\r\n")
    answer = fmt.ask(text=text, mode="edit",
                     edit={"regencies": ["Tanah Bumbu", "Tapin"]})  # fmt: skip
    expected = text.replace(
        "Regencies: Tanbu, Kab. Banjar", "Regencies: Tanah Bumbu, Tapin"
    )
    assert answer["text"] == expected
    summary = fmt.ask(
        text=text, mode="edit", edit={"summary": "Baris satu.\n\nBaris dua."}
    )
    assert "Summary: Baris satu.\r\n    Baris dua.\r\n" in summary["text"]
    added = fmt.ask(text=text, mode="edit", edit={"source": "https://kalselprov.go.id"})
    lines = added["text"].split("\r\n")
    assert (
        lines[lines.index("Author: MC Kalsel/Rns") + 1]
        == "Source: https://kalselprov.go.id"
    )


def test_a_new_release_is_written_in_the_canonical_order(fmt):
    data = {
        "status": "draft", "body": "Isi berita.", "image_alt": "Peserta rapat",
        "image": "images/rapat.png", "regencies": ["Banjar", "Tapin"],
        "title": "Rapat Koordinasi LKS — Tahap 2", "date": "2026-03-15 09:30",
        "tags": ["LKKS", "Rapat"], "category": "Kegiatan", "summary": "",
        "author": "", "extra_key": "x",
    }  # fmt: skip
    assert fmt.ask(data=data, mode="new")["text"] == (
        "Title: Rapat Koordinasi LKS — Tahap 2\n"
        "Slug: rapat-koordinasi-lks-tahap-2\n"
        "Date: 2026-03-15 09:30\n"
        "Category: Kegiatan\n"
        "Tags: LKKS, Rapat\n"
        "Regencies: Banjar, Tapin\n"
        "Image: images/rapat.png\n"
        "Image_alt: Peserta rapat\n"
        "Status: draft\n"
        "extra_key: x\n"
        "\n"
        "Isi berita.\n"
    )


def test_the_canonical_order_is_release_files_order():
    """format.js writes the fields newsroom/release_file.py writes, in its order."""
    release = Release(title="t", slug="s", date="d", category="c", body="b",
                      tags=["t"], author="a", source="s", regencies=["r"],
                      summary="s", status="draft")  # fmt: skip
    theirs = [
        line.split(":")[0]
        for line in release.to_markdown().split("\n\n")[0].splitlines()
    ]
    script = (ROOT / "newsroom/redaksi/admin/format.js").read_text(encoding="utf-8")
    ours = [name for name in __import__("re").findall(r'\["\w+", "(\w+)"\]', script)]
    assert [name for name in ours if name in theirs] == theirs


def test_a_long_title_gives_a_slug_cut_at_a_word(fmt):
    title = (
        "Rapat Koordinasi Lembaga Kesejahteraan Sosial se-Kalimantan Selatan Tahun 2026"
    )
    text = fmt.ask(data={"title": title, "body": "Isi."}, mode="new")["text"]
    slug = text.splitlines()[1]
    assert slug == "Slug: rapat-koordinasi-lembaga-kesejahteraan-sosial-se-kalimantan"
    assert len(slug) - len("Slug: ") <= 60
