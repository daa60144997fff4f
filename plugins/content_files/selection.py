"""Which static files are copied, decided right before Pelican copies them."""

import logging
import os

from editorial.content_paths import (
    is_hidden_or_backup,
    is_inside,
    is_photo,
    is_raster,
)
from editorial.output_paths import Reserved, generated_paths

from .references import referenced_files, written_content

logger = logging.getLogger(__name__)
WRITTEN_KEY = "CONTENT_FILES_WRITTEN"


def start_written_list(context) -> None:
    """The pages written this build, shared through the build's context (the
    writer hands each template a shallow copy of it, holding the same set)."""
    context[WRITTEN_KEY] = set()


def remember_written(path, context=None) -> None:
    """Receiver for ``content_written``."""
    written = (context or {}).get(WRITTEN_KEY)
    if written is not None:
        written.add(os.path.realpath(path))


def _passes_through_symlink(base: str, relative: str) -> bool:
    path = base
    for part in relative.split("/"):
        path = os.path.join(path, part)
        if os.path.islink(path):
            return True
    return False


def source_refusal(base: str, relative: str) -> str | None:
    """Why the file ``relative`` (from PATH) may never be read for publishing
    (in Indonesian), or ``None``: the photo pipeline asks the same."""
    source = os.path.join(base, relative)
    if relative.startswith("../") or not is_inside(base, source):
        return "berada di luar folder content/"
    if _passes_through_symlink(base, relative):
        return "adalah atau melewati tautan simbolik (symlink)"
    if not os.path.isfile(source):
        return "bukan berkas biasa"
    if is_hidden_or_backup(relative):
        return "berkas tersembunyi atau cadangan"
    return None


def refusal(
    static,
    base: str,
    output: str,
    written=frozenset(),
    generated: Reserved | None = None,
    beside=(),
) -> str | None:
    """Why ``static`` may never be copied (in Indonesian), or ``None``.

    ``generated`` is what the build writes, decided from the settings (the
    static copy runs before Pagefind writes, so what already exists in the
    output cannot decide it); ``beside`` the folders of the written pages."""
    relative = static.get_relative_source_path()
    reason = source_refusal(base, relative)
    if reason:
        return reason
    destination = os.path.normpath(os.path.join(output, static.save_as))
    if os.path.isabs(static.save_as) or not is_inside(output, destination):
        return "tujuannya di luar folder keluaran"
    if is_hidden_or_backup(static.save_as.replace(os.sep, "/")):
        return "tujuannya berkas tersembunyi atau cadangan"
    if os.path.realpath(destination) in written or os.path.isdir(destination):
        return f"akan menimpa halaman {static.save_as}"
    taken = generated.overwritten(static.save_as, beside) if generated else None
    if taken:
        return f"akan menimpa berkas situs {taken}"
    return None


def prune_static_links(generator) -> None:
    """Receiver for ``page_generator_finalized`` (the last generator to add
    links before the StaticGenerator reads them): a linked path that leaves
    PATH, or passes through a symlink, never becomes a static file at all."""
    base = generator.path
    links = generator.context.get("static_links")
    if not links:
        return
    for link in list(links):
        relative = os.path.normpath(link.lstrip("/"))
        if (
            os.path.isabs(link)
            or relative == ".."
            or relative.startswith("../")
            or not is_inside(base, os.path.join(base, relative))
            or _passes_through_symlink(base, relative)
        ):
            links.discard(link)
            logger.debug("Link outside the content folder dropped: %s", link)


def select_published(generator) -> None:
    """Keep in ``context["staticfiles"]`` only what may and must be copied."""
    context = generator.context
    base, output = generator.path, generator.output_path
    used = referenced_files(context)
    generated = generated_paths(generator.settings)
    pages = [content.save_as for content in written_content(context)]
    beside = {os.path.dirname(page) + "/" for page in pages if os.path.dirname(page)}
    kept = []
    for static in context.get("staticfiles", []):
        relative = static.get_relative_source_path()
        if not (relative in used or static.url in used or static.save_as in used):
            logger.debug("Not used by any written content, not copied: %s", relative)
            continue
        if is_raster(static.save_as) or is_photo(os.path.join(base, relative)):
            # The photos plugin publishes its variants, never the raw file.
            logger.debug("A photo, published by the photos plugin: %s", relative)
            continue
        written = context.get(WRITTEN_KEY, set())
        reason = refusal(static, base, output, written, generated, beside)
        if reason:  # the editorial checks stop such builds before this point
            logger.error("Tidak disalin: %s %s.", relative, reason)
            continue
        kept.append(static)
    context["staticfiles"] = kept
    generator.staticfiles = kept


class ConfinedStaticOutput:
    """``StaticGenerator.generate_output`` that selects before it copies."""

    def __init__(self, generator):
        self.generator = generator
        self.copy = generator.generate_output

    def __call__(self, writer):
        select_published(self.generator)
        return self.copy(writer)
