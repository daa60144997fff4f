"""Nothing outside ``content/`` is ever read, copied or published, and only
the static files that published content uses are published.

Each test builds a real site from Markdown in a temporary folder. A file
beside ``content/`` and an environment variable carry unique secrets; no
output file may contain them.
"""

import os
import shutil
from pathlib import Path

import pytest

from editorial.problems import WARNING, BuildStopped
from tests.photos import published_variants, small_photo
from tests.sitebuild import (
    CONFIG,
    FIXTURES,
    PUBLISH_CONFIG,
    build,
    run_pelican_cli,
    write_release,
)

SECRET = "RAHASIA-DI-LUAR-CONTENT-5b1e"
ENV_SECRET = "TOKEN-CI-RAHASIA-93c1"
TREE = FIXTURES / "content_paths"
ROOT_UP = "../" * 12  # from content/berita/2025/ to the file-system root


def release_site(tmp_path, body="Isi berita.", **metadata):
    """content/berita/2025/rilis.md (body from line 4), a secret beside content/."""
    content = tmp_path / "content"
    fields = {"title": "Rapat koordinasi", "date": "2025-10-08 09:00", **metadata}
    write_release(content / "berita" / "2025", "rilis.md", body=body, **fields)
    (tmp_path / "rahasia.txt").write_text(f"{SECRET}\n", encoding="utf-8")
    return content


def files_holding_secrets(folder: Path) -> list[Path]:
    found = []
    for path in Path(folder).rglob("*"):
        if path.is_file() and not path.is_symlink():
            data = path.read_bytes()
            if SECRET.encode() in data or ENV_SECRET.encode() in data:
                found.append(path)
    return found


def stopped_problems(content, output, config=CONFIG, **override):
    with pytest.raises(BuildStopped) as stopped:
        build(content, output, config, **override)
    assert not Path(output).exists()  # stopped before writing anything
    return stopped.value.problems


# -- links in the body: {static}, {attach}, {filename} ------------------------


def test_attach_to_the_process_environment_stops_the_build(tmp_path):
    """The probe's case: ``{attach}../…/proc/self/environ`` published the
    build's environment variables (a CI token among them)."""
    target = f"{{attach}}{ROOT_UP}proc/self/environ"
    content = release_site(tmp_path, body=f"Isi [data]({target}) berita.")
    output = tmp_path / "output"
    result = run_pelican_cli(content, output, env={"WARTA_UJI_TOKEN": ENV_SECRET})
    assert result.returncode == 1, result.stderr
    assert (
        f"rilis.md:4: “{target}” di isi berita menunjuk ke luar folder content/."
        in result.stderr
    )
    assert "Perbaikan: Simpan berkasnya di dalam content/" in result.stderr
    assert "Traceback" not in result.stderr
    assert not output.exists()


LEAKING_LINKS = {
    "static": "[unduh]({static}../../../rahasia.txt)",
    "attach": "[unduh]({attach}../../../rahasia.txt)",
    "filename": "[unduh]({filename}../../../rahasia.txt)",
    "pipe-static": '<a href="|static|../../../rahasia.txt">unduh</a>',
    "root-static": "![denah]({static}/../rahasia.txt)",
    "inside-then-out": "[unduh]({static}images/../../../../rahasia.txt)",
    "percent-encoded": "[unduh]({static}%2e%2e/%2E%2E/%2e%2e/rahasia.txt)",
    "encoded-slash": "[unduh]({attach}..%2f..%2f..%2frahasia.txt)",
    "html-entities": '<a href="{static}&#46;&#46;/&#46;&#46;/&#46;&#46;/rahasia.txt">'
    "unduh</a>",
    "backslashes": '<a href="{attach}..\\..\\..\\rahasia.txt">unduh</a>',
    "repeated-slashes": "[unduh]({static}//..//..//..//rahasia.txt)",
    "query-and-fragment": "[unduh]({static}../../../rahasia.txt?v=1#bagian)",
}


