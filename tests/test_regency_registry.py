"""The registry file: the 13 regencies of Kalimantan Selatan, and broken files."""

import pytest

from regency_tags.registry import load_registry

EXPECTED = {
    "63.01": ("Kabupaten Tanah Laut", "tanah-laut", "Pelaihari"),
    "63.02": ("Kabupaten Kotabaru", "kotabaru", "Kotabaru"),
    "63.03": ("Kabupaten Banjar", "banjar", "Martapura"),
    "63.04": ("Kabupaten Barito Kuala", "barito-kuala", "Marabahan"),
    "63.05": ("Kabupaten Tapin", "tapin", "Rantau"),
    "63.06": ("Kabupaten Hulu Sungai Selatan", "hulu-sungai-selatan", "Kandangan"),
    "63.07": ("Kabupaten Hulu Sungai Tengah", "hulu-sungai-tengah", "Barabai"),
    "63.08": ("Kabupaten Hulu Sungai Utara", "hulu-sungai-utara", "Amuntai"),
    "63.09": ("Kabupaten Tabalong", "tabalong", "Tanjung"),
    "63.10": ("Kabupaten Tanah Bumbu", "tanah-bumbu", "Batulicin"),
    "63.11": ("Kabupaten Balangan", "balangan", "Paringin"),
    "63.71": ("Kota Banjarmasin", "banjarmasin", ""),
    "63.72": ("Kota Banjarbaru", "banjarbaru", ""),
}


def test_default_registry_lists_the_13_regencies_of_kalsel():
    registry = load_registry()
    assert registry.province == "Kalimantan Selatan"
    found = {r.code: (r.official_name, r.slug, r.seat) for r in registry.regencies}
    assert found == EXPECTED
    kinds = {r.code: r.kind for r in registry.regencies}
    assert [c for c, k in kinds.items() if k == "kota"] == ["63.71", "63.72"]
    assert registry.by_slug("banjar").name == "Banjar"


ENTRY = """
[[regency]]
code = "{code}"
kind = "{kind}"
official_name = "Kabupaten {name}"
name = "{name}"
slug = "{slug}"
aliases = [{aliases}]
"""
HEADER = (
    '[prefixes]\nkabupaten = ["Kabupaten", "Kab"]\n[kinds]\nkabupaten = "Kabupaten"\n'
)


def registry_file(tmp_path, *entries, header=HEADER):
    text = header + "".join(
        ENTRY.format(
            **{"code": "1", "kind": "kabupaten", "aliases": "", "slug": "a", **entry}
        )
        for entry in entries
    )
    path = tmp_path / "registry.toml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("entries", "complaint"),
    [
        ([{"name": "A", "code": "1"}, {"name": "B", "code": "1", "slug": "b"}], "code"),
        ([{"name": "A"}, {"name": "B", "code": "2"}], "duplicate slug"),
        ([{"name": "A", "kind": "provinsi"}], "kind 'provinsi'"),
        ([{"name": ""}], "lacks name"),
        ([], "no [[regency]]"),
    ],
)
def test_broken_registry_is_refused_with_the_reason(tmp_path, entries, complaint):
    with pytest.raises(ValueError, match="REGENCY_REGISTRY") as error:
        load_registry(registry_file(tmp_path, *entries))
    assert complaint in str(error.value)


def test_unreadable_registry_is_refused(tmp_path):
    path = tmp_path / "broken.toml"
    path.write_text("[[regency]\n", encoding="utf-8")
    with pytest.raises(ValueError, match="cannot be read"):
        load_registry(path)
    with pytest.raises(ValueError, match="cannot be read"):
        load_registry(tmp_path / "missing.toml")
