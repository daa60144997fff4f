"""make publish refuses, before building anything, an OUTPUTDIR, INPUTDIR or
WARTA_SITEURL that would destroy files or publish a broken site (issue 13).

Every case runs the real ``make publish`` on folders in ``tmp_path`` and
checks that the folders involved are byte-identical afterwards.
"""

import hashlib
import shutil

import pytest

from newsroom.publishing.folders import Refusal, output_folder
from newsroom.publishing.source import check_siteurl
from tests.sitebuild import CONTENT, ROOT, make, write_release

SITE = {"WARTA_SITEURL": "https://warta.example"}


def tree_digest(folder):
    """Names, modes and bytes of everything under ``folder`` (and itself)."""
    digest = hashlib.sha256()
    if not folder.exists():
        return None
    if folder.is_file():
        return hashlib.sha256(folder.read_bytes()).hexdigest()
    for path in sorted(folder.rglob("*")):
        digest.update(str(path.relative_to(folder)).encode())
        if path.is_file() and not path.is_symlink():
            digest.update(path.read_bytes())
    return digest.hexdigest()


def publish(content, output, cache=None, env=None, *extra):
    arguments = ["publish", f"INPUTDIR={content}", f"OUTPUTDIR={output}"]
    if cache is not None:
        arguments.append(f"CACHEDIR={cache}")
    return make(*arguments, *extra, env={**SITE, **(env or {})})


def assert_refused(result, *phrases):
    log = result.stdout + result.stderr
    assert result.returncode != 0, log
    assert "Traceback" not in log, log
    assert "Diterbitkan" not in log, log
    assert "GALAT" in log, log
    for phrase in phrases:
        assert phrase in log, log
    return log


@pytest.fixture
def content(tmp_path):
    folder = tmp_path / "isi"
    shutil.copytree(CONTENT, folder)
    return folder


# -- OUTPUTDIR that would delete something that is not ours ----------------------


def test_outputdir_equal_to_inputdir_is_refused(tmp_path, content):
    before = tree_digest(content)
    result = publish(content, content, tmp_path / "cache")
    assert_refused(result, "sama dengan INPUTDIR", str(content))
    assert tree_digest(content) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["isi"]


def test_outputdir_inside_inputdir_is_refused(tmp_path, content):
    before = tree_digest(content)
    result = publish(content, content / "berita", tmp_path / "cache")
    assert_refused(result, "berada di dalam INPUTDIR")
    assert tree_digest(content) == before


def test_outputdir_holding_the_inputdir_is_refused(tmp_path):
    checkout = tmp_path / "checkout"
    shutil.copytree(CONTENT, checkout / "content")
    (checkout / ".git").mkdir()
    (checkout / ".git" / "HEAD").write_text("ref: refs/heads/main\n")
    before = tree_digest(checkout)
    result = publish(checkout / "content", checkout, tmp_path / "cache")
    assert_refused(result, "berisi INPUTDIR")
    assert tree_digest(checkout) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["checkout"]


def test_outputdir_equal_to_cachedir_is_refused(tmp_path, content):
    cache = tmp_path / "cache"
    cache.mkdir()
    (cache / "cache.pickle").write_bytes(b"\x80\x04N.")
    before = tree_digest(cache)
    result = publish(content, cache, cache)
    assert_refused(result, "CACHEDIR")
    assert tree_digest(cache) == before


def test_a_home_folder_is_refused(tmp_path, content):
    home = tmp_path / "rumah"
    (home / ".ssh").mkdir(parents=True)
    (home / ".ssh" / "id_ed25519").write_text("kunci rahasia\n")
    before = tree_digest(home)
    result = publish(content, home, tmp_path / "cache", env={"HOME": str(home)})
    assert_refused(result, "folder rumah")
    assert tree_digest(home) == before
    # "~" means the same folder
    result = publish(content, "~", tmp_path / "cache", env={"HOME": str(home)})
    assert_refused(result, "folder rumah")
    assert tree_digest(home) == before


def test_a_web_root_with_files_of_other_tools_is_refused(tmp_path, content):
    www = tmp_path / "www"
    (www / "uploads").mkdir(parents=True)
    (www / "google1234abcd.html").write_text("google-site-verification\n")
    (www / "uploads" / "laporan.pdf").write_bytes(b"%PDF-1.4\n")
    before = tree_digest(www)
    result = publish(content, www, tmp_path / "cache")
    log = assert_refused(result, "bukan hasil pembangunan Warta LKKS")
    assert "google1234abcd.html" in log or "uploads" in log
    assert tree_digest(www) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["isi", "www"]


