"""make check, make new and make import, as an editor runs them."""

import datetime
import shutil
from pathlib import Path

import pytest

from newsroom.__main__ import main
from tests.sitebuild import CONFIG, CONTENT, FIXTURES, ROOT, build, make, page, text_of

SEED = ROOT.parent / "shared" / "seeds" / "000_67ca0cd8f97fe356.txt"
HAND_MADE = CONTENT / "berita" / "2025" / "pengukuhan-pengurus-lkks-provinsi-kalsel.md"


def run(capsys, *argv):
    code = main(["--settings", str(CONFIG), *argv])
    out, err = capsys.readouterr()
    return code, out, err


# -- make check ---------------------------------------------------------------


def test_check_passes_on_the_bundled_content_and_writes_nothing(tmp_path):
    result = make("check", f"INPUTDIR={CONTENT}", f"OUTPUTDIR={tmp_path / 'out'}")
    assert result.returncode == 0, result.stderr
    assert "Pemeriksaan selesai: tidak ada galat, 0 peringatan." in result.stderr
    assert not (tmp_path / "out").exists()


def test_check_fails_with_the_same_messages_as_a_build(tmp_path):
    case = FIXTURES / "editor_errors" / "gambar-utama-tidak-ada"
    result = make("check", f"INPUTDIR={case}", f"OUTPUTDIR={tmp_path / 'out'}")
    assert result.returncode != 0
    assert (
        "gambar-utama.md:4: gambar “images/tidak-ada.jpg” di baris Image:"
        in result.stderr
    )
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "out").exists()


# -- make new -----------------------------------------------------------------


def test_new_writes_a_complete_draft_and_prints_its_path(tmp_path, capsys):
    code, out, err = run(
        capsys,
        "--content",
        str(tmp_path),
        "new",
        "--title",
        'Rapat "koordinasi" LKS & relawan',
        "--regencies",
        "Kab. Banjar, tanbu, Banjar",
    )
    assert (code, err) == (0, "")
    path = out.strip()
    wita = datetime.timezone(datetime.timedelta(hours=8))
    year = datetime.datetime.now(wita).year
    assert path == str(
        tmp_path / "berita" / str(year) / "rapat-koordinasi-lks-relawan.md"
    )
    text = Path(path).read_text(encoding="utf-8")
    header = dict(line.split(": ", 1) for line in text.split("\n\n")[0].splitlines())
    assert header["Title"] == 'Rapat "koordinasi" LKS & relawan'
    assert header["Regencies"] == "Banjar, Tanah Bumbu"
    assert header["Status"] == "draft"
    for field in ["Slug", "Date", "Category", "Tags", "Author", "Source", "Summary"]:
        assert header[field], field
    written = datetime.datetime.strptime(header["Date"], "%Y-%m-%d %H:%M")
    now = datetime.datetime.now(wita).replace(tzinfo=None)
    assert abs(now - written) < datetime.timedelta(minutes=2)


def test_new_release_passes_every_check_and_stays_unpublished(tmp_path, capsys):
    run(
        capsys,
        "--content",
        str(tmp_path / "c"),
        "new",
        "--title",
        "Uji",
        "--regencies",
        "Tapin",
    )
    build(tmp_path / "c", tmp_path / "out")  # no error, no warning that stops
    assert "Uji" not in text_of(page(tmp_path / "out", "kabupaten/tapin/index.html"))


def test_new_refuses_unknown_regencies_and_existing_files(tmp_path, capsys):
    code, out, err = run(
        capsys,
        "--content",
        str(tmp_path),
        "new",
        "--title",
        "A",
        "--regencies",
        "Tanah Bambu",
    )
    assert code == 1
    assert out == ""
    assert "“Tanah Bambu” bukan nama kabupaten/kota yang dikenal." in err
    assert "Mungkin maksudnya: Tanah Bumbu" in err
    assert not list(tmp_path.rglob("*.md"))
    assert run(capsys, "--content", str(tmp_path), "new", "--title", "Sama")[0] == 0
    code, _, err = run(capsys, "--content", str(tmp_path), "new", "--title", "Sama")
    assert code == 1
    assert "sudah ada" in err


