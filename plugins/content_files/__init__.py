"""Publish only the static files that published content uses, and never a
file from outside ``content/``.

Pelican copies every file of ``STATIC_PATHS`` and every file a release links
with ``{static}``/``{attach}``, drafts and embargoed releases included. Right
before the static files are copied (after the pages were rendered, so
``{attach}`` has moved its files next to their release), this plugin keeps
only the files that written content references (see ``references``) and
refuses, whatever the editorial checks said, any source whose real path
leaves PATH, that is or passes through a symlink, that is a hidden or backup
file, or whose destination leaves the output folder, is a page this build
wrote (``{attach}`` of an ``index.html`` replaced the release's own page) or
is a file the build generates (``editorial.output_paths.generated_paths``: a
feed, the sitemap, Pagefind's script, the theme's files).
The theme's own files are copied separately by Pelican and are not touched.
"""

from pelican import signals

from .selection import (
    ConfinedStaticOutput,
    prune_static_links,
    remember_written,
    start_written_list,
)


def confine_static_output(generator):
    """Receiver for ``static_generator_init``."""
    start_written_list(generator.context)
    generator.generate_output = ConfinedStaticOutput(generator)


def register():
    signals.static_generator_init.connect(confine_static_output)
    signals.content_written.connect(remember_written)
    signals.page_generator_finalized.connect(prune_static_links)
