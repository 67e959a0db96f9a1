"""Reporting periods as Vietnamese articles name them ("9 tháng đầu năm 2022", "Chín tháng năm 2022",
"Đến nay").

"Đến nay" (to date) names no date: it is a level at the moment the words were said. Its date is
given by the caller (``said_on``, the reporting session's date); without one it is refused rather
than guessed.
"""

import calendar
import re
import unicodedata
from dataclasses import dataclass
from datetime import date

from vietnamese.errors import ParseError
from vietnamese.roman import from_roman

MIN_YEAR = 1900
MAX_YEAR = 2100


@dataclass(frozen=True)
class Period:
    start: date | None
    end: date
    is_stock: bool  # True: a level standing at `end` ("Đến hết tháng 9/2024"), start is None


def _pattern(body: str) -> re.Pattern[str]:
    """Compile a label pattern: a space in `body` stands for any run of whitespace."""
    return re.compile(body.replace(" ", r"\s+"), re.IGNORECASE)


_YEAR = r"(?P<year>[0-9]{4})"
_MONTH_YEAR = r"(?P<month>[0-9]{1,2})\s*(?:/\s*|\s+năm\s+)" + _YEAR
_FLOW_PREFIX = r"(?:trong )?"

# A month count in words, as a sentence opens: "Chín tháng năm 2024", "Sáu tháng đầu năm 2023".
MONTH_COUNT_WORDS = {
    "một": 1,
    "hai": 2,
    "ba": 3,
    "bốn": 4,
    "năm": 5,
    "sáu": 6,
    "bảy": 7,
    "tám": 8,
    "chín": 9,
    "mười": 10,
    "mười một": 11,
    "mười hai": 12,
}
MONTH_COUNT = r"(?:[0-9]{1,2}|mười một|mười hai|một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười)"
_FIRST_MONTHS = _pattern(_FLOW_PREFIX + rf"(?P<count>{MONTH_COUNT}) tháng (?:đầu )?năm " + _YEAR)
_LAST_MONTHS = _pattern(_FLOW_PREFIX + rf"(?P<count>{MONTH_COUNT}) tháng cuối năm " + _YEAR)
_QUARTER = _pattern(_FLOW_PREFIX + r"quý (?P<quarter>[0-9]+|[ivx]+)\s*(?:[-/]\s*|\s+năm\s+)" + _YEAR)
_YEAR_ONLY = _pattern(_FLOW_PREFIX + r"năm " + _YEAR)
_MONTH = _pattern(_FLOW_PREFIX + r"tháng " + _MONTH_YEAR)
_STOCK = _pattern(r"(?:tính )?đến hết tháng " + _MONTH_YEAR)
# "đến nay", "hiện có", "hiện nay": a level as it stands when the words are said.
_TO_DATE = _pattern(r"(?:tính )?đến nay|hiện (?:nay|có|tại)")
# A month count with "năm" but no year: refuse explicitly rather than guess the year.
_NO_YEAR = _pattern(_FLOW_PREFIX + r"[0-9]{1,2} tháng (?:(?:đầu|cuối) )?năm")


def is_to_date(label: str) -> bool:
    """Whether a label is "đến nay" / "tính đến nay" / "hiện có" / "hiện nay": a level dated by when it
    was said."""
    return _TO_DATE.fullmatch(unicodedata.normalize("NFC", label).strip()) is not None


def parse_period(label: str, *, said_on: date | None = None) -> Period:
    """Parse a period label into dates; "đến hết tháng ..." and "đến nay" labels are stocks.

    ``said_on`` is the date "đến nay" stands for; a "đến nay" label without it is a ParseError.
    """
    text = unicodedata.normalize("NFC", label).strip()
    if is_to_date(text):
        if said_on is None:
            raise ParseError(f"{label!r} is a level at the date it was said, and that date is not known")
        return Period(start=None, end=said_on, is_stock=True)
    if match := _FIRST_MONTHS.fullmatch(text):
        year, count = _year(match, label), _month_count(match, label)
        return _flow(date(year, 1, 1), year, count)
    if match := _LAST_MONTHS.fullmatch(text):
        year, count = _year(match, label), _month_count(match, label)
        return _flow(date(year, 13 - count, 1), year, 12)
    if match := _QUARTER.fullmatch(text):
        year, quarter = _year(match, label), _quarter(match, label)
        return _flow(date(year, 3 * quarter - 2, 1), year, 3 * quarter)
    if match := _YEAR_ONLY.fullmatch(text):
        year = _year(match, label)
        return _flow(date(year, 1, 1), year, 12)
    if match := _MONTH.fullmatch(text):
        year, month = _year(match, label), _month(match, label)
        return _flow(date(year, month, 1), year, month)
    if match := _STOCK.fullmatch(text):
        year, month = _year(match, label), _month(match, label)
        return Period(start=None, end=_month_end(year, month), is_stock=True)
    if _NO_YEAR.fullmatch(text):
        raise ParseError(f"{label!r} has no year; the year must be written out")
    raise ParseError(f"{label!r} is not a recognised period label")


def _flow(start: date, year: int, end_month: int) -> Period:
    return Period(start=start, end=_month_end(year, end_month), is_stock=False)


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _year(match: re.Match[str], label: str) -> int:
    year = int(match["year"])
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise ParseError(f"{label!r}: year {year} is outside {MIN_YEAR}-{MAX_YEAR}")
    return year


def _month(match: re.Match[str], label: str) -> int:
    month = int(match["month"])
    if not 1 <= month <= 12:
        raise ParseError(f"{label!r}: month {month} does not exist")
    return month


def _month_count(match: re.Match[str], label: str) -> int:
    written = " ".join(match["count"].lower().split())
    count = int(written) if written.isdigit() else MONTH_COUNT_WORDS[written]
    if not 1 <= count <= 12:
        raise ParseError(f"{label!r}: a year has 1 to 12 months, not {count}")
    return count


def _quarter(match: re.Match[str], label: str) -> int:
    written = match["quarter"]
    try:
        quarter = int(written) if written.isdigit() else from_roman(written)
    except ParseError:
        quarter = 0
    if written.startswith("0") or not 1 <= quarter <= 4:
        raise ParseError(f"{label!r}: quarter {written!r} is not 1-4 or I-IV")
    return quarter
