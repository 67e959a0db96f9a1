"""The sessions an article names: the one it reports, past ones mentioned in passing, the next one.

A session is named by a sentence with "hội nghị", a group's words ("khu vực phía Bắc", "khu vực phía
Nam", "Bắc Trung Bộ") and right after them a session number ("lần thứ X", "lần thứ 11", "lần 11") and/or a year
("năm 2024"). The reported session is the first whose sentence gives a day ("Ngày 11/10", "Sáng
06/10/2023"), else the one named most often. Earlier sessions are mentions; later ones announcements.

A sentence that names a session after "hội nghị" without the group's words ("… cho tỉnh X, đơn vị đăng
cai Hội nghị lần thứ V năm 2019") names one of the reported group's, when the article names one group.

``draft_conference`` drafts an entry for each.
"""

import re
from dataclasses import dataclass, field

from curation.draft_dates import Day, days_in, published_line
from curation.draft_text import Sentence, fold_in_place
from curation.reference import Reference
from vietnamese.errors import ParseError
from vietnamese.roman import parse_session, to_roman

# Folded words naming each group, most specific first ("Bắc Trung Bộ" before "phía Bắc").
REGION_WORDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("north-central-6", re.compile(r"(?<!\w)bac\s+trung\s+bo(?!\w)")),
    ("north-28", re.compile(r"(?<!\w)phia\s+bac(?!\w)")),
    ("south-20", re.compile(r"(?<!\w)phia\s+nam(?!\w)")),
)
CONFERENCE = re.compile(r"(?<!\w)hoi\s+nghi(?!\w)")
# "lần thứ XI", "lần thứ 11", "lần 11" (folded): a session number, Roman or Arabic, "thứ" or not.
_SESSION_NUMBER = r"lan\s+(?:thu\s+)?(?:[ivxlcdm]+|\d+)"
_AFTER_GROUP = re.compile(
    rf"\s*\(?\s*(?:(?P<session>{_SESSION_NUMBER})(?!\w))?\s*(?:[,–-]\s*)?(?P<year>nam\s+\d{{4}}(?!\d))?"
    rf"(?:\s*[,(–-]?\s*(?P<session_after>{_SESSION_NUMBER})(?!\w))?"  # "năm 2025 (lần thứ XI)"
)
_HOSTING_WORDS = re.compile(r"(?<!\w)đăng\s+cai(?!\w)", re.IGNORECASE)
_FUTURE = re.compile(r"(?<!\w)sẽ(?!\w)", re.IGNORECASE)
_YEAR_BEFORE = re.compile(r"(?<!\w)nam\s+\d{4}(?!\d)(?=\W*$)")  # the year just before "hội nghị"
# A session named right after "hội nghị" without the group's words: "Hội nghị lần thứ V năm 2019".
_NEXT_SESSION = re.compile(
    rf"\s+(?:(?P<session>{_SESSION_NUMBER})(?!\w))?\s*(?:[,–-]\s*|\(\s*)?(?P<year>nam\s+\d{{4}}(?!\d))?"
)
FLAG = re.compile(r"(?<!\w)cờ(?!\w)", re.IGNORECASE)

MAX_CLAUSE_TO_YEAR = 80  # how far after "lần thứ X" a year may still be the session's
LEAD_SENTENCES = 8  # where a day outside the sentences naming the session may still be the session's


@dataclass
class Session:
    region: str
    number: int | None
    year: int | None  # None when the text gives none: the reviewer must
    session_written: str
    sentences: list[Sentence] = field(default_factory=list)

    @property
    def slug(self) -> str:
        parts = [self.region, to_roman(self.number).lower() if self.number else "", str(self.year or "")]
        return "-".join(part for part in parts if part)


@dataclass(frozen=True)
class ReportDay:
    day: Day
    sentence: Sentence
    names_session: bool  # the sentence names the session; else a day of the lead, to check


def find_sessions(sentences: list[Sentence], reference: Reference) -> list[Session]:
    """Every session named, in order of first mention, each with the sentences naming it.

    When none is named by number or year, a sentence naming a group's conference with a day that
    carries its year ("Ngày 17/5/2024, … hội nghị ngành Công Thương khu vực phía Bắc") names that
    group's session of the year."""
    sessions: list[Session] = []
    unnamed: list[tuple[str, Sentence]] = []
    for sentence in sentences:
        folded = fold_in_place(sentence.text)
        for region, words in REGION_WORDS:
            if reference.region(region) is None:
                continue
            for match in words.finditer(folded):
                if not CONFERENCE.search(folded, max(0, match.start() - 150), match.start()):
                    continue
                after = _AFTER_GROUP.match(folded, match.end())
                if not after.group("session") and not after.group("year"):
                    unnamed.append((region, sentence))
                    continue
                number = "session" if after.group("session") else "session_after"
                _add_session(sessions, region, sentence, after.span(number), after.group("year"))
            folded = words.sub(lambda m: " " * len(m.group()), folded)  # "Bắc Trung Bộ" is not "phía Bắc"
    if not sessions:
        for region, sentence in unnamed:
            dated = [day for day in session_days(sentence.text) if day.year]
            if dated:
                _add_session(sessions, region, sentence, (-1, -1), f"nam {dated[0].year}")
    return _merge_yearless(_merge_unnumbered(sessions))


