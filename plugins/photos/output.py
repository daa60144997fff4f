"""The published photos' variants into the output folder, then the cache
let go (and pruned when no other build uses it)."""

import os
import shutil

from . import pruning
from .pipeline import FILES, REGISTRY


def write(context, settings, output: str) -> None:
    """Put every variant of every published photo into the output folder."""
    registry = context.get(REGISTRY, {})
    for relative, placed in sorted(context.get(FILES, {}).items()):
        if relative not in registry:
            continue  # refused (foto-bentrok): the build stops
        for path, cached in placed:
            _place(cached, os.path.join(output, path))
    pruning.finish(int(settings["PHOTOS_CACHE_DAYS"]))


def _place(source: str, destination: str) -> None:
    """Copy the cached file into the output, by rename, keeping its time (so
    Last-Modified and ETag hold from build to build). A copy, not a hard
    link: no file of the output is shared with the cache or another build,
    so nothing that writes one in place can change the live site. A file
    already there with the same size and time (a build in place) stays."""
    try:
        there, cached = os.stat(destination), os.stat(source)
        if (there.st_size, there.st_mtime_ns) == (cached.st_size, cached.st_mtime_ns):
            return
    except OSError:
        pass
    os.makedirs(os.path.dirname(destination), exist_ok=True)
    temporary = f"{destination}.{os.getpid()}.tmp"
    try:
        shutil.copy2(source, temporary)
        os.replace(temporary, destination)
    except BaseException:
        if os.path.lexists(temporary):
            os.unlink(temporary)
        raise
