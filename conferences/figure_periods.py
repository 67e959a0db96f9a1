"""Which kind of period a figure covers, so that only figures of the same kind are set side by side.

A total for the first 6 months cannot be compared with one for the first 9 months, nor a level at a
date with a flow over a period. The kind is computed from ``period_start``, ``period_end`` and
``is_stock``; nothing is stored. ``period_kind`` is a pure function; ``PeriodKind.code`` is what the
figures list's ``period`` filter takes ("first-9-months", "quarter-1", "full-year", "stock"…).
"""

import calendar
import re
from dataclasses import dataclass
from datetime import date

from django.utils.translation import gettext, ngettext

FIRST_MONTHS = "first-months"
QUARTER = "quarter"
FULL_YEAR = "full-year"
LAST_MONTHS = "last-months"
STOCK = "stock"
OTHER = "other"

CODE = re.compile(r"^(?:(first|last)-(\d{1,2})-months|quarter-([1-4])|full-year|stock|other)$")


@dataclass(frozen=True)
class PeriodKind:
    """A kind of period: ``kind`` is one of the constants above, ``number`` its months or quarter."""

    kind: str
    number: int | None = None

    @property
    def code(self) -> str:
        if self.kind == FIRST_MONTHS:
            return f"first-{self.number}-months"
        if self.kind == LAST_MONTHS:
            return f"last-{self.number}-months"
        if self.kind == QUARTER:
            return f"quarter-{self.number}"
        return self.kind

    @property
    def label(self) -> str:
        """The kind in the active language: "first 9 months" / "9 tháng đầu năm"."""
        if self.kind == FIRST_MONTHS:
            return ngettext("first month", "first %(months)s months", self.number) % {"months": self.number}
        if self.kind == LAST_MONTHS:
            return ngettext("last month", "last %(months)s months", self.number) % {"months": self.number}
        if self.kind == QUARTER:
            return gettext("quarter %(quarter)s") % {"quarter": self.number}
        if self.kind == FULL_YEAR:
            return gettext("full year")
        if self.kind == STOCK:
            return gettext("level at a date")
        return gettext("other period")

    def __str__(self):
        return self.label

    @property
    def sort_key(self) -> tuple[int, int]:
        order = [FIRST_MONTHS, QUARTER, LAST_MONTHS, FULL_YEAR, STOCK, OTHER]
        return order.index(self.kind), self.number or 0


def is_month_end(day: date) -> bool:
    return day.day == calendar.monthrange(day.year, day.month)[1]


def period_kind(start: date | None, end: date, is_stock: bool) -> PeriodKind:
    """The kind of period a figure covers.

    - a level at a date (``is_stock``) is ``stock``;
    - 1 January to 31 December of one year is ``full-year``;
    - three calendar months starting January, April, July or October are ``quarter-N``
      (so 1 January to 31 March is quarter 1, not "first 3 months");
    - 1 January to the end of month N of the same year is ``first-N-months``;
    - the first day of a month to 31 December of the same year is ``last-N-months``;
    - anything else (several years, partial months) is ``other``.
    """
    if is_stock:
        return PeriodKind(STOCK)
    if start is None or start > end or start.year != end.year or start.day != 1 or not is_month_end(end):
        return PeriodKind(OTHER)
    months = end.month - start.month + 1
    if months == 12:
        return PeriodKind(FULL_YEAR)
    if months == 3 and start.month % 3 == 1:
        return PeriodKind(QUARTER, end.month // 3)
    if start.month == 1:
        return PeriodKind(FIRST_MONTHS, months)
    if end.month == 12:
        return PeriodKind(LAST_MONTHS, months)
    return PeriodKind(OTHER)


def all_kinds() -> list[PeriodKind]:
    """Every kind ``period_kind`` can return, in display order (for the filter's choices)."""
    kinds = [PeriodKind(FIRST_MONTHS, n) for n in range(1, 12) if n != 3]
    kinds += [PeriodKind(QUARTER, n) for n in range(1, 5)]
    kinds += [PeriodKind(LAST_MONTHS, n) for n in range(1, 12) if n != 3]
    kinds += [PeriodKind(FULL_YEAR), PeriodKind(STOCK), PeriodKind(OTHER)]
    return kinds


def parse_code(code: str) -> PeriodKind | None:
    """The kind a ``period`` filter value names, or None when it names none ``period_kind`` returns."""
    match = CODE.match(code or "")
    if not match:
        return None
    if match.group(1):
        kind = PeriodKind(FIRST_MONTHS if match.group(1) == "first" else LAST_MONTHS, int(match.group(2)))
    elif match.group(3):
        kind = PeriodKind(QUARTER, int(match.group(3)))
    else:
        kind = PeriodKind(code)
    return kind if kind in all_kinds() else None


def month_span(kind: PeriodKind) -> tuple[int, int] | None:
    """(first month, last month) within one year for the flow kinds; None for stock and other."""
    if kind.kind == FULL_YEAR:
        return 1, 12
    if kind.kind == FIRST_MONTHS:
        return 1, kind.number
    if kind.kind == LAST_MONTHS:
        return 13 - kind.number, 12
    if kind.kind == QUARTER:
        return 3 * kind.number - 2, 3 * kind.number
    return None
