"""Photos as a newsroom publishes them: every raster image a release or page
uses becomes resized AVIF, WebP and JPEG variants with no metadata (no GPS,
no camera), in the sRGB colour space and upright; the original file is never
published (``PHOTOS_PUBLISH_ORIGINAL`` adds a metadata-free full-size copy).

- ``usage``: which files the written content uses, which are photos;
- ``svg_check``: an SVG (published as it is) may embed nothing;
- ``process``: one photo's bytes in, its variants out;
- ``cache``, ``cache_folder``, ``pruning``: variants kept between builds,
  keyed by bytes and recipe, in a folder this build can write, pruned;
- ``pipeline``: the used photos processed in parallel, as ``Photo``s;
- ``problems``: a photo's problem for every release that uses it;
- ``output``: the variants copied into the output;
- ``model``: ``Photo``/``Variant`` as templates and feeds read them;
- ``markup``: ``<picture>`` markup, the body and feed rewriting.

Templates get ``article.photo`` (the ``Image:``) and two filters:
``{{ photo | picture(alt, sizes, lead=True) }}`` and
``{{ article.content | photos_in }}`` (body images as ``<picture>``).
Problems (a corrupt, unknown, huge or small photo) go to ``editorial``'s
report, with the file and line of each release that uses the photo.
"""

from jinja2 import pass_context
from markupsafe import Markup
from pelican import signals

from . import cache_folder, markup, output, pipeline
from .settings import apply_defaults


def _paths(context) -> markup.SitePaths:
    return pipeline.site_paths(context, context.get("SITEURL", "") or "")


@pass_context
def photos_in(context, text) -> Markup:
    """The rendered body with its photos as responsive ``<picture>``s."""
    return Markup(markup.body_html(str(text or ""), _paths(context)))


@pass_context
def picture(context, photo, alt="", sizes=markup.BODY_SIZES, lead=False) -> Markup:
    siteurl = context.get("SITEURL", "") or ""
    return Markup(markup.picture(photo, alt, f"{siteurl}/", sizes, lead=lead))


def on_initialized(pelican) -> None:
    settings = pelican.settings
    apply_defaults(settings)
    settings["JINJA_FILTERS"] = {
        "picture": picture,
        "photos_in": photos_in,
        **settings.get("JINJA_FILTERS", {}),
    }


def on_static_finalized(generator) -> None:
    """Every generator has read its content: process the photos it uses."""
    context = generator.context
    pipeline.prepare(context, generator.settings)
    registry = context[pipeline.REGISTRY]
    for content in context.get("generated_content", {}).values():
        if content is None:  # a file Pelican could not read (editorial says why)
            continue
        featured = getattr(content, "featured_image", None)
        content.photo = registry.get(featured) if featured else None


def on_all_finalized(generators) -> None:
    """After the editorial checks passed: the variants into the output."""
    if generators:
        first = generators[0]
        output.write(first.context, first.settings, first.output_path)


def on_finalized(pelican) -> None:
    """A temporary photo cache (the real one could not be written) goes."""
    cache_folder.forget_temporary()


def register():
    signals.initialized.connect(on_initialized)
    signals.static_generator_finalized.connect(on_static_finalized)
    signals.all_generators_finalized.connect(on_all_finalized)
    signals.finalized.connect(on_finalized)
