"""The editor's preview and the published site never share a folder (issue 13,
item 7): the preview has its own folder by default, and each kind of build
refuses a folder the other kind made (``.warta/build.json`` says which)."""

import json
import shutil

from tests.sitebuild import CONTENT, ROOT, make
from tests.test_publish_refusals import tree_digest

SITE = {"WARTA_SITEURL": "https://warta.example"}


def kind_of(folder):
    return json.loads((folder / ".warta" / "build.json").read_text())["kind"]


def test_the_preview_and_the_published_site_have_their_own_folders_by_default():
    dry = make("-n", "html", "devserver", "serve", "publish")
    assert dry.returncode == 0, dry.stderr
    preview_lines = [line for line in dry.stdout.splitlines() if "pelican" in line]
    assert preview_lines
    for line in preview_lines:
        assert f'-o "{ROOT}/pratinjau"' in line or f'"{ROOT}/pratinjau"' in line, line
        assert f"{ROOT}/output" not in line, line
    (publish_line,) = [
        line
        for line in dry.stdout.splitlines()
        if "newsroom.publish" in line and "--preview" not in line
    ]
    assert f'--output "{ROOT}/output"' in publish_line
    assert "pratinjau/" in (ROOT / ".gitignore").read_text()


def test_make_html_marks_its_folder_as_a_preview(tmp_path):
    preview = tmp_path / "pratinjau"
    result = make(
        "html",
        f"INPUTDIR={CONTENT}",
        f"PREVIEWDIR={preview}",
        f"CACHEDIR={tmp_path / 'cache'}",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert (preview / "index.html").is_file()
    assert kind_of(preview) == "preview"


def test_publish_refuses_a_preview_folder(tmp_path):
    preview = tmp_path / "pratinjau"
    assert (
        make(
            "html",
            f"INPUTDIR={CONTENT}",
            f"PREVIEWDIR={preview}",
            f"CACHEDIR={tmp_path / 'cache'}",
        ).returncode
        == 0
    )
    before = tree_digest(preview)
    result = make("publish", f"INPUTDIR={CONTENT}", f"OUTPUTDIR={preview}", env=SITE)
    log = result.stdout + result.stderr
    assert result.returncode != 0
    assert "berisi pratinjau" in log, log
    assert "Traceback" not in log
    assert tree_digest(preview) == before


def test_a_preview_build_refuses_a_published_folder(tmp_path):
    www = tmp_path / "www"
    published = make(
        "publish",
        f"INPUTDIR={CONTENT}",
        f"OUTPUTDIR={www}",
        f"CACHEDIR={tmp_path / 'cache'}",
        env=SITE,
    )
    assert published.returncode == 0, published.stdout + published.stderr
    assert kind_of(www) == "publish"
    before = tree_digest(www)
    drafts = tmp_path / "isi"
    shutil.copytree(CONTENT, drafts)
    for target in ("html", "devserver", "regenerate"):
        result = make(target, f"INPUTDIR={drafts}", f"PREVIEWDIR={www}", "PORT=0")
        log = result.stdout + result.stderr
        assert result.returncode != 0, (target, log)
        assert "berisi situs terbitan" in log, (target, log)
        assert "Traceback" not in log
    assert tree_digest(www) == before


def test_a_preview_build_refuses_the_inputdir_and_foreign_folders(tmp_path):
    content = tmp_path / "isi"
    shutil.copytree(CONTENT, content)
    before = tree_digest(content)
    result = make("html", f"INPUTDIR={content}", f"PREVIEWDIR={content}")
    assert result.returncode != 0
    assert "sama dengan INPUTDIR" in result.stdout + result.stderr
    assert tree_digest(content) == before


def test_clean_removes_our_folders_and_refuses_others(tmp_path):
    preview, www = tmp_path / "pratinjau", tmp_path / "www"
    assert make("html", f"INPUTDIR={CONTENT}", f"PREVIEWDIR={preview}").returncode == 0
    assert (
        make("publish", f"INPUTDIR={CONTENT}", f"OUTPUTDIR={www}", env=SITE).returncode
        == 0
    )
    foreign = tmp_path / "asing"
    foreign.mkdir()
    (foreign / "berkas.txt").write_text("jangan dihapus\n")
    refused = make("clean", f"PREVIEWDIR={preview}", f"OUTPUTDIR={foreign}")
    assert refused.returncode != 0
    assert "bukan hasil pembangunan Warta LKKS" in refused.stdout + refused.stderr
    assert (foreign / "berkas.txt").is_file()
    cleaned = make("clean", f"PREVIEWDIR={preview}", f"OUTPUTDIR={www}")
    assert cleaned.returncode == 0, cleaned.stdout + cleaned.stderr
    assert not preview.exists()
    assert not www.exists()
