"""Pelican's reader cache, trusted only for the settings, code and library
versions that made it.

Pelican keeps each source file's parsed result (``CACHE_CONTENT``, used by
``make html`` and ``make publish``) and reuses it while the file's mtime is
unchanged: a change to ``MARKDOWN``, to a plugin or to the Markdown library
would leave every release as the old code read it. The cache gets a key: a
digest of every setting (a stable repr, minus where-not-what keys), of our
plugins' code and of the versions of the libraries that read and render.
A build whose key differs does not load the cache (it writes a new one);
the key is saved only when a build finishes, so a failed build never
vouches for a cache it did not finish.
"""

import contextlib
import hashlib
import os
import platform
from importlib import metadata

from output_files import replace_file

from .stable import stable_repr

KEY_FILE = "warta-readers.key"
LIBRARIES = ("pelican", "markdown", "jinja2", "babel", "nh3", "pygments", "feedgen")
# Settings that say where files are or how fast to work, not what is read.
WHERE_NOT_WHAT = frozenset({
    "PATH", "OUTPUT_PATH", "CACHE_PATH", "PREVIOUS_OUTPUT_PATH",
    "BUILD_WORKERS", "BUILD_PARALLEL_MIN_FILES", "LOAD_CONTENT_CACHE",
    "BUILD_SPEED_ACTIVE", "BUILD_SPEED_READER_KEY", "BUILD_SPEED_CACHE_SKIPPED",
})  # fmt: skip
KEY_SETTING = "BUILD_SPEED_READER_KEY"  # the key, computed once at initialized
SKIPPED_SETTING = "BUILD_SPEED_CACHE_SKIPPED"  # this build did not load it


def _library_version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "-"


def cache_key(settings) -> str:
    digest = hashlib.blake2b(digest_size=16)
    digest.update(platform.python_version().encode())
    for name in LIBRARIES:
        digest.update(f"\0{name}={_library_version(name)}".encode())
    for plugins in settings.get("PLUGIN_PATHS", []):
        for folder, subfolders, files in os.walk(plugins):
            subfolders.sort()
            for name in sorted(files):
                if name.endswith((".py", ".toml")):
                    path = os.path.join(folder, name)
                    digest.update(f"\0{os.path.relpath(path, plugins)}\0".encode())
                    with open(path, "rb") as source:
                        digest.update(source.read())
    shown = {k: v for k, v in settings.items() if k not in WHERE_NOT_WHAT}
    digest.update(stable_repr(shown).encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def _key_path(settings) -> str:
    return os.path.join(settings["CACHE_PATH"], KEY_FILE)


def check_reader_cache(settings) -> None:
    """At ``initialized``: load the cache only if it was made with this key."""
    if not settings.get("CACHE_CONTENT"):
        return
    # Computed before later plugins add their settings; saved as it is here.
    settings[KEY_SETTING] = cache_key(settings)
    if not settings.get("LOAD_CONTENT_CACHE"):
        return
    try:
        with open(_key_path(settings), encoding="utf-8") as stored:
            trusted = stored.read().strip() == settings[KEY_SETTING]
    except OSError:
        trusted = False
    if not trusted:
        settings["LOAD_CONTENT_CACHE"] = False
        settings[SKIPPED_SETTING] = True
        with contextlib.suppress(OSError):
            os.unlink(_key_path(settings))


def vouch_for_reader_cache(settings) -> None:
    """At ``finalized``: the cache on disk was made with this key."""
    if not settings.get(KEY_SETTING):
        return
    replace_file(_key_path(settings), settings[KEY_SETTING] + "\n")
    if settings.pop(SKIPPED_SETTING, False):
        # The devserver runs the next build with these settings: the cache
        # written now holds this key, so it can be loaded again.
        settings["LOAD_CONTENT_CACHE"] = True
