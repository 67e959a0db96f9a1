"""Growth, share, plan share and threshold phrases, and the qualifiers that hedge a figure."""

import re
import unicodedata
from decimal import Decimal

from vietnamese.errors import ParseError
from vietnamese.numbers import parse_number

# Loose on purpose: the numeral itself is validated by parse_number.
_PERCENT = r"(?P<number>[0-9][0-9.,]*)\s*%"


def _pattern(body: str) -> re.Pattern[str]:
    """Compile a phrase pattern: a space in `body` stands for any run of whitespace."""
    return re.compile(body.replace(" ", r"\s+"), re.IGNORECASE)


def _normalise(text: str) -> str:
    return unicodedata.normalize("NFC", text).strip()


_GROWTH = _pattern(r"(?P<verb>tăng|giảm) " + _PERCENT)
# "chiếm 13,3%", "chiếm tỷ trọng 7,97%", "chiếm hơn 25%", and right after a figure "hơn 40%" (of a total
# named after it: "…, hơn 40% dân số cả nước"). A bound word keeps its number: the phrase says the rest.
_SHARE_BOUND = r"(?:hơn|gần|khoảng|trên|xấp xỉ|gần bằng) "
_SHARE = _pattern(r"(?:chiếm (?:t[ỷỉ] trọng )?(?:" + _SHARE_BOUND + r")?|" + _SHARE_BOUND + r")" + _PERCENT)
# "đạt 74% kế hoạch", "bằng 48,2% kế hoạch năm", "đạt 96% so với kế hoạch năm 2024".
_PLAN_SHARE = _pattern(r"(?:đạt|bằng) " + _PERCENT + r" (?:so với )?kế hoạch(?: năm(?: [0-9]{4})?)?")
_POSITIVE = _pattern(r"tăng trưởng dương")
_AT_LEAST = _pattern(r"từ " + _PERCENT + r" trở lên")
_ABOVE = _pattern(r"trên " + _PERCENT)
# "cao hơn mức tăng của cả nước (tăng 9%)", "cao hơn bình quân cả nước (7,4%)": the reference's growth.
_ABOVE_REFERENCE = _pattern(r"cao hơn [^()]*?\S\s*\(\s*(?:tăng )?" + _PERCENT + r"\s*\)")


def parse_growth(text: str) -> Decimal:
    """Year-on-year change in percent: "tăng 12,3%" -> 12.3, "giảm 2,5%" -> -2.5."""
    match = _GROWTH.fullmatch(_normalise(text))
    if match is None:
        raise ParseError(f"{text!r} is not a growth phrase ('tăng X%' or 'giảm X%')")
    value = _percent(match, text)
    return -value if match["verb"].lower() == "giảm" and value else value


def parse_share(text: str) -> Decimal:
    """Share of a total in percent: "chiếm 13,3%", "chiếm tỷ trọng 7,97%"; "chiếm hơn 25%" and "gần 47%"
    (a bound) give the number they are bound by."""
    if match := _SHARE.fullmatch(_normalise(text)):
        return _percent(match, text)
    raise ParseError(f"{text!r} is not a share phrase ('chiếm X%', 'chiếm tỷ trọng X%', 'chiếm hơn X%', 'gần X%')")


def parse_plan_share(text: str) -> Decimal:
    """Share of the plan in percent: "đạt 74% kế hoạch", "bằng 48,2% kế hoạch năm" -> 48.2.

    A plan is a target, not a total: a figure's plan share is never checked against another figure.
    """
    if match := _PLAN_SHARE.fullmatch(_normalise(text)):
        return _percent(match, text)
    raise ParseError(
        f"{text!r} is not a plan share phrase ('đạt X% kế hoạch', 'bằng X% kế hoạch năm', "
        "'đạt X% so với kế hoạch năm YYYY')"
    )


def parse_threshold(text: str) -> tuple[str, Decimal]:
    """Growth threshold of a count-of-provinces statement, as (operator, percent)."""
    normalised = _normalise(text)
    if _POSITIVE.fullmatch(normalised):
        return (">", Decimal(0))
    for pattern, operator in ((_AT_LEAST, "≥"), (_ABOVE, ">"), (_ABOVE_REFERENCE, ">")):
        if match := pattern.fullmatch(normalised):
            return (operator, _percent(match, text))
    raise ParseError(
        f"{text!r} is not a growth threshold ('tăng trưởng dương', 'từ X% trở lên', "
        "'trên X%' or 'cao hơn ... (tăng X%)' / 'cao hơn ... (X%)')"
    )


def _percent(match: re.Match[str], text: str) -> Decimal:
    number = match["number"]
    try:
        return parse_number(number)
    except ParseError:
        raise ParseError(f"{text!r}: {number!r} is not a Vietnamese numeral") from None


QUALIFIERS = frozenset({"estimate", "forecast", "lower_bound", "approximate", "actual"})

# A clause ends at , ; : ( . or a spaced dash, but not at a "." or "," between
# digits, which belongs to a numeral ("1.404", "10,73").
_CLAUSE_BREAK = re.compile(r"(?<![0-9])[.,]|[.,](?![0-9])|[;:(]|\s[–—]\s")

# Markers anywhere in the clause, as whole words ("ước" but not "trước", "nước").
_CLAUSE_MARKERS = (
    (_pattern(r"(?<!\w)ước(?!\w)"), "estimate"),
    (_pattern(r"(?<!\w)dự kiến(?!\w)"), "forecast"),
)
# Markers that only count as the last word before the number.
_FINAL_MARKERS = (
    (_pattern(r"(?<!\w)(?:hơn|trên)\s*\Z"), "lower_bound"),
    (_pattern(r"(?<!\w)(?:khoảng|gần|xấp xỉ)\s*\Z"), "approximate"),
)


def detect_qualifiers(text_before_amount: str) -> frozenset[str]:
    """Qualifier codes carried by the clause that ends right before a number.

    Only the number's own clause counts, so "ước đạt X, trong đó Hải Phòng đạt Y"
    marks X as an estimate and Y as actual. Without any marker the figure is
    "actual".
    """
    text = unicodedata.normalize("NFC", text_before_amount)
    breaks = list(_CLAUSE_BREAK.finditer(text))
    clause = text[breaks[-1].end() :] if breaks else text
    found = {code for pattern, code in _CLAUSE_MARKERS + _FINAL_MARKERS if pattern.search(clause)}
    return frozenset(found or {"actual"})
