"""The ``teaser`` template filter: a release's teaser, rendered once per build.

A release appears as a teaser on many listings (home pages, its category,
tags, regencies, archives, other releases' "Berita terkait"), always the
same HTML for the same site URL and heading level. Rendering it through an
``{% include %}`` each time copied the whole template context per teaser;
this filter renders ``partials/teaser.html`` once per (release, ``SITEURL``,
level) and reuses the result. The cache lives on the Jinja environment,
which Pelican creates anew for every build.
"""

from jinja2 import pass_context
from markupsafe import Markup

TEMPLATE = "partials/teaser.html"


@pass_context
def teaser(context, item, level=2) -> Markup:
    environment = context.environment
    cache = environment.__dict__.setdefault("_warta_teasers", {})
    siteurl = context.get("SITEURL", "")
    key = (id(item), siteurl, level)
    html = cache.get(key)
    if html is None:
        template = environment.get_template(TEMPLATE)
        html = Markup(template.render(item=item, SITEURL=siteurl, teaser_level=level))
        cache[key] = html
    return html


def add_filter(pelican) -> None:
    """Receiver for ``initialized``; the user's own filters win."""
    settings = pelican.settings
    settings["JINJA_FILTERS"] = {"teaser": teaser, **settings.get("JINJA_FILTERS", {})}
