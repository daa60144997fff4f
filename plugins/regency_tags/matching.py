"""Match what an editor wrote in ``Regencies:`` to registry entries.

Matching is an exact lookup of a normalised key, never a substring search:
``Banjar`` can only ever be Kabupaten Banjar, and ``Kota Baru`` is looked up
whole (it is an alias of Kotabaru), never split into a prefix and a name.
"""

import difflib
import re
import unicodedata

from .registry import RegencyInfo, Registry

_NOT_WORD = re.compile(r"[\W_]+")


def normalise(text: str) -> str:
    """Case-fold, turn punctuation into spaces, collapse spaces."""
    text = unicodedata.normalize("NFKC", text).casefold()
    return " ".join(_NOT_WORD.sub(" ", text).split())


def compact(text: str) -> str:
    """``normalise`` without spaces: ``Tanah  Bumbu`` == ``tanahbumbu``."""
    return normalise(text).replace(" ", "")


def split_values(raw) -> list[str]:
    """The comma-separated values of a ``Regencies:`` line, blanks dropped."""
    if raw is None:
        return []
    if isinstance(raw, list | tuple):
        raw = ",".join(str(item) for item in raw)
    return [value.strip() for value in str(raw).split(",") if value.strip()]


class RegencyMatcher:
    """Looks up regencies by any accepted spelling; suggests close names."""

    def __init__(self, registry: Registry):
        self.registry = registry
        self._by_key: dict[str, RegencyInfo] = {}
        self._spellings: dict[str, RegencyInfo] = {}  # normalised, with spaces
        self._by_seat: dict[str, RegencyInfo] = {}
        for info in registry.regencies:
            for spelling in self._spellings_of(info):
                self._add(spelling, info)
            if info.seat:
                self._by_seat[compact(info.seat)] = info

    @staticmethod
    def _spellings_of(info: RegencyInfo):
        bases = [info.name, info.slug, *info.aliases]
        yield info.official_name
        for base in bases:
            yield base
            for prefix in info.prefixes:
                yield f"{prefix} {base}"

    def _add(self, spelling: str, info: RegencyInfo) -> None:
        key = compact(spelling)
        other = self._by_key.get(key)
        if other is not None and other is not info:
            raise ValueError(
                f"REGENCY_REGISTRY: {spelling!r} would name both "
                f"{other.official_name} and {info.official_name}"
            )
        self._by_key[key] = info
        self._spellings.setdefault(normalise(spelling), info)

    def match(self, value: str) -> RegencyInfo | None:
        return self._by_key.get(compact(value))

    def match_all(self, raw) -> tuple[list[RegencyInfo], list[str]]:
        """Known regencies in the editor's order without repeats, and unknown values."""
        found: list[RegencyInfo] = []
        unknown: list[str] = []
        for value in split_values(raw):
            info = self.match(value)
            if info is None:
                if value not in unknown:
                    unknown.append(value)
            elif info not in found:
                found.append(info)
        return found, unknown

    def suggest(self, value: str, limit: int = 3) -> list[RegencyInfo]:
        """Regencies whose spellings are close to ``value`` (best first)."""
        suggestions: list[RegencyInfo] = []
        seat = self._by_seat.get(compact(value))
        if seat is not None:
            suggestions.append(seat)
        close = difflib.get_close_matches(
            normalise(value), list(self._spellings), n=limit * 4, cutoff=0.75
        )
        for spelling in close:
            info = self._spellings[spelling]
            if info not in suggestions:
                suggestions.append(info)
        return suggestions[:limit]
