"""Vietnamese numerals and quantities ("1.404 nghìn tỷ đồng", "25/28 địa phương", "giảm 3,7%").

People are counted two ways. A bare "người" is a count noun ("500 người": a count, like
"doanh nghiệp"). A population is measured in ``person``: "dân" and "người dân" always, and
"người" after a multiplier ("5,2 triệu người", "1,3 triệu dân"), which is how a population is
written.
"""

import dataclasses
import re
import unicodedata
from decimal import Decimal

from vietnamese.errors import ParseError

# "." groups thousands and "," marks decimals. A grouped numeral starts with a
# 1-3 digit group; an ungrouped one is any digit run. Neither may have a
# leading zero, except a lone "0" (as in "0" or "0,5").
_NUMBER = re.compile(r"(?:0|[1-9][0-9]{0,2}(?:\.[0-9]{3})+|[1-9][0-9]*)(?:,[0-9]+)?")

# Greedy enough to swallow any malformed numeral whole, so that it is reported
# as a bad number rather than as an unknown unit.
_NUMBER_TOKEN = re.compile(r"[0-9][0-9.,]*(?:/[0-9.,]*)?")

_BIG_WORDS = {"tỷ": 9, "tỉ": 9}
_SMALL_WORDS = {"nghìn": 3, "ngàn": 3, "triệu": 6}

# Multiplier phrases as Vietnamese writes them (largest word last), mapped to
# powers of ten. Only these exact phrases are accepted.
MULTIPLIERS: dict[str, int] = {
    **_SMALL_WORDS,
    **_BIG_WORDS,
    **{
        f"{small} {big}": small_exp + big_exp
        for small, small_exp in _SMALL_WORDS.items()
        for big, big_exp in _BIG_WORDS.items()
    },
}

# Unit words (compared case-insensitively) mapped to base unit codes.
MEASURE_UNITS: dict[str, str] = {
    "đồng": "VND",
    "vnd": "VND",
    "vnđ": "VND",
    "usd": "USD",
    "đô la mỹ": "USD",
    "ha": "ha",
    "héc ta": "ha",
    "hecta": "ha",
    "km2": "km2",
    "km²": "km2",
    "m3": "m3",
    "m³": "m3",
    "tấn": "tonne",
    "kwh": "kWh",
    "dân": "person",
    "người dân": "person",
}

# Unit words that are a measure only after a multiplier: "5,2 triệu người" is a population, while a
# bare "500 người" stays a count (see COUNT_NOUNS).
MULTIPLIED_UNITS: dict[str, str] = {"người": "person"}

# Words before a quantity that give it a sign, longest first (NFC, lower case; any run of whitespace
# between the words). A growth rate that is a decline, or a trade deficit, is negative.
SIGN_WORDS: dict[str, int] = {"xuất siêu": 1, "nhập siêu": -1, "tăng": 1, "giảm": -1}
# The sign words that state a trade balance (surplus or deficit) rather than a change.
BALANCE_WORDS = frozenset({"xuất siêu", "nhập siêu"})
_SIGN_WORD = re.compile(
    r"(?P<word>" + "|".join(word.replace(" ", r"\s+") for word in SIGN_WORDS) + r")(?P<space>\s+)",
    re.IGNORECASE,
)

PERCENT = "percent"
COUNT = "count"

# Every base unit a quantity can come out in: the units an indicator may be counted in.
BASE_UNITS: frozenset[str] = frozenset({*MEASURE_UNITS.values(), *MULTIPLIED_UNITS.values(), PERCENT, COUNT})

# Nouns that make a figure a plain count. Extend this tuple to accept more.
COUNT_NOUNS: tuple[str, ...] = (
    "địa phương",
    "tỉnh",
    "tỉnh, thành phố",
    "tỉnh, thành",
    "tỉnh thành",
    "thành phố",
    "cụm công nghiệp",
    "khu công nghiệp",
    "chợ",
    "siêu thị",
    "trung tâm thương mại",
    "cửa hàng tiện lợi",
    "dự án",
    "lao động",
    "doanh nghiệp",
    "người",
)


@dataclasses.dataclass(frozen=True)
class Quantity:
    value: Decimal  # in the base unit
    unit: str  # base unit code
    unit_as_written: str  # the unit words exactly as in the text, e.g. "nghìn tỷ đồng"
    number_as_written: str  # e.g. "1.404", or "25/28" for a count with a denominator
    denominator: int | None = None
    sign_as_written: str = ""  # the sign word as written ("giảm", "nhập siêu"), "" when there is none


def parse_number(text: str) -> Decimal:
    """Parse a Vietnamese numeral ("1.056,8" -> 1056.8) exactly, without a sign."""
    if not _NUMBER.fullmatch(text):
        raise ParseError(
            f"{text!r} is not a Vietnamese numeral (expected digits with '.' between "
            "3-digit thousand groups and an optional ',' decimal part, no sign, "
            "no leading zero, no surrounding spaces)"
        )
    return Decimal(text.replace(".", "").replace(",", "."))


