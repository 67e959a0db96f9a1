"""Period labels in a sentence ("9 tháng đầu năm 2024", "Chín tháng năm 2024", "Đến hết tháng 9/2024",
"Quý 1-2022", "Năm 2021").

A label counts only when ``parse_period`` reads it, and not when the words before it make it something
else than the period of a figure: a comparison base ("so với cùng kỳ năm 2015"), a price base ("giá so
sánh năm 2010"), a horizon ("đến năm 2050"), the year of "những tháng đầu năm 2022" (some months, not
the year), or the year in a session's name ("Hội nghị … lần thứ X năm 2024", "… lần 11 - năm 2025").

"Đến nay" (to date), "Hiện có", "hiện nay" (now) are a level at the day the words were said: the
reported session's day, which only the draft as a whole knows (``find_to_date`` gives the label
without a period).
"""

import re
from dataclasses import dataclass

from vietnamese.errors import ParseError
from vietnamese.periods import MONTH_COUNT, Period, parse_period

LABEL = re.compile(
    r"(?<!\w)(?:"
    r"(?:tính\s+)?đến\s+hết\s+tháng\s+\d{1,2}\s*(?:/\s*|\s+năm\s+)\d{4}"
    rf"|{MONTH_COUNT.replace(' ', r'\s+')}\s+tháng\s+(?:(?:đầu|cuối)\s+)?năm\s+\d{{4}}"
    r"|quý\s+(?:\d+|[ivx]+)\s*(?:[-/]\s*|\s+năm\s+)\d{4}"
    r"|tháng\s+\d{1,2}\s*(?:/\s*|\s+năm\s+)\d{4}"
    r"|năm\s+\d{4}"
    r")(?!\d)",
    re.IGNORECASE,
)
# Words right before a label that make it no figure's period.
# "cuối tháng 6/2025", "hết năm 2024", "đầu tháng 9": a day within the month or year, not all of it.
# "giá so sánh năm 2010", "giá cố định năm 2010": the year whose prices a value is counted in.
_NOT_A_PERIOD_BEFORE = re.compile(
    r"(?:cùng\s+kỳ|so\s+với|đến|từ|tháng(?:\s+(?:đầu|cuối))?|thời\s+kỳ|cuối|hết|đầu|giữa"
    r"|giá\s+(?:so\s+sánh|cố\s+định|hiện\s+hành|thực\s+tế))\s*$",  # "giá so sánh năm 2010": a price base
    re.I,
)
# A session's name ends with its year: "… lần thứ X - năm 2022", "Hội nghị … khu vực phía Bắc năm 2016".
SESSION_NAME_BEFORE = re.compile(r"lần\s+(?:thứ\s+)?\w+\s*[,–-]?\s*$", re.I)
_GROUP_BEFORE = re.compile(r"(?:phía\s+(?:Bắc|Nam)|Bắc\s+Trung\s+Bộ)\s*[,–-]?\s*$", re.I)
_CONFERENCE = re.compile(r"hội\s+nghị", re.I)
# "Hội nghị năm 2016 sẽ do tỉnh Ninh Bình đăng cai": the session of that year.
_CONFERENCE_OF_YEAR = re.compile(r"hội\s+nghị\s*$", re.I)


def is_session_year(text: str, start: int) -> bool:
    """Whether the label at ``start`` is the year in a session's name, not a figure's period."""
    before = text[max(0, start - 160) : start]
    return bool(
        SESSION_NAME_BEFORE.search(before)
        or (_GROUP_BEFORE.search(before) and _CONFERENCE.search(before))
        or _CONFERENCE_OF_YEAR.search(before)
    )


# "Đến nay", "tính đến nay", "Hiện có", "hiện nay", but not "từ đầu năm đến nay" (a span from a start to now).
TO_DATE = re.compile(r"(?<!\w)(?:đến\s+nay|hiện\s+(?:nay|có|tại))(?!\w)", re.IGNORECASE)
_SPAN_BEFORE = re.compile(r"(?<!\w)từ\s+[^,;.]{0,30}$", re.IGNORECASE)


@dataclass(frozen=True)
class PeriodLabel:
    start: int  # offset in the text searched
    end: int
    label: str
    period: Period | None  # None for "đến nay": the session's day

    @property
    def is_stock(self) -> bool:
        return self.period is None or self.period.is_stock


def find_periods(text: str) -> list[PeriodLabel]:
    """Every label in ``text`` that reads as a figure's period."""
    found = []
    for match in LABEL.finditer(text):
        if _NOT_A_PERIOD_BEFORE.search(text[max(0, match.start() - 16) : match.start()]):
            continue
        if is_session_year(text, match.start()):
            continue
        try:
            period = parse_period(match.group())
        except ParseError:
            continue
        found.append(PeriodLabel(match.start(), match.end(), match.group(), period))
    return found


def find_to_date(text: str) -> list[PeriodLabel]:
    """Every "đến nay" in ``text`` that dates a level, with no period: the day is the session's."""
    return [
        PeriodLabel(match.start(), match.end(), match.group(), None)
        for match in TO_DATE.finditer(text)
        if not _SPAN_BEFORE.search(text[: match.start()])
    ]


# Words that speak of a time span; outside a label they mean the text names a period the parser did
# not read ("Riêng tháng 9, …", "6 tháng", "cả năm"), so a period taken from an earlier sentence may
# not be this figure's.
_PERIOD_WORDS = re.compile(
    r"(?<!\w)(?:tháng|quý|cả\s+năm|năm\s+nay|nửa\s+(?:đầu\s+|cuối\s+)?năm|đầu\s+năm|cuối\s+năm|năm\s+\d{4}|"
    r"giai\s+đoạn|kỳ\s+này|hiện\s+(?:nay|tại|có)|thời\s+điểm|lũy\s+kế|đến\s+nay)(?!\w)",
    re.IGNORECASE,
)
# Spans that name a time but are no figure's period: a comparison base, a plan's year, base prices.
_NOT_A_SPAN = re.compile(
    r"(?:so\s+(?:với\s+)?)?(?:cùng\s+kỳ|năm\s+trước)(?:\s+năm\s+(?:\d{4}|trước))?"
    r"|kế\s+hoạch(?:\s+năm(?:\s+\d{4})?)?"
    r"|giá\s+(?:so\s+sánh|cố\s+định|hiện\s+hành|thực\s+tế)(?:\s+năm)?\s+\d{4}",
    re.IGNORECASE,
)


def stray_period_words(text: str) -> list[str]:
    """Words of ``text`` that speak of a period outside any label, comparison base or session's name."""
    spans = [(label.start, label.end) for label in find_periods(text) + find_to_date(text)]
    spans += [m.span() for m in _NOT_A_SPAN.finditer(text)]
    return [
        match.group()
        for match in _PERIOD_WORDS.finditer(text)
        if not any(start <= match.start() < end for start, end in spans) and not is_session_year(text, match.start())
    ]


def period_fields(period: Period) -> dict[str, str]:
    """The annotation's ``period`` ("start/end") or ``as_of`` (a level at a date)."""
    if period.is_stock:
        return {"as_of": period.end.isoformat()}
    return {"period": f"{period.start.isoformat()}/{period.end.isoformat()}"}
