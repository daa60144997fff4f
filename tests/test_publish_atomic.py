"""make publish under stress: two at once, a killed one, leftovers, a broken
build, an unchanged build, and rolling back (issues 13, 14 and 16).

Real ``make publish`` runs in subprocesses on folders in ``tmp_path``.
"""

import errno
import fcntl
import os
import shutil
import signal
import subprocess
import threading
import time
from pathlib import Path

import pytest

from benchmarks.corpus import write_corpus
from newsroom import publish as publish_command
from newsroom.publishing import folders, siblings
from search_index.indexing import unstable_file
from tests.sitebuild import CONTENT, ROOT, make, write_release
from tests.test_publish_refusals import tree_digest

SITE = {"WARTA_SITEURL": "https://warta.example"}
ARTICLE = "berita/2025/10/pengukuhan-pengurus-lkks-provinsi-kalsel/index.html"


def arguments(content, output, cache):
    return [
        "publish",
        f"INPUTDIR={content}",
        f"OUTPUTDIR={output}",
        f"CACHEDIR={cache}",
    ]


def publish(content, output, cache, env=None):
    result = make(*arguments(content, output, cache), env={**SITE, **(env or {})})
    return result


def start_publish(content, output, cache, env=None):
    """make publish in a session of its own (so the test can kill all of it)."""
    command = ["make", "--no-print-directory", "-C", str(ROOT)]
    return subprocess.Popen(
        [*command, *arguments(content, output, cache)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, **SITE, **(env or {})},
        start_new_session=True,
    )


def stable_files(folder):
    """The site's files. Walked through open folder descriptors (``os.fwalk``),
    so a walk that a swap overtakes still reads one whole tree, the one the
    name pointed at when it began, instead of failing half-way."""
    found = set()
    for path, _folders, files, _fd in os.fwalk(folder):
        for name in files:
            relative = os.path.relpath(os.path.join(path, name), folder)
            relative = relative.replace(os.sep, "/")
            if not unstable_file(relative):
                found.add(relative)
    return found


def a_complete_site(folder) -> bool:
    """What a reader needs: pages, stylesheet, feeds, search, our marker."""
    return (
        (folder / "index.html").is_file()
        and (folder / ARTICLE).is_file()
        and (folder / "feeds" / "rss.xml").is_file()
        and any((folder / "theme" / "css").glob("style.*.css"))
        and any(folder.glob("pagefind/*/pagefind-entry.json"))
        and (folder / ".warta" / "build.json").is_file()
    )


def with_release(tmp_path, name, title):
    content = tmp_path / name
    shutil.copytree(CONTENT, content)
    write_release(
        content / "berita" / "2025",
        f"{name}.md",
        title=title,
        date="2025-11-03",
        regencies="Tapin",
    )
    return content


@pytest.fixture
def live(tmp_path):
    """A published site at tmp_path/www, built from the bundled content."""
    www = tmp_path / "www"
    result = publish(CONTENT, www, tmp_path / "cache")
    assert result.returncode == 0, result.stdout + result.stderr
    assert a_complete_site(www)
    return www


