"""Records: what we keep of a public page whose text we do NOT keep (fixtures/records/*.toml).

A record keeps facts only: the page's address, publication, title and dates; for each session it
states, the session's facts with the short words printed for them; for each figure, the value, growth,
shares, qualifier and period words exactly as printed, and where on the page it stands (``locator``).
Never a sentence: every printed fragment is short (``MAX_FRAGMENT``), and a key that could hold page
text (``quote``, ``clause``…) is refused. Each fragment is read with the parsers the annotation build
uses (``curation.curate``), and must give the curated value. The format is /work/research/FORMAT.md's,
documented for the project in docs/data.md.
"""

import re
import tomllib
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path

from curation.annotations import error_line, header_line, read_entry
from curation.curate import (
    HOST_BASES,
    MENTION_KINDS,
    QUALIFIERS,
    SCOPES,
    SHARE_BASES,
    STATUSES,
    CuratedArticle,
    FigureFacts,
    checked_phrase,
    checked_threshold,
    decimal_or_none,
    half_unit_of_percent,
    is_web_address,
    iso_date,
    period_text,
    sign_problem,
)
from curation.problems import CurationError, Problem
from curation.reference import Reference
from vietnamese.dates import parse_day_month, parse_full_date
from vietnamese.errors import ParseError
from vietnamese.numbers import parse_written_value
from vietnamese.periods import is_to_date, parse_period
from vietnamese.phrases import detect_qualifiers, parse_growth, parse_plan_share, parse_share
from vietnamese.roman import from_roman, parse_session, to_roman
from vietnamese.rounding import quantity_half_unit

# A printed fragment is a number with its unit, a growth phrase, a period's words: never a sentence.
MAX_FRAGMENT = 80
MAX_LOCATOR = 120
MAX_TITLE = 300
# Keys under which page text would be kept: a record never has them.
TEXT_KEYS = {"quote", "quotes", "clause", "period_quote", "text", "excerpt", "sentence"}
# ISO 639-1 codes of the languages pages about the sessions were found in (news sites publish machine
# translations of Vietnamese reports); only "vi" pages give figures, numbers and dates (see below).
# Counts of provinces whose growth passes a threshold (indicators.csv): meaningless without it.
THRESHOLD_INDICATORS = {"provinces_iip_growth", "provinces_industrial_growth", "provinces_export_growth"}
LANGUAGES = {"vi", "en", "fr", "de", "pl", "pt", "id", "fa", "uk", "ru", "ar", "ja", "th", "zh", "ko", "es"}
_SESSION_WORDS = re.compile(r"lần\s+thứ\s+[0-9IVXLC]+\b", re.IGNORECASE)


@dataclass(frozen=True)
class RecordSource:
    slug: str
    publication: str
    url: str
    title: str
    accessed_on: str
    published_on: str = ""
    published_as_written: str = ""
    language: str = "vi"
    note: str = ""
    line: int = 0


@dataclass(frozen=True)
class RecordConference:
    slug: str
    region: str
    kind: str
    year: int
    status: str
    locator: str
    session_as_written: str = ""
    date: str = ""
    date_as_written: str = ""
    host: str = ""
    host_basis: str = ""
    host_as_written: str = ""
    venue: str = ""
    chairs: str = ""
    chairs_titles: str = ""
    next_host: str = ""
    next_host_as_written: str = ""
    note: str = ""
    line: int = 0


@dataclass(frozen=True)
class RecordFigure:
    id: str
    conference: str
    indicator: str
    indicator_as_written: str
    scope: str
    value_as_written: str
    value: str
    unit: str
    qualifier: str
    period_label: str
    locator: str
    province: str = ""
    growth_as_written: str = ""
    growth_pct: str = ""
    share_as_written: str = ""
    share_pct: str = ""
    share_of: str = ""
    plan_share_as_written: str = ""
    plan_share_pct: str = ""
    threshold_as_written: str = ""
    threshold_comparator: str = ""
    threshold_pct: str = ""
    qualifier_as_written: str = ""
    period: str = ""
    as_of: str = ""
    period_context_as_written: str = ""
    note: str = ""
    line: int = 0


