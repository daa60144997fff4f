"""What the adversarial probe of the photo pipeline found (issue 15): a
photo published raw under a name that is no image extension, an SVG that
carries a photo, a cache that cannot be written half-way, a cache manifest
that points outside its folder, two photos whose variants share names."""

import fcntl
import json
import logging
import os
import shutil
import time

import pytest

from editorial.problems import BuildStopped
from photos import cache
from tests.photos import CAMERA_MODEL, metadata_in, phone_photo
from tests.sitebuild import PUBLISH_CONFIG, build, write_files

SITE = "https://x.test"


def release(name: str, body: str, **metadata) -> str:
    header = "".join(f"{key}: {value}\n" for key, value in metadata.items())
    return f"Title: Rilis {name}\nDate: 2025-10-08 09:00\n{header}\n{body}\n"


def everything(output) -> bytes:
    return b"".join(p.read_bytes() for p in output.rglob("*") if p.is_file())


@pytest.mark.parametrize(
    "name", ["foto.jpg.", "foto.mpo", "foto.dat", "foto.jpg.txt", "foto jpe g"]
)
def test_a_photo_under_any_name_is_never_published_raw(tmp_path, name):
    content = tmp_path / "content"
    jpeg = phone_photo(tmp_path / "asli.jpg", size=(900, 600)).read_bytes()
    (content / "images").mkdir(parents=True)
    (content / "images" / name).write_bytes(jpeg)
    write_files(content, {"berita/a.md": release(
        "a", f"![Foto]({{static}}/images/{name})\n\n[unduh]({{static}}/images/{name})"
    )})  # fmt: skip
    output = tmp_path / "output"
    build(content, output, PUBLISH_CONFIG, SITEURL=SITE, CACHE_PATH=str(tmp_path))
    assert CAMERA_MODEL.encode() not in everything(output)
    assert not (output / "images" / name).exists()
    published = [p for p in output.rglob("*") if p.suffix in (".jpg", ".webp")]
    assert published
    for path in published:
        assert metadata_in(path) == [], path


@pytest.mark.parametrize(
    "image",
    [
        '<image href="data:image/jpeg;base64,{data}" width="9" height="9"/>',
        '<image xlink:href="DATA: image/png;base64,{data}"/>',
    ],
)
def test_an_svg_that_carries_a_photo_stops_the_build(tmp_path, image):
    import base64

    jpeg = phone_photo(tmp_path / "asli.jpg", size=(64, 48)).read_bytes()
    svg = (
        '<svg xmlns="http://www.w3.org/2000/svg" '
        'xmlns:xlink="http://www.w3.org/1999/xlink" width="9" height="9">'
        + image.format(data=base64.b64encode(jpeg).decode())
        + "</svg>"
    )
    content = write_files(tmp_path / "content", {
        "images/peta.svg": svg,
        "berita/a.md": release("a", "Isi.", Image="images/peta.svg", Image_alt="Peta"),
    })  # fmt: skip
    with pytest.raises(BuildStopped) as stopped:
        build(content, tmp_path / "output", CACHE_PATH=str(tmp_path))
    (problem,) = stopped.value.problems
    assert problem.code == "svg-berisi-foto"
    assert problem.path.endswith("berita/a.md")
    assert problem.line == 3
    assert not (tmp_path / "output" / "images" / "peta.svg").exists()


def test_a_plain_svg_is_still_published_as_it_is(tmp_path):
    svg = '<svg xmlns="http://www.w3.org/2000/svg"><rect width="9" height="9"/></svg>'
    content = write_files(tmp_path / "content", {
        "images/peta.svg": svg,
        "berita/a.md": release("a", "Isi.", Image="images/peta.svg", Image_alt="Peta"),
    })  # fmt: skip
    build(content, tmp_path / "output", CACHE_PATH=str(tmp_path))
    assert (tmp_path / "output/images/peta.svg").read_text() == svg


def photo_site(tmp_path, count=2):
    content = tmp_path / "content"
    for number in range(count):
        phone_photo(content / f"images/foto-{number}.jpg", size=(900, 600),
                    seed=number)  # fmt: skip
        write_files(content, {f"berita/r{number}.md": release(
            str(number), "Isi.", Image=f"images/foto-{number}.jpg", Image_alt="Foto"
        )})  # fmt: skip
    return content


