"""What one build hands to the next through its output folder: fingerprint
manifests under ``.warta/`` and files taken over unchanged (hard-linked)."""

import json
import os
import shutil

FOLDER = ".warta"


def read_manifest(root: str, name: str) -> dict[str, str]:
    """``{output path or shard: fingerprint}`` saved by an earlier build, or {}."""
    try:
        with open(os.path.join(root, FOLDER, name), encoding="utf-8") as manifest:
            return json.load(manifest)
    except (OSError, ValueError):
        return {}


def write_manifest(root: str, name: str, entries: dict[str, str]) -> None:
    path = os.path.join(root, FOLDER, name)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as manifest:
        json.dump(dict(sorted(entries.items())), manifest, indent=0)
        manifest.write("\n")


def link_or_copy(source: str, target: str) -> None:
    """Take a previous build's file over: a hard link, or a copy across file systems."""
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)
