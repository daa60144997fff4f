"""Reading and writing the content folder, every path checked by ``paths``."""

import base64
import hashlib
import os
import tempfile

from .paths import ContentFolder, Refused

MAX_IMAGE_BYTES = 10 * 1024 * 1024
# The first bytes of each image kind we accept: an upload is what its name says.
IMAGE_SIGNATURES = {
    ".jpg": (b"\xff\xd8\xff",),
    ".jpeg": (b"\xff\xd8\xff",),
    ".png": (b"\x89PNG\r\n\x1a\n",),
    ".gif": (b"GIF87a", b"GIF89a"),
    ".webp": (b"RIFF",),
}


def file_id(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class ContentStore:
    def __init__(self, folder: ContentFolder):
        self.folder = folder

    # Reading -----------------------------------------------------------

    def read_bytes(self, relative: str) -> bytes:
        path = self.folder.resolve(relative)
        if not os.path.isfile(path):
            raise Refused(f"berkas “{relative}” tidak ada.", 404)
        with open(path, "rb") as source:
            return source.read()

    def entry(self, relative: str) -> dict:
        data = self.read_bytes(relative)
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as error:
            raise Refused(
                f"berkas “{relative}” bukan teks UTF-8; simpan ulang sebagai UTF-8.",
                422,
            ) from error
        return {"data": text, "file": {"path": relative, "id": file_id(data)}}

    def listing(self, relative: str, extension: str, depth: int) -> list[str]:
        """Files ending in ``.extension`` down to ``depth`` levels, sorted."""
        top = self.folder.resolve(relative)
        found = []
        self._walk(top, relative.rstrip("/"), "." + extension, max(depth, 1), found)
        return sorted(found)

    def _walk(self, path, relative, suffix, depth, found):
        if not os.path.isdir(path) or depth < 1:
            return
        for name in sorted(os.listdir(path)):
            child = os.path.join(path, name)
            if name.startswith(".") or os.path.islink(child):
                continue
            if os.path.isdir(child):
                self._walk(child, f"{relative}/{name}", suffix, depth - 1, found)
            elif name.endswith(suffix):
                found.append(f"{relative}/{name}")

    def media(self, relative: str) -> dict:
        data = self.read_bytes(relative)
        return {
            "id": file_id(data),
            "name": relative.rsplit("/", 1)[-1],
            "path": relative,
            "content": base64.b64encode(data).decode("ascii"),
            "encoding": "base64",
        }

    # Writing -----------------------------------------------------------

    def current(self, relative: str) -> bytes | None:
        """The bytes a write would replace (``None``: a new file)."""
        path = self.folder.writable(relative)
        if not os.path.exists(path):
            return None
        with open(path, "rb") as source:
            return source.read()

    def write(self, relative: str, data: bytes) -> str:
        """Replace ``relative`` with ``data`` atomically; the absolute path."""
        path = self.folder.writable(relative)
        self._make_folders(relative, os.path.dirname(path))
        handle, temporary = tempfile.mkstemp(
            prefix=".redaksi-", suffix=".tmp", dir=os.path.dirname(path)
        )
        try:
            with os.fdopen(handle, "wb") as target:
                target.write(data)
                target.flush()
                os.fsync(target.fileno())
            os.chmod(temporary, 0o644)
            self.folder.writable(relative)  # nothing swapped in meanwhile
            os.replace(temporary, path)
        except BaseException:
            if os.path.exists(temporary):
                os.remove(temporary)
            raise
        return path

    def _make_folders(self, relative: str, folder: str) -> None:
        if os.path.isdir(folder):
            return
        os.makedirs(folder, exist_ok=True)
        self.folder.writable(relative)  # the folders made are real folders

    def restore(self, relative: str, previous: bytes | None) -> None:
        """Undo a write: the previous bytes back, or the new file removed."""
        if previous is not None:
            self.write(relative, previous)
            return
        path = self.folder.writable(relative)
        if os.path.exists(path):
            os.remove(path)
        folder = os.path.dirname(path)
        while folder != self.folder.root and not os.listdir(folder):
            os.rmdir(folder)  # a year folder the failed save made
            folder = os.path.dirname(folder)

    def delete(self, relative: str) -> str:
        path = self.folder.writable(relative)
        if os.path.exists(path):
            os.remove(path)
        return path


def decode_image(asset: dict) -> tuple[str, bytes]:
    """``(path, bytes)`` of an uploaded image, checked, or ``Refused``."""
    relative = asset.get("path")
    if asset.get("encoding") != "base64" or not isinstance(asset.get("content"), str):
        raise Refused(f"unggahan “{relative}” tidak terbaca.", 400)
    try:
        data = base64.b64decode(asset["content"], validate=True)
    except ValueError as error:
        raise Refused(f"unggahan “{relative}” tidak terbaca.", 400) from error
    if len(data) > MAX_IMAGE_BYTES:
        raise Refused(
            f"gambar “{relative}” lebih dari {MAX_IMAGE_BYTES // (1024 * 1024)} MB; "
            "perkecil ukurannya lalu unggah lagi.",
            413,
        )
    extension = os.path.splitext(str(relative))[1].lower()
    if not data.startswith(IMAGE_SIGNATURES.get(extension, (b"\0\0\0\0",))):
        raise Refused(
            f"berkas “{relative}” bukan gambar {extension or ''} yang sah; unggah "
            "foto JPEG, PNG, WebP atau GIF.",
            422,
        )
    return relative, data
