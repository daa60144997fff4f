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


def _files(root: str) -> dict[str, str]:
    found = {}
    for folder, _dirs, names in os.walk(root):
        for name in names:
            path = os.path.join(folder, name)
            found[os.path.relpath(path, root).replace(os.sep, "/")] = path
    return found


def same_site(new: str, live: str) -> bool:
    if not os.path.isdir(live):
        return False
    new_files, live_files = _files(new), _files(live)
    if new_files.keys() != live_files.keys():
        return False
    for relative, path in new_files.items():
        if unstable_file(relative):
            continue
        other = live_files[relative]
        first, second = os.stat(path), os.stat(other)
        if (first.st_dev, first.st_ino) == (second.st_dev, second.st_ino):
            continue
        if first.st_size != second.st_size:
            return False
        if not filecmp.cmp(path, other, shallow=False):
            return False
    return True
