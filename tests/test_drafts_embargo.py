"""Drafts and embargoed releases appear nowhere in the published output."""

import datetime
import json
import shutil

import pytest

from editorial.problems import BuildFailed
from tests.sitebuild import (
    FIXTURES,
    PUBLISH_CONFIG,
    build,
    page,
    text_of,
    write_release,
)

SECRETS = ["DRAFRAHASIA", "EMBARGORAHASIA", "draf-rahasia", "embargo-rahasia"]
SECRET_TERMS = ["rahasia-draf", "rahasia-embargo", "topikdraf", "topikembargo"]


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    output = tmp_path_factory.mktemp("unpublished")
    build(
        FIXTURES / "unpublished", output, PUBLISH_CONFIG, SITEURL="https://example.test"
    )
    return output


def test_no_file_of_the_output_mentions_a_draft_or_embargoed_release(published):
    files = [path for path in published.rglob("*") if path.is_file()]
    assert len(files) > 20
    for path in files:
        data = path.read_bytes().decode("utf-8", errors="replace").lower()
        for secret in SECRETS + SECRET_TERMS:
            assert secret.lower() not in data, (path, secret)


def test_no_draft_folder_and_no_page_for_their_terms(published):
    for folder in [
        "drafts",
        "draf",
        "berita/2099",
        "kategori/rahasia-draf",
        "topik/topikdraf",
    ]:
        assert not (published / folder).exists(), folder


def test_counts_listings_and_feeds_hold_only_the_published_release(published):
    overview = page(published, "kabupaten/index.html")
    cards = {
        text_of(c.find(".//h3")): text_of(c)
        for c in overview.find_class("regency-card")
    }
    assert "1 berita" in cards["Banjar"]
    assert "0 berita" in cards["Tapin"]
    banjar = page(published, "kabupaten/banjar/index.html")
    assert [text_of(a) for a in banjar.xpath("//ol[@class='teasers']//h2/a")] == [
        "Berita yang sudah terbit"
    ]
    feed = json.loads((published / "feeds" / "feed.json").read_text(encoding="utf-8"))
    assert [item["title"] for item in feed["items"]] == ["Berita yang sudah terbit"]
    assert "2025" in text_of(page(published, "arsip/index.html"))
    month = text_of(page(published, "berita/2025/11/index.html"))
    assert "Berita yang sudah terbit" in month


def test_a_release_appears_on_the_first_build_at_or_after_its_time(tmp_path):
    wita = datetime.timezone(datetime.timedelta(hours=8))
    now = datetime.datetime.now(wita)
    content = tmp_path / "content"
    for name, when in [("baru-lewat", now - datetime.timedelta(minutes=2)),
                       ("besok", now + datetime.timedelta(days=1))]:  # fmt: skip
        write_release(
            content / "berita",
            f"{name}.md",
            title=f"Rilis {name}",
            date=f"{when:%Y-%m-%d %H:%M}",
            regencies="Tapin",
        )
    output = tmp_path / "output"
    build(content, output, PUBLISH_CONFIG, SITEURL="https://example.test")
    listed = text_of(page(output, "kabupaten/tapin/index.html"))
    assert "Rilis baru-lewat" in listed
    assert "Rilis besok" not in listed


def test_preview_shows_drafts_marked_and_lists_them_on_home(tmp_path, monkeypatch):
    monkeypatch.setenv("WARTA_PREVIEW", "1")
    build(FIXTURES / "unpublished", tmp_path)
    draft = page(tmp_path, "draf/draf-rahasia-drafrahasia/index.html")
    assert "DRAF — pratinjau lokal" in text_of(draft.find_class("draft-banner")[0])
    embargoed = page(tmp_path, "draf/embargo-rahasia-embargorahasia/index.html")
    assert "DRAF" in text_of(embargoed.find_class("draft-banner")[0])
    home = page(tmp_path, "index.html")
    drafts = home.xpath("//section[@class='draft-banner']//a")
    assert sorted(text_of(a) for a in drafts) == [
        "Draf rahasia DRAFRAHASIA",
        "Embargo rahasia EMBARGORAHASIA",
    ]
    # Published listings stay as the public will see them.
    banjar = page(tmp_path, "kabupaten/banjar/index.html")
    assert len(banjar.xpath("//ol[@class='teasers']/li")) == 1


def test_preview_reports_errors_without_ending_the_server(tmp_path, monkeypatch):
    monkeypatch.setenv("WARTA_PREVIEW", "1")
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "unpublished", content)
    write_release(content / "berita", "salah.md", title="Salah", date="2026-13-45")
    # An Exception, which Pelican's autoreload loop logs before waiting for
    # the next change (a SystemExit would end `make devserver`).
    with pytest.raises(BuildFailed) as failed:
        build(content, tmp_path / "output")
    assert not isinstance(failed.value, SystemExit)
    assert [p.code for p in failed.value.problems] == ["tanggal-salah"]
