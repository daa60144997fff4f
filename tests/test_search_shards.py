"""The search index is split into date shards; each release is in exactly one,
the search page lists them all, and a rebuild re-indexes only what changed."""

import gzip
import json
import shutil
from datetime import datetime
from pathlib import Path
from types import SimpleNamespace

import pytest

from benchmarks.corpus import write_corpus
from search_index.shards import plan_shards
from tests.sitebuild import PUBLISH_CONFIG, build, page

SITE = "https://example.test"


def release(day: str):
    return SimpleNamespace(date=datetime.fromisoformat(day), name=day)


def test_small_years_are_packed_together_from_the_oldest():
    days = [f"{year}-0{n}-01" for year in range(2016, 2026) for n in (1, 2, 3)]
    releases = [release(day) for day in days]
    shards = plan_shards(releases, limit=7)  # two years (6 releases) fit, three not
    # The newest year stands alone; the others pair up from the oldest.
    assert [s.name for s in shards] == [
        "2025", "2024", "2022-2023", "2020-2021", "2018-2019", "2016-2017",
    ]  # fmt: skip
    assert [r.name for r in shards[-1].releases][:4] == [
        "2016-01-01", "2016-02-01", "2016-03-01", "2017-01-01",
    ]  # fmt: skip


def test_the_newest_year_is_never_packed_with_older_ones():
    releases = [release("2023-03-01"), release("2024-03-01"), release("2025-01-02")]
    assert [s.name for s in plan_shards(releases, limit=10)] == ["2025", "2023-2024"]
    assert [s.name for s in plan_shards(releases[:1], limit=10)] == ["2023"]


def test_a_new_release_this_year_leaves_every_older_shard_alone():
    releases = [release(f"{y}-0{m}-01") for y in range(2016, 2026) for m in (1, 2)]
    before = {s.name: len(s.releases) for s in plan_shards(releases, 8)}
    after = {
        s.name: len(s.releases)
        for s in plan_shards([*releases, release("2025-12-01")], 8)
    }
    changed = {name for name in before.keys() | after.keys()
               if before.get(name) != after.get(name)}  # fmt: skip
    assert changed == {"2025"}


def test_a_large_year_is_split_into_runs_of_whole_months():
    # 3 releases in each month of 2025; at most 7 per shard: Jan-Feb (6),
    # Mar-Apr, ... always whole months, never more than the limit.
    days = [f"2025-{m:02d}-{d:02d}" for m in range(1, 13) for d in (1, 2, 3)]
    releases = [release(day) for day in days]
    shards = plan_shards(releases, limit=7)
    assert [s.name for s in shards] == [
        "2025-11-12", "2025-09-10", "2025-07-08",
        "2025-05-06", "2025-03-04", "2025-01-02",
    ]  # fmt: skip
    assert all(len(s.releases) == 6 for s in shards)
    assert sorted(r.name for s in shards for r in s.releases) == sorted(
        r.name for r in releases
    )


def test_a_month_larger_than_the_limit_stays_whole():
    releases = [release(f"2025-05-{d:02d}") for d in range(1, 10)]
    releases.append(release("2025-06-01"))
    shards = plan_shards(releases, limit=4)
    assert [(s.name, len(s.releases)) for s in shards] == [
        ("2025-06-06", 1),
        ("2025-05-05", 9),
    ]


def test_a_large_year_is_not_packed_with_its_neighbours():
    releases = [release(f"2025-{m:02d}-01") for m in range(1, 13)]
    releases += [release("2024-06-01"), release("2026-06-01")]
    assert [s.name for s in plan_shards(releases, 6)] == [
        "2026", "2025-07-12", "2025-01-06", "2024",
    ]  # fmt: skip


def test_a_new_release_leaves_the_earlier_shards_of_its_year_alone():
    releases = [release(f"2025-{m:02d}-01") for m in range(1, 13)]
    before = {s.name: [r.name for r in s.releases] for s in plan_shards(releases, 4)}
    after = {
        s.name: [r.name for r in s.releases]
        for s in plan_shards([*releases, release("2025-12-20")], 4)
    }
    assert before.keys() == {"2025-01-04", "2025-05-08", "2025-09-12"}
    # December now has two releases: Sep-Dec (5) is split, Jan-Aug untouched.
    assert after.keys() == {"2025-01-04", "2025-05-08", "2025-09-11", "2025-12-12"}
    assert after["2025-01-04"] == before["2025-01-04"]
    assert after["2025-05-08"] == before["2025-05-08"]


def fragments(bundle):
    found = []
    for path in sorted(bundle.glob("fragment/*.pf_fragment")):
        data = gzip.decompress(path.read_bytes())
        found.append(json.loads(data[len(b"pagefind_dcd") :]))
    return found


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return write_corpus(40, tmp_path_factory.mktemp("corpus"))


def publish(content, output, previous=None):
    extra = {"PREVIOUS_OUTPUT_PATH": str(previous)} if previous else {}
    build(content, output, PUBLISH_CONFIG, SITEURL=SITE, SEARCH_SHARD_SIZE=3, **extra)


def test_every_release_is_in_exactly_one_listed_shard(tmp_path, corpus):
    publish(corpus, tmp_path)
    form = page(tmp_path, "cari/index.html").xpath("//form[@data-search]")[0]
    assert form.get("data-root") == f"{SITE}/"
    bundles = form.get("data-bundles").split()
    assert len(bundles) > 10  # 40 releases, at most 3 (whole months) per shard
    names = [b.removeprefix("pagefind/").rstrip("/") for b in bundles]
    assert names == sorted(names, reverse=True)  # newest first
    assert sorted(p.name for p in (tmp_path / "pagefind").iterdir()) == sorted(names)
    urls = []
    for name in names:
        bundle = tmp_path / "pagefind" / name
        assert (bundle / "pagefind.js").is_file()
        found = fragments(bundle)
        assert found, name
        urls += [f["url"] for f in found]
        years = {int(f["filters"]["tahun"][0]) for f in found}
        first, _, last = name.partition("-")
        if len(last) == 4:  # "2016-2019": whole years packed together
            assert years <= set(range(int(first), int(last) + 1))
        else:  # "2025" or "2025-01-06": one year
            assert years == {int(first)}
    releases = sorted((tmp_path / "berita").glob("*/*/*/index.html"))
    expected = sorted(f"/{p.parent.relative_to(tmp_path)}/" for p in releases)
    assert sorted(urls) == expected  # each release once, nothing else


def test_a_rebuild_reindexes_only_the_edited_releases_shard(tmp_path, corpus):
    content = tmp_path / "content"
    shutil.copytree(corpus, content)
    first, second = tmp_path / "first", tmp_path / "second"
    publish(content, first)
    edited = sorted((content / "berita").rglob("*.md"))[7]
    edited.write_text(
        edited.read_text(encoding="utf-8") + "\nKalimat suntingan.\n", encoding="utf-8"
    )
    publish(content, second, previous=first)

    def same_file(name):
        script = Path("pagefind", name, "pagefind.js")
        return (first / script).stat().st_ino == (second / script).stat().st_ino

    names = sorted(p.name for p in (second / "pagefind").iterdir())
    reindexed = [name for name in names if not same_file(name)]
    assert len(reindexed) == 1
    (shard,) = reindexed
    contents = " ".join(f["content"] for f in fragments(second / "pagefind" / shard))
    assert "Kalimat suntingan" in contents
