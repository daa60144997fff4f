"""Which photos the build publishes, processed (or taken from the cache) in
parallel, as ``Photo``s in the build's context (``output`` writes them).

A photo is any raster file (``settings.RASTER_EXTENSIONS``) that written
content references: ``Image:``, an ``<img>`` or a link in the body. Every
such file goes through ``process``; the raw file is never copied
(``content_files`` never copies a file that is a photo by its name or its
first bytes: ``editorial.content_paths.is_photo``).
"""

import logging
import os
import posixpath
from concurrent.futures import ThreadPoolExecutor

from content_files.selection import source_refusal

from . import cache, cache_folder, pruning
from .markup import SitePaths
from .model import EXTENSIONS, Photo, Variant, variant_path
from .problems import report_photo
from .process import PhotoError, Recipe, process
from .svg_check import check_svgs
from .usage import photos_among, used_files

logger = logging.getLogger(__name__)

REGISTRY = "PHOTOS"  # context key: {source path in content/: Photo}
STATS = "PHOTOS_STATS"  # context key: {"processed": n, "cached": n}
FILES = "PHOTOS_FILES"  # context key: {source: [(output path, cache file)]}
STATICS = "PHOTOS_STATICS"  # context key: {file name: [(static file, Photo)]}


def site_paths(context, siteurl: str) -> SitePaths:
    """Finds the build's photos in HTML rendered for ``siteurl``."""
    return SitePaths(context.get(REGISTRY) or {}, siteurl, context.get(STATICS))


def _build_one(source: str, relative: str, recipe: Recipe, folder: str):
    """(key, cache entries, their folder, processed?) for one photo; raises
    ``PhotoError``."""
    try:
        with open(source, "rb") as photo:
            data = photo.read()
    except OSError as e:
        raise PhotoError("foto-rusak", str(e)) from e
    key = cache.photo_key(data, recipe.key_text())
    entries = cache.load(folder, key)
    if entries is not None:
        pruning.mark_used(folder, key)
        return key, entries, cache.folder_for(folder, key), False
    files = []
    for encoded in process(data, recipe):
        entry = {
            # Named by what it is, not by the photo's name: a cache entry
            # serves every file with the same bytes, whatever it is called.
            "file": f"{encoded.kind}.{EXTENSIONS[encoded.mime_type]}",
            "kind": encoded.kind,
            "width": encoded.width,
            "height": encoded.height,
            "mime_type": encoded.mime_type,
        }
        files.append((entry, encoded.data))
    try:
        return key, cache.store(folder, key, files), cache.folder_for(folder, key), True
    except OSError as error:  # a full disk, a file in the way: this build only
        fallback = cache_folder.temporary_after(folder, error)
        entries = cache.store(fallback, key, files)
        return key, entries, cache.folder_for(fallback, key), True


def _photo(relative: str, key: str, entries: list[dict], settings) -> Photo:
    variants = []
    original = None
    for entry in entries:
        variant = Variant(
            variant_path(relative, entry["kind"], key, entry["mime_type"]),
            entry["width"],
            entry["height"],
            entry["mime_type"],
            entry["length"],
        )
        if entry["kind"] == "asli":
            original = variant
        else:
            variants.append(variant)
    widest = max(variants, key=lambda v: v.width)
    return Photo(
        source=relative,
        width=widest.width,
        height=widest.height,
        variants=tuple(sorted(variants, key=lambda v: (v.mime_type, v.width))),
        original=original,
        share_width=int(settings["PHOTOS_SHARE_WIDTH"]),
        thumbnail_width=int(settings["PHOTOS_THUMBNAIL_WIDTH"]),
    )


def prepare(context, settings) -> None:
    """Process every used photo; problems go to the editorial report."""
    recipe = Recipe.from_settings(settings)
    folder = cache_folder.usable_cache_folder(context, settings)
    if not cache_folder.is_temporary(folder):
        pruning.hold(folder)
    base = settings["PATH"]
    used = used_files(context)  # every body's links parsed once per build
    check_svgs(context, settings, used)
    users = photos_among(used, base)
    wanted = {}
    for relative, found in users.items():
        if not os.path.lexists(os.path.join(base, relative)):
            continue  # editorial's "gambar-…-tidak-ada"
        reason = source_refusal(base, relative)
        if reason:  # the editorial checks stop such builds before this point
            logger.error("Tidak disalin: %s %s.", relative, reason)
            continue
        wanted[relative] = found
    workers = int(settings["PHOTOS_WORKERS"]) or os.cpu_count() or 1
    registry: dict[str, Photo] = {}
    files: dict[str, list[tuple[str, str]]] = {}
    stats = {"processed": 0, "cached": 0}
    with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
        futures = {
            relative: pool.submit(
                _build_one, os.path.join(base, relative), relative, recipe, folder
            )
            for relative in sorted(wanted)
        }
        for relative, future in futures.items():
            try:
                key, entries, entry_folder, processed = future.result()
            except PhotoError as e:
                report_photo(context, e.code, relative, wanted[relative], settings,
                        detail=e.detail)  # fmt: skip
                continue
            stats["processed" if processed else "cached"] += 1
            photo = _photo(relative, key, entries, settings)
            files[relative] = [
                (
                    variant_path(relative, e["kind"], key, e["mime_type"]),
                    os.path.join(entry_folder, e["file"]),
                )
                for e in entries
            ]
            registry[relative] = photo
            if photo.width < int(settings["PHOTOS_MIN_WIDTH"]):
                report_photo(context, "foto-terlalu-kecil", relative, wanted[relative],
                        settings, width=photo.width)  # fmt: skip
    for relative, other in _sharing_names(files):
        report_photo(context, "foto-bentrok", relative, wanted[relative], settings,
                other=other)  # fmt: skip
        registry.pop(relative, None)
    context[REGISTRY] = registry
    context[STATS] = stats
    context[FILES] = files
    statics: dict[str, list] = {}
    for static in context.get("staticfiles", []):
        photo = registry.get(getattr(static, "relative_source_path", None))
        if photo is not None:
            name = posixpath.basename(static.relative_source_path)
            statics.setdefault(name, []).append((static, photo))
    context[STATICS] = statics
    if registry:
        logger.info(
            "Foto: %d diproses, %d dari cache.", stats["processed"], stats["cached"]
        )


def _sharing_names(files: dict) -> list[tuple[str, str]]:
    """(photo, the other photo) for photos whose variants would be written
    under the same name from different cache entries: should the content
    keys in the names ever collide, one photo would replace the other's
    files. Two names for the same bytes (foto.jpg, foto.jpeg) share files."""
    owners: dict[str, tuple[str, str]] = {}
    clashes = []
    for relative in sorted(files):
        for path, cached in files[relative]:
            other, source = owners.setdefault(path, (relative, cached))
            if source != cached:
                clashes += [(relative, other), (other, relative)]
                break
    return sorted(set(clashes))
