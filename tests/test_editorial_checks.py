"""Every editor mistake stops the build with an Indonesian message naming the
file, the line and the fix; warnings leave the build going."""

import hashlib
import shutil

import pytest

from editorial.messages import CATALOGUE
from editorial.problems import WARNING, BuildStopped
from tests.sitebuild import CONTENT, FIXTURES, build, make, run_pelican_cli

ERRORS = FIXTURES / "editor_errors"

# case folder → [(file, line, code, words the message must contain)]
EXPECTED = {
    "judul-kosong": [("kosong.md", 1, "judul-kosong", "judul berita kosong")],
    "judul-tidak-ada": [("tanpa-judul.md", 1, "judul-kosong", "judul berita kosong")],
    "tanggal-tidak-ada": [
        ("tanpa-tanggal.md", None, "tanggal-tidak-ada", "tanggal berita tidak ada")
    ],
    "tanggal-salah": [
        (
            "tanggal-salah.md",
            3,
            "tanggal-salah",
            "tanggal “2026-13-45” tidak dapat dibaca",
        )
    ],
    "gambar-utama-tidak-ada": [
        (
            "gambar-utama.md",
            4,
            "gambar-utama-tidak-ada",
            "gambar “images/tidak-ada.jpg” di baris Image: tidak ditemukan",
        )
    ],
    "gambar-isi-tidak-ada": [
        (
            "gambar-isi.md",
            7,
            "gambar-isi-tidak-ada",
            "gambar “{static}/images/tidak-ada.jpg” di isi berita tidak ditemukan",
        ),
        (
            "gambar-isi.md",
            9,
            "gambar-isi-tidak-ada",
            "gambar “/images/denah-hilang.png” di isi berita tidak ditemukan",
        ),
    ],
    "alamat-ganda": [
        (
            "rapat-kedua.md",
            None,
            "alamat-ganda",
            "/berita/2025/11/rapat-koordinasi-bulanan/",
        ),
        (
            "rapat-pertama.md",
            None,
            "alamat-ganda",
            "/berita/2025/11/rapat-koordinasi-bulanan/",
        ),
    ],
    "isi-kosong": [("isi-kosong.md", None, "isi-kosong", "isi berita kosong")],
    "teks-alt-kosong": [
        ("tanpa-alt.md", 3, "teks-alt-kosong", "tidak punya teks pengganti")
    ],
    "metadata-rusak": [("terputus.md", 2, "metadata-rusak", "memutus bagian metadata")],
    "metadata-terputus": [
        ("regencies-hilang.md", 3, "metadata-rusak", "memutus bagian metadata")
    ],
    "status-salah": [
        ("status.md", 3, "status-salah", "Status: “terbit” tidak dikenal")
    ],
    "slug-salah": [("slug.md", 3, "slug-salah", "“../../../etc” tidak boleh dipakai")],
    "slug-kosong": [("simbol.md", 1, "slug-kosong", "judul “###” tidak menghasilkan")],
    "istilah-salah": [
        ("istilah.md", 3, "istilah-salah", "Category: “###” tidak menghasilkan"),
        ("istilah.md", 4, "istilah-salah", "Tags: “!!!” tidak menghasilkan"),
    ],
    "baris-ganda": [
        (
            "ganda.md",
            4,
            "baris-ganda",
            "baris Date: ditulis lebih dari sekali (baris 2, 4)",
        )
    ],
    "tanggal-diperbarui-salah": [
        (
            "diperbarui.md",
            3,
            "tanggal-salah",
            "tanggal “kemarin sore” tidak dapat dibaca",
        )
    ],
    "ringkasan-terlalu-panjang": [
        (
            "ringkasan.md",
            4,
            "ringkasan-terlalu-panjang",
            "lebih dari batas 300 karakter",
        )
    ],
}


@pytest.mark.parametrize("case", sorted(EXPECTED))
def test_each_mistake_stops_the_build_naming_file_line_and_fix(tmp_path, case):
    with pytest.raises(BuildStopped) as stopped:
        build(ERRORS / case, tmp_path / "output")
    problems = stopped.value.problems
    found = [(p.path.rsplit("/", 1)[-1], p.line, p.code, p.message) for p in problems]
    assert len(found) == len(EXPECTED[case]), found
    for (name, line, code, words), (f_name, f_line, f_code, f_message) in zip(
        EXPECTED[case], found, strict=True
    ):
        assert (f_name, f_line, f_code) == (name, line, code)
        assert words in f_message
    for problem in problems:
        assert problem.hint, problem  # every error says how to fix it
    assert not (tmp_path / "output").exists()


def test_duplicate_url_names_the_other_file():
    with pytest.raises(BuildStopped) as stopped:
        build(ERRORS / "alamat-ganda", "/tmp/unused-output")
    second, first = stopped.value.problems
    folder = "tests/fixtures/editor_errors/alamat-ganda/berita"
    assert first.message.startswith(f"berita ini dan {folder}/rapat-kedua.md akan")
    assert second.message.startswith(f"berita ini dan {folder}/rapat-pertama.md akan")


