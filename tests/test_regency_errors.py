"""Unknown regencies stop the build with an Indonesian message for the editor."""

import shutil

import pytest

from editorial.problems import BuildStopped
from tests.sitebuild import FIXTURES, build, run_pelican_cli


def squash(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def failed_cli_build(tmp_path_factory):
    output = tmp_path_factory.mktemp("unknown-out")
    result = run_pelican_cli(FIXTURES / "unknown_regency", output)
    return result, output


def test_cli_exits_non_zero_without_traceback(failed_cli_build):
    result, _ = failed_cli_build
    assert result.returncode == 1
    everything = result.stdout + result.stderr
    assert "Traceback" not in everything
    assert "Error:" not in everything


def test_message_names_file_line_value_and_closest_name(failed_cli_build):
    result, _ = failed_cli_build
    log = squash(result.stdout + result.stderr)
    assert (
        "GALAT tests/fixtures/unknown_regency/berita/salah-ketik.md:4: "
        "“Tanah Bambu” di baris Regencies: bukan nama kabupaten/kota yang dikenal."
    ) in log
    assert "Perbaikan: Mungkin maksudnya: Tanah Bumbu" in log


def test_nothing_close_lists_every_valid_name(failed_cli_build):
    result, _ = failed_cli_build
    log = squash(result.stdout + result.stderr)
    assert "luar-provinsi.md:4: “Jakarta Selatan” di baris Regencies:" in log
    assert (
        "Gunakan salah satu nama ini: Tanah Laut, Kotabaru, Banjar, Barito Kuala, "
        "Tapin, Hulu Sungai Selatan, Hulu Sungai Tengah, Hulu Sungai Utara, "
        "Tabalong, Tanah Bumbu, Balangan, Banjarmasin, Banjarbaru."
    ) in log
    assert "Situs tidak dibangun: 2 galat harus diperbaiki lebih dulu." in log


def test_failed_build_writes_nothing(failed_cli_build):
    _, output = failed_cli_build
    assert list(output.iterdir()) == []


def test_in_process_build_raises_build_stopped_with_both_problems(tmp_path):
    with pytest.raises(BuildStopped) as stopped:
        build(FIXTURES / "unknown_regency", tmp_path / "out")
    assert stopped.value.code == 1
    problems = stopped.value.problems
    assert [p.path.rsplit("/", 1)[-1] for p in problems] == [
        "luar-provinsi.md",
        "salah-ketik.md",
    ]
    assert all(p.line == 4 for p in problems)


def test_unknown_regency_in_a_draft_also_stops_the_build(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "regencies", content)
    draft = content / "berita" / "draf.md"
    draft.write_text(
        draft.read_text(encoding="utf-8").replace(
            "Regencies: Banjar", "Regencies: Banjr"
        ),
        encoding="utf-8",
    )
    with pytest.raises(BuildStopped) as stopped:
        build(content, tmp_path / "out")
    (problem,) = stopped.value.problems
    assert "“Banjr”" in problem.message
    assert problem.hint.startswith("Mungkin maksudnya: Banjar")
