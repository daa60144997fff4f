"""Which photos the build publishes, processed (or taken from the cache) in
parallel, and their variants written into the output.

A photo is any raster file (``settings.RASTER_EXTENSIONS``) that written
content references: ``Image:``, an ``<img>`` or a link in the body. Every
such file goes through ``process``; the raw file is never copied
(``content_files`` never copies a file that is a photo by its name or its
first bytes: ``editorial.content_paths.is_photo``).
"""

import atexit
import gzip
import logging
import os
import re
import shutil
import tempfile
import threading
from concurrent.futures import ThreadPoolExecutor

from content_files.references import referenced_paths, written_content
from content_files.selection import source_refusal
from editorial.content_paths import featured_image_target, is_photo
from editorial.messages import problem
from editorial.problems import report
from editorial.source import line_containing, metadata_line

from . import cache, pruning
from .model import EXTENSIONS, Photo, Variant, variant_path
from .process import PhotoError, Recipe, process

logger = logging.getLogger(__name__)

REGISTRY = "PHOTOS"  # context key: {source path in content/: Photo}
STATS = "PHOTOS_STATS"  # context key: {"processed": n, "cached": n}
FILES = "PHOTOS_FILES"  # context key: {source: [(output path, cache file)]}
STATICS = "PHOTOS_STATICS"  # context key: [(static file, Photo)]
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


@atexit.register
def forget_temporary() -> None:
    """Remove the temporary caches (at the end of a build, and at exit when
    a build stopped early)."""
    pruning.release()
    while _TEMPORARY:
        shutil.rmtree(_TEMPORARY.pop(), ignore_errors=True)
    _FALLBACK.clear()


def used_files(context) -> dict[str, list]:
    """{path in content/ of every file written content uses: its users}."""
    users: dict[str, list] = {}
    for content in written_content(context):
        for relative in sorted(referenced_paths(content)):
            users.setdefault(relative, []).append(content)
    return users


def used_photos(context, base: str) -> dict[str, list]:
    """{photo's path in content/: the written contents that use it}; a photo
    by its name or by its first bytes (``foto.dat`` holding a JPEG)."""
    return {
        relative: users
        for relative, users in used_files(context).items()
        if is_photo(os.path.join(base, relative))
    }


# ``data:`` as an address: an attribute value (href, xlink:href, src, any
# other) or a CSS url(), where a browser would load what it holds.
_EMBEDDED = re.compile(
    rb"""(?:=\s*["']\s*|url\(\s*["']?\s*|@import\s+["']?\s*)data\s*:""",
    re.IGNORECASE,
)
_SVG_LIMIT = 20 * 1024 * 1024  # an SVGZ is unpacked up to this many bytes


def check_svgs(context, settings) -> None:
    """An SVG is published as it is, so it may not carry a photo inside
    (``<image href="data:image/jpeg;base64,…">`` keeps its EXIF and GPS)."""
    base = settings["PATH"]
    for relative, users in used_files(context).items():
        if not relative.lower().endswith((".svg", ".svgz")):
            continue
        path = os.path.join(base, relative)
        if source_refusal(base, relative):
            continue  # refused as any other file; never read here
        try:
            opener = gzip.open if relative.lower().endswith(".svgz") else open
            with opener(path, "rb") as source:
                data = source.read(_SVG_LIMIT + 1)
        except (OSError, EOFError, gzip.BadGzipFile):
            continue  # the copy refuses or copies it as any file
        if len(data) > _SVG_LIMIT or _EMBEDDED.search(data):
            _report(context, "svg-berisi-foto", relative, users, settings)


def _line_of(content, relative: str, base: str) -> int | None:
    image = str(content.metadata.get("image") or "")
    if image and featured_image_target(image, base).relative == relative:
        return metadata_line(content.source_path, "image")
    name = relative.split("/")[-1]
    return line_containing(content.source_path, name, body_only=True)


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
        fallback = _temporary_cache(folder, error)
        entries = cache.store(fallback, key, files)
        return key, entries, cache.folder_for(fallback, key), True


def _temporary_cache(folder: str, error: OSError) -> str:
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


def _report(context, code, relative, users, settings, **values):
    base = settings["PATH"]
    for content in users:
        values.setdefault("detail", "")
        found = problem(
            code,
            content.source_path,
            _line_of(content, relative, base),
            value=relative,
            expected=os.path.join(base, relative),
            limit=int(settings["PHOTOS_MAX_PIXELS"]) // 1_000_000,
            minimum=int(settings["PHOTOS_MIN_WIDTH"]),
            **values,
        )
        report(context, found)


def prepare(context, settings) -> None:
    """Process every used photo; problems go to the editorial report."""
    recipe = Recipe.from_settings(settings)
    folder = usable_cache_folder(context, settings)
    if folder not in _TEMPORARY:
        pruning.hold(folder)
    base = settings["PATH"]
    check_svgs(context, settings)
    users = used_photos(context, base)
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
                _report(context, e.code, relative, wanted[relative], settings,
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
                _report(context, "foto-terlalu-kecil", relative, wanted[relative],
                        settings, width=photo.width)  # fmt: skip
    for relative, other in _sharing_names(files):
        _report(context, "foto-bentrok", relative, wanted[relative], settings,
                other=other)  # fmt: skip
        registry.pop(relative, None)
    context[REGISTRY] = registry
    context[STATS] = stats
    context[FILES] = files
    context[STATICS] = [
        (static, registry[static.relative_source_path])
        for static in context.get("staticfiles", [])
        if getattr(static, "relative_source_path", None) in registry
    ]
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
