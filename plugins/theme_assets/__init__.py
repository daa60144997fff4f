"""Fingerprinted theme assets: ``{{ 'css/style.css' | asset }}`` gives
``theme/css/style.3f2a1b0c9d.css``, a name that changes whenever the file
does, so servers can cache it for a year (deploy/nginx.conf does).

Hashes are computed once per build from the theme's static files; the
hashed copies are written beside the originals after Pelican copied them,
each to a new file renamed over its name (never through a hard link into
another folder), and copies of older versions beside them are removed
(building in place, a changed stylesheet leaves no ``style.<old>.css``).
"""

import hashlib
import logging
import os
import posixpath
import re
import shutil

from pelican import signals

logger = logging.getLogger(__name__)

FINGERPRINTED = (".css", ".js")
SETTINGS_KEY = "THEME_ASSET_NAMES"


def fingerprint(path: str) -> str:
    with open(path, "rb") as asset:
        return hashlib.sha256(asset.read()).hexdigest()[:10]


def asset_names(theme_static: str) -> dict[str, str]:
    """``{"css/style.css": "css/style.<hash>.css"}`` for every CSS/JS file."""
    names = {}
    for folder, _, files in os.walk(theme_static):
        for name in sorted(files):
            if not name.endswith(FINGERPRINTED):
                continue
            path = os.path.join(folder, name)
            relative = os.path.relpath(path, theme_static).replace(os.sep, "/")
            stem, extension = posixpath.splitext(relative)
            names[relative] = f"{stem}.{fingerprint(path)}{extension}"
    return names


class AssetFilter:
    """The ``asset`` Jinja filter (a class, so settings stay picklable)."""

    def __init__(self, prefix: str, names: dict[str, str]):
        self.prefix = prefix
        self.names = names

    def __call__(self, relative: str) -> str:
        return f"{self.prefix}/{self.names.get(relative, relative)}"


def on_initialized(pelican):
    settings = pelican.settings
    names = asset_names(os.path.join(settings["THEME"], "static"))
    asset = AssetFilter(settings["THEME_STATIC_DIR"], names)
    settings[SETTINGS_KEY] = names
    settings["JINJA_FILTERS"] = {"asset": asset, **settings.get("JINJA_FILTERS", {})}


def _older_copies(theme_output: str, relative: str, hashed: str):
    """Fingerprinted copies of ``relative`` other than the current one."""
    folder = os.path.dirname(os.path.join(theme_output, relative))
    stem, extension = os.path.splitext(os.path.basename(relative))
    pattern = re.compile(rf"^{re.escape(stem)}\.[0-9a-f]{{10}}{re.escape(extension)}$")
    current = os.path.basename(hashed)
    for entry in os.scandir(folder):
        if entry.name != current and pattern.match(entry.name):
            yield entry.path


def write_fingerprinted_copies(pelican):
    settings = pelican.settings
    theme_output = os.path.join(pelican.output_path, settings["THEME_STATIC_DIR"])
    for relative, hashed in settings.get(SETTINGS_KEY, {}).items():
        source = os.path.join(theme_output, relative)
        if not os.path.isfile(source):
            continue
        target = os.path.join(theme_output, hashed)
        temporary = f"{target}.{os.getpid()}.tmp"
        shutil.copyfile(source, temporary)
        os.replace(temporary, target)
        logger.info('Writing "%s"', target)
        for older in _older_copies(theme_output, relative, hashed):
            os.unlink(older)


def register():
    signals.initialized.connect(on_initialized)
    signals.finalized.connect(write_fingerprinted_copies)
