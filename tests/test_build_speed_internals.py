"""build_speed's contract with Pelican: the private APIs it touches are those
of the tested Pelican version, another version gets stock behaviour, a
failed build leaves no state behind, releases stay picklable, and no write
goes through a file shared with another folder."""

import gc
import logging
import os
import pickle
import subprocess
import sys

import pelican
import pytest
from pelican import signals

from build_speed import page_writer, pelican_internals
from build_speed.page_writer import ParallelWriter
from tests.oracle import InjectedFailure, OracleSite, differences, failing_after
from tests.sitebuild import ROOT, settings_for


def test_the_installed_pelican_is_the_one_build_speed_was_written_for():
    assert pelican.__version__ == pelican_internals.TESTED_PELICAN, (
        "build_speed/pelican_internals.py touches private Pelican APIs checked "
        f"against Pelican {pelican_internals.TESTED_PELICAN}; Pelican "
        f"{pelican.__version__} is installed: check every API named there, "
        "run the oracle (tests/test_oracle.py), then update TESTED_PELICAN."
    )


@pytest.fixture(scope="module")
def small_site(tmp_path_factory):
    site = OracleSite(tmp_path_factory.mktemp("internals")).create()
    reference = site.reference(site.root / "reference")
    return site, reference


def test_another_pelican_version_gets_stock_behaviour(small_site, monkeypatch, caplog):
    site, reference = small_site
    monkeypatch.setattr(pelican, "__version__", "4.99.0")
    with caplog.at_level(logging.WARNING, logger="build_speed"):
        output = site.build(site.root / "other-version", publish=True)
    assert "Pelican 4.99.0" in caplog.text
    assert "dimatikan" in caplog.text
    assert differences(output, reference) == []
    assert not list((output / ".warta").glob("pages.json"))  # stock writer


def test_a_failed_build_leaves_no_state_behind(small_site):
    site, _ = small_site
    gc.unfreeze()
    with pytest.raises(InjectedFailure):
        site.build(
            site.root / "failing",
            receivers=[(signals.content_written, failing_after("rilis-00004"))],
        )
    assert gc.get_freeze_count() == 0
    gc.collect()  # the failed build's frames are gone with its exception
    assert dict(page_writer._WRITERS) == {}


def test_releases_stay_picklable(small_site):
    site, _ = small_site
    seen = []

    def keep(generator):
        seen.extend(generator.articles)

    site.build(
        site.root / "pickled",
        receivers=[(signals.article_generator_finalized, keep)],
    )
    assert seen
    for release in seen:
        assert release.url  # the cached URL was computed
        copy = pickle.loads(pickle.dumps(release))
        assert copy.url == release.url
        assert copy.source_path == release.source_path


def test_an_overriding_write_never_goes_through_a_shared_inode(tmp_path):
    """A page that overrides another (Pelican's ``override_output``) is
    written to a new file that replaces the old name, never into the old
    file, which may be a hard link into the live site."""
    live = tmp_path / "live"
    live.mkdir()
    (live / "index.html").write_text("live", encoding="utf-8")
    output = tmp_path / "output"
    output.mkdir()
    os.link(live / "index.html", output / "index.html")

    class Template:
        def render(self, context):
            return "new"

    settings = settings_for(tmp_path, output)
    writer = ParallelWriter(str(output), settings=settings)
    writer.write_file("index.html", Template(), {}, override_output=True)
    writer.write_file("berkas.html", Template(), {})
    writer.flush()
    assert (live / "index.html").read_text(encoding="utf-8") == "live"
    assert (output / "index.html").read_text(encoding="utf-8") == "new"


def test_the_reader_cache_is_kept_while_its_key_holds(small_site):
    """Same settings, code and libraries: the reader cache is loaded (the
    key is stable across builds); another setting: it is not."""
    site, _ = small_site
    loaded = []

    def remember(generator):
        loaded.append(generator.settings["LOAD_CONTENT_CACHE"])

    spy = [(signals.article_generator_finalized, remember)]
    site.build(site.root / "cached", receivers=spy)
    site.build(site.root / "cached", receivers=spy)
    site.settings["SITESUBTITLE"] = "Lain"
    site.build(site.root / "cached", receivers=spy)
    site.settings.clear()
    assert loaded[1:] == [True, False]


def test_pelicans_generator_cache_can_save_the_releases(small_site, caplog):
    """Pelican's generator-level cache pickles every release; it failed
    (with only a warning) while releases had an unpicklable class."""
    site, _ = small_site
    cache = site.root / "generator-cache"
    with caplog.at_level(logging.WARNING):
        site.build(
            site.root / "generator-cached",
            publish=True,
            CONTENT_CACHING_LAYER="generator",
            CACHE_PATH=str(cache),
        )
    assert "Could not save cache" not in caplog.text
    assert (cache / "ArticlesGenerator").is_file()


KEY_OF_THE_SITE = """
import sys
from pelican import Pelican
from tests.sitebuild import ROOT, settings_for, CONTENT
from build_speed.reader_cache import KEY_SETTING
settings = settings_for(CONTENT, sys.argv[1], CACHE_CONTENT=True)
Pelican(settings)  # plugins registered, initialized sent
print(settings[KEY_SETTING])
"""


def test_the_reader_cache_key_is_the_same_in_every_process(tmp_path):
    """String hashing differs per process (sets, dict of sets...): the key
    must not, or every build would throw the cache away."""
    keys = set()
    path = f"{ROOT / 'plugins'}{os.pathsep}{ROOT}"
    for seed in ("1", "2"):
        done = subprocess.run(
            [sys.executable, "-c", KEY_OF_THE_SITE, str(tmp_path)],
            capture_output=True,
            text=True,
            cwd=ROOT,
            env={**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": path},
            timeout=120,
        )
        assert done.returncode == 0, done.stderr
        keys.add(done.stdout.strip().splitlines()[-1])
    assert len(keys) == 1