@pytest.mark.parametrize("case", sorted(LEAKING_LINKS))
def test_a_link_that_leaves_content_stops_the_build(tmp_path, case):
    link = LEAKING_LINKS[case]
    content = release_site(tmp_path, body=f"Paragraf.\n\nLihat {link} ini.")
    problems = stopped_problems(content, tmp_path / "output")
    assert [(p.code, p.line) for p in problems] == [("jalur-keluar-content", 6)]
    (found,) = problems
    assert found.path.endswith("berita/2025/rilis.md")
    assert "di isi berita menunjuk ke luar folder content/" in found.message
    assert found.hint.startswith("Simpan berkasnya di dalam content/")
    assert files_holding_secrets(tmp_path) == [tmp_path / "rahasia.txt"]


def test_static_dot_dot_never_overwrites_a_file_beside_the_output(tmp_path):
    """``{static}/../x`` was copied to OUTPUT/../x, over an unrelated file."""
    content = release_site(tmp_path, body="![denah]({static}/../rahasia.txt)")
    site = tmp_path / "situs"
    site.mkdir()
    unrelated = site / "rahasia.txt"
    unrelated.write_text("berkas lain di server\n", encoding="utf-8")
    problems = stopped_problems(content, site / "output")
    assert [p.code for p in problems] == ["jalur-keluar-content"]
    assert unrelated.read_text(encoding="utf-8") == "berkas lain di server\n"


def test_links_inside_content_still_work(tmp_path):
    content = release_site(
        tmp_path,
        body="![denah]({static}/images/denah.png) dan [lampiran]({attach}laporan.pdf)",
    )
    (content / "images").mkdir()
    small_photo(content / "images" / "denah.png")
    (content / "berita" / "2025" / "laporan.pdf").write_bytes(b"pdf")
    output = tmp_path / "output"
    build(content, output)
    assert published_variants(output, "images/denah.png")  # the photo pipeline's
    assert not (output / "images" / "denah.png").exists()
    article = output / "berita" / "2025" / "10" / "rapat-koordinasi"
    assert (article / "laporan.pdf").read_bytes() == b"pdf"
    html = (article / "index.html").read_text(encoding="utf-8")
    assert "rapat-koordinasi/laporan.pdf" in html
    assert "{attach}" not in html


# -- Image: -------------------------------------------------------------------

IMAGE_VALUES = {
    "/home/redaksi/foto.jpg": "jalur-absolut",
    "https://contoh.test/foto.jpg": "jalur-absolut",
    "//contoh.test/foto.jpg": "jalur-absolut",
    "C:\\Users\\redaksi\\foto.jpg": "jalur-absolut",
    "~/foto.jpg": "jalur-absolut",
    "file:///etc/passwd": "jalur-absolut",
    "../rahasia.txt": "jalur-keluar-content",
    "images/../../rahasia.txt": "jalur-keluar-content",
    "{static}/../rahasia.txt": "jalur-keluar-content",
    "{attach}../../../rahasia.txt": "jalur-keluar-content",
    "%2e%2e/rahasia.txt": "jalur-keluar-content",
    "images\\..\\..\\rahasia.txt": "jalur-keluar-content",
    "images/.env": "berkas-tidak-boleh-terbit",
    "images/foto.jpg~": "berkas-tidak-boleh-terbit",
}


@pytest.mark.parametrize("value", sorted(IMAGE_VALUES))
def test_an_image_outside_content_stops_the_build(tmp_path, value):
    content = release_site(tmp_path, image=value, image_alt="Foto kegiatan")
    (content / "images").mkdir()
    (content / "images" / ".env").write_text(f"TOKEN={SECRET}\n", encoding="utf-8")
    (content / "images" / "foto.jpg~").write_bytes(b"cadangan")
    problems = stopped_problems(content, tmp_path / "output")
    assert [(p.code, p.line) for p in problems] == [(IMAGE_VALUES[value], 3)]
    assert f"“{value}” di baris Image:" in problems[0].message
    assert "Image: images/" in problems[0].hint


def test_a_site_absolute_image_path_inside_content_is_accepted(tmp_path):
    content = release_site(tmp_path, image="/images/foto.jpg", image_alt="Foto")
    (content / "images").mkdir()
    small_photo(content / "images" / "foto.jpg")
    build(content, tmp_path / "output")
    assert published_variants(tmp_path / "output", "images/foto.jpg")


