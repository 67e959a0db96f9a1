"""The sessions an article names: the one it reports, past ones mentioned in passing, the next one.

A session is named by a sentence with "hội nghị", a group's words ("khu vực phía Bắc", "khu vực phía
Nam", "Bắc Trung Bộ") and right after them a session number ("lần thứ X", "lần thứ 11", "lần 11") and/or a year
("năm 2024"). The reported session is the first whose sentence gives a day ("Ngày 11/10", "Sáng
06/10/2023"), else the one named most often. Earlier sessions are mentions; later ones announcements.

The flag handover names the next host ("Long An nhận cờ…", "trao cờ … cho Sở Công Thương tỉnh X"); a
flag sentence that gives a number or year without the group's words ("… cho tỉnh X, đơn vị đăng cai
Hội nghị lần thứ V năm 2019") announces the next session of the reported group.

A day without its year takes the session's year; a day whose year contradicts it, or a session without
a year, is left to the reviewer. A field the rules did not settle says so, and "not found in the text"
is written only where the text has nothing of the kind.

A session the data already holds as announced is updated, not added twice: same slug, now held, with
the host the article names (see ``draft_known``).
"""

import re
from dataclasses import dataclass, field
from datetime import date

from curation.draft_captions import is_caption
from curation.draft_dates import LOOSE_DAY, Day, days_in, published_line
from curation.draft_entries import NOT_FOUND, TODO, Entry
from curation.draft_known import KnownConference, KnownData
from curation.draft_places import Place, ProvinceNames
from curation.draft_roles import chairs_in, organisers_in
from curation.draft_text import Sentence, fold_in_place
from curation.draft_venues import Venues
from curation.draft_wards import Wards
from curation.reference import MAP_2025, Reference
from vietnamese.errors import ParseError
from vietnamese.roman import parse_session, to_roman

# Folded words naming each group, most specific first ("Bắc Trung Bộ" before "phía Bắc").
REGION_WORDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("north-central-6", re.compile(r"(?<!\w)bac\s+trung\s+bo(?!\w)")),
    ("north-28", re.compile(r"(?<!\w)phia\s+bac(?!\w)")),
    ("south-20", re.compile(r"(?<!\w)phia\s+nam(?!\w)")),
)
_CONFERENCE = re.compile(r"(?<!\w)hoi\s+nghi(?!\w)")
# "lần thứ XI", "lần thứ 11", "lần 11" (folded): a session number, Roman or Arabic, "thứ" or not.
_SESSION_NUMBER = r"lan\s+(?:thu\s+)?(?:[ivxlcdm]+|\d+)"
_AFTER_GROUP = re.compile(
    rf"\s*\(?\s*(?:(?P<session>{_SESSION_NUMBER})(?!\w))?\s*(?:[,–-]\s*)?(?P<year>nam\s+\d{{4}}(?!\d))?"
    rf"(?:\s*[,(–-]?\s*(?P<session_after>{_SESSION_NUMBER})(?!\w))?"  # "năm 2025 (lần thứ XI)"
)
# "UBND tỉnh X … tổ chức", "Bộ Công Thương phối hợp với tỉnh X tổ chức": X co-organises.
_CO_ORGANISER = re.compile(
    r"(?:UBND|Ủy\s+ban\s+nhân\s+dân)\s+(?:tỉnh|thành\s+phố|TP\.?)?\s*$|phối\s+hợp\s+với\s+(?:tỉnh|thành\s+phố|TP\.?)\s*$",
    re.IGNORECASE,
)
_DEPARTMENT = re.compile(r"Sở\s+Công\s+thương\s+(?:tỉnh|thành\s+phố|TP\.?)?\s*$", re.IGNORECASE)
_HOSTING = re.compile(
    r"^\s+(?:đã\s+|sẽ\s+)?(?:vinh\s+dự\s+)?(?:được\s+(?:giao|chọn)\s+(?:nhiệm\s+vụ\s+)?|là\s+(?:đơn\s+vị|địa\s+phương|tỉnh|thành\s+phố)\s+)?"
    r"đăng\s+cai",
    re.IGNORECASE,
)
_ORGANISING = re.compile(r"^\s+(?:đã\s+|sẽ\s+)?(?:đăng\s+cai|phối\s+hợp|tổ\s+chức|chủ\s+trì\s+tổ\s+chức)", re.I)
_ORGANISED_LATER = re.compile(r"tổ\s+chức|đăng\s+cai", re.IGNORECASE)
_HOSTING_WORDS = re.compile(r"(?<!\w)đăng\s+cai(?!\w)", re.IGNORECASE)
_FUTURE = re.compile(r"(?<!\w)sẽ(?!\w)", re.IGNORECASE)
_YEAR_BEFORE = re.compile(r"(?<!\w)nam\s+\d{4}(?!\d)(?=\W*$)")  # the year just before "hội nghị"
# A session named right after "hội nghị" without the group's words: "Hội nghị lần thứ V năm 2019".
_NEXT_SESSION = re.compile(
    rf"\s+(?:(?P<session>{_SESSION_NUMBER})(?!\w))?\s*(?:[,–-]\s*|\(\s*)?(?P<year>nam\s+\d{{4}}(?!\d))?"
)
_FLAG = re.compile(r"(?<!\w)cờ(?!\w)", re.IGNORECASE)
_FLAG_GIVEN = re.compile(
    r"(?:trao|bàn\s+giao|chuyển\s+giao)\s+(?:lại\s+)?(?:lá\s+)?cờ.*?\scho\s+(?:(?:Sở\s+Công\s+thương|UBND|Ủy\s+ban\s+nhân\s+dân|lãnh\s+đạo|đại\s+diện)\s+)*"
    r"(?:tỉnh\s+|thành\s+phố\s+|TP\.?\s*)?$",
    re.IGNORECASE,
)
_FLAG_TAKEN = re.compile(r"^\s+(?:đã\s+)?(?:vinh\s+dự\s+)?(?:đón\s+|tiếp\s+)?nhận\s+(?:lá\s+)?cờ", re.IGNORECASE)
_THEME = re.compile(r"với\s+chủ\s+đề\s+[\"“](?P<theme>[^\"”]+)[\"”]", re.IGNORECASE)
# What a field's facts look like in a text, to tell "not found in the text" from "not settled".
_TRACES = {
    "organisers": re.compile(r"(?<!\w)(?:tổ\s+chức|đăng\s+cai)(?!\w)", re.IGNORECASE),
    "chairs": re.compile(r"(?<!\w)chủ\s+trì(?!\w)", re.IGNORECASE),
    "theme": re.compile(r"(?<!\w)chủ\s+đề(?!\w)", re.IGNORECASE),
    "next_host": _FLAG,
}
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


