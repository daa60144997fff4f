"""Put a freshly built site in place of the published one, atomically.

``python -m newsroom.swap NEW PUBLISHED``: NEW (a complete build) takes the
place of PUBLISHED; the previous site is then deleted. On Linux the two
folders are exchanged in one ``renameat2(RENAME_EXCHANGE)`` call, so a web
server never sees a missing or half-written site; elsewhere two renames
leave a window of microseconds. Both folders must be on one file system
(the Makefile builds NEW beside PUBLISHED).
"""

import ctypes
import ctypes.util
import os
import shutil
import sys

AT_FDCWD = -100
RENAME_EXCHANGE = 2


def _exchange(first: str, second: str) -> bool:
    """Swap two paths atomically; False when the system cannot."""
    libc_name = ctypes.util.find_library("c")
    if not libc_name:
        return False
    libc = ctypes.CDLL(libc_name, use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is None:
        return False
    result = renameat2(
        AT_FDCWD, os.fsencode(first), AT_FDCWD, os.fsencode(second), RENAME_EXCHANGE
    )
    return result == 0


def swap_into_place(new: str, published: str) -> None:
    new, published = os.path.abspath(new), os.path.abspath(published)
    if not os.path.isdir(published):
        os.rename(new, published)
        return
    if _exchange(new, published):
        shutil.rmtree(new)  # now holds the previous site
        return
    previous = f"{published}.lama-{os.getpid()}"
    os.rename(published, previous)
    os.rename(new, published)
    shutil.rmtree(previous)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: python -m newsroom.swap NEW PUBLISHED")
    swap_into_place(sys.argv[1], sys.argv[2])
