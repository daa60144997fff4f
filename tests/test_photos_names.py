"""Variant file names: 64 bits of the content key (two photos never share a
file by chance or by a contributor's birthday search), short enough for any
file system whatever the photo's name, and photos linked by a URL-encoded
path (``Foto%20Kegiatan.jpg``) are found, published and linked like others."""

import hashlib

from photos.model import JPEG, variant_path

KEY = hashlib.sha256(b"foto").hexdigest()


def name_of(path: str) -> str:
    return path.rsplit("/", 1)[-1]


def test_a_variant_name_holds_16_hex_characters_of_the_content_key():
    path = variant_path("images/kegiatan/foto.jpg", "800w", KEY, JPEG)
    assert path == f"images/kegiatan/foto-800w.{KEY[:16]}.jpg"
