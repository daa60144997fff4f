"""The oracle over the edit matrix: after each edit, a build with build_speed
(publish: a fresh folder reusing the previous output; in place: the same
folder, as ``make html``) equals a cold reference build without it.

One workspace is built once and put back before each scenario, at the same
paths, so that every rebuild finds what a real previous build leaves: its
output, its manifests and the reader cache. Every edit alone runs without
the search index (``matrix``), to keep the suite short: Pagefind's shards
are reused by ``search_index`` on their own key, and every edit in
sequence, the interrupted builds and the random sequences
(test_oracle_stateful.py) run with it (``workspace``).
"""

import shutil

import pytest
from pelican import signals

from benchmarks.corpus import write_corpus
from photos.settings import DEFAULTS as PHOTOS_DEFAULTS
from tests.oracle import (
    EDITS,
    MODES,
    PHONE_PHOTO,
    REFERENCE_PLUGINS,
    SITE,
    InjectedFailure,
    OracleSite,
    build_with_only_its_plugins,
    differences,
    failing_after,
    interrupted_edit,
    output_files,
    snapshot,
    stale_files,
)
from tests.sitebuild import CONTENT

AVIF = PHOTOS_DEFAULTS["PHOTOS_AVIF"]

STALE_NEVER = (".html", ".css", ".js")


class Workspace:
    def __init__(self, root, search: bool = True):
        self.site = OracleSite(root / "site").create()
        self.site.fixed = {} if search else {"SEARCH_INDEX": False}
        self.published = self.site.build(self.site.root / "published", publish=True)
        self.in_place = self.site.build(self.site.root / "in-place")
        self.reference = {
            mode: self.site.reference(root / f"reference-{number}", mode)
            for number, mode in enumerate(MODES)
        }
        self.pristine = root / "pristine"
        self.site.save(self.pristine)
        self.scratch = root / "scratch"

    def fresh(self) -> OracleSite:
        """The site as first built; scratch outputs emptied."""
        self.site.restore(self.pristine)
        shutil.rmtree(self.scratch, ignore_errors=True)
        self.scratch.mkdir()
        return self.site

    def publish(self, **extra):
        """A publish build reusing ``published``, which it must not change."""
        before = snapshot(self.published)
        rebuilt = self.site.build(
            self.scratch / "rebuilt", previous=self.published, **extra
        )
        untouched = snapshot(self.published) == before
        return rebuilt, untouched


@pytest.fixture(scope="module")
def workspace(tmp_path_factory):
    return Workspace(tmp_path_factory.mktemp("oracle"))


@pytest.fixture(scope="module")
def matrix(tmp_path_factory):
    return Workspace(tmp_path_factory.mktemp("matrix"), search=False)


def test_the_reference_and_build_speed_give_the_same_site(workspace):
    assert differences(workspace.published, workspace.reference["publish"]) == []
    assert differences(workspace.in_place, workspace.reference["in place"]) == []


def test_the_photo_variants_are_among_the_files_compared(workspace):
    """The phone photo is published as variants (and only so): the oracle
    compares their bytes like any page's."""
    for folder in [*workspace.reference.values(), workspace.published]:
        compared = output_files(folder)
        stem = PHONE_PHOTO.removesuffix(".jpg")
        variants = [name for name in compared if name.startswith(stem + "-")]
        formats = {name.rsplit(".", 1)[-1] for name in variants}
        assert formats == ({"avif", "jpg", "webp"} if AVIF else {"jpg", "webp"})
        assert len(variants) == 4 * len(formats)  # 320, 480, 800 and 1000 px
        assert PHONE_PHOTO not in compared


def test_the_reference_processes_every_photo_from_nothing(workspace, tmp_path):
    """Cold means cold: a reference build never takes a photo from a cache,
    not from the site's nor from an earlier reference's."""
    seen = []

    def record(generators):
        seen.append(dict(generators[0].context["PHOTOS_STATS"]))

    receivers = [(signals.all_generators_finalized, record)]
    site = workspace.fresh()
    for number in range(2):
        site.reference(tmp_path / f"reference-{number}", receivers=receivers)
    assert len(seen) == 2
    assert all(stats["cached"] == 0 and stats["processed"] >= 2 for stats in seen)
    assert not list(site.root.parent.glob("cold-*"))  # thrown away