# -- symlinks -----------------------------------------------------------------


def symlink_cases(tmp_path, content):
    outside = tmp_path / "rilis-luar"
    outside.mkdir()
    write_release(outside, "bocor.md", title="Bocor", date="2025-10-01", body=SECRET)
    (content / "images").mkdir(exist_ok=True)
    return {
        "to-environ": (content / "images" / "logo.png", "/proc/self/environ"),
        "to-a-file-beside": (content / "images" / "logo.png", "../../rahasia.txt"),
        "to-a-folder-of-releases": (content / "berita" / "arsip", str(outside)),
        "to-a-file-inside": (content / "images" / "salinan.png", "asli.png"),
        "dangling": (content / "images" / "hilang.png", "tidak-ada.png"),
    }


@pytest.mark.parametrize(
    "case",
    ["to-environ", "to-a-file-beside", "to-a-folder-of-releases",
     "to-a-file-inside", "dangling"],
)  # fmt: skip
def test_a_symlink_under_content_stops_the_build(tmp_path, case):
    content = release_site(tmp_path, body="![logo]({static}/images/logo.png)")
    link, target = symlink_cases(tmp_path, content)[case]
    small_photo(content / "images" / "asli.png")
    link.symlink_to(target)
    problems = stopped_problems(content, tmp_path / "output")
    symlinked = [p for p in problems if p.code == "tautan-simbolik"]
    assert [(Path(p.path), p.line) for p in symlinked] == [(link, None)]
    assert f"tautan simbolik (symlink) ke “{target}”" in symlinked[0].message
    assert symlinked[0].severity == "error"


@pytest.mark.parametrize("links", [["a", "b"], ["a"], ["berputar"]])
def test_symlink_loops_end_the_build_with_an_error(tmp_path, links):
    """Two self-links hung the build; one published every image 41 times."""
    content = release_site(tmp_path, body="![foto]({static}/images/foto.png)")
    images = content / "images"
    images.mkdir()
    small_photo(images / "foto.png")
    for name in links:
        (images / name).symlink_to("." if name != "berputar" else "../images")
    output = tmp_path / "output"
    result = run_pelican_cli(content, output)
    assert result.returncode == 1, result.stderr
    for name in links:
        assert f"GALAT {images / name}: berkas ini adalah tautan simbolik" in (
            result.stderr
        )
    assert "Traceback" not in result.stderr
    assert not output.exists()


# -- which static files are published -----------------------------------------


def static_files_site(tmp_path) -> Path:
    """The fixture, plus what git cannot store: a .git folder of images."""
    content = tmp_path / "content"
    shutil.copytree(TREE / "static_files", content)
    (content / "images" / ".git").mkdir()
    (content / "images" / ".git" / "config").write_text(SECRET, encoding="utf-8")
    return content


def test_only_static_files_that_published_content_uses_are_published(tmp_path):
    output = tmp_path / "output"
    content = static_files_site(tmp_path)
    build(content, output, PUBLISH_CONFIG, SITEURL="https://x.test")
    published = sorted(
        str(path.relative_to(output))
        for path in output.rglob("*")
        if path.is_file()
        and not str(path.relative_to(output)).startswith(
            ("theme/", "pagefind/", ".warta/")
        )
        and path.suffix not in (".html", ".xml", ".json", ".webmanifest")
        and path.name != "robots.txt"
    )
    # A photo is published as the photo pipeline's variants, never as it is.
    photos = {name.rsplit("-", 1)[0] for name in published if name.endswith("webp")}
    assert photos == {
        "images/denah",  # /images/… in the body
        "images/isi",  # {static}
        "images/sampul",  # Image:
    }
    photo_files = ("avif", "webp", "jpg")
    assert [name for name in published if not name.endswith(photo_files)] == [
        "berita/2025/10/rapat-koordinasi/lampiran.pdf",  # {attach}
    ]


