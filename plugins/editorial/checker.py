"""Run every check over a content folder without writing a site."""

import tempfile

from pelican import Pelican
from pelican.settings import read_settings

from .problems import BuildStopped, CheckPassed, Problem


def check_content(settings_file: str, content: str) -> list[Problem]:
    """All problems (errors and warnings) the build would report for ``content``.

    Runs Pelican's readers and every plugin's context phase, exactly as a
    build does, and stops before the output phase.
    """
    with tempfile.TemporaryDirectory(prefix="warta-check-") as unused_output:
        settings = read_settings(
            settings_file,
            override={
                "PATH": content,
                "OUTPUT_PATH": unused_output,
                "EDITORIAL_CHECK_ONLY": True,
            },
        )
        try:
            Pelican(settings).run()
        except CheckPassed as passed:
            return list(passed.problems)
        except BuildStopped as stopped:
            return [*stopped.problems, *stopped.warnings]
    raise RuntimeError("the editorial plugin is not enabled in PLUGINS")
