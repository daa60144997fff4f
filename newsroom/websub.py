"""Tell a WebSub hub which feeds a publish changed.

WebSub (https://www.w3.org/TR/websub/): every feed names the hub
(``SYNDICATION_WEBSUB_HUB``, plugin ``syndication``); after the swap,
``make publish`` posts ``hub.mode=publish`` with each feed whose bytes the
publish added or changed, so subscribers (an aggregator) fetch it at once
instead of at their next poll. The hub failing never fails a publish: the
feeds are live either way, and subscribers still poll.
"""

import os
import re
import urllib.error
import urllib.parse
import urllib.request

from syndication.settings import DEFAULTS

TIMEOUT = 10  # seconds per request


def _patterns(settings) -> list[re.Pattern]:
    rows = settings.get("SYNDICATION_FEEDS") or DEFAULTS["SYNDICATION_FEEDS"]
    return [
        re.compile(re.escape(row["save_as"]).replace(re.escape("{slug}"), "[^/]+"))
        for row in rows
    ]


# A feed's own date: an empty feed takes the site's newest change as its
# date (plugin syndication), so it changes with every new release without
# any item of its own changing. Subscribers need to hear of items only.
_CHANNEL_DATE = (
    re.compile(rb"<lastBuildDate>[^<]*</lastBuildDate>"),  # RSS
    re.compile(rb"\A((?:(?!<entry[\s>]).)*?)<updated>[^<]*</updated>", re.S),  # Atom
)


def _items(path: str) -> bytes | None:
    """The feed without its own date, or None when there is no such feed."""
    try:
        with open(path, "rb") as feed:
            document = feed.read()
    except OSError:
        return None
    document = _CHANNEL_DATE[0].sub(b"", document, count=1)
    return _CHANNEL_DATE[1].sub(rb"\1", document, count=1)


def changed_feeds(new_site: str, live_site: str, settings) -> list[str]:
    """Feeds (paths in the site) whose items the new build adds or changes."""
    patterns = _patterns(settings)
    changed = []
    for folder, subfolders, files in os.walk(new_site):
        subfolders.sort()
        for name in sorted(files):
            path = os.path.join(folder, name)
            relative = os.path.relpath(path, new_site).replace(os.sep, "/")
            if not any(pattern.fullmatch(relative) for pattern in patterns):
                continue
            if _items(path) != _items(os.path.join(live_site, relative)):
                changed.append(relative)
    return changed


def notify(hub: str, feed_urls: list[str]) -> list[str]:
    """Post each URL to the hub; returns the problems (empty when all went)."""
    problems = []
    for url in feed_urls:
        body = urllib.parse.urlencode({"hub.mode": "publish", "hub.url": url})
        request = urllib.request.Request(
            hub,
            data=body.encode("ascii"),
            headers={"Content-Type": "application/x-www-form-urlencoded"},
            method="POST",
        )
        try:
            with urllib.request.urlopen(request, timeout=TIMEOUT) as answer:
                answer.read()
        except (urllib.error.URLError, OSError) as error:
            problems.append(f"{url}: {getattr(error, 'reason', error)}")
    return problems
