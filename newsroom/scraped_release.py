"""``make import``: a press release scraped as plain text, turned into Markdown.

The expected shape (as on diskominfomc.kalselprov.go.id): a region label
(``KALSEL``), the title, the body with a dateline (``Banjarmasin, Rabu
(8/10/2025)``) and a credit at the end of its last paragraph (``MC
Kalsel/Rns``), a ``sumber : …`` line, then the web page's boilerplate. What
cannot be read with certainty is reported, never guessed.
"""

import datetime
import re
from dataclasses import dataclass, field

from pelican.utils import slugify

from editorial.problems import ERROR, WARNING, Problem
from editorial.slug_length import capped, slug_limit
from regency_tags.mentions import MentionFinder

from .release_file import Release
from .site_settings import registry_of

BOILERPLATE = (
    "related articles",
    "artikel terkait",
    "tinggalkan balasan",
    "alamat email anda tidak akan dipublikasikan",
    "back to top button",
    "bagikan",
)
DAYS = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
DATELINE = re.compile(
    r"(?P<place>[A-Z][\w.'-]*(?: [A-Z][\w.'-]*)*),\s*"
    r"(?P<day>Senin|Selasa|Rabu|Kamis|Jum'?at|Sabtu|Minggu)\s*"
    r"\((?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>\d{4})\)"
)
CREDIT = re.compile(r"\s(?P<credit>[A-Z][\w.]*(?: [A-Z][\w.]*)*/[A-Z][\w.]*)\s*$")
SOURCE = re.compile(r"^sumber\s*:\s*(?P<source>\S.*)$", re.IGNORECASE)
REGION_LABEL = re.compile(r"^[A-Z][A-Z .-]{1,24}$")
MARKDOWN_START = re.compile(r"^(#|>|[-*+]\s|\d+[.)]\s)")


@dataclass
class ImportResult:
    release: Release | None
    problems: list[Problem] = field(default_factory=list)


def blocks_of(text: str) -> list[str]:
    """Paragraphs: runs of non-blank lines, each joined into one line."""
    blocks, current = [], []
    for line in text.replace("\r\n", "\n").split("\n"):
        if line.strip():
            current.append(line.strip())
        elif current:
            blocks.append(" ".join(current))
            current = []
    if current:
        blocks.append(" ".join(current))
    return blocks


def is_boilerplate(block: str) -> bool:
    return block.lower().startswith(BOILERPLATE)


def slug_from_title(title: str, settings: dict) -> str:
    """From the headline's first clause ("X, Gubernur : Y" → "x"), if it says enough."""
    subs = settings.get("SLUG_REGEX_SUBSTITUTIONS", [])
    first_clause = re.split(r"[,:;]", title, maxsplit=1)[0]
    if len(first_clause.split()) >= 3:
        slug = slugify(first_clause, regex_subs=subs)
    else:
        slug = "-".join(slugify(title, regex_subs=subs).split("-")[:8])
    return capped(slug, slug_limit(settings))


def escape_markdown(paragraph: str) -> str:
    return "\\" + paragraph if MARKDOWN_START.match(paragraph) else paragraph


def _date_error(where, message, hint, code="tanggal-salah"):
    return None, [Problem(where, None, message, hint, ERROR, code)]


