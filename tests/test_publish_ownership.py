"""make publish deletes only what it provably made (h-fixB).

Folders beside OUTPUTDIR named like our leftovers (``OUT.baru``,
``OUT.lama-…``, ``.OUT.baru-…``) are removed only when they carry our marker
and are not, do not hold and are not inside INPUTDIR, CACHEDIR or the
project. Real ``make publish`` runs on folders in ``tmp_path``.
"""

import json
import os
import shutil
import subprocess

import pytest

from newsroom.publishing import folders, siblings
from tests.sitebuild import CONTENT, ROOT, make
from tests.test_publish_refusals import assert_refused, publish, tree_digest


def a_checkout(folder):
    """Content with a git history of its own, like an editor's clone."""
    shutil.copytree(CONTENT, folder)
    for command in (
        ["git", "init", "-q"],
        ["git", "add", "-A"],
        ["git", "-c", "user.name=u", "-c", "user.email=u@x", "commit", "-qm", "x"],
    ):
        subprocess.run(command, cwd=folder, check=True)
    return folder


@pytest.mark.parametrize("name", ["www.baru", "www.lama-lokal"])
def test_an_inputdir_named_like_a_leftover_is_never_deleted(tmp_path, name):
    content = a_checkout(tmp_path / name)
    before = tree_digest(content)
    result = publish(content, tmp_path / "www", tmp_path / "cache")
    log = result.stdout + result.stderr
    assert result.returncode == 0, log
    assert "Traceback" not in log, log
    assert tree_digest(content) == before
    assert (content / ".git" / "HEAD").is_file()


def test_an_admins_folders_beside_the_site_are_left_alone(tmp_path):
    admins = [
        tmp_path / "www.baru",
        tmp_path / "www.lama-cadangan-manual",
        tmp_path / ".www.baru-tangan",  # a workspace name, but not our workspace
    ]
    for folder in admins:
        (folder / "uploads").mkdir(parents=True)
        (folder / "index.html").write_text("<p>situs cadangan</p>\n")
    before = {folder: tree_digest(folder) for folder in admins}
    result = publish(CONTENT, tmp_path / "www", tmp_path / "cache")
    assert result.returncode == 0, result.stdout + result.stderr
    for folder in admins:
        assert tree_digest(folder) == before[folder], folder


def test_a_marked_leftover_holding_the_cache_is_left_alone(tmp_path):
    legacy = tmp_path / "www.lama-1"
    folders.write_marker(str(legacy), folders.PUBLISH)
    cache = legacy / "cache"
    result = publish(CONTENT, tmp_path / "www", cache)
    assert result.returncode == 0, result.stdout + result.stderr
    assert (legacy / ".warta" / "build.json").is_file()
    assert cache.is_dir()


def test_a_marked_inputdir_named_like_a_leftover_is_left_alone(tmp_path):
    content = a_checkout(tmp_path / "www.baru")
    (content / ".warta").mkdir()
    (content / ".warta" / "pages.json").write_text("{}\n")
    before = tree_digest(content)
    result = publish(content, tmp_path / "www", tmp_path / "cache")
    assert result.returncode == 0, result.stdout + result.stderr
    assert tree_digest(content) == before


def test_the_project_named_like_a_leftover_is_left_alone(tmp_path):
    """A clone at …/warta.lama-lokal publishing to …/warta (unit: the
    project path cannot be moved under a running test)."""
    project = tmp_path / "warta.lama-lokal"
    (project / ".git").mkdir(parents=True)
    folders.write_marker(str(project / "output"), folders.PUBLISH)
    (project / ".warta").mkdir()
    (project / ".warta" / "pages.json").write_text("{}\n")
    output = str(tmp_path / "warta")
    removed = siblings.remove_leftovers(output, guarded=[str(project)])
    assert removed == []
    assert (project / ".git").is_dir()


def test_our_own_leftovers_are_still_removed(tmp_path):
    output = tmp_path / "www"
    ours = siblings.new_workspace(str(output))
    (tmp_path / ".www.baru-kosong").mkdir()  # killed before its marker
    legacy = tmp_path / "www.baru"
    folders.write_marker(str(legacy), folders.PUBLISH)
    result = publish(CONTENT, output, tmp_path / "cache")
    assert result.returncode == 0, result.stdout + result.stderr
    assert not os.path.exists(ours)
    assert not (tmp_path / ".www.baru-kosong").exists()
    assert not legacy.exists()


def test_a_workspace_of_another_output_is_left_alone(tmp_path):
    """The workspace marker names the output folder it was made for."""
    output = str(tmp_path / "www")
    workspace = siblings.new_workspace(output)
    marker = os.path.join(workspace, siblings.WORKSPACE_MARKER)
    with open(marker, "w", encoding="utf-8") as file:
        json.dump({"output": str(tmp_path / "lain" / "www")}, file)
    assert siblings.remove_leftovers(output, guarded=[]) == []
    assert os.path.isdir(workspace)


def test_a_previous_site_that_is_the_inputdir_is_refused(tmp_path):
    www = tmp_path / "www"
    assert publish(CONTENT, www, tmp_path / "cache").returncode == 0
    content = a_checkout(tmp_path / "www.lama")
    folders.write_marker(str(content), folders.PUBLISH)
    before = tree_digest(content)
    result = publish(content, www, tmp_path / "cache")
    assert_refused(result, "www.lama", "INPUTDIR")
    assert tree_digest(content) == before


