"""A damaged search shard in the live site is indexed again, not reused
(issue 13, item 3): reuse needs the shard's completion record, written last,
and every file it lists."""

import pytest

from search_index.indexing import unstable_file
from tests.sitebuild import CONTENT, make

SITE = {"WARTA_SITEURL": "https://warta.example"}


def publish(output, cache):
    result = make(
        "publish",
        f"INPUTDIR={CONTENT}",
        f"OUTPUTDIR={output}",
        f"CACHEDIR={cache}",
        env=SITE,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result


def shard_files(output):
    (shard,) = (output / "pagefind").iterdir()
    return shard, {
        p.relative_to(shard).as_posix() for p in shard.rglob("*") if p.is_file()
    }


@pytest.mark.parametrize("damage", ["a fragment", "the entry", "the record"])
def test_a_damaged_shard_is_indexed_again(tmp_path, damage):
    www = tmp_path / "www"
    publish(www, tmp_path / "cache")
    shard, complete = shard_files(www)
    if damage == "a fragment":
        lost = sorted(shard.glob("fragment/*"))[0]
    elif damage == "the entry":
        lost = shard / "pagefind-entry.json"
    else:
        lost = shard / ".warta-complete.json"
    lost.unlink()
    publish(www, tmp_path / "cache")
    shard, now = shard_files(www)
    assert lost.relative_to(shard).as_posix() in now
    stable = {n for n in complete if not unstable_file(f"pagefind/{shard.name}/{n}")}
    assert stable <= now
    assert len(now) == len(complete)
