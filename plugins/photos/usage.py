"""Which files in content/ the written releases and pages use, and which of
them are photos (by their name or by their first bytes)."""

import os

from content_files.references import referenced_paths, written_content
from editorial.content_paths import is_photo


def used_files(context) -> dict[str, list]:
    """{path in content/ of every file written content uses: its users}."""
    users: dict[str, list] = {}
    for content in written_content(context):
        for relative in sorted(referenced_paths(content)):
            users.setdefault(relative, []).append(content)
    return users


def photos_among(used: dict[str, list], base: str) -> dict[str, list]:
    """The photos of ``used`` (``used_files``): a photo by its name or by its
    first bytes (``foto.dat`` holding a JPEG)."""
    return {
        relative: users
        for relative, users in used.items()
        if is_photo(os.path.join(base, relative))
    }
