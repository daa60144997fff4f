"""``python -m benchmarks.photo_step REPORT.json PELICAN-ARGUMENTS…``: our
Pelican command line (``newsroom.strict_pelican``) with the photo step timed,
for ``make bench``.

The step's two halves are wrapped in this process only: ``prepare`` (every
used photo processed, or loaded from the cache, in threads) and ``write``
(the variants hard-linked into the output). REPORT.json gets their seconds
and the build's ``PHOTOS_STATS`` ({"processed": n, "cached": n}).
"""

import json
import sys
import time
from pathlib import Path

from newsroom.strict_pelican import run
from photos import output, pipeline


def main(argv: list[str]) -> None:
    report, *pelican_arguments = argv
    found = {"prepare_s": 0.0, "write_s": 0.0, "stats": {}}
    prepare, write = pipeline.prepare, output.write

    def timed_prepare(context, settings):
        started = time.perf_counter()
        try:
            prepare(context, settings)
        finally:
            found["prepare_s"] += time.perf_counter() - started
        found["stats"] = dict(context.get(pipeline.STATS, {}))

    def timed_write(context, settings, output):
        started = time.perf_counter()
        try:
            write(context, settings, output)
        finally:
            found["write_s"] += time.perf_counter() - started

    pipeline.prepare, output.write = timed_prepare, timed_write
    try:
        run(pelican_arguments)
    finally:
        Path(report).write_text(json.dumps(found, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1:])
