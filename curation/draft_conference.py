"""The conference entries of a draft: the session an article reports, past ones it mentions, the next one.

Which sessions the text names, and which it reports, is decided by ``draft_sessions``; the host and
venue by ``draft_hosts``. A flag sentence that names no next session the rules could date still gives
the reported session's next host.

A day without its year takes the session's year; a day whose year contradicts it, or a session without
a year, is left to the reviewer. A field the rules did not settle says so, and "not found in the text"
is written only where the text has nothing of the kind (``draft_conference_gaps``).

A session the data already holds as announced is updated, not added twice (``draft_announced``).
"""

import re
from dataclasses import dataclass
from datetime import date

from curation.draft_announced import update_announced
from curation.draft_captions import is_caption
from curation.draft_conference_gaps import mark_empty
from curation.draft_entries import Entry
from curation.draft_hosts import ORGANISED_LATER, Hosts
from curation.draft_known import KnownData
from curation.draft_places import ProvinceNames
from curation.draft_roles import chairs_in, organisers_in
from curation.draft_sessions import (
    FLAG,
    ReportDay,
    Session,
    bare_sessions,
    choose_report,
    find_sessions,
    follows,
    later,
    report_day,
    session_days,
)
from curation.draft_text import Sentence
from curation.draft_venues import Venues
from curation.draft_wards import Wards
from curation.reference import Reference

_THEME = re.compile(r"với\s+chủ\s+đề\s+[\"“](?P<theme>[^\"”]+)[\"”]", re.IGNORECASE)


@dataclass
class Conferences:
    entries: list[Entry]
    report: Session | None
    reported_on: date | None  # the day names are resolved on, as the build does


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
    day = report_day(report, sentences, sessions)
    if report.year is None and day and day.day.year:
        report.year = day.day.year  # "Sáng 06/10/2023": the text gives the year with the day
        if day.sentence not in report.sentences:
            report.sentences.insert(0, day.sentence)
    bare = bare_sessions(sentences, report, sessions)
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
    hosts = Hosts(reference, names, Venues(names, wards), wards, reported_on, undated)
    builder = _Builder(sentences, reference, hosts, known, reported_on)
    builder.published_on = published_on
    builder.other_sessions = {s.index for session in sessions if session is not report for s in session.sentences}
    entries = []
    following = None
    for session in sessions:
        if session is report:
            continue
        is_later = later(session, report)
        if is_later is None:
            continue  # neither number nor year compares: nothing sure to say about it
        entry = builder.announcement(session) if is_later else builder.mention(session)
        entries.append(entry)
        stated = entry.fields["host_basis"] == "stated"
        if is_later and stated and following is None and follows(session, report):
            following = entry  # the flag handed over names the next session's host
    entries.insert(0, builder.report(report, day, following))
    return Conferences(entries=entries, report=report, reported_on=reported_on)


class _Builder:
    def __init__(
        self,
        sentences: list[Sentence],
        reference: Reference,
        hosts: Hosts,
        known: KnownData,
        on: date,
    ):
        self.sentences = sentences
        self.reference = reference
        self.hosts = hosts
        self.venues = hosts.venues
        self.known = known
        self.other_sessions: set[int] = set()  # sentences naming a session other than the reported one
        self.published_on: date | None = None  # the page's own date, never the session's
        self.on = on  # the day the article's names resolve on

    # The three kinds ---------------------------------------------------------------------------

    def report(self, session: Session, day: ReportDay | None, following: Entry | None) -> Entry:
        entry = self._entry(session, "report", "held")
        facts = [
            s
            for s in session.sentences
            if session_days(s.text) or self.venues.find(s.text) or self.hosts.stated(s.text)
        ]
        quotes = facts[:1] or session.sentences[:1]
        if day and day.sentence not in quotes:
            quotes = [day.sentence, *quotes]
        if not any(self.hosts.stated(s.text) for s in quotes):
            stating = next(
                (s for s in session.sentences if not FLAG.search(s.text) and self.hosts.stated(s.text)), None
            )
            if stating is not None:  # a title says where ("… tại tỉnh X"), the lead who co-organised
                quotes = [*quotes, stating]
            elif hosting := self._hosting_nearby(quotes):
                quotes = [*quotes, hosting]  # "… Hội nghị … đã diễn ra. Tỉnh X là đơn vị đăng cai."
        self._date(entry, session, day)
        self.hosts.draft(entry, quotes)
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
        update_announced(entry, session, self.known, self.reference, self.on)
        return entry

    def mention(self, session: Session) -> Entry:
        entry = self._entry(session, "mention", "held")
        facts = [s for s in session.sentences if self.venues.find(s.text) or self.hosts.stated(s.text)]
        quotes = facts[:1] or session.sentences[:1]
        self.hosts.draft(entry, quotes)
        entry.fields["quotes"] = _unique([s.text for s in quotes])
        self._mark_empty(entry, session, whole_text=False, skip=("organisers", "chairs", "theme", "next_host"))
        update_announced(entry, session, self.known, self.reference, self.on)
        return entry

    def announcement(self, session: Session) -> Entry:
        entry = self._entry(session, "announcement", "announced")
        flagged = [(s, self.hosts.flag_recipient(s.text) or self.hosts.stated(s.text)) for s in session.sentences]
        with_host = [(s, place) for s, place in flagged if place]
        sentence, place = with_host[0] if with_host else (session.sentences[0], None)
        if place:
            self.hosts.record(entry, place.written, "stated")
        else:  # "… sẽ được tổ chức tại tỉnh X": where it will meet, not who hosts it
            in_venue = self.hosts.places_in(self.venues.find(sentence.text))
            if in_venue:
                self.hosts.record(entry, in_venue[-1].written, "venue")
                entry.comments["host_basis"] = "the text says where it will be held, not who hosts it"
        entry.fields["quotes"] = _unique([sentence.text])
        if not entry.fields["host"] and "host" not in entry.comments:
            flag = any(FLAG.search(s.text) for s in session.sentences)
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

    def _hosting_nearby(self, quotes: list[Sentence]) -> Sentence | None:
        """A sentence of the lead's paragraph that names who hosts, and names no session of its own."""
        lines = {s.line for s in quotes}
        for sentence in self.sentences:
            nearby = sentence.line in lines and sentence not in quotes and sentence.index not in self.other_sessions
            if nearby and not FLAG.search(sentence.text) and self.hosts.stated(sentence.text):
                return sentence
        return None

    def _organisers(self, entry: Entry, quotes: list[Sentence], day: ReportDay | None):
        """The organisers the first quote naming them gives, after its day or venue."""
        for quote in quotes:
            lead = quote.text
            after = 0
            if day and day.day.written in lead:
                after = lead.find(day.day.written) + len(day.day.written)
            venue = lead.find(entry.fields["venue"]) if entry.fields["venue"] else -1
            organised = ORGANISED_LATER.search(lead)
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
            place = self.hosts.flag_recipient(sentence.text) if FLAG.search(sentence.text) else None
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
        own = [s for s in self.sentences if s.index not in self.other_sessions]
        searched = own if whole_text else session.sentences
        mark_empty(entry, searched, self.hosts, whole_text=whole_text, skip=skip)


def _unique(items: list[str]) -> list[str]:
    return list(dict.fromkeys(items))
