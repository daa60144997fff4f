"""Decap CMS's proxy API (``POST /api/v1`` with ``{action, params}``).

Only the actions of the "simple" publish mode: no editorial workflow, a
draft is a release with ``Status: draft``. Every path goes through
``ContentStore``; a save is checked by the build's editorial checks and
undone when the build would stop on it.
"""

import os
import re
import threading
from dataclasses import dataclass

from .commit import CommitFailed, commit_files
from .paths import Refused
from .store import ContentStore, decode_image
from .verdict import check_saved, errors_of, render

TITLE = re.compile(r"^ {0,3}title:\s*(.*)$", re.IGNORECASE)


def title_of(raw: bytes) -> str:
    """The ``Title:`` of a release's header, or ``""``."""
    for line in raw.decode("utf-8", "replace").splitlines():
        if not line.strip():
            break
        found = TITLE.match(line)
        if found:
            return found.group(1).strip()
    return ""


def named(message: str, files) -> str:
    """Decap's commit message, naming the release saved (its title)."""
    for relative, data in files:
        if relative.endswith(".md"):
            return f"{message} “{title_of(data) or relative}”"
    return message


@dataclass
class Saving:
    settings_file: str
    repository: str | None = None  # commit each save when set
    check: bool = True  # run the editorial checks after each save


class ProxyApi:
    def __init__(self, store: ContentStore, saving: Saving, project: str):
        self.store = store
        self.saving = saving
        self.project = project  # messages name files relative to it
        self.last_verdict = {"path": "", "warnings": []}
        self._writing = threading.Lock()

    def handle(self, action: str, params: dict):
        handler = getattr(self, "do_" + str(action), None)
        if handler is None:
            raise Refused(
                f"perintah “{action}” tidak dikenal oleh server redaksi.", 400
            )
        if not isinstance(params, dict):
            raise Refused("permintaan tidak lengkap.", 400)
        return handler(params)

    # Reading -----------------------------------------------------------

    def do_info(self, params):
        return {
            "repo": os.path.basename(self.project),
            "publish_modes": ["simple"],
            "type": "local_fs",
        }

    def do_entriesByFolder(self, params):
        paths = self.store.listing(
            params.get("folder"), str(params.get("extension", "md")),
            int(params.get("depth") or 1),
        )  # fmt: skip
        return [self.store.entry(path) for path in paths]

    def do_entriesByFiles(self, params):
        files = params.get("files") or []
        return [self.store.entry(item.get("path")) for item in files]

    def do_getEntry(self, params):
        return self.store.entry(params.get("path"))

    def do_getMedia(self, params):
        folder = params.get("mediaFolder")
        paths = [
            path
            for extension in ("jpg", "jpeg", "png", "webp", "gif")
            for path in self.store.listing(folder, extension, 1)
        ]
        return [self.store.media(path) for path in sorted(paths)]

    def do_getMediaFile(self, params):
        return self.store.media(params.get("path"))

    def do_getDeployPreview(self, params):
        return None

    def do_verdict(self, params):
        """The file last saved and the build's warnings on it (ours, not Decap's)."""
        return self.last_verdict

    # Writing -----------------------------------------------------------

    def do_persistEntry(self, params):
        files, moved = [], []
        for item in params.get("dataFiles") or []:
            raw = item.get("raw")
            if not isinstance(raw, str):
                raise Refused("isi berkas tidak terkirim.", 400)
            target = item.get("newPath") or item.get("path")
            files.append((target, raw.encode("utf-8")))
            if target != item.get("path"):
                moved.append(item.get("path"))  # a new date moved it to another year
        for asset in params.get("assets") or []:
            self.store.folder.writable(asset.get("path"))
            files.append(decode_image(asset))
        if not files:
            raise Refused("tidak ada berkas untuk disimpan.", 400)
        message = (params.get("options") or {}).get("commitMessage") or "Redaksi"
        warnings = self._save(files, message, moved)
        return {"message": "entry persisted", "warnings": warnings}

    def do_persistMedia(self, params):
        asset = params.get("asset") or {}
        self.store.folder.writable(asset.get("path"))
        relative, data = decode_image(asset)
        message = (params.get("options") or {}).get("commitMessage") or "Redaksi"
        self._save([(relative, data)], message)
        return self.store.media(relative)

    def do_deleteFiles(self, params):
        paths = params.get("paths") or []
        with self._writing:
            for relative in paths:
                self.store.folder.writable(relative)
            removed = [self.store.delete(relative) for relative in paths]
            message = (params.get("options") or {}).get("commitMessage") or "Redaksi"
            self._commit(removed, message)
        return {"message": "files deleted"}

    def do_deleteFile(self, params):
        return self.do_deleteFiles(
            {"paths": [params.get("path")], "options": params.get("options")}
        )

    def _save(self, files, message, moved=()) -> list[str]:
        """Write ``files`` (``(path, bytes)``), remove ``moved``, check, commit.

        Returns the build's warnings on the files; its errors undo the save.
        """
        with self._writing:
            for relative in [*(relative for relative, _ in files), *moved]:
                self.store.folder.writable(relative)  # all or nothing
            touched = [relative for relative, _ in files] + list(moved)
            previous = {relative: self.store.current(relative) for relative in touched}
            try:
                written = [self.store.write(relative, data) for relative, data in files]
                removed = [self.store.delete(relative) for relative in moved]
                texts = [path for path in written if path.endswith(".md")]
                problems = []
                if self.saving.check and texts:
                    problems = check_saved(
                        self.saving.settings_file, self.store.folder.root, texts
                    )
            except BaseException:
                self._undo(previous)  # a failed write or check leaves nothing
                raise
            if errors_of(problems):
                self._undo(previous)
                raise Refused(
                    "situs tidak akan dibangun dengan berkas ini; "
                    "tidak ada yang disimpan.\n"
                    + render(errors_of(problems), self.project),
                    422,
                )
            self._commit([*written, *removed], named(message, files))
        warnings = [p.render(self.project) for p in problems]
        for path in texts:
            self.last_verdict = {
                "path": self.store.folder.relative(path),
                "warnings": warnings,
            }
        return warnings

    def _undo(self, previous: dict) -> None:
        for relative, data in previous.items():
            self.store.restore(relative, data)

    def _commit(self, paths, message):
        if self.saving.repository is None:
            return
        try:
            commit_files(self.saving.repository, paths, message)
        except CommitFailed as error:
            raise Refused(
                f"berkas tersimpan, tetapi commit git gagal: {error}. "
                "Minta operator memeriksa repositori.",
                500,
            ) from error
