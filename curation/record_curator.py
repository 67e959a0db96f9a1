"""Checking one record against the parsers, and turning it into fixture records.

A record keeps no text to look in, so each fragment it prints is read on its own: the publication date
and a session's number and day as the page prints them must give the curated values, and the places
it names must be provinces on the session's day. This module checks the source and the sessions, and
hands each figure to ``curation.record_figures``; what they share is ``curation.record_context``.
"""

import re
from datetime import date

from curation.curated import HOST_BASES, CuratedArticle
from curation.field_checks import checked_session_kind, is_web_address
from curation.record_context import RecordContext
from curation.record_figures import curate_record_figure
from curation.records import LANGUAGES, MAX_TITLE, RecordConference
from vietnamese.dates import parse_day_month, parse_full_date
from vietnamese.errors import ParseError
from vietnamese.roman import from_roman, parse_session, to_roman

_SESSION_WORDS = re.compile(r"lần\s+thứ\s+[0-9IVXLC]+\b", re.IGNORECASE)


class RecordCurator(RecordContext):
    """Check one record and turn it into fixture records, in the shapes ``ArticleCurator`` gives."""

    def curate(self) -> CuratedArticle:
        self._source()
        for entry in self.record.conferences:
            self._conference(entry)
        ids = set()
        for position, entry in enumerate(self.record.figures):
            if entry.id in ids:
                self.problem(entry.line, f"figure id {entry.id!r} is used twice")
            ids.add(entry.id)
            if entry.indicator:  # a figure no indicator fits stays in the record, unbuilt (FORMAT.md)
                curate_record_figure(self, entry, position)
        return self.result

    # Source -----------------------------------------------------------------------------------

    def _source(self):
        entry = self.record.source
        line = entry.line
        if not is_web_address(entry.url):
            self.problem(line, f"url {entry.url!r} is not an http(s) address")
        if not entry.publication.strip():
            self.problem(line, "publication is required: the page's name for itself, or its site's")
        if len(entry.title) > MAX_TITLE:
            self.problem(
                line, f"title is {len(entry.title)} characters: a title, not the text, stays under {MAX_TITLE}"
            )
        if entry.language not in LANGUAGES:
            self.problem(line, f"language must be one of {sorted(LANGUAGES)}, not {entry.language!r}")
        self.check_fragment(line, "published_as_written", entry.published_as_written)
        published_on = self.iso_date(line, "published_on", entry.published_on)
        accessed_on = self.iso_date(line, "accessed_on", entry.accessed_on)
        if accessed_on is None and not entry.accessed_on:
            self.problem(line, "accessed_on is required: the day the page was read")
        if published_on and entry.published_as_written:
            try:
                if parse_full_date(entry.published_as_written) != published_on:
                    self.problem(line, f"published_on {entry.published_on!r} is not {entry.published_as_written!r}")
            except ParseError as exc:
                self.problem(line, f"published_as_written: {exc}")
        self.result.source = {
            "slug": entry.slug,
            "text_kept": False,
            "file_name": "",
            "text_sha256": "",
            "url": entry.url,
            "accessed_on": accessed_on,
            "publication": entry.publication,
            "publication_note": entry.note,
            "title": entry.title,
            "author": "",
            "published_on": published_on,
            "published_as_written": entry.published_as_written,
            "reproduction_notice": "",
        }

    # Conferences ------------------------------------------------------------------------------

    def _conference(self, entry: RecordConference):
        line = entry.line
        problems_before = len(self.problems)
        if self.reference.region(entry.region) is None:
            self.problem(line, f"unknown region {entry.region!r}")
        checked_session_kind(entry, lambda message: self.problem(line, message))
        self.check_locator(line, entry.locator)
        for name in ("session_as_written", "date_as_written", "host_as_written", "venue", "next_host_as_written"):
            self.check_fragment(line, name, getattr(entry, name))
        if self.record.source.language != "vi" and (entry.session_as_written or entry.date_as_written):
            self.problem(
                line,
                f"a page in {self.record.source.language!r} cannot be checked: session_as_written and "
                "date_as_written are read as Vietnamese pages print them; leave them (and the date) empty",
            )
            return
        session_number = None
        if entry.session_as_written:
            try:
                session_number = parse_session(_session_words(entry.session_as_written))
            except ParseError as exc:
                self.problem(line, f"session_as_written: {exc}")
        if entry.year < 1:
            self.problem(line, f"year {entry.year} is not a year: set the session's year")
        slug_session = self._slug_session(entry, session_number)
        conference_date = self.iso_date(line, "date", entry.date)
        if conference_date:
            if not entry.date_as_written:
                self.problem(line, "date needs date_as_written, the day as the page prints it")
            else:
                try:
                    if parse_day_month(entry.date_as_written, year=entry.year) != conference_date:
                        self.problem(line, f"date {entry.date!r} is not {entry.date_as_written!r} of {entry.year}")
                except ParseError as exc:
                    self.problem(line, f"date_as_written: {exc}")
        elif entry.date_as_written and _states_a_day(entry.date_as_written, entry.year):
            self.problem(line, f"date_as_written {entry.date_as_written!r} states a day: set date")
        on = self._named_on(entry, conference_date)
        host = self.province(line, "host", entry.host, on)
        if bool(entry.host) != bool(entry.host_basis):
            self.problem(line, "host and host_basis go together")
        elif entry.host_basis and entry.host_basis not in HOST_BASES:
            self.problem(line, f"host_basis must be one of {sorted(HOST_BASES)}, not {entry.host_basis!r}")
        if entry.host_basis == "stated" and not entry.host_as_written:
            self.problem(line, "a stated host needs host_as_written, the words that make it the host")
        next_host = self.province(line, "next_host", entry.next_host, on)
        if entry.next_host and not entry.next_host_as_written:
            self.problem(line, "next_host needs next_host_as_written, the words that name it")
        if len(self.problems) > problems_before:
            return
        self.conference_dates[entry.slug] = conference_date
        self.conference_regions[entry.slug] = entry.region
        stated = {
            "session_number": session_number,
            "date": conference_date,
            "date_as_written": entry.date_as_written,
            "host": host,
            "venue": entry.venue,
            "chairs": entry.chairs,
            "next_host": next_host,
        }
        self.result.conferences.append(
            {
                "slug": entry.slug,
                "region": entry.region,
                "year": entry.year,
                "status": entry.status,
                "host_basis": entry.host_basis,
                "organisers": "",
                "theme": "",
                **stated,
                "_slug_session": slug_session,
                "_line": line,
                "_path": str(self.record.path),
                "_record": True,
            }
        )
        self.result.mentions.append(
            {
                "conference": entry.slug,
                "source": self.record.source.slug,
                "kind": entry.kind,
                "quote": "",
                "quote_line": None,
                "locator": entry.locator,
                "session_as_written": entry.session_as_written,
                "host_as_written": entry.host_as_written,
                "next_host_as_written": entry.next_host_as_written,
                **stated,
            }
        )

    def _slug_session(self, entry: RecordConference, session_number: int | None) -> int | None:
        """The slug names the session: "<group>-<roman>-<year>", or "<group>-<year>".

        A group meets once a year, so "<group>-<year>" always fits; it is the slug of a session whose
        pages print no number, or numbers that disagree (the page's own number stays on its mention).
        """
        if entry.slug == f"{entry.region}-{entry.year}":
            return None
        if session_number:
            expected = f"{entry.region}-{to_roman(session_number).lower()}-{entry.year}"
            if entry.slug != expected:
                self.problem(
                    entry.line,
                    f"slug should be {expected!r}, the number of {entry.session_as_written!r}, not {entry.slug!r}",
                )
            return session_number
        prefix, suffix = f"{entry.region}-", f"-{entry.year}"
        if entry.slug.startswith(prefix) and entry.slug.endswith(suffix):
            try:
                return from_roman(entry.slug[len(prefix) : -len(suffix)])  # another source must state it
            except ParseError:
                pass
        self.problem(
            entry.line,
            f"slug should be {entry.region}-{entry.year} or {entry.region}-<session>-{entry.year}, not {entry.slug!r}",
        )
        return None

    def _named_on(self, entry: RecordConference, conference_date: date | None) -> date:
        """The day a place named for a session is read on the map: the session's, when stated; for a
        report or an announcement, the page's; for a past session without its day, its year's first."""
        if conference_date:
            return conference_date
        published = self.result.source.get("published_on")
        if entry.kind != "mention" and published:
            return published
        return date(max(entry.year, 1), 1, 1)


def _session_words(written: str) -> str:
    """The session's own words in a fragment as printed: "lần thứ X" of "Hội nghị … lần thứ X, năm 2024"."""
    found = _SESSION_WORDS.search(written)
    return found.group(0) if found else written


def _states_a_day(written: str, year: int) -> bool:
    try:
        parse_day_month(written, year=year)
    except ParseError:
        return False
    return True
