"""Days as pages write them, for drafting: a session's day in a sentence, and a page's own date line.

A day in a sentence may carry a time of day and "ngày", with or without its year: "Sáng 06/10/2023",
"ngày 24/8", "Chiều 13-5", "24/8/2018", "Ngày 02⁄8⁄2018" (a fraction slash), "Sáng ngày 24 tháng 8 năm
2018", "Sáng nay (15/10)", "Hôm qua (24/8)", and with dots "Ngày 20.10", "20.10.2025" (a dotted day
only after "ngày" or a time of day, or with its year: "20.10" alone may be a number). A month ("tháng
9/2024"), a quarter ("quý 3/2024"), a count ("6/20 tỉnh"), a document number ("số 202/2025"), a level
at a date ("đến ngày 30/6") or one end of a range ("23-24/8") is not a session's day.

A page's date line is a line that is nothing but a date with its year, perhaps a weekday, a time and a
label: "24/8/2018 10:15", "Thứ Năm, 24/08/2018", "Cập nhật: 24/08/2018 10:15", "20.10.2025 08:15",
"2018-08-03 09:12";
bare counts after its time are a view and a comment counter ("Thứ bảy - 15/10/2022 12:00 324 0"). It
dates the page, not the session the page reports.
"""

import re
from dataclasses import dataclass
from datetime import date

_DAY = re.compile(
    r"(?<!\w)(?P<written_now>(?:sáng|chiều|tối|trưa|hôm)\s+(?:nay|qua)\s*\(\s*"
    r"(?P<day_n>\d{1,2})\s*[-/⁄]\s*(?P<month_n>\d{1,2})(?:[-/⁄](?P<year_n>\d{4}))?\s*\))"
    r"|(?<![\w/-])(?P<written>(?:(?:sáng|chiều|tối|trưa|đêm)\s+)?(?:(?:ngày|hôm)\s+)?"
    r"(?P<day>\d{1,2})\s*[-/⁄]\s*(?P<month>\d{1,2})(?:[-/⁄](?P<year>\d{4}))?)(?![\d/⁄-])"
    r"|(?<!\w)(?P<written_words>(?:(?:sáng|chiều|tối|trưa|đêm)\s+)?ngày\s+"
    r"(?P<day_w>\d{1,2})\s+tháng\s+(?P<month_w>\d{1,2})(?:\s+năm\s+(?P<year_w>\d{4}))?)(?!\d)"
    # With dots, a day only after "ngày" or a time of day, or with its year: "Ngày 20.10", "20.10.2025".
    r"|(?<![\w/.,-])(?P<written_dot>(?:(?:sáng|chiều|tối|trưa|đêm)\s+)?(?:ngày\s+)?"
    r"(?P<day_d>\d{1,2})\.(?P<month_d>\d{1,2})(?:\.(?P<year_d>\d{4}))?)(?![\d/-])(?![.,]\d)",
    re.IGNORECASE,
)
# A month, quarter, count or document number is not a day; nor is a level at a date ("đến ngày 30/6")
# or one end of a range ("23 và 24/8").
_NOT_A_DAY_BEFORE = re.compile(
    r"(?:(?<!\w)(?:tháng|quý|số|năm|khoảng|từ|đến|hết)\s*|\d\s*(?:-|–|và|,|đến)\s*)$", re.IGNORECASE
)
# Any day-like numbers, ranges too: what a reviewer should look at when no day is settled.
LOOSE_DAY = re.compile(r"(?<![\d/.,])\d{1,2}(?:\s*[-–]\s*\d{1,2})?\s*[-/⁄]\s*\d{1,2}(?:[-/⁄]\d{4})?(?![\d%,.]\d)")
_LEAP_YEAR = 2024  # to check a day written without its year ("29/2") against the calendar

