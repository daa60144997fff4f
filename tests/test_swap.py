"""make publish's last step: the new site takes the published one's place at
once; the previous one is deleted afterwards, in the background."""

import subprocess
import sys
import time

from newsroom.swap import swap_into_place
from tests.sitebuild import ROOT


def site(folder, text):
    (folder / "berita").mkdir(parents=True)
    (folder / "berita" / "index.html").write_text(text, encoding="utf-8")
    return folder


def eventually_gone(pattern_parent, prefix, seconds=20.0):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if not [p for p in pattern_parent.iterdir() if p.name.startswith(prefix)]:
            return True
        time.sleep(0.05)
    return False


def test_the_new_site_is_in_place_and_the_old_one_goes(tmp_path):
    published = site(tmp_path / "situs", "lama")
    new = site(tmp_path / "situs.baru", "baru")
    swap_into_place(str(new), str(published))
    assert (published / "berita" / "index.html").read_text(encoding="utf-8") == "baru"
    assert not new.exists()  # free for the next build at once
    assert eventually_gone(tmp_path, "situs.lama-")


def test_the_first_publish_just_moves_the_build(tmp_path):
    new = site(tmp_path / "situs.baru", "baru")
    swap_into_place(str(new), str(tmp_path / "situs"))
    assert (tmp_path / "situs" / "berita" / "index.html").is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["situs"]


def test_leftovers_of_an_interrupted_deletion_are_removed(tmp_path):
    published = site(tmp_path / "situs", "lama")
    site(tmp_path / "situs.lama-1-2", "sisa")
    new = site(tmp_path / "situs.baru", "baru")
    result = subprocess.run(
        [sys.executable, "-m", "newsroom.swap", str(new), str(published)],
        cwd=ROOT, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert eventually_gone(tmp_path, "situs.lama-")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["situs"]