def test_make_new_passes_quotes_in_titles_intact(tmp_path):
    result = make(
        "new",
        "TITLE=Kata \"kutip\" dan 'apostrof'",
        "REGENCIES=HSS",
        f"INPUTDIR={tmp_path}",
    )
    assert result.returncode == 0, result.stderr
    (path,) = tmp_path.rglob("*.md")
    assert path.read_text(encoding="utf-8").startswith(
        "Title: Kata \"kutip\" dan 'apostrof'\n"
    )
    assert "Regencies: Hulu Sungai Selatan" in path.read_text(encoding="utf-8")


# -- make import --------------------------------------------------------------

needs_seed = pytest.mark.skipif(not SEED.exists(), reason=f"{SEED} is not present")


@needs_seed
def test_importing_the_seed_gives_the_hand_made_release(tmp_path, capsys):
    code, out, err = run(
        capsys,
        "--content",
        str(tmp_path),
        "import",
        "--file",
        str(SEED),
        "--category",
        "Kelembagaan",
        "--tags",
        "LKKS, Pengukuhan, Kesejahteraan Sosial",
    )
    assert (code, err) == (0, "")
    imported = (
        tmp_path / "berita" / "2025" / "pengukuhan-pengurus-lkks-provinsi-kalsel.md"
    )
    assert out.strip() == str(imported)
    assert imported.read_text(encoding="utf-8") == HAND_MADE.read_text(encoding="utf-8")


SCRAPED = """KALSEL

Relawan LKKS Bantu Korban Banjir di Barabai

Relawan LKKS membantu warga di Barabai, Senin (3/11/2025). Bantuan dikirim ke Amuntai.

Paragraf kedua. MC Kalsel/Ann

sumber : diskominfomc.kalselprov.go.id

Related Articles

Back to top button
"""


def import_text(tmp_path, capsys, text, *extra):
    source = tmp_path / "rilis.txt"
    source.write_text(text, encoding="utf-8")
    return run(
        capsys,
        "--content",
        str(tmp_path / "c"),
        "import",
        "--file",
        str(source),
        *extra,
    )


def test_import_fills_regencies_from_the_text_and_drops_boilerplate(tmp_path, capsys):
    code, out, err = import_text(tmp_path, capsys, SCRAPED)
    assert (code, err) == (0, "")
    text = Path(out.strip()).read_text(encoding="utf-8")
    assert "Regencies: Hulu Sungai Tengah, Hulu Sungai Utara\n" in text
    assert "Date: 2025-11-03\n" in text
    assert "Author: MC Kalsel/Ann\n" in text
    assert "Slug: relawan-lkks-bantu-korban-banjir-di-barabai\n" in text
    for scrap in ["Related Articles", "Back to top", "sumber :", "KALSEL\n"]:
        assert scrap not in text


@pytest.mark.parametrize(
    ("change", "words"),
    [
        ((", Senin (3/11/2025)", ""), "dateline"),
        (
            (", Senin (3/11/2025)", ", Selasa (3/11/2025)"),
            "jatuh pada hari Senin, bukan Selasa",
        ),
        (
            (" ke Amuntai.", " ke Amuntai, Selasa (4/11/2025)."),
            "beberapa tanggal berbeda",
        ),
        ((", Senin (3/11/2025)", ", Senin (31/11/2025)"), "tidak ada di kalender"),
    ],
)
def test_import_reports_missing_or_ambiguous_dates_and_writes_nothing(
    tmp_path, capsys, change, words
):
    code, out, err = import_text(tmp_path, capsys, SCRAPED.replace(*change))
    assert code == 1
    assert out == ""
    assert words in err
    assert "DATE=" in err
    assert not list(tmp_path.rglob("*.md"))


def test_import_date_can_be_given_when_the_text_has_none(tmp_path, capsys):
    text = SCRAPED.replace(", Senin (3/11/2025)", "")
    code, out, _ = import_text(tmp_path, capsys, text, "--date", "2025-11-03")
    assert code == 0
    assert "Date: 2025-11-03\n" in Path(out.strip()).read_text(encoding="utf-8")


