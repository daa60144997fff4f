"""Keep the generated parts of docs/panduan-editor.md in step with the code.

Two sections are written from data, never retyped: the regency names and
aliases (from the registry) and every message an editor can see (from the
message catalogue). ``python -m newsroom.guide`` rewrites them in place;
a test fails when the committed guide is out of date.
"""

import re
import sys
from pathlib import Path

from editorial.messages import CATALOGUE
from editorial.problems import ERROR
from regency_tags.registry import load_registry

GUIDE = Path(__file__).resolve().parent.parent / "docs" / "panduan-editor.md"
SECTIONS = ("daftar-kabupaten", "daftar-pesan")


def regency_table(registry) -> str:
    rows = [
        "| Kode | Nama resmi | Tulis di Regencies: | Nama lain yang diterima "
        "| Ibu kota |",
        "|---|---|---|---|---|",
    ]
    for info in registry.regencies:
        prefixed = [f"{prefix} {info.name}" for prefix in info.prefixes]
        accepted = [info.official_name, *prefixed, info.slug, *info.aliases]
        accepted = list(
            dict.fromkeys(a for a in accepted if a.lower() != info.name.lower())
        )
        rows.append(
            f"| {info.code} | {info.official_name} | `{info.name}` | "
            f"{', '.join(f'`{a}`' for a in accepted)} | {info.seat or '—'} |"
        )
    return "\n".join(rows)


PLACEHOLDERS = {
    "value": "isian",
    "reason": "alasan",
    "length": "panjang",
    "limit": "batas",
    "suggestion": "saran nama terdekat",
    "expected": "lokasi berkas",
    "other": "berkas lain",
    "url": "alamat",
    "mention": "sebutan",
    "official": "nama resmi",
    "name": "nama",
    "when": "waktu terbit",
    "removed": "yang dibuang",
    "field": "nama baris",
    "lines": "nomor baris",
    "reserved": "alamat buatan situs",
    "alternative": "alamat lain",
    "save_as": "isian Save_as",
    "allowed": "tampilan yang tersedia",
    "slug": "alamat yang dipendekkan",
    "detail": "ukuran atau keterangan",
    "width": "lebar",
    "minimum": "lebar minimum",
}


def _placeholders(text: str) -> str:
    text = re.sub(r"(?<!\{)\{(\w+)\}(?!\})", lambda m: f"‹{PLACEHOLDERS[m[1]]}›", text)
    return text.replace("{{", "{").replace("}}", "}")


def messages_table() -> str:
    rows = ["| Kode | Jenis | Pesan | Perbaikan |", "|---|---|---|---|"]
    for code, (severity, message, hint) in CATALOGUE.items():
        kind = "GALAT (build berhenti)" if severity == ERROR else "PERINGATAN"
        hint = _placeholders(hint)
        rows.append(
            f"| `{code}` | {kind} | {_placeholders(message)} | "
            f"{hint[:1].upper() + hint[1:]} |"
        )
    return "\n".join(rows)


def generated(name: str) -> str:
    if name == "daftar-kabupaten":
        return regency_table(load_registry())
    return messages_table()


def updated(text: str) -> str:
    for name in SECTIONS:
        pattern = re.compile(
            rf"(<!-- {name}:mulai -->\n)(?:.*?\n)?(<!-- {name}:selesai -->)", re.DOTALL
        )
        if not pattern.search(text):
            raise ValueError(f"{GUIDE}: markers for {name} are missing")
        text = pattern.sub(
            lambda m, n=name: m.group(1) + generated(n) + "\n" + m.group(2), text
        )
    return text


if __name__ == "__main__":
    current = GUIDE.read_text(encoding="utf-8")
    GUIDE.write_text(updated(current), encoding="utf-8")
    sys.stdout.write(f"{GUIDE}\n")
