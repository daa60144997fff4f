"""No output file is ever written through an inode another folder shares:
each is a new file renamed over its name (plugins/output_files)."""

import os
import shutil

import pytest

from output_files import replace_file
from tests.sitebuild import CONTENT, build, write_release


def test_replacing_a_hard_linked_file_leaves_the_other_name_alone(tmp_path):
    first, second = tmp_path / "a.xml", tmp_path / "b.xml"
    first.write_text("lama")
    os.link(first, second)
    replace_file(str(first), "baru")
    assert first.read_text() == "baru"
    assert second.read_text() == "lama"
    assert not list(tmp_path.glob("*.tmp"))


@pytest.mark.parametrize(
    "name",
    ["feeds/rss.xml", "feeds/feed.json", "kabupaten/tapin/rss.xml", "sitemap.xml",
     ".warta/embargo-berikutnya"],
)  # fmt: skip
def test_an_in_place_rebuild_never_writes_through_a_shared_file(tmp_path, name):
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    output = tmp_path / "output"
    build(content, output)
    kept = tmp_path / "kept"
    os.link(output / name, kept)  # as a previous publish or a backup would
    before = kept.read_bytes()
    write_release(content / "berita" / "2025", "baru.md", title="Rilis Baru",
                  date="2025-11-03 10:00", regencies="Tapin")  # fmt: skip
    build(content, output)
    assert kept.read_bytes() == before
