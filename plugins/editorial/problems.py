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


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int | None
    message: str
    hint: str = ""
    severity: str = ERROR

    def render(self, root: str | None = None) -> str:
        path = self.path
        if root and os.path.isabs(path):
            rel = os.path.relpath(path, root)
            path = path if rel.startswith("..") else rel
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

    def __init__(self, problems: list[Problem]):
        super().__init__(1)
        self.problems = problems

    def __str__(self) -> str:
        return "\n".join(p.render() for p in self.problems)


def problems_in(context: dict) -> list[Problem]:
    """The build's list of problems (created on first use)."""
    return context.setdefault(CONTEXT_KEY, [])


def report(context: dict, problem: Problem) -> None:
    problems = problems_in(context)
    if problem not in problems:
        problems.append(problem)


def metadata_line(path: str, key: str) -> int | None:
    """The 1-based line of ``Key:`` in a file's metadata header, if any."""
    prefix = key.lower() + ":"
    try:
        with open(path, encoding="utf-8") as source:
            for number, line in enumerate(source, start=1):
                stripped = line.strip()
                if not stripped:
                    return None  # the header ends at the first blank line
                if stripped.lower().startswith(prefix):
                    return number
    except (OSError, UnicodeDecodeError):
        return None
    return None
