"""Processed variants kept between builds, keyed by the photo's bytes and
the recipe (``process.Recipe.key_text``): a rebuild with no new or changed
photo processes none, and a changed setting processes every photo again.

One folder per key: the variant files and ``variants.json``, written into
a temporary folder and renamed into place, so a killed build leaves either
a complete entry or none. An entry whose files are missing or of another
size is processed again.
"""

import hashlib
import json
import os
import re
import shutil
import tempfile

MANIFEST = "variants.json"


def photo_key(data: bytes, recipe_text: str) -> str:
    digest = hashlib.sha256(recipe_text.encode("utf-8"))
    digest.update(b"\0")
    digest.update(data)
    return digest.hexdigest()


def folder_for(cache: str, key: str) -> str:
    return os.path.join(cache, key[:2], key)


_KIND = re.compile(r"\A(?:[1-9][0-9]{0,5}w|asli)\Z")
_EXTENSIONS = {"image/avif": "avif", "image/webp": "webp", "image/jpeg": "jpg"}


def _valid(entry) -> bool:
    """An entry as ``store`` writes it: a bare file name made of its kind
    and type (never a path), sizes as numbers. The manifest is a file on
    disk: it is read as data, never trusted to name a file elsewhere."""
    kind, mime_type = entry.get("kind"), entry.get("mime_type")
    return (
        isinstance(kind, str)
        and _KIND.match(kind) is not None
        and mime_type in _EXTENSIONS
        and entry.get("file") == f"{kind}.{_EXTENSIONS[mime_type]}"
        and all(
            type(entry.get(name)) is int and entry[name] > 0
            for name in ("width", "height", "length")
        )
    )


def load(cache: str, key: str) -> list[dict] | None:
    """The entry's variants (``file``, ``kind``, ``width``, ``height``,
    ``mime_type``, ``length``), or ``None`` when it is missing or damaged."""
    folder = folder_for(cache, key)
    try:
        with open(os.path.join(folder, MANIFEST), encoding="utf-8") as manifest:
            entries = json.load(manifest)
        if not isinstance(entries, list) or not entries:
            return None
        for entry in entries:
            if not isinstance(entry, dict) or not _valid(entry):
                return None
            path = os.path.join(folder, entry["file"])
            if os.path.islink(path) or os.path.getsize(path) != entry["length"]:
                return None
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return entries


def store(cache: str, key: str, files: list[tuple[dict, bytes]]) -> list[dict]:
    """Write an entry (``files``: each variant's description and bytes)."""
    final = folder_for(cache, key)
    os.makedirs(os.path.dirname(final), exist_ok=True)
    temporary = tempfile.mkdtemp(prefix=f".{key[:8]}-", dir=os.path.dirname(final))
    try:
        entries = []
        for entry, data in files:
            with open(os.path.join(temporary, entry["file"]), "wb") as target:
                target.write(data)
            entries.append({**entry, "length": len(data)})
        with open(os.path.join(temporary, MANIFEST), "w", encoding="utf-8") as out:
            json.dump(entries, out, indent=1, sort_keys=True)
        stored = load(cache, key)
        if stored is not None:  # another build stored it meanwhile: same bytes
            shutil.rmtree(temporary, ignore_errors=True)
            return stored
        if os.path.lexists(final):  # a damaged entry no build can be using
            aside = tempfile.mkdtemp(prefix=f".{key[:8]}-", dir=os.path.dirname(final))
            os.rename(final, os.path.join(aside, "rusak"))
            shutil.rmtree(aside, ignore_errors=True)
        try:
            os.rename(temporary, final)
        except OSError:  # another build stored it first: same bytes
            shutil.rmtree(temporary, ignore_errors=True)
    except BaseException:
        shutil.rmtree(temporary, ignore_errors=True)
        raise
    return entries


def file_path(cache: str, key: str, entry: dict) -> str:
    return os.path.join(folder_for(cache, key), entry["file"])
