"""Officials' titles and organisers in English, from a glossary of whole phrases.

The glossary (``fixtures/reference/glossary-vi-en.csv``) maps a phrase as the sources write it to
its English rendering. ``{place}`` stands for a place's name, which is kept as written: "Phó Chủ
tịch UBND tỉnh {place}" renders "Phó Chủ tịch UBND tỉnh Thanh Hóa" as "Vice Chair of the Thanh Hóa
Provincial People's Committee". A phrase matches whole, ignoring case and runs of spaces (sources
write "Công thương" and "Công Thương"); a phrase the glossary does not hold has no English rendering,
and the pages keep it in Vietnamese. Whole phrases, not words: word-by-word substitution would give
the Vietnamese word order in English words.
"""

import csv
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

PLACE = "{place}"


def _normal(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


@dataclass(frozen=True)
class Glossary:
    entries: tuple[tuple[re.Pattern, str], ...]

    @classmethod
    def from_rows(cls, rows) -> "Glossary":
        """``rows``: (Vietnamese phrase, English rendering) pairs, each at most one ``{place}``."""
        entries = []
        for vietnamese, english in rows:
            before, found, after = _normal(vietnamese).partition(PLACE)
            pattern = re.escape(before) + ("(?P<place>.+?)" + re.escape(after) if found else "")
            entries.append((re.compile(pattern, re.IGNORECASE), english.strip()))
        return cls(tuple(entries))

    @classmethod
    def read(cls, path: Path) -> "Glossary":
        with path.open(encoding="utf-8", newline="") as file:
            return cls.from_rows((row["vietnamese"], row["english"]) for row in csv.DictReader(file))

    def english(self, text: str) -> str | None:
        """The English rendering of ``text``, or None when the glossary does not hold its phrase."""
        text = _normal(text or "")
        for pattern, english in self.entries:
            match = pattern.fullmatch(text)
            if match:
                return english.replace(PLACE, match.groupdict().get("place") or "")
        return None
