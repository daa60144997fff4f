"""Which folder a build may write: the checks made before anything is built.

An output folder is refused when it is empty text, ``/``, a symbolic link
or a file; when its parent folder does not exist (a mistyped path); when it
is, holds or sits inside INPUTDIR, CACHEDIR or the project (except the
project's own build folders), or is or holds a home folder; when it is a
mount point (it is swapped by rename); or when it is a non-empty folder that
no build of ours made. ``.warta/build.json``, written
into every build, says which kind made a folder: a publish or a preview.
Every path is checked as written once normalised (``~``, ``.``/``..``, trailing
slashes, symbolic links among its parents), and the caller then uses exactly
that normalised path.
"""

import json
import os
import pwd

from .messages import RELATIONS, Refusal

PROJECT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
# The project's own (git-ignored) build folders: the default output and
# preview folders, and anything under bench/ (make bench).
PROJECT_OUTPUTS = ("output", "pratinjau")
PROJECT_OUTPUT_AREAS = ("bench",)

MARKER = os.path.join(".warta", "build.json")
# Builds from before the marker existed: the page fingerprints of build_speed.
LEGACY_MARKER = os.path.join(".warta", "pages.json")
PUBLISH, PREVIEW, LEGACY = "publish", "preview", "legacy"


def canonical(raw: str | None, cwd: str, setting: str = "OUTPUTDIR") -> str:
    """An absolute path without ``.``/``..``, trailing slash or linked parents."""
    if raw is None or not raw.strip():
        raise Refusal("empty", setting, setting=setting)
    absolute = os.path.normpath(os.path.join(cwd, os.path.expanduser(raw)))
    if absolute == os.sep:
        raise Refusal("root", f"{setting}={raw}", setting=setting)
    parent = os.path.realpath(os.path.dirname(absolute))
    return os.path.join(parent, os.path.basename(absolute))


def relation(path: str, other: str) -> str | None:
    """``same``, ``contains`` (other is below path), ``inside`` or None."""
    if path == other:
        return "same"
    if other.startswith(path.rstrip(os.sep) + os.sep):
        return "contains"
    if path.startswith(other.rstrip(os.sep) + os.sep):
        return "inside"
    return None


def home_folders() -> set[str]:
    """$HOME and every account's home folder."""
    homes = {entry.pw_dir for entry in pwd.getpwall()}
    homes.add(os.environ.get("HOME", ""))
    return {os.path.realpath(home) for home in homes if home and home != os.sep}


def _in_project_outputs(path: str, project: str) -> bool:
    parts = os.path.relpath(path, project).split(os.sep)
    if len(parts) == 1:
        return parts[0] in PROJECT_OUTPUTS
    return parts[0] in PROJECT_OUTPUT_AREAS


def output_folder(
    raw: str | None,
    *,
    kind: str,
    cwd: str | None = None,
    input_dir: str | None = None,
    cache_dir: str | None = None,
    project: str | None = None,
    homes: set[str] | None = None,
    setting: str = "OUTPUTDIR",
) -> str:
    """The normalised output folder, or a Refusal saying why not."""
    path = canonical(raw, cwd or os.getcwd(), setting)
    subject = f"{setting}={raw}"
    if os.path.islink(path):
        raise Refusal(
            "symlink", subject, setting=setting, path=path, other=os.readlink(path)
        )
    if not os.path.isdir(os.path.dirname(path)):
        raise Refusal(
            "parent_missing",
            subject,
            setting=setting,
            path=path,
            parent=os.path.dirname(path),
        )
    guarded = [("INPUTDIR", input_dir), ("CACHEDIR", cache_dir)]
    for other_setting, other in guarded:
        if not other:
            continue
        other = os.path.realpath(other)
        if found := relation(path, other):
            raise Refusal(
                "overlaps",
                subject,
                setting=setting,
                path=path,
                relation=RELATIONS[found],
                other_setting=other_setting,
                other=other,
            )
    project = os.path.realpath(project or PROJECT)
    found = relation(path, project)
    if found and not (found == "inside" and _in_project_outputs(path, project)):
        raise Refusal(
            "project",
            subject,
            setting=setting,
            path=path,
            relation=RELATIONS[found],
            other=project,
        )
    for home in sorted(home_folders() if homes is None else homes):
        found = relation(path, os.path.realpath(home))
        if found in ("same", "contains"):
            raise Refusal(
                "home",
                subject,
                setting=setting,
                path=path,
                relation=RELATIONS[found],
                other=home,
            )
    if os.path.ismount(path):
        raise Refusal("mount_point", subject, setting=setting, path=path)
    check_existing(path, kind, setting, subject)
    return path


def build_kind(folder: str) -> str | None:
    """``publish``/``preview`` from the marker, ``legacy``, or None (not ours)."""
    try:
        with open(os.path.join(folder, MARKER), encoding="utf-8") as marker:
            kind = json.load(marker).get("kind")
        return kind if kind in (PUBLISH, PREVIEW) else LEGACY
    except FileNotFoundError:
        pass
    except (OSError, ValueError, AttributeError):
        return LEGACY  # our marker, damaged: still ours
    return LEGACY if os.path.isfile(os.path.join(folder, LEGACY_MARKER)) else None


def check_existing(path: str, kind: str, setting: str, subject: str) -> None:
    """What is at ``path`` now may be replaced by a build of ``kind``."""
    if not os.path.lexists(path):
        return
    if os.path.islink(path):
        raise Refusal(
            "symlink", subject, setting=setting, path=path, other=os.readlink(path)
        )
    if not os.path.isdir(path):
        raise Refusal("file", subject, setting=setting, path=path)
    try:
        entries = sorted(os.listdir(path))
    except OSError as error:
        raise Refusal(
            "unreadable", subject, setting=setting, path=path, error=error.strerror
        ) from error
    if not entries:
        return
    found = build_kind(path)
    if found is None:
        visible = [name for name in entries if not name.startswith(".")] or entries
        raise Refusal(
            "foreign", subject, setting=setting, path=path, example=visible[0]
        )
    if kind == PUBLISH and found == PREVIEW:
        raise Refusal("is_preview", subject, setting=setting, path=path)
    if kind == PREVIEW and found in (PUBLISH, LEGACY):
        raise Refusal("is_published", subject, setting=setting, path=path)


def check_previous(
    previous: str,
    guarded: dict[str, str | None] | None = None,
    project: str | None = None,
) -> None:
    """``OUTPUTDIR.lama`` is absent, empty, or an earlier publish of ours
    that is not, does not hold and is not inside a ``guarded`` folder
    (INPUTDIR, CACHEDIR by setting name), and is not and does not hold the
    project (inside it are the project's own build folders)."""
    if not os.path.lexists(previous):
        return
    real = os.path.realpath(previous)
    checks = [(name, other, None) for name, other in (guarded or {}).items()]
    if project:
        checks.append(("folder proyek", project, ("same", "contains")))
    for other_setting, other, relations in checks:
        found = other and relation(real, os.path.realpath(other))
        if found and (relations is None or found in relations):
            raise Refusal(
                "previous_guarded",
                previous,
                path=previous,
                relation=RELATIONS[found],
                other_setting=other_setting,
                other=other,
            )
    if os.path.islink(previous) or not os.path.isdir(previous):
        raise Refusal("previous_foreign", previous, path=previous)
    if os.listdir(previous) and build_kind(previous) not in (PUBLISH, LEGACY):
        raise Refusal("previous_foreign", previous, path=previous)


def write_marker(folder: str, kind: str) -> None:
    path = os.path.join(folder, MARKER)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as marker:
        json.dump({"kind": kind}, marker)
        marker.write("\n")
