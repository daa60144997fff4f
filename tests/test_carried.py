"""Files a build takes over from the previous one, on a background thread."""

import pytest

from build_speed.carried import BackgroundLinker


def test_files_are_linked_into_new_folders_once_drained(tmp_path):
    previous, output = tmp_path / "previous", tmp_path / "output"
    names = [f"berita/2025/{n:02d}/rilis-{n}/index.html" for n in range(1, 13)]
    for name in names:
        (previous / name).parent.mkdir(parents=True)
        (previous / name).write_text(name, encoding="utf-8")

    linker = BackgroundLinker()
    for name in names:
        linker.link(str(previous / name), str(output / name))
    linker.drain()

    for name in names:
        assert (output / name).read_text(encoding="utf-8") == name
        assert (output / name).stat().st_ino == (previous / name).stat().st_ino


def test_a_failed_link_is_raised_by_drain_on_the_calling_thread(tmp_path):
    present = tmp_path / "present.html"
    present.write_text("ada", encoding="utf-8")
    linker = BackgroundLinker()
    linker.link(str(tmp_path / "missing.html"), str(tmp_path / "out" / "a.html"))
    with pytest.raises(FileNotFoundError):
        linker.drain()

    # The linker is usable again, and the error is not raised twice.
    linker.link(str(present), str(tmp_path / "out" / "b.html"))
    linker.drain()
    assert (tmp_path / "out" / "b.html").read_text(encoding="utf-8") == "ada"
