"""The amounts a sentence states: a numeral followed by a unit the parsers know, and the phrases that
go with it (growth "tăng 12,3%", share "chiếm 13,3%" or "hơn 40% dân số cả nước", plan share "đạt 74%
kế hoạch năm", growth threshold "từ 10% trở lên").

The unit words are those of ``vietnamese.numbers`` (every multiplier with every measure
unit, "%", and the count nouns), so a unit the parsers learn is found here too. Every amount is read
by ``parse_quantity``; one it refuses is reported with the parser's reason, never guessed.
"""

import re
from dataclasses import dataclass

from vietnamese.errors import ParseError
from vietnamese.numbers import COUNT_NOUNS, MEASURE_UNITS, MULTIPLIED_UNITS, MULTIPLIERS, Quantity, parse_quantity
from vietnamese.phrases import parse_growth, parse_plan_share, parse_share, parse_threshold

_NUMERAL = r"\d+(?:[.,]\d+)*"


def _alternation(phrases) -> str:
    ordered = sorted(set(phrases), key=len, reverse=True)
    return "|".join(re.escape(phrase).replace(r"\ ", r"\s+") for phrase in ordered)


_UNIT_WORDS = [f"{multiplier} {unit}" for multiplier in MULTIPLIERS for unit in [*MEASURE_UNITS, *MULTIPLIED_UNITS]]
_UNIT_WORDS += list(MEASURE_UNITS) + list(COUNT_NOUNS)
# A numeral (or "25/28") then either "%" or a space and unit words ending a word. A multiplier
# without a unit ("2 tỷ") is caught too, so that it is reported rather than silently skipped.
AMOUNT = re.compile(
    rf"(?<![\w.,/]){_NUMERAL}(?:/{_NUMERAL})?(?![\w/])"
    rf"(?:\s*%|\s+(?:{_alternation(_UNIT_WORDS)}|{_alternation(MULTIPLIERS)})(?!\w))",
    re.IGNORECASE,
)
_PERCENT = r"\d[\d.,]*\s*%"
GROWTH = re.compile(rf"(?<!\w)(?:tăng|giảm)\s+{_PERCENT}", re.IGNORECASE)
# A growth hedged between its verb and its number ("tăng khoảng 8,9%", "tăng bình quân 9,8%"): a growth
# rate all the same, but its sign word is not beside the number.
HEDGED_GROWTH = re.compile(
    rf"(?<!\w)(?:tăng|giảm)\s+(?:khoảng|gần|hơn|xấp\s+xỉ|bình\s+quân|trung\s+bình)\s+{_PERCENT}", re.IGNORECASE
)
SHARE_BOUND = re.compile(r"(?<!\w)(?:hơn|gần(?:\s+bằng)?|khoảng|trên|xấp\s+xỉ)\s", re.IGNORECASE)
_BOUND = r"(?:hơn|gần(?:\s+bằng)?|khoảng|trên|xấp\s+xỉ)\s+"
SHARES = (
    re.compile(rf"(?<!\w)chiếm\s+(?:t[ỷỉ]\s+trọng\s+)?(?:{_BOUND})?{_PERCENT}", re.IGNORECASE),
    # Right after a figure, a bound and the total it is a share of: "…, hơn 40% dân số cả nước", "gần 47%
    # tổng mức bán lẻ hàng hóa của cả nước".
    re.compile(
        rf"(?<!\w)(?<!tăng\s)(?<!giảm\s){_BOUND}{_PERCENT}(?=\s+(?:dân\s+số|tổng|số|kim\s+ngạch|giá\s+trị|diện\s+tích"
        r"|sản\s+lượng)(?!\w)(?:\s+[^\W\d]+){0,6}?\s+(?:của\s+)?(?:cả\s+nước|toàn\s+quốc|khu\s+vực|toàn\s+vùng|vùng)(?!\w))",
        re.IGNORECASE,
    ),
)
PLAN_SHARES = (
    re.compile(
        rf"(?<!\w)(?:đạt|bằng)\s+{_PERCENT}\s+(?:so\s+với\s+)?kế\s+hoạch(?:\s+năm(?:\s+\d{{4}})?)?(?!\w)",
        re.IGNORECASE,
    ),
)
THRESHOLDS = (
    re.compile(r"(?<!\w)tăng\s+trưởng\s+dương(?!\w)", re.IGNORECASE),
    re.compile(rf"(?<!\w)từ\s+{_PERCENT}\s+trở\s+lên(?!\w)", re.IGNORECASE),
    re.compile(rf"(?<!\w)trên\s+{_PERCENT}", re.IGNORECASE),
    re.compile(rf"(?<!\w)cao\s+hơn\s[^();.]*?\S\s*\(\s*(?:tăng\s+)?{_PERCENT}\s*\)", re.IGNORECASE),
)
# The last threshold states the reference's own growth, which is a figure of its own.
REFERENCE_THRESHOLD = THRESHOLDS[-1]


