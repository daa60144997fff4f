"""The folders publishing keeps beside OUTPUTDIR.

``.OUTPUT.baru-XXXX/`` is one run's workspace (``mkdtemp``): the build in
``situs/``, Pagefind's staging beside it, later the site it replaced.
``OUTPUT.lama`` is the previous site, kept until the next publish succeeds
(``make rollback`` swaps it back). ``OUTPUT.baru`` and ``OUTPUT.lama-…`` are
what earlier versions of ``make publish`` left behind.
"""

import os
import shutil
import tempfile

BUILD = "situs"


def workspace_prefix(output: str) -> str:
    return f".{os.path.basename(output)}.baru-"


def previous_of(output: str) -> str:
    return f"{output}.lama"


def new_workspace(output: str) -> str:
    return tempfile.mkdtemp(
        dir=os.path.dirname(output), prefix=workspace_prefix(output)
    )


def remove_leftovers(output: str) -> list[str]:
    """Workspaces of earlier runs (killed ones too); call with the lock held."""
    parent, name = os.path.split(output)
    ours = (workspace_prefix(output), f"{name}.lama-")
    removed = []
    for entry in os.scandir(parent):
        if not entry.is_dir(follow_symlinks=False):
            continue
        if entry.name.startswith(ours) or entry.name == f"{name}.baru":
            shutil.rmtree(entry.path, ignore_errors=True)
            removed.append(entry.path)
    return removed


def keep_previous(replaced: str, output: str, workspace: str) -> None:
    """``replaced`` (the site just taken offline) becomes ``OUTPUT.lama``; the
    one kept before moves into ``workspace``, to be deleted with it."""
    previous = previous_of(output)
    if os.path.lexists(previous):
        os.rename(previous, os.path.join(workspace, "lama-sebelumnya"))
    os.rename(replaced, previous)
