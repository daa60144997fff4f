"""Our feeds through the real consumers: feedparser, WordPress's SimplePie
(1.8.0 and 1.5.8, run with PHP) and RSS/Atom spec rules.

The tool lives beside the repository (../shared/tools/feedcheck); it installs
PHP and SimplePie on its first run. Without it these tests cannot run.
"""

import subprocess

import pytest

from tests.sitebuild import CONTENT, FIXTURES, PUBLISH_CONFIG, ROOT, build

FEEDCHECK = ROOT.parent / "shared" / "tools" / "feedcheck" / "feedcheck"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not FEEDCHECK.exists(), reason=f"{FEEDCHECK} is not present"),
]


def feeds_of(output):
    return sorted([*output.glob("feeds/*.xml"), *output.glob("kabupaten/*/rss.xml")])


@pytest.mark.parametrize(
    "content", [CONTENT, FIXTURES / "feeds"], ids=["bundled", "fixtures"]
)
def test_feedcheck_finds_no_error_and_no_warning(tmp_path, content):
    build(content, tmp_path, PUBLISH_CONFIG, SITEURL="https://example.test")
    feeds = feeds_of(tmp_path)
    assert len(feeds) == 15
    result = subprocess.run(
        [str(FEEDCHECK), "--strict", *map(str, feeds)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    report = result.stdout + result.stderr
    assert result.returncode == 0, report
    assert "15 feed(s): 15 ok, 0 failing" in report
    assert report.count("RESULT    OK (0 error(s), 0 warning(s))") == 15
