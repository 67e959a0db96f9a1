"""Checking one annotated article against its text, and turning it into fixture records.

Every value a curator writes is checked against the words it quotes: the quote must occur verbatim
in the article, and the number (with its sign), unit, period, growth, share, plan share, threshold and
qualifier parsed from the quoted words must equal what the curator annotated. A disagreement is a
problem, never a guess.
"""

import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from urllib.parse import urlsplit

from curation.annotations import Annotation, ConferenceEntry, FigureEntry, OfficialEntry
from curation.articles import Article
from curation.problems import Problem
from curation.reference import Reference
from vietnamese.dates import parse_day_month, parse_full_date
from vietnamese.errors import ParseError
from vietnamese.numbers import BALANCE_WORDS, is_bare_number, parse_written_value
from vietnamese.periods import is_to_date, parse_period
from vietnamese.phrases import detect_qualifiers, parse_growth, parse_plan_share, parse_share, parse_threshold
from vietnamese.roman import from_roman, parse_session, to_roman
from vietnamese.rounding import quantity_half_unit

MAX_QUOTE_LENGTH = 400
MENTION_KINDS = {"report", "mention", "announcement"}
STATUSES = {"held", "announced"}
HOST_BASES = {"stated", "venue"}
ROLES = {"chair", "speaker", "delegate"}
SCOPES = {"country", "region", "province"}
SHARE_BASES = {"region", "country"}
# The indicator whose value is signed by "xuất siêu" (surplus, +) or "nhập siêu" (deficit, −).
TRADE_BALANCE = "trade_balance"
QUALIFIERS = {"actual", "estimate", "forecast", "lower_bound", "approximate"}


@dataclass
class FigureFacts:
    """A checked figure: its fixture fields, plus what cross-article checks need."""

    fields: dict
    conference: str
    line: int
    half_unit: Decimal  # half the last written digit, in base units: the rounding the text allows
    share_half_unit: Decimal | None = None
    signed: bool = False  # the value is written with a sign word: a change or a balance, never a part of a sum


@dataclass
class CuratedArticle:
    source: dict
    conferences: list[dict] = field(default_factory=list)
    mentions: list[dict] = field(default_factory=list)
    officials: list[dict] = field(default_factory=list)
    figures: list[FigureFacts] = field(default_factory=list)
    covered: list[tuple[str, str]] = field(default_factory=list)  # (container excerpt or "", phrase)


