"""The sessions an article names: the one it reports, past ones mentioned in passing, the next one.

A session is named by a sentence with "hội nghị", a group's words ("khu vực phía Bắc", "khu vực phía
Nam", "Bắc Trung Bộ") and right after them a session number ("lần thứ X", "lần thứ 11") and/or a year
("năm 2024"). The reported session is the first whose sentence gives a day ("Ngày 11/10", "Sáng
17-5"), else the one named most often. Earlier sessions are mentions; later ones announcements, with
the host that receives the flag ("Long An nhận cờ…", "trao cờ … cho tỉnh Thừa Thiên Huế").

A session the data already holds as announced is updated, not added twice: same slug, now held, with
the host the article names (see ``draft_known``).
"""

import re
from dataclasses import dataclass, field
from datetime import date

from curation.draft_entries import NOT_FOUND, Entry
from curation.draft_known import KnownConference, KnownData
from curation.draft_places import Place, ProvinceNames
from curation.draft_text import Sentence, fold_in_place
from curation.reference import Reference
from vietnamese.dates import parse_day_month
from vietnamese.errors import ParseError
from vietnamese.roman import parse_session, to_roman

# Folded words naming each group, most specific first ("Bắc Trung Bộ" before "phía Bắc").
REGION_WORDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("north-central-6", re.compile(r"(?<!\w)bac\s+trung\s+bo(?!\w)")),
    ("north-28", re.compile(r"(?<!\w)phia\s+bac(?!\w)")),
    ("south-20", re.compile(r"(?<!\w)phia\s+nam(?!\w)")),
)
_CONFERENCE = re.compile(r"(?<!\w)hoi\s+nghi(?!\w)")
_AFTER_GROUP = re.compile(
    r"\s*(?:(?P<session>lan\s+thu\s+(?:[ivxlcdm]+|\d+))(?!\w))?\s*(?:[,–-]\s*)?(?P<year>nam\s+\d{4}(?!\d))?"
)
_DAY = re.compile(
    r"(?<![\w/-])(?:(?:ngày|sáng|chiều|tối|trưa|hôm)\s+)?\d{1,2}\s*[-/]\s*\d{1,2}(?![\d/-])",
    re.IGNORECASE,
)
_VENUE = re.compile(r"(?<!\w)tại\s+(?P<venue>[^,;.()]+?(?:\s*\([^()]*\))?)(?=\s*[,;.]|\s*$)", re.IGNORECASE)
_CO_ORGANISER = re.compile(r"UBND\s+(?:tỉnh|thành\s+phố|TP\.?)?\s*$", re.IGNORECASE)
_HOSTING = re.compile(r"^\s+(?:đã\s+|sẽ\s+)?đăng\s+cai", re.IGNORECASE)
_FLAG_GIVEN = re.compile(r"trao\s+cờ.*?\scho\s+(?:tỉnh\s+|thành\s+phố\s+|TP\.?\s*)?$", re.IGNORECASE)
_FLAG_TAKEN = re.compile(r"^\s+nhận\s+cờ", re.IGNORECASE)
_ORGANISED = re.compile(r"\s+(?:đã\s+)?(?:đăng\s+cai\s+)?tổ\s+chức(?!\w)", re.IGNORECASE)
_CHAIRS_BEFORE = re.compile(r"^(?P<chairs>.+?)\s+(?:cùng\s+)?(?:đồng\s+)?chủ\s+trì\s+hội\s+nghị", re.IGNORECASE)
_CHAIRS_AFTER = re.compile(r"^(?:đồng\s+)?chủ\s+trì\s+hội\s+nghị\s*(?:có)?\s*:\s*(?P<chairs>.+?)\.?$", re.I)
_THEME = re.compile(r"với\s+chủ\s+đề\s+[\"“](?P<theme>[^\"”]+)[\"”]", re.IGNORECASE)
_DATELINE = re.compile(r"^\([^()]{2,40}\)\s*[-–—]\s*")
_PLACE = re.compile(r"(?:TP\.?|Tp\.?|thành\s+phố|tỉnh|thị\s+xã|huyện|quận|khu\s+kinh\s+tế)\s+\w", re.I)
MAX_VENUE = 80


@dataclass
class Session:
    region: str
    number: int | None
    year: int
    session_written: str
    sentences: list[Sentence] = field(default_factory=list)

    @property
    def slug(self) -> str:
        parts = [self.region, to_roman(self.number).lower() if self.number else "", str(self.year)]
        return "-".join(part for part in parts if part)


@dataclass
class Conferences:
    entries: list[Entry]
    report: Session | None
    reported_on: date | None  # the day names are resolved on, as the build does: the session's day, else 1 January


def find_sessions(sentences: list[Sentence], reference: Reference) -> list[Session]:
    """Every session named, in order of first mention, each with the sentences naming it."""
    sessions: list[Session] = []
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
                    continue
                _add_session(sessions, region, sentence, after)
            folded = words.sub(lambda m: " " * len(m.group()), folded)  # "Bắc Trung Bộ" is not "phía Bắc"
    return _merge_unnumbered(sessions)