def test_a_cache_that_fails_while_storing_is_a_warning_not_a_traceback(
    tmp_path, caplog
):
    """A full disk (ENOSPC) or a file where a shard folder should be: the
    probe's traceback from cache.store."""
    content = photo_site(tmp_path)
    reference = tmp_path / "reference"
    build(content, reference, CACHE_PATH=str(tmp_path / "cache-a"))
    root = tmp_path / "cache-b" / "foto"
    root.mkdir(parents=True)
    for shard in "0123456789abcdef":
        for second in "0123456789abcdef":
            (root / f"{shard}{second}").write_text("bukan folder")
    output = tmp_path / "output"
    with caplog.at_level(logging.WARNING):
        build(content, output, CACHE_PATH=str(tmp_path / "cache-b"))
    assert "tidak dapat ditulis" in caplog.text
    reference_images = sorted(p.name for p in (reference / "images").iterdir())
    assert sorted(p.name for p in (output / "images").iterdir()) == reference_images


def test_a_cache_manifest_never_names_a_file_outside_its_entry(tmp_path):
    content = photo_site(tmp_path, count=1)
    caches = tmp_path / "cache"
    build(content, tmp_path / "first", CACHE_PATH=str(caches))
    secret = tmp_path / "rahasia.txt"
    secret.write_text("RAHASIA-OPERATOR")
    (manifest,) = (caches / "foto").rglob(cache.MANIFEST)
    entries = json.loads(manifest.read_text())
    for entry in entries:
        if entry["kind"] == "800w" and entry["mime_type"] == "image/jpeg":
            entry["file"] = os.path.relpath(secret, manifest.parent)
            entry["length"] = secret.stat().st_size
        if entry["kind"] == "480w":
            entry["kind"] = "x/../../../../luar"
    manifest.write_text(json.dumps(entries))
    output = tmp_path / "site" / "output"
    output.parent.mkdir()
    build(content, output, CACHE_PATH=str(caches))
    assert b"RAHASIA-OPERATOR" not in everything(output)
    assert sorted(p.name for p in output.parent.iterdir()) == ["output"]
    assert not list(tmp_path.rglob("luar*"))
    assert sorted(p.name for p in (output / "images").iterdir()) == sorted(
        p.name for p in (tmp_path / "first" / "images").iterdir()
    )


def test_two_photos_whose_variants_would_share_names_stop_the_build(
    tmp_path, monkeypatch
):
    """Names hold a part of the content key: should two photos ever share
    it (the probe forged a 40-bit collision in 2 s), one would overwrite
    the other's files. The build refuses instead."""
    from photos import model

    content = photo_site(tmp_path)
    shutil.copy(content / "images/foto-1.jpg", content / "images/foto 0.jpg")
    (content / "images/foto-1.jpg").unlink()
    (content / "berita/r1.md").write_text(release(
        "1", "Isi.", Image="images/foto 0.jpg", Image_alt="Foto"
    ))  # fmt: skip
    real = model.variant_path
    monkeypatch.setattr(
        model, "variant_path", lambda s, k, key, m: real(s, k, "0" * 64, m)
    )
    import photos.pipeline

    monkeypatch.setattr(
        photos.pipeline,
        "variant_path",
        lambda s, k, key, m: real(s, k, "0" * 64, m),
    )
    with pytest.raises(BuildStopped) as stopped:
        build(content, tmp_path / "output", CACHE_PATH=str(tmp_path))
    codes = {(p.code, p.path.rsplit("/", 1)[-1]) for p in stopped.value.problems}
    assert codes == {("foto-bentrok", "r0.md"), ("foto-bentrok", "r1.md")}


def entries_in(caches):
    return sorted(p.parent for p in (caches / "foto").rglob(cache.MANIFEST))


def age(entry, days):
    then = time.time() - days * 86400
    os.utime(entry / cache.MANIFEST, (then, then))


def test_cache_entries_unused_for_long_are_pruned_and_used_ones_kept(tmp_path):
    content = photo_site(tmp_path)
    caches = tmp_path / "cache"
    build(content, tmp_path / "a", CACHE_PATH=str(caches))
    used = entries_in(caches)
    assert len(used) == 2
    stale = used[0].parent / ("f" * 64)  # a replaced photo's entry
    shutil.copytree(used[0], stale)
    age(stale, 91)
    age(used[1], 200)  # old, but this build uses it: kept and marked
    leftover = used[0].parent / ".0123abcd-mati"  # a killed build's folder
    leftover.mkdir()
    os.utime(leftover, (time.time() - 100 * 86400,) * 2)
    build(content, tmp_path / "b", CACHE_PATH=str(caches))
    assert entries_in(caches) == used
    assert not leftover.exists()
    assert time.time() - (used[1] / cache.MANIFEST).stat().st_mtime < 3600


