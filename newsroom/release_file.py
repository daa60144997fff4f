"""Write a release as Markdown: metadata lines, a blank line, the body."""

import os
from dataclasses import dataclass, field


@dataclass
class Release:
    title: str
    slug: str
    date: str  # "YYYY-MM-DD" or "YYYY-MM-DD HH:MM", WITA
    category: str
    body: str
    tags: list[str] = field(default_factory=list)
    author: str = ""
    source: str = ""
    regencies: list[str] = field(default_factory=list)
    summary: str = ""
    status: str = ""

    def to_markdown(self) -> str:
        fields = [
            ("Title", self.title),
            ("Slug", self.slug),
            ("Date", self.date),
            ("Category", self.category),
            ("Tags", ", ".join(self.tags)),
            ("Author", self.author),
            ("Source", self.source),
            ("Regencies", ", ".join(self.regencies)),
            ("Summary", self.summary),
            ("Status", self.status),
        ]
        header = "\n".join(f"{name}: {value}" for name, value in fields if value)
        return f"{header}\n\n{self.body.strip()}\n"


def release_path(content: str, articles_folder: str, release: Release) -> str:
    """``content/berita/YYYY/slug.md``."""
    year = release.date[:4]
    return os.path.join(content, articles_folder, year, f"{release.slug}.md")


class SymlinkedFolder(Exception):
    """The new file's folder under content/ is, or passes through, a symlink
    (which could lead outside content/; the build refuses symlinks too)."""

    def __init__(self, link: str):
        super().__init__(link)
        self.message = (
            f"folder “{link}” adalah tautan simbolik (symlink); berkas baru tidak "
            "ditulis lewat symlink karena bisa berada di luar content/."
        )
        self.hint = (
            "Ganti symlink itu dengan folder biasa (hapus symlink-nya, buat folder "
            "dengan nama yang sama), lalu ulangi perintahnya."
        )


def _refuse_symlinked_folders(content: str, folder: str) -> None:
    path = os.path.abspath(content)
    relative = os.path.relpath(os.path.abspath(folder), path)
    for part in [] if relative == "." else relative.split(os.sep):
        path = os.path.join(path, part)
        if os.path.islink(path):
            raise SymlinkedFolder(path)


def write_new(path: str, release: Release, content: str) -> None:
    """Write ``release`` to ``path`` (inside ``content``); never overwrite an
    existing file, never write through a symlinked folder."""
    _refuse_symlinked_folders(content, os.path.dirname(path))
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "x", encoding="utf-8") as target:
        target.write(release.to_markdown())