def find_date(body: list[str], where: str, override: str | None):
    """``(date, problems)`` from the dateline, or from ``override``."""
    ask = "tulis tanggal rilisnya: make import FILE=… DATE=TAHUN-BULAN-HARI"
    if override:
        try:
            return datetime.date.fromisoformat(override.strip()), []
        except ValueError:
            return _date_error(
                where,
                f"DATE “{override}” tidak dapat dibaca.",
                "Tulis DATE=TAHUN-BULAN-HARI, misalnya DATE=2025-10-08.",
            )
    found = {}
    for match in DATELINE.finditer("\n".join(body)):
        try:
            date = datetime.date(int(match["y"]), int(match["m"]), int(match["d"]))
        except ValueError:
            return _date_error(
                where,
                f"tanggal “{match.group(0)}” tidak ada di kalender.",
                f"Periksa teksnya, lalu {ask}.",
            )
        found.setdefault(date, (match["day"].replace("'", ""), match.group(0)))
    if not found:
        return _date_error(
            where,
            "dateline (seperti “Banjarmasin, Rabu (8/10/2025)”) tidak ditemukan.",
            ask[:1].upper() + ask[1:] + ".",
            "tanggal-tidak-ada",
        )
    if len(found) > 1:
        listed = "; ".join(text for _, text in found.values())
        return _date_error(
            where,
            f"ada beberapa tanggal berbeda di teks: {listed}.",
            f"Pilih yang benar dan {ask}.",
        )
    ((date, (day, text)),) = found.items()
    weekday = DAYS[date.weekday()]
    if weekday != day:
        return _date_error(
            where,
            f"“{text}”: {date:%d-%m-%Y} jatuh pada hari {weekday}, bukan {day}.",
            f"Periksa teksnya, lalu {ask}.",
        )
    return date, []


def parse_scraped(
    text: str,
    where: str,
    settings: dict,
    *,
    date=None,
    category=None,
    tags=None,
    author=None,
) -> ImportResult:
    problems: list[Problem] = []

    def note(message, hint, severity=WARNING, code="impor"):
        problems.append(Problem(where, None, message, hint, severity, code))

    blocks = blocks_of(text)
    if blocks and REGION_LABEL.match(blocks[0]):
        blocks = blocks[1:]
    else:
        note(
            "label wilayah (mis. “KALSEL”) tidak ada di baris pertama.",
            "Periksa bahwa baris pertama memang judul.",
        )
    if not blocks:
        note("teks kosong.", "Periksa berkas FILE.", ERROR, "isi-kosong")
        return ImportResult(None, problems)
    title, rest = blocks[0], blocks[1:]

    body, source = [], ""
    for block in rest:
        match = SOURCE.match(block)
        if match:
            source = match["source"].strip()
            continue
        if is_boilerplate(block):
            break
        body.append(block)
    if not body:
        note("isi berita tidak ditemukan.", "Periksa berkas FILE.", ERROR, "isi-kosong")
        return ImportResult(None, problems)
    if not source:
        note("baris “sumber : …” tidak ditemukan.", "Isi baris Source: sendiri.")

    credit = CREDIT.search(body[-1])
    if author:
        byline = author
    elif credit:
        byline = credit["credit"]
    else:
        byline = ""
        note(
            "kredit (mis. “MC Kalsel/Rns”) tidak ada di akhir paragraf terakhir.",
            "Tulis AUTHOR_CREDIT=… atau isi baris Author: sendiri.",
        )

    release_date, date_problems = find_date(body, where, date)
    problems += date_problems
    if release_date is None:
        return ImportResult(None, problems)

    mentioned = MentionFinder(registry_of(settings)).find(" ".join([title, *body]))
    if not mentioned:
        note(
            "tidak ada kabupaten/kota yang disebut: berita untuk seluruh provinsi.",
            "Tambahkan Regencies: bila berita ini menyangkut kabupaten/kota tertentu.",
        )

    limit = int(settings.get("EDITORIAL_SUMMARY_MAX_CHARS", 300))
    lede = body[0]
    if len(lede) > limit:
        lede = re.split(r"(?<=[.!?])\s", lede, maxsplit=1)[0][:limit]

    release = Release(
        title=title,
        slug=slug_from_title(title, settings),
        date=release_date.isoformat(),
        category=category or settings.get("DEFAULT_CATEGORY", "Berita"),
        tags=[t.strip() for t in (tags or "").split(",") if t.strip()],
        author=byline,
        source=source,
        regencies=[info.name for _, info in mentioned],
        summary=lede,
        body="\n\n".join(escape_markdown(block) for block in body),
    )
    return ImportResult(release, problems)
