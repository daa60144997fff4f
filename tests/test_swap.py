"""make publish's last step: the new site takes the published one's place in
one atomic exchange; the previous site is left where the new one was."""

import errno

import pytest

from newsroom import swap
from newsroom.swap import swap_into_place


def site(folder, text):
    (folder / "berita").mkdir(parents=True)
    (folder / "berita" / "index.html").write_text(text, encoding="utf-8")
    return folder


def text_of(folder):
    return (folder / "berita" / "index.html").read_text(encoding="utf-8")


def test_the_new_site_is_in_place_and_the_old_one_where_the_new_was(tmp_path):
    published = site(tmp_path / "situs", "lama")
    new = site(tmp_path / "baru", "baru")
    assert swap_into_place(str(new), str(published)) is True
    assert text_of(published) == "baru"
    assert text_of(new) == "lama"


def test_the_first_publish_just_moves_the_build(tmp_path):
    new = site(tmp_path / "baru", "baru")
    assert swap_into_place(str(new), str(tmp_path / "situs")) is False
    assert text_of(tmp_path / "situs") == "baru"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["situs"]


@pytest.mark.parametrize("code", [errno.ENOSYS, errno.EINVAL])
def test_two_renames_only_where_the_system_lacks_the_exchange(
    tmp_path, monkeypatch, code
):
    def unsupported(first, second):
        raise OSError(code, "no renameat2")

    monkeypatch.setattr(swap, "_renameat2", unsupported)
    published = site(tmp_path / "situs", "lama")
    new = site(tmp_path / "baru", "baru")
    assert swap_into_place(str(new), str(published)) is True
    assert text_of(published) == "baru"
    assert text_of(new) == "lama"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["baru", "situs"]


@pytest.mark.parametrize("code", [errno.EACCES, errno.EXDEV, errno.EBUSY])
def test_any_other_failure_stops_with_both_folders_as_they_were(
    tmp_path, monkeypatch, code
):
    def failing(first, second):
        raise OSError(code, "refused")

    monkeypatch.setattr(swap, "_renameat2", failing)
    published = site(tmp_path / "situs", "lama")
    new = site(tmp_path / "baru", "baru")
    with pytest.raises(OSError, match="refused") as raised:
        swap_into_place(str(new), str(published))
    assert raised.value.errno == code
    assert text_of(published) == "lama"
    assert text_of(new) == "baru"