def _add_session(sessions: list[Session], region: str, sentence: Sentence, after: re.Match):
    written = sentence.text[after.start("session") : after.end("session")] if after.group("session") else ""
    number = None
    if written:
        try:
            number = parse_session(written)
        except ParseError:
            written = ""
    year_words = after.group("year")
    year = int(year_words.split()[-1]) if year_words else None
    if year is None:
        return  # a session without its year cannot be named (slug, year) in the data
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
            if other.number and session.number is None and (other.region, other.year) == (session.region, session.year)
        ]
        if len(numbered) == 1:
            numbered[0].sentences.extend(s for s in session.sentences if s not in numbered[0].sentences)
        else:
            kept.append(session)
    return kept


def choose_report(sessions: list[Session]) -> Session | None:
    for session in sessions:
        if any(_day(sentence.text) for sentence in session.sentences):
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
    day = _report_day(report)
    reported_on = day[1] if day else date(report.year, 1, 1)  # the build's rule (ArticleCurator._reporting_date)
    builder = _Builder(sentences, reference, names, known, reported_on, None if day else published_on)
    entries = []
    following = None
    for session in sessions:
        if session is report:
            continue
        later = (session.number or 0) > (report.number or 0) if session.number and report.number else None
        if later is None:
            later = session.year > report.year
        entry = builder.announcement(session) if later else builder.mention(session)
        entries.append(entry)
        if later and entry.fields["host"] and following is None and _follows(session, report):
            following = entry  # the flag handed over names the next session's host
    entries.insert(0, builder.report(report, day, following))
    return Conferences(entries=entries, report=report, reported_on=reported_on)


