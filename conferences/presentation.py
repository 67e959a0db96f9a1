"""How a figure reads on a page: the number in the page's language, at the scale its source wrote.

Vietnamese pages keep the source's own unit words ("1.404 nghìn tỷ đồng", "120,7 tỷ USD"); English
pages say the same in English ("1,404 trillion VND", "USD 120.7 billion"). Numbers go through
Django's localisation (``number_format``), with Vietnamese grouping fixed in ``portal/formats/vi``.

A negative value (a decline, "giảm 3,7%") is shown with a minus sign, "−3,7%"; a trade balance keeps
its direction in words: "nhập siêu 1,2 tỷ USD" / "deficit of USD 1.2 billion".
"""

from decimal import Decimal
from functools import lru_cache
from types import SimpleNamespace

from django.utils.formats import number_format
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _

from vietnamese.numbers import BALANCE_WORDS, SIGN_WORDS, parse_number, parse_written_value

ENGLISH_SCALES = {0: "", 3: "thousand", 6: "million", 9: "billion", 12: "trillion"}
ENGLISH_COUNT_NOUNS = {
    "địa phương": "provinces",
    "tỉnh": "provinces",
    "tỉnh, thành": "provinces and cities",
    "tỉnh, thành phố": "provinces and cities",
    "tỉnh thành": "provinces and cities",
    "thành phố": "cities",
    "cụm công nghiệp": "industrial clusters",
    "khu công nghiệp": "industrial parks",
    "chợ": "markets",
    "siêu thị": "supermarkets",
    "trung tâm thương mại": "trade centres",
    "cửa hàng tiện lợi": "convenience stores",
    "dự án": "projects",
    "lao động": "workers",
    "doanh nghiệp": "enterprises",
    "người": "people",
}
# Base units as English text writes them after a number; the others (ha, kWh, VND) read as they are.
ENGLISH_UNITS = {"tonne": "tonnes", "m3": "m³", "km2": "km²", "person": "people"}
VALUE_PREFIXES = {"lower_bound": _("more than"), "approximate": _("about")}
# A trade balance's direction, around its (positive) amount.
BALANCES = {1: _("surplus of %(amount)s"), -1: _("deficit of %(amount)s")}
MINUS = "−"


def is_english() -> bool:
    return (get_language() or "vi").startswith("en")


def written_scale(report) -> tuple[int, int]:
    """(power of ten of the multiplier the source wrote, decimals it wrote): "120,7 tỷ USD" is (9, 1)."""
    return _scale_of(written_quantity(report))


def written_quantity(report):
    """The figure's value as its source wrote it, with a table-like line's header unit where the cell
    is a bare number."""
    return _parsed(report.value_as_written, report.unit_as_written)


@lru_cache(maxsize=8192)  # a few MB at most
def _parsed(value_as_written: str, unit_as_written: str):
    """``parse_written_value``, once per process for each written value: every figure cell of every page
    reads it (a page of provincial sums, 2,300 times), and it is a pure function of the two strings. The
    ``Quantity`` it gives is frozen, so sharing it is safe."""
    return parse_written_value(value_as_written, unit_as_written)


def _scale_of(quantity) -> tuple[int, int]:
    number = quantity.number_as_written.split("/")[0]
    written = parse_number(number)
    exponent = abs(quantity.value / written).adjusted() if written else 0
    decimals = len(number.split(",")[1]) if "," in number else 0
    return exponent, decimals


def localized_number(value: Decimal, decimals: int) -> str:
    """A number in the active language; a negative one with a true minus sign ("−3,7")."""
    text = number_format(abs(value), decimal_pos=decimals, force_grouping=True)
    return f"{MINUS}{text}" if value < 0 else text


def figure_value(report) -> str:
    """The value with its unit and any "more than"/"about", in the active language; a trade balance
    says whether it is a surplus or a deficit."""
    quantity = written_quantity(report)
    exponent, decimals = _scale_of(quantity)
    prefix = VALUE_PREFIXES.get(report.qualifier)
    word = " ".join(quantity.sign_as_written.lower().split())
    if word in BALANCE_WORDS:
        amount = SimpleNamespace(
            value=abs(report.value),
            unit=report.unit,
            unit_as_written=report.unit_as_written,
            denominator=report.denominator,
        )
        text = BALANCES[SIGN_WORDS[word]] % {"amount": scaled_value(amount, exponent, decimals)}
    else:
        text = scaled_value(report, exponent, decimals)
    return f"{prefix} {text}" if prefix else text


def plan_share(value: Decimal | None) -> str:
    """A share of the annual plan: "đạt 74% kế hoạch năm" / "74% of the annual plan"."""
    if value is None:
        return ""
    return gettext("%(share)s of the annual plan") % {"share": percent(value)}


def scaled_value(figure, exponent: int, decimals: int) -> str:
    """A value at a given scale in the active language; ``figure`` needs value, unit, unit_as_written
    and denominator (a stored figure, or a computed amount written like one)."""
    if is_english():
        return _english_value(figure, exponent, decimals)
    return _vietnamese_value(figure, exponent, decimals)


def _vietnamese_value(report, exponent: int, decimals: int) -> str:
    number = localized_number(report.value / Decimal(10) ** exponent, decimals)
    if report.unit == "percent":
        return f"{number}%"
    if report.denominator:
        number = f"{number}/{report.denominator}"
    return f"{number} {report.unit_as_written}"


def _english_value(report, exponent: int, decimals: int) -> str:
    if report.unit == "percent":
        return f"{localized_number(report.value, decimals)}%"
    if report.unit == "count":
        noun = ENGLISH_COUNT_NOUNS.get(report.unit_as_written.lower(), report.unit_as_written)
        number = localized_number(report.value, 0)
        return f"{number} of {report.denominator} {noun}" if report.denominator else f"{number} {noun}"
    scale = min(exponent, 12) if exponent >= 6 else 0
    decimals = max(0, decimals - (exponent - scale))
    number = localized_number(report.value / Decimal(10) ** scale, decimals)
    words = " ".join(part for part in (number, ENGLISH_SCALES[scale]) if part)
    if report.unit == "USD":
        return f"USD {words}" if report.value >= 0 else f"{MINUS}USD {words.removeprefix(MINUS)}"
    return f"{words} {ENGLISH_UNITS.get(report.unit, report.unit)}"


def signed_percent(value: Decimal | None) -> str:
    """A change as "+12,3%" (Vietnamese) or "+12.3%" (English), with as many decimals as stated."""
    if value is None:
        return ""
    sign = "+" if value > 0 else "−" if value < 0 else "±"
    return f"{sign}{percent(abs(value))}"


def percent(value: Decimal | None) -> str:
    if value is None:
        return ""
    decimals = max(0, -value.normalize().as_tuple().exponent)
    return f"{localized_number(value, decimals)}%"