def test_import_reports_missing_credit_and_source_as_warnings(tmp_path, capsys):
    text = SCRAPED.replace(" MC Kalsel/Ann", "").replace(
        "sumber : diskominfomc.kalselprov.go.id\n", ""
    )
    code, out, err = import_text(tmp_path, capsys, text)
    assert code == 0
    assert "PERINGATAN" in err
    assert "kredit" in err
    assert "sumber" in err
    assert "Author:" not in Path(out.strip()).read_text(encoding="utf-8")


def test_import_that_would_duplicate_a_url_is_undone(tmp_path, capsys):
    content = tmp_path / "c"
    shutil.copytree(FIXTURES / "regencies", content)
    clash = content / "berita" / "lama.md"
    clash.write_text(
        "Title: Relawan LKKS Bantu Korban Banjir di Barabai\n"
        "Date: 2025-11-01\n\nLama.\n",
        encoding="utf-8",
    )
    code, _, err = import_text(tmp_path, capsys, SCRAPED)
    assert code == 1
    assert (
        "alamat yang sama: /berita/2025/11/relawan-lkks-bantu-korban-banjir-di-barabai/"
        in err
    )
    assert "Impor dibatalkan" in err
    assert not (content / "berita" / "2025").exists()


def test_make_import_runs_from_the_makefile(tmp_path):
    source = tmp_path / "rilis.txt"
    source.write_text(SCRAPED, encoding="utf-8")
    result = make("import", f"FILE={source}", f"INPUTDIR={tmp_path / 'c'}")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith(
        "relawan-lkks-bantu-korban-banjir-di-barabai.md"
    )


# -- the editor guide ---------------------------------------------------------


def test_editor_guide_tables_are_generated_from_the_code():
    from newsroom.guide import GUIDE, updated

    text = GUIDE.read_text(encoding="utf-8")
    assert updated(text) == text, "run: make docs"


def test_editor_guide_lists_every_message_and_every_regency():
    from editorial.messages import CATALOGUE
    from newsroom.guide import GUIDE
    from regency_tags.registry import load_registry

    text = GUIDE.read_text(encoding="utf-8")
    for code in CATALOGUE:
        assert f"| `{code}` |" in text, code
    for info in load_registry().regencies:
        assert f"| {info.code} | {info.official_name} | `{info.name}` |" in text
    assert "`Tanbu`" in text
    assert "`HSS`" in text


@pytest.mark.parametrize("linked", ["berita", "berita/2026"])
def test_make_new_never_writes_through_a_symlinked_folder(tmp_path, capsys, linked):
    """A symlinked folder under content/ would take the new file outside it."""
    content, outside = tmp_path / "content", tmp_path / "luar"
    outside.mkdir()
    (content / linked).parent.mkdir(parents=True, exist_ok=True)
    (content / linked).symlink_to(outside, target_is_directory=True)
    code, out, err = run(capsys, "--content", str(content), "new", "--title", "Rapat")
    assert code == 1
    assert out == ""
    assert "symlink" in err
    assert not list(outside.rglob("*"))


@needs_seed
def test_make_import_never_writes_through_a_symlinked_folder(tmp_path, capsys):
    content, outside = tmp_path / "content", tmp_path / "luar"
    outside.mkdir()
    content.mkdir()
    (content / "berita").symlink_to(outside, target_is_directory=True)
    code, _, err = run(capsys, "--content", str(content), "import", "--file", str(SEED))
    assert code == 1
    assert "symlink" in err
    assert not list(outside.rglob("*"))


def test_an_imported_headline_of_any_length_gives_a_slug_within_the_limit():
    from editorial.slug_length import slug_limit
    from newsroom.scraped_release import slug_from_title
    from newsroom.site_settings import load

    settings = load(str(CONFIG))
    headline = (
        " ".join(["Rapat koordinasi kesejahteraan sosial"] * 20) + ", Gubernur: X"
    )
    slug = slug_from_title(headline, settings)
    assert 0 < len(slug) <= slug_limit(settings)
    assert not slug.endswith("-")
