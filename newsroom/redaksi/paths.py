"""Which paths of the content folder the admin may read, and which it may write.

Paths come from the browser: untrusted. Decap names files relative to the
project (``content/berita/2025/rilis.md``): a path must start with the
content folder's name and is written with ``/``; no part may be empty, ``.``,
``..`` or start with a dot (``.git``, ``.env``), no part may be a symbolic
link, and the resolved path must stay inside the content folder. Writes are
narrower still: Markdown releases under ``berita/``, Markdown pages directly
in ``pages/``, and images directly in ``images/``.
"""

import os
from dataclasses import dataclass

RELEASES = "berita"
PAGES = "pages"
IMAGES = "images"
IMAGE_EXTENSIONS = (".jpg", ".jpeg", ".png", ".webp", ".gif")


class Refused(Exception):
    """A request the server will not carry out; ``message`` is for the editor."""

    def __init__(self, message: str, status: int = 403):
        super().__init__(message)
        self.message = message
        self.status = status


@dataclass(frozen=True)
class ContentFolder:
    root: str  # absolute, symlinks resolved
    prefix: str  # the folder's name, first part of every path Decap sends

    @classmethod
    def at(cls, path: str) -> "ContentFolder":
        root = os.path.realpath(path)
        return cls(root, os.path.basename(root))

    def parts(self, relative) -> list[str]:
        """The checked parts of ``relative`` inside the folder, or ``Refused``."""
        if not isinstance(relative, str) or not relative.strip("/"):
            raise Refused("alamat berkas kosong.", 400)
        if "\\" in relative or "\0" in relative or relative.startswith("/"):
            raise Refused(f"alamat “{relative}” tidak diizinkan.")
        parts = relative.split("/")
        for part in parts:
            if part in ("", ".", ".."):
                raise Refused(
                    f"alamat “{relative}” tidak diizinkan: “..” dan bagian kosong "
                    "tidak boleh dipakai; semua berkas ada di dalam folder content/."
                )
            if part.startswith("."):
                raise Refused(
                    f"alamat “{relative}” tidak diizinkan: berkas tersembunyi "
                    "(diawali titik) tidak dapat dibaca atau diubah dari redaksi."
                )
        if parts[0] != self.prefix or len(parts) < 2:
            raise Refused(
                f"alamat “{relative}” tidak diizinkan: redaksi hanya membaca "
                f"berkas di dalam folder {self.prefix}/."
            )
        return parts[1:]

    def resolve(self, relative) -> str:
        """The absolute path of ``relative``, which must stay inside the folder."""
        parts = self.parts(relative)
        path = self.root
        for part in parts:
            path = os.path.join(path, part)
            if os.path.islink(path):
                raise Refused(
                    f"alamat “{relative}” tidak diizinkan: tautan simbolik "
                    "tidak diikuti."
                )
        if os.path.commonpath([self.root, os.path.realpath(path)]) != self.root:
            raise Refused(f"alamat “{relative}” berada di luar folder {self.prefix}/.")
        return path

    def relative(self, path: str) -> str:
        """The path Decap knows ``path`` by (``content/…``)."""
        inside = os.path.relpath(path, self.root).replace(os.sep, "/")
        return f"{self.prefix}/{inside}"

    def writable(self, relative) -> str:
        """The absolute path of a file the admin may write, or ``Refused``."""
        parts = self.parts(relative)
        name = parts[-1].lower()
        top = parts[0]
        allowed = (
            (top == RELEASES and len(parts) >= 2 and name.endswith(".md"))
            or (top == PAGES and len(parts) == 2 and name.endswith(".md"))
            or (top == IMAGES and len(parts) == 2 and name.endswith(IMAGE_EXTENSIONS))
        )
        if not allowed:
            raise Refused(
                f"berkas “{relative}” tidak boleh ditulis dari redaksi: hanya "
                f"berita (.md) di {self.prefix}/berita/, halaman (.md) di "
                f"{self.prefix}/pages/ dan gambar ({', '.join(IMAGE_EXTENSIONS)}) "
                f"di {self.prefix}/images/."
            )
        return self.resolve(relative)
