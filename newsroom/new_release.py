"""``make new``: a new release with every field filled in, saved as a draft."""

import datetime
from zoneinfo import ZoneInfo

from pelican.utils import slugify

from editorial.problems import Problem
from editorial.slug_length import capped, slug_limit
from regency_tags.matching import RegencyMatcher

from .release_file import Release, SymlinkedFolder, release_path, write_new
from .site_settings import registry_of

PLACEHOLDER_BODY = (
    "Tulis isi berita di sini. Paragraf pertama menjawab apa, siapa, kapan "
    "dan di mana.\n\n"
    "Hapus baris “Status: draft” di atas bila berita sudah siap terbit."
)


def slug_for(title: str, settings: dict) -> str:
    """The slug a build would make from ``title``, as short as builds make it."""
    slug = slugify(title, regex_subs=settings.get("SLUG_REGEX_SUBSTITUTIONS", []))
    return capped(slug, slug_limit(settings))


def canonical_regencies(raw: str, settings: dict, where: str):
    """Registry names for what the editor typed, or problems for unknown values."""
    matcher = RegencyMatcher(registry_of(settings))
    found, unknown = matcher.match_all(raw)
    problems = []
    for value in unknown:
        close = matcher.suggest(value)
        names = close or matcher.registry.regencies
        lead = "Mungkin maksudnya" if close else "Gunakan salah satu nama ini"
        problems.append(
            Problem(
                path=where,
                line=None,
                message=f"“{value}” bukan nama kabupaten/kota yang dikenal.",
                hint=f"{lead}: {', '.join(info.name for info in names)}.",
                code="kabupaten-tidak-dikenal",
            )
        )
    return [info.name for info in found], problems


def scaffold(settings: dict, title: str, regencies: str, now: datetime.datetime):
    """``(path, release)`` to write, or ``(None, problems)``."""
    title = " ".join((title or "").split())
    if not title:
        return None, [
            Problem(
                path="TITLE",
                line=None,
                message="judul berita kosong.",
                hint='Contoh: make new TITLE="Judul berita" REGENCIES="Banjar, Tapin"',
                code="judul-kosong",
            )
        ]
    slug = slug_for(title, settings)
    if not any(character.isalnum() for character in slug):
        # "!!!" would be berita/2026/.md, which no build reads
        return None, [
            Problem(
                path="TITLE",
                line=None,
                message=f"judul “{title}” tidak mengandung huruf atau angka, "
                "sehingga tidak menghasilkan nama berkas dan alamat berita.",
                hint="Tulis judul dengan huruf atau angka, contoh: make new "
                'TITLE="Rapat koordinasi LKS" REGENCIES="Banjar, Tapin"',
                code="slug-kosong",
            )
        ]
    names, problems = canonical_regencies(regencies or "", settings, "REGENCIES")
    if problems:
        return None, problems
    local = now.astimezone(ZoneInfo(settings["TIMEZONE"]))
    release = Release(
        title=title,
        slug=slug,
        date=f"{local:%Y-%m-%d %H:%M}",
        category=settings.get("DEFAULT_CATEGORY", "Berita"),
        tags=["LKKS"],
        author=settings.get("AUTHOR", ""),
        source=settings.get("AUTHOR", ""),
        regencies=names,
        summary="Ringkasan berita dalam satu atau dua kalimat.",
        status="draft",
        body=PLACEHOLDER_BODY,
    )
    path = release_path(settings["PATH"], settings["ARTICLE_PATHS"][0], release)
    return path, release


def create(settings: dict, title: str, regencies: str, now=None):
    """Write the new release; returns ``(path, problems)``."""
    now = now or datetime.datetime.now(datetime.UTC)
    path, result = scaffold(settings, title, regencies, now)
    if path is None:
        return None, result
    try:
        write_new(path, result, settings["PATH"])
    except SymlinkedFolder as refused:
        problem = Problem(path=path, line=None, message=refused.message,
                          hint=refused.hint, code="tautan-simbolik")  # fmt: skip
        return None, [problem]
    except FileExistsError:
        return None, [
            Problem(
                path=path,
                line=None,
                message="berkas dengan judul ini sudah ada.",
                hint="Ubah judulnya, atau sunting berkas yang sudah ada.",
                code="alamat-ganda",
            )
        ]
    return path, []
