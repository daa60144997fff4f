"""Variant file names: 64 bits of the content key (two photos never share a
file by chance or by a contributor's birthday search), short enough for any
file system whatever the photo's name, and photos linked by a URL-encoded
path (``Foto%20Kegiatan.jpg``) are found, published and linked like others."""

import hashlib
import re

import pytest

from editorial.problems import BuildStopped
from photos.model import AVIF, EXTENSIONS, JPEG, variant_path
from tests.photos import phone_photo
from tests.sitebuild import build, page, write_files

KEY = hashlib.sha256(b"foto").hexdigest()
KINDS = ("320w", "1600w", "12000w", "asli")


def name_of(path: str) -> str:
    return path.rsplit("/", 1)[-1]


def test_a_variant_name_holds_16_hex_characters_of_the_content_key():
    path = variant_path("images/kegiatan/foto.jpg", "800w", KEY, JPEG)
    assert path == f"images/kegiatan/foto-800w.{KEY[:16]}.jpg"


@pytest.mark.parametrize(
    "name",
    [
        "x" * 240 + ".jpg",  # 244 characters: legal on ext4
        "Foto " * 48 + ".jpeg",
        "é" * 120 + ".png",  # 240 bytes in UTF-8
        "a-" * 120 + ".jpg",
    ],
    ids=["x240", "kata", "unicode", "tanda-hubung"],
)
def test_a_long_photo_name_gives_short_variant_names(name):
    names = {
        name_of(variant_path(f"images/{name}", kind, KEY, mime))
        for kind in KINDS
        for mime in EXTENSIONS
    }
    for variant in names:
        # Room for the writer's ".<pid>.tmp" and a file system's 255 bytes.
        assert len(variant.encode()) <= 130, variant
        assert re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]*", variant), variant
        assert not re.search(r"[-.]{2}", variant), variant
    assert len(names) == len(KINDS) * len(EXTENSIONS)


def test_a_short_stem_is_kept_whole():
    stem = "Foto-Kegiatan-" + "a" * 86  # 100 characters
    path = variant_path(f"images/{stem}.jpg", "800w", KEY, AVIF)
    assert path == f"images/{stem}-800w.{KEY[:16]}.avif"


# ------------------------------------------------------------ in real builds

LONG = "x" * 240 + ".jpg"
RELEASES = {
    "berita/panjang.md": f"""\
Title: Nama foto panjang
Date: 2025-10-08 09:00
Regencies: Tapin

Foto dari ponsel.

![Kegiatan relawan]({{static}}/images/{LONG})
""",
    "berita/spasi.md": """\
Title: Nama foto berspasi
Date: 2025-10-09 09:00
Regencies: Banjar

Foto kiriman warga.

![Kegiatan pertama]({static}/images/Foto%20Kegiatan%20(1).jpg)
""",
    "berita/akar.md": """\
Title: Alamat foto dari akar
Date: 2025-10-10 09:00
Regencies: Banjar

Foto kiriman warga.

![Kegiatan kedua](/images/Foto%20Kegiatan.jpg)
""",
}
PHOTOS = {LONG: 1, "Foto Kegiatan (1).jpg": 2, "Foto Kegiatan.jpg": 3}
# release page → the published stem of the photo its body shows
SHOWN = {
    "berita/2025/10/nama-foto-panjang/index.html": "x" * 100,
    "berita/2025/10/nama-foto-berspasi/index.html": "Foto-Kegiatan-1",
    "berita/2025/10/alamat-foto-dari-akar/index.html": "Foto-Kegiatan",
}


# Built apart: a failure of one must not hide the other's.
GROUPS = {
    "panjang": ["berita/panjang.md"],
    "kode": ["berita/spasi.md", "berita/akar.md"],
}


@pytest.fixture(params=sorted(GROUPS))
def site(request, tmp_path):
    """(output, {page: stem}) of a build, which must give no GALAT."""
    root = tmp_path
    releases = {name: RELEASES[name] for name in GROUPS[request.param]}
    content = write_files(root / "content", releases)
    for name, seed in PHOTOS.items():
        phone_photo(content / "images" / name, (1000, 750), seed=seed)
    output = root / "output"
    try:
        build(content, output, CACHE_PATH=str(root / "cache"))
    except BuildStopped as stopped:  # a SystemExit: pytest would stop here
        pytest.fail("\n".join(problem.render() for problem in stopped.problems))
    shown = {
        release: stem for release, stem in SHOWN.items() if (output / release).is_file()
    }
    assert len(shown) == len(releases)
    return output, shown


def test_the_photo_is_published_and_the_page_shows_its_variants(site):
    output, shown = site
    for release, stem in shown.items():
        (picture,) = page(output, release).xpath("//picture")
        sources = [picture.xpath(".//img/@src")[0]]
        for srcset in picture.xpath(".//source/@srcset"):
            sources += [item.split()[0] for item in srcset.split(",")]
        assert len(sources) > 2
        for src in sources:
            pattern = rf"/(images/{re.escape(stem)}-\d+w\.[0-9a-f]{{16}}\.\w+)$"
            match = re.search(pattern, src)
            assert match, src
            assert (output / match[1]).is_file(), src
    assert not list(output.rglob("Foto Kegiatan*"))
    assert not list(output.rglob(LONG))


@pytest.mark.parametrize(
    "src", ["{static}/images/Tidak%20Ada.jpg", "/images/Tidak%20Ada.jpg"]
)
def test_an_encoded_path_to_a_missing_photo_is_still_an_error(tmp_path, src):
    release = RELEASES["berita/akar.md"].replace("/images/Foto%20Kegiatan.jpg", src)
    content = write_files(tmp_path / "content", {"berita/akar.md": release})
    phone_photo(content / "images" / "Foto Kegiatan.jpg", (1000, 750))
    with pytest.raises(BuildStopped) as stopped:
        build(content, tmp_path / "output", CACHE_PATH=str(tmp_path / "cache"))
    (problem,) = stopped.value.problems
    assert (problem.code, problem.line) == ("gambar-isi-tidak-ada", 7)
    assert problem.hint.startswith("Simpan berkasnya di ")
    assert "images/Tidak Ada.jpg " in problem.hint
