"""Two builds of the same content are byte-identical; every internal link resolves."""

import shutil

import pytest

from newsroom.linkcheck import check_links, main
from search_index.indexing import unstable_file
from tests.sitebuild import (
    CONTENT,
    FIXTURES,
    PUBLISH_CONFIG,
    build,
    make,
    run_pelican_cli,
    write_release,
)

SITE = "https://example.test"
SITES = {
    "bundled": CONTENT,
    "feeds": FIXTURES / "feeds",
    "regencies": FIXTURES / "regencies",
    "hostile": FIXTURES / "hostile",
}


def files_of(folder):
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and not unstable_file(path.relative_to(folder).as_posix())
    }


@pytest.mark.parametrize("name", sorted(SITES))
def test_two_builds_are_byte_identical(tmp_path, name):
    build(SITES[name], tmp_path / "a", PUBLISH_CONFIG, SITEURL=SITE)
    build(SITES[name], tmp_path / "b", PUBLISH_CONFIG, SITEURL=SITE)
    first, second = files_of(tmp_path / "a"), files_of(tmp_path / "b")
    assert sorted(first) == sorted(second)
    different = [path for path in first if first[path] != second[path]]
    assert different == []


# The feeds fixture links, on purpose, to pages it does not have (to test
# that feeds make relative links absolute): exactly those are reported.
KNOWN_BROKEN = {
    "feeds": {"/tentang/", "../../2025/09/lain/"},
}


@pytest.mark.parametrize("name", sorted(SITES))
def test_every_internal_link_resolves(tmp_path, name):
    build(SITES[name], tmp_path, PUBLISH_CONFIG, SITEURL=SITE)
    broken, checked = check_links(tmp_path, [SITE])
    assert {link.url for link in broken} == KNOWN_BROKEN.get(name, set())
    assert checked > 100


def test_relative_development_build_links_resolve(tmp_path):
    build(CONTENT, tmp_path)  # make html: relative URLs
    broken, checked = check_links(tmp_path, ["http://127.0.0.1:8000"])
    assert broken == []
    assert checked > 100


def test_a_broken_link_image_stylesheet_or_feed_link_is_found(tmp_path):
    build(CONTENT, tmp_path, PUBLISH_CONFIG, SITEURL=SITE)
    home = tmp_path / "index.html"
    html = home.read_text(encoding="utf-8")
    html = html.replace("</main>", '<a href="berita/2099/01/hilang/">x</a>'
                        '<img src="/images/hilang.png" alt=""></main>')  # fmt: skip
    home.write_text(html, encoding="utf-8")
    (tmp_path / "theme" / "css").rename(tmp_path / "theme" / "css-lama")
    shutil.rmtree(tmp_path / "kabupaten" / "banjar")
    (tmp_path / "kabupaten" / "tapin" / "rss.xml").unlink()
    broken, _ = check_links(tmp_path, [SITE])
    urls = {link.url for link in broken}
    assert "berita/2099/01/hilang/" in urls
    assert "/images/hilang.png" in urls
    assert any(url.startswith(f"{SITE}/theme/css/style.") for url in urls)
    assert f"{SITE}/kabupaten/banjar/" in urls
    assert f"{SITE}/kabupaten/tapin/rss.xml" in urls
    assert main([str(tmp_path), "--siteurl", SITE]) == 1


def test_make_linkcheck_passes_on_a_published_site(tmp_path):
    output = tmp_path / "situs"
    site = {"WARTA_SITEURL": SITE}
    assert (
        make(
            "publish", f"INPUTDIR={CONTENT}", f"OUTPUTDIR={output}", env=site
        ).returncode
        == 0
    )
    result = make("linkcheck", f"OUTPUTDIR={output}", env=site)
    assert result.returncode == 0, result.stderr
    assert "0 rusak" in result.stdout


def test_releases_of_the_same_minute_keep_their_order_across_processes(tmp_path):
    # Pelican lists source files through a set: the order of two releases
    # with one date depended on the process's string-hash seed.
    content = tmp_path / "content"
    for letter in "abcdefgh":
        write_release(
            content / "berita",
            f"{letter}.md",
            title=f"Rilis {letter}",
            date="2025-06-01 10:00",
            regencies="Tapin",
        )
    outputs = []
    for seed in ("1", "2", "3"):
        output = tmp_path / f"out-{seed}"
        result = run_pelican_cli(content, output, env={"PYTHONHASHSEED": seed})
        assert result.returncode == 0, result.stderr
        outputs.append(files_of(output))
    assert outputs[0] == outputs[1] == outputs[2]


def bundled_site_with_a_photo(tmp_path, size):
    """The bundled content, its release with a phone photo as Image:."""
    from tests.photos import phone_photo

    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    phone_photo(content / "images" / "foto.jpg", size=size)
    release = next((content / "berita").rglob("*.md"))
    text = release.read_text(encoding="utf-8")
    release.write_text(
        text.replace("\n\n", "\nImage: images/foto.jpg\nImage_alt: Foto\n\n", 1),
        encoding="utf-8",
    )
    return content


def test_a_missing_photo_variant_is_found_in_srcset_og_image_and_feeds(tmp_path):
    content = bundled_site_with_a_photo(tmp_path, (1400, 1050))
    output = tmp_path / "output"
    build(content, output, PUBLISH_CONFIG, SITEURL=SITE, CACHE_PATH=str(tmp_path))
    assert check_links(output, [SITE])[0] == []
    for name in ("foto-1400w.*.webp", "foto-1200w.*.jpg", "foto-320w.*.jpg"):
        for variant in (output / "images").glob(name):
            variant.unlink()
    broken = check_links(output, [SITE])[0]
    where = {
        (link.page.rsplit(".", 1)[-1], link.url.split("/")[-1].split(".")[0])
        for link in broken
    }
    assert ("html", "foto-1400w") in where  # srcset
    assert ("xml", "foto-1200w") in where  # enclosure, media:content
    assert ("xml", "foto-320w") in where  # media:thumbnail (the only 320w in a feed)
    home = output / "index.html"
    html = home.read_text(encoding="utf-8")
    missing = f'property="og:image" content="{SITE}/images/hilang.jpg" data-x="'
    home.write_text(
        html.replace('property="og:image" content="', missing), encoding="utf-8"
    )
    broken = check_links(output, [SITE])[0]
    assert f"{SITE}/images/hilang.jpg" in {link.url for link in broken}


def test_an_unwritable_photo_cache_is_a_warning_not_a_failed_build(tmp_path, caplog):
    content = bundled_site_with_a_photo(tmp_path, (900, 600))
    blocked = tmp_path / "cache-berkas"
    blocked.write_text("bukan folder")  # a file where the cache folder should be
    output = tmp_path / "output"
    build(content, output, PHOTOS_CACHE_PATH=str(blocked / "foto"))
    assert "cache foto" in caplog.text
    assert "tidak dapat ditulis" in caplog.text
    assert list((output / "images").glob("foto-800w.*.jpg"))
    assert check_links(output, ["http://127.0.0.1:8000"])[0] == []
