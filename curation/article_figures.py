"""Checking one annotated figure against its quote, and turning it into a fixture figure.

The value as written is parsed with its sign, unit and denominator; the growth, share, plan share and
threshold phrases, the qualifier marked by the words before the value, and the period named by its label
must all give what the curator annotated.
"""

import re
from datetime import date
from decimal import Decimal

from curation.annotations import Annotation, FigureEntry
from curation.article_context import ArticleContext
from curation.curated import SHARE_BASES
from curation.field_checks import (
    checked_phrase,
    checked_threshold,
    checked_vocabulary,
    decimal_or_none,
    period_text,
    sign_problem,
)
from curation.figure_facts import figure_facts
from vietnamese.errors import ParseError
from vietnamese.numbers import is_bare_number, parse_written_value
from vietnamese.periods import is_to_date, parse_period
from vietnamese.phrases import detect_qualifiers, parse_growth, parse_plan_share, parse_share
from vietnamese.rounding import quantity_half_unit

# A number right after "giảm" or "nhập siêu" is negative: annotated without its sign word it would read
# as a rise or a surplus. ("tăng"/"xuất siêu" before an unsigned value read the same either way.)
_NEGATIVE_WORD_BEFORE = re.compile(r"(?<!\w)(?P<word>giảm|nhập\s+siêu)\s+\Z", re.IGNORECASE)
_NO_PERIOD = None


def curate_figure(context: ArticleContext, entry: FigureEntry, position: int, known: set[str]):
    """Check one figure of the article (``known``: its sessions that passed their checks). The phrases it
    accounts for are covered; the figure joins the result only when no problem was found in it."""
    line = entry.line
    problems_before = len(context.problems)
    say = lambda message: context.problem(line, f"figure {entry.id!r}: {message}")  # noqa: E731

    quote_line = context.verbatim(line, f"figure {entry.id!r} quote", entry.quote)
    if entry.conference not in known:
        say(f"unknown conference {entry.conference!r}")
    indicator = checked_vocabulary(entry, context.reference, say)
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
        province = context.province(line, [entry.quote], "province", entry.province)

    quantity, half_unit = _value(entry, clause, say)
    if quantity and indicator and quantity.unit != indicator["unit"]:
        say(f"the indicator {entry.indicator} is counted in {indicator['unit']}, not {quantity.unit}")
    if quantity:
        problem = sign_problem(entry.indicator, entry.value_as_written, quantity)
        if problem:
            say(problem)
    growth = checked_phrase(entry, "growth", parse_growth, say, clause=clause, curated_in="annotation")
    share = checked_phrase(entry, "share", parse_share, say, clause=clause, curated_in="annotation")
    plan_share = checked_phrase(entry, "plan_share", parse_plan_share, say, clause=clause, curated_in="annotation")
    if entry.share_of == "annual_plan":
        say(
            'share_of = "annual_plan" no longer exists: write the phrase as plan_share_as_written '
            "and its percentage as plan_share_pct (share_as_written and share_of are for a share of a total)"
        )
    elif bool(entry.share_as_written) != bool(entry.share_of):
        say("share_as_written and share_of go together")
    elif entry.share_of and entry.share_of not in SHARE_BASES:
        say(f"share_of must be one of {sorted(SHARE_BASES)}, not {entry.share_of!r}")
    comparator, threshold = checked_threshold(entry, say, clause=clause, curated_in="annotation")
    period = _period(context, entry, say)
    _denominator(context, entry, quantity, say)

    covered_in = [entry.quote]
    context.result.covered.extend(
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
    context.result.covered.extend((container, entry.period_label) for container in covered_in)

    if len(context.problems) > problems_before:
        return
    context.result.figures.append(
        figure_facts(
            entry,
            source=context.annotation.source.slug,
            province=province,
            period=period,
            quantity=quantity,
            half_unit=half_unit,
            comparator=comparator,
            threshold=threshold,
            growth=growth,
            share=share,
            plan_share=plan_share,
            position=position,
            quote=entry.quote,
            quote_line=quote_line,
            period_quote=entry.period_quote,
            note_vi=entry.note_vi,
            note_en=entry.note_en,
        )
    )


def _value(entry: FigureEntry, clause: str, say):
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


def _period(context: ArticleContext, entry: FigureEntry, say):
    if entry.period_quote:
        context.verbatim(entry.line, f"figure {entry.id!r} period_quote", entry.period_quote)
    where = entry.period_quote or entry.quote
    if entry.period_label not in where:
        say(f"period_label {entry.period_label!r} is not in the {'period_quote' if entry.period_quote else 'quote'}")
    if bool(entry.period) == bool(entry.as_of):
        say("give either period (start/end) or as_of (a level at a date)")
    said_on = None
    if is_to_date(entry.period_label):
        said_on = _conference_date(context.annotation, entry.conference)
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


def _denominator(context: ArticleContext, entry: FigureEntry, quantity, say):
    if quantity is None:
        return
    if entry.denominator != quantity.denominator:
        say(f"the quote gives the denominator {quantity.denominator}, the annotation says {entry.denominator}")
    conference = next((c for c in context.annotation.conferences if c.slug == entry.conference), None)
    region = context.reference.region(conference.region) if conference else None
    if quantity.denominator and entry.scope == "region" and region and quantity.denominator != region["declared_size"]:
        declared = region["declared_size"]
        say(f"counted out of {quantity.denominator}, but {region['slug']} declares {declared} members")


def _conference_date(annotation: Annotation, slug: str) -> date | None:
    """The stated date of one of the article's conferences ("đến nay" in its report means then)."""
    conference = next((c for c in annotation.conferences if c.slug == slug), None)
    try:
        return date.fromisoformat(conference.date) if conference and conference.date else None
    except ValueError:
        return None
