"""The photo cache does not grow for ever: an entry no build has used for
``PHOTOS_CACHE_DAYS`` days (a replaced or removed photo, a changed setting)
is removed at the end of a build.

Every build holds a shared ``flock`` on ``.kunci`` in the cache folder from
the moment it looks at the cache until it has copied its variants, and marks
each entry it uses (its manifest's time). After copying, a build prunes only
when it can turn its lock exclusive, that is when no other build (another
preview, a publish, a check) is using the cache at that moment; otherwise it
skips pruning, so an entry is never removed under a build that needs it.
"""

import contextlib
import fcntl
import logging
import os
import re
import shutil
import time

from . import cache

logger = logging.getLogger(__name__)
LOCK = ".kunci"
_HELD: list = []  # this process's open lock file, while a build uses the cache


def hold(folder: str) -> None:
    """Take this build's shared lock on the cache ``folder``."""
    release()
    try:
        handle = open(os.path.join(folder, LOCK), "a+b")  # noqa: SIM115
        fcntl.flock(handle, fcntl.LOCK_SH)
    except OSError:
        return  # a cache that cannot be written is not pruned either
    _HELD.append((folder, handle))


def finish(days: int) -> int:
    """This build is done with the cache: prune it when no other build holds
    it, then let go; returns how many entries were removed."""
    removed = 0
    if _HELD and days > 0:
        folder, handle = _HELD[-1]
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            pass  # another build is using the cache: no pruning now
        else:
            removed = prune(folder, days)
    release()
    return removed


def release() -> None:
    while _HELD:
        _folder, handle = _HELD.pop()
        with contextlib.suppress(OSError):
            fcntl.flock(handle, fcntl.LOCK_UN)
        handle.close()


def mark_used(folder: str, key: str) -> None:
    with contextlib.suppress(OSError):
        os.utime(os.path.join(cache.folder_for(folder, key), cache.MANIFEST))


def prune(folder: str, days: int, now: float | None = None) -> int:
    """Remove the entries (and leftovers of killed builds) unused for
    ``days`` days; the caller holds the lock exclusively."""
    limit = (now if now is not None else time.time()) - days * 86400
    removed = 0
    for shard in _entries(folder, _SHARD):
        for entry in _entries(shard, _ENTRY):
            manifest = os.path.join(entry, cache.MANIFEST)
            try:
                used = os.stat(manifest).st_mtime
            except OSError:
                used = _time_of(entry)  # a killed build's half-written folder
            if used < limit:
                shutil.rmtree(entry, ignore_errors=True)
                removed += 1
    if removed:
        logger.info("Cache foto: %d entri lama dihapus.", removed)
    return removed


# Only what ``cache.store`` makes: a shard named by two hex digits holding
# entries named by their 64-hex key, or a store's temporary ".<8 hex>-…"
# folder. Anything else in the folder (PHOTOS_CACHE_PATH shared with other
# files by mistake) is never removed.
_SHARD = re.compile(r"\A[0-9a-f]{2}\Z")
_ENTRY = re.compile(r"\A(?:[0-9a-f]{64}|\.[0-9a-f]{8}-[^/]*)\Z")


def _entries(folder: str, name: re.Pattern) -> list[str]:
    try:
        with os.scandir(folder) as found:
            return [
                entry.path
                for entry in found
                if name.match(entry.name) and entry.is_dir(follow_symlinks=False)
            ]
    except OSError:
        return []


def _time_of(path: str) -> float:
    try:
        return os.stat(path).st_mtime
    except OSError:
        return 0.0