def test_preview_still_shows_the_drafts_images(tmp_path, monkeypatch):
    monkeypatch.setenv("WARTA_PREVIEW", "1")
    output = tmp_path / "output"
    build(static_files_site(tmp_path), output)
    assert published_variants(output, "images/draf.jpg")
    assert (output / "draf" / "laporan-embargo" / "laporan-embargo.pdf").is_file()
    assert not (output / "images" / ".env").exists()
    assert not (output / "images" / "tidak-dipakai.jpg").exists()
    assert not published_variants(output, "images/tidak-dipakai.jpg")


def test_a_link_to_a_hidden_or_backup_file_stops_the_build(tmp_path):
    content = release_site(
        tmp_path,
        body="[a]({static}/images/.git/config)\n\n![b]({static}/images/foto.jpg~)",
    )
    (content / "images" / ".git").mkdir(parents=True)
    (content / "images" / ".git" / "config").write_text(SECRET, encoding="utf-8")
    (content / "images" / "foto.jpg~").write_bytes(b"jpg")
    problems = stopped_problems(content, tmp_path / "output")
    assert [(p.code, p.line) for p in problems] == [
        ("berkas-tidak-boleh-terbit", 4),
        ("berkas-tidak-boleh-terbit", 6),
    ]


# -- Markdown files the build does not read -----------------------------------


def test_markdown_the_build_does_not_read_is_a_warning_naming_the_file(tmp_path):
    content = release_site(tmp_path)
    write_release(content, "rilis-lepas.md", title="Lepas", date="2025-11-02 10:00")
    write_release(content / "images", "catatan.markdown", title="Catatan")
    write_release(content / "konsep", "usulan.md", title="Usulan")
    output = tmp_path / "output"
    build(content, output)  # a warning: the build goes on
    from editorial.checker import check_content

    warnings = [
        p
        for p in check_content(str(CONFIG), str(content))
        if p.severity == WARNING and p.code == "markdown-tidak-dibaca"
    ]
    assert [os.path.relpath(p.path, content) for p in warnings] == [
        "images/catatan.markdown",
        "konsep/usulan.md",
        "rilis-lepas.md",
    ]
    loose = warnings[-1]
    assert "tidak dibaca" in loose.message
    assert "content/berita/2025/rilis-lepas.md" in loose.hint
    assert "content/berita/<tahun>/" in warnings[0].hint
    assert (output / "berita" / "2025" / "10" / "rapat-koordinasi").is_dir()


def test_bundled_content_has_no_unread_markdown():
    from editorial.checker import check_content
    from tests.sitebuild import CONTENT

    codes = {p.code for p in check_content(str(CONFIG), str(CONTENT))}
    assert "markdown-tidak-dibaca" not in codes


# -- defence in depth: the copy step refuses even when a check is bypassed ----


def test_the_static_copy_refuses_outside_files_even_without_the_checks(
    tmp_path, monkeypatch, caplog
):
    from editorial import path_checks

    for check in ("check_links", "check_featured_image", "check_symlinks"):
        monkeypatch.setattr(path_checks, check, lambda *args: iter(()))
    body = """
        [a]({attach}../../../rahasia.txt) [b]({static}/../rahasia.txt)
        [c](|static|../../../rahasia.txt) [logo](/images/logo.png)
        [d]({static}/images/.env)
    """
    content = release_site(tmp_path, body=body, image="../rahasia.txt", image_alt="x")
    (content / "images").mkdir()
    (content / "images" / "logo.png").symlink_to("../../rahasia.txt")
    (content / "images" / ".env").write_text(SECRET, encoding="utf-8")
    site = tmp_path / "situs"
    build(content, site / "output")  # no editorial refusal: it builds
    assert files_holding_secrets(site) == []
    assert sorted(p.name for p in site.iterdir()) == ["output"]  # nothing beside it
    assert not (site / "output" / "images").exists()
    refused = [r.getMessage() for r in caplog.records if r.levelname == "ERROR"]
    assert refused == ["Tidak disalin: images/logo.png berada di luar folder content/."]