def test_an_empty_existing_folder_and_a_previous_build_are_accepted(tmp_path, content):
    www = tmp_path / "www"
    www.mkdir()
    first = publish(content, www, tmp_path / "cache")
    assert first.returncode == 0, first.stdout + first.stderr
    assert (www / ".warta" / "build.json").is_file()
    again = publish(content, www, tmp_path / "cache")
    assert again.returncode == 0, again.stdout + again.stderr


def test_a_build_from_before_the_marker_is_accepted(tmp_path, content):
    """Sites published before .warta/build.json existed have .warta/pages.json."""
    www = tmp_path / "www"
    assert publish(content, www, tmp_path / "cache").returncode == 0
    (www / ".warta" / "build.json").unlink()
    result = publish(content, www, tmp_path / "cache")
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_foreign_folder_in_the_place_of_the_previous_site_is_refused(
    tmp_path, content
):
    www = tmp_path / "www"
    assert publish(content, www, tmp_path / "cache").returncode == 0
    lama = tmp_path / "www.lama"
    lama.mkdir()
    (lama / "catatan.txt").write_text("milik orang lain\n")
    before = tree_digest(lama)
    result = publish(content, www, tmp_path / "cache")
    assert_refused(result, "www.lama")
    assert tree_digest(lama) == before


# -- odd spellings of OUTPUTDIR (issue 13, item 5) -----------------------------------


def test_an_empty_outputdir_is_refused(tmp_path, content):
    before = tree_digest(ROOT / "content")
    result = publish(content, "", tmp_path / "cache")
    assert_refused(result, "OUTPUTDIR kosong")
    assert tree_digest(ROOT / "content") == before
    assert not list(ROOT.parent.glob(ROOT.name + ".lama*"))
    assert not list(ROOT.glob(".baru*"))


@pytest.mark.parametrize("spelling", [".", "./", "..", "newsroom", "theme/"])
def test_the_project_and_its_folders_are_refused(spelling):
    with pytest.raises(Refusal) as refusal:
        output_folder(spelling, cwd=str(ROOT), kind="publish")
    assert "proyek" in str(refusal.value) or "INPUTDIR" in str(refusal.value)


def test_the_project_itself_is_refused_through_make(tmp_path, content):
    """OUTPUTDIR=. is the checkout (make runs in it)."""
    result = publish(content, ".", tmp_path / "cache")
    assert_refused(result, "folder proyek")
    assert (ROOT / ".git").exists()
    assert not list(ROOT.parent.glob(ROOT.name + ".lama*"))


def test_a_trailing_slash_publishes_into_the_folder_itself(tmp_path, content):
    www = tmp_path / "www"
    assert publish(content, www, tmp_path / "cache").returncode == 0
    result = publish(content, f"{www}/", tmp_path / "cache")
    assert result.returncode == 0, result.stdout + result.stderr
    assert (www / "index.html").is_file()
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names in (["cache", "isi", "www"], ["cache", "isi", "www", "www.lama"])


def test_dot_segments_are_resolved_before_the_checks(tmp_path, content):
    result = publish(content, f"{content}/berita/..", tmp_path / "cache")
    assert_refused(result, "sama dengan INPUTDIR")


def test_an_outputdir_in_a_missing_folder_is_refused(tmp_path, content):
    result = publish(content, tmp_path / "srv-salah" / "www", tmp_path / "cache")
    assert_refused(result, "folder induk", "tidak ada")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["isi"]


def test_an_outputdir_that_is_a_file_is_refused(tmp_path, content):
    target = tmp_path / "situs.html"
    target.write_text("<p>bukan folder</p>\n")
    result = publish(content, target, tmp_path / "cache")
    assert_refused(result, "adalah berkas, bukan folder")
    assert target.read_text() == "<p>bukan folder</p>\n"


def test_a_symlink_to_the_inputdir_is_refused(tmp_path, content):
    link = tmp_path / "tautan"
    link.symlink_to(content)
    before = tree_digest(content)
    result = publish(content, link, tmp_path / "cache")
    assert_refused(result, "tautan simbolik")
    assert tree_digest(content) == before
    assert link.is_symlink()


# -- INPUTDIR and WARTA_SITEURL (items 5 and 12) ----------------------------------


