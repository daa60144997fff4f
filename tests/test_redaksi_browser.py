"""The admin in a real browser: Debian's Chromium, driven by Playwright,
against ``make redaksi``'s server on a loopback port and a throwaway git
repository. No request may leave loopback and no CSP violation may happen.
"""

import struct
import zlib

import pytest

from tests.real_parts import CHROMIUM, CHROMIUM_ARGS, needs_chromium
from tests.redaksi_project import GIT_IDENTITY, RunningServer, git, make_project
from tests.sitebuild import build

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    needs_chromium,
]
ALIAS = "content/berita/2024/alias-tanbu.md"
# Report Content-Security-Policy violations the way a page sees them.
CSP_WATCH = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(event.violatedDirective + " " + event.blockedURI);
});
"""


def png(width=40, height=30) -> bytes:
    row = b"\x00" + b"\x2a\x6f\x97" * width
    data = zlib.compress(row * height)

    def chunk(kind, body):
        return (struct.pack(">I", len(body)) + kind + body
                + struct.pack(">I", zlib.crc32(kind + body)))  # fmt: skip

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", data)
            + chunk(b"IEND", b""))  # fmt: skip


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS
        )
        yield chromium
        chromium.close()


@pytest.fixture
def project(tmp_path, monkeypatch):
    for name, value in GIT_IDENTITY.items():
        monkeypatch.setenv(name, value)
    return make_project(tmp_path)


@pytest.fixture
def server(project):
    running = RunningServer(project, commit=True)
    yield running
    running.close()


@pytest.fixture
def admin(browser, server):
    """A logged-in admin page; after the test: no outside request, no CSP
    violation, no uncaught error."""
    context = browser.new_context(
        viewport={"width": 1280, "height": 900},
        locale="id-ID",
        timezone_id="Asia/Makassar",
    )
    page = context.new_page()
    page.add_init_script(CSP_WATCH)
    outside, errors = [], []
    page.on("request", lambda request: (
        request.url.startswith((server.origin + "/", "blob:", "data:"))
        or outside.append(request.url)))  # fmt: skip
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda message: (
        "Content Security Policy" in message.text
        and errors.append(message.text)))  # fmt: skip
    page.goto(server.origin + "/admin/")
    page.get_by_role("button", name="Masuk").click()
    page.get_by_text("Rilis").first.wait_for()
    page.uncaught = errors
    yield page
    violations = page.evaluate("window.__cspViolations")
    context.close()
    assert outside == []
    assert violations == []
    assert errors == []


def save(page):
    page.get_by_role("button", name="Simpan", exact=True).click()
    page.get_by_text("Simpan sekarang").click()


def wait_for_verdict(page):
    verdict = page.locator("#redaksi-verdict p")
    verdict.wait_for(state="visible", timeout=60_000)
    return verdict.inner_text()


def test_create_a_release_through_the_form(admin, server, project, tmp_path):
    image = tmp_path / "rapat-koordinasi.png"
    image.write_bytes(png())
    head = git(project, "rev-parse", "HEAD")
    admin.goto(server.origin + "/admin/#/collections/rilis/new")
    admin.get_by_label("Judul").fill("Rapat Koordinasi LKS se-Kalimantan Selatan")
    admin.locator("input[type=datetime-local]").fill("2026-03-15T09:30")
    for regency in ("Banjarbaru", "Tapin"):
        admin.get_by_label("Kabupaten/kota").click()
        admin.keyboard.type(regency)
        admin.keyboard.press("Enter")
    admin.get_by_role("button", name="Pilih gambar").click()
    with admin.expect_file_chooser() as chooser:
        admin.get_by_text("Unggah", exact=True).click()
    chooser.value.set_files(str(image))
    admin.get_by_role("button", name="Pakai yang dipilih").click()
    admin.get_by_label("Teks alternatif gambar").fill("Peserta rapat di aula")
    admin.locator("[data-slate-editor]").click()
    admin.keyboard.type("Rapat koordinasi digelar di Banjarbaru dan Rantau, Tapin.")
    admin.get_by_label("Status").click()
    admin.get_by_text("Terbit", exact=True).click()
    save(admin)
    verdict = wait_for_verdict(admin)

    path = "content/berita/2026/rapat-koordinasi-lks-se-kalimantan-selatan.md"
    assert f"Tersimpan: {path}." in verdict
    assert (project / path).read_text(encoding="utf-8") == (
        "Title: Rapat Koordinasi LKS se-Kalimantan Selatan\n"
        "Slug: rapat-koordinasi-lks-se-kalimantan-selatan\n"
        "Date: 2026-03-15 09:30\n"
        "Category: Berita\n"
        "Regencies: Banjarbaru, Tapin\n"
        "Image: images/rapat-koordinasi.png\n"
        "Image_alt: Peserta rapat di aula\n"
        "\n"
        "Rapat koordinasi digelar di Banjarbaru dan Rantau, Tapin.\n"
    )
    assert (project / "content/images/rapat-koordinasi.png").read_bytes() == png()
    committed = git(project, "show", "--name-only", "--format=%s", "HEAD").split("\n")
    assert committed[0] == (
        "Redaksi: Rilis baru “Rapat Koordinasi LKS se-Kalimantan Selatan”"
    )
    assert sorted(filter(None, committed[1:])) == [
        path,
        "content/images/rapat-koordinasi.png",
    ]
    assert git(project, "rev-parse", "HEAD~1").strip() == head.strip()
    # The build accepts it and publishes it.
    output = tmp_path / "output"
    build(project / "content", output)
    article = output / "berita/2026/03/rapat-koordinasi-lks-se-kalimantan-selatan"
    assert "Peserta rapat di aula" in (article / "index.html").read_text("utf-8")


def test_an_image_without_alt_text_is_blocked(admin, server, project, tmp_path):
    image = tmp_path / "tanpa-alt.png"
    image.write_bytes(png())
    files = sorted(p for p in (project / "content").rglob("*"))
    head = git(project, "rev-parse", "HEAD")
    admin.goto(server.origin + "/admin/#/collections/rilis/new")
    admin.get_by_label("Judul").fill("Berita dengan foto tanpa keterangan")
    admin.locator("input[type=datetime-local]").fill("2026-03-16T10:00")
    admin.get_by_role("button", name="Pilih gambar").click()
    with admin.expect_file_chooser() as chooser:
        admin.get_by_text("Unggah", exact=True).click()
    chooser.value.set_files(str(image))
    admin.get_by_role("button", name="Pakai yang dipilih").click()
    admin.locator("[data-slate-editor]").click()
    admin.keyboard.type("Isi berita.")
    save(admin)
    assert wait_for_verdict(admin).startswith(
        "Tidak tersimpan: gambar utama belum diberi teks alternatif. Isi “Teks "
        "alternatif gambar” (apa yang tampak pada foto) lalu simpan lagi."
    )
    assert admin.get_by_text("Gagal menyimpan").count() == 1
    assert sorted(p for p in (project / "content").rglob("*")) == files
    assert git(project, "rev-parse", "HEAD") == head
    # Decap rejects its save promise without catching it: one "Object" error.
    assert admin.uncaught == ["Object"]
    admin.uncaught.clear()


def test_editing_one_field_changes_only_that_line(admin, server, project):
    before = (project / ALIAS).read_text(encoding="utf-8")
    admin.goto(server.origin + "/admin/#/collections/rilis/entries/2024/alias-tanbu")
    field = admin.get_by_label("Kategori")
    field.wait_for()
    field.fill("Bakti Sosial")
    save(admin)
    wait_for_verdict(admin)
    after = (project / ALIAS).read_text(encoding="utf-8")
    assert after == before.replace("Category: Kegiatan\n", "Category: Bakti Sosial\n")
    diff = git(project, "show", "--format=", "--unified=0", "HEAD")
    assert [line for line in diff.splitlines() if line[:1] in "+-"
            and not line.startswith(("+++", "---"))] == [
        "-Category: Kegiatan", "+Category: Bakti Sosial"]  # fmt: skip


def test_an_alias_survives_an_unrelated_edit(admin, server, project):
    admin.goto(server.origin + "/admin/#/collections/rilis/entries/2024/alias-tanbu")
    # Tanbu and Kab. Banjar, selected under the registry's names.
    admin.get_by_text("Kabupaten Tanah Bumbu", exact=True).wait_for()
    admin.get_by_text("Kabupaten Banjar", exact=True).wait_for()
    admin.get_by_label("Judul").fill("Bakti Sosial LKKS di Batulicin")
    save(admin)
    wait_for_verdict(admin)
    text = (project / ALIAS).read_text(encoding="utf-8")
    assert "Regencies: Tanbu, Kab. Banjar\n" in text
    assert text.startswith("Title: Bakti Sosial LKKS di Batulicin\n")
    assert "Unknown_key: dipertahankan apa adanya\n" in text


def test_a_save_the_build_rejects_says_why_in_the_admin(admin, server, project):
    """The same slug and month as a published release: one URL for two files."""
    head = git(project, "rev-parse", "HEAD")
    admin.goto(server.origin + "/admin/#/collections/rilis/new")
    admin.get_by_label("Judul").fill("Bakti Sosial LKKS Tanbu")
    admin.locator("input[type=datetime-local]").fill("2024-06-20T08:00")
    admin.locator("[data-slate-editor]").click()
    admin.keyboard.type("Isi berita.")
    admin.get_by_label("Status").click()
    admin.get_by_text("Terbit", exact=True).click()
    save(admin)
    toast = admin.get_by_text("Gagal menyimpan")
    toast.wait_for(timeout=60_000)
    message = toast.inner_text()
    refused = "situs tidak akan dibangun dengan berkas ini; tidak ada yang disimpan."
    assert refused in message
    kept = wait_for_verdict(admin)  # stays after Decap's toast goes
    assert kept.startswith("Tidak tersimpan: situs tidak akan dibangun")
    assert "GALAT content/berita/2024/bakti-sosial-lkks-tanbu.md" in kept
    assert "GALAT content/berita/2024/bakti-sosial-lkks-tanbu.md" in message
    assert "/berita/2024/06/bakti-sosial-lkks-tanbu/" in message
    assert not (project / "content/berita/2024/bakti-sosial-lkks-tanbu.md").exists()
    assert git(project, "rev-parse", "HEAD") == head
    assert admin.uncaught == ["Object"]
    admin.uncaught.clear()


def test_an_image_in_the_body_resolves_from_the_release_page(
    admin, server, project, tmp_path
):
    """Decap's image component links {static}/images/…: a plain images/… would
    resolve beside the release's URL, and the build would refuse the save."""
    image = tmp_path / "suasana-rapat.png"
    image.write_bytes(png())
    admin.goto(server.origin + "/admin/#/collections/rilis/new")
    admin.get_by_label("Judul").fill("Suasana rapat koordinasi")
    admin.locator("input[type=datetime-local]").fill("2026-03-17T14:00")
    admin.locator("[data-slate-editor]").click()
    admin.keyboard.type("Paragraf pertama.")
    admin.get_by_role("button", name="Tambah komponen").click()
    admin.get_by_text("Image", exact=True).last.click()
    admin.get_by_role("button", name="Pilih gambar").last.click()
    with admin.expect_file_chooser() as chooser:
        admin.get_by_text("Unggah", exact=True).click()
    chooser.value.set_files(str(image))
    admin.get_by_role("button", name="Pakai yang dipilih").click()
    save(admin)
    wait_for_verdict(admin)
    text = (project / "content/berita/2026/suasana-rapat-koordinasi.md").read_text()
    assert text.endswith(
        "Paragraf pertama.\n\n![]({static}/images/suasana-rapat.png)\n"
    )
    assert (project / "content/images/suasana-rapat.png").read_bytes() == png()


