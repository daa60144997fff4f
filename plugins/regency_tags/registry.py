"""The list of regencies (kabupaten/kota), loaded from one TOML data file."""

import tomllib
from dataclasses import dataclass
from pathlib import Path

DEFAULT_REGISTRY = Path(__file__).parent / "data" / "kalimantan-selatan.toml"
REQUIRED_FIELDS = ("code", "kind", "official_name", "name", "slug")


@dataclass(frozen=True)
class RegencyInfo:
    """One kabupaten or kota as the registry states it."""

    code: str
    kind: str  # "kabupaten" or "kota"
    kind_label: str  # "Kabupaten" or "Kota", as shown to readers
    official_name: str
    name: str
    slug: str
    seat: str
    aliases: tuple[str, ...]
    prefixes: tuple[str, ...]  # e.g. ("Kabupaten", "Kab.", "Kab")
    province: str = ""


@dataclass(frozen=True)
class Registry:
    province: str
    regencies: tuple[RegencyInfo, ...]

    def by_slug(self, slug: str) -> RegencyInfo:
        for info in self.regencies:
            if info.slug == slug:
                return info
        raise KeyError(slug)


def load_registry(path: str | Path = DEFAULT_REGISTRY) -> Registry:
    """Read and check a registry file; a broken file raises ``ValueError``."""
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise ValueError(f"REGENCY_REGISTRY {path}: cannot be read: {error}") from error

    prefixes = data.get("prefixes", {})
    kinds = data.get("kinds", {})
    regencies = []
    for number, entry in enumerate(data.get("regency", []), start=1):
        missing = [f for f in REQUIRED_FIELDS if not entry.get(f)]
        if missing:
            raise ValueError(
                f"REGENCY_REGISTRY {path}: regency #{number} lacks {', '.join(missing)}"
            )
        kind = entry["kind"]
        if kind not in kinds:
            raise ValueError(
                f"REGENCY_REGISTRY {path}: regency {entry['name']!r} has kind "
                f"{kind!r}; declare it under [kinds] ({', '.join(kinds) or 'none'})"
            )
        regencies.append(
            RegencyInfo(
                code=entry["code"],
                kind=kind,
                kind_label=kinds[kind],
                official_name=entry["official_name"],
                name=entry["name"],
                slug=entry["slug"],
                seat=entry.get("seat", ""),
                aliases=tuple(entry.get("aliases", ())),
                prefixes=tuple(prefixes.get(kind, ())),
                province=data.get("province", ""),
            )
        )
    if not regencies:
        raise ValueError(f"REGENCY_REGISTRY {path}: no [[regency]] entries")
    for field in ("code", "slug", "name"):
        values = [getattr(r, field) for r in regencies]
        duplicates = sorted({v for v in values if values.count(v) > 1})
        if duplicates:
            raise ValueError(
                f"REGENCY_REGISTRY {path}: duplicate {field}: {', '.join(duplicates)}"
            )
    return Registry(province=data.get("province", ""), regencies=tuple(regencies))
