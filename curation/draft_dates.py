"""Days as pages write them, for drafting: a session's day in a sentence, and a page's own date line.

A day in a sentence may carry a time of day and "ngày", with or without its year: "Sáng 06/10/2023",
"ngày 24/8", "Chiều 13-5", "24/8/2018". A month ("tháng 9/2024"), a quarter ("quý 3/2024"), a count
("6/20 tỉnh") or a document number ("số 202/2025") is not a day.

A page's date line is a line that is nothing but a date with its year, perhaps a weekday, a time and a
label: "24/8/2018 10:15", "Thứ Năm, 24/08/2018", "Cập nhật: 24/08/2018 10:15". It dates the page, not
the session the page reports.
"""

import re
from dataclasses import dataclass
from datetime import date

_DAY = re.compile(
    r"(?<![\w/-])(?P<written>(?:(?:sáng|chiều|tối|trưa|đêm)\s+)?(?:(?:ngày|hôm)\s+)?"
    r"(?P<day>\d{1,2})\s*[-/]\s*(?P<month>\d{1,2})(?:/(?P<year>\d{4}))?)(?![\d/-])",
    re.IGNORECASE,
)
_NOT_A_DAY_BEFORE = re.compile(r"(?:tháng|quý|số|năm|khoảng|từ)\s*$", re.IGNORECASE)
_LEAP_YEAR = 2024  # to check a day written without its year ("29/2") against the calendar

_WEEKDAY = r"(?:(?:thứ\s+(?:hai|ba|tư|năm|sáu|bảy|[2-7])|chủ\s+nhật|CN)\s*[,-]?\s*)"
_TIME = r"\d{1,2}[:h]\d{2}(?::\d{2})?(?:\s*(?:\(?GMT\s*\+\s*7\)?|SA|CH|AM|PM))?"
_LABEL = re.compile(
    r"^(?:ngày\s+)?(?:cập\s+nhật|đăng|xuất\s+bản|ngày\s+đăng|thời\s+gian|ngày)(?:\s+(?:ngày|lúc))?\s*:?\s*",
    re.IGNORECASE,
)
_DATE_LINE = re.compile(
    rf"(?P<written>{_WEEKDAY}?(?:{_TIME}\s*[|,-]?\s*(?:ngày\s+)?{_WEEKDAY}?)?"
    rf"(?P<day>\d{{1,2}})/(?P<month>\d{{1,2}})/(?P<year>\d{{4}})"
    rf"(?:\s*[|,-]?\s*(?:lúc\s+)?{_TIME})?)"
    r"(?:\s*\|\s*lượt\s+(?:xem|đọc|truy\s+cập)\s*:?\s*[\d.,]+)?$",  # a view counter after it is not part of the date
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
        if _NOT_A_DAY_BEFORE.search(text[max(0, match.start() - 8) : match.start()]):
            continue
        day, month = int(match.group("day")), int(match.group("month"))
        year = int(match.group("year")) if match.group("year") else None
        try:
            date(year or _LEAP_YEAR, month, day)
        except ValueError:
            continue
        found.append(Day(match.group("written"), match.start("written"), day, month, year))
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
        on = date(int(match.group("year")), int(match.group("month")), int(match.group("day")))
    except ValueError:
        return None
    updated = bool(label) and "cập" in label.group().lower()
    return DateLine(text[: match.end("written")], on, updated)