_WEEKDAY = r"(?:(?:thứ\s+(?:hai|ba|tư|năm|sáu|bảy|[2-7])|chủ\s+nhật|CN)\s*[,-]?\s*(?:ngày\s+)?)"
_TIME = r"\d{1,2}[:h]\d{2}(?::\d{2})?(?:\s*(?:\(?GMT\s*[+-]\s*\d{1,2}(?::\d{2})?\)?|SA|CH|AM|PM))?"
_LABEL = re.compile(
    r"^(?:ngày\s+)?(?:cập\s+nhật|đăng|xuất\s+bản|ngày\s+đăng|thời\s+gian|ngày)(?:\s+(?:ngày|lúc))?\s*:?\s*",
    re.IGNORECASE,
)
_DATE_LINE = re.compile(
    rf"(?P<written>{_WEEKDAY}?(?:{_TIME}\s*[|,-]?\s*(?:ngày\s+)?{_WEEKDAY}?)?"
    rf"(?:(?P<day>\d{{1,2}})(?P<separator>[/.])(?P<month>\d{{1,2}})(?P=separator)(?P<year>\d{{4}})"
    rf"|(?P<iso_year>\d{{4}})-(?P<iso_month>\d{{2}})-(?P<iso_day>\d{{2}}))"  # "2018-08-03", as some portals print it
    rf"(?P<time>\s*[|,-]?\s*(?:lúc\s+)?{_TIME})?)"
    # A view counter after it is not part of the date: "| Lượt xem: 1.024", or bare counts after a time
    # ("Thứ bảy - 15/10/2022 12:00 324 0": views and comments).
    r"(?:\s*\|\s*lượt\s+(?:xem|đọc|truy\s+cập)\s*:?\s*[\d.,]+|(?(time)(?:\s+[\d.,]{1,9}){1,3}|(?!)))?$",
    re.IGNORECASE,
)
_BULLET = re.compile(r"^[•·*\-–|]\s*")


@dataclass(frozen=True)
class Day:
    written: str  # as the text writes it: "Sáng 06/10/2023", "ngày 24/8"
    start: int  # offset in the text searched
    day: int
    month: int
    year: int | None  # when written with the day

    def on(self, session_year: int | None) -> date | None:
        """The date, with the session's year; None when the year is not known or contradicts the written one."""
        if self.year is not None and session_year is not None and self.year != session_year:
            return None
        year = self.year or session_year
        return date(year, self.month, self.day) if year else None


def days_in(text: str) -> list[Day]:
    """Every day written in ``text``, in order."""
    found = []
    for match in _DAY.finditer(text):
        form = next(suffix for suffix in ("_now", "_words", "_dot", "") if match.group(f"written{suffix}") is not None)
        written, start = match.group(f"written{form}"), match.start(f"written{form}")
        if _NOT_A_DAY_BEFORE.search(text[max(0, start - 8) : start]):
            continue
        if form == "_dot" and not match.group("year_d") and written[:1].isdigit():
            continue  # "20.10" alone may be a number: a day only with "ngày", a time of day or its year
        suffix = {"_now": "_n", "_words": "_w", "_dot": "_d", "": ""}[form]
        day, month, year = (match.group(f"{name}{suffix}") for name in ("day", "month", "year"))
        day, month, year = int(day), int(month), int(year) if year else None
        try:
            date(year or _LEAP_YEAR, month, day)
        except ValueError:
            continue
        found.append(Day(written, start, day, month, year))
    return found


@dataclass(frozen=True)
class DateLine:
    written: str  # the date as the page prints it, with its label
    on: date
    updated: bool  # labelled as the page's last update ("Cập nhật")


def published_line(line: str) -> DateLine | None:
    """The page date a line consists of, or None. What is written keeps its label ("Cập nhật: …")."""
    text = _BULLET.sub("", line.strip()).strip()
    label = _LABEL.match(text)
    start = label.end() if label else 0
    match = _DATE_LINE.match(text, start)
    if match is None:
        return None
    try:
        iso = "iso_" if match.group("iso_year") else ""
        on = date(*(int(match.group(f"{iso}{part}")) for part in ("year", "month", "day")))
    except ValueError:
        return None
    updated = bool(label) and "cập" in label.group().lower()
    return DateLine(text[: match.end("written")], on, updated)
