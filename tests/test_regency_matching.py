"""Every spelling an editor may use, and the traps between similar names."""

import pytest

from regency_tags.matching import RegencyMatcher, normalise, split_values
from regency_tags.registry import load_registry

REGISTRY = load_registry()
MATCHER = RegencyMatcher(REGISTRY)
ALL = REGISTRY.regencies


def forms_of(info):
    """Every accepted form: names, slug, aliases, each prefixed, odd spacing/case."""
    bases = [info.name, info.slug, *info.aliases]
    forms = [info.official_name, info.official_name.upper()]
    for base in bases:
        forms += [base, base.lower(), base.upper(), f"  {base}  "]
        for prefix in info.prefixes:
            forms += [f"{prefix} {base}", f"{prefix.lower()}   {base.lower()}"]
    forms.append(info.name.replace(" ", "  "))
    return forms


@pytest.mark.parametrize("info", ALL, ids=lambda info: info.slug)
def test_every_form_of_every_regency_matches_it(info):
    for form in forms_of(info):
        assert MATCHER.match(form) is info, form


@pytest.mark.parametrize(
    ("written", "slug"),
    [
        ("Kota Banjarmasin", "banjarmasin"),
        ("Kab. Banjar", "banjar"),
        ("Kab.Banjar", "banjar"),
        ("kab banjar", "banjar"),
        ("banjarbaru", "banjarbaru"),
        ("Banjar Baru", "banjarbaru"),
        ("Kota Banjar Baru", "banjarbaru"),
        ("Tanbu", "tanah-bumbu"),
        ("TANBU", "tanah-bumbu"),
        ("HSS", "hulu-sungai-selatan"),
        ("H.S.S.", "hulu-sungai-selatan"),
        ("HST", "hulu-sungai-tengah"),
        ("HSU", "hulu-sungai-utara"),
        ("Tala", "tanah-laut"),
        ("Batola", "barito-kuala"),
        ("Kota Baru", "kotabaru"),
        ("Kab. Kota Baru", "kotabaru"),
        ("Kabupaten Kotabaru", "kotabaru"),
        ("tanah-bumbu", "tanah-bumbu"),
        ("Tanah  Bumbu", "tanah-bumbu"),
        ("Hulu Sungai Selatan.", "hulu-sungai-selatan"),
    ],
)
def test_examples_from_the_issue(written, slug):
    assert MATCHER.match(written).slug == slug


def test_banjar_is_never_banjarmasin_or_banjarbaru():
    assert MATCHER.match("Banjar").slug == "banjar"
    assert MATCHER.match("Banjarmasin").slug == "banjarmasin"
    assert MATCHER.match("Banjarbaru").slug == "banjarbaru"
    # Kota Banjar does not exist in this province: not silently Kabupaten Banjar.
    assert MATCHER.match("Kota Banjar") is None
    assert MATCHER.match("Kabupaten Banjarmasin") is None


def test_kota_baru_is_kotabaru_not_a_prefix_and_a_name():
    assert MATCHER.match("Kota Baru").slug == "kotabaru"
    assert MATCHER.match("Baru") is None
    assert MATCHER.match("Kota") is None


def test_prefixes_only_fit_their_kind():
    assert MATCHER.match("Kota Tapin") is None
    assert MATCHER.match("Kab. Banjarbaru") is None


def test_values_keep_the_editors_order_and_collapse_duplicates():
    found, unknown = MATCHER.match_all(
        "Tanbu, Kota Banjarmasin, Tanah Bumbu, banjarmasin"
    )
    assert [r.slug for r in found] == ["tanah-bumbu", "banjarmasin"]
    assert unknown == []


def test_unknown_values_are_returned_once_in_order():
    found, unknown = MATCHER.match_all("Banjar, Tanah Bambu, Xyz, Tanah Bambu")
    assert [r.slug for r in found] == ["banjar"]
    assert unknown == ["Tanah Bambu", "Xyz"]


@pytest.mark.parametrize("raw", [None, "", " , ,", []])
def test_empty_values_mean_province_wide(raw):
    assert MATCHER.match_all(raw) == ([], [])


def test_split_values_accepts_lists_and_trailing_commas():
    assert split_values(["Banjar", "Tapin"]) == ["Banjar", "Tapin"]
    assert split_values("Banjar, Tapin,") == ["Banjar", "Tapin"]


@pytest.mark.parametrize(
    ("written", "first"),
    [
        ("Tanah Bambu", "Tanah Bumbu"),
        ("Banjarmasn", "Banjarmasin"),
        ("Kab. Tanah Lau", "Tanah Laut"),
        ("Hulu Sungai Selatn", "Hulu Sungai Selatan"),
        ("Martapura", "Banjar"),  # a seat points to its regency
        ("Kota Banjar", "Banjar"),
    ],
)
def test_suggestions_put_the_closest_name_first(written, first):
    assert MATCHER.suggest(written)[0].name == first


def test_nothing_close_gives_no_suggestion():
    assert MATCHER.suggest("Jakarta Selatan") == []
    assert MATCHER.suggest("xyz") == []


def test_normalise_ignores_case_punctuation_and_spacing():
    assert normalise("  KAB.   Tanah-Laut ") == "kab tanah laut"
