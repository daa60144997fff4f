"""Run Pagefind over one shard at a time, on a background thread.

Each shard's search records (one small HTML document per release, at the
path of its page) are written into a staging folder beside the output
(never inside it: other plugins walk the output), so Pagefind sees exactly
those documents and computes the pages' URLs. A shard whose records are
identical to the previous build's (same Pagefind version) is taken from the
previous output instead of being indexed again; fingerprints are kept in
``.warta/search.json``. A shard is only taken when it is complete: its
record (``COMPLETE``, written after Pagefind succeeded) has the fingerprint
and lists every file with its size, and all of them are still there. One
Pagefind runs at a time, so the build's memory peak is one shard's, not the
archive's.
"""

import hashlib
import json
import logging
import os
import queue
import re
import shutil
import subprocess
import sys
import tempfile
import threading
from collections.abc import Callable
from importlib.metadata import version

from build_speed.carried import link_or_copy, read_manifest, write_manifest

logger = logging.getLogger(__name__)

MANIFEST = "search.json"  # in .warta/ of the output
BUNDLES = "pagefind"
COMPLETE = ".warta-complete.json"  # in each shard folder, written last


class SearchIndexFailed(RuntimeError):
    pass


# Records are rendered with Jinja on the indexing thread, and Jinja's caches
# take locks: a process forked while this thread held one (build_speed
# renders pages in forked workers) would wait for it forever. So a fork
# waits until the records being rendered are done.
_RENDERING = threading.Lock()
os.register_at_fork(
    before=_RENDERING.acquire,
    after_in_parent=_RENDERING.release,
    after_in_child=_RENDERING.release,
)


class ShardIndexer:
    def __init__(self, output: str, previous_root: str):
        self.output = output
        self.previous_root = previous_root
        self.in_place = os.path.realpath(previous_root) == os.path.realpath(output)
        self.previous = read_manifest(previous_root, MANIFEST)
        self.engine = f"pagefind {version('pagefind')}"
        self.fingerprints: dict[str, str] = {}
        self.indexed: list[str] = []
        self.reused: list[str] = []
        self.error: str | None = None
        self._staging: str | None = None
        self._queue: queue.Queue = queue.Queue()
        self._thread = threading.Thread(target=self._work, daemon=True)
        self._thread.start()

    # -- main thread -----------------------------------------------------------

    def submit(self, name: str, records: Callable[[], dict[str, str]]) -> None:
        """Index shard ``name``; ``records()`` gives ``{page path: HTML}``."""
        self._queue.put((name, records))

    def abandon(self) -> None:
        """The build that started this indexer failed: index nothing more,
        and return once the shard being indexed (if any) is done, so that
        the next build never shares the folder with this thread."""
        self.error = self.error or "abandoned"
        self._queue.put(None)
        self._thread.join()
        if self._staging:
            shutil.rmtree(self._staging, ignore_errors=True)

    def finish(self, planned: list[str]) -> None:
        self._queue.put(None)
        self._thread.join()
        if self._staging:
            shutil.rmtree(self._staging, ignore_errors=True)
        if self.error:
            raise SearchIndexFailed(self.error)
        self._remove_stale(set(planned))
        write_manifest(self.output, MANIFEST, self.fingerprints)

    def _remove_stale(self, planned: set[str]) -> None:
        """In-place builds: drop shards (and older layouts) no longer planned."""
        root = os.path.join(self.output, BUNDLES)
        if not os.path.isdir(root):
            return
        for entry in os.scandir(root):
            if entry.is_dir() and entry.name in planned:
                continue
            if entry.is_dir():
                shutil.rmtree(entry.path)
            else:
                os.unlink(entry.path)

    # -- worker thread ---------------------------------------------------------

    def _work(self) -> None:
        while (item := self._queue.get()) is not None:
            if self.error:
                continue
            name, records = item
            try:
                with _RENDERING:
                    rendered = dict(sorted(records().items()))
                self._one(name, rendered)
            except Exception as error:  # reported by finish(), on the main thread
                self.error = f"search shard {name}: {error!r}"

    def _staging_root(self) -> str:
        if self._staging is None:
            try:
                parent = os.path.dirname(os.path.realpath(self.output))
                self._staging = tempfile.mkdtemp(prefix=".search-", dir=parent)
            except OSError:
                self._staging = tempfile.mkdtemp(prefix="warta-search-")
        return self._staging

    def _fingerprint(self, name: str, records: dict[str, str]) -> str:
        digest = hashlib.blake2b(digest_size=16)
        digest.update(f"{self.engine}\0{name}\0".encode())
        for page, html in records.items():
            digest.update(f"{page}\0{html}\0".encode("utf-8", "surrogatepass"))
        return digest.hexdigest()

    def _one(self, name: str, records: dict[str, str]) -> None:
        fingerprint = self._fingerprint(name, records)
        self.fingerprints[name] = fingerprint
        target = os.path.join(self.output, BUNDLES, name)
        previous = os.path.join(self.previous_root, BUNDLES, name)
        if self.previous.get(name) == fingerprint and _complete(previous, fingerprint):
            if not self.in_place:
                shutil.copytree(previous, target, copy_function=link_or_copy)
            self.reused.append(name)
            return
        if self.in_place and name in self.previous:
            # The shard is about to change under its name: until this build
            # finishes, no manifest may vouch for what the folder holds.
            del self.previous[name]
            write_manifest(self.output, MANIFEST, self.previous)
        staging = os.path.join(self._staging_root(), name)
        for page, html in records.items():
            path = os.path.join(staging, page)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "w", encoding="utf-8") as record:
                record.write(html)
        shutil.rmtree(target, ignore_errors=True)
        command = [sys.executable, "-m", "pagefind", "--site", staging,
                   "--output-path", target, "--quiet"]  # fmt: skip
        done = subprocess.run(command, capture_output=True, text=True, timeout=1800)
        shutil.rmtree(staging, ignore_errors=True)
        if done.returncode != 0:
            raise SearchIndexFailed(f"pagefind failed: {done.stderr or done.stdout}")
        _record_complete(target, fingerprint)
        self.indexed.append(name)


