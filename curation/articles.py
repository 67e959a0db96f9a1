"""The captured article texts, and where a quote sits in them."""

import hashlib
import unicodedata
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path


def plain_spaces(text: str) -> str:
    """Every Unicode space (no-break, thin…) as an ordinary space, one for one.

    Captured pages carry no-break spaces that a curator cannot see or type; quotes are compared with
    them as ordinary spaces. Replacing one character by one keeps offsets and line numbers intact.
    """
    return "".join(" " if unicodedata.category(ch) == "Zs" else ch for ch in text)


@dataclass(frozen=True)
class Article:
    path: Path
    raw: str

    @classmethod
    def read(cls, path: Path) -> "Article":
        return cls(path=path, raw=path.read_text(encoding="utf-8"))

    @cached_property
    def text(self) -> str:
        return plain_spaces(self.raw)

    @property
    def name(self) -> str:
        return self.path.name

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.raw.encode("utf-8")).hexdigest()

    @property
    def is_nfc(self) -> bool:
        return unicodedata.is_normalized("NFC", self.raw)

    def spans(self, excerpt: str) -> list[tuple[int, int]]:
        """Every (start, end) at which ``excerpt`` occurs verbatim."""
        found = []
        start = self.text.find(excerpt)
        while excerpt and start != -1:
            found.append((start, start + len(excerpt)))
            start = self.text.find(excerpt, start + 1)
        return found

    def line_of(self, excerpt: str) -> int | None:
        """The 1-based line of the first verbatim occurrence, or None when the excerpt is absent."""
        spans = self.spans(excerpt)
        if not spans:
            return None
        return self.text.count("\n", 0, spans[0][0]) + 1
