"""Every internal link, image, stylesheet and feed link of a built site resolves.

``python -m newsroom.linkcheck OUTPUTDIR [--siteurl URL ...]``: reads every
HTML page and every RSS/Atom feed of the output, resolves each internal URL
(relative, root-relative, or absolute on one of the site's own addresses)
to a file, and lists the ones that resolve to nothing. Exit 1 if any.
"""

import argparse
import posixpath
import sys
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import lxml.etree
import lxml.html

HTML_LINKS = (
    ("a", "href"),
    ("link", "href"),
    ("img", "src"),
    ("script", "src"),
    ("source", "src"),
    ("iframe", "src"),
)
ATOM = "{http://www.w3.org/2005/Atom}"


@dataclass(frozen=True)
class BrokenLink:
    page: str  # output-relative path of the file holding the link
    url: str

    def __str__(self):
        return f"{self.page}: {self.url}"


def _page_url(output: Path, path: Path) -> str:
    """The URL path a file is served at (``/berita/…/``, ``/404.html``)."""
    relative = path.relative_to(output).as_posix()
    if relative.endswith("index.html"):
        relative = relative[: -len("index.html")]
    return "/" + relative


def _urls_in_html(path: Path):
    document = lxml.html.fromstring(path.read_bytes())
    for tag, attribute in HTML_LINKS:
        for element in document.iter(tag):
            value = element.get(attribute)
            if value:
                yield value
    for element in document.iter("img", "source"):
        for candidate in (element.get("srcset") or "").split(","):
            if candidate.strip():
                yield candidate.split()[0]
    for element in document.iter("meta"):
        if element.get("property") == "og:image" and element.get("content"):
            yield element.get("content")


def _urls_in_feed(path: Path):
    root = lxml.etree.fromstring(path.read_bytes())
    for element in root.iter():
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag in ("link", "url") and element.text and not len(element):
            yield element.text.strip()
        elif tag == "enclosure" or tag == f"{ATOM}link":
            value = element.get("url") or element.get("href")
            if value:
                yield value
        elif tag.endswith(("}content", "}thumbnail")) and element.get("url"):
            yield element.get("url")


def _target(output: Path, url_path: str) -> bool:
    candidate = output / unquote(url_path).lstrip("/")
    if url_path.endswith("/"):
        return (candidate / "index.html").is_file()
    return candidate.is_file() or (candidate / "index.html").is_file()


def _resolved(url: str, base: str, hosts: set[str]) -> str | None:
    """The URL path an internal link points at, or None (another site,
    ``mailto:``, a fragment of the same page)."""
    parts = urlsplit(url)
    if parts.scheme and parts.scheme not in ("http", "https"):
        return None  # mailto:, tel:
    if parts.netloc and parts.netloc not in hosts:
        return None  # another site
    if not parts.path and not parts.netloc:
        return None  # "#fragment" on the same page
    resolved = urlsplit(urljoin("http://site" + base, url)).path
    return posixpath.normpath(resolved) + ("/" if resolved.endswith("/") else "")


def check_links(output, siteurls=()) -> tuple[list[BrokenLink], int]:
    """``(broken links, number of internal links checked)``."""
    output = Path(output)
    hosts = {urlsplit(url).netloc for url in siteurls if url}
    broken, checked = [], 0
    # Most links are absolute or root-relative and repeat on every page
    # (stylesheet, navigation, regencies): resolve and look each up once.
    absolute: dict[str, str | None] = {}
    exists: dict[str, bool] = {}
    for path in sorted(output.rglob("*")):
        if path.suffix == ".html":
            urls = _urls_in_html(path)
        elif path.suffix == ".xml" and path.name != "sitemap.xml":
            urls = _urls_in_feed(path)
        else:
            continue
        base = _page_url(output, path)
        for url in urls:
            if url.startswith(("/", "http://", "https://")):
                if url not in absolute:
                    absolute[url] = _resolved(url, base, hosts)
                resolved = absolute[url]
            else:
                resolved = _resolved(url, base, hosts)
            if resolved is None:
                continue
            checked += 1
            if resolved not in exists:
                exists[resolved] = _target(output, resolved)
            if not exists[resolved]:
                broken.append(BrokenLink(path.relative_to(output).as_posix(), url))
    return broken, checked


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m newsroom.linkcheck")
    parser.add_argument("output")
    parser.add_argument("--siteurl", action="append", default=[])
    args = parser.parse_args(argv)
    broken, checked = check_links(args.output, args.siteurl)
    for link in broken:
        print(f"RUSAK {link}", file=sys.stderr)
    print(f"{checked} tautan internal diperiksa, {len(broken)} rusak.")
    return 1 if broken else 0


if __name__ == "__main__":
    sys.exit(main())