def test_clean_leaves_the_siblings_alone(tmp_path):
    www = tmp_path / "www"
    assert publish(CONTENT, www, tmp_path / "cache").returncode == 0
    (tmp_path / "www.baru" / "berkas").mkdir(parents=True)
    result = make("clean", f"OUTPUTDIR={www}", f"PREVIEWDIR={tmp_path / 'p'}")
    assert result.returncode == 0, result.stdout + result.stderr
    assert not www.exists()
    assert (tmp_path / "www.baru" / "berkas").is_dir()


# -- operators' messages instead of tracebacks --------------------------------


def test_a_rollback_after_clean_says_what_really_happened(tmp_path):
    www = tmp_path / "www"
    assert publish(CONTENT, www, tmp_path / "cache").returncode == 0
    content = tmp_path / "isi"
    shutil.copytree(CONTENT, content)
    (content / "pages" / "baru.md").write_text("Title: Halaman baru\n\nIsi.\n")
    assert publish(content, www, tmp_path / "cache").returncode == 0
    assert (
        make("clean", f"OUTPUTDIR={www}", f"PREVIEWDIR={tmp_path / 'p'}").returncode
        == 0
    )
    result = make("rollback", f"OUTPUTDIR={www}")
    log = result.stdout + result.stderr
    assert result.returncode == 0, log
    assert "kini di" not in log, log
    assert "tidak ada situs yang tayang" in log, log
    assert (www / "index.html").is_file()


@pytest.mark.parametrize("parent", ["/sys", "/proc"])
def test_a_lock_that_cannot_be_created_is_named_as_such(tmp_path, parent):
    output = f"{parent}/warta-uji-{os.getpid()}"
    result = publish(CONTENT, output, tmp_path / "cache")
    log = assert_refused(result, "tidak dapat dibuat", f"{output}.lock")
    assert "Hapus atau pindahkan" not in log, log


def test_a_mount_point_as_outputdir_is_refused(tmp_path):
    mounted = next(
        (p for p in ("/dev/shm", "/proc", "/sys") if os.path.ismount(p)), None
    )
    assert mounted, "no mount point to test with"
    result = publish(CONTENT, mounted, tmp_path / "cache")
    assert_refused(result, "titik kait", "/situs")


def test_an_unwritable_cache_is_skipped_with_a_warning(tmp_path):
    www = tmp_path / "www"
    result = publish(CONTENT, www, f"/proc/warta-cache-{os.getpid()}")
    log = result.stdout + result.stderr
    assert result.returncode == 0, log
    assert "PERINGATAN" in log, log
    assert "CACHEDIR" in log, log
    assert "Traceback" not in log, log
    assert (www / "index.html").is_file()


def test_a_full_disk_during_the_build_is_named(tmp_path, capfd, monkeypatch):
    from newsroom import publish as publish_command

    monkeypatch.setattr(publish_command, "_free_bytes", lambda path: 0)
    code = publish_command.main(
        ["--input", str(CONTENT), "--output", str(tmp_path / "www"),
         "--siteurl", "https://warta.example"],
        build=lambda *args: 1,
    )  # fmt: skip
    err = capfd.readouterr().err
    assert code == 1
    assert "ruang disk" in err.strip().splitlines()[-2] + err.strip().splitlines()[-1]
    assert not list(tmp_path.glob(".www.baru-*"))


def test_ctrl_c_mid_build_cancels_cleanly(tmp_path):
    from benchmarks.corpus import write_corpus

    www = tmp_path / "www"
    assert publish(CONTENT, www, tmp_path / "cache").returncode == 0
    before = tree_digest(www)
    content = write_corpus(60, tmp_path / "korpus")
    run = subprocess.Popen(
        [
            str(ROOT / ".venv" / "bin" / "python"), "-m", "newsroom.publish",
            "--input", str(content), "--output", str(www),
            "--cache", str(tmp_path / "cache"), "--siteurl", "https://warta.example",
        ],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": f"{ROOT / 'plugins'}:{ROOT}"},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )  # fmt: skip
    import signal
    import time

    try:
        while run.poll() is None:
            if list(tmp_path.glob(".www.baru-*/situs/berita/*/*/*/index.html")):
                break
            time.sleep(0.005)
        assert run.poll() is None, "the build finished before it could be stopped"
        os.killpg(run.pid, signal.SIGINT)
        _out, err = run.communicate(timeout=60)
    finally:
        if run.poll() is None:
            os.killpg(run.pid, signal.SIGKILL)
    assert run.returncode == 130, err
    assert "Traceback" not in err, err
    assert "dibatalkan" in err, err
    assert tree_digest(www) == before
    assert not list(tmp_path.glob(".www.baru-*"))


def test_a_rollback_never_swaps_in_the_inputdir(tmp_path):
    www = tmp_path / "www"
    assert publish(CONTENT, www, tmp_path / "cache").returncode == 0
    content = a_checkout(tmp_path / "www.lama")
    folders.write_marker(str(content), folders.PUBLISH)
    before = tree_digest(content)
    result = make("rollback", f"OUTPUTDIR={www}", f"INPUTDIR={content}")
    assert_refused(result, "www.lama", "INPUTDIR")
    assert tree_digest(content) == before


def test_a_mount_point_is_not_cleaned(tmp_path):
    mounted = next(p for p in ("/dev/shm", "/proc", "/sys") if os.path.ismount(p))
    result = make("clean", f"OUTPUTDIR={mounted}", f"PREVIEWDIR={tmp_path / 'p'}")
    assert_refused(result, "titik kait")
    assert os.path.ismount(mounted)
