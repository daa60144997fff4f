"""Fuzzed OUTPUTDIR values: publishing either refuses with a message, changing
nothing, or accepts a folder that is safe, and then changes nothing outside
that folder and its siblings (``.lama``, ``.lock``, ``.NAME.baru-…``).

Each example builds a sandbox (a project with ``.git``, its content and
cache, a home with ``.ssh``, a web root with files of other tools, earlier
builds of ours, a file, symbolic links to the content and the project) and
runs the real ``newsroom.publish`` twice (so the second run swaps and keeps
the previous site), with a small stand-in for Pelican: every other step is
the real one. ``FUZZ_EXAMPLES=2000 make test PYTESTOPTS="-k fuzz_outputdir"``
runs a longer, random campaign.
"""

import contextlib
import itertools
import os
import tempfile
from pathlib import Path
from unittest import mock

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from newsroom import publish as publish_command
from newsroom.publishing import folders
from tests.sitebuild import PUBLISH_CONFIG

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "40"))
SITEURL = "https://warta.example"
SEGMENTS = [
    "project", "content", "berita", "cache", "output", "pratinjau", "bench",
    "run", "home", ".ssh", "srv", "www-asing", "www-kita", "pratinjau-kita",
    "kosong", "berkas.txt", "ke-content", "ke-project", "ke-www", "baru",
    ".", "..", "", "~",
]  # fmt: skip


def sandbox(root: Path) -> dict[str, Path]:
    project, home, srv = root / "project", root / "home", root / "srv"
    (project / ".git").mkdir(parents=True)
    (project / ".git" / "HEAD").write_text("ref: refs/heads/main\n")
    (project / "newsroom").mkdir()
    (project / "newsroom" / "publish.py").write_text("# code\n")
    (project / "content" / "berita").mkdir(parents=True)
    (project / "content" / "berita" / "rilis.md").write_text("Title: R\n\nIsi.\n")
    (project / "cache").mkdir()
    (project / "cache" / "cache.pickle").write_bytes(b"\x80\x04N.")
    (project / "output").mkdir()
    folders.write_marker(str(project / "output"), folders.PUBLISH)
    (home / ".ssh").mkdir(parents=True)
    (home / ".ssh" / "id_ed25519").write_text("rahasia\n")
    (srv / "www-asing" / "uploads").mkdir(parents=True)
    (srv / "www-asing" / "google1234.html").write_text("verifikasi\n")
    (srv / "www-kita").mkdir()
    folders.write_marker(str(srv / "www-kita"), folders.PUBLISH)
    (srv / "www-kita" / "index.html").write_text("<p>lama</p>\n")
    (srv / "pratinjau-kita").mkdir()
    folders.write_marker(str(srv / "pratinjau-kita"), folders.PREVIEW)
    (srv / "kosong").mkdir()
    (srv / "berkas.txt").write_text("sebuah berkas\n")
    (srv / "ke-content").symlink_to(project / "content")
    (srv / "ke-project").symlink_to(project)
    (srv / "ke-www").symlink_to(srv / "www-kita")
    return {"project": project, "home": home, "srv": srv, "root": root,
            "content": project / "content", "cache": project / "cache"}  # fmt: skip


def snapshot(root: Path) -> dict[str, object]:
    state = {}
    for folder, dirs, files in os.walk(root):
        for name in dirs + files:
            path = Path(folder) / name
            key = str(path)
            try:
                if path.is_symlink():
                    state[key] = ("link", os.readlink(path))
                elif path.is_dir():
                    state[key] = ("dir",)
                else:
                    state[key] = ("file", path.read_bytes())
            except FileNotFoundError:
                pass  # a replaced site being deleted in the background
    return state


RUNS = itertools.count()


def stand_in_for_pelican(args, source_dir, site, output, siteurl):
    """A two-page site, different on every run: the home page and a release."""
    release = Path(site) / "berita" / "2025" / "10" / "rilis" / "index.html"
    release.parent.mkdir(parents=True)
    release.write_text("<p>rilis</p>\n")
    home = f'<a href="berita/2025/10/rilis/">{next(RUNS)}</a>\n'
    (Path(site) / "index.html").write_text(home)
    return 0


