"""What a feed says about itself, independent of its format."""

from dataclasses import dataclass
from datetime import datetime

from .items import FeedItem


@dataclass(frozen=True)
class Channel:
    title: str
    description: str
    link: str  # the HTML page the feed mirrors
    self_url: str  # where the feed itself is served
    language: str
    logo_url: str | None
    updated: datetime  # newest item, or a fixed fallback: never the clock
    generator: str
    items: tuple[FeedItem, ...]
    hub: str | None = None  # a WebSub hub the feed names
