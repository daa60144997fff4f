"""Which folder the photo cache is, for this build: ``PHOTOS_CACHE_PATH``
or ``CACHE_PATH/foto``, else (it cannot be written: read-only, a full disk,
a file in the way) a temporary one, with a warning, removed at the end."""

import atexit
import logging
import os
import shutil
import tempfile
import threading

from . import pruning

logger = logging.getLogger(__name__)

FOLDER = "PHOTOS_CACHE_FOLDER"  # context key: the cache this build uses
_TEMPORARY: list[str] = []  # temporary caches to remove
_FALLBACK: list[str] = []  # this build's temporary cache after a failed store
_TEMPORARY_LOCK = threading.Lock()


def cache_folder(settings) -> str:
    configured = settings.get("PHOTOS_CACHE_PATH")
    if configured:
        return os.path.abspath(configured)
    return os.path.abspath(os.path.join(settings.get("CACHE_PATH", "cache"), "foto"))


def usable_cache_folder(context, settings) -> str:
    """The cache folder, or (when it cannot be written: a read-only CACHEDIR)
    a temporary one for this build only, with a warning; never a failed build."""
    if FOLDER in context:
        return context[FOLDER]
    folder = cache_folder(settings)
    try:
        os.makedirs(folder, exist_ok=True)
        with tempfile.TemporaryFile(dir=folder) as probe:
            probe.write(b"0")
    except OSError as error:
        logger.warning(
            "PERINGATAN: cache foto “%s” tidak dapat ditulis (%s); foto diproses "
            "tanpa cache (lebih lambat). Perbaikan: beri hak tulis pada folder itu "
            "atau pilih CACHEDIR lain.",
            folder,
            error.strerror or error,
        )
        folder = tempfile.mkdtemp(prefix="warta-foto-")
        _TEMPORARY.append(folder)
    context[FOLDER] = folder
    return folder


def is_temporary(folder: str) -> bool:
    return folder in _TEMPORARY


@atexit.register
def forget_temporary() -> None:
    """Remove the temporary caches (at the end of a build, and at exit when
    a build stopped early)."""
    pruning.release()
    while _TEMPORARY:
        shutil.rmtree(_TEMPORARY.pop(), ignore_errors=True)
    _FALLBACK.clear()


def temporary_after(folder: str, error: OSError) -> str:
    with _TEMPORARY_LOCK:
        if not _FALLBACK:
            logger.warning(
                "PERINGATAN: cache foto “%s” tidak dapat ditulis (%s); foto diproses "
                "tanpa cache (lebih lambat). Perbaikan: kosongkan ruang disk atau "
                "periksa folder itu.",
                folder,
                error.strerror or error,
            )
            _FALLBACK.append(tempfile.mkdtemp(prefix="warta-foto-"))
            _TEMPORARY.append(_FALLBACK[0])
        return _FALLBACK[0]
