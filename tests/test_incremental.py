"""A publish rebuild after an edit equals a cold build, on a larger corpus than
the oracle's, and never writes into the previous output."""

import shutil

import pytest

from benchmarks.corpus import write_corpus
from search_index.indexing import unstable_file
from tests.oracle import snapshot
from tests.sitebuild import PUBLISH_CONFIG, build

SITE = "https://example.test"


def tree(folder):
    return {
        p.relative_to(folder).as_posix(): p
        for p in folder.rglob("*")
        if p.is_file() and not unstable_file(p.relative_to(folder).as_posix())
    }


def publish(content, output, previous=None):
    extra = {"PREVIOUS_OUTPUT_PATH": str(previous)} if previous else {}
    build(content, output, PUBLISH_CONFIG, SITEURL=SITE, **extra)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return write_corpus(80, tmp_path_factory.mktemp("corpus"))


@pytest.mark.parametrize(
    "edit",
    ["body", "summary", "title", "regencies", "new release", "deleted release"],
)
def test_edited_rebuild_equals_a_cold_build(tmp_path, corpus, edit):
    content = tmp_path / "content"
    shutil.copytree(corpus, content)
    first = tmp_path / "first"
    publish(content, first)

    release = sorted((content / "berita").rglob("*.md"))[40]
    text = release.read_text(encoding="utf-8")
    if edit == "body":
        text += "\nKalimat tambahan hasil suntingan.\n"
    elif edit == "summary":
        text = text.replace("Summary: ", "Summary: Ringkasan baru. ", 1)
    elif edit == "title":
        text = text.replace("Title: ", "Title: Judul Baru ", 1)
    elif edit == "regencies":
        text = text.replace("Regencies: ", "Regencies: Tapin, ", 1)
    if edit == "new release":
        (content / "berita" / "baru.md").write_text(
            "Title: Rilis baru\nDate: 2025-12-01 10:00\nRegencies: Balangan\n\nIsi.\n",
            encoding="utf-8",
        )
    elif edit == "deleted release":
        release.unlink()
    else:
        release.write_text(text, encoding="utf-8")

    rebuilt, cold = tmp_path / "rebuilt", tmp_path / "cold"
    before = snapshot(first)
    publish(content, rebuilt, previous=first)
    assert snapshot(first) == before  # the live folder is never written
    publish(content, cold)
    rebuilt_files, cold_files = tree(rebuilt), tree(cold)
    assert sorted(rebuilt_files) == sorted(cold_files)
    different = [
        name
        for name in rebuilt_files
        if rebuilt_files[name].read_bytes() != cold_files[name].read_bytes()
    ]
    assert different == []

    # Nothing in the new folder shares a file with the live one, but the
    # search shards taken over whole (never written again: Pagefind writes
    # only into a shard folder it made).
    live = {path.stat().st_ino for path in first.rglob("*") if path.is_file()}
    shared = [
        name
        for name, path in rebuilt_files.items()
        if path.stat().st_ino in live and not name.startswith("pagefind/")
    ]
    assert shared == []


def test_parallel_markdown_and_rendering_give_the_same_site_as_serial(tmp_path, corpus):
    parallel, serial = tmp_path / "parallel", tmp_path / "serial"
    build(corpus, parallel, PUBLISH_CONFIG, SITEURL=SITE, BUILD_PARALLEL_MIN_FILES=1)
    build(corpus, serial, PUBLISH_CONFIG, SITEURL=SITE, BUILD_WORKERS=1)
    parallel_files, serial_files = tree(parallel), tree(serial)
    assert sorted(parallel_files) == sorted(serial_files)
    for name, path in parallel_files.items():
        assert path.read_bytes() == serial_files[name].read_bytes(), name


def test_a_publish_keeps_the_modification_time_of_unchanged_pages(tmp_path, corpus):
    """Servers derive Last-Modified and ETag from it: a page whose bytes did
    not change keeps the previous build's time (a new file all the same)."""
    content = tmp_path / "content"
    shutil.copytree(corpus, content)
    first = tmp_path / "first"
    publish(content, first)
    release = sorted((content / "berita").rglob("*.md"))[40]
    release.write_text(
        release.read_text(encoding="utf-8") + "\nKalimat tambahan.\n",
        encoding="utf-8",
    )
    rebuilt = tmp_path / "rebuilt"
    publish(content, rebuilt, previous=first)
    page = next(rebuilt.glob(f"berita/*/*/{release.stem}/index.html"))
    unchanged = rebuilt / "tentang" / "index.html"
    assert (first / "tentang" / "index.html").read_bytes() == unchanged.read_bytes()
    old = first / "tentang" / "index.html"
    assert unchanged.stat().st_mtime_ns == old.stat().st_mtime_ns
    assert unchanged.stat().st_ino != old.stat().st_ino
    previous_page = first / page.relative_to(rebuilt)
    assert page.stat().st_mtime_ns != previous_page.stat().st_mtime_ns