@dataclass
class Conferences:
    entries: list[Entry]
    report: Session | None
    reported_on: date | None  # the day names are resolved on, as the build does


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
                if not _CONFERENCE.search(folded, max(0, match.start() - 150), match.start()):
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
            dated = [day for day in _session_days(sentence.text) if day.year]
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
        if any(_session_days(sentence.text) for sentence in session.sentences):
            return session
    return max(sessions, key=lambda s: len(s.sentences), default=None)


def draft_conferences(
    sentences: list[Sentence],
    reference: Reference,
    names: ProvinceNames,
    known: KnownData,
    published_on: date | None,
) -> Conferences:
    sessions = find_sessions(sentences, reference)
    report = choose_report(sessions)
    if report is None:
        return Conferences(entries=[], report=None, reported_on=published_on)
    day = _report_day(report, sentences, sessions)
    if report.year is None and day and day.day.year:
        report.year = day.day.year  # "Sáng 06/10/2023": the text gives the year with the day
        if day.sentence not in report.sentences:
            report.sentences.insert(0, day.sentence)
    bare = _bare_sessions(sentences, report, sessions)
    if day and any(day.sentence in session.sentences for session in bare):
        day = None  # the lead's day belongs to another session after all
    sessions += bare
    on = day.day.on(report.year) if day else None
    if on is not None:
        reported_on, undated = on, None
    else:  # the build's rule: the page's date, else 1 January of the session's year
        first_of_year = date(report.year, 1, 1) if report.year else None
        reported_on = published_on or first_of_year or date.today()
        undated = first_of_year if published_on else None
    wards = Wards(reference)
    builder = _Builder(sentences, reference, names, Venues(names, wards), wards, known, reported_on, undated)
    builder.published_on = published_on
    builder.other_sessions = {s.index for session in sessions if session is not report for s in session.sentences}
    entries = []
    following = None
    for session in sessions:
        if session is report:
            continue
        later = _later(session, report)
        if later is None:
            continue  # neither number nor year compares: nothing sure to say about it
        entry = builder.announcement(session) if later else builder.mention(session)
        entries.append(entry)
        stated = entry.fields["host_basis"] == "stated"
        if later and stated and following is None and _follows(session, report):
            following = entry  # the flag handed over names the next session's host
    entries.insert(0, builder.report(report, day, following))
    return Conferences(entries=entries, report=report, reported_on=reported_on)


