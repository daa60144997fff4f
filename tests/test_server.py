"""The newsroom server, installed for real into temporary folders: a bare
repository whose hooks check and publish pushes, the exact command the
systemd timer runs (embargoes), one publish at a time, and the units as
systemd sees them. Everything on this machine, nothing on the network."""

import fcntl
import os
import pwd
import re
import shutil
import subprocess
import threading
import time
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from tests.real_parts import needs_systemd_analyze
from tests.sitebuild import ROOT

WITA = ZoneInfo("Asia/Makassar")
pytestmark = pytest.mark.slow


def run(command, cwd=None, env=None, check=True, timeout=300):
    done = subprocess.run(
        command,
        cwd=cwd,
        env={**os.environ, **(env or {})},
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    if check and done.returncode != 0:
        raise AssertionError(f"{command} failed:\n{done.stdout}\n{done.stderr}")
    return done


def project_copy(target: Path) -> Path:
    """The project's tracked files as they are now, committed in a new repository
    (what an operator clones onto the server)."""
    tracked = ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"]
    listed = run(tracked, cwd=ROOT).stdout.split("\0")
    for name in filter(None, listed):
        source = ROOT / name
        if source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    git(target, "init", "--quiet", "--initial-branch=main")
    git(target, "add", "--all")
    git(target, "commit", "--quiet", "-m", "Warta LKKS")
    return target


def git(folder, *arguments, check=True):
    identity = {
        "GIT_AUTHOR_NAME": "Redaksi", "GIT_AUTHOR_EMAIL": "redaksi@example.test",
        "GIT_COMMITTER_NAME": "Redaksi", "GIT_COMMITTER_EMAIL": "redaksi@example.test",
    }  # fmt: skip
    return run(["git", "-C", str(folder), *arguments], env=identity, check=check)


class Server:
    def __init__(self, root: Path):
        self.root = root
        self.home = root / "home"
        self.webroot = root / "www" / "situs"
        self.envfile = root / "etc" / "warta.env"
        self.repo = self.home / "warta.git"
        self.settings = {
            "WARTA_SYSTEM": "0",
            "WARTA_HOME": str(self.home),
            "WARTA_WEBROOT": str(self.webroot),
            "WARTA_ETC": str(root / "etc"),
            "WARTA_SITEURL": "https://warta.example.test",
            # The project's environment: no package is downloaded in tests.
            "WARTA_VENV": str(ROOT / ".venv"),
        }

    def install(self, source: Path):
        return run(["bash", str(source / "deploy" / "install-server.sh")],
                   env=self.settings)  # fmt: skip

    def timer_command(self) -> tuple[list[str], dict]:
        """ExecStart and Environment of the installed service, exactly."""
        unit = (self.home / "systemd" / "warta-publish.service").read_text()
        command = re.search(r"^ExecStart=(.+)$", unit, re.M)[1].split()
        environment = dict(
            line.split("=", 1) for line in re.findall(r"^Environment=(.+)$", unit, re.M)
        )
        return command, environment

    def run_timer(self):
        command, environment = self.timer_command()
        return run(command, env=environment)

    def files(self) -> dict[str, bytes]:
        return {
            p.relative_to(self.webroot).as_posix(): p.read_bytes()
            for p in sorted(self.webroot.rglob("*"))
            if p.is_file()
        }


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    root = tmp_path_factory.mktemp("server")
    source = project_copy(root / "source")
    server = Server(root)
    server.install(source)
    editor = root / "editor"
    git(root, "clone", "--quiet", str(server.repo), str(editor))
    return server, editor


def release(editor: Path, name: str, title: str, date: str, regencies: str) -> Path:
    path = editor / "content" / "berita" / "2026" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        f"Title: {title}\nDate: {date}\nRegencies: {regencies}\n\n"
        f"Isi berita {title}.\n",
        encoding="utf-8",
    )
    return path


def push(editor: Path, message: str):
    git(editor, "add", "--all")
    git(editor, "commit", "--quiet", "-m", message)
    return git(editor, "push", "origin", "HEAD:main", check=False)


def page_of(server: Server, slug: str) -> list[Path]:
    return list(server.webroot.glob(f"berita/*/*/{slug}/index.html"))


def test_install_publishes_the_repository(installed):
    server, _ = installed
    assert (server.webroot / "index.html").is_file()
    assert (server.webroot / "feeds" / "rss.xml").is_file()
    for hook in ("pre-receive", "post-receive"):
        assert os.access(server.repo / "hooks" / hook, os.X_OK)