def test_the_cache_is_not_pruned_while_another_build_uses_it(tmp_path):
    content = photo_site(tmp_path, count=1)
    caches = tmp_path / "cache"
    build(content, tmp_path / "a", CACHE_PATH=str(caches))
    (entry,) = entries_in(caches)
    stale = entry.parent / ("e" * 64)
    shutil.copytree(entry, stale)
    age(stale, 365)
    with open(caches / "foto" / ".kunci", "a+b") as other:  # another build
        fcntl.flock(other, fcntl.LOCK_SH)
        build(content, tmp_path / "b", CACHE_PATH=str(caches))
        assert stale.exists()
    build(content, tmp_path / "c", CACHE_PATH=str(caches))
    assert not stale.exists()
    build(content, tmp_path / "d", CACHE_PATH=str(caches), PHOTOS_CACHE_DAYS=0)


def test_storing_an_entry_another_build_just_stored_never_deletes_it(tmp_path):
    """Two builds process the same new photo at once: the second store must
    not remove the first one's complete entry (a build copying from it would
    find its files gone)."""
    files = [({"file": "320w.jpg", "kind": "320w", "width": 320, "height": 240,
               "mime_type": "image/jpeg"}, b"\xff\xd8 foto")]  # fmt: skip
    key = "a" * 64
    cache.store(str(tmp_path), key, files)
    stored = tmp_path / key[:2] / key / "320w.jpg"
    before = stored.stat().st_ino
    assert cache.store(str(tmp_path), key, files)[0]["length"] == len(files[0][1])
    assert stored.stat().st_ino == before
    assert sorted(p.name for p in (tmp_path / key[:2]).iterdir()) == [key]


def test_two_names_for_the_same_photo_are_not_a_clash(tmp_path):
    content = tmp_path / "content"
    photo = phone_photo(content / "images/foto.jpg", size=(900, 600))
    shutil.copy(photo, content / "images/foto.jpeg")
    write_files(content, {
        "berita/a.md": release("a", "Isi.", Image="images/foto.jpg", Image_alt="A"),
        "berita/b.md": release("b", "Isi.", Image="images/foto.jpeg", Image_alt="B"),
    })  # fmt: skip
    output = tmp_path / "output"
    build(content, output, CACHE_PATH=str(tmp_path))
    assert len(list((output / "images").glob("foto-800w.*.jpg"))) == 1


def test_an_svg_that_says_data_in_its_text_is_published(tmp_path):
    svg = (
        '<svg xmlns="http://www.w3.org/2000/svg"><text x="1" y="9">Sumber data: BPS'
        '</text><rect width="9" height="9" style="fill:url(#g)"/></svg>'
    )
    content = write_files(tmp_path / "content", {
        "images/grafik.svg": svg,
        "berita/a.md": release("a", "Isi.", Image="images/grafik.svg",
                               Image_alt="Grafik"),
    })  # fmt: skip
    build(content, tmp_path / "output", CACHE_PATH=str(tmp_path))
    assert (tmp_path / "output/images/grafik.svg").read_text() == svg


@pytest.mark.parametrize(
    ("setting", "value"),
    [
        ("PHOTOS_WIDTHS", ()),
        ("PHOTOS_WIDTHS", (320, 0)),
        ("PHOTOS_JPEG_QUALITY", 0),
        ("PHOTOS_WEBP_METHOD", 9),
        ("PLUGINS", ["output_files", "theme_support", "photos", "editorial"]),
    ],
)
def test_impossible_photo_settings_are_refused_before_building(setting, value):
    from photos.settings import apply_defaults

    settings = {"PLUGINS": ["editorial", "content_files", "photos"], setting: value}
    with pytest.raises(ValueError, match=setting):
        apply_defaults(settings)


def svg_with(image_markup: str, data: str) -> str:
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" '
        'xmlns:xlink="http://www.w3.org/1999/xlink" width="9" height="9">'
        + image_markup.format(data=data)
        + "</svg>"
    )


@pytest.mark.parametrize(
    "markup",
    [
        '<image href="&#100;ata:image/jpeg;base64,{data}"/>',
        '<image href="data&#58;image/jpeg;base64,{data}"/>',
        '<image xlink:href="&#x64;ata:image/jpeg;base64,{data}"/>',
        '<rect style="fill:url(\\64 ata:image/jpeg;base64,{data})"/>',
        "<style>rect{{fill:url('da\\ta:image/jpeg;base64,{data}')}}</style>",
    ],
)
def test_an_svg_hiding_data_behind_escapes_stops_the_build(tmp_path, markup):
    import base64

    jpeg = phone_photo(tmp_path / "asli.jpg", size=(64, 48)).read_bytes()
    svg = svg_with(markup, base64.b64encode(jpeg).decode())
    content = write_files(tmp_path / "content", {
        "images/peta.svg": svg,
        "berita/a.md": release("a", "Isi.", Image="images/peta.svg", Image_alt="Peta"),
    })  # fmt: skip
    with pytest.raises(BuildStopped) as stopped:
        build(content, tmp_path / "output", CACHE_PATH=str(tmp_path))
    assert [p.code for p in stopped.value.problems] == ["svg-berisi-foto"]


