"""Checks of one curated field against the words printed for it, shared by annotations and records.

Each parses what the source prints ("tăng 8,5%", "trên 10%", "nhập siêu 1,2 tỷ USD") with the
``vietnamese`` parsers and compares it with the curated value. Problems go to a ``say`` callable, so
the same check reports under an annotation's line or a record's. With them, the small readings both
make: an ISO date, a web address, a decimal, the rounding a printed percentage allows, a period in words.
"""

from datetime import date
from decimal import Decimal, InvalidOperation
from urllib.parse import urlsplit

from curation.curated import MENTION_KINDS, QUALIFIERS, SCOPES, STATUSES
from vietnamese.errors import ParseError
from vietnamese.numbers import BALANCE_WORDS
from vietnamese.phrases import parse_threshold

# The indicator whose value is signed by "xuất siêu" (surplus, +) or "nhập siêu" (deficit, −).
TRADE_BALANCE = "trade_balance"


def is_web_address(url: str) -> bool:
    address = urlsplit(url)
    return address.scheme in ("http", "https") and bool(address.netloc) and " " not in url


def sign_problem(indicator: str, value_as_written: str, quantity) -> str | None:
    """A trade balance states its direction ("xuất siêu"/"nhập siêu"), and only a balance does;
    a rise or a decline ("tăng"/"giảm") is the value of a percentage indicator, a growth rate."""
    word = " ".join(quantity.sign_as_written.lower().split())
    if indicator == TRADE_BALANCE and word not in BALANCE_WORDS:
        return (
            f"a trade balance's value_as_written starts with 'xuất siêu' (surplus) or 'nhập siêu' (deficit), "
            f"not {value_as_written!r}"
        )
    if word in BALANCE_WORDS and indicator != TRADE_BALANCE:
        return f"{quantity.sign_as_written!r} states a trade balance: the indicator is {TRADE_BALANCE}"
    if word and word not in BALANCE_WORDS and quantity.unit != "percent":
        return f"{quantity.sign_as_written!r} before a value is a growth rate's sign; only a percentage takes it"
    return None


def checked_threshold(entry, say, *, clause: str | None, curated_in: str) -> tuple[str, Decimal | None]:
    """A count of provinces' ``threshold_as_written`` parsed, and checked against its curated
    ``threshold_comparator`` and ``threshold_pct`` (all three or none). As ``checked_phrase``: with a
    ``clause`` the words must stand in it. Returns the comparator and percentage, or ("", None)."""
    parts = (entry.threshold_as_written, entry.threshold_comparator, entry.threshold_pct)
    if any(parts) and not all(parts):
        say("threshold_as_written, threshold_comparator and threshold_pct go together")
        return "", None
    if not entry.threshold_as_written:
        return "", None
    if clause is not None and entry.threshold_as_written not in clause:
        say(f"threshold_as_written {entry.threshold_as_written!r} is not in the quote")
        return "", None
    try:
        comparator, threshold = parse_threshold(entry.threshold_as_written)
    except ParseError as exc:
        say(f"threshold_as_written: {exc}")
        return "", None
    if (comparator, threshold) != (entry.threshold_comparator, decimal_or_none(entry.threshold_pct)):
        quoted = "the quote says " if clause is not None else ""
        say(
            f"{quoted}{entry.threshold_as_written!r} = {comparator} {threshold}%, the {curated_in} says "
            f"{entry.threshold_comparator} {entry.threshold_pct}%"
        )
    return comparator, threshold


def checked_phrase(entry, name: str, parse, say, *, clause: str | None, curated_in: str) -> Decimal | None:
    """A figure's ``<name>_as_written`` phrase parsed, and checked against its curated ``<name>_pct``.

    With a ``clause`` (an annotation's quote), the phrase must stand in it; a record keeps no text to
    look in. Each problem is ``say``-d; the parsed percentage is returned when there is one.
    """
    written = getattr(entry, f"{name}_as_written")
    annotated = getattr(entry, f"{name}_pct")
    if bool(written) != bool(annotated):
        say(f"{name}_as_written and {name}_pct go together")
        return None
    if not written:
        return None
    if clause is not None and written not in clause:
        say(f"{name}_as_written {written!r} is not in the quote")
        return None
    try:
        parsed = parse(written)
    except ParseError as exc:
        say(f"{name}_as_written: {exc}")
        return None
    if decimal_or_none(annotated) != parsed:
        quoted = "the quote says " if clause is not None else ""
        say(f"{quoted}{written!r} = {parsed}%, the {curated_in} says {annotated}")
    return parsed


def iso_date(value: str, label: str, say) -> date | None:
    """``value`` as a date: none when empty, and a problem ``say``-d when it is not YYYY-MM-DD."""
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        say(f"{label} {value!r} is not an ISO date (YYYY-MM-DD)")
        return None


def decimal_or_none(text: str) -> Decimal | None:
    try:
        return Decimal(text)
    except (InvalidOperation, TypeError):
        return None


def half_unit_of_percent(written: str) -> Decimal:
    """Half the last digit of a percentage as written: "13,3%" allows ±0.05."""
    digits = written.rstrip("%").split()[-1]
    decimals = len(digits.split(",")[1]) if "," in digits else 0
    return Decimal("0.5") * Decimal(10) ** -decimals


def period_text(period) -> str:
    if period is None:
        return "nothing"
    if period.is_stock:
        return f"a level at {period.end}"
    return f"{period.start}/{period.end}"


def checked_session_kind(entry, say) -> None:
    """A session entry's kind of mention and status, each one of its closed list, and in agreement."""
    if entry.kind not in MENTION_KINDS:
        say(f"kind must be one of {sorted(MENTION_KINDS)}, not {entry.kind!r}")
    if entry.status not in STATUSES:
        say(f"status must be one of {sorted(STATUSES)}, not {entry.status!r}")
    if (entry.kind == "announcement") != (entry.status == "announced"):
        say("an announcement is of an announced session, and only an announcement is")


def checked_vocabulary(entry, reference, say) -> dict | None:
    """A figure's indicator, scope and qualifier against their closed lists: the indicator's reference
    row, or None when the indicator is unknown."""
    indicator = reference.indicator(entry.indicator)
    if indicator is None:
        say(f"unknown indicator {entry.indicator!r}")
    if entry.scope not in SCOPES:
        say(f"scope must be one of {sorted(SCOPES)}, not {entry.scope!r}")
    if entry.qualifier not in QUALIFIERS:
        say(f"qualifier must be one of {sorted(QUALIFIERS)}, not {entry.qualifier!r}")
    return indicator