def test_a_summary_link_that_leaves_content_names_the_summary_line(tmp_path):
    content = release_site(
        tmp_path, summary="Lihat [data]({static}../../../rahasia.txt)."
    )
    problems = stopped_problems(content, tmp_path / "output")
    assert [(p.code, p.line) for p in problems] == [("jalur-keluar-content", 3)]
    assert "di baris Summary: menunjuk ke luar folder content/" in problems[0].message


def test_preview_reports_a_symlink_without_ending_the_server(tmp_path, monkeypatch):
    from editorial.problems import BuildFailed

    monkeypatch.setenv("WARTA_PREVIEW", "1")
    content = release_site(tmp_path)
    (content / "images").mkdir()
    (content / "images" / "logo.png").symlink_to("/proc/self/environ")
    with pytest.raises(BuildFailed) as failed:  # an Exception, not a SystemExit
        build(content, tmp_path / "output")
    assert [p.code for p in failed.value.problems] == ["tautan-simbolik"]
    assert not (tmp_path / "output").exists()


@pytest.mark.parametrize(
    "link", ["{static}/berita", "{static}/", "{attach}.", "{static}/images/"]
)
def test_a_link_to_a_folder_stops_the_build(tmp_path, link):
    """Pelican copies a linked folder whole: the drafts' Markdown with it."""
    content = release_site(tmp_path, body=f"Paragraf.\n\n[semua]({link}) berkas.")
    write_release(
        content / "berita" / "2025", "draf.md", title="Draf", status="draft",
        date="2025-10-09", body=SECRET,
    )  # fmt: skip
    (content / "images").mkdir()
    problems = stopped_problems(content, tmp_path / "output")
    assert [(p.code, p.line) for p in problems] == [("tautan-ke-folder", 6)]
    assert f"“{link}” di isi berita menunjuk ke sebuah folder" in problems[0].message


@pytest.mark.parametrize(
    ("link", "folder"),
    [("{attach}/images/index.html", "images"),
     ("{static}/tentang/index.html", "tentang"),
     ("{static}/index.html", "")],
)  # fmt: skip
def test_a_static_file_never_overwrites_a_page(tmp_path, link, folder):
    """``{attach}`` moved an index.html over the release's own (sanitised) page."""
    content = release_site(tmp_path, body=f"Paragraf.\n\n[lampiran]({link}) ini.")
    write_release(content / "pages", "tentang.md", title="Tentang")
    (content / folder).mkdir(parents=True, exist_ok=True)
    (content / folder / "index.html").write_text(
        "<script>alert(1)</script>", encoding="utf-8"
    )
    problems = stopped_problems(content, tmp_path / "output")
    assert [(p.code, p.line) for p in problems] == [("tujuan-menimpa-halaman", 6)]
    assert "index.html" in problems[0].message


def test_the_static_copy_never_overwrites_a_page_even_without_the_checks(
    tmp_path, monkeypatch
):
    from editorial import path_checks

    monkeypatch.setattr(path_checks, "check_destinations", lambda *args: iter(()))
    content = release_site(tmp_path, body="[x]({attach}/images/index.html)")
    (content / "images").mkdir()
    (content / "images" / "index.html").write_text("<script>x</script>")
    output = tmp_path / "output"
    build(content, output)
    page = output / "berita" / "2025" / "10" / "rapat-koordinasi" / "index.html"
    assert "Rapat koordinasi" in page.read_text(encoding="utf-8")


def test_an_image_beside_the_release_is_published_with_it(tmp_path):
    """An Image: outside STATIC_PATHS passed the check but was never copied."""
    content = release_site(tmp_path, image="berita/2025/foto.jpg", image_alt="Foto")
    small_photo(content / "berita" / "2025" / "foto.jpg")
    output = tmp_path / "output"
    build(content, output)
    fallback = [p for p in published_variants(output, "berita/2025/foto.jpg")
                if p.name.startswith("foto-800w.") and p.suffix == ".jpg"]  # fmt: skip
    page = output / "berita" / "2025" / "10" / "rapat-koordinasi" / "index.html"
    src = f'src="../../../../berita/2025/{fallback[0].name}"'
    assert src in page.read_text(encoding="utf-8")