def _shard_files(shard: str) -> dict[str, int]:
    sizes = {}
    for folder, _dirs, names in os.walk(shard):
        for name in names:
            path = os.path.join(folder, name)
            relative = os.path.relpath(path, shard).replace(os.sep, "/")
            if relative != COMPLETE:
                sizes[relative] = os.stat(path).st_size
    return sizes


def _record_complete(shard: str, fingerprint: str) -> None:
    record = {
        "fingerprint": fingerprint,
        "files": dict(sorted(_shard_files(shard).items())),
    }
    with open(os.path.join(shard, COMPLETE), "w", encoding="utf-8") as file:
        json.dump(record, file, indent=0)


def _complete(shard: str, fingerprint: str) -> bool:
    """The shard Pagefind wrote for ``fingerprint``, with none of its files
    missing or cut short (a killed copy, a deletion, a concurrent build)."""
    try:
        with open(os.path.join(shard, COMPLETE), encoding="utf-8") as file:
            record = json.load(file)
        if record["fingerprint"] != fingerprint:
            return False
        for relative, size in record["files"].items():
            if os.stat(os.path.join(shard, relative)).st_size != size:
                return False
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return False
    return True


# Pagefind 1.5 writes its filter and metadata indexes in an arbitrary order
# (upstream issue Pagefind/pagefind#638; fragments are stable since 1.3), so
# their names and bytes may differ between two runs over the same pages.
# The completion record lists those names and sizes, so it varies with them.
_UNSTABLE = re.compile(
    r"^pagefind/[^/]+/(filter/|index/|pagefind\.|pagefind-entry\.json$"
    r"|\.warta-complete\.json$)"
)


def unstable_file(relative_path: str) -> bool:
    """True for the search files that may differ between two identical builds."""
    return bool(_UNSTABLE.match(relative_path))
