"""JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/)."""

import json

from .channel import Channel


def render_json(channel: Channel) -> bytes:
    items = []
    for item in channel.items:
        entry = {
            "id": item.guid,
            "url": item.url,
            "title": item.title,
            "content_html": item.content_html,
            "date_published": item.published.isoformat(),
        }
        if item.summary:
            entry["summary"] = item.summary
        if item.updated != item.published:
            entry["date_modified"] = item.updated.isoformat()
        if item.author:
            entry["authors"] = [{"name": item.author}]
        if item.categories:
            entry["tags"] = list(item.categories)
        if item.image:
            entry["image"] = item.image.url
            entry["attachments"] = [
                {
                    "url": item.image.url,
                    "mime_type": item.image.mime_type,
                    "size_in_bytes": item.image.length,
                }
            ]
        items.append(entry)
    document = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": channel.title,
        "home_page_url": channel.link,
        "feed_url": channel.self_url,
        "description": channel.description,
        "language": channel.language,
        "items": items,
    }
    if channel.logo_url:
        document["icon"] = channel.logo_url
    if channel.hub:
        document["hubs"] = [{"type": "WebSub", "url": channel.hub}]
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