def is_safe(path: str, places: dict[str, Path], existed_before: dict) -> bool:
    """An independent statement of what an acceptable output folder is."""
    real = Path(os.path.realpath(path))
    if str(real) == "/" or Path(path).is_symlink():
        return False
    for guarded in (places["content"], places["cache"]):
        if (
            real == guarded
            or guarded.is_relative_to(real)
            or real.is_relative_to(guarded)
        ):
            return False
    if places["home"].is_relative_to(real):
        return False
    project = places["project"]
    if project.is_relative_to(real):
        return False
    if real.is_relative_to(project):
        parts = real.relative_to(project).parts
        if not (parts in (("output",), ("pratinjau",)) or
                (parts[0] == "bench" and len(parts) > 1)):  # fmt: skip
            return False
    kind = existed_before.get(str(real))
    return kind in (None, "empty", folders.PUBLISH, folders.LEGACY)


def allowed_change(changed: str, output: str) -> bool:
    parent, name = os.path.split(output)
    if changed == output or changed.startswith(output + os.sep):
        return True
    for sibling in (f"{output}.lama", f"{output}.lock"):
        if changed == sibling or changed.startswith(sibling + os.sep):
            return True
    workspace = os.path.join(parent, f".{name}.baru-")
    return changed.startswith(workspace)


def kinds_of_folders(root: Path) -> dict[str, str]:
    """What each real path held before: a file, an empty folder, a build of
    ours (its kind) or a foreign folder."""
    found = {}
    for folder, dirs, files in os.walk(root):
        for name in files:
            found[str(Path(folder) / name)] = "file"
        for name in dirs:
            path = Path(folder) / name
            if path.is_symlink():
                continue
            if not any(path.iterdir()):
                found[str(path)] = "empty"
            else:
                found[str(path)] = folders.build_kind(str(path)) or "foreign"
    return found


STARTS = ["", "ABS/", "ABS/srv/", "ABS/project/", "ABS/project/bench/", "~/",
          "./", "../", "/"]  # fmt: skip
SLASHES = ["", "/", "//"]


def spelled(start: str, parts: list[str], slash: str) -> str:
    return start + "/".join(parts) + slash


# Mostly one step from a known place (so that many values exist), and any
# combination of segments besides.
outputdirs = st.one_of(
    st.builds(spelled, st.sampled_from(STARTS),
              st.lists(st.sampled_from(SEGMENTS), min_size=1, max_size=1),
              st.sampled_from(SLASHES)),
    st.builds(spelled, st.sampled_from(STARTS),
              st.lists(st.sampled_from(SEGMENTS), max_size=4),
              st.sampled_from(SLASHES)),
)  # fmt: skip


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize="FUZZ_EXAMPLES" not in os.environ,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(outputdirs, st.sampled_from(["project", "srv", "root"]))
def test_outputdir_is_refused_or_safe_and_nothing_else_changes(raw, where):
    with contextlib.ExitStack() as stack:
        root = Path(
            stack.enter_context(tempfile.TemporaryDirectory(ignore_cleanup_errors=True))
        )
        places = sandbox(root.resolve())
        raw = raw.replace("ABS", str(places["root"]))
        previous_cwd = os.getcwd()
        os.chdir(places[where])
        stack.callback(os.chdir, previous_cwd)
        stack.enter_context(mock.patch.dict(os.environ, {"HOME": str(places["home"])}))
        stack.enter_context(
            mock.patch.object(folders, "PROJECT", str(places["project"]))
        )
        existed = kinds_of_folders(places["root"])
        before = snapshot(places["root"])
        argv = ["--input", str(places["content"]), "--output", raw,
                "--cache", str(places["cache"]), "--settings", str(PUBLISH_CONFIG),
                "--siteurl", SITEURL]  # fmt: skip
        try:
            accepted = folders.output_folder(
                raw,
                kind=folders.PUBLISH,
                input_dir=str(places["content"]),
                cache_dir=str(places["cache"]),
            )
        except folders.Refusal as refusal:
            event("refused: " + refusal.code)
            message = str(refusal)
            assert message.startswith("GALAT: ")
            assert "Perbaikan: " in message
            assert publish_command.main(argv, build=stand_in_for_pelican) == 1
            assert snapshot(places["root"]) == before
            return
        event("accepted")
        assert is_safe(accepted, places, existed), accepted
        for _ in range(2):  # the first creates or replaces, the second swaps
            code = publish_command.main(argv, build=stand_in_for_pelican)
            assert code == 0
        assert (Path(accepted) / "berita" / "2025" / "10" / "rilis").is_dir()
        after = snapshot(places["root"])
        changed = {key for key in before.keys() | after.keys()
                   if before.get(key) != after.get(key)}  # fmt: skip
        outside = sorted(key for key in changed if not allowed_change(key, accepted))
        assert outside == []
