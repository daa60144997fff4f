"""Fuzzed content paths: link targets and ``Image:`` values with ``..``,
absolute paths, URL- and HTML-encoding, backslashes and repeated slashes,
and symlinks (to outside files, to folders, loops) under a temporary
``content/``. Each build either stops with an editor message (no traceback)
or succeeds, and no output file holds bytes from outside ``content/``: a
secret file and a release beside ``content/``, and this process's
environment (``/proc/self/environ``, which a build in this process would read).

FUZZ_EXAMPLES=500 make test PYTESTOPTS="-k fuzz_paths" runs a longer, random
campaign; by default a fixed (derandomised) set runs in CI.
"""

import os
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from editorial.problems import BuildStopped
from tests.sitebuild import build, write_release

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "20"))
SECRET = "RAHASIA-FUZZ-DI-LUAR-c41d"


def environment_entries() -> list[bytes]:
    try:
        environ = Path("/proc/self/environ").read_bytes()
    except OSError:
        return []
    return [entry for entry in environ.split(b"\0") if len(entry) >= 16]


ENVIRONMENT = environment_entries()

SEGMENTS = [
    "..", ".", "", "images", "berita", "2025", "foto.png", "rahasia.txt", "luar",
    "%2e%2e", "%2E%2e", "..%2f", "%252e%252e", "&#46;&#46;", "..\\..", "\\",
    "...", ".env", "foto.png~", "etc", "passwd", "proc", "self", "environ",
    "~", "C:", "%00", "tautan", "a b", "%20",
]  # fmt: skip
PREFIXES = [
    "", "", "/", "//", "../" * 3, "../" * 12, "/proc/self/", "file://",
    "https://contoh.test/", "C:\\", "\\\\server\\", "~/", "%2e%2e/%2e%2e/",
]  # fmt: skip
MARKERS = ["{static}", "{attach}", "{filename}", "|static|", "", "{static}/"]
SEPARATORS = ["/", "/", "//", "\\", "/./"]

segments = st.one_of(
    st.sampled_from(SEGMENTS), st.text(alphabet="./\\%2eE", max_size=6)
)


GOOD_PATHS = [
    "/images/foto.png", "/images/foto.png", "//images//foto.png", "/images/./foto.png",
    "/images/foto.png?v=2#atas", "/images/sub/../foto.png",
]  # fmt: skip


@st.composite
def hostile_paths(draw):
    parts = draw(st.lists(segments, max_size=7))
    separator = draw(st.sampled_from(SEPARATORS))
    return draw(st.sampled_from(PREFIXES)) + separator.join(parts)


def paths():
    """Half of them name the image inside content/, so half the builds go on
    to write a site, where a leak would show."""
    return st.one_of(st.sampled_from(GOOD_PATHS), hostile_paths())


@st.composite
def link_markup(draw):
    target = draw(st.sampled_from(MARKERS)) + draw(paths())
    quoted = target.replace('"', "&quot;")
    form = draw(st.integers(0, 3))
    if form == 0:
        return f"[unduh]({target})"
    if form == 1:
        return f"![gambar]({target})"
    if form == 2:
        return f'<a href="{quoted}">unduh</a>'
    return f'<img src="{quoted}" alt="gambar">'


SYMLINK_PLACES = ["images/logo.png", "images/folder", "berita/arsip", "images/a"]
SYMLINK_TARGETS = [
    "/proc/self/environ", "../../rahasia.txt", "../../luar", ".", "..", "foto.png",
    "tidak-ada", "../images", "/etc/passwd",
]  # fmt: skip

symlinks = st.lists(
    st.tuples(st.sampled_from(SYMLINK_PLACES), st.sampled_from(SYMLINK_TARGETS)),
    max_size=2,
    unique_by=lambda pair: pair[0],
)


@st.composite
def sites(draw):
    links = draw(st.lists(link_markup(), min_size=1, max_size=2))
    image = draw(st.one_of(st.none(), st.sampled_from([*MARKERS[:2], ""]).flatmap(
        lambda marker: paths().map(lambda path: marker + path))))  # fmt: skip
    return {
        "body": "Paragraf pembuka.\n\n" + "\n\n".join(links),
        "image": image,
        # most examples without symlinks, so the rest of the pipeline runs too
        "symlinks": draw(st.one_of(st.just([]), st.just([]), st.just([]), symlinks)),
    }


def plant(folder: Path, site: dict) -> Path:
    """content/ with one release, an image, and the site's symlinks; a secret
    file and a release beside it."""
    outside = folder / "luar"
    write_release(outside, "bocor.md", title="Bocor", date="2025-10-01", body=SECRET)
    (folder / "rahasia.txt").write_text(SECRET + "\n", encoding="utf-8")
    content = folder / "content"
    (content / "images").mkdir(parents=True)
    (content / "images" / "foto.png").write_bytes(b"\x89PNG foto")
    metadata = {"title": "Rapat koordinasi", "date": "2025-10-08 09:00"}
    if site["image"] is not None:
        metadata["image"] = site["image"].replace("\n", " ")
        metadata["image_alt"] = "Foto kegiatan"
    write_release(content / "berita" / "2025", "rilis.md", site["body"], **metadata)
    for place, target in site["symlinks"]:
        link = content / place
        link.parent.mkdir(parents=True, exist_ok=True)
        link.symlink_to(target)
    return content


def leaks_in(folder: Path) -> list[str]:
    """Files under ``folder`` holding bytes from outside content/."""
    found = []
    for path in folder.rglob("*"):
        if path.is_symlink():
            found.append(f"{path}: a symlink in the output")
        elif path.is_file():
            data = path.read_bytes()
            if SECRET.encode() in data or any(e in data for e in ENVIRONMENT):
                found.append(str(path))
    return found


def test_the_leak_detector_finds_planted_secrets(tmp_path):
    (tmp_path / "a.html").write_text(f"<p>{SECRET}</p>", encoding="utf-8")
    assert leaks_in(tmp_path) == [str(tmp_path / "a.html")]
    if ENVIRONMENT:
        (tmp_path / "a.html").write_bytes(b"x" + ENVIRONMENT[0] + b"x")
        assert leaks_in(tmp_path) == [str(tmp_path / "a.html")]


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize="FUZZ_EXAMPLES" not in os.environ,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(sites())
def test_fuzzed_paths_stop_for_the_editor_or_publish_nothing_from_outside(site):
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        content = plant(folder, site)
        output = folder / "output"
        stopped = None
        try:
            build(content, output)
        except BuildStopped as error:
            stopped = error
        if stopped is None:
            event("built")
            assert leaks_in(output) == []
            assert (output / "berita" / "2025" / "10" / "rapat-koordinasi").is_dir()
        else:
            event("stopped: " + ", ".join(sorted({p.code for p in stopped.problems})))
            assert stopped.problems
            for problem in stopped.problems:
                assert problem.message, problem
                assert problem.hint, problem
                assert Path(problem.path).is_relative_to(content), problem
            assert not output.exists()
        # nothing was written beside content/ or the output
        assert sorted(p.name for p in folder.iterdir()) == sorted(
            ["content", "luar", "rahasia.txt", *(["output"] if output.exists() else [])]
        )
        assert (folder / "rahasia.txt").read_text(encoding="utf-8") == SECRET + "\n"
