"""Pelican's own English log messages that editorial explains in Indonesian.

No public hook tells a plugin that Pelican could not read a file or skipped
one; Pelican only logs it. Editorial recognises these log records by their
message strings, which are Pelican 4.12.0's internals: it hides them (the
editor gets the Indonesian message instead) and, for ``COULD_NOT_PROCESS``,
remembers the failure to diagnose it. ``tests/test_pelican_log.py`` fails
when the installed Pelican no longer logs one of them, so an upgrade cannot
quietly turn an unreadable release into a silently missing one.
"""

COULD_NOT_PROCESS = "Could not process %s"

EXPLAINED = (
    COULD_NOT_PROCESS,
    "Skipping %s: could not find information about '%s'",
    "Unknown status '%s' for file %s, skipping it. (Not in %s)",
    'Unable to generate valid slug for %s "%s".',
    "Duplicate definition of `%s` for %s. Using first one.",
    "Skipping %s: file %r would be written outside output path",
)