@dataclass(frozen=True)
class Amount:
    start: int  # offset in the sentence
    end: int
    written: str
    quantity: Quantity | None
    error: str = ""

    @property
    def is_percent(self) -> bool:
        return self.quantity is not None and self.quantity.unit == "percent"


@dataclass(frozen=True)
class Phrase:
    start: int
    end: int
    written: str
    value: object  # Decimal, or (comparator, Decimal) for a threshold


def find_amounts(sentence: str) -> list[Amount]:
    """Every numeral with a unit in ``sentence``, parsed; a refused one carries the parser's reason."""
    amounts = []
    for match in AMOUNT.finditer(sentence):
        written = match.group()
        try:
            amounts.append(Amount(match.start(), match.end(), written, parse_quantity(written)))
        except ParseError as exc:
            amounts.append(Amount(match.start(), match.end(), written, None, str(exc)))
    return amounts


def first_phrase(text: str, offset: int, patterns, parse) -> Phrase | None:
    """The earliest phrase of ``patterns`` in ``text`` that ``parse`` reads; offsets shifted by ``offset``."""
    best = None
    for pattern in patterns:
        for match in pattern.finditer(text):
            try:
                value = parse(match.group())
            except ParseError:
                continue
            if best is None or match.start() < best.start - offset:
                best = Phrase(offset + match.start(), offset + match.end(), match.group(), value)
            break
    return best


def growth_in(text: str, offset: int = 0) -> Phrase | None:
    return first_phrase(text, offset, (GROWTH,), parse_growth)


def share_in(text: str, offset: int = 0) -> Phrase | None:
    return first_phrase(text, offset, SHARES, parse_share)


def plan_share_in(text: str, offset: int = 0) -> Phrase | None:
    return first_phrase(text, offset, PLAN_SHARES, parse_plan_share)


def own_phrase(phrase: Phrase | None, span: str, offset: int, other_measure) -> Phrase | None:
    """``phrase`` if it still speaks of the amount: no other measure is named between them
    ("đạt 10 tỷ USD, trong khi nhập khẩu tăng 5%": the 5% is the imports')."""
    if phrase is None or other_measure(span[: phrase.start - offset]):
        return None
    return phrase


def threshold_in(text: str, offset: int = 0) -> Phrase | None:
    return first_phrase(text, offset, THRESHOLDS, parse_threshold)


def multiplier_exponent(quantity: Quantity) -> int:
    """The power of ten of the unit words ("nghìn tỷ đồng" -> 12), for the curators' compact value."""
    key = " ".join(quantity.unit_as_written.lower().split())
    for phrase, exponent in sorted(MULTIPLIERS.items(), key=lambda item: -len(item[0])):
        if key.startswith(phrase + " "):
            return exponent
    return 0


def compact_value(quantity: Quantity) -> str:
    """The value as curators write it: the numeral as written, times a power of ten ("1404e12")."""
    numeral = quantity.number_as_written.split("/")[0].replace(".", "").replace(",", ".")
    exponent = multiplier_exponent(quantity)
    return f"{numeral}e{exponent}" if exponent else numeral
