"""Vietnamese numerals and quantities ("1.404 nghìn tỷ đồng", "25/28 địa phương")."""

import re
import unicodedata
from dataclasses import dataclass
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
}

PERCENT = "percent"
COUNT = "count"

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
    "dự án",
    "lao động",
    "doanh nghiệp",
    "người",
)


@dataclass(frozen=True)
class Quantity:
    value: Decimal  # in the base unit
    unit: str  # base unit code
    unit_as_written: str  # the unit words exactly as in the text, e.g. "nghìn tỷ đồng"
    number_as_written: str  # e.g. "1.404", or "25/28" for a count with a denominator
    denominator: int | None = None


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


def _unit_key(unit_as_written: str) -> str:
    """Normalise unit words for lookup: NFC, lower case, single spaces."""
    return " ".join(unicodedata.normalize("NFC", unit_as_written).lower().split())


def _measure_unit(key: str, text: str) -> tuple[str, int]:
    """Split "nghìn tỷ đồng" into its base unit code and power of ten."""
    if key in MEASURE_UNITS:
        return MEASURE_UNITS[key], 0
    for phrase, exponent in MULTIPLIERS.items():
        prefix = phrase + " "
        if key.startswith(prefix) and key[len(prefix) :] in MEASURE_UNITS:
            return MEASURE_UNITS[key[len(prefix) :]], exponent
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
