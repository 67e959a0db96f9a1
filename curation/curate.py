"""Checking one annotated article against its text, and turning it into fixture records.

Every value a curator writes is checked against the words it quotes: the quote must occur verbatim
in the article, and the number (with its sign), unit, period, growth, share, plan share, threshold and
qualifier parsed from the quoted words must equal what the curator annotated. A disagreement is a
problem, never a guess. This module checks the source, the sessions and the officials, and hands each
figure to ``curation.article_figures``; what they share is ``curation.article_context``.
"""

from datetime import date

from curation.annotations import ConferenceEntry, OfficialEntry
from curation.article_context import ArticleContext
from curation.article_figures import curate_figure
from curation.curated import HOST_BASES, ROLES, CuratedArticle
from curation.field_checks import checked_session_kind, is_web_address
from vietnamese.dates import parse_day_month, parse_full_date
from vietnamese.errors import ParseError
from vietnamese.roman import from_roman, parse_session, to_roman


class ArticleCurator(ArticleContext):
    def curate(self) -> CuratedArticle:
        if not self.article.is_nfc:
            self.problem(None, f"{self.article.name} is not NFC-normalised Unicode")
        self._source()
        known = set()
        for entry in self.annotation.conferences:
            if self._conference(entry):
                known.add(entry.slug)
        for position, entry in enumerate(self.annotation.officials):
            self._official(entry, position, known)
        ids = set()
        for position, entry in enumerate(self.annotation.figures):
            if entry.id in ids:
                self.problem(entry.line, f"figure id {entry.id!r} is used twice")
            ids.add(entry.id)
            curate_figure(self, entry, position, known)
        for entry in self.annotation.not_figures:
            if self.verbatim(entry.line, "not_a_figure text", entry.text):
                self.result.covered.append(("", entry.text))
            if not entry.reason.strip():
                self.problem(entry.line, "a [[not_a_figure]] needs its reason")
        return self.result

    # Source -----------------------------------------------------------------------------------

    def _source(self):
        entry = self.annotation.source
        for label in ("title", "author", "published_as_written", "reproduction_notice"):
            value = getattr(entry, label)
            if value:
                self.verbatim(entry.line, f"source {label}", value)
                self.result.covered.append(("", value))
        published_on = self.iso_date(entry.line, "published_on", entry.published_on)
        if entry.url and not is_web_address(entry.url):
            self.problem(entry.line, f"url {entry.url!r} is not an http(s) address")
        if entry.published_as_written:
            try:
                if parse_full_date(entry.published_as_written) != published_on:
                    self.problem(
                        entry.line, f"published_on {entry.published_on!r} is not {entry.published_as_written!r}"
                    )
            except ParseError as exc:
                self.problem(entry.line, f"published_as_written: {exc}")
        elif published_on:
            self.problem(entry.line, "published_on needs published_as_written, the date as the page prints it")
        self.result.source = {
            "slug": entry.slug,
            "text_kept": True,
            "file_name": self.article.name,
            "text_sha256": self.article.sha256,
            "url": entry.url,
            "accessed_on": self.iso_date(entry.line, "accessed_on", entry.accessed_on),
            "publication": entry.publication,
            "publication_note": entry.publication_note,
            "title": entry.title,
            "author": entry.author,
            "published_on": published_on,
            "published_as_written": entry.published_as_written,
            "reproduction_notice": entry.reproduction_notice,
        }

    # Conferences ------------------------------------------------------------------------------

    def _conference(self, entry: ConferenceEntry) -> bool:
        problems_before = len(self.problems)
        line = entry.line
        region = self.reference.region(entry.region)
        if region is None:
            self.problem(line, f"unknown region {entry.region!r}")
        checked_session_kind(entry, lambda message: self.problem(line, message))
        if not entry.quotes:
            self.problem(line, "a conference needs at least one quote")
        quote_lines = {quote: self.verbatim(line, "conference quote", quote) for quote in entry.quotes}

        session_number = None
        if entry.session:
            self.stated(line, entry.quotes, "session", entry.session)
            try:
                session_number = parse_session(entry.session)
            except ParseError as exc:
                self.problem(line, f"session: {exc}")
        if entry.year < 1:
            self.problem(line, f"year {entry.year} is not a year: set the session's year")
        else:
            self.stated(line, entry.quotes, "year", str(entry.year))
        slug_session = self._slug_session(line, entry, session_number)

        conference_date = self.iso_date(line, "date", entry.date)
        if conference_date:
            if self.stated(line, entry.quotes, "date_as_written", entry.date_as_written):
                try:
                    if parse_day_month(entry.date_as_written, year=entry.year) != conference_date:
                        self.problem(line, f"date {entry.date!r} is not {entry.date_as_written!r} of {entry.year}")
                except ParseError as exc:
                    self.problem(line, f"date_as_written: {exc}")
        elif entry.date_as_written:
            self.problem(line, "date_as_written is set but date is not")

        # A past session's places are named as they were then; a report or an announcement's, when stated.
        names_on = (conference_date or date(entry.year, 1, 1)) if entry.kind == "mention" else self.reported_on
        host = self.province(line, entry.quotes, "host", entry.host, on=names_on)
        if bool(entry.host) != bool(entry.host_basis):
            self.problem(line, "host and host_basis go together")
        elif entry.host_basis and entry.host_basis not in HOST_BASES:
            self.problem(line, f"host_basis must be one of {sorted(HOST_BASES)}, not {entry.host_basis!r}")
        next_host = self.province(line, entry.quotes, "next_host", entry.next_host, on=names_on)
        for label in ("venue", "organisers", "chairs", "theme"):
            if getattr(entry, label):
                self.stated(line, entry.quotes, label, getattr(entry, label))

        stated = (
            entry.session,
            entry.date_as_written,
            str(entry.year),
            entry.venue,
            entry.organisers,
            entry.chairs,
            entry.theme,
        )
        for quote in entry.quotes:
            self.result.covered.extend((quote, phrase) for phrase in stated)
        if len(self.problems) > problems_before:
            return False
        self.result.conferences.append(
            {
                "slug": entry.slug,
                "region": entry.region,
                "session_number": session_number,
                "year": entry.year,
                "date": conference_date,
                "date_as_written": entry.date_as_written,
                "status": entry.status,
                "host": host,
                "host_basis": entry.host_basis,
                "venue": entry.venue,
                "organisers": entry.organisers,
                "chairs": entry.chairs,
                "theme": entry.theme,
                "next_host": next_host,
                "_slug_session": slug_session,
                "_line": line,
                "_path": str(self.annotation.path),
            }
        )
        for quote, quote_line in quote_lines.items():
            self.result.mentions.append(
                {
                    "conference": entry.slug,
                    "source": self.annotation.source.slug,
                    "kind": entry.kind,
                    "quote": quote,
                    "quote_line": quote_line,
                    "locator": "",
                    "session_number": session_number,
                    "session_as_written": entry.session,
                    "date": conference_date,
                    "date_as_written": entry.date_as_written,
                    "host": host,
                    "host_as_written": "",
                    "venue": entry.venue,
                    "chairs": entry.chairs,
                    "next_host": next_host,
                    "next_host_as_written": "",
                }
            )
        return True

    # Officials --------------------------------------------------------------------------------

    def _official(self, entry: OfficialEntry, position: int, known: set[str]):
        line = entry.line
        problems_before = len(self.problems)
        if entry.conference not in known:
            self.problem(line, f"official of unknown conference {entry.conference!r}")
        if entry.role not in ROLES:
            self.problem(line, f"role must be one of {sorted(ROLES)}, not {entry.role!r}")
        quote_line = self.verbatim(line, "official quote", entry.quote)
        self.stated(line, [entry.quote], "name", entry.name)
        self.stated(line, [entry.quote], "title", entry.title)
        if len(self.problems) == problems_before:
            self.result.officials.append(
                {
                    "conference": entry.conference,
                    "source": self.annotation.source.slug,
                    "name": entry.name,
                    "title": entry.title,
                    "role": entry.role,
                    "quote": entry.quote,
                    "quote_line": quote_line,
                    "position": position,
                }
            )

    def _slug_session(self, line: int, entry, session_number: int | None) -> int | None:
        """The session number a slug names: "<group>-<roman>-<year>", or "<group>-<year>" without one.

        An article that does not repeat the number may use a numbered slug, which another article
        must then state (checked once the conferences are merged)."""
        numbered = f"{entry.region}-{to_roman(session_number).lower()}-{entry.year}" if session_number else None
        if numbered:
            if entry.slug != numbered:
                self.problem(line, f"slug should be {numbered!r}, not {entry.slug!r}")
            return session_number
        if entry.slug == f"{entry.region}-{entry.year}":
            return None
        prefix, suffix = f"{entry.region}-", f"-{entry.year}"
        if entry.slug.startswith(prefix) and entry.slug.endswith(suffix):
            try:
                return from_roman(entry.slug[len(prefix) : -len(suffix)])
            except ParseError:
                pass
        self.problem(
            line,
            f"slug should be {entry.region}-{entry.year} or {entry.region}-<session>-{entry.year}, not {entry.slug!r}",
        )
        return None