def test_a_push_with_an_error_is_rejected_and_a_good_one_published(installed):
    server, editor = installed
    before = server.files()
    bad = release(editor, "kunjungan.md", "Kunjungan Kerja", "2026-01-05 09:00",
                  "Tanah Bambu")  # fmt: skip
    rejected = push(editor, "Rilis: kunjungan kerja")

    assert rejected.returncode != 0
    # The editor's own terminal shows the build's message: file, line, fix.
    assert re.search(
        r"remote: GALAT content/berita/2026/kunjungan\.md:3: .*Tanah Bambu",
        rejected.stderr,
    ), rejected.stderr
    assert "remote: Push ditolak" in rejected.stderr
    assert "make: ***" not in rejected.stderr
    assert "[remote rejected]" in rejected.stderr
    assert server.files() == before
    assert git(server.repo, "log", "--format=%s", "-1").stdout.strip() != (
        "Rilis: kunjungan kerja"
    )

    bad.write_text(bad.read_text().replace("Tanah Bambu", "Tanah Bumbu"))
    git(editor, "add", "--all")
    git(editor, "commit", "--quiet", "--amend", "-m", "Rilis: kunjungan kerja")
    accepted = git(editor, "push", "origin", "HEAD:main", check=False)
    assert accepted.returncode == 0, accepted.stderr
    [published] = page_of(server, "kunjungan-kerja")
    assert "Kunjungan Kerja" in published.read_text(encoding="utf-8")
    regency = (server.webroot / "kabupaten" / "tanah-bumbu" / "index.html").read_text()
    assert "kunjungan-kerja" in regency


def test_the_timer_publishes_an_embargo_once_it_ends(installed):
    server, editor = installed
    # A few seconds ahead: enough for the push and one scheduled run before it.
    ends = datetime.now(WITA).replace(microsecond=0) + timedelta(seconds=25)
    release(editor, "embargo.md", "Rilis Berembargo", f"{ends:%Y-%m-%d %H:%M:%S}",
            "Balangan")  # fmt: skip
    pushed = push(editor, "Rilis berembargo")
    assert pushed.returncode == 0, pushed.stderr
    assert page_of(server, "rilis-berembargo") == []

    before = server.files()
    early = server.run_timer()
    assert datetime.now(WITA) < ends, "the machine was too slow for this test"
    assert "Tidak ada perubahan" in early.stderr
    assert server.files() == before  # nothing rebuilt, nothing swapped
    assert page_of(server, "rilis-berembargo") == []

    time.sleep(max(0.0, (ends - datetime.now(WITA)).total_seconds()) + 1)
    server.run_timer()
    assert len(page_of(server, "rilis-berembargo")) == 1
    assert "rilis-berembargo" in (server.webroot / "feeds" / "rss.xml").read_text()


def test_publishes_never_interleave_and_the_site_is_always_whole(installed):
    server, _ = installed
    command, environment = server.timer_command()
    head = git(server.repo, "rev-parse", "main").stdout.strip()
    stop = threading.Event()
    broken: list[str] = []

    def watch():
        while not stop.is_set():
            for required in ("index.html", "feeds/rss.xml", "cari/index.html"):
                if not (server.webroot / required).is_file():
                    broken.append(required)
            time.sleep(0.01)

    watcher = threading.Thread(target=watch)
    watcher.start()
    try:
        # An explicit commit always builds: two full publishes at once.
        both = [
            subprocess.Popen([*command, head], env={**os.environ, **environment},
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            for _ in range(2)
        ]  # fmt: skip
        results = [(p.wait(timeout=600), p.stderr.read()) for p in both]
    finally:
        stop.set()
        watcher.join()
    assert [code for code, _ in results] == [0, 0], results
    assert broken == []


@needs_systemd_analyze
def test_the_units_pass_systemd_analyze_verify(installed, tmp_path):
    server, _ = installed
    me = pwd.getpwuid(os.getuid()).pw_name
    units = tmp_path / "units"
    units.mkdir()
    for name in ("warta-publish.service", "warta-publish.timer"):
        text = (server.home / "systemd" / name).read_text()
        # The service's user must exist for verify: the one running the tests.
        text = re.sub(r"^(User|Group)=.*$", rf"\1={me}", text, flags=re.M)
        (units / name).write_text(text)
    done = run(
        ["systemd-analyze", "verify", *(str(units / n) for n in os.listdir(units))],
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr.strip() == "", done.stderr


def test_main_cannot_be_rewound_or_deleted(installed):
    server, editor = installed
    head = git(server.repo, "rev-parse", "main").stdout.strip()
    rewound = git(editor, "push", "--force", "origin", "HEAD~1:main", check=False)
    assert rewound.returncode != 0
    assert "[remote rejected]" in rewound.stderr
    deleted = git(editor, "push", "origin", ":main", check=False)
    assert deleted.returncode != 0
    assert git(server.repo, "rev-parse", "main").stdout.strip() == head


def test_a_publish_that_cannot_get_the_lock_says_so(installed):
    server, _ = installed
    command, environment = server.timer_command()
    envfile = Path(environment["WARTA_ENV"])
    impatient = envfile.with_name("sebentar.env")
    impatient.write_text(envfile.read_text() + "WARTA_LOCK_TIMEOUT=1\n")
    with open(server.home / "terbit.lock", "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        waited = run(command, env={"WARTA_ENV": str(impatient)}, check=False)
    assert waited.returncode == 75
    assert "penerbitan lain masih berjalan" in waited.stderr