def _add_session(sessions: list[Session], region: str, sentence: Sentence, span: tuple[int, int], year_words):
    written = sentence.text[span[0] : span[1]] if span[0] >= 0 else ""
    number = None
    if written:
        try:
            number = parse_session(written)
        except ParseError:
            written = ""
    year = int(year_words.split()[-1]) if year_words else None
    if year is None and number is None:
        return
    for session in sessions:
        if session.region == region and session.number == number and session.year == year:
            if sentence not in session.sentences:
                session.sentences.append(sentence)
            return
    sessions.append(Session(region, number, year, written, [sentence]))


def _merge_unnumbered(sessions: list[Session]) -> list[Session]:
    """A title "… phía Bắc năm 2024" names the numbered session of that group and year, if there is one."""
    kept = []
    for session in sessions:
        numbered = [
            other
            for other in sessions
            if other.number
            and session.number is None
            and session.year is not None
            and (other.region, other.year) == (session.region, session.year)
        ]
        if len(numbered) == 1:
            numbered[0].sentences.extend(s for s in session.sentences if s not in numbered[0].sentences)
        else:
            kept.append(session)
    return kept


def _merge_yearless(sessions: list[Session]) -> list[Session]:
    """ "lần thứ X" without a year is the session of that number whose year another sentence gives."""
    kept = []
    for session in sessions:
        dated = [
            other
            for other in sessions
            if session.year is None
            and other.year is not None
            and (other.region, other.number) == (session.region, session.number)
        ]
        if len(dated) == 1:
            dated[0].sentences.extend(s for s in session.sentences if s not in dated[0].sentences)
            dated[0].sentences.sort(key=lambda s: s.index)
        else:
            kept.append(session)
    return kept


def choose_report(sessions: list[Session]) -> Session | None:
    for session in sessions:
        if any(session_days(sentence.text) for sentence in session.sentences):
            return session
    return max(sessions, key=lambda s: len(s.sentences), default=None)


def later(session: Session, report: Session) -> bool | None:
    """Whether ``session`` comes after the reported one; None when neither number nor year compares."""
    if session.number and report.number:
        return session.number > report.number
    if session.year is not None and report.year is not None:
        return session.year > report.year
    return None


def bare_sessions(sentences: list[Sentence], report: Session, sessions: list[Session]) -> list[Session]:
    """Sessions named after "hội nghị" without the group's words, as the reported group's when the
    article names one group: by number ("Hội nghị lần thứ XI năm 2023 ở Hà Tĩnh", "Hội nghị lần thứ X
    tổ chức tại Thanh Hóa năm 2022", the year later in the clause), or by year alone in a sentence on
    the flag or on hosting ("Hội nghị năm 2016 sẽ do tỉnh Ninh Bình đăng cai"). The reported session
    named again is left alone; a session whose year the text does not give is not drafted."""
    if len({session.region for session in sessions}) != 1:
        return []
    named = {s.index for session in sessions for s in session.sentences}
    found: list[Session] = []
    for sentence in sentences:
        if sentence.index in named:
            continue
        handover = bool(FLAG.search(sentence.text) or _HOSTING_WORDS.search(sentence.text))
        folded = fold_in_place(sentence.text)
        for conference in CONFERENCE.finditer(folded):
            after = _NEXT_SESSION.match(folded, conference.end())
            if after is None:
                continue
            if after.group("session"):
                year = after.group("year") or _year_in_clause(folded, after.end())
            elif after.group("year") and (handover or _FUTURE.search(sentence.text)):
                year = after.group("year")
            elif _FUTURE.search(sentence.text) and (earlier := _YEAR_BEFORE.search(folded, 0, conference.start())):
                year = earlier.group()  # "Năm 2023, Hội nghị sẽ được tổ chức tại tỉnh Thừa Thiên Huế."
            else:
                continue
            span = after.span("session") if after.group("session") else (-1, -1)
            if year and not (span[0] >= 0 and _number(sentence.text[span[0] : span[1]]) == report.number):
                _add_session(found, report.region, sentence, span, year)
            break
    return [session for session in found if later(session, report) is not None]


def _year_in_clause(folded: str, start: int) -> str:
    """ "năm YYYY" later in the clause that starts at ``start``: "lần thứ X tổ chức tại Thanh Hóa năm 2022"."""
    clause = re.split(r"[;.]", folded[start : start + MAX_CLAUSE_TO_YEAR])[0]
    found = re.search(r"(?<!\w)nam\s+\d{4}(?!\d)", clause)
    return found.group() if found else ""


def _number(written: str) -> int | None:
    try:
        return parse_session(written)
    except ParseError:
        return None


def session_days(text: str) -> list[Day]:
    """The days a sentence gives, none from a page's own date line."""
    return [] if published_line(text) else days_in(text)


def report_day(report: Session, sentences: list[Sentence], sessions: list[Session]) -> ReportDay | None:
    """The first day in a sentence naming the session; else the first day of a lead sentence about a
    conference that names no other session (to check: it does not say which session)."""
    for sentence in report.sentences:
        if days := session_days(sentence.text):
            return ReportDay(days[0], sentence, names_session=True)
    others = {s.index for session in sessions if session is not report for s in session.sentences}
    for sentence in sentences[:LEAD_SENTENCES]:
        if sentence.index in others or not CONFERENCE.search(fold_in_place(sentence.text)):
            continue
        if days := session_days(sentence.text):
            return ReportDay(days[0], sentence, names_session=False)
    return None


def follows(session: Session, report: Session) -> bool:
    """Whether ``session`` is the one right after the reported one."""
    if session.number and report.number:
        return session.number == report.number + 1
    return session.year is not None and report.year is not None and session.year == report.year + 1