def test_a_page_of_the_halaman_collection_is_edited_in_place(admin, server, project):
    page = project / "content/pages/tentang.md"
    before = page.read_text(encoding="utf-8")
    admin.goto(server.origin + "/admin/#/collections/halaman/entries/tentang")
    title = admin.get_by_label("Judul")
    title.wait_for()
    assert title.input_value() == "Tentang LKKS"
    title.fill("Tentang LKKS Kalimantan Selatan")
    save(admin)
    wait_for_verdict(admin)
    after = page.read_text(encoding="utf-8")
    assert after == before.replace(
        "Title: Tentang LKKS\n", "Title: Tentang LKKS Kalimantan Selatan\n", 1
    )


def test_a_date_without_a_time_survives_an_edit(admin, server, project):
    """``Date: 2025-10-08`` shows as midnight in the form and stays as written."""
    path = project / "content/berita/2025/pengukuhan-pengurus-lkks-provinsi-kalsel.md"
    before = path.read_text(encoding="utf-8")
    entry = "2025/pengukuhan-pengurus-lkks-provinsi-kalsel"
    admin.goto(f"{server.origin}/admin/#/collections/rilis/entries/{entry}")
    field = admin.get_by_label("Kategori")
    field.wait_for()
    field.fill("Kelembagaan LKKS")
    save(admin)
    wait_for_verdict(admin)
    after = path.read_text(encoding="utf-8")
    assert after == before.replace(
        "Category: Kelembagaan\n", "Category: Kelembagaan LKKS\n"
    )
    assert "Date: 2025-10-08\n" in after


