"""The build's verdict on files just saved: the same checks as every build."""

import logging
import os
import threading

from editorial.checker import check_content
from editorial.problems import ERROR, Problem

# Pelican's signals and plugins are process-wide: one check at a time.
_CHECKING = threading.Lock()


def check_saved(settings_file: str, content: str, saved: list[str]) -> list[Problem]:
    """Problems the build reports for the absolute paths ``saved``.

    The whole content folder is checked, as a build would, so problems that
    only the site as a whole shows (two releases at one URL) are found too.
    """
    wanted = {os.path.realpath(path) for path in saved}
    with _CHECKING:
        logging.disable(logging.CRITICAL)
        try:
            found = check_content(settings_file, content)
        finally:
            logging.disable(logging.NOTSET)
    return [p for p in found if os.path.realpath(p.path) in wanted]


def errors_of(problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity == ERROR]


def render(problems: list[Problem], root: str) -> str:
    return "\n".join(problem.render(root) for problem in problems)
