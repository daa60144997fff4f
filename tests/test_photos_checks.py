"""A photo the site cannot publish stops the build as an editor sees it
(``pelican`` on the command line, ``make check``): in Indonesian, naming
every release that uses it and the line, with how to fix it; a small photo
is only a warning, and an iPhone's HEIC is converted like any other."""

import re

import pytest

from editorial.problems import BuildStopped
from tests.photos import cli_settings, phone_photo, png_header, variants_of
from tests.sitebuild import CONFIG, build, make, page, run_pelican_cli, write_files

# Line 4 is the Image: line; line 8 the body's photo.
RELEASE = """\
Title: {title}
Date: 2025-10-0{day} 09:00
Regencies: Tapin
Image: images/{lead}
Image_alt: Relawan menyerahkan bantuan

Relawan berkunjung ke rumah penerima.
![Kegiatan]({{static}}/images/{body})
"""
BODY_ONLY = """\
Title: {title}
Date: 2025-10-0{day} 09:00
Regencies: Banjar

Penyerahan bantuan.

![Foto yang sama]({{static}}/images/{body})
"""


def site(tmp_path, releases: dict, photos: dict):
    """Content with ``releases`` ({file: text}) and ``photos`` ({name: bytes})."""
    content = write_files(tmp_path / "content", releases)
    write_files(content / "images", photos)
    return content


def cli(tmp_path, content, **settings):
    """``pelican`` as ``make html`` runs it, with the photo cache in tmp_path."""
    config = cli_settings(tmp_path / "settings", CONFIG, **settings)
    return run_pelican_cli(content, tmp_path / "output", config)


def messages(stderr: str) -> list[str]:
    return [
        line for line in stderr.splitlines() if re.match(r"(GALAT|PERINGATAN) ", line)
    ]


def good_photo(tmp_path, name="baik.jpg", size=(1000, 750)) -> bytes:
    return phone_photo(tmp_path / "sumber" / name, size=size).read_bytes()


def assert_stopped(result, output):
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert "Situs tidak dibangun" in result.stderr
    assert not output.exists() or not any(output.rglob("*.html"))
    assert not output.exists() or not any(output.rglob("images/*"))


