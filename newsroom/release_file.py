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


def write_new(path: str, release: Release) -> None:
    """Write ``release`` to ``path``; never overwrite an existing file."""
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "x", encoding="utf-8") as target:
        target.write(release.to_markdown())
