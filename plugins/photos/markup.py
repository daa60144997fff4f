"""Photos in HTML: one ``<picture>`` writer for templates and for images in
release bodies, and the simpler markup feed readers get.

Everything here works on rendered HTML (links already resolved by Pelican,
the body already sanitised by ``safe_html``), so a photo's address is found
the way a browser would find it, and the variants' addresses keep the same
form (relative in ``make html``, absolute in ``make publish``).
"""

import html
import posixpath
import re
from urllib.parse import unquote

from .model import JPEG, MODERN, Photo

# The body column: 46rem wide with 1rem padding (theme/static/css/style.css).
BODY_SIZES = "(min-width: 46rem) 44rem, calc(100vw - 2rem)"

_TAG = re.compile(r"<(img|a)\b([^>]*)>", re.IGNORECASE)
_ATTRIBUTE = re.compile(
    r"""([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?"""
)
_PICTURE = re.compile(r"<picture\b.*?</picture>", re.IGNORECASE | re.DOTALL)


def _attributes(text: str) -> list[tuple[str, str | None]]:
    found = []
    for match in _ATTRIBUTE.finditer(text):
        name = match.group(1).lower()
        value = next((g for g in match.groups()[1:] if g is not None), None)
        found.append((name, None if value is None else html.unescape(value)))
    return found


def _render(name: str, attributes: list[tuple[str, str | None]]) -> str:
    parts = [name]
    for key, value in attributes:
        parts.append(key if value is None else f'{key}="{html.escape(value)}"')
    return "<" + " ".join(parts) + ">"


def _source(photo: Photo, kind: str, prefix: str, sizes: str) -> list:
    return [("type", kind), ("srcset", photo.srcset(kind, prefix)), ("sizes", sizes)]


def picture(
    photo: Photo,
    alt: str,
    prefix: str,
    sizes: str = BODY_SIZES,
    lead: bool = False,
    extra: list[tuple[str, str | None]] = (),
) -> str:
    """``<picture>``: AVIF, then WebP, JPEG for the rest; ``width``/``height``
    reserve the space (no layout shift); the lead photo loads first, every
    other photo lazily."""
    fallback = photo.fallback
    loading = (
        [("fetchpriority", "high"), ("decoding", "async")]
        if lead
        else [("loading", "lazy"), ("decoding", "async")]
    )
    image = [
        ("src", prefix + fallback.path),
        ("srcset", photo.srcset(JPEG, prefix)),
        ("sizes", sizes),
        ("width", str(photo.width)),
        ("height", str(photo.height)),
        ("alt", alt),
        *loading,
        *extra,
    ]
    sources = "".join(
        _render("source", _source(photo, kind, prefix, sizes))
        for kind in MODERN
        if photo.of_type(kind)
    )
    return f"<picture>{sources}{_render('img', image)}</picture>"


class SitePaths:
    """Finds the photo an ``src``/``href`` in rendered HTML points at."""

    def __init__(self, registry: dict[str, Photo], siteurl: str = "", statics=None):
        self.registry = registry
        self.siteurl = siteurl.rstrip("/")
        # {file name: [(static file, photo)]}: a photo linked with {attach} is
        # served beside its release, at the address Pelican gave its static
        # file; looked up by name, so a link to anything else costs nothing.
        self.statics = statics or {}

    def find(self, address: str) -> tuple[Photo, str] | None:
        """(photo, the prefix before its site path in ``address``)."""
        if not address or not self.registry:
            return None
        base = address.split("#", 1)[0].split("?", 1)[0]
        path = base
        if self.siteurl and path.startswith(self.siteurl + "/"):
            path = path[len(self.siteurl) + 1 :]
        else:
            while path.startswith(("../", "./")):
                path = path[path.index("/") + 1 :]
            path = path.lstrip("/")
        site_path = unquote(path)
        photo = self.registry.get(site_path)
        if photo is None:
            for static, candidate in self.statics.get(
                posixpath.basename(site_path), ()
            ):
                if site_path in (static.url, static.save_as):
                    photo = candidate
                    break
        if photo is None:
            return None
        return photo, base[: len(base) - len(path)]


def _outside_pictures(text: str, rewrite) -> str:
    """Apply ``rewrite`` to the tags of ``text``, but not inside a <picture>."""
    out, position = [], 0
    for block in _PICTURE.finditer(text):
        out.append(_TAG.sub(rewrite, text[position : block.start()]))
        out.append(block.group(0))
        position = block.end()
    out.append(_TAG.sub(rewrite, text[position:]))
    return "".join(out)


def _photo_tags(paths: SitePaths, image):
    """A replacer for ``_TAG`` matches: a link to a photo opens its largest
    file; ``image(photo, prefix, attributes)`` writes a photo's ``<img>``;
    any other tag is left as it is."""

    def rewrite(match):
        name, attributes = match.group(1).lower(), _attributes(match.group(2))
        key = "src" if name == "img" else "href"
        found = paths.find(dict(attributes).get(key) or "")
        if not found:
            return match.group(0)
        photo, prefix = found
        if name == "a":
            kept = [(k, prefix + photo.largest.path if k == "href" else v)
                    for k, v in attributes]  # fmt: skip
            return _render("a", kept)
        return image(photo, prefix, attributes)

    return rewrite


def body_html(text: str, paths: SitePaths, sizes: str = BODY_SIZES) -> str:
    """A rendered body with every photo as a responsive ``<picture>``, and a
    link to a photo pointing at its largest published file."""
    dropped = {"src", "srcset", "sizes", "width", "height", "alt", "loading",
               "decoding", "fetchpriority"}  # fmt: skip

    def image(photo, prefix, attributes):
        extra = [(k, v) for k, v in attributes if k not in dropped]
        alt = dict(attributes).get("alt") or ""
        return picture(photo, alt, prefix, sizes, extra=extra)

    return _outside_pictures(text, _photo_tags(paths, image))


def feed_html(text: str, paths: SitePaths) -> str:
    """Feed readers get one plain ``<img>``: the sharing JPEG with its size
    (SimplePie and many readers drop ``<picture>`` and ``srcset``)."""
    dropped = {"src", "srcset", "sizes", "width", "height"}

    def image(photo, prefix, attributes):
        share = photo.share
        kept = [(k, v) for k, v in attributes if k not in dropped]
        return _render("img", [("src", prefix + share.path),
                               ("width", str(share.width)),
                               ("height", str(share.height)), *kept])  # fmt: skip

    return _TAG.sub(_photo_tags(paths, image), text)
