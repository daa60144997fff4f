"""Problems an editor can fix, as values: file, line, message, hint.

Plugins report problems into the build's shared context while they read and
enrich content; ``editorial`` renders them once, in Indonesian, and stops the
build before anything is written when one of them is an error.
"""

import os
from dataclasses import dataclass

ERROR = "error"
WARNING = "warning"

LABELS = {ERROR: "GALAT", WARNING: "PERINGATAN"}
CONTEXT_KEY = "EDITORIAL_PROBLEMS"


def display_path(path: str, root: str | None = None) -> str:
    """``path`` relative to ``root`` (default: the working folder) when inside it."""
    root = root or os.getcwd()
    if os.path.isabs(path):
        relative = os.path.relpath(path, root)
        if not relative.startswith(".."):
            return relative
    return path


@dataclass(frozen=True)
class Problem:
    path: str
    line: int | None
    message: str
    hint: str = ""
    severity: str = ERROR
    code: str = ""

    @property
    def sort_key(self):
        return (self.path, self.line or 0, self.code, self.message)

    def render(self, root: str | None = None) -> str:
        path = display_path(self.path, root)
        where = f"{path}:{self.line}" if self.line else path
        text = f"{LABELS[self.severity]} {where}: {self.message}"
        if self.hint:
            text += f"\n    Perbaikan: {self.hint}"
        return text


class BuildStopped(SystemExit):
    """Editor-fixable errors stop the build with exit code 1 and no traceback.

    A ``SystemExit`` on purpose: Pelican's ``main()`` turns any ``Exception``
    into a critical log with a traceback, which is noise for an editor.
    """

    def __init__(self, problems: list[Problem], warnings: list[Problem] = ()):
        super().__init__(1)
        self.problems = problems
        self.warnings = list(warnings)

    def __str__(self) -> str:
        return "\n".join(p.render() for p in self.problems)


class BuildFailed(Exception):
    """The same errors while ``make devserver`` runs: Pelican's autoreload
    loop prints the message, keeps serving the last good site and rebuilds
    on the editor's next save."""

    def __init__(self, problems: list[Problem]):
        super().__init__(f"{len(problems)} galat; perbaiki berkasnya lalu simpan lagi.")
        self.problems = problems


class CheckPassed(SystemExit):
    """``make check`` found no error: stop before writing, exit 0."""

    def __init__(self, problems: list[Problem]):
        super().__init__(0)
        self.problems = problems  # warnings only


def problems_in(context: dict) -> list[Problem]:
    """The build's list of problems (created on first use)."""
    return context.setdefault(CONTEXT_KEY, [])


def report(context: dict, problem: Problem) -> None:
    problems = problems_in(context)
    if problem not in problems:
        problems.append(problem)