@dataclass(frozen=True)
class Record:
    path: Path
    source: RecordSource
    conferences: list[RecordConference] = field(default_factory=list)
    figures: list[RecordFigure] = field(default_factory=list)


ARRAYS = {"conference": RecordConference, "figure": RecordFigure}


def read_record(path: Path) -> Record:
    """Parse and shape-check one record file; raise CurationError listing every problem."""
    text = path.read_text(encoding="utf-8")
    problems: list[Problem] = []
    if not unicodedata.is_normalized("NFC", text):
        problems.append(Problem(str(path), None, "is not NFC-normalised Unicode"))
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise CurationError([Problem(str(path), error_line(exc), f"not valid TOML: {exc}")]) from None
    for key in sorted(set(data) - {"source", *ARRAYS}):
        problems.append(Problem(str(path), header_line(text, key, 0), f"unknown section [{key}]"))
    if not isinstance(data.get("source"), dict):
        problems.append(Problem(str(path), None, "missing the [source] section"))
        raise CurationError(problems)
    tables = {"source": [data["source"]]}
    for key in ARRAYS:
        value = data.get(key, [])
        if not isinstance(value, list):
            problems.append(Problem(str(path), header_line(text, key, 0), f"[{key}] must be [[{key}]]"))
            value = []
        tables[key] = value
    entries = {}
    for key, entry_type in {"source": RecordSource, **ARRAYS}.items():
        entries[key] = []
        for index, table in enumerate(tables[key]):
            line = header_line(text, key, index)
            for name in sorted(TEXT_KEYS & set(table)):
                problems.append(
                    Problem(
                        str(path),
                        line,
                        f"{name!r}: a record keeps no page text; keep the printed fragments and a locator",
                    )
                )
                del table[name]
            entries[key].append(read_entry(entry_type, table, path, line, problems))
    if problems:
        raise CurationError(problems)
    return Record(path, entries["source"][0], entries["conference"], entries["figure"])