def test_a_mistyped_inputdir_is_refused(tmp_path):
    result = publish(tmp_path / "konten-salah-ketik", tmp_path / "www")
    assert_refused(result, "INPUTDIR", "tidak ada")
    assert not (tmp_path / "www").exists()


def test_an_inputdir_without_a_release_is_refused(tmp_path, content):
    www = tmp_path / "www"
    assert publish(content, www, tmp_path / "cache").returncode == 0
    before = tree_digest(www)
    empty = tmp_path / "kosong"
    (empty / "pages").mkdir(parents=True)
    result = publish(empty, www, tmp_path / "cache")
    assert_refused(result, "tidak berisi satu berita pun")
    assert tree_digest(www) == before


def test_an_inputdir_with_drafts_only_is_refused_before_the_swap(tmp_path, content):
    www = tmp_path / "www"
    assert publish(content, www, tmp_path / "cache").returncode == 0
    before = tree_digest(www)
    drafts = tmp_path / "draf"
    write_release(
        drafts / "berita",
        "draf.md",
        title="Rilis draf",
        date="2025-10-08",
        status="draft",
    )
    result = publish(drafts, www, tmp_path / "cache")
    assert_refused(result, "tidak berisi satu berita pun yang terbit")
    assert tree_digest(www) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cache", "draf", "isi", "www"]


@pytest.mark.parametrize(
    ("siteurl", "reason"),
    [
        ("warta.lkks-kalsel.or.id", "tanpa skema"),
        ("ftp://warta.example", "skema “ftp”"),
        ("https://", "tanpa nama host"),
        ("https://warta.example/berita", "berisi jalur"),
        ("https://warta.example/?a=1", "berisi"),
        ("https://ho st.id", "nama host"),
        ("https://..", "nama host"),
        ("https://x.id%2fevil", "nama host"),
        ("https://[::1", "nama host"),
        ("https://x.id:0", "port"),
    ],
)
def test_a_siteurl_that_is_not_an_address_is_refused(
    tmp_path, content, siteurl, reason
):
    www = tmp_path / "www"
    result = publish(content, www, env={"WARTA_SITEURL": siteurl})
    assert_refused(result, "WARTA_SITEURL", reason)
    assert not www.exists()


def test_a_siteurl_with_a_trailing_slash_or_a_port_is_fine(tmp_path, content):
    for siteurl in ["https://warta.example/", "http://warta.example:8080"]:
        result = publish(
            content,
            tmp_path / "www",
            tmp_path / "cache",
            env={"WARTA_SITEURL": siteurl},
        )
        assert result.returncode == 0, result.stdout + result.stderr


def test_a_file_of_someone_else_in_the_place_of_the_lock_is_left_alone(
    tmp_path, content
):
    lock = tmp_path / "www.lock"
    lock.write_text("catatan penting\n")
    result = publish(content, tmp_path / "www", tmp_path / "cache")
    assert_refused(result, "www.lock", "bukan berkas kunci kosong")
    assert lock.read_text() == "catatan penting\n"
    assert not (tmp_path / "www").exists()


@pytest.mark.parametrize(
    "siteurl",
    [
        "https://ho st.id", "https://..", "https://x.id%2fevil", "https://[::1",
        "https://[::g]", "https://[127.0.0.1]", "https://-x.id", "https://x-.id",
        "https://x..id", "https://.x.id", "https://x.id.", "https://x_y.id",
        "https://x.id:", "https://x.id:0", "https://x.id:65536", "https://x.id:8a",
        "https://999.1.1.1", "https://1.2.3", "https://wárta.id", "https://x.id\\y",
        "https://" + "a" * 64 + ".id", "https://[fe80::1%25eth0]", "https://x.id:+80",
    ],
)  # fmt: skip
def test_a_siteurl_host_is_checked_strictly(siteurl):
    with pytest.raises(Refusal) as refused:
        check_siteurl(siteurl)
    assert "WARTA_SITEURL" in str(refused.value)


@pytest.mark.parametrize(
    "siteurl",
    [
        "https://warta.lkks-kalsel.or.id", "http://127.0.0.1:8080",
        "https://[::1]:8443", "https://xn--wrta-loa.id", "https://WARTA.example:65535",
        "http://localhost",
    ],
)  # fmt: skip
def test_a_siteurl_host_that_is_an_address_is_accepted(siteurl):
    assert check_siteurl(siteurl) == siteurl
