"""Find regencies named in a release's text, to warn when ``Regencies:`` lacks one.

Spellings are matched whole-word and case-sensitively (proper nouns), the
longest first, without overlaps: "Banjar Baru" is Banjarbaru, never Banjar
followed by a stray word, and "Banjarmasin" never contains Banjar.
"""

import re

from .registry import RegencyInfo, Registry


class MentionFinder:
    def __init__(self, registry: Registry):
        self._by_spelling: dict[str, RegencyInfo] = {}
        for info in registry.regencies:
            for spelling in (info.official_name, info.name, *info.aliases, info.seat):
                if spelling:
                    self._by_spelling.setdefault(spelling, info)
        ordered = sorted(self._by_spelling, key=len, reverse=True)
        # The leading class of first letters lets the regex engine skip most
        # positions before trying the lookbehind and every alternative: it
        # halves the time per release and matches the same spans.
        firsts = "".join(sorted({re.escape(s[0]) for s in ordered}))
        self._pattern = re.compile(
            rf"(?=[{firsts}])(?<!\w)("
            + "|".join(re.escape(s) for s in ordered)
            + r")(?!\w)"
        )

    def find(self, text: str) -> list[tuple[str, RegencyInfo]]:
        """``(spelling, regency)`` for the first mention of each regency, in order."""
        found: dict[str, tuple[str, RegencyInfo]] = {}
        for match in self._pattern.finditer(text):
            info = self._by_spelling[match.group(1)]
            found.setdefault(info.slug, (match.group(1), info))
        return list(found.values())