def test_a_truncated_photo_stops_the_build_naming_every_release_and_line(tmp_path):
    whole = good_photo(tmp_path, "utuh.jpg")
    content = site(
        tmp_path,
        {
            "berita/satu.md": RELEASE.format(
                title="Satu", day=1, lead="rusak.jpg", body="baik.jpg"
            ),
            "berita/dua.md": BODY_ONLY.format(title="Dua", day=2, body="rusak.jpg"),
        },
        {"rusak.jpg": whole[: len(whole) // 2], "baik.jpg": good_photo(tmp_path)},
    )
    result = cli(tmp_path, content)
    assert_stopped(result, tmp_path / "output")
    found = messages(result.stderr)
    stem = "foto “images/rusak.jpg” rusak atau terpotong"
    assert f"GALAT {content}/berita/satu.md:4: {stem}" in "\n".join(found)
    assert f"GALAT {content}/berita/dua.md:7: {stem}" in "\n".join(found)
    assert len(found) == 2, found
    fix = "Salin ulang foto aslinya dari ponsel atau kamera ke"
    assert f"{fix} {content}/images/rusak.jpg" in result.stderr


def test_a_text_file_named_jpg_says_how_to_export_a_jpeg(tmp_path):
    content = site(
        tmp_path,
        {
            "berita/satu.md": RELEASE.format(
                title="Satu", day=1, lead="baik.jpg", body="surat.jpg"
            )
        },
        {
            "surat.jpg": "Surat undangan rapat, bukan foto.\n",
            "baik.jpg": good_photo(tmp_path),
        },
    )
    result = cli(tmp_path, content)
    assert_stopped(result, tmp_path / "output")
    (found,) = messages(result.stderr)
    assert found.startswith(
        f"GALAT {content}/berita/satu.md:8: “images/surat.jpg” bukan foto dalam format"
    )
    assert "ekspor sebagai JPEG (.jpg)" in result.stderr


@pytest.mark.parametrize(
    ("photo", "settings", "detail"),
    [
        # A few dozen bytes that claim 20000×20000: never decoded.
        (png_header(20000, 20000), {}, "400 megapiksel"),
        # A real photo over a limit set low.
        (None, {"PHOTOS_MAX_PIXELS": 1_000_000}, "1600×1200 piksel"),
    ],
    ids=["bom-dekompresi", "di-atas-batas"],
)
def test_a_photo_with_too_many_pixels_stops_the_build(
    tmp_path, photo, settings, detail
):
    name = "bom.png" if photo else "besar.jpg"
    photo = photo or good_photo(tmp_path, size=(1600, 1200))
    content = site(
        tmp_path,
        {"berita/satu.md": RELEASE.format(title="Satu", day=1, lead=name, body=name)},
        {name: photo},
    )
    result = cli(tmp_path, content, **settings)
    assert_stopped(result, tmp_path / "output")
    found = messages(result.stderr)
    limit = settings.get("PHOTOS_MAX_PIXELS", 50_000_000) // 1_000_000
    assert found == [  # one message per release: its Image: line
        f"GALAT {content}/berita/satu.md:4: foto “images/{name}” terlalu besar "
        f"({detail}): lebih dari {limit} megapiksel, batas yang aman untuk diproses."
    ]


def test_a_small_photo_is_a_warning_and_the_build_goes_on(tmp_path):
    content = site(
        tmp_path,
        {
            "berita/satu.md": RELEASE.format(
                title="Satu", day=1, lead="kecil.jpg", body="baik.jpg"
            )
        },
        {
            "kecil.jpg": good_photo(tmp_path, "kecil.jpg", (600, 450)),
            "baik.jpg": good_photo(tmp_path),
        },
    )
    result = cli(tmp_path, content)
    assert result.returncode == 0, result.stderr
    assert messages(result.stderr) == [
        f"PERINGATAN {content}/berita/satu.md:4: foto “images/kecil.jpg” hanya 600 "
        "piksel lebarnya; di layar ponsel dan saat dibagikan foto ini tampak buram."
    ]
    output = tmp_path / "output"
    assert {kind for kind, _ in variants_of(output, "images/kecil.jpg")} == {
        "320w",
        "480w",
        "600w",
    }
    article = page(output, "berita/2025/10/satu/index.html")
    assert any(
        "/images/kecil-600w." in (img.get("src") or "") for img in article.iter("img")
    )


def test_an_iphone_heic_photo_is_converted_and_published(tmp_path):
    heic = phone_photo(
        tmp_path / "sumber" / "iphone.heic", size=(1200, 900), fmt="HEIF"
    )
    content = site(
        tmp_path,
        {
            "berita/satu.md": RELEASE.format(
                title="Satu", day=1, lead="iphone.heic", body="iphone.heic"
            )
        },
        {"iphone.heic": heic.read_bytes()},
    )
    result = cli(tmp_path, content)
    assert result.returncode == 0, result.stderr
    assert messages(result.stderr) == []
    output = tmp_path / "output"
    found = variants_of(output, "images/iphone.heic")
    assert set(found) == {
        (kind, ext)
        for kind in ("320w", "480w", "800w", "1200w")
        for ext in ("avif", "webp", "jpg")
    }
    assert not list(output.rglob("*.heic"))
    article = page(output, "berita/2025/10/satu/index.html")
    (og_image,) = article.xpath("//meta[@property='og:image']/@content")
    assert re.search(r"/images/iphone-1200w\.[0-9a-f]{16}\.jpg$", og_image)


def test_make_check_reports_every_photo_problem_cold_and_cached(tmp_path):
    whole = good_photo(tmp_path, "utuh.jpg")
    content = site(
        tmp_path,
        {
            "berita/satu.md": RELEASE.format(
                title="Satu", day=1, lead="rusak.jpg", body="surat.jpg"
            ),
            "berita/dua.md": RELEASE.format(
                title="Dua", day=2, lead="kecil.jpg", body="bom.png"
            ),
        },
        {
            "rusak.jpg": whole[:5000],
            "surat.jpg": "bukan foto\n",
            "kecil.jpg": good_photo(tmp_path, "kecil.jpg", (600, 450)),
            "bom.png": png_header(20000, 20000),
        },
    )
    arguments = [
        "check",
        f"INPUTDIR={content}",
        f"CACHEDIR={tmp_path / 'cache'}",
        f"OUTPUTDIR={tmp_path / 'output'}",
    ]
    cold, cached = make(*arguments), make(*arguments)
    expected = [
        ("GALAT", "satu.md:4", "foto “images/rusak.jpg” rusak"),
        ("GALAT", "satu.md:8", "“images/surat.jpg” bukan foto"),
        ("PERINGATAN", "dua.md:4", "foto “images/kecil.jpg” hanya 600 piksel"),
        ("GALAT", "dua.md:8", "foto “images/bom.png” terlalu besar"),
    ]
    for result in (cold, cached):
        assert result.returncode != 0
        found = messages(result.stderr)
        for severity, place, words in expected:
            assert any(
                line.startswith(f"{severity} {content}/berita/{place}: {words}")
                for line in found
            ), (place, found)
        assert len(found) == len(expected), found
    assert messages(cached.stderr) == messages(cold.stderr)
    output = tmp_path / "output"
    assert not output.exists() or not any(output.rglob("*.html"))


def test_a_broken_body_photo_named_like_the_lead_is_reported_on_its_own_line(
    tmp_path,
):
    """images/foto.jpg is the Image:, images/lama/foto.jpg (broken) is in the
    body: the message points at the body's line, not at the Image: line."""
    content = site(
        tmp_path,
        {
            "berita/satu.md": RELEASE.format(
                title="Satu", day=1, lead="foto.jpg", body="lama/foto.jpg"
            )
        },
        {
            "foto.jpg": good_photo(tmp_path),
            "lama/foto.jpg": good_photo(tmp_path)[:4000],
        },
    )
    with pytest.raises(BuildStopped) as stopped:
        build(content, tmp_path / "output", CACHE_PATH=str(tmp_path / "cache"))
    found = [
        (p.path.rsplit("/", 1)[-1], p.line, p.code) for p in stopped.value.problems
    ]
    assert found == [("satu.md", 8, "foto-rusak")]


def test_a_release_pelican_could_not_read_stops_the_build_with_its_own_message(
    tmp_path,
):
    """Pelican keeps a release it failed to read as None in
    generated_content: the photos step passes it by, editorial reports it."""
    content = site(
        tmp_path,
        {
            "berita/satu.md": RELEASE.format(
                title="Satu", day=1, lead="baik.jpg", body="baik.jpg"
            ),
            "berita/dua.md": RELEASE.format(
                title="Dua", day=9, lead="baik.jpg", body="baik.jpg"
            ).replace("2025-10-09", "2025-13-45"),
        },
        {"baik.jpg": good_photo(tmp_path)},
    )
    with pytest.raises(BuildStopped) as stopped:
        build(content, tmp_path / "output", CACHE_PATH=str(tmp_path / "cache"))
    found = [
        (p.path.rsplit("/", 1)[-1], p.line, p.code) for p in stopped.value.problems
    ]
    assert found == [("dua.md", 2, "tanggal-salah")]
