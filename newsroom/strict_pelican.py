"""``python -m newsroom.strict_pelican``: Pelican's command line, except that a
plugin Pelican cannot load stops the build.

Pelican logs a plugin it cannot import ("Cannot load plugin") and builds on
without it: a site without its sanitiser (``safe_html``) or its checks
(``editorial``) would look like a success. Every build the Makefile and
``make publish`` run goes through here, so such a build stops at once, with
exit status 1. The message is Pelican 4.12.0's own text (an internal, not an
API): ``tests/test_pelican_log.py`` checks that Pelican still logs it.
"""

import logging
import sys

from pelican import main

CANNOT_LOAD_PLUGIN = "Cannot load plugin `%s`\n%s"


class _StopOnFailedPlugin(logging.Filter):
    def filter(self, record):
        if record.msg == CANNOT_LOAD_PLUGIN and record.args:
            raise SystemExit(
                f"GALAT: plugin “{record.args[0]}” tidak dapat dimuat "
                f"({record.args[1]}); situs tidak dibangun.\n"
                "    Perbaikan: pasang ulang lingkungan Python (hapus .venv, lalu "
                "jalankan perintahnya lagi) atau periksa PLUGINS dan PLUGIN_PATHS "
                "di berkas pengaturan."
            )
        return True


def run(argv: list[str]) -> None:
    logging.getLogger("pelican.plugins._utils").addFilter(_StopOnFailedPlugin())
    sys.argv = ["pelican", *argv]
    main()


if __name__ == "__main__":
    run(sys.argv[1:])
