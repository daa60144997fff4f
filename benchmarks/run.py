"""``make bench``: our build against stock Pelican 4.12 on one synthetic corpus.

For N releases (``benchmarks/corpus.py``; one in 25 with its own 3–4 MB
phone photo, ``--no-photos`` for the flat PNGs of earlier runs) it measures,
interleaving the two sides ``--repeats`` times and reporting medians:

1. stock Pelican (default theme and settings, no plugins), cold: it copies
   the same photos as static files;
2. our ``make publish``, cold (pages, regency pages, feeds, search, checks,
   every photo processed): a new output folder and a new, empty CACHEDIR
   (reader cache and photo cache);
3. our ``make publish`` again with nothing changed, ``--repeats`` times;
4. our ``make publish`` again after editing one release (the content cache
   and unchanged search shards reused; every page rendered), ``--repeats``
   times with a different release each time, a release in the middle of the
   archive (its search shard is indexed again);
5. our ``make publish`` again after adding one release to the newest year,
   with a new photo (what an editor's commit usually is); this last rebuild
   is checked equal to a cold build of the edited corpus;
6. our Pelican alone (no Pagefind, no reader cache), with the photo step
   timed (``benchmarks/photo_step.py``): once with an empty photo cache,
   once more from the cache it filled;
7. the peak memory of each (``ru_maxrss`` of the build and its children),
   the photos processed and taken from the cache by each of our builds (the
   photo cache's entries before and after), and the image bytes of the
   output against the source photos.

Every build writes into a new folder (no ``rm -rf`` just before writing).
Prints a table and writes ``bench/result-N.json`` (``result-N-png.json``
without photos). A command, not a test.
"""

import argparse
import filecmp
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

from benchmarks.corpus import add_newest_release
from search_index.indexing import unstable_file

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
PYTHON = sys.executable
STOCK_SETTINGS = ROOT / "benchmarks" / "stock_pelicanconf.py"
SITEURL = "https://bench.example"
RASTER = {".jpg", ".jpeg", ".png", ".webp", ".avif", ".gif"}


