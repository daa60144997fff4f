"""Keep the cycle collector off the releases while the build uses them.

Once read, every release (with its metadata, taxonomy objects and HTML)
stays alive until the build ends. Each full collection walks all of them
again, and never frees one: at 10,000 releases that was about a second of
every build. ``gc.freeze`` moves what is alive after reading into a
permanent generation that collections skip; the build's end unfreezes it,
so a long-running ``make devserver`` still collects the previous builds.
"""

import gc


def freeze_what_was_read(generator) -> None:
    gc.freeze()


def unfreeze(pelican) -> None:
    gc.unfreeze()
