"""The site's settings as the editor commands need them."""

import os

from pelican.settings import read_settings

from regency_tags.registry import load_registry
from regency_tags.settings import DEFAULTS as REGENCY_DEFAULTS


def load(settings_file: str, content: str | None = None) -> dict:
    override = {}
    if content:
        os.makedirs(content, exist_ok=True)  # a first release in a new folder
        override["PATH"] = os.path.abspath(content)
    return read_settings(settings_file, override=override)


def registry_of(settings: dict):
    return load_registry(
        settings.get("REGENCY_REGISTRY", REGENCY_DEFAULTS["REGENCY_REGISTRY"])
    )
