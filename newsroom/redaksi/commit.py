"""Commit exactly the files a save wrote, nothing else of the work tree."""

import subprocess


class CommitFailed(Exception):
    pass


def repository_of(folder: str) -> str | None:
    """The top of the git work tree holding ``folder``, or ``None``."""
    found = subprocess.run(
        ["git", "-C", folder, "rev-parse", "--show-toplevel"],
        capture_output=True,
        text=True,
        check=False,
    )
    return found.stdout.strip() if found.returncode == 0 else None


def commit_files(repository: str, paths: list[str], message: str) -> None:
    """``git add`` then ``git commit --only`` the absolute ``paths``.

    ``--only`` leaves whatever else is staged out of the commit. A deleted
    file is committed as a deletion.
    """
    if not paths:
        return
    steps = (
        ["git", "-C", repository, "add", "--all", "--", *paths],
        ["git", "-C", repository, "commit", "--quiet", "--only", "-m", message,
         "--", *paths],
    )  # fmt: skip
    for step in steps:
        done = subprocess.run(step, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            raise CommitFailed((done.stderr or done.stdout).strip())