def test_two_publishes_at_once_take_turns_and_the_site_stays_whole(tmp_path, live):
    first = with_release(tmp_path, "satu", "Rilis pertama")
    second = with_release(tmp_path, "dua", "Rilis kedua")
    minimum = len(stable_files(live))
    # Both are started while the lock is taken, so both surely contend for
    # it; they are let go together.
    lock = open(f"{live}.lock", "a+")  # noqa: SIM115 (held across the start)
    fcntl.flock(lock, fcntl.LOCK_EX)
    runs = [
        start_publish(first, live, tmp_path / "cache"),
        start_publish(second, live, tmp_path / "cache"),
    ]
    try:
        for run in runs:
            waiting = run.stderr.readline()
            assert "Menunggu" in waiting, waiting
    finally:
        lock.close()
    observed, broken = 0, []
    while any(run.poll() is None for run in runs):
        observed += 1
        if not a_complete_site(live) or len(stable_files(live)) < minimum:
            broken.append(sorted(stable_files(live)))
    logs = [run.communicate(timeout=300) for run in runs]
    for run, (out, err) in zip(runs, logs, strict=True):
        assert run.returncode == 0, out + err
        assert "Diterbitkan" in out, out + err
    assert broken == []
    assert observed > 0
    # The last one to publish won, whole: a cold publish of its content
    # has exactly the same files.
    titles = [
        (live / "berita" / "2025" / "11" / slug).is_dir()
        for slug in ("rilis-pertama", "rilis-kedua")
    ]
    assert titles.count(True) == 1
    winner = first if titles[0] else second
    cold = tmp_path / "dingin"
    assert publish(winner, cold, tmp_path / "cache-dingin").returncode == 0
    assert stable_files(live) == stable_files(cold)
    assert sorted(p.name for p in tmp_path.glob("www*")) == ["www", "www.lama"]


def test_a_publish_waits_for_the_lock_then_gives_up_with_a_message(tmp_path, live):
    before = tree_digest(live)
    lock = open(f"{live}.lock", "a+")  # noqa: SIM115 (held across the run)
    try:
        fcntl.flock(lock, fcntl.LOCK_EX)
        result = publish(
            CONTENT, live, tmp_path / "cache", env={"PUBLISH_LOCK_TIMEOUT": "1"}
        )
    finally:
        lock.close()
    log = result.stdout + result.stderr
    assert result.returncode != 0, log
    assert "Penerbitan lain ke" in log, log
    assert "PUBLISH_LOCK_TIMEOUT" in log, log
    assert "Traceback" not in log
    assert tree_digest(live) == before
    assert not list(tmp_path.glob(".www.baru-*"))


def test_a_waiting_publish_goes_ahead_once_the_lock_is_free(tmp_path, live):
    content = with_release(tmp_path, "baru", "Rilis setelah menunggu")
    lock = open(f"{live}.lock", "a+")  # noqa: SIM115 (held across the run)
    fcntl.flock(lock, fcntl.LOCK_EX)
    run = start_publish(content, live, tmp_path / "cache")
    try:
        waiting = run.stderr.readline()
        assert "Menunggu" in waiting, waiting
        assert run.poll() is None
        assert not (live / "berita" / "2025" / "11").exists()
        assert not list(tmp_path.glob(".www.baru-*"))  # nothing built yet
    finally:
        lock.close()
    out, err = run.communicate(timeout=300)
    assert run.returncode == 0, out + err
    assert (live / "berita" / "2025" / "11" / "rilis-setelah-menunggu").is_dir()


def test_a_publish_killed_mid_build_leaves_the_live_site_byte_identical(tmp_path, live):
    before = tree_digest(live)
    # Enough releases that the build is still writing pages when it is killed.
    content = write_corpus(60, tmp_path / "korpus")
    write_release(
        content / "berita" / "2025",
        "terputus.md",
        title="Rilis yang terputus",
        date="2025-11-03",
        regencies="Tapin",
    )
    run = start_publish(content, live, tmp_path / "cache")
    try:
        while run.poll() is None:
            if list(tmp_path.glob(".www.baru-*/situs/berita/*/*/*/index.html")):
                break  # release pages are being written
            time.sleep(0.005)
        assert run.poll() is None, "the build finished before it could be killed"
    finally:
        os.killpg(run.pid, signal.SIGKILL)
        run.communicate(timeout=60)
    assert tree_digest(live) == before
    assert list(tmp_path.glob(".www.baru-*"))  # the killed run's leftovers
    # The next publish removes them, under the lock, and goes ahead.
    result = publish(content, live, tmp_path / "cache")
    assert result.returncode == 0, result.stdout + result.stderr
    assert not list(tmp_path.glob(".www.baru-*"))
    assert (live / "berita" / "2025" / "11" / "rilis-yang-terputus").is_dir()


