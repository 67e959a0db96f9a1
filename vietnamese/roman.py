"""Roman numerals, as used for conference session numbers ("lần thứ X")."""

import re
import unicodedata

from vietnamese.errors import ParseError

_VALUES = (
    (1000, "M"),
    (900, "CM"),
    (500, "D"),
    (400, "CD"),
    (100, "C"),
    (90, "XC"),
    (50, "L"),
    (40, "XL"),
    (10, "X"),
    (9, "IX"),
    (5, "V"),
    (4, "IV"),
    (1, "I"),
)
_LETTER_VALUES = {letter: value for value, letter in _VALUES if len(letter) == 1}

# Canonical forms only: each decimal digit written with its standard pattern.
_CANONICAL = re.compile(r"M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})")

_SESSION = re.compile(r"(?:lần\s+(?:thứ\s+)?)?(\S+)", re.IGNORECASE)
_DECIMAL = re.compile(r"[1-9][0-9]*")

MAX_ROMAN = 3999


def to_roman(n: int) -> str:
    """Write 1..3999 in canonical Roman numerals (IV, IX, XL, XC, CD, CM)."""
    if not isinstance(n, int) or isinstance(n, bool):
        raise TypeError(f"to_roman expects an int, got {n!r}")
    if not 1 <= n <= MAX_ROMAN:
        raise ValueError(f"{n!r} is outside 1..{MAX_ROMAN} and has no Roman numeral")
    parts = []
    for value, letters in _VALUES:
        count, n = divmod(n, value)
        parts.append(letters * count)
    return "".join(parts)


def from_roman(text: str) -> int:
    """Read a canonical Roman numeral, either case; "IIII" or "VX" are rejected."""
    # Check ASCII first: str.upper() maps some non-ASCII letters (e.g. dotless "ı") to "I".
    if not text.isascii() or not text or not _CANONICAL.fullmatch(text.upper()):
        raise ParseError(f"{text!r} is not a canonical Roman numeral")
    letters = text.upper()
    total = 0
    for letter, following in zip(letters, letters[1:] + " ", strict=True):
        value = _LETTER_VALUES[letter]
        total += -value if value < _LETTER_VALUES.get(following, 0) else value
    return total


def parse_session(text: str) -> int:
    """Read a session number: "10", "X", "lần thứ X", "Lần thứ 11", "lần 11"."""
    match = _SESSION.fullmatch(unicodedata.normalize("NFC", text).strip())
    if match is None:
        raise ParseError(f"{text!r} is not a session number")
    number = match.group(1)
    if _DECIMAL.fullmatch(number):
        value = int(number)
        if value > MAX_ROMAN:
            raise ParseError(f"{text!r}: session number above {MAX_ROMAN}")
        return value
    try:
        return from_roman(number)
    except ParseError:
        raise ParseError(
            f"{text!r}: expected a session number in digits (no leading zero) or canonical Roman numerals"
        ) from None