def _later(session: Session, report: Session) -> bool | None:
    if session.number and report.number:
        return session.number > report.number
    if session.year is not None and report.year is not None:
        return session.year > report.year
    return None


def _bare_sessions(sentences: list[Sentence], report: Session, sessions: list[Session]) -> list[Session]:
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
        handover = bool(_FLAG.search(sentence.text) or _HOSTING_WORDS.search(sentence.text))
        folded = fold_in_place(sentence.text)
        for conference in _CONFERENCE.finditer(folded):
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
    return [session for session in found if _later(session, report) is not None]


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


def _session_days(text: str) -> list[Day]:
    return [] if published_line(text) else days_in(text)


def _report_day(report: Session, sentences: list[Sentence], sessions: list[Session]) -> ReportDay | None:
    """The first day in a sentence naming the session; else the first day of a lead sentence about a
    conference that names no other session (to check: it does not say which session)."""
    for sentence in report.sentences:
        if days := _session_days(sentence.text):
            return ReportDay(days[0], sentence, names_session=True)
    others = {s.index for session in sessions if session is not report for s in session.sentences}
    for sentence in sentences[:LEAD_SENTENCES]:
        if sentence.index in others or not _CONFERENCE.search(fold_in_place(sentence.text)):
            continue
        if days := _session_days(sentence.text):
            return ReportDay(days[0], sentence, names_session=False)
    return None


