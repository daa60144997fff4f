"""The admin's Decap configuration, made from the site's settings at start-up.

The 13 regencies come from the registry file, the summary limit from the
editorial settings: the form offers and checks what the build accepts.
"""

import os

from editorial.settings import DEFAULTS as EDITORIAL_DEFAULTS
from regency_tags.matching import RegencyMatcher

from ..site_settings import registry_of

# Source: text (MC Kalsel), a domain, or an http(s) address. The build refuses
# what looks like another kind of address (javascript:…, data:…, //host);
# the form refuses the same before saving.
SOURCE_PATTERN = (
    r"^(|[\s\S]*\s[\s\S]*|(?![/\\][/\\])(?![A-Za-z][A-Za-z0-9+.-]*:)\S+"
    r"|[Hh][Tt][Tt][Pp][Ss]?://[^\s/@]+(/\S*)?)$"
)
WITA_HINT = (
    "Waktu Indonesia Tengah (WITA, Asia/Makassar), misalnya 2026-03-15 09:30. "
    "Tombol “Sekarang” memakai jam komputer ini: periksa jamnya bila komputer "
    "tidak diatur ke WITA (WIB tertinggal satu jam). Tanggal yang belum tiba "
    "adalah embargo: berita terbit pada build sesudah waktu itu."
)


# Images in a body (Decap's image component, which takes the collection's
# public_folder) are linked with Pelican's {static} marker, so that they
# resolve from any page's URL; the featured image field stores images/….
BODY_IMAGE_PREFIX = "{static}/"


def summary_limit(settings: dict) -> int:
    return int(
        settings.get(
            "EDITORIAL_SUMMARY_MAX_CHARS",
            EDITORIAL_DEFAULTS["EDITORIAL_SUMMARY_MAX_CHARS"],
        )
    )


def regency_spellings(settings: dict) -> dict[str, str]:
    """Every accepted spelling of each regency, to its registry name."""
    spellings = {}
    for info in registry_of(settings).regencies:
        for spelling in RegencyMatcher._spellings_of(info):
            spellings[spelling] = info.name
    return spellings


def _common_fields(limit: int) -> list[dict]:
    return [
        {
            "name": "summary",
            "label": "Ringkasan",
            "widget": "text",
            "required": False,
            "hint": f"Satu atau dua kalimat untuk daftar berita dan mesin pencari; "
            f"paling banyak {limit} karakter. Kosongkan: diambil dari awal isi.",
            "pattern": [
                f"^[\\s\\S]{{0,{limit}}}$",
                f"paling banyak {limit} karakter; persingkat ringkasannya.",
            ],
        },
    ]


def release_fields(settings: dict) -> list[dict]:
    regencies = registry_of(settings).regencies
    limit = summary_limit(settings)
    return [
        {"name": "title", "label": "Judul", "widget": "string",
         "hint": "Judul berita, teks biasa."},
        {"name": "date", "label": "Tanggal dan jam (WITA)", "widget": "datetime",
         "format": "YYYY-MM-DD HH:mm", "date_format": "DD-MM-YYYY",
         "time_format": "HH:mm", "picker_utc": False, "hint": WITA_HINT},
        {"name": "category", "label": "Kategori", "widget": "string",
         "required": False, "default": settings.get("DEFAULT_CATEGORY", "Berita"),
         "hint": "Satu kategori, misalnya Kelembagaan."},
        {"name": "tags", "label": "Topik", "widget": "list", "required": False,
         "hint": "Pisahkan beberapa topik dengan koma, misalnya: LKKS, Lansia."},
        {"name": "regencies", "label": "Kabupaten/kota", "widget": "select",
         "multiple": True, "required": False,
         "options": [{"label": info.official_name, "value": info.name}
                     for info in regencies],
         "hint": "Kabupaten/kota yang diberitakan. Kosongkan bila berita "
                 "berlaku untuk seluruh provinsi."},
        {"name": "author", "label": "Kredit", "widget": "string", "required": False,
         "hint": "Baris kredit, misalnya MC Kalsel/Rns."},
        {"name": "source", "label": "Sumber", "widget": "string", "required": False,
         "hint": "Tempat berita pertama terbit: nama sumbernya (MC Kalsel), "
                 "nama domain, atau alamat yang diawali http:// atau https://.",
         "pattern": [SOURCE_PATTERN, "hanya alamat http:// atau https:// yang "
                     "boleh dipakai; atau tulis nama sumbernya saja."]},
        *_common_fields(limit),
        {"name": "image", "label": "Gambar utama", "widget": "image",
         "required": False, "choose_url": False,
         "public_folder": settings["STATIC_PATHS"][0],
         "hint": "Foto JPEG, PNG atau WebP. Wajib diberi teks alternatif di bawah."},
        {"name": "image_alt", "label": "Teks alternatif gambar", "widget": "string",
         "required": False,
         "hint": "Apa yang tampak pada foto, untuk pembaca yang tidak dapat "
                 "melihatnya. Wajib bila ada gambar utama."},
        {"name": "image_caption", "label": "Keterangan foto", "widget": "string",
         "required": False},
        {"name": "image_credit", "label": "Kredit foto", "widget": "string",
         "required": False},
        {"name": "body", "label": "Isi berita", "widget": "markdown",
         "hint": "Paragraf pertama menjawab apa, siapa, kapan dan di mana."},
        {"name": "status", "label": "Status", "widget": "select",
         "default": "draft",
         "options": [{"label": "Draf (belum terbit)", "value": "draft"},
                     {"label": "Terbit", "value": "published"}],
         "hint": "Draf tidak tampil di situs publik; pratinjau devserver "
                 "menampilkannya di /draf/."},
    ]  # fmt: skip


