"""Is a new build the same site as the live one?

Both must hold the same file names; files are then compared byte for byte,
except the Pagefind files that differ between two builds of the same pages
(``search_index.indexing.unstable_file``): those need only be present under
the same names (a re-indexed shard gets new names, so it is a change; a
missing file is a change). Files the new build hard-linked from the live one
are the same file: nothing to read.
"""

import filecmp
import os

from search_index.indexing import unstable_file


def _files(root: str) -> dict[str, tuple[int, str]]:
    """``{relative path: (inode, path)}`` of every file under ``root``."""
    found, folders = {}, [root]
    while folders:
        with os.scandir(folders.pop()) as entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=False):
                    folders.append(entry.path)
                else:
                    relative = os.path.relpath(entry.path, root).replace(os.sep, "/")
                    found[relative] = (entry.inode(), entry.path)
    return found


def same_site(new: str, live: str) -> bool:
    if not os.path.isdir(live):
        return False
    # One inode number is one file only on one file system (publishing
    # builds beside the live folder; a mount point there would differ).
    one_device = os.stat(new).st_dev == os.stat(live).st_dev
    new_files, live_files = _files(new), _files(live)
    if new_files.keys() != live_files.keys():
        return False
    for relative, (inode, path) in new_files.items():
        live_inode, other = live_files[relative]
        if (one_device and inode == live_inode) or unstable_file(relative):
            continue
        if os.path.getsize(path) != os.path.getsize(other):
            return False
        if not filecmp.cmp(path, other, shallow=False):
            return False
    return True
