"""The folders publishing keeps beside OUTPUTDIR.

``.OUTPUT.baru-XXXX/`` is one run's workspace (``mkdtemp``): the build in
``situs/``, Pagefind's staging beside it, later the site it replaced. The
moment it is made it gets ``WORKSPACE_MARKER``, naming the output folder it
was made for. ``OUTPUT.lama`` is the previous site, kept until the next
publish succeeds (``make rollback`` swaps it back). ``OUTPUT.baru`` and
``OUTPUT.lama-…`` are what earlier versions of ``make publish`` left behind.

Only what is provably ours is ever removed: a workspace whose marker names
this output (or an empty one, killed before its marker was written), or a
legacy folder carrying our build marker; and never a folder that is, holds
or sits inside INPUTDIR, CACHEDIR or the project (``guarded``). Anything
else named like a leftover is left alone.
"""

import json
import os
import shutil
import tempfile

from . import folders

BUILD = "situs"
WORKSPACE_MARKER = ".warta-workspace.json"


def workspace_prefix(output: str) -> str:
    return f".{os.path.basename(output)}.baru-"


def previous_of(output: str) -> str:
    return f"{output}.lama"


def new_workspace(output: str) -> str:
    workspace = tempfile.mkdtemp(
        dir=os.path.dirname(output), prefix=workspace_prefix(output)
    )
    with open(
        os.path.join(workspace, WORKSPACE_MARKER), "x", encoding="utf-8"
    ) as marker:
        json.dump({"output": output}, marker)
    return workspace


def touches(path: str, guarded: list[str], project: str | None = None) -> str | None:
    """The guarded folder that ``path`` is, holds or sits inside, if any; or
    the project, when ``path`` is or holds it (inside it are the project's
    own build folders, the only ones an output there may have)."""
    real = os.path.realpath(path)
    for other in guarded:
        if other and folders.relation(real, os.path.realpath(other)):
            return other
    if project and folders.relation(real, os.path.realpath(project)) in (
        "same",
        "contains",
    ):
        return project
    return None


def _our_workspace(path: str, output: str) -> bool:
    marker = os.path.join(path, WORKSPACE_MARKER)
    if os.path.islink(marker) or not os.path.isfile(marker):
        return False
    try:
        with open(marker, encoding="utf-8") as file:
            return json.load(file).get("output") == output
    except (OSError, ValueError, AttributeError):
        return False


def _ours(entry: os.DirEntry, output: str, guarded: list[str], project) -> bool:
    if touches(entry.path, guarded, project):
        return False
    if entry.name.startswith(workspace_prefix(output)):
        return _our_workspace(entry.path, output)
    return folders.build_kind(entry.path) in (folders.PUBLISH, folders.LEGACY)


def remove_leftovers(
    output: str, guarded: list[str], project: str | None = None
) -> list[str]:
    """Leftovers of earlier runs (killed ones too) that are provably ours;
    call with the lock held. ``guarded``: INPUTDIR and CACHEDIR."""
    parent, name = os.path.split(output)
    named = (workspace_prefix(output), f"{name}.lama-")
    removed = []
    for entry in os.scandir(parent):
        if not entry.is_dir(follow_symlinks=False):
            continue
        if not (entry.name.startswith(named) or entry.name == f"{name}.baru"):
            continue
        if _ours(entry, output, guarded, project):
            shutil.rmtree(entry.path, ignore_errors=True)
            removed.append(entry.path)
        elif entry.name.startswith(named[0]) and not touches(
            entry.path, guarded, project
        ):
            try:  # a run killed between mkdtemp and its marker: empty
                os.rmdir(entry.path)
                removed.append(entry.path)
            except OSError:
                pass  # not empty: someone else's, left alone
    return removed


def keep_previous(replaced: str, output: str, workspace: str) -> None:
    """``replaced`` (the site just taken offline) becomes ``OUTPUT.lama``; the
    one kept before moves into ``workspace``, to be deleted with it."""
    previous = previous_of(output)
    if os.path.lexists(previous):
        os.rename(previous, os.path.join(workspace, "lama-sebelumnya"))
    os.rename(replaced, previous)
