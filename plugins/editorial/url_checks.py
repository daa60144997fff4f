"""Two sources that would be published at one URL."""

from collections import defaultdict

from .collect import would_be_save_as
from .messages import problem
from .problems import display_path


def check_duplicate_urls(contents):
    by_save_as = defaultdict(list)
    for content in contents:
        save_as = would_be_save_as(content)
        if save_as:
            by_save_as[save_as].append(content)
    for save_as, sharing in sorted(by_save_as.items()):
        if len(sharing) < 2:
            continue
        url = "/" + save_as.removesuffix("index.html")
        for content in sharing:
            others = ", ".join(
                display_path(other.source_path)
                for other in sharing
                if other is not content
            )
            yield problem("alamat-ganda", content.source_path, other=others, url=url)
