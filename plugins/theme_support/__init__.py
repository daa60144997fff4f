"""What the theme needs to render the site, whatever else is switched on:
the ``teaser`` template filter and one stable order for releases dated the
same minute. ``build_speed`` only makes the same output faster; a build
without it (the reference build the tests compare with) needs these.

List it first in ``PLUGINS``: the order it sets is the one every later
plugin sees.
"""

from pelican import signals

from .ordering import stabilise_order
from .teasers import add_filter


def register():
    signals.initialized.connect(add_filter)
    signals.article_generator_pretaxonomy.connect(stabilise_order)
