"""Writing one output file safely, for the plugins that write their own files.

``replace_file`` writes a temporary file beside the target and renames it
over the target's name (``os.replace``). A reader, or a web server, never
sees a half-written file. A name that was a hard link shared with another
folder (a previous build, a backup) becomes a new file, and the other
folder keeps its own bytes.

It is listed in ``PLUGINS`` before the plugins that import it: Pelican
imports each plugin from ``PLUGIN_PATHS`` by name without putting that folder
on ``sys.path``, so a plugin can import only plugins loaded before it.
"""

import contextlib
import os


def replace_file(path: str, data: bytes | str) -> None:
    if isinstance(data, str):
        data = data.encode("utf-8")
    os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
    temporary = f"{path}.{os.getpid()}.tmp"
    try:
        with open(temporary, "wb") as target:
            target.write(data)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def register():
    """Nothing to connect: this plugin only provides ``replace_file``."""