class RecordCurator:
    """Check one record and turn it into fixture records, in the shapes ``ArticleCurator`` gives."""

    def __init__(self, record: Record, reference: Reference, problems: list[Problem]):
        self.record = record
        self.reference = reference
        self.problems = problems
        self.result = CuratedArticle(source={})
        self.conference_dates: dict[str, date | None] = {}
        self.conference_regions: dict[str, str] = {}

    def curate(self) -> CuratedArticle:
        self._source()
        for entry in self.record.conferences:
            self._conference(entry)
        ids = set()
        for position, entry in enumerate(self.record.figures):
            if entry.id in ids:
                self._problem(entry.line, f"figure id {entry.id!r} is used twice")
            ids.add(entry.id)
            if entry.indicator:  # a figure no indicator fits stays in the record, unbuilt (FORMAT.md)
                self._figure(entry, position)
        return self.result

    # Source -----------------------------------------------------------------------------------

    def _source(self):
        entry = self.record.source
        line = entry.line
        if not is_web_address(entry.url):
            self._problem(line, f"url {entry.url!r} is not an http(s) address")
        if not entry.publication.strip():
            self._problem(line, "publication is required: the page's name for itself, or its site's")
        if len(entry.title) > MAX_TITLE:
            self._problem(
                line, f"title is {len(entry.title)} characters: a title, not the text, stays under {MAX_TITLE}"
            )
        if entry.language not in LANGUAGES:
            self._problem(line, f"language must be one of {sorted(LANGUAGES)}, not {entry.language!r}")
        self._short(line, "published_as_written", entry.published_as_written)
        published_on = self._iso_date(line, "published_on", entry.published_on)
        accessed_on = self._iso_date(line, "accessed_on", entry.accessed_on)
        if accessed_on is None and not entry.accessed_on:
            self._problem(line, "accessed_on is required: the day the page was read")
        if published_on and entry.published_as_written:
            try:
                if parse_full_date(entry.published_as_written) != published_on:
                    self._problem(line, f"published_on {entry.published_on!r} is not {entry.published_as_written!r}")
            except ParseError as exc:
                self._problem(line, f"published_as_written: {exc}")
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
            self._problem(line, f"unknown region {entry.region!r}")
        if entry.kind not in MENTION_KINDS:
            self._problem(line, f"kind must be one of {sorted(MENTION_KINDS)}, not {entry.kind!r}")
        if entry.status not in STATUSES:
            self._problem(line, f"status must be one of {sorted(STATUSES)}, not {entry.status!r}")
        if (entry.kind == "announcement") != (entry.status == "announced"):
            self._problem(line, "an announcement is of an announced session, and only an announcement is")
        self._locator(line, entry.locator)
        for name in ("session_as_written", "date_as_written", "host_as_written", "venue", "next_host_as_written"):
            self._short(line, name, getattr(entry, name))
        if self.record.source.language != "vi" and (entry.session_as_written or entry.date_as_written):
            self._problem(
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
                self._problem(line, f"session_as_written: {exc}")
        if entry.year < 1:
            self._problem(line, f"year {entry.year} is not a year: set the session's year")
        slug_session = self._slug_session(entry, session_number)
        conference_date = self._iso_date(line, "date", entry.date)
        if conference_date:
            if not entry.date_as_written:
                self._problem(line, "date needs date_as_written, the day as the page prints it")
            else:
                try:
                    if parse_day_month(entry.date_as_written, year=entry.year) != conference_date:
                        self._problem(line, f"date {entry.date!r} is not {entry.date_as_written!r} of {entry.year}")
                except ParseError as exc:
                    self._problem(line, f"date_as_written: {exc}")
        elif entry.date_as_written and _states_a_day(entry.date_as_written, entry.year):
            self._problem(line, f"date_as_written {entry.date_as_written!r} states a day: set date")
        on = self._named_on(entry, conference_date)
        host = self._province(line, "host", entry.host, on)
        if bool(entry.host) != bool(entry.host_basis):
            self._problem(line, "host and host_basis go together")
        elif entry.host_basis and entry.host_basis not in HOST_BASES:
            self._problem(line, f"host_basis must be one of {sorted(HOST_BASES)}, not {entry.host_basis!r}")
        if entry.host_basis == "stated" and not entry.host_as_written:
            self._problem(line, "a stated host needs host_as_written, the words that make it the host")
        next_host = self._province(line, "next_host", entry.next_host, on)
        if entry.next_host and not entry.next_host_as_written:
            self._problem(line, "next_host needs next_host_as_written, the words that name it")
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
                self._problem(
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
        self._problem(
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

    # Figures ----------------------------------------------------------------------------------

    def _figure(self, entry: RecordFigure, position: int):
        line = entry.line
        problems_before = len(self.problems)
        say = lambda message: self._problem(line, f"figure {entry.id!r}: {message}")  # noqa: E731
        if self.record.source.language != "vi":
            say(
                f"a page in {self.record.source.language!r} cannot be checked: the build reads figures as Vietnamese "
                "pages print them; record the figure from a Vietnamese page, or leave its indicator empty"
            )
            return
        self._locator(line, entry.locator, say)
        for name in (
            "indicator_as_written",
            "value_as_written",
            "growth_as_written",
            "share_as_written",
            "plan_share_as_written",
            "threshold_as_written",
            "qualifier_as_written",
            "period_label",
            "period_context_as_written",
        ):
            self._short(line, name, getattr(entry, name), say)
        if entry.conference not in self.conference_regions:
            say(f"unknown conference {entry.conference!r} (not a [[conference]] of this record)")
        indicator = self.reference.indicator(entry.indicator)
        if indicator is None:
            say(f"unknown indicator {entry.indicator!r}")
        if entry.scope not in SCOPES:
            say(f"scope must be one of {sorted(SCOPES)}, not {entry.scope!r}")
        if entry.qualifier not in QUALIFIERS:
            say(f"qualifier must be one of {sorted(QUALIFIERS)}, not {entry.qualifier!r}")
        elif entry.qualifier not in detect_qualifiers(entry.qualifier_as_written):
            marked = "/".join(sorted(detect_qualifiers(entry.qualifier_as_written)))
            say(f"qualifier_as_written {entry.qualifier_as_written!r} marks the figure {marked}, not {entry.qualifier}")
        province = None
        if (entry.scope == "province") != bool(entry.province):
            say("a province is named exactly when the scope is province")
        elif entry.province:
            on = self.conference_dates.get(entry.conference) or self._figure_day(entry)
            province = self._province(line, "province", entry.province, on)
        quantity = self._value(entry, say)
        if quantity and indicator and quantity.unit != indicator["unit"]:
            say(f"the indicator {entry.indicator} is counted in {indicator['unit']}, not {quantity.unit}")
        if quantity:
            problem = sign_problem(entry.indicator, entry.value_as_written, quantity)
            if problem:
                say(problem)
        comparator, threshold = self._threshold(entry, say)
        growth = self._phrase(entry, say, "growth", parse_growth)
        share = self._phrase(entry, say, "share", parse_share)
        plan_share = self._phrase(entry, say, "plan_share", parse_plan_share)
        if bool(entry.share_as_written) != bool(entry.share_of):
            say("share_as_written and share_of go together")
        elif entry.share_of and entry.share_of not in SHARE_BASES:
            say(f"share_of must be one of {sorted(SHARE_BASES)}, not {entry.share_of!r}")
        period = self._period(entry, say)
        if len(self.problems) > problems_before:
            return
        slug = self.record.source.slug
        self.result.figures.append(
            FigureFacts(
                fields={
                    "slug": f"{slug}-{entry.id}",
                    "conference": entry.conference,
                    "source": slug,
                    "indicator": entry.indicator,
                    "indicator_as_written": entry.indicator_as_written,
                    "scope": entry.scope,
                    "province": province,
                    "period_start": period.start,
                    "period_end": period.end,
                    "is_stock": period.is_stock,
                    "period_label": entry.period_label,
                    "period_quote": "",
                    "period_context_as_written": entry.period_context_as_written,
                    "value": quantity.value,
                    "unit": quantity.unit,
                    "unit_as_written": quantity.unit_as_written,
                    "value_as_written": entry.value_as_written,
                    "denominator": quantity.denominator,
                    "threshold_comparator": comparator,
                    "threshold_pct": threshold,
                    "growth_pct": growth,
                    "growth_as_written": entry.growth_as_written,
                    "share_pct": share,
                    "share_as_written": entry.share_as_written,
                    "share_of": entry.share_of,
                    "plan_share_pct": plan_share,
                    "plan_share_as_written": entry.plan_share_as_written,
                    "qualifier": entry.qualifier,
                    "qualifier_as_written": entry.qualifier_as_written,
                    "quote": "",
                    "quote_line": None,
                    "locator": entry.locator,
                    "note_vi": "",
                    "note_en": entry.note,
                    "position": position,
                },
                conference=entry.conference,
                line=line,
                half_unit=quantity_half_unit(quantity),
                share_half_unit=half_unit_of_percent(entry.share_as_written) if share is not None else None,
                signed=bool(quantity.sign_as_written),
            )
        )

    def _value(self, entry: RecordFigure, say):
        try:
            quantity = parse_written_value(entry.value_as_written)
        except ParseError as exc:
            say(f"value_as_written: {exc}")
            return None
        annotated = decimal_or_none(entry.value)
        if annotated is None:
            say(f"value {entry.value!r} is not a number")
        elif annotated != quantity.value:
            say(f"{entry.value_as_written!r} = {quantity.value:f} {quantity.unit}, the record says {annotated:f}")
        if entry.unit != quantity.unit:
            say(f"{entry.value_as_written!r} is in {quantity.unit}, the record says {entry.unit}")
        return quantity

    def _threshold(self, entry: RecordFigure, say) -> tuple[str, Decimal | None]:
        """A count of provinces counts those above a growth threshold: without it, "12/15" says nothing
        a reader could check, so a record must print it ("trên 10%", "cao hơn … (tăng 7,4%)")."""
        if entry.indicator in THRESHOLD_INDICATORS and not entry.threshold_as_written:
            say(f"a count of provinces ({entry.indicator}) needs threshold_as_written, the growth it counts above")
        return checked_threshold(entry, say, clause=None, curated_in="record")

    def _phrase(self, entry: RecordFigure, say, name: str, parse):
        return checked_phrase(entry, name, parse, say, clause=None, curated_in="record")

    def _period(self, entry: RecordFigure, say):
        """The period's words as printed, or (when they lack the year) the words that carry it."""
        words = entry.period_context_as_written or entry.period_label
        if bool(entry.period) == bool(entry.as_of):
            say("give either period (start/end) or as_of (a level at a date)")
            return None
        said_on = None
        if is_to_date(words):
            said_on = self.conference_dates.get(entry.conference)
            if said_on is None:
                say(f"{words!r} is a level at the session's date, but {entry.conference!r} has no date")
                return None
        try:
            parsed = parse_period(words, said_on=said_on)
        except ParseError as exc:
            hint = (
                ""
                if entry.period_context_as_written
                else " (period_context_as_written gives the year when printed apart)"
            )
            say(f"period: {exc}{hint}")
            return None
        try:
            if entry.period:
                start, end = (date.fromisoformat(part) for part in entry.period.split("/"))
                annotated = type(parsed)(start=start, end=end, is_stock=False)
            else:
                annotated = type(parsed)(start=None, end=date.fromisoformat(entry.as_of), is_stock=True)
        except ValueError:
            say(f"period {entry.period!r} / as_of {entry.as_of!r} are not ISO dates (YYYY-MM-DD/YYYY-MM-DD)")
            return None
        if annotated != parsed:
            say(f"{words!r} is {period_text(parsed)}, the record says {period_text(annotated)}")
        return parsed

    def _figure_day(self, entry: RecordFigure) -> date:
        conference = next((c for c in self.record.conferences if c.slug == entry.conference), None)
        return self.result.source.get("published_on") or date(max(conference.year if conference else 1, 1), 1, 1)

    # Helpers ----------------------------------------------------------------------------------

    def _province(self, line: int, label: str, name: str, on: date) -> str | None:
        if not name:
            return None
        province = self.reference.province_named(name, on=on)
        if province is None:
            self._problem(line, f"{label} {name!r} is not a province on {on:%d/%m/%Y}")
            return None
        return province.slug

    def _locator(self, line: int, locator: str, say=None):
        say = say or (lambda message: self._problem(line, message))
        if not locator.strip():
            say("locator is required: where on the page the facts stand")
        elif len(locator) > MAX_LOCATOR:
            say(f"locator is {len(locator)} characters; a locator stays under {MAX_LOCATOR}")

    def _short(self, line: int, name: str, value: str, say=None):
        say = say or (lambda message: self._problem(line, message))
        if len(value) > MAX_FRAGMENT:
            say(f"{name} is {len(value)} characters: a printed fragment stays under {MAX_FRAGMENT}, never a sentence")

    def _iso_date(self, line: int, label: str, value: str) -> date | None:
        return iso_date(value, label, lambda message: self._problem(line, message))

    def _problem(self, line: int | None, message: str):
        self.problems.append(Problem(str(self.record.path), line, message))


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