def test_leftovers_of_earlier_runs_are_removed_and_nothing_else(tmp_path, live):
    workspace = Path(siblings.new_workspace(str(live)))  # a killed run's
    (workspace / "situs" / "berita").mkdir(parents=True)
    (workspace / ".search-abc" / "2025").mkdir(parents=True)
    for legacy in ("www.baru", "www.lama-123-456"):  # earlier versions'
        (tmp_path / legacy / "berita").mkdir(parents=True)
        folders.write_marker(str(tmp_path / legacy), folders.PUBLISH)
    others = [
        tmp_path / ".lain.baru-q",
        tmp_path / "www2.baru",
        tmp_path / ".wwwx.baru-1",
    ]
    for other in others:
        (other / "punya-orang-lain").mkdir(parents=True)
    content = with_release(tmp_path, "baru", "Rilis berikutnya")
    result = publish(content, live, tmp_path / "cache")
    assert result.returncode == 0, result.stdout + result.stderr
    names = {p.name for p in tmp_path.iterdir()}
    assert not names & {workspace.name, "www.baru", "www.lama-123-456"}
    for other in others:
        assert (other / "punya-orang-lain").is_dir()


def test_a_build_with_a_missing_stylesheet_never_goes_live(tmp_path, live, capfd):
    before = tree_digest(live)

    def lose_the_stylesheet(site):
        for stylesheet in (site / "theme" / "css").glob("style.*.css"):
            stylesheet.unlink()

    code = publish_command.main(
        [
            "--input",
            str(CONTENT),
            "--output",
            str(live),
            "--cache",
            str(tmp_path / "cache"),
            "--siteurl",
            SITE["WARTA_SITEURL"],
        ],
        after_build=lose_the_stylesheet,
    )
    err = capfd.readouterr().err
    assert code == 1
    assert "tautan internal rusak" in err, err
    assert "theme/css/style." in err
    assert f"Situs publik di {live} tidak diubah." in err
    assert tree_digest(live) == before
    assert not list(tmp_path.glob(".www.baru-*"))


def test_a_release_linking_a_missing_page_never_goes_live(tmp_path, live):
    before = tree_digest(live)
    content = tmp_path / "isi"
    shutil.copytree(CONTENT, content)
    write_release(
        content / "berita" / "2025",
        "tautan.md",
        title="Tautan rusak",
        date="2025-11-03",
        body="Baca [laporan lengkap](/berita/2020/01/tidak-ada/).",
    )
    result = publish(content, live, tmp_path / "cache")
    log = result.stdout + result.stderr
    assert result.returncode != 0, log
    assert "/berita/2020/01/tidak-ada/" in log
    assert "tidak diubah" in log
    assert tree_digest(live) == before


def test_an_unchanged_build_is_not_swapped(tmp_path, live):
    folder = os.stat(live).st_ino
    result = publish(CONTENT, live, tmp_path / "cache")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Tidak ada perubahan" in result.stdout
    assert os.stat(live).st_ino == folder
    assert not (tmp_path / "www.lama").exists()
    assert not list(tmp_path.glob(".www.baru-*"))


def test_the_previous_site_is_kept_and_a_rollback_restores_it(tmp_path, live):
    before = tree_digest(live)
    content = with_release(tmp_path, "baru", "Rilis yang keliru")
    assert publish(content, live, tmp_path / "cache").returncode == 0
    lama = tmp_path / "www.lama"
    assert tree_digest(lama) == before
    new = tree_digest(live)
    rollback = make("rollback", f"OUTPUTDIR={live}")
    assert rollback.returncode == 0, rollback.stdout + rollback.stderr
    assert "Dipulihkan" in rollback.stdout
    assert tree_digest(live) == before
    assert tree_digest(lama) == new
    again = make("rollback", f"OUTPUTDIR={live}")  # undo the rollback
    assert again.returncode == 0
    assert tree_digest(live) == new
    # Only one previous site is kept: the next publish replaces it.
    other = with_release(tmp_path, "lain", "Rilis lain")
    assert publish(other, live, tmp_path / "cache").returncode == 0
    assert tree_digest(lama) == new
    assert sorted(p.name for p in tmp_path.glob("www*")) == ["www", "www.lama"]