@pytest.fixture(scope="module", params=list(EDITS))
def after_edit(request, matrix):
    """One edit, then: the reference, a publish build and an in-place build."""
    workspace = matrix
    site = workspace.fresh()
    EDITS[request.param](site)
    reference = {
        mode: site.reference(workspace.scratch / f"reference-{number}", mode)
        for number, mode in enumerate(MODES)
    }
    rebuilt, untouched = workspace.publish()
    site.build(workspace.in_place)
    in_place = reference["in place"]
    return {
        "publish": differences(rebuilt, reference["publish"]),
        "previous untouched": untouched,
        "in place": differences(workspace.in_place, in_place, in_place=True),
        "stale": stale_files(workspace.in_place, in_place),
    }


def test_publish_after_an_edit_equals_the_reference(after_edit):
    assert after_edit["publish"] == []
    assert after_edit["previous untouched"]  # the live folder was never written


def test_in_place_after_an_edit_equals_the_reference(after_edit):
    assert after_edit["in place"] == []
    # Left from earlier builds, never listed anywhere: no page, no asset.
    assert [name for name in after_edit["stale"] if name.endswith(STALE_NEVER)] == []


def test_every_edit_in_sequence(workspace):
    site = workspace.fresh()
    published = workspace.published
    failures = []
    for number, (name, edit) in enumerate(EDITS.items()):
        edit(site)
        reference = {
            mode: site.reference(workspace.scratch / f"reference-{mode}", mode)
            for mode in MODES
        }
        rebuilt = site.build(
            workspace.scratch / f"published-{number}", previous=published
        )
        site.build(workspace.in_place)
        for mode, folder in (("publish", rebuilt), ("in place", workspace.in_place)):
            found = differences(folder, reference[mode], in_place=mode == "in place")
            if found:
                failures.append((name, mode, found[:3]))
        for folder in reference.values():
            shutil.rmtree(folder)
        if published != workspace.published:
            shutil.rmtree(published)
        published = rebuilt
    assert failures == []


@pytest.mark.parametrize("mode", ["publish", "in place"])
def test_an_interrupted_build_then_a_revert(workspace, mode):
    site = workspace.fresh()
    release = site.release_path(4)
    original = release.read_bytes()
    interrupted_edit(site)
    if mode == "publish":
        with pytest.raises(InjectedFailure):
            site.build(
                workspace.scratch / "failed",
                previous=workspace.published,
                receivers=[(signals.content_written, failing_after("rilis-00004"))],
            )
        release.write_bytes(original)
        folder, _ = workspace.publish()
    else:
        folder = workspace.in_place
        with pytest.raises(InjectedFailure):
            site.build(
                folder,
                receivers=[(signals.content_written, failing_after("rilis-00004"))],
            )
        release.write_bytes(original)
        site.build(folder)
    reference = workspace.reference[mode]
    found = differences(folder, reference, in_place=mode == "in place")
    assert found == []


def test_in_place_removes_a_deleted_release(workspace):
    site = workspace.fresh()
    EDITS["deleted release"](site)
    reference = site.reference(workspace.scratch / "reference", "in place")
    site.build(workspace.in_place)
    assert differences(workspace.in_place, reference, in_place=True) == []
    assert stale_files(workspace.in_place, reference) == []


@pytest.mark.parametrize("source", ["bundled content", "generated corpus"])
def test_the_site_builds_the_same_without_build_speed(tmp_path, source):
    """The reference build: build_speed off, the same bytes."""
    if source == "bundled content":
        content = CONTENT
    else:
        content = write_corpus(60, tmp_path / "corpus")
    site = {"SITEURL": SITE}
    build_with_only_its_plugins(
        content, tmp_path / "fast", BUILD_PARALLEL_MIN_FILES=1, **site
    )
    build_with_only_its_plugins(
        content, tmp_path / "reference", PLUGINS=REFERENCE_PLUGINS, **site
    )
    assert differences(tmp_path / "fast", tmp_path / "reference") == []