def test_pelican_never_considers_a_static_file_outside_content(tmp_path, monkeypatch):
    """With the checks bypassed, links that leave content/ do not even reach
    Pelican's StaticGenerator (no Static object, no stat of the file)."""
    from pelican import signals

    from editorial import path_checks

    monkeypatch.setattr(path_checks, "check_links", lambda *args: iter(()))
    considered = []

    def record(generator):
        considered.extend(s.source_path for s in generator.staticfiles)

    signals.static_generator_finalized.connect(record)
    try:
        body = "[a]({attach}../../../rahasia.txt) [b]({static}//..//..//rahasia.txt)"
        content = release_site(tmp_path, body=body)
        build(content, tmp_path / "output")
    finally:
        signals.static_generator_finalized.disconnect(record)
    assert considered == []


@pytest.mark.parametrize("slashes", ["///", "//"])
def test_an_absolute_path_behind_extra_slashes_stops_the_build(tmp_path, slashes):
    """``{static}////tmp/…/rahasia.txt``: Pelican strips one slash of the
    parsed path and reads the rest as an absolute path."""
    secret = tmp_path / "rahasia.txt"
    content = release_site(tmp_path, body=f"[a]({{static}}{slashes}{secret})")
    problems = stopped_problems(content, tmp_path / "output")
    assert [(p.code, p.line) for p in problems] == [("jalur-keluar-content", 4)]


def test_markdown_an_exclude_skips_is_a_warning_too(tmp_path, caplog):
    content = release_site(tmp_path)
    write_release(content / "berita" / "lama", "arsip.md", title="Arsip")
    build(content, tmp_path / "output", ARTICLE_EXCLUDES=["berita/lama"])
    unread = [
        r.getMessage() for r in caplog.records if "tidak dibaca" in r.getMessage()
    ]
    assert len(unread) == 1
    assert (
        "berita/lama/arsip.md: berkas Markdown ini tidak dibaca (dilewati" in unread[0]
    )


def test_a_hidden_markdown_file_is_never_published_and_is_reported(tmp_path, caplog):
    """Pelican 4.12's IGNORE_FILES ("**/.*") never matches a bare file name:
    berita/.rahasia.md was published."""
    content = release_site(tmp_path)
    write_release(content / "berita" / "2025", ".rahasia.md", title="Tersembunyi",
                  date="2025-10-09", body=SECRET)  # fmt: skip
    output = tmp_path / "output"
    build(content, output)
    assert files_holding_secrets(output) == []
    unread = [
        r.getMessage() for r in caplog.records if "tidak dibaca" in r.getMessage()
    ]
    assert len(unread) == 1
    assert "berita/2025/.rahasia.md: berkas Markdown ini tidak dibaca" in unread[0]
    assert "content/berita/2025/rahasia.md" in unread[0]  # the name to use


# -- a content file never replaces a file the build generates ------------------

GENERATED = {
    "search script": "pagefind/2025/pagefind.js",
    "search entry": "pagefind/2025/pagefind-entry.json",
    "site RSS": "feeds/rss.xml",
    "site JSON feed": "feeds/feed.json",
    "regency feed": "kabupaten/banjar/rss.xml",
    "sitemap": "sitemap.xml",
    "robots": "robots.txt",
    "manifest": "manifest.webmanifest",
    "theme file": "theme/images/logo.png",
}
FAKE = "export async function init(){alert(document.domain)}"


def write_fake(content: Path, relative: str) -> None:
    """The attacker's file; an image is a real one (else the photo pipeline
    stops the build for that reason first)."""
    (content / relative).parent.mkdir(parents=True, exist_ok=True)
    if relative.endswith(".png"):
        small_photo(content / relative, colour=(255, 0, 0))
    else:
        (content / relative).write_text(FAKE, encoding="utf-8")


def site_with_file(tmp_path, relative, body):
    content = release_site(tmp_path, body=body)
    write_fake(content, relative)
    return content