def test_a_rollback_without_a_previous_site_is_refused(tmp_path, live):
    result = make("rollback", f"OUTPUTDIR={live}")
    log = result.stdout + result.stderr
    assert result.returncode != 0
    assert "Tidak ada terbitan sebelumnya" in log
    assert "Traceback" not in log
    assert a_complete_site(live)


def test_the_old_site_is_gone_from_disk_eventually(tmp_path, live):
    """Only one previous site stays; the one before is deleted in the background."""
    for name in ("satu", "dua", "tiga"):
        content = with_release(tmp_path, name, f"Rilis {name}")
        assert publish(content, live, tmp_path / "cache").returncode == 0
    deadline = time.monotonic() + 30
    while list(tmp_path.glob(".www.baru-*")) and time.monotonic() < deadline:
        threading.Event().wait(0.05)
    assert not list(tmp_path.glob(".www.baru-*"))


def test_a_release_linking_the_preview_address_never_goes_live(tmp_path, live):
    """A link copied from the preview server (make devserver) into a release."""
    before = tree_digest(live)
    content = tmp_path / "isi"
    shutil.copytree(CONTENT, content)
    body = "Lihat [foto](http://127.0.0.1:8000/berita/2025/10/foto/)."
    write_release(
        content / "berita" / "2025",
        "salin.md",
        title="Tautan pratinjau",
        date="2025-11-03",
        body=body,
    )
    result = publish(content, live, tmp_path / "cache")
    log = result.stdout + result.stderr
    assert result.returncode != 0, log
    assert "alamat pratinjau http://127.0.0.1:8000" in log, log
    assert "berita/2025/11/tautan-pratinjau/index.html" in log, log
    assert tree_digest(live) == before


def test_a_failing_exchange_is_reported_and_changes_nothing(
    tmp_path, live, capfd, monkeypatch
):
    before = tree_digest(live)

    def refused(new, published):
        raise OSError(errno.EXDEV, os.strerror(errno.EXDEV), published)

    monkeypatch.setattr(publish_command, "swap_into_place", refused)
    content = with_release(tmp_path, "baru", "Rilis yang tidak tertukar")
    code = publish_command.main(
        [
            "--input",
            str(content),
            "--output",
            str(live),
            "--cache",
            str(tmp_path / "cache"),
            "--siteurl",
            SITE["WARTA_SITEURL"],
        ]
    )
    err = capfd.readouterr().err
    assert code == 1
    assert "GALAT: sistem menolak" in err, err
    assert f"Situs publik di {live} tidak diubah." in err
    assert "Traceback" not in err
    assert tree_digest(live) == before
    assert not list(tmp_path.glob(".www.baru-*"))


def test_a_plugin_that_cannot_be_loaded_never_goes_live(tmp_path, live):
    """Pelican logs a plugin it cannot import and builds on without it: a
    site without its sanitiser or checks must not be published."""
    before = tree_digest(live)
    settings = tmp_path / "publishconf_rusak.py"
    settings.write_text(
        f"import sys\nsys.path.insert(0, {str(ROOT)!r})\n"
        "from publishconf import *  # noqa: F403\n"
        "PLUGINS = [*PLUGINS, 'plugin_yang_tidak_ada']  # noqa: F405\n"
        f"PLUGIN_PATHS = [{str(ROOT / 'plugins')!r}]\n"
        f"THEME = {str(ROOT / 'theme')!r}\n",
        encoding="utf-8",
    )
    code = publish_command.main(
        ["--input", str(CONTENT), "--output", str(live),
         "--cache", str(tmp_path / "cache"), "--settings", str(settings),
         "--siteurl", SITE["WARTA_SITEURL"]]
    )  # fmt: skip
    assert code == 1
    assert tree_digest(live) == before
