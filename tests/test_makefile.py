"""The Makefile as an editor or deployer uses it, with paths outside the repo."""

import shutil

from tests.sitebuild import CONTENT, FIXTURES, ROOT, make

ARTICLE = "berita/2025/10/pengukuhan-pengurus-lkks-provinsi-kalsel/index.html"


def test_publish_takes_absolute_input_and_output_paths_outside_the_repo(tmp_path):
    content = tmp_path / "isi"
    shutil.copytree(CONTENT, content)
    output = tmp_path / "situs"
    result = make(
        "publish",
        f"INPUTDIR={content}",
        f"OUTPUTDIR={output}",
        env={"WARTA_SITEURL": "https://warta.example"},
    )
    assert result.returncode == 0, result.stdout + result.stderr
    html = (output / ARTICLE).read_text(encoding="utf-8")
    assert 'href="https://warta.example/theme/css/style.' in html
    rss = (output / "feeds" / "rss.xml").read_text(encoding="utf-8")
    assert "<link>https://warta.example/berita/2025/10/" in rss
    assert not (ROOT / "output" / "isi").exists()


def test_publish_stops_on_an_unknown_regency_with_an_editor_message(tmp_path):
    output = tmp_path / "situs"
    result = make(
        "publish", f"INPUTDIR={FIXTURES / 'unknown_regency'}", f"OUTPUTDIR={output}"
    )
    assert result.returncode != 0
    log = result.stdout + result.stderr
    assert "“Tanah Bambu” di baris Regencies: bukan nama kabupaten/kota" in log
    assert "Mungkin maksudnya: Tanah Bumbu" in log
    assert "Traceback" not in log
    assert not (output / "index.html").exists()
