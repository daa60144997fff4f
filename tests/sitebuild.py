"""Build real sites from Markdown in tests, and read what they produced."""

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import lxml.html
from pelican import Pelican
from pelican.log import LimitFilter
from pelican.settings import read_settings

ROOT = Path(__file__).resolve().parent.parent
CONFIG = ROOT / "pelicanconf.py"
PUBLISH_CONFIG = ROOT / "publishconf.py"
CONTENT = ROOT / "content"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def regency_slugs() -> list[str]:
    """The 13 slugs, in registry order, from the registry itself."""
    from regency_tags.registry import load_registry

    return [info.slug for info in load_registry().regencies]


def reset_pelican_logging():
    """Pelican's LimitFilter remembers warnings for the whole process."""
    LimitFilter._ignore.clear()
    LimitFilter._raised_messages.clear()
    LimitFilter._group_count.clear()


def settings_for(content, output, config=CONFIG, **override):
    override = {"PATH": str(content), "OUTPUT_PATH": str(output), **override}
    return read_settings(str(config), override=override)


def build(content, output, config=CONFIG, **override):
    """Run a whole Pelican build in this process; returns the settings used."""
    reset_pelican_logging()
    settings = settings_for(content, output, config, **override)
    Pelican(settings).run()
    return settings


def run_pelican_cli(content, output, config=CONFIG, env=None):
    """Run ``pelican`` as ``make html`` does; returns the CompletedProcess."""
    environment = {**os.environ, "COLUMNS": "400", "TERM": "dumb", **(env or {})}
    return subprocess.run(
        [
            *(sys.executable, "-m", "pelican", str(content)),
            *("-o", str(output), "-s", str(config), "--log-handler", "plain"),
        ],
        capture_output=True,
        text=True,
        env=environment,
        cwd=ROOT,
        timeout=120,
    )


def make(*arguments, env=None):
    """Run a Makefile target as an editor would."""
    return subprocess.run(
        ["make", "--no-print-directory", "-C", str(ROOT), *arguments],
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, **(env or {})},
    )


def write_release(folder, name, body="Isi berita.", **metadata):
    """Write a Markdown release; metadata keys become ``Key: value`` lines."""
    folder = Path(folder)
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    header = "\n".join(
        f"{key.capitalize()}: {value}" for key, value in metadata.items()
    )
    path.write_text(f"{header}\n\n{textwrap.dedent(body).strip()}\n", encoding="utf-8")
    return path


def write_files(folder, files: dict) -> Path:
    """Write ``{relative path: text or bytes}`` under ``folder``."""
    folder = Path(folder)
    for relative, text in files.items():
        path = folder / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
    return folder


def page(output, relative):
    """Parse one output HTML file."""
    path = Path(output) / relative
    return lxml.html.fromstring(path.read_bytes())


def text_of(element) -> str:
    return " ".join(element.text_content().split())


def hrefs(document) -> list[str]:
    return [a.get("href") for a in document.iter("a")]