@pytest.mark.parametrize("what", ["static", "attach"])
@pytest.mark.parametrize("relative", GENERATED.values(), ids=GENERATED.keys())
def test_a_linked_file_never_replaces_a_generated_file(tmp_path, relative, what):
    """The probe's case: ``{static}/pagefind/2025/pagefind.js`` replaced the
    search page's script (and the feeds, the sitemap, the theme's files)."""
    link = f"{{{what}}}/{relative}"
    content = site_with_file(tmp_path, relative, f"Unduh\n\n[modul]({link}).")
    problems = stopped_problems(content, tmp_path / "output", PUBLISH_CONFIG)
    assert [(p.code, p.line) for p in problems] == [("tujuan-milik-situs", 6)]
    assert f"“{link}” di isi berita akan disalin ke {relative}" in problems[0].message


def test_the_probe_case_names_the_file_and_line_on_the_command_line(tmp_path):
    link = "{static}/pagefind/2025/pagefind.js"
    content = site_with_file(
        tmp_path, "pagefind/2025/pagefind.js", f"Unduh [modul]({link})."
    )
    output = tmp_path / "output"
    result = run_pelican_cli(content, output, PUBLISH_CONFIG)
    assert result.returncode == 1, result.stderr
    assert (
        f"rilis.md:4: “{link}” di isi berita akan disalin ke "
        "pagefind/2025/pagefind.js: alamat itu milik berkas yang dibuat situs "
        "sendiri (pagefind/…)" in result.stderr
    )
    assert "Traceback" not in result.stderr
    assert not output.exists()


def test_a_featured_image_never_replaces_a_theme_file(tmp_path):
    content = release_site(
        tmp_path, image="theme/images/logo.png", image_alt="Logo palsu"
    )
    small_photo(content / "theme" / "images" / "logo.png", colour=(255, 0, 0))
    problems = stopped_problems(content, tmp_path / "output")
    assert [(p.code, p.line) for p in problems] == [("tujuan-milik-situs", 3)]
    assert "di baris Image: akan disalin ke theme/images/logo.png" in (
        problems[0].message
    )


def test_a_static_folder_file_never_replaces_a_generated_file(tmp_path):
    """STATIC_PATHS (and EXTRA_PATH_METADATA) place files without a link."""
    content = release_site(tmp_path, body="[peta](/robots.txt)")
    (content / "extra").mkdir()
    (content / "extra" / "robots.txt").write_text("Disallow: /", encoding="utf-8")
    problems = stopped_problems(
        content,
        tmp_path / "output",
        STATIC_PATHS=["images", "extra/robots.txt"],
        EXTRA_PATH_METADATA={"extra/robots.txt": {"path": "robots.txt"}},
    )
    assert [(p.code, p.line) for p in problems] == [("berkas-statis-milik-situs", None)]
    assert problems[0].path.endswith("extra/robots.txt")
    assert "akan disalin ke robots.txt" in problems[0].message


def test_a_linked_file_beside_generated_files_is_still_published(tmp_path):
    """Only what the build writes is reserved: a PDF in feeds/ or kabupaten/
    (no generated file there by that name) is copied as before."""
    body = "[a]({static}/feeds/panduan.pdf) [b]({static}/kabupaten/peta.pdf)"
    content = release_site(tmp_path, body=body)
    for relative in ("feeds/panduan.pdf", "kabupaten/peta.pdf"):
        (content / relative).parent.mkdir(parents=True, exist_ok=True)
        (content / relative).write_bytes(b"%PDF")
    output = tmp_path / "output"
    build(content, output)
    assert (output / "feeds" / "panduan.pdf").read_bytes() == b"%PDF"
    assert (output / "kabupaten" / "peta.pdf").read_bytes() == b"%PDF"