@pytest.mark.parametrize("encoding", ["entity", "utf-16"])
def test_an_svg_with_entities_or_in_utf16_is_refused_or_read(tmp_path, encoding):
    if encoding == "entity":
        data = (
            b'<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY d "data:image/png;base64,'
            b'iVBORw0KGgo=">]><svg xmlns="http://www.w3.org/2000/svg"><image '
            b'href="&d;"/></svg>'
        )
    else:
        data = svg_with('<image href="data:image/png;base64,{data}"/>', "iVBO")
        data = data.encode("utf-16")
    content = tmp_path / "content"
    (content / "images").mkdir(parents=True)
    (content / "images" / "peta.svg").write_bytes(data)
    write_files(content, {
        "berita/a.md": release("a", "Isi.", Image="images/peta.svg", Image_alt="Peta"),
    })  # fmt: skip
    with pytest.raises(BuildStopped) as stopped:
        build(content, tmp_path / "output", CACHE_PATH=str(tmp_path))
    assert [p.code for p in stopped.value.problems] == ["svg-berisi-foto"]


def test_an_svg_label_that_starts_with_data_is_published(tmp_path):
    svg = svg_with('<text aria-label="data: jumlah penduduk" id="data:2024">x</text>'
                   '<a href="https://bps.go.id/?q=data:x">BPS</a>', "")  # fmt: skip
    content = write_files(tmp_path / "content", {
        "images/grafik.svg": svg,
        "berita/a.md": release("a", "Isi.", Image="images/grafik.svg",
                               Image_alt="Grafik"),
    })  # fmt: skip
    build(content, tmp_path / "output", CACHE_PATH=str(tmp_path))
    assert (tmp_path / "output/images/grafik.svg").read_text() == svg


@pytest.mark.parametrize(
    ("name", "head"),
    [("desain.psd", b"8BPS\x00\x01"), ("desain.psb", b"8BPS\x00\x02"),
     ("logo.ico", b"\x00\x00\x01\x00\x01\x00")],
)  # fmt: skip
def test_design_files_and_icons_are_attachments_published_as_they_are(
    tmp_path, name, head
):
    content = tmp_path / "content"
    (content / "images").mkdir(parents=True)
    (content / "images" / name).write_bytes(head + b"\x00" * 64)
    write_files(content, {
        "berita/a.md": release("a", f"[unduh]({{static}}/images/{name})"),
    })  # fmt: skip
    build(content, tmp_path / "output", CACHE_PATH=str(tmp_path))
    assert (tmp_path / "output/images" / name).read_bytes() == head + b"\x00" * 64


@pytest.mark.parametrize(
    ("setting", "value"),
    [("PHOTOS_CACHE_DAYS", "90 hari"), ("PHOTOS_CACHE_DAYS", 0.5),
     ("PHOTOS_WORKERS", "4x"), ("PHOTOS_WORKERS", -1)],
)  # fmt: skip
def test_more_impossible_photo_settings_are_refused(setting, value):
    from photos.settings import apply_defaults

    settings = {"PLUGINS": ["editorial", "content_files", "photos"], setting: value}
    with pytest.raises(ValueError, match=setting):
        apply_defaults(settings)


def test_an_unchanged_variant_keeps_its_time_from_build_to_build(tmp_path):
    """Last-Modified and ETag hold: a variant is the cached file's copy with
    the cached file's time, in place and in a fresh folder alike."""
    content = photo_site(tmp_path, count=1)
    caches = tmp_path / "cache"
    build(content, tmp_path / "a", CACHE_PATH=str(caches))
    first = {p.name: p.stat().st_mtime_ns for p in (tmp_path / "a/images").iterdir()}
    time.sleep(0.05)
    build(content, tmp_path / "a", CACHE_PATH=str(caches))
    build(content, tmp_path / "b", CACHE_PATH=str(caches))
    for folder in ("a", "b"):
        images = (tmp_path / folder / "images").iterdir()
        assert {p.name: p.stat().st_mtime_ns for p in images} == first
