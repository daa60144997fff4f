"""A missing real program skips its tests on a developer's machine and fails
them under CI=true (tests/real_parts.py)."""

from tests.real_parts import needs

pytest_plugins = ["pytester"]


def test_a_missing_program_skips_outside_ci(monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    assert needs(False, "nginx").name == "skip"
    assert needs(True, "nginx").args == (None,)


def test_a_missing_program_fails_under_ci(pytester, monkeypatch):
    monkeypatch.setenv("CI", "true")
    pytester.makeconftest(
        "from tests.conftest import _real_part_present  # noqa: F401\n"
    )
    pytester.makepyfile(
        "from tests.real_parts import needs\n"
        "@needs(False, 'nginx')\n"
        "def test_uses_nginx():\n"
        "    pass\n"
    )
    result = pytester.runpytest_inprocess("-p", "no:cacheprovider")
    result.assert_outcomes(errors=1)
    result.stdout.fnmatch_lines(["*nginx is missing*CI=true*"])