def test_cli_reports_with_file_and_line_and_no_traceback(tmp_path):
    result = run_pelican_cli(ERRORS / "tanggal-salah", tmp_path)
    assert result.returncode == 1
    log = result.stderr
    assert (
        "GALAT tests/fixtures/editor_errors/tanggal-salah/berita/tanggal-salah.md:3: "
        "tanggal “2026-13-45” tidak dapat dibaca." in log
    )
    assert "Perbaikan: Tulis TAHUN-BULAN-HARI JAM:MENIT" in log
    assert "Traceback" not in log
    assert "Could not process" not in log  # Pelican's English line is replaced


def test_warnings_do_not_stop_the_build(tmp_path):
    build(FIXTURES / "editor_warnings", tmp_path)
    assert (tmp_path / "berita" / "2025" / "11").is_dir()
    assert not (tmp_path / "berita" / "2099").exists()


def test_an_error_stops_the_build_and_still_shows_the_warnings(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "editor_warnings", content)
    (content / "berita" / "kosong.md").write_text(
        "Title:\nDate: 2025-01-01\n\nIsi.\n", encoding="utf-8"
    )
    with pytest.raises(BuildStopped) as stopped:
        build(content, tmp_path / "out")
    assert [p.code for p in stopped.value.problems] == ["judul-kosong"]
    assert {p.code for p in stopped.value.warnings} == {"kabupaten-disebut", "embargo"}


def warnings_of(content, tmp_path):
    from editorial.checker import check_content
    from tests.sitebuild import CONFIG

    return [
        p for p in check_content(str(CONFIG), str(content)) if p.severity == WARNING
    ]


def test_mentioned_regency_warnings_avoid_the_banjar_traps(tmp_path):
    warnings = warnings_of(FIXTURES / "editor_warnings", tmp_path)
    mentions = [
        (p.path.rsplit("/", 1)[-1], p.line, p.message)
        for p in warnings
        if p.code == "kabupaten-disebut"
    ]
    assert mentions == [
        (
            "sebutan.md",
            5,
            "isi berita menyebut “Martapura” (Kabupaten Banjar), tetapi Banjar "
            "tidak ada di baris Regencies:.",
        ),
        (
            "sebutan.md",
            7,
            "isi berita menyebut “Banjarbaru” (Kota Banjarbaru), tetapi Banjarbaru "
            "tidak ada di baris Regencies:.",
        ),
    ]


def test_embargoed_release_is_a_warning_with_its_release_time(tmp_path):
    warnings = warnings_of(FIXTURES / "editor_warnings", tmp_path)
    (embargo,) = [p for p in warnings if p.code == "embargo"]
    assert embargo.path.endswith("embargo.md")
    assert embargo.line == 2
    assert embargo.message == (
        "berita diembargo sampai 05-01-2099 10:00 WITA dan belum diterbitkan."
    )


def test_bundled_content_has_no_problem_at_all(tmp_path):
    assert warnings_of(CONTENT, tmp_path) == []


def test_every_message_in_the_catalogue_has_a_fix():
    for code, (severity, message, hint) in CATALOGUE.items():
        assert severity in ("error", "warning"), code
        assert message, code
        assert hint, code


def tree_digest(folder):
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        digest.update(str(path.relative_to(folder)).encode())
        if path.is_file():
            digest.update(path.read_bytes())
    return digest.hexdigest()


def test_failed_publish_leaves_the_published_output_untouched(tmp_path):
    output = tmp_path / "output"
    site = {"WARTA_SITEURL": "https://example.test"}
    first = make("publish", f"INPUTDIR={CONTENT}", f"OUTPUTDIR={output}", env=site)
    assert first.returncode == 0, first.stderr
    before = tree_digest(output)
    for case in ["tanggal-salah", "alamat-ganda"]:
        failed = make(
            "publish", f"INPUTDIR={ERRORS / case}", f"OUTPUTDIR={output}", env=site
        )
        assert failed.returncode != 0
        assert "Situs publik di" in failed.stderr
    assert tree_digest(output) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["output"]  # no debris


def test_publish_leaves_no_stale_files(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "regencies", content)
    output = tmp_path / "output"
    assert make("publish", f"INPUTDIR={content}", f"OUTPUTDIR={output}").returncode == 0
    gone = (
        output / "berita" / "2025" / "02" / "rapat-koordinasi-lks-se-kota-banjarmasin"
    )
    assert gone.is_dir()
    (content / "berita" / "banjarmasin.md").unlink()
    redated = content / "berita" / "provinsi.md"
    redated.write_text(
        redated.read_text(encoding="utf-8").replace("2025-03-01", "2025-04-15"),
        encoding="utf-8",
    )
    assert make("publish", f"INPUTDIR={content}", f"OUTPUTDIR={output}").returncode == 0
    assert not gone.exists()
    assert not (output / "berita" / "2025" / "03").exists()
    assert (
        output / "berita" / "2025" / "04" / "program-kerja-lkks-tahun-pertama"
    ).is_dir()
    rss = (output / "kabupaten" / "banjarmasin" / "rss.xml").read_text(encoding="utf-8")
    assert "Rapat koordinasi" not in rss
