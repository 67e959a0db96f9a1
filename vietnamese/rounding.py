"""The rounding a printed number allows, and what it lets a share, a sum or a repeated figure be.

Pure arithmetic on ``Decimal``s, no Django: the build's cross-article check
(``curation.consistency``) and the public data-quality page (``conferences.quality_figures``)
apply the same tolerance. A number printed as "120,7 tỷ USD" stands for anything from 120.65 to
120.75 billion; "13,3%" for 13.25%–13.35%. Two numbers agree when some values within their
rounding agree.

A figure given as "hơn" (more than, ``lower_bound``) has no upper end: its bounds are
``(value - half unit, None)``, and ``None`` reads as "no limit" everywhere below.
"""

from decimal import Decimal

from vietnamese.numbers import Quantity, parse_number, parse_signed_quantity

HALF = Decimal("0.5")
HUNDRED = Decimal(100)

Bounds = tuple[Decimal, Decimal | None]


def quantity_half_unit(quantity: Quantity) -> Decimal:
    """Half the last digit the source wrote, in base units: "120,7 tỷ USD" allows ±0.05 billion.

    Always positive: "giảm 3,7%" (stored as -3.7) allows ±0.05 like "3,7%".
    """
    number = quantity.number_as_written.split("/")[0]
    decimals = len(number.split(",")[1]) if "," in number else 0
    written = parse_number(number)
    multiplier = abs(quantity.value / written) if written else Decimal(1)
    return HALF * Decimal(10) ** -decimals * multiplier


def written_half_unit(value_as_written: str) -> Decimal:
    """``quantity_half_unit`` of a stored ``value_as_written`` ("1.404 nghìn tỷ đồng" allows ±0.5e12),
    which may start with a sign word ("nhập siêu 1,2 tỷ USD" allows ±0.05e9)."""
    return quantity_half_unit(parse_signed_quantity(value_as_written))


def percent_half_unit(share: Decimal) -> Decimal:
    """Half the last significant digit of a stored percentage: 13.300 (printed "13,3%") allows ±0.05.

    The printed form is not stored, so trailing zeros are taken as unwritten: a source that printed
    "13,30%" is allowed ±0.05 rather than ±0.005, which can hide an inconsistency but never invent one.
    """
    decimals = max(0, -share.normalize().as_tuple().exponent)
    return HALF * Decimal(10) ** -decimals


def bounds(value: Decimal, half_unit: Decimal, *, lower_bound: bool = False) -> Bounds:
    """The values a printed number stands for; a "more than" figure has no upper end."""
    return value - half_unit, None if lower_bound else value + half_unit


def share_range(part: Bounds, whole: Bounds) -> tuple[Decimal, Decimal | None]:
    """The shares (in %) that part out of whole can be, given the bounds of each.

    ``None`` as the upper end means no limit: the part has no upper end, or the whole may be zero.
    """
    part_low, part_high = part
    whole_low, whole_high = whole
    low = Decimal(0) if whole_high is None or whole_high <= 0 else max(part_low, Decimal(0)) / whole_high * HUNDRED
    high = None if part_high is None or whole_low <= 0 else part_high / whole_low * HUNDRED
    return low, high


def share_fits(stated: Decimal, stated_half_unit: Decimal, low: Decimal, high: Decimal | None) -> bool:
    """Whether a stated share, within its own rounding, meets the range the values allow."""
    return (high is None or stated - stated_half_unit <= high) and low <= stated + stated_half_unit


def parts_exceed(parts: list[Bounds], whole: Bounds) -> bool:
    """Whether parts add up to more than the whole even at their smallest and its largest."""
    whole_high = whole[1]
    return whole_high is not None and sum((low for low, _ in parts), Decimal(0)) > whole_high


def overlap(first: Bounds, second: Bounds) -> bool:
    """Whether two printed numbers can stand for the same value."""
    first_low, first_high = first
    second_low, second_high = second
    return (first_high is None or second_low <= first_high) and (second_high is None or first_low <= second_high)
