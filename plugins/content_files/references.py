"""The content files that written releases and pages use.

Written means Pelican writes the content: published and hidden releases and
pages, and drafts only where a draft URL is set (the local preview). Their
references are the ``Image:``, the ``{static}``/``{attach}``/``{filename}``
links of the body and the summary, and plain ``src``/``href`` paths that land
on a content file (``/images/denah.png``).
"""

from editorial.content_paths import (
    featured_image_target,
    intrasite_links,
    link_target,
    plain_links,
    site_target,
    spellings,
)


def written_content(context) -> list:
    """Every release and page this build writes (its ``save_as`` is set)."""
    return [
        content
        for content in context.get("generated_content", {}).values()
        if content is not None and content.save_as
    ]


def _texts(content) -> list[str]:
    texts = [getattr(content, "_content", "") or ""]
    summary = content.metadata.get("summary")
    if isinstance(summary, str):
        texts.append(summary)
    return texts


def referenced_paths(content) -> set[str]:
    """Paths (from PATH, or site paths for plain links) ``content`` uses."""
    settings = content.settings
    base = settings["PATH"]
    found = set()
    image = content.metadata.get("image")
    if image:
        target = featured_image_target(str(image), base)
        if target.relative and not target.refusal:
            found.add(target.relative)
    for text in _texts(content):
        for what, value, _written in intrasite_links(text, settings):
            if what not in ("static", "attach", "filename"):
                continue
            target = link_target(value, content.source_path, base)
            if target.refusal:
                continue
            for form in spellings(value):
                resolved = link_target(form, content.source_path, base)
                if resolved.relative and not resolved.refusal:
                    found.add(resolved.relative)
        for src in plain_links(text, settings):
            site_path = site_target(src, content.url)
            if site_path:
                found.add(site_path)
    return found


def referenced_files(context) -> set[str]:
    used = set()
    for content in written_content(context):
        used |= referenced_paths(content)
    return used
