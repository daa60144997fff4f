"""A broken reader cache is an empty one, with a warning, never a failed build.

Pelican's ``FileDataCacher`` loads ``CACHE_PATH/*-Readers`` with pickle and
turns most damage into an empty cache, but not an ``EOFError`` (a file cut
to nothing, or cut where a pickle frame ends: a build killed while saving
it): every later build then fails until ``cache/`` is deleted. Before the
generators load it (``initialized``), each cache file is checked; one that
does not load is removed, with a warning, and this build reads every file
again and saves a whole cache.

Checking means loading (0.2-0.3 s for the 6 MB cache of 2,000 releases);
so once every generator has read its content (``all_generators_finalized``:
each saved its cache at the end of its context phase, and a build that stops
for an editor's error gets there too) the size and time of each cache file
are remembered, and an unchanged file is not checked again (0.2 ms).
"""

import contextlib
import gzip
import json
import logging
import os
import pickle

from output_files import replace_file

logger = logging.getLogger(__name__)

VERIFIED = ".warta-verified.json"  # in CACHE_PATH


def _cache_files(settings) -> list[str]:
    if not settings.get("LOAD_CONTENT_CACHE"):
        return []
    if settings.get("CONTENT_CACHING_LAYER") != "reader":
        return []
    folder = settings.get("CACHE_PATH", "")
    try:
        names = sorted(os.listdir(folder))
    except OSError:
        return []
    return [os.path.join(folder, name) for name in names if name.endswith("-Readers")]


def _stamp(path: str) -> list[int]:
    stat = os.stat(path)
    return [stat.st_size, stat.st_mtime_ns]


def _verified(settings) -> dict:
    try:
        with open(
            os.path.join(settings["CACHE_PATH"], VERIFIED), encoding="utf-8"
        ) as f:
            return json.load(f)
    except (OSError, ValueError):
        return {}


def _loads(path: str, compressed: bool) -> bool:
    opener = gzip.open if compressed else open
    try:
        with opener(path, "rb") as cached:
            pickle.load(cached)
    except Exception:  # any damage at all: the cache is only an optimisation
        return False
    return True


def discard_broken(settings) -> None:
    """Receiver for ``initialized``: remove cache files that cannot load."""
    verified = _verified(settings)
    for path in _cache_files(settings):
        name = os.path.basename(path)
        with contextlib.suppress(OSError):
            if verified.get(name) == _stamp(path):
                continue
            if not _loads(path, bool(settings.get("GZIP_CACHE"))):
                os.remove(path)
                logger.warning(
                    'Cache pembaca "%s" rusak (mungkin build sebelumnya terhenti '
                    "saat menyimpannya): diabaikan; build ini membaca ulang semua "
                    "berkas dan menyimpan cache baru.",
                    path,
                )


def remember_good(settings) -> None:
    """After the context phase: the caches this build saved are whole."""
    stamps = {}
    for path in _cache_files(settings):
        with contextlib.suppress(OSError):
            stamps[os.path.basename(path)] = _stamp(path)
    if not stamps:
        return
    target = os.path.join(settings["CACHE_PATH"], VERIFIED)
    with contextlib.suppress(OSError):
        replace_file(target, json.dumps(stamps, sort_keys=True))
