"""Dates as Vietnamese articles write them: "Ngày 11/10", "chiều 13-5", "Ngày 20.10", "Sáng 06/10/2023",
"ngày 24 tháng 8 năm 2018", "07/10/2022 00:00", "20.10.2025", "02⁄8⁄2018" (a fraction slash)."""

import re
from datetime import date

from vietnamese.errors import ParseError

_DAY_MONTH = re.compile(
    r"(?<![\d.])(\d{1,2})\s*(?:[-/.⁄]\s*(\d{1,2})(?:[-/.⁄](\d{4}))?(?![\d/⁄-])(?!\.\d)"
    r"|\s+tháng\s+(\d{1,2})(?:\s+năm\s+(\d{4}))?(?!\d))",
    re.IGNORECASE,
)
_FULL_DATE = re.compile(r"(?<![\d.])(\d{1,2})([/.])(\d{1,2})\2(\d{4})(?!\d)")
_ISO_DATE = re.compile(r"(?<![\d.-])(\d{4})-(\d{2})-(\d{2})(?![\d-])")


def parse_day_month(text: str, *, year: int) -> date:
    """The one day-month pair in ``text`` ("Sáng 17-5"), completed with ``year`` from the context.

    A day written with its own year ("Sáng 06/10/2023") must be of that year: another is refused."""
    matches = _DAY_MONTH.findall(text)
    if len(matches) != 1:
        raise ParseError(f"expected one day/month in {text!r}, found {len(matches)}")
    day, month, written_year, month_in_words, year_in_words = matches[0]
    month, written_year = month or month_in_words, written_year or year_in_words
    if written_year and int(written_year) != year:
        raise ParseError(f"{text!r} is a day of {written_year}, not of {year}")
    return _date(year, int(month), int(day), text)


def parse_full_date(text: str) -> date:
    """The one dd/mm/yyyy (or dd.mm.yyyy, or yyyy-mm-dd) date in ``text`` ("07/10/2022 00:00", "20.10.2025
    08:15", "2018-08-03")."""
    matches = _FULL_DATE.findall(text)
    if not matches and len(iso := _ISO_DATE.findall(text)) == 1:  # "2018-08-03", as some portals print it
        year, month, day = (int(part) for part in iso[0])
        return _date(year, month, day, text)
    if len(matches) != 1:
        raise ParseError(f"expected one dd/mm/yyyy date in {text!r}, found {len(matches)}")
    day, _, month, year = matches[0]
    day, month, year = int(day), int(month), int(year)
    return _date(year, month, day, text)


def _date(year: int, month: int, day: int, text: str) -> date:
    try:
        return date(year, month, day)
    except ValueError as exc:
        raise ParseError(f"{text!r} is not a real date: {exc}") from None
