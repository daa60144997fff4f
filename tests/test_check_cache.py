"""``make check`` reads through Pelican's reader cache, as ``make html`` and
``make publish`` do (a push to the newsroom server is checked this way): a
second check of unchanged files reports exactly what the first reported."""

import re

import pytest

from tests.sitebuild import FIXTURES, make

SCENARIOS = [
    "unknown_regency",
    "hostile",
    "editor_warnings",
    "editor_errors/baris-ganda",
    "editor_errors/gambar-utama-tidak-ada",
]


def messages(stderr: str) -> list[str]:
    return [
        line for line in stderr.splitlines() if re.match(r"(GALAT|PERINGATAN) ", line)
    ]


@pytest.mark.parametrize("scenario", SCENARIOS)
def test_a_cached_check_reports_what_a_cold_one_does(tmp_path, scenario):
    arguments = [
        "check",
        f"INPUTDIR={FIXTURES / scenario}",
        f"CACHEDIR={tmp_path / 'cache'}",
        f"OUTPUTDIR={tmp_path / 'output'}",
    ]
    cold, cached = make(*arguments), make(*arguments)
    assert any((tmp_path / "cache").iterdir()), "the check did not use the cache"
    assert cold.returncode == cached.returncode
    assert messages(cold.stderr), cold.stderr
    assert messages(cached.stderr) == messages(cold.stderr)
