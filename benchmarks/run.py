"""``make bench``: our build against stock Pelican 4.12 on one synthetic corpus.

For N releases (``benchmarks/corpus.py``) it measures, interleaving the two
sides ``--repeats`` times and reporting medians:

1. stock Pelican (default theme and settings, no plugins), cold;
2. our ``make publish``, cold (pages, regency pages, feeds, search, checks);
3. our ``make publish`` again after editing one release (the content cache
   and unchanged search shards reused; every page rendered), ``--repeats``
   times with a different release each time, a release in the middle of the
   archive (its search shard is indexed again);
4. our ``make publish`` again after adding one release to the newest year,
   what an editor's commit usually is; this last rebuild is checked equal
   to a cold build of the edited corpus;
5. the peak memory of each (``ru_maxrss`` of the build and its children).

Every build writes into a new folder (no ``rm -rf`` just before writing).
Prints a table and writes ``bench/result-N.json``. A command, not a test.
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

from benchmarks.corpus import add_newest_release, write_corpus
from search_index.indexing import unstable_file

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
PYTHON = sys.executable
STOCK_SETTINGS = ROOT / "benchmarks" / "stock_pelicanconf.py"


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
    return measured(command, env={"WARTA_SITEURL": "https://bench.example"})


def our_build_without_search(corpus: Path, output: Path):
    """Our Pelican process alone (no Pagefind), to see where time and memory go."""
    return measured(
        [PYTHON, "-m", "pelican", str(corpus), "-o", str(output), "-s",
         str(ROOT / "publishconf.py"), "--log-handler", "plain", "-q",
         "-e", "SEARCH_INDEX=false", 'SITEURL="https://bench.example"']
    )  # fmt: skip


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
    args = parser.parse_args(argv)

    BENCH.mkdir(exist_ok=True)
    corpus = BENCH / f"corpus-{args.n}"
    if not (corpus / ".complete").exists():
        shutil.rmtree(corpus, ignore_errors=True)
        write_corpus(args.n, corpus)
        (corpus / ".complete").touch()
    run = BENCH / f"run-{args.n}-{int(time.time())}"
    run.mkdir()

    stock, ours = [], []
    for repeat in range(args.repeats):
        stock.append(stock_build(corpus, run / f"stock-{repeat}"))
        ours.append(our_build(corpus, run / f"ours-{repeat}", run / f"cache-{repeat}"))
        times = f"stock {stock[-1][0]:.1f}s, ours {ours[-1][0]:.1f}s"
        print(f"repeat {repeat + 1}: {times}", file=sys.stderr)

    without_search = our_build_without_search(corpus, run / "ours-no-search")

    # Rebuilds after editing one release (a different one each time, edits
    # accumulating), reusing the last cold build's cache and output; then a
    # cold build of the edited corpus to compare the last rebuild with.
    published = run / f"ours-{args.repeats - 1}"
    cache = run / f"cache-{args.repeats - 1}"
    edits, rebuilds, added = [], [], None
    try:
        for number in range(args.repeats):
            edits.append(edit_one_release(corpus, number))
            rebuilds.append(our_build(corpus, published, cache))
        added = add_newest_release(args.n, corpus)
        new_release = our_build(corpus, published, cache)
        our_build(corpus, run / "cold-edited", run / "cache-cold-edited")
    finally:
        for target, original in reversed(edits):
            target.write_text(original, encoding="utf-8")
        if added is not None:
            added.unlink()
    identical, differences = same_tree(published, run / "cold-edited")
    rebuild = (
        statistics.median(r[0] for r in rebuilds),
        max(r[1] for r in rebuilds),
    )

    def median(samples, index):
        return statistics.median(sample[index] for sample in samples)

    stock_time, ours_time = median(stock, 0), median(ours, 0)
    stock_mem, ours_mem = median(stock, 1), median(ours, 1)
    result = {
        "n": args.n,
        "repeats": args.repeats,
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version()},
        "stock_cold_s": [s[0] for s in stock],
        "ours_cold_s": [s[0] for s in ours],
        "stock_cold_median_s": stock_time,
        "ours_cold_median_s": ours_time,
        "rebuild_one_edit_s": rebuild[0],
        "rebuild_one_edit_samples_s": [r[0] for r in rebuilds],
        "rebuild_new_release_s": new_release[0],
        "rebuild_new_release_peak_mb": new_release[1],
        "ratio_rebuild_new_release": new_release[0] / stock_time,
        "ours_without_search_s": without_search[0],
        "ours_without_search_peak_mb": without_search[1],
        "stock_peak_mb": stock_mem,
        "ours_peak_mb": ours_mem,
        "rebuild_peak_mb": rebuild[1],
        "ratio_cold": ours_time / stock_time,
        "ratio_rebuild": rebuild[0] / stock_time,
        "ratio_memory": ours_mem / stock_mem,
        "rebuild_equals_cold": identical,
        "differences": differences,
    }
    (BENCH / f"result-{args.n}.json").write_text(json.dumps(result, indent=2) + "\n")
    rows = [
        ("stock Pelican, cold", stock_time, stock_mem, 1.0),
        ("ours (make publish), cold", ours_time, ours_mem, result["ratio_cold"]),
        (
            "ours, after editing one release",
            rebuild[0],
            rebuild[1],
            result["ratio_rebuild"],
        ),
        (
            "ours, after adding a new release",
            new_release[0],
            new_release[1],
            result["ratio_rebuild_new_release"],
        ),
        (
            "ours without Pagefind (Pelican only)",
            without_search[0],
            without_search[1],
            without_search[0] / stock_time,
        ),
    ]
    print(f"\nN = {args.n} releases, {args.repeats} interleaved repeats (medians)\n")
    print(f"{'build':36} {'seconds':>9} {'peak MB':>9} {'× stock':>9}")
    for name, seconds, memory, ratio in rows:
        print(f"{name:36} {seconds:9.2f} {memory:9.0f} {ratio:9.2f}")
    verdict = "yes" if identical else "NO " + ", ".join(differences)
    ratio = result["ratio_memory"]
    print(f"\nmemory ratio {ratio:.2f}; rebuilt site equals a cold build: {verdict}")
    shutil.rmtree(run, ignore_errors=True)
    return 0 if identical else 1


if __name__ == "__main__":
    sys.exit(main())