class _Builder:
    def __init__(self, sentences, reference, names: ProvinceNames, known: KnownData, on: date, published: date | None):
        self.sentences = sentences
        self.reference = reference
        self.names = names
        self.known = known
        self.on = on
        self.published = published  # set when the text gives no day: names may mean another unit then

    # The three kinds ---------------------------------------------------------------------------

    def report(self, session: Session, day, following: Entry | None) -> Entry:
        entry = self._entry(session, "report", "held")
        facts = [s for s in session.sentences if _day(s.text) or self._venue(s.text) or self._stated_host(s.text)]
        quotes = facts[:1] or session.sentences[:1]
        lead = quotes[0]
        if day:
            entry.fields["date"], entry.fields["date_as_written"] = day[1].isoformat(), day[0]
        self._host(entry, quotes)
        self._organisers(entry, lead.text, day[0] if day else "")
        self._chairs_and_theme(entry, quotes)
        if following is not None:
            flag = following.fields["quotes"][0]
            entry.fields["next_host"] = following.fields["host"]
            quotes_text = [s.text for s in quotes] + [flag]
        else:
            quotes_text = [s.text for s in quotes]
        entry.fields["quotes"] = _unique(quotes_text + entry.fields["quotes"])
        self._mark_empty(entry)
        self._update_announced(entry, session)
        return entry

    def mention(self, session: Session) -> Entry:
        entry = self._entry(session, "mention", "held")
        facts = [s for s in session.sentences if self._venue(s.text) or self._stated_host(s.text)]
        quotes = facts[:1] or session.sentences[:1]
        self._host(entry, quotes)
        entry.fields["quotes"] = _unique([s.text for s in quotes])
        self._mark_empty(entry, skip=("organisers", "chairs", "theme", "next_host"))
        self._update_announced(entry, session)
        return entry

    def announcement(self, session: Session) -> Entry:
        entry = self._entry(session, "announcement", "announced")
        flagged = [(s, self._flag_host(s.text)) for s in session.sentences]
        with_host = [(s, place) for s, place in flagged if place]
        sentence, place = with_host[0] if with_host else (session.sentences[0], None)
        if place:
            self._set_host(entry, place.written, "stated")
        entry.fields["quotes"] = _unique([sentence.text])
        if not place:
            entry.todo("no host named for the next session; the flag goes to an unnamed province", "host")
        self._mark_empty(entry, skip=("date", "date_as_written", "venue", "organisers", "chairs", "theme", "next_host"))
        return entry

    # Facts ----------------------------------------------------------------------------------------

    def _entry(self, session: Session, kind: str, status: str) -> Entry:
        entry = Entry("conference")
        entry.fields = {
            "slug": session.slug,
            "region": session.region,
            "kind": kind,
            "session": session.session_written,
            "year": session.year,
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
        return entry

    def _venue(self, text: str) -> Place | None:
        """The venue after "tại", when it names a province or a place ("tại TP Phú Quốc (tỉnh Kiên
        Giang)", "tại thành phố Vinh"), not "tại hội nghị"."""
        for match in _VENUE.finditer(text):
            venue = match.group("venue").strip()
            if len(venue) <= MAX_VENUE and (self.names.find(venue) or _PLACE.match(venue)):
                return Place(match.start("venue"), match.start("venue") + len(venue), venue)
        return None

    def _stated_host(self, text: str) -> Place | None:
        """A province that co-organises ("UBND tỉnh Kiên Giang") or hosts ("Thanh Hóa đã đăng cai")."""
        for place in self.names.find(text):
            if _CO_ORGANISER.search(text[: place.start]) or _HOSTING.match(text[place.end :]):
                return place
        return None

    def _flag_host(self, text: str) -> Place | None:
        for place in self.names.find(text):
            if _FLAG_GIVEN.search(text[: place.start]) or _FLAG_TAKEN.match(text[place.end :]):
                return place
        return None

    def _host(self, entry: Entry, quotes: list[Sentence]):
        venue = next((v for v in (self._venue(s.text) for s in quotes) if v), None)
        stated = next((h for h in (self._stated_host(s.text) for s in quotes) if h), None)
        in_venue = self.names.find(venue.written) if venue else []
        if venue:
            entry.fields["venue"] = venue.written
        if stated:
            self._set_host(entry, stated.written, "stated")
            if in_venue and _fold(in_venue[-1].written) != _fold(stated.written):
                entry.todo(f"the venue {venue.written!r} and the host {stated.written!r} differ: check", "host")
        elif in_venue:
            self._set_host(entry, in_venue[-1].written, "venue")
            if entry.fields["host_basis"]:
                entry.comments["host_basis"] = "the text says where it was held, not who hosted it"

    def _set_host(self, entry: Entry, name: str, basis: str):
        unit = self.reference.province_named(name, on=self.on)
        later = self.reference.province_named(name, on=self.published) if self.published else unit
        if unit is not None and later is not None and later.slug != unit.slug:
            entry.todo(
                f"no day in the text: the build reads {name!r} on {self.on:%d/%m/%Y} as {unit.slug}, but on the "
                f"publication date it is {later.slug}; give the session's date if the text states it",
                "host",
            )
        if unit is None:
            entry.todo(
                f"{name!r} is named, but no province had that name on {self.on:%d/%m/%Y}, the day the build "
                "resolves this article's names on",
                "host",
            )
            return
        entry.fields["host"], entry.fields["host_basis"] = name, basis

    def _organisers(self, entry: Entry, lead: str, day_written: str):
        """The words between the day/venue and "tổ chức": "Bộ Công Thương phối hợp với UBND …"."""
        cursor = 0
        for found in (lead.find(day_written) if day_written else -1, lead.find(entry.fields["venue"] or "\0")):
            if found >= 0:
                cursor = max(cursor, found)
        comma = lead.find(",", cursor)
        organised = _ORGANISED.search(lead, comma + 1 if comma >= 0 else 0)
        if comma < 0 or organised is None:
            return
        organisers = _DATELINE.sub("", lead[comma + 1 : organised.start()].strip())
        if organisers and len(organisers) <= 160 and ". " not in organisers:
            entry.fields["organisers"] = organisers
            entry.todo("organisers taken from the lead sentence: check", "organisers")

    def _chairs_and_theme(self, entry: Entry, quotes: list[Sentence]):
        for sentence in self.sentences:
            match = _CHAIRS_AFTER.match(sentence.text) or _CHAIRS_BEFORE.match(sentence.text)
            if match and not entry.fields["chairs"]:
                entry.fields["chairs"] = match.group("chairs").strip()
                entry.fields["quotes"].append(sentence.text)
                entry.todo("chairs as written: check", "chairs")
        for sentence in quotes:
            if theme := _THEME.search(sentence.text):
                entry.fields["theme"] = theme.group("theme")

    def _mark_empty(self, entry: Entry, skip: tuple[str, ...] = ()):
        for key in ("session", "date", "date_as_written", "host", "host_basis", "venue", "organisers", "chairs"):
            if key not in skip and entry.fields[key] == "" and key not in entry.comments:
                entry.comments[key] = NOT_FOUND
        for key in ("theme", "next_host"):
            if key not in skip and entry.fields[key] == "" and key not in entry.comments:
                entry.comments[key] = "not found in the text"

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
            entry.note(f"The designated host was {designated.name}; this text does not say who hosted it.")
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
    return session.year == report.year + 1


def _report_day(session: Session) -> tuple[str, date] | None:
    for sentence in session.sentences:
        found = _day(sentence.text)
        if found:
            try:
                return found, parse_day_month(found, year=session.year)
            except ParseError:
                continue
    return None


def _day(text: str) -> str:
    """A day as written ("Sáng 17-5", "Ngày 11/10", "23/9"), not a month or quarter ("tháng 9/2024")."""
    for match in _DAY.finditer(text):
        before = text[max(0, match.start() - 6) : match.start()].lower()
        if re.search(r"(?:tháng|quý|số)\s*$", before):
            continue
        return match.group()
    return ""


def _fold(text: str) -> str:
    return " ".join(fold_in_place(text).split())


def _unique(items: list[str]) -> list[str]:
    return list(dict.fromkeys(items))
