"""The screenshots of docs/panduan-editor.md's admin section, taken again.

    PYTHONPATH=plugins:. .venv/bin/python -m tests.redaksi_screenshots docs/gambar

Drives the admin as the guide tells an editor to, on a throwaway copy of the
bundled content (nothing outside it is touched).
"""

import sys
import tempfile
from pathlib import Path

from tests.real_parts import CHROMIUM, CHROMIUM_ARGS
from tests.redaksi_project import RunningServer, make_project
from tests.test_redaksi_browser import png

VIEWPORT = {"width": 1100, "height": 720}


def main(destination: str) -> int:
    from playwright.sync_api import sync_playwright

    out = Path(destination)
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        project = make_project(Path(folder))
        server = RunningServer(project)
        photo = Path(folder) / "penyerahan-bantuan.png"
        photo.write_bytes(png(320, 200))
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=CHROMIUM, args=[*CHROMIUM_ARGS, "--lang=id"]
            )
            page = browser.new_page(viewport=VIEWPORT, locale="id-ID",
                                    timezone_id="Asia/Makassar")  # fmt: skip
            page.goto(server.origin + "/admin/")
            page.get_by_role("button", name="Masuk").wait_for()
            page.screenshot(path=out / "redaksi-1-masuk.png")
            page.get_by_role("button", name="Masuk").click()
            page.get_by_text("Bakti Sosial LKKS di Tanah Bumbu").wait_for()
            page.screenshot(path=out / "redaksi-2-daftar.png")

            page.goto(server.origin + "/admin/#/collections/rilis/new")
            page.get_by_label("Judul").fill("Penyerahan Bantuan Kursi Roda di Tapin")
            page.locator("input[type=datetime-local]").fill("2026-03-15T09:30")
            for regency in ("Tapin", "Banjar"):
                page.get_by_label("Kabupaten/kota").click()
                page.keyboard.type(regency)
                page.keyboard.press("Enter")
            page.get_by_label("Kredit").first.fill("MC Kalsel/Rns")
            page.mouse.click(5, 5)
            page.screenshot(path=out / "redaksi-3-formulir.png")

            page.get_by_role("button", name="Pilih gambar").click()
            with page.expect_file_chooser() as chooser:
                page.get_by_text("Unggah", exact=True).click()
            chooser.value.set_files(str(photo))
            page.get_by_text("penyerahan-bantuan.png").first.wait_for()
            page.screenshot(path=out / "redaksi-4-gambar.png")
            page.get_by_role("button", name="Pakai yang dipilih").click()
            page.get_by_label("Teks alternatif gambar").fill(
                "Ketua LKKS menyerahkan kursi roda kepada warga lansia"
            )
            page.locator("[data-slate-editor]").click()
            page.keyboard.type(
                "LKKS Provinsi Kalimantan Selatan menyerahkan sepuluh kursi roda "
                "kepada warga lansia di Rantau, Kabupaten Tapin."
            )
            page.get_by_role("button", name="Simpan", exact=True).click()
            page.get_by_text("Simpan sekarang").wait_for()
            page.screenshot(path=out / "redaksi-5-simpan.png")
            page.get_by_text("Simpan sekarang").click()
            page.locator("#redaksi-verdict").wait_for(timeout=60_000)
            page.screenshot(path=out / "redaksi-6-tersimpan.png")

            page.wait_for_timeout(9_000)  # the success notice fades
            page.goto(server.origin + "/admin/#/collections/rilis/new")
            page.get_by_label("Judul").fill("Bakti Sosial LKKS Tanbu")
            page.locator("input[type=datetime-local]").fill("2024-06-20T08:00")
            page.locator("[data-slate-editor]").click()
            page.keyboard.type("Isi berita.")
            page.get_by_label("Status").click()
            page.get_by_text("Terbit", exact=True).click()
            page.get_by_role("button", name="Simpan", exact=True).click()
            page.get_by_text("Simpan sekarang").click()
            page.get_by_text("Gagal menyimpan").wait_for(timeout=60_000)
            page.locator("#redaksi-verdict p").wait_for()
            page.screenshot(path=out / "redaksi-7-galat.png")
            browser.close()
        server.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "docs/gambar"))
