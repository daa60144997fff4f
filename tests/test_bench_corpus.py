"""The benchmark corpus with photos (``make bench``): one release in 25 has
its own photo file, every file's bytes distinct (the photo cache is keyed by
content, so shared bytes would make a cold build look cheap), differing from
the photo it was copied from in the EXIF date alone."""

from datetime import datetime

import pytest
from PIL import Image

from benchmarks.corpus import PHOTO_DATETIME, add_newest_release, write_corpus
from tests.photos import phone_photo

DATETIME = 0x0132


@pytest.fixture(scope="module")
def photos(tmp_path_factory):
    folder = tmp_path_factory.mktemp("foto")
    return [
        phone_photo(folder / f"{seed}.jpg", size=(96, 72), seed=seed).read_bytes()
        for seed in (1, 2)
    ]


def release_images(corpus):
    images = {}
    for path in sorted((corpus / "berita").rglob("*.md")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith("Image: "):
                images[path.stem] = line[len("Image: ") :]
    return images


def test_every_25th_release_has_its_own_photo_with_distinct_bytes(tmp_path, photos):
    corpus = write_corpus(120, tmp_path / "korpus", photos=photos)
    images = release_images(corpus)
    assert images == {
        f"rilis-{n:05d}": f"images/rilis-{n:05d}.jpg" for n in (25, 50, 75, 100)
    }
    files = sorted((corpus / "images").iterdir())
    assert [f"images/{f.name}" for f in files] == sorted(images.values())
    contents = [f.read_bytes() for f in files]
    assert len(set(contents)) == len(contents)
    # Releases 50 and 100 share a source photo (two photos, every 25th:
    # 50 // 25 and 100 // 25 are both even) and differ only in its date.
    first, second = contents[1], contents[3]
    assert len(first) == len(second)
    changed = [i for i, (a, b) in enumerate(zip(first, second, strict=True)) if a != b]
    assert changed
    assert changed[-1] - changed[0] < len(PHOTO_DATETIME)
    for path in files:
        with Image.open(path) as image:
            taken = datetime.strptime(image.getexif()[DATETIME], "%Y:%m:%d %H:%M:%S")
            assert image.size == (96, 72)
        (release,) = (corpus / "berita").rglob(f"{path.stem}.md")
        text = release.read_text(encoding="utf-8")
        date = next(line for line in text.splitlines() if line.startswith("Date: "))
        released = datetime.strptime(date[len("Date: ") :], "%Y-%m-%d %H:%M")
        assert (released - taken).total_seconds() == 3600


def test_without_photos_the_corpus_keeps_its_flat_pngs(tmp_path):
    corpus = write_corpus(60, tmp_path / "korpus")
    assert release_images(corpus) == {
        "rilis-00025": "images/rilis-00025.png",
        "rilis-00050": "images/rilis-00050.png",
    }
    with Image.open(corpus / "images" / "rilis-00025.png") as image:
        assert image.size == (1200, 675)


def test_a_new_release_can_bring_a_new_photo(tmp_path, photos):
    corpus = write_corpus(30, tmp_path / "korpus", photos=photos)
    release, image = add_newest_release(30, corpus, photo=photos[0])
    assert image == corpus / "images" / "rilis-00031.jpg"
    assert "Image: images/rilis-00031.jpg" in release.read_text(encoding="utf-8")
    assert image.read_bytes() not in {
        p.read_bytes() for p in (corpus / "images").iterdir() if p != image
    }
    assert add_newest_release(30, tmp_path / "tanpa-foto") == [
        tmp_path / "tanpa-foto" / "berita" / "2026" / "rilis-00031.md"
    ]
