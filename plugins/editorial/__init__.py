"""Editor-facing problems: collect them during the build, report them once.

Other plugins call ``editorial.problems.report(context, Problem(...))``.
After every generator has read its content (``all_generators_finalized``)
this plugin logs warnings, and when there is any error it logs every error
and stops the build before a single file is written.

List it before the plugins that report problems in ``PLUGINS``.
"""

import logging
import os

from pelican import signals

from .problems import ERROR, BuildStopped, problems_in

logger = logging.getLogger(__name__)


def stop_on_errors(generators):
    if not generators:
        return
    context = generators[0].context
    root = os.getcwd()  # paths as the editor typed them from the repository
    problems = sorted(problems_in(context))
    errors = [p for p in problems if p.severity == ERROR]
    for problem in problems:
        if problem.severity != ERROR:
            logger.warning("%s", problem.render(root))
    for problem in errors:
        logger.error("%s", problem.render(root))
    if errors:
        logger.error(
            "Situs tidak dibangun: %d galat harus diperbaiki lebih dulu.", len(errors)
        )
        raise BuildStopped(errors)


def register():
    signals.all_generators_finalized.connect(stop_on_errors)