def measured(command, env=None) -> tuple[float, int]:
    """Wall seconds and peak RSS (MB) of a command and its children."""
    started = time.perf_counter()
    process = subprocess.Popen(
        command,
        cwd=ROOT,
        env={**os.environ, **(env or {})},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - started
    stderr = process.stderr.read().decode(errors="replace")
    process.stderr.close()
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(f"{' '.join(map(str, command))} failed:\n{stderr[-3000:]}")
    return elapsed, usage.ru_maxrss // 1024


def stock_build(corpus: Path, output: Path):
    return measured(
        [PYTHON, "-m", "pelican", str(corpus), "-o", str(output),
         "-s", str(STOCK_SETTINGS), "--log-handler", "plain", "-q"]
    )  # fmt: skip


def our_build(corpus: Path, output: Path, cache: Path):
    command = ["make", "--no-print-directory", "publish", f"INPUTDIR={corpus}"]
    command += [f"OUTPUTDIR={output}", f"CACHEDIR={cache}"]
    command += ["PELICANOPTS=--log-handler plain -q"]
    return measured(command, env={"WARTA_SITEURL": SITEURL})


def our_build_without_search(corpus: Path, output: Path, cache: Path):
    """Our Pelican process alone (no Pagefind, no reader cache), to see where
    time and memory go: (seconds, peak MB, the photo step's report)."""
    report = output.with_name(output.name + "-foto.json")
    seconds, memory = measured(
        [PYTHON, "-m", "benchmarks.photo_step", str(report), str(corpus),
         "-o", str(output), "-s", str(ROOT / "publishconf.py"),
         "--log-handler", "plain", "-q", "-e", "SEARCH_INDEX=false",
         f"SITEURL={json.dumps(SITEURL)}", f"CACHE_PATH={json.dumps(str(cache))}"]
    )  # fmt: skip
    return seconds, memory, json.loads(report.read_text(encoding="utf-8"))


def photo_entries(cache: Path) -> int:
    """Photos in a CACHEDIR's photo cache (``plugins/photos/cache.py``)."""
    return sum(1 for _ in (cache / "foto").glob("*/*/variants.json"))


def counted(build, corpus: Path, cache: Path, *arguments):
    """A build's (seconds, peak MB) and its photos {"processed", "cached"}:
    a processed photo is a new cache entry, every other used one came from
    the cache (PHOTOS_STATS, seen from outside a quiet ``make publish``)."""
    before = photo_entries(cache)
    seconds, memory = build(corpus, *arguments, cache)
    processed = photo_entries(cache) - before
    used = len(image_sizes(corpus / "images"))
    return seconds, memory, {"processed": processed, "cached": used - processed}


def image_sizes(folder: Path) -> dict[str, int]:
    """{relative path: bytes} of the raster files under ``folder``."""
    return {
        path.relative_to(folder).as_posix(): path.stat().st_size
        for path in folder.rglob("*")
        if path.suffix.lower() in RASTER and path.is_file()
    }


def image_bytes(folder: Path) -> dict:
    sizes = image_sizes(folder)
    kinds: dict[str, int] = {}
    for name, size in sizes.items():
        suffix = name.rsplit(".", 1)[-1].lower()
        kinds[suffix] = kinds.get(suffix, 0) + size
    return {"files": len(sizes), "bytes": sum(sizes.values()), "by_type": kinds}


def tree_files(folder: Path) -> set[str]:
    return {
        path.relative_to(folder).as_posix()
        for path in folder.rglob("*")
        if path.is_file() and not unstable_file(path.relative_to(folder).as_posix())
    }


def same_tree(first: Path, second: Path) -> tuple[bool, list[str]]:
    names = tree_files(first)
    if names != tree_files(second):
        return False, sorted(names ^ tree_files(second))[:10]
    different = [
        name
        for name in sorted(names)
        if not filecmp.cmp(first / name, second / name, shallow=False)
    ]
    return not different, different[:10]


def edit_one_release(corpus: Path, number: int) -> tuple[Path, str]:
    """Append a paragraph to one release (a different one for each number)."""
    releases = sorted((corpus / "berita").rglob("*.md"))
    target = releases[(len(releases) // 2 + 97 * number) % len(releases)]
    original = target.read_text(encoding="utf-8")
    target.write_text(
        original + f"\nParagraf tambahan hasil suntingan {number + 1}.\n",
        encoding="utf-8",
    )
    return target, original


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.run")
    parser.add_argument("--n", type=int, default=5000)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument(
        "--no-photos",
        dest="photos",
        action="store_false",
        help="flat 1200×675 PNGs instead of phone photos (the corpus of earlier runs)",
    )
    args = parser.parse_args(argv)

    BENCH.mkdir(exist_ok=True)
    # Corpora are kept between runs; a name per kind, so a corpus made by an
    # earlier version of the bench (flat PNGs, "corpus-1000") is never taken
    # for a photo corpus.
    name = f"{args.n}-foto" if args.photos else f"{args.n}-png"
    corpus = BENCH / f"corpus-{name}"
    if not (corpus / ".complete").exists():
        shutil.rmtree(corpus, ignore_errors=True)
        # In a child process: a forked build inherits this process's
        # resident size as its peak (ru_maxrss), and photos are big.
        photo_folder = [str(BENCH / "foto")] if args.photos else []
        subprocess.run(
            [
                PYTHON,
                "-m",
                "benchmarks.corpus",
                str(args.n),
                str(corpus),
                *photo_folder,
            ],
            cwd=ROOT,
            check=True,
        )
        (corpus / ".complete").touch()
    new_photo = (BENCH / "foto" / "ponsel-1.jpg").read_bytes() if args.photos else None
    run = BENCH / f"run-{name}-{int(time.time())}"
    run.mkdir()
    source_images = image_bytes(corpus / "images")

    # Cold: a new output folder and an empty CACHEDIR (reader and photo cache).
    stock, ours = [], []
    for repeat in range(args.repeats):
        stock.append(stock_build(corpus, run / f"stock-{repeat}"))
        ours.append(
            counted(our_build, corpus, run / f"cache-{repeat}", run / f"ours-{repeat}")
        )
        times = f"stock {stock[-1][0]:.1f}s, ours {ours[-1][0]:.1f}s"
        print(f"repeat {repeat + 1}: {times}", file=sys.stderr)
    stock_images = image_bytes(run / "stock-0" / "images")
    our_images = image_bytes(run / "ours-0" / "images")

    alone_cache = run / "cache-alone"
    alone_cold = our_build_without_search(corpus, run / "alone-cold", alone_cache)
    alone_warm = our_build_without_search(corpus, run / "alone-warm", alone_cache)

    # Rebuilds of the last cold build's output with its cache: nothing
    # changed; then one release edited (a different one each time, edits
    # accumulating); then a new release with a new photo. Then a cold build
    # of the edited corpus to compare the last rebuild with.
    published = run / f"ours-{args.repeats - 1}"
    cache = run / f"cache-{args.repeats - 1}"
    unchanged = [
        counted(our_build, corpus, cache, published) for _ in range(args.repeats)
    ]
    edits, rebuilds, added = [], [], []
    try:
        for number in range(args.repeats):
            edits.append(edit_one_release(corpus, number))
            rebuilds.append(counted(our_build, corpus, cache, published))
        added = add_newest_release(args.n, corpus, photo=new_photo)
        new_release = counted(our_build, corpus, cache, published)
        our_build(corpus, run / "cold-edited", run / "cache-cold-edited")
    finally:
        for target, original in reversed(edits):
            target.write_text(original, encoding="utf-8")
        for path in added:
            path.unlink()
    identical, differences = same_tree(published, run / "cold-edited")

    def median(samples, index):
        return statistics.median(sample[index] for sample in samples)

    def photo_counts(samples):
        return [sample[2] for sample in samples]

    stock_time, ours_time = median(stock, 0), median(ours, 0)
    stock_mem, ours_mem = median(stock, 1), median(ours, 1)
    rebuild = (median(rebuilds, 0), max(r[1] for r in rebuilds))
    unchanged_time = (median(unchanged, 0), max(r[1] for r in unchanged))
    result = {
        "n": args.n,
        "repeats": args.repeats,
        "photos": args.photos,
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version()},
        "stock_cold_s": [s[0] for s in stock],
        "ours_cold_s": [s[0] for s in ours],
        "stock_cold_median_s": stock_time,
        "ours_cold_median_s": ours_time,
        "ours_cold_photos": photo_counts(ours),
        "rebuild_unchanged_s": unchanged_time[0],
        "rebuild_unchanged_samples_s": [r[0] for r in unchanged],
        "rebuild_unchanged_photos": photo_counts(unchanged),
        "rebuild_one_edit_s": rebuild[0],
        "rebuild_one_edit_samples_s": [r[0] for r in rebuilds],
        "rebuild_one_edit_photos": photo_counts(rebuilds),
        "rebuild_new_release_s": new_release[0],
        "rebuild_new_release_peak_mb": new_release[1],
        "rebuild_new_release_photos": new_release[2],
        "ratio_rebuild_new_release": new_release[0] / stock_time,
        "ours_without_search_s": alone_cold[0],
        "ours_without_search_peak_mb": alone_cold[1],
        "ours_without_search_photo_step": alone_cold[2],
        "ours_without_search_cached_photos_s": alone_warm[0],
        "ours_without_search_cached_photos_photo_step": alone_warm[2],
        "stock_peak_mb": stock_mem,
        "ours_peak_mb": ours_mem,
        "rebuild_peak_mb": rebuild[1],
        "ratio_cold": ours_time / stock_time,
        "ratio_rebuild_unchanged": unchanged_time[0] / stock_time,
        "ratio_rebuild": rebuild[0] / stock_time,
        "ratio_memory": ours_mem / stock_mem,
        "source_images": source_images,
        "stock_output_images": stock_images,
        "ours_output_images": our_images,
        "rebuild_equals_cold": identical,
        "differences": differences,
    }
    result_name = f"result-{args.n}.json" if args.photos else f"result-{name}.json"
    (BENCH / result_name).write_text(json.dumps(result, indent=2) + "\n")

    def photos_of(sample) -> str:
        counts = sample[2] if isinstance(sample[2], dict) else {}
        return f"{counts.get('processed', 0)}/{counts.get('cached', 0)}"

    rows = [
        ("stock Pelican, cold", stock_time, stock_mem, 1.0, "–"),
        ("ours (make publish), cold", ours_time, ours_mem, result["ratio_cold"],
         photos_of(ours[-1])),
        ("ours, rebuild, nothing changed", *unchanged_time,
         result["ratio_rebuild_unchanged"], photos_of(unchanged[-1])),
        ("ours, after editing one release", *rebuild, result["ratio_rebuild"],
         photos_of(rebuilds[-1])),
        ("ours, after a new release + photo", new_release[0], new_release[1],
         result["ratio_rebuild_new_release"], photos_of(new_release)),
        ("ours without Pagefind, cold", alone_cold[0], alone_cold[1],
         alone_cold[0] / stock_time, photos_of((0, 0, alone_cold[2]["stats"]))),
        ("ours without Pagefind, photo cache", alone_warm[0], alone_warm[1],
         alone_warm[0] / stock_time, photos_of((0, 0, alone_warm[2]["stats"]))),
    ]  # fmt: skip
    print(f"\nN = {args.n} releases, {args.repeats} interleaved repeats (medians)\n")
    header = f"{'build':36} {'seconds':>9} {'peak MB':>9} {'× stock':>9}"
    print(f"{header} {'photos new/cached':>18}")
    for label, seconds, memory, ratio, counts in rows:
        print(f"{label:36} {seconds:9.2f} {memory:9.0f} {ratio:9.2f} {counts:>18}")
    print()
    for label, step in (("empty photo cache", alone_cold[2]),
                        ("from the photo cache", alone_warm[2])):  # fmt: skip
        stats = step["stats"]
        print(f"photo step, {label}: {step['prepare_s']:.2f} s for "
              f"{stats.get('processed', 0)} processed + {stats.get('cached', 0)} "
              f"cached, {step['write_s']:.2f} s placing variants")  # fmt: skip
    megabytes = 1024 * 1024
    by_type = ", ".join(
        f"{kind} {size / megabytes:.1f} MB"
        for kind, size in sorted(our_images["by_type"].items())
    )
    print(f"image bytes: source {source_images['bytes'] / megabytes:.1f} MB "
          f"in {source_images['files']} files; stock output "
          f"{stock_images['bytes'] / megabytes:.1f} MB; ours "
          f"{our_images['bytes'] / megabytes:.1f} MB in {our_images['files']} files "
          f"({by_type})")  # fmt: skip
    verdict = "yes" if identical else "NO " + ", ".join(differences)
    ratio = result["ratio_memory"]
    print(f"\nmemory ratio {ratio:.2f}; rebuilt site equals a cold build: {verdict}")
    shutil.rmtree(run, ignore_errors=True)
    return 0 if identical else 1


if __name__ == "__main__":
    sys.exit(main())
