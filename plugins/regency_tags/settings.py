"""Defaults of every ``REGENCY_*`` setting, declared in one place."""

from .registry import DEFAULT_REGISTRY

DEFAULTS = {
    # TOML file listing the kabupaten/kota (see data/kalimantan-selatan.toml).
    "REGENCY_REGISTRY": str(DEFAULT_REGISTRY),
    # Metadata field editors write, e.g. "Regencies: Banjarmasin, Tanbu".
    "REGENCY_METADATA_KEY": "regencies",
    # One page per regency, paginated (kabupaten/{slug}/2/ …).
    "REGENCY_URL": "kabupaten/{slug}/",
    "REGENCY_SAVE_AS": "kabupaten/{slug}/index.html",
    # The overview of all regencies.
    "REGENCIES_URL": "kabupaten/",
    "REGENCIES_SAVE_AS": "kabupaten/index.html",
}


def apply_defaults(settings: dict) -> None:
    """Fill in missing ``REGENCY_*`` settings and paginate the regency template.

    Values the user set are kept; the user's ``PAGINATED_TEMPLATES`` dict is
    replaced by a copy rather than mutated.
    """
    for key, value in DEFAULTS.items():
        settings.setdefault(key, value)
    paginated = settings.get("PAGINATED_TEMPLATES", {})
    if "regency" not in paginated:
        settings["PAGINATED_TEMPLATES"] = {**paginated, "regency": None}
