"""A photo's problem, reported for every release or page that uses it, on
the line that names it (``Image:`` or the body)."""

import os

from editorial.content_paths import featured_image_target
from editorial.messages import problem
from editorial.problems import report
from editorial.source import line_containing, metadata_line


def _line_of(content, relative: str, base: str) -> int | None:
    image = str(content.metadata.get("image") or "")
    if image and featured_image_target(image, base).relative == relative:
        return metadata_line(content.source_path, "image")
    name = relative.split("/")[-1]
    return line_containing(content.source_path, name, body_only=True)


def report_photo(context, code, relative, users, settings, **values):
    base = settings["PATH"]
    for content in users:
        values.setdefault("detail", "")
        found = problem(
            code,
            content.source_path,
            _line_of(content, relative, base),
            value=relative,
            expected=os.path.join(base, relative),
            limit=int(settings["PHOTOS_MAX_PIXELS"]) // 1_000_000,
            minimum=int(settings["PHOTOS_MIN_WIDTH"]),
            **values,
        )
        report(context, found)
