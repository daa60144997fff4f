"""Defaults of every ``SYNDICATION_*`` setting, declared in one place."""

import re

DEFAULTS = {
    # The feeds to write: one row per feed kind. "scope" is "site" (all
    # published releases) or "regency" (one file per regency; save_as takes
    # {slug}). "format" is "rss", "atom" or "json".
    "SYNDICATION_FEEDS": (
        {"format": "rss", "scope": "site", "save_as": "feeds/rss.xml"},
        {"format": "atom", "scope": "site", "save_as": "feeds/atom.xml"},
        {"format": "json", "scope": "site", "save_as": "feeds/feed.json"},
        {"format": "rss", "scope": "regency", "save_as": "kabupaten/{slug}/rss.xml"},
    ),
    # Newest releases per feed.
    "SYNDICATION_MAX_ITEMS": 50,
    # Authority of the tag: URIs used as GUIDs (RFC 4151): a domain the LKKS
    # controls and a date it did. Never change it: every GUID would change.
    "SYNDICATION_GUID_AUTHORITY": "lkks-kalsel.or.id,2025",
    # Channel image/logo, a path inside the output folder.
    "SYNDICATION_LOGO": "theme/images/logo.png",
    # Channel title separator: "Warta LKKS — Kabupaten Banjar".
    "SYNDICATION_TITLE_FORMAT": "{site} — {regency}",
    # A WebSub hub (https://www.w3.org/TR/websub/) every feed names, and
    # that make publish tells of each feed it changed; "" for none.
    "SYNDICATION_WEBSUB_HUB": "",
}

FORMATS = ("rss", "atom", "json")
SCOPES = ("site", "regency")


def apply_defaults(settings: dict) -> None:
    """Fill in missing settings and check the feed table."""
    for key, value in DEFAULTS.items():
        settings.setdefault(key, value)
    seen = set()
    for row in settings["SYNDICATION_FEEDS"]:
        if row.get("format") not in FORMATS or row.get("scope") not in SCOPES:
            raise ValueError(
                f"SYNDICATION_FEEDS: {row!r} needs format in {FORMATS} "
                f"and scope in {SCOPES}"
            )
        save_as = row.get("save_as", "")
        if not save_as or (row["scope"] == "regency") != ("{slug}" in save_as):
            raise ValueError(
                f"SYNDICATION_FEEDS: {row!r}: save_as must contain {{slug}} "
                "exactly when scope is 'regency'"
            )
        if save_as in seen:
            raise ValueError(f"SYNDICATION_FEEDS: two feeds would write {save_as}")
        seen.add(save_as)
    hub = settings["SYNDICATION_WEBSUB_HUB"] or ""
    if hub and not re.fullmatch(r"https?://[^/\s?#]+(/[^\s#]*)?", hub):
        raise ValueError(
            f"SYNDICATION_WEBSUB_HUB: {hub!r} must be an http:// or https:// address"
        )
    if int(settings["SYNDICATION_MAX_ITEMS"]) < 1:
        raise ValueError("SYNDICATION_MAX_ITEMS must be at least 1")