def test_the_static_copy_never_replaces_a_generated_file_even_without_the_checks(
    tmp_path, monkeypatch, caplog
):
    from editorial import path_checks

    for check in ("check_destinations", "check_static_destinations"):
        monkeypatch.setattr(path_checks, check, lambda *args: iter(()), raising=False)
    links = " ".join(f"[x]({{static}}/{relative})" for relative in GENERATED.values())
    content = release_site(
        tmp_path,
        body=f"Unduh\n\n{links}",
        image="theme/images/logo.png",
        image_alt="Logo",
    )
    for relative in GENERATED.values():
        write_fake(content, relative)
    output = tmp_path / "output"
    build(content, output, PUBLISH_CONFIG, SITEURL="https://x.test")
    for relative in GENERATED.values():
        path = output / relative
        assert not path.is_file() or FAKE not in path.read_text(errors="replace"), (
            relative
        )
    theme_logo = Path(__file__).parent.parent / "theme/static/images/logo.png"
    assert (output / "theme/images/logo.png").read_bytes() == theme_logo.read_bytes()
    refused = {r.getMessage() for r in caplog.records if r.levelname == "ERROR"}
    assert (
        "Tidak disalin: pagefind/2025/pagefind.js akan menimpa berkas situs "
        "pagefind/…." in refused
    )
    assert "Tidak disalin: feeds/rss.xml akan menimpa berkas situs feeds/rss.xml." in (
        refused
    )


@pytest.mark.parametrize("name", ["a.BAK", "b.jpg.SWP", "c.Orig", "d.Swo", "e.jpg.Bak"])
def test_a_backup_file_in_any_letter_case_stops_the_build(tmp_path, name):
    content = release_site(tmp_path, body=f"Paragraf.\n\n[x]({{static}}/images/{name})")
    (content / "images").mkdir()
    (content / "images" / name).write_bytes(b"x")
    problems = stopped_problems(content, tmp_path / "output")
    assert [(p.code, p.line) for p in problems] == [("berkas-tidak-boleh-terbit", 6)]


def test_a_backup_featured_image_in_capitals_stops_the_build(tmp_path):
    content = release_site(tmp_path, image="images/i.jpg.BAK", image_alt="Foto")
    (content / "images").mkdir()
    (content / "images" / "i.jpg.BAK").write_bytes(b"jpg")
    problems = stopped_problems(content, tmp_path / "output")
    assert [(p.code, p.line) for p in problems] == [("berkas-tidak-boleh-terbit", 3)]


def test_the_static_copy_refuses_backups_in_capitals_even_without_the_checks(
    tmp_path, monkeypatch
):
    from editorial import path_checks

    for check in ("check_links", "check_featured_image"):
        monkeypatch.setattr(path_checks, check, lambda *args: iter(()))
    body = (
        "[a]({static}/images/a.BAK) [b](/images/b.jpg.SWP) [c]({attach}/images/c.Orig)"
    )
    content = release_site(tmp_path, body=body, image="images/i.jpg.BAK", image_alt="x")
    (content / "images").mkdir()
    for name in ("a.BAK", "b.jpg.SWP", "c.Orig", "i.jpg.BAK"):
        (content / "images" / name).write_text(SECRET, encoding="utf-8")
    output = tmp_path / "output"
    build(content, output)
    assert files_holding_secrets(output) == []


def test_the_generated_set_comes_from_the_settings(tmp_path):
    """Patterns, Pelican's own feed settings, tools' folders; letter case
    ignored; a page's folder in a tool's folder stays open to its files."""
    from editorial.output_paths import generated_paths
    from editorial.settings import apply_defaults
    from syndication.settings import apply_defaults as syndication_defaults
    from tests.sitebuild import settings_for

    settings = settings_for(
        tmp_path, tmp_path / "output", TAG_FEED_ATOM="feeds/topik/{slug}.atom.xml"
    )
    apply_defaults(settings)
    syndication_defaults(settings)
    generated = generated_paths(settings)
    assert generated.overwritten("kabupaten/banjar/rss.xml")
    assert generated.overwritten("Kabupaten/Banjar/RSS.xml")
    assert generated.overwritten("feeds/topik/banjir.atom.xml")
    assert generated.overwritten("Feeds/RSS.xml") == "feeds/rss.xml"
    assert generated.overwritten("feeds")  # a file there blocks the folder
    assert generated.overwritten("pagefind/x.js") == "pagefind/…"
    assert generated.overwritten("draf/a/b.pdf") == "draf/…"
    assert generated.overwritten("draf/a/b.pdf", beside={"draf/a/"}) is None
    assert generated.overwritten("kabupaten/peta.pdf") is None
    assert generated.overwritten("berita/2025/foto.jpg") is None
    assert generated.overwritten("images/foto.jpg") is None