def page_fields(settings: dict) -> list[dict]:
    return [
        {"name": "title", "label": "Judul", "widget": "string"},
        {"name": "slug", "label": "Alamat (slug)", "widget": "string",
         "required": False,
         "hint": "Bagian akhir alamat halaman; jangan diubah setelah terbit."},
        *_common_fields(summary_limit(settings)),
        {"name": "body", "label": "Isi halaman", "widget": "markdown"},
    ]  # fmt: skip


def local_backend() -> dict:
    """``make redaksi``'s own server (Decap's proxy API)."""
    return {"name": "proxy", "proxy_url": "/api/v1", "branch": "main"}


def forge_backend(kind: str, forge_url: str, repo: str, app_id: str,
                  branch: str = "main") -> dict:  # fmt: skip
    """Gitea or Forgejo: editors log in with their forge account (PKCE)."""
    if kind not in ("gitea", "forgejo"):
        raise ValueError(f"forge {kind!r}: use gitea or forgejo")
    base = forge_url.rstrip("/")
    if not base.startswith("https://"):
        raise ValueError(f"forge URL {forge_url!r}: use an https:// address")
    return {
        "name": kind, "repo": repo, "branch": branch, "app_id": app_id,
        "base_url": base, "api_root": f"{base}/api/v1",
        "auth_endpoint": f"{base}/login/oauth/authorize",
    }  # fmt: skip


def commit_messages(backend: dict) -> dict:
    """Decap's commit messages; the local server adds the release's title."""
    named = "" if backend["name"] == "proxy" else " “{{slug}}”"
    return {
        "create": "Redaksi: {{collection}} baru" + named,
        "update": "Redaksi: ubah {{collection}}" + named,
        "delete": "Redaksi: hapus {{collection}} “{{slug}}”",
        "uploadMedia": "Redaksi: unggah “{{path}}”",
        "deleteMedia": "Redaksi: hapus “{{path}}”",
    }


def site_stylesheet(settings: dict) -> str:
    """The theme's stylesheet, which the preview pane borrows."""
    return os.path.join(settings["THEME"], "static", "css", "style.css")


def slug_limit(settings: dict) -> int | None:
    """The longest Slug: the build accepts (``None``: no limit)."""
    limit = settings.get(
        "EDITORIAL_SLUG_MAX_CHARS", EDITORIAL_DEFAULTS.get("EDITORIAL_SLUG_MAX_CHARS")
    )
    return int(limit) if limit else None


def page_data(settings: dict, prefix: str, preview_url: str, backend: dict) -> dict:
    """What the admin page loads (``redaksi.json``): config and form helpers."""
    return {
        "config": admin_config(settings, prefix, preview_url, backend),
        "regencies": regency_spellings(settings),
        "summaryMax": summary_limit(settings),
        "slugMax": slug_limit(settings),
        # Only the local server answers "verdict" with the build's checks.
        "localServer": backend["name"] == "proxy",
    }


def admin_config(settings: dict, prefix: str, preview_url: str,
                 backend: dict | None = None) -> dict:  # fmt: skip
    """The Decap configuration (passed to ``CMS.init``)."""
    releases = f"{prefix}/{settings['ARTICLE_PATHS'][0]}"
    pages = f"{prefix}/{settings['PAGE_PATHS'][0]}"
    images = f"{prefix}/{settings['STATIC_PATHS'][0]}"
    public = settings["STATIC_PATHS"][0]
    return {
        "load_config_file": False,
        "backend": {
            **(backend or local_backend()),
            "commit_messages": commit_messages(backend or local_backend()),
        },
        "locale": "id",
        "site_url": preview_url,
        "display_url": preview_url,
        "media_folder": images,
        "public_folder": public,
        "slug": {"encoding": "ascii", "clean_accents": True,
                 "sanitize_replacement": "-"},
        "collections": [
            {
                "name": "rilis", "label": "Rilis", "label_singular": "Rilis",
                "description": "Siaran pers LKKS. Tanggal dan jam dalam WITA.",
                "folder": releases, "path": "{{year}}/{{slug}}",
                "extension": "md", "format": "pelican", "create": True,
                "media_folder": f"/{images}",
                "public_folder": BODY_IMAGE_PREFIX + public,
                "summary": "{{title}} — {{date}}",
                "sortable_fields": ["date", "title"],
                "fields": release_fields(settings),
            },
            {
                "name": "halaman", "label": "Halaman", "label_singular": "Halaman",
                "description": "Halaman tetap, seperti Tentang LKKS.",
                "folder": pages, "extension": "md", "format": "pelican",
                "create": True, "media_folder": f"/{images}",
                "public_folder": BODY_IMAGE_PREFIX + public,
                "fields": page_fields(settings),
            },
        ],
    }  # fmt: skip