class _Builder:
    def __init__(
        self,
        sentences: list[Sentence],
        reference: Reference,
        names: ProvinceNames,
        venues: Venues,
        wards: Wards,
        known: KnownData,
        on: date,
        undated: date | None,
    ):
        self.sentences = sentences
        self.reference = reference
        self.names = names
        self.venues = venues
        self.wards = wards
        self.known = known
        self.other_sessions: set[int] = set()  # sentences naming a session other than the reported one
        self.published_on: date | None = None  # the page's own date, never the session's
        self.on = on
        self.undated = (
            undated  # 1 January of the session's year, when the text gives no day and the page's date stands in
        )

    # The three kinds ---------------------------------------------------------------------------

    def report(self, session: Session, day: ReportDay | None, following: Entry | None) -> Entry:
        entry = self._entry(session, "report", "held")
        facts = [
            s
            for s in session.sentences
            if _session_days(s.text) or self.venues.find(s.text) or self._stated_host(s.text)
        ]
        quotes = facts[:1] or session.sentences[:1]
        if day and day.sentence not in quotes:
            quotes = [day.sentence, *quotes]
        if not any(self._stated_host(s.text) for s in quotes):
            stating = next(
                (s for s in session.sentences if not _FLAG.search(s.text) and self._stated_host(s.text)), None
            )
            if stating is not None:  # a title says where ("… tại tỉnh X"), the lead who co-organised
                quotes = [*quotes, stating]
            elif hosting := self._hosting_nearby(quotes):
                quotes = [*quotes, hosting]  # "… Hội nghị … đã diễn ra. Tỉnh X là đơn vị đăng cai."
        self._date(entry, session, day)
        self._host(entry, quotes)
        self._organisers(entry, quotes, day)
        self._chairs_and_theme(entry, quotes)
        quotes_text = [s.text for s in quotes]
        if following is not None:
            entry.fields["next_host"] = following.fields["host"]
            quotes_text.append(following.fields["quotes"][0])
        else:
            self._next_host(entry, session, quotes_text)
        entry.fields["quotes"] = _unique(quotes_text + entry.fields["quotes"])
        self._mark_empty(entry, session, whole_text=True)
        self._update_announced(entry, session)
        return entry

    def mention(self, session: Session) -> Entry:
        entry = self._entry(session, "mention", "held")
        facts = [s for s in session.sentences if self.venues.find(s.text) or self._stated_host(s.text)]
        quotes = facts[:1] or session.sentences[:1]
        self._host(entry, quotes)
        entry.fields["quotes"] = _unique([s.text for s in quotes])
        self._mark_empty(entry, session, whole_text=False, skip=("organisers", "chairs", "theme", "next_host"))
        self._update_announced(entry, session)
        return entry

    def announcement(self, session: Session) -> Entry:
        entry = self._entry(session, "announcement", "announced")
        flagged = [(s, self._flag_host(s.text) or self._stated_host(s.text)) for s in session.sentences]
        with_host = [(s, place) for s, place in flagged if place]
        sentence, place = with_host[0] if with_host else (session.sentences[0], None)
        if place:
            self._set_host(entry, place.written, "stated")
        else:  # "… sẽ được tổ chức tại tỉnh X": where it will meet, not who hosts it
            venue = self.venues.find(sentence.text)
            in_venue = _outside_brackets_first(self.names.find(venue.written), venue.written) if venue else []
            if in_venue:
                self._set_host(entry, in_venue[-1].written, "venue")
                entry.comments["host_basis"] = "the text says where it will be held, not who hosts it"
        entry.fields["quotes"] = _unique([sentence.text])
        if not entry.fields["host"] and "host" not in entry.comments:
            flag = any(_FLAG.search(s.text) for s in session.sentences)
            entry.todo("the flag goes to no province the rules could find" if flag else "no host named for it", "host")
        skip = ("date", "date_as_written", "venue", "organisers", "chairs", "theme", "next_host")
        self._mark_empty(entry, session, whole_text=False, skip=skip)
        return entry

    # Facts ----------------------------------------------------------------------------------------

    def _entry(self, session: Session, kind: str, status: str) -> Entry:
        entry = Entry("conference")
        entry.fields = {
            "slug": session.slug,
            "region": session.region,
            "kind": kind,
            "session": session.session_written,
            "year": session.year or 0,
            "status": status,
            "date": "",
            "date_as_written": "",
            "host": "",
            "host_basis": "",
            "venue": "",
            "organisers": "",
            "chairs": "",
            "theme": "",
            "next_host": "",
            "quotes": [],
        }
        if not session.session_written:
            entry.comments["session"] = "no session number in the text"
        if session.year is None:
            entry.todo("the text gives no year for this session: set it, with a quote that states it", "year")
            entry.todo("the slug needs the session's year", "slug")
        return entry

    def _date(self, entry: Entry, session: Session, day: ReportDay | None):
        if day is None:
            return
        on = day.day.on(session.year)
        if on is None:
            if session.year is None:
                reason = f"the text gives the day {day.day.written!r} but no year for the session"
                if self.published_on is not None:
                    reason += f" (the page itself is dated {self.published_on:%d/%m/%Y})"
            else:
                reason = (
                    f"the text gives the day {day.day.written!r}, which is not of the session's year {session.year}"
                )
            entry.todo(f"{reason}: set the date once the year is settled", "date")
            return
        entry.fields["date"], entry.fields["date_as_written"] = on.isoformat(), day.day.written
        if not day.names_session:
            entry.todo("the day of a lead sentence that does not name the session by number or year: check", "date")

    def _stated_host(self, text: str) -> Place | None:
        """A province that co-organises ("UBND tỉnh Kiên Giang … tổ chức", "phối hợp với tỉnh Tuyên Quang tổ
        chức"), hosts ("Thanh Hóa đã đăng cai")
        or organises through its department ("Sở Công Thương tỉnh Nghệ An phối hợp … tổ chức")."""
        for place in self.names.find(text):
            before, after = text[: place.start], text[place.end :]
            if _HOSTING.match(after):
                return place
            if _CO_ORGANISER.search(before) and _ORGANISED_LATER.search(after):
                return place
            if _DEPARTMENT.search(before) and _ORGANISING.match(after):
                return place
        return None

    def _hosting_nearby(self, quotes: list[Sentence]) -> Sentence | None:
        """A sentence of the lead's paragraph that names who hosts, and names no session of its own."""
        lines = {s.line for s in quotes}
        for sentence in self.sentences:
            nearby = sentence.line in lines and sentence not in quotes and sentence.index not in self.other_sessions
            if nearby and not _FLAG.search(sentence.text) and self._stated_host(sentence.text):
                return sentence
        return None

    def _flag_host(self, text: str) -> Place | None:
        for place in self.names.find(text):
            if _FLAG_GIVEN.search(text[: place.start]) or _FLAG_TAKEN.match(text[place.end :]):
                return place
        return None

    def _host(self, entry: Entry, quotes: list[Sentence]):
        venue = next((v for v in (self.venues.find(s.text) for s in quotes) if v), None)
        stated = next((h for h in (self._stated_host(s.text) for s in quotes) if h), None)
        in_venue = _outside_brackets_first(self.names.find(venue.written), venue.written) if venue else []
        # "thành phố Huế" in 2023 is a city of Thừa Thiên Huế, not a province to compare with the host
        provinces = [place for place in in_venue if self.reference.province_named(place.written, on=self.on)]
        if venue:
            entry.fields["venue"] = venue.written
        if stated:
            self._set_host(entry, stated.written, "stated")
            if provinces and _fold(provinces[-1].written) != _fold(stated.written):
                entry.todo(f"the venue {venue.written!r} and the host {stated.written!r} differ: check", "host")
        elif in_venue:
            self._set_host(entry, in_venue[-1].written, "venue")
            if entry.fields["host_basis"]:
                entry.comments["host_basis"] = "the text says where it was held, not who hosted it"
        if venue:
            self._ward_of_venue(entry, venue)

    def _ward_of_venue(self, entry: Entry, venue: Place):
        """A ward or commune of the 2025 map in the venue: its province, for the reviewer."""
        if self.on < min(p.valid_from for p in self.reference.provinces if p.administrative_map == MAP_2025):
            return  # before July 2025 a "phường" is one of the old map's, which the list does not hold
        host = self.reference.province_named(entry.fields["host"], on=self.on) if entry.fields["host"] else None
        for ward in self.wards.find(venue.written):
            province = self.wards.province_of(ward.written, within=host)
            if host is not None and province is None:
                entry.todo(f"the statistics office's list has no {ward.written!r} in {host.name}: check", "host")
            elif host is None and province is not None:
                entry.todo(
                    f"the venue {ward.written!r} is a unit of {province.name} on the 2025 map (the statistics "
                    f"office's list), but the text does not name the province with it: the host is not stated",
                    "host",
                )
            elif host is None:
                entry.todo(f"{ward.written!r} is the name of units in several provinces: which is not stated", "host")
            return

    def _set_host(self, entry: Entry, name: str, basis: str):
        unit = self.reference.province_named(name, on=self.on)
        if unit is None:
            entry.todo(
                f"{name!r} is named, but no province had that name on {self.on:%d/%m/%Y}, the day the build "
                "resolves this article's names on",
                "host",
            )
            return
        earlier = self.reference.province_named(name, on=self.undated) if self.undated else unit
        if earlier is not None and earlier.slug != unit.slug:
            entry.todo(
                f"no day in the text: the build reads {name!r} on the page's date {self.on:%d/%m/%Y} as {unit.slug}, "
                f"but on {self.undated:%d/%m/%Y} it was {earlier.slug}; give the session's date if the text states it",
                "host",
            )
        entry.fields["host"], entry.fields["host_basis"] = name, basis

    def _organisers(self, entry: Entry, quotes: list[Sentence], day: ReportDay | None):
        """The organisers the first quote naming them gives, after its day or venue."""
        for quote in quotes:
            lead = quote.text
            after = 0
            if day and day.day.written in lead:
                after = lead.find(day.day.written) + len(day.day.written)
            venue = lead.find(entry.fields["venue"]) if entry.fields["venue"] else -1
            organised = _ORGANISED_LATER.search(lead)
            if venue >= 0 and (organised is None or venue < organised.start()):  # not "… tổ chức Hội nghị … tại X"
                after = max(after, venue + len(entry.fields["venue"]))
            if organisers := organisers_in(lead, after):
                entry.fields["organisers"] = organisers
                entry.todo("organisers taken from the lead sentence: check", "organisers")
                return

    def _chairs_and_theme(self, entry: Entry, quotes: list[Sentence]):
        for sentence in self.sentences:
            if is_caption(sentence.text):
                continue  # "Các đồng chí chủ trì hội nghị" under a photo names nobody
            if chairs := chairs_in(sentence.text):
                entry.fields["chairs"] = chairs
                entry.fields["quotes"].append(sentence.text)
                entry.todo("chairs as written: check", "chairs")
                break
        for sentence in quotes:
            if theme := _THEME.search(sentence.text):
                entry.fields["theme"] = theme.group("theme")

    def _next_host(self, entry: Entry, session: Session, quotes: list[str]):
        """A flag handed over without a session the rules could name: its recipient is the next host."""
        for sentence in self.sentences:
            place = self._flag_host(sentence.text) if _FLAG.search(sentence.text) else None
            if place is None:
                continue
            if self.reference.province_named(place.written, on=self.on) is None:
                entry.todo(f"the flag goes to {place.written!r}, no province on {self.on:%d/%m/%Y}", "next_host")
                return
            entry.fields["next_host"] = place.written
            quotes.append(sentence.text)
            entry.todo("the flag sentence names no next session the rules could date: check", "next_host")
            return

    def _mark_empty(self, entry: Entry, session: Session, *, whole_text: bool, skip: tuple[str, ...] = ()):
        """An empty field's comment: "not found" only where the text has nothing of the kind."""
        own = [s for s in self.sentences if s.index not in self.other_sessions]
        searched = own if whole_text else session.sentences
        where = "in the text" if whole_text else "in the sentences naming this session"
        for key in (
            "date",
            "date_as_written",
            "host",
            "host_basis",
            "venue",
            "organisers",
            "chairs",
            "theme",
            "next_host",
        ):
            if key in skip or entry.fields[key] != "" or key in entry.comments:
                continue
            trace = self._trace(key, searched)
            if trace:
                entry.comments[key] = f"{TODO}not settled by the drafting rules, though the text has {trace!r}: check"
            elif key in ("theme", "next_host"):
                entry.comments[key] = f"not found {where}"
            else:
                entry.comments[key] = NOT_FOUND if whole_text else f"{TODO}not found {where}"

    def _trace(self, key: str, sentences: list[Sentence]) -> str:
        """Words of ``sentences`` that may state ``key``, for the reviewer; "" when there are none."""
        for sentence in sentences:
            text = sentence.text
            if key in ("date", "date_as_written"):
                found = _session_days(text)
                if found:
                    return found[0].written
                about_a_session = _CONFERENCE.search(fold_in_place(text)) and not published_line(text)
                if about_a_session and (loose := LOOSE_DAY.search(text)):
                    return loose.group()
            elif key == "venue":
                if venue := self.venues.find(text):
                    return venue.written
            elif key in ("host", "host_basis"):
                place = self._stated_host(text) or self.venues.find(text)
                if place:
                    return place.written
            elif (pattern := _TRACES.get(key)) and (match := pattern.search(text)):
                return text[max(0, match.start() - 40) : match.end() + 40].strip()
        return ""

    # An announced session, now held --------------------------------------------------------------

    def _update_announced(self, entry: Entry, session: Session):
        announced: KnownConference | None = self.known.announced(session.region, session.number, session.year)
        if announced is None:
            return
        if announced.year != session.year:
            entry.todo(
                f"the data holds {announced.slug} as announced for {announced.year}; this text says "
                f"{session.year}: check whether it is the same session"
            )
            return
        entry.fields["slug"] = announced.slug
        entry.note(f"Updates {announced.slug}, which the data holds as announced: now held, as this text reports.")
        if session.number is None and announced.session_number:
            entry.todo(
                f"the text gives no session number; {announced.slug} keeps the number of its announcement "
                "(the build's slug check needs the session stated: see docs/data.md)"
            )
        designated = announced.host
        if designated is None:
            return
        actual = entry.fields["host"]
        if not actual:
            entry.todo(f"the designated host was {designated.name}; the rules found no host in this text: check")
            return
        actual_unit = self.reference.province_named(actual, on=self.on)
        if actual_unit and actual_unit.slug == designated.slug:
            return
        if actual_unit and designated.successor == actual_unit.slug:
            entry.note(
                f"The designated host {designated.name} is now part of {actual_unit.name} (2025 reorganisation): "
                f"the host is the unit that held the session, {actual_unit.name} ({actual_unit.slug}), "
                f"resolved on {self.on:%d/%m/%Y}."
            )
        else:
            entry.todo(f"the announcement named {designated.name} as host; this text says {actual}: check", key="host")
        entry.note("A report supersedes the host of its announcement (see docs/data.md, consistency of hosts).")


def _follows(session: Session, report: Session) -> bool:
    if session.number and report.number:
        return session.number == report.number + 1
    return session.year is not None and report.year is not None and session.year == report.year + 1


def _outside_brackets_first(places: list[Place], text: str) -> list[Place]:
    """The places of a venue, those in brackets first, so that the last is the one it is written as:
    "TP Phú Quốc (tỉnh Kiên Giang)" is in Kiên Giang, "phường Tân An, tỉnh Tây Ninh (trước đây là …, tỉnh
    Long An)" in Tây Ninh."""
    bracketed = [place for place in places if text[: place.start].count("(") > text[: place.start].count(")")]
    return [*bracketed, *(place for place in places if place not in bracketed)]


def _fold(text: str) -> str:
    return " ".join(fold_in_place(text).split())


def _unique(items: list[str]) -> list[str]:
    return list(dict.fromkeys(items))