@pytest.mark.parametrize(
    ("zone", "note"),
    [
        ("Asia/Makassar", None),
        ("Asia/Jakarta", "Jam komputer ini WIB, bukan WITA: tombol “Sekarang” "
                         "tertinggal 1 jam. Tulis tanggal dan jam WITA sendiri."),
        ("Asia/Jayapura", "Jam komputer ini WIT, bukan WITA: tombol “Sekarang” "
                          "terlalu cepat 1 jam. Tulis tanggal dan jam WITA sendiri."),
    ],
)  # fmt: skip
def test_a_computer_not_on_wita_is_told_so(browser, server, zone, note):
    context = browser.new_context(locale="id-ID", timezone_id=zone)
    page = context.new_page()
    page.goto(server.origin + "/admin/")
    page.get_by_role("button", name="Masuk").wait_for()
    banner = page.locator("#redaksi-zona")
    shown = banner.locator("p").inner_text() if banner.is_visible() else None
    if shown:
        banner.get_by_role("button", name="Tutup").click()
        assert not banner.is_visible()
    context.close()
    assert shown == note


def test_the_preview_pane_looks_like_the_site(admin, server):
    entry = "2025/pengukuhan-pengurus-lkks-provinsi-kalsel"
    admin.goto(f"{server.origin}/admin/#/collections/rilis/entries/{entry}")
    admin.get_by_label("Kategori").wait_for()
    preview = admin.frame_locator("iframe").first
    preview.locator("article.release h1").wait_for()
    assert preview.locator(".meta time").inner_text() == "Rabu, 8 Oktober 2025"
    assert preview.locator("link[href$='site.css']").count() == 1