def parse_quantity(text: str) -> Quantity:
    """Parse a number followed by its unit; the whole text must be consumed."""
    stripped = text.strip()
    token = _NUMBER_TOKEN.match(stripped)
    if token is None:
        raise ParseError(f"{text!r} does not start with a number")
    number_as_written = token.group()
    numerator_text, slash, denominator_text = number_as_written.partition("/")
    try:
        number = parse_number(numerator_text)
    except ParseError as error:
        raise ParseError(f"in {text!r}: {error}") from None

    rest = stripped[token.end() :]
    unit_as_written = rest.strip()
    if not unit_as_written:
        raise ParseError(f"{text!r} has no unit after the number")
    if rest[0] != "%" and not rest[0].isspace():
        raise ParseError(f"{text!r} needs a space between the number and the unit")

    key = _unit_key(unit_as_written)
    if key == "%":
        unit, exponent = PERCENT, 0
    elif key in COUNT_NOUNS:
        unit, exponent = COUNT, 0
    else:
        unit, exponent = _measure_unit(key, text)

    if unit == COUNT and "," in numerator_text:
        raise ParseError(f"{text!r}: a count must be a whole number")
    denominator = None
    if slash:
        if unit != COUNT:
            raise ParseError(f"{text!r}: only a count can be written as a fraction")
        denominator = _count_denominator(number, denominator_text, text)

    return Quantity(
        value=_scale(number, exponent),
        unit=unit,
        unit_as_written=unit_as_written,
        number_as_written=number_as_written,
        denominator=denominator,
    )


def parse_signed_quantity(text: str) -> Quantity:
    """A quantity, optionally after a sign word: "giảm 3,7%" -> -3.7 percent, "nhập siêu 1,2 tỷ USD"
    -> -1.2e9 USD, "xuất siêu 2,5 tỷ USD" -> 2.5e9 USD, "tăng 8,1%" -> 8.1 percent.

    Without a sign word it reads exactly as ``parse_quantity``, so a stored ``value_as_written`` of
    either form goes through this one function. A decline of zero is 0, never -0.
    """
    stripped = unicodedata.normalize("NFC", text).strip()
    match = _SIGN_WORD.match(stripped)
    if match is None:
        return parse_quantity(text)
    try:
        quantity = parse_quantity(stripped[match.end() :])
    except ParseError as error:
        raise ParseError(f"in {text!r}: {error}") from None
    word = match["word"]
    negative = SIGN_WORDS[" ".join(word.lower().split())] < 0
    return dataclasses.replace(
        quantity,
        value=-quantity.value if negative and quantity.value else quantity.value,
        sign_as_written=word,
    )


def parse_written_value(value_as_written: str, unit_as_written: str = "") -> Quantity:
    """A figure's value as its source writes it, whose unit may stand apart from its number.

    A table-like line writes its unit once, in a header ("(tỷ đồng, so cùng kỳ): Nghệ An 2.140, giảm
    3,1%; …"), so a cell's ``value_as_written`` is a bare number ("2.140", "giảm 3,1"): it is read
    with ``unit_as_written`` (the header's "tỷ đồng") after it. A value written with its own unit reads
    as ``parse_signed_quantity`` and ignores ``unit_as_written``, which then only records its words.
    """
    if unit_as_written and is_bare_number(value_as_written):
        return parse_signed_quantity(f"{value_as_written.strip()} {unit_as_written.strip()}")
    return parse_signed_quantity(value_as_written)


def is_bare_number(text: str) -> bool:
    """Whether ``text`` is a numeral with no unit after it, optionally after a sign word ("giảm 3,1")."""
    stripped = unicodedata.normalize("NFC", text).strip()
    if match := _SIGN_WORD.match(stripped):
        stripped = stripped[match.end() :]
    token = _NUMBER_TOKEN.match(stripped)
    return token is not None and token.end() == len(stripped)


def _unit_key(unit_as_written: str) -> str:
    """Normalise unit words for lookup: NFC, lower case, single spaces."""
    return " ".join(unicodedata.normalize("NFC", unit_as_written).lower().split())


def _measure_unit(key: str, text: str) -> tuple[str, int]:
    """Split "nghìn tỷ đồng" into its base unit code and power of ten."""
    if key in MEASURE_UNITS:
        return MEASURE_UNITS[key], 0
    for phrase, exponent in MULTIPLIERS.items():
        prefix = phrase + " "
        base = key[len(prefix) :] if key.startswith(prefix) else None
        if base in MEASURE_UNITS:
            return MEASURE_UNITS[base], exponent
        if base in MULTIPLIED_UNITS:
            return MULTIPLIED_UNITS[base], exponent
    for phrase in MULTIPLIERS:
        base = key.removeprefix(phrase + " ")
        if base == "%" or base in COUNT_NOUNS:
            raise ParseError(f"{text!r}: a percentage or a count takes no multiplier")
    if key in MULTIPLIERS:
        raise ParseError(f"{text!r}: the multiplier {key!r} has no unit after it")
    raise ParseError(f"{text!r}: unknown unit {key!r}")


def _count_denominator(numerator: Decimal, denominator_text: str, text: str) -> int:
    """The N of "25/N địa phương": a whole number, positive, not below the numerator."""
    if "," in denominator_text or not _NUMBER.fullmatch(denominator_text):
        raise ParseError(f"{text!r}: the denominator of a count must be a whole number")
    denominator = int(parse_number(denominator_text))
    if denominator == 0 or denominator < numerator:
        raise ParseError(f"{text!r}: the denominator must be positive and at least the numerator")
    return denominator


def _scale(number: Decimal, exponent: int) -> Decimal:
    """Multiply by 10**exponent exactly (no context rounding), integral when whole."""
    sign, digits, number_exponent = number.as_tuple()
    scaled = Decimal((sign, digits, number_exponent + exponent))
    if scaled.as_tuple().exponent > 0:
        return Decimal(int(scaled))
    return scaled