class ArticleCurator:
    def __init__(self, article: Article, annotation: Annotation, reference: Reference, problems: list[Problem]):
        self.article = article
        self.annotation = annotation
        self.reference = reference
        self.problems = problems
        self.result = CuratedArticle(source={})
        self.reported_on = self._reporting_date()

    def curate(self) -> CuratedArticle:
        if not self.article.is_nfc:
            self._problem(None, f"{self.article.name} is not NFC-normalised Unicode")
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
                self._problem(entry.line, f"figure id {entry.id!r} is used twice")
            ids.add(entry.id)
            self._figure(entry, position, known)
        for entry in self.annotation.not_figures:
            if self._verbatim(entry.line, "not_a_figure text", entry.text):
                self.result.covered.append(("", entry.text))
            if not entry.reason.strip():
                self._problem(entry.line, "a [[not_a_figure]] needs its reason")
        return self.result

    # Source -----------------------------------------------------------------------------------

    def _source(self):
        entry = self.annotation.source
        for label in ("title", "author", "published_as_written", "reproduction_notice"):
            value = getattr(entry, label)
            if value:
                self._verbatim(entry.line, f"source {label}", value)
                self.result.covered.append(("", value))
        published_on = self._iso_date(entry.line, "published_on", entry.published_on)
        if entry.url and not is_web_address(entry.url):
            self._problem(entry.line, f"url {entry.url!r} is not an http(s) address")
        if entry.published_as_written:
            try:
                if parse_full_date(entry.published_as_written) != published_on:
                    self._problem(
                        entry.line, f"published_on {entry.published_on!r} is not {entry.published_as_written!r}"
                    )
            except ParseError as exc:
                self._problem(entry.line, f"published_as_written: {exc}")
        elif published_on:
            self._problem(entry.line, "published_on needs published_as_written, the date as the page prints it")
        self.result.source = {
            "slug": entry.slug,
            "text_kept": True,
            "file_name": self.article.name,
            "text_sha256": self.article.sha256,
            "url": entry.url,
            "accessed_on": self._iso_date(entry.line, "accessed_on", entry.accessed_on),
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
            self._problem(line, f"unknown region {entry.region!r}")
        if entry.kind not in MENTION_KINDS:
            self._problem(line, f"kind must be one of {sorted(MENTION_KINDS)}, not {entry.kind!r}")
        if entry.status not in STATUSES:
            self._problem(line, f"status must be one of {sorted(STATUSES)}, not {entry.status!r}")
        if (entry.kind == "announcement") != (entry.status == "announced"):
            self._problem(line, "an announcement is of an announced session, and only an announcement is")
        if not entry.quotes:
            self._problem(line, "a conference needs at least one quote")
        quote_lines = {quote: self._verbatim(line, "conference quote", quote) for quote in entry.quotes}

        session_number = None
        if entry.session:
            self._stated(line, entry.quotes, "session", entry.session)
            try:
                session_number = parse_session(entry.session)
            except ParseError as exc:
                self._problem(line, f"session: {exc}")
        if entry.year < 1:
            self._problem(line, f"year {entry.year} is not a year: set the session's year")
        else:
            self._stated(line, entry.quotes, "year", str(entry.year))
        slug_session = self._slug_session(line, entry, session_number)

        conference_date = self._iso_date(line, "date", entry.date)
        if conference_date:
            if self._stated(line, entry.quotes, "date_as_written", entry.date_as_written):
                try:
                    if parse_day_month(entry.date_as_written, year=entry.year) != conference_date:
                        self._problem(line, f"date {entry.date!r} is not {entry.date_as_written!r} of {entry.year}")
                except ParseError as exc:
                    self._problem(line, f"date_as_written: {exc}")
        elif entry.date_as_written:
            self._problem(line, "date_as_written is set but date is not")

        # A past session's places are named as they were then; a report or an announcement's, when stated.
        names_on = (conference_date or date(entry.year, 1, 1)) if entry.kind == "mention" else self.reported_on
        host = self._province(line, entry.quotes, "host", entry.host, on=names_on)
        if bool(entry.host) != bool(entry.host_basis):
            self._problem(line, "host and host_basis go together")
        elif entry.host_basis and entry.host_basis not in HOST_BASES:
            self._problem(line, f"host_basis must be one of {sorted(HOST_BASES)}, not {entry.host_basis!r}")
        next_host = self._province(line, entry.quotes, "next_host", entry.next_host, on=names_on)
        for label in ("venue", "organisers", "chairs", "theme"):
            if getattr(entry, label):
                self._stated(line, entry.quotes, label, getattr(entry, label))

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
            self._problem(line, f"official of unknown conference {entry.conference!r}")
        if entry.role not in ROLES:
            self._problem(line, f"role must be one of {sorted(ROLES)}, not {entry.role!r}")
        quote_line = self._verbatim(line, "official quote", entry.quote)
        self._stated(line, [entry.quote], "name", entry.name)
        self._stated(line, [entry.quote], "title", entry.title)
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

    # Figures ----------------------------------------------------------------------------------

    def _figure(self, entry: FigureEntry, position: int, known: set[str]):
        line = entry.line
        problems_before = len(self.problems)
        say = lambda message: self._problem(line, f"figure {entry.id!r}: {message}")  # noqa: E731

        quote_line = self._verbatim(line, f"figure {entry.id!r} quote", entry.quote)
        if entry.conference not in known:
            say(f"unknown conference {entry.conference!r}")
        indicator = self.reference.indicator(entry.indicator)
        if indicator is None:
            say(f"unknown indicator {entry.indicator!r}")
        if entry.scope not in SCOPES:
            say(f"scope must be one of {sorted(SCOPES)}, not {entry.scope!r}")
        if entry.qualifier not in QUALIFIERS:
            say(f"qualifier must be one of {sorted(QUALIFIERS)}, not {entry.qualifier!r}")
        if entry.indicator_as_written not in entry.quote:
            say(f"indicator_as_written {entry.indicator_as_written!r} is not in the quote")

        clause = entry.clause or entry.quote
        if entry.clause and entry.clause not in entry.quote:
            say(f"the clause {entry.clause!r} is not in the quote")
            clause = entry.quote

        province = None
        if (entry.scope == "province") != bool(entry.province):
            say("a province is named exactly when the scope is province")
        elif entry.province:
            province = self._province(line, [entry.quote], "province", entry.province)

        quantity, half_unit = self._value(entry, clause, say)
        if quantity and indicator and quantity.unit != indicator["unit"]:
            say(f"the indicator {entry.indicator} is counted in {indicator['unit']}, not {quantity.unit}")
        if quantity:
            self._sign(entry, quantity, say)
        growth = self._phrase(entry, clause, say, "growth", parse_growth)
        share = self._phrase(entry, clause, say, "share", parse_share)
        plan_share = self._phrase(entry, clause, say, "plan_share", parse_plan_share)
        if entry.share_of == "annual_plan":
            say(
                'share_of = "annual_plan" no longer exists: write the phrase as plan_share_as_written '
                "and its percentage as plan_share_pct (share_as_written and share_of are for a share of a total)"
            )
        elif bool(entry.share_as_written) != bool(entry.share_of):
            say("share_as_written and share_of go together")
        elif entry.share_of and entry.share_of not in SHARE_BASES:
            say(f"share_of must be one of {sorted(SHARE_BASES)}, not {entry.share_of!r}")
        comparator, threshold = self._threshold(entry, clause, say)
        period = self._period(entry, say)
        self._denominator(entry, quantity, say)

        covered_in = [entry.quote]
        self.result.covered.extend(
            (entry.quote, phrase)
            for phrase in (
                entry.value_as_written,
                entry.growth_as_written,
                entry.share_as_written,
                entry.plan_share_as_written,
                entry.threshold_as_written,
            )
        )
        if entry.period_quote:
            covered_in.append(entry.period_quote)
        self.result.covered.extend((container, entry.period_label) for container in covered_in)

        if len(self.problems) > problems_before:
            return
        self.result.figures.append(
            FigureFacts(
                fields={
                    "slug": f"{self.annotation.source.slug}-{entry.id}",
                    "conference": entry.conference,
                    "source": self.annotation.source.slug,
                    "indicator": entry.indicator,
                    "indicator_as_written": entry.indicator_as_written,
                    "scope": entry.scope,
                    "province": province,
                    "period_start": period.start,
                    "period_end": period.end,
                    "is_stock": period.is_stock,
                    "period_label": entry.period_label,
                    "period_quote": entry.period_quote,
                    "value": quantity.value,
                    "unit": quantity.unit,
                    "unit_as_written": quantity.unit_as_written,
                    "value_as_written": entry.value_as_written,
                    "denominator": quantity.denominator,
                    "threshold_comparator": comparator,
                    "threshold_pct": threshold,
                    "growth_pct": growth,
                    "share_pct": share,
                    "share_of": entry.share_of,
                    "plan_share_pct": plan_share,
                    "qualifier": entry.qualifier,
                    "qualifier_as_written": "",
                    "growth_as_written": entry.growth_as_written,
                    "share_as_written": entry.share_as_written,
                    "plan_share_as_written": entry.plan_share_as_written,
                    "period_context_as_written": "",
                    "quote": entry.quote,
                    "quote_line": quote_line,
                    "locator": "",
                    "note_vi": entry.note_vi,
                    "note_en": entry.note_en,
                    "position": position,
                },
                conference=entry.conference,
                line=line,
                half_unit=half_unit,
                share_half_unit=half_unit_of_percent(entry.share_as_written) if share is not None else None,
                signed=bool(quantity.sign_as_written),
            )
        )

    def _value(self, entry: FigureEntry, clause: str, say):
        """Parse the value as written, and check it against the annotated value, unit and qualifier."""
        position = clause.find(entry.value_as_written)
        if position == -1:
            say(f"value_as_written {entry.value_as_written!r} is not in the quote")
            return None, Decimal(0)
        if entry.unit_as_written:
            if entry.unit_as_written not in entry.quote:
                say(f"unit_as_written {entry.unit_as_written!r} is not in the quote")
            if not is_bare_number(entry.value_as_written):
                say("unit_as_written is for a value written without its unit (a table-like line's cell)")
        try:
            quantity = parse_written_value(entry.value_as_written, entry.unit_as_written)
        except ParseError as exc:
            say(f"value_as_written: {exc}")
            return None, Decimal(0)
        annotated = decimal_or_none(entry.value)
        if annotated is None:
            say(f"value {entry.value!r} is not a number")
        elif annotated == -quantity.value != 0:
            word = quantity.sign_as_written or "no sign word"
            say(
                f"the sign of value {entry.value!r} disagrees with {entry.value_as_written!r} ({word}): "
                f"a decline or a deficit is negative, a rise or a surplus positive; the quote says {quantity.value:f}"
            )
        elif annotated != quantity.value:
            parsed = f"{quantity.value:f} {quantity.unit}"
            say(f"the quote says {entry.value_as_written!r} = {parsed}, the annotation says {annotated:f}")
        if entry.unit != quantity.unit:
            say(f"the quote's unit is {quantity.unit}, the annotation says {entry.unit}")
        negative_word = _NEGATIVE_WORD_BEFORE.search(clause[:position])
        if negative_word and not quantity.sign_as_written:
            word = " ".join(negative_word["word"].split())
            say(
                f"{entry.value_as_written!r} follows {word!r} in the quote: the value is negative; "
                f"write value_as_written = {word + ' ' + entry.value_as_written!r} and a negative value"
            )
        detected = detect_qualifiers(clause[:position])
        if entry.qualifier not in detected:
            marked = "/".join(sorted(detected))
            say(f"the words before {entry.value_as_written!r} mark it {marked}, not {entry.qualifier}")
        return quantity, quantity_half_unit(quantity)

    def _sign(self, entry: FigureEntry, quantity, say):
        problem = sign_problem(entry.indicator, entry.value_as_written, quantity)
        if problem:
            say(problem)

    def _phrase(self, entry: FigureEntry, clause: str, say, name: str, parse):
        return checked_phrase(entry, name, parse, say, clause=clause, curated_in="annotation")

    def _threshold(self, entry: FigureEntry, clause: str, say):
        return checked_threshold(entry, say, clause=clause, curated_in="annotation")

    def _period(self, entry: FigureEntry, say):
        if entry.period_quote:
            self._verbatim(entry.line, f"figure {entry.id!r} period_quote", entry.period_quote)
        where = entry.period_quote or entry.quote
        if entry.period_label not in where:
            say(
                f"period_label {entry.period_label!r} is not in the {'period_quote' if entry.period_quote else 'quote'}"
            )
        if bool(entry.period) == bool(entry.as_of):
            say("give either period (start/end) or as_of (a level at a date)")
        said_on = None
        if is_to_date(entry.period_label):
            said_on = self._conference_date(entry.conference)
            if said_on is None:
                say(
                    f"period_label {entry.period_label!r} is a level at the session's date, but conference "
                    f"{entry.conference!r} has no date: without one the figure cannot be dated"
                )
                return _NO_PERIOD
        try:
            parsed = parse_period(entry.period_label, said_on=said_on)
        except ParseError as exc:
            say(f"period_label: {exc}")
            return _NO_PERIOD
        annotated = _NO_PERIOD
        try:
            if entry.period:
                start, end = (date.fromisoformat(part) for part in entry.period.split("/"))
                annotated = type(parsed)(start=start, end=end, is_stock=False)
            elif entry.as_of:
                annotated = type(parsed)(start=None, end=date.fromisoformat(entry.as_of), is_stock=True)
        except ValueError:
            say(f"period {entry.period!r} / as_of {entry.as_of!r} are not ISO dates (YYYY-MM-DD/YYYY-MM-DD)")
            return _NO_PERIOD
        if annotated != parsed:
            stated, curated = period_text(parsed), period_text(annotated)
            when = " (the session's date)" if said_on else ""
            say(f"the quote's period {entry.period_label!r} is {stated}{when}, the annotation says {curated}")
        return parsed

    def _denominator(self, entry: FigureEntry, quantity, say):
        if quantity is None:
            return
        if entry.denominator != quantity.denominator:
            say(f"the quote gives the denominator {quantity.denominator}, the annotation says {entry.denominator}")
        conference = next((c for c in self.annotation.conferences if c.slug == entry.conference), None)
        region = self.reference.region(conference.region) if conference else None
        if (
            quantity.denominator
            and entry.scope == "region"
            and region
            and quantity.denominator != region["declared_size"]
        ):
            declared = region["declared_size"]
            say(f"counted out of {quantity.denominator}, but {region['slug']} declares {declared} members")

    # Helpers ----------------------------------------------------------------------------------

    def _conference_date(self, slug: str) -> date | None:
        """The stated date of one of the article's conferences ("đến nay" in its report means then)."""
        conference = next((c for c in self.annotation.conferences if c.slug == slug), None)
        try:
            return date.fromisoformat(conference.date) if conference and conference.date else None
        except ValueError:
            return None

    def _reporting_date(self) -> date:
        """When the article's statements were made: the reported session's date, else the article's
        publication date, else 1 January of the reported year. Names of provinces resolve on it."""
        for entry in self.annotation.conferences:
            if entry.kind == "report" and entry.date:
                try:
                    return date.fromisoformat(entry.date)
                except ValueError:
                    break
        try:
            return date.fromisoformat(self.annotation.source.published_on)
        except ValueError:
            pass
        years = [entry.year for entry in self.annotation.conferences if entry.kind == "report" and entry.year >= 1]
        return date(min(years), 1, 1) if years else date.today()

    def _slug_session(self, line: int, entry, session_number: int | None) -> int | None:
        """The session number a slug names: "<group>-<roman>-<year>", or "<group>-<year>" without one.

        An article that does not repeat the number may use a numbered slug, which another article
        must then state (checked once the conferences are merged)."""
        numbered = f"{entry.region}-{to_roman(session_number).lower()}-{entry.year}" if session_number else None
        if numbered:
            if entry.slug != numbered:
                self._problem(line, f"slug should be {numbered!r}, not {entry.slug!r}")
            return session_number
        if entry.slug == f"{entry.region}-{entry.year}":
            return None
        prefix, suffix = f"{entry.region}-", f"-{entry.year}"
        if entry.slug.startswith(prefix) and entry.slug.endswith(suffix):
            try:
                return from_roman(entry.slug[len(prefix) : -len(suffix)])
            except ParseError:
                pass
        self._problem(
            line,
            f"slug should be {entry.region}-{entry.year} or {entry.region}-<session>-{entry.year}, not {entry.slug!r}",
        )
        return None

    def _province(self, line: int, quotes: list[str], label: str, name: str, *, on: date | None = None) -> str | None:
        if not name:
            return None
        self._stated(line, quotes, label, name)
        on = on or self.reported_on
        province = self.reference.province_named(name, on=on)
        if province is None:
            self._problem(line, f"{label} {name!r} is not a province on {on:%d/%m/%Y}")
            return None
        return province.slug

    def _verbatim(self, line: int, what: str, excerpt: str) -> int | None:
        """The article line of a verbatim excerpt; a problem when it is absent or too long."""
        if len(excerpt) > MAX_QUOTE_LENGTH:
            self._problem(line, f"{what} is {len(excerpt)} characters; quotes stay under {MAX_QUOTE_LENGTH}")
        found = self.article.line_of(excerpt)
        if found is None:
            self._problem(line, f"{what} does not occur verbatim in {self.article.name}: {excerpt[:80]!r}")
        return found

    def _stated(self, line: int, quotes: list[str], label: str, value: str) -> bool:
        if any(value in quote for quote in quotes):
            return True
        self._problem(line, f"{label} {value!r} is not stated in the quotes given for it")
        return False

    def _iso_date(self, line: int, label: str, value: str) -> date | None:
        return iso_date(value, label, lambda message: self._problem(line, message))

    def _problem(self, line: int | None, message: str):
        self.problems.append(Problem(str(self.annotation.path), line, message))


_NO_PERIOD = None


def is_web_address(url: str) -> bool:
    address = urlsplit(url)
    return address.scheme in ("http", "https") and bool(address.netloc) and " " not in url


def sign_problem(indicator: str, value_as_written: str, quantity) -> str | None:
    """A trade balance states its direction ("xuất siêu"/"nhập siêu"), and only a balance does;
    a rise or a decline ("tăng"/"giảm") is the value of a percentage indicator, a growth rate."""
    word = " ".join(quantity.sign_as_written.lower().split())
    if indicator == TRADE_BALANCE and word not in BALANCE_WORDS:
        return (
            f"a trade balance's value_as_written starts with 'xuất siêu' (surplus) or 'nhập siêu' (deficit), "
            f"not {value_as_written!r}"
        )
    if word in BALANCE_WORDS and indicator != TRADE_BALANCE:
        return f"{quantity.sign_as_written!r} states a trade balance: the indicator is {TRADE_BALANCE}"
    if word and word not in BALANCE_WORDS and quantity.unit != "percent":
        return f"{quantity.sign_as_written!r} before a value is a growth rate's sign; only a percentage takes it"
    return None


# A number right after "giảm" or "nhập siêu" is negative: annotated without its sign word it would read
# as a rise or a surplus. ("tăng"/"xuất siêu" before an unsigned value read the same either way.)
_NEGATIVE_WORD_BEFORE = re.compile(r"(?<!\w)(?P<word>giảm|nhập\s+siêu)\s+\Z", re.IGNORECASE)


def checked_threshold(entry, say, *, clause: str | None, curated_in: str) -> tuple[str, Decimal | None]:
    """A count of provinces' ``threshold_as_written`` parsed, and checked against its curated
    ``threshold_comparator`` and ``threshold_pct`` (all three or none). As ``checked_phrase``: with a
    ``clause`` the words must stand in it. Returns the comparator and percentage, or ("", None)."""
    parts = (entry.threshold_as_written, entry.threshold_comparator, entry.threshold_pct)
    if any(parts) and not all(parts):
        say("threshold_as_written, threshold_comparator and threshold_pct go together")
        return "", None
    if not entry.threshold_as_written:
        return "", None
    if clause is not None and entry.threshold_as_written not in clause:
        say(f"threshold_as_written {entry.threshold_as_written!r} is not in the quote")
        return "", None
    try:
        comparator, threshold = parse_threshold(entry.threshold_as_written)
    except ParseError as exc:
        say(f"threshold_as_written: {exc}")
        return "", None
    if (comparator, threshold) != (entry.threshold_comparator, decimal_or_none(entry.threshold_pct)):
        quoted = "the quote says " if clause is not None else ""
        say(
            f"{quoted}{entry.threshold_as_written!r} = {comparator} {threshold}%, the {curated_in} says "
            f"{entry.threshold_comparator} {entry.threshold_pct}%"
        )
    return comparator, threshold


def checked_phrase(entry, name: str, parse, say, *, clause: str | None, curated_in: str) -> Decimal | None:
    """A figure's ``<name>_as_written`` phrase parsed, and checked against its curated ``<name>_pct``.

    With a ``clause`` (an annotation's quote), the phrase must stand in it; a record keeps no text to
    look in. Each problem is ``say``-d; the parsed percentage is returned when there is one.
    """
    written = getattr(entry, f"{name}_as_written")
    annotated = getattr(entry, f"{name}_pct")
    if bool(written) != bool(annotated):
        say(f"{name}_as_written and {name}_pct go together")
        return None
    if not written:
        return None
    if clause is not None and written not in clause:
        say(f"{name}_as_written {written!r} is not in the quote")
        return None
    try:
        parsed = parse(written)
    except ParseError as exc:
        say(f"{name}_as_written: {exc}")
        return None
    if decimal_or_none(annotated) != parsed:
        quoted = "the quote says " if clause is not None else ""
        say(f"{quoted}{written!r} = {parsed}%, the {curated_in} says {annotated}")
    return parsed


def iso_date(value: str, label: str, say) -> date | None:
    """``value`` as a date: none when empty, and a problem ``say``-d when it is not YYYY-MM-DD."""
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        say(f"{label} {value!r} is not an ISO date (YYYY-MM-DD)")
        return None


def decimal_or_none(text: str) -> Decimal | None:
    try:
        return Decimal(text)
    except (InvalidOperation, TypeError):
        return None


def half_unit_of_percent(written: str) -> Decimal:
    """Half the last digit of a percentage as written: "13,3%" allows ±0.05."""
    digits = written.rstrip("%").split()[-1]
    decimals = len(digits.split(",")[1]) if "," in digits else 0
    return Decimal("0.5") * Decimal(10) ** -decimals


def period_text(period) -> str:
    if period is None:
        return "nothing"
    if period.is_stock:
        return f"a level at {period.end}"
    return f"{period.start}/{period.end}"
