"""Checking one figure of a record against the parsers, and turning it into a fixture figure.

A record keeps the figure's printed fragments, not its sentence: the value as written, its growth,
share, plan share and threshold phrases, the words that mark its qualifier and its period's words must
each give what the record curates. Only a Vietnamese page's figure can be read so.
"""

from datetime import date
from decimal import Decimal

from curation.curated import QUALIFIERS, SHARE_BASES
from curation.field_checks import (
    checked_phrase,
    checked_threshold,
    checked_vocabulary,
    decimal_or_none,
    period_text,
    sign_problem,
)
from curation.figure_facts import figure_facts
from curation.record_context import RecordContext
from curation.records import RecordFigure
from vietnamese.errors import ParseError
from vietnamese.numbers import parse_written_value
from vietnamese.periods import is_to_date, parse_period
from vietnamese.phrases import detect_qualifiers, parse_growth, parse_plan_share, parse_share
from vietnamese.rounding import quantity_half_unit

# Counts of provinces whose growth passes a threshold (indicators.csv): meaningless without it.
THRESHOLD_INDICATORS = {"provinces_iip_growth", "provinces_industrial_growth", "provinces_export_growth"}


def curate_record_figure(context: RecordContext, entry: RecordFigure, position: int):
    """Check one figure of the record; it joins the result only when no problem was found in it."""
    line = entry.line
    problems_before = len(context.problems)
    say = lambda message: context.problem(line, f"figure {entry.id!r}: {message}")  # noqa: E731
    if context.record.source.language != "vi":
        say(
            f"a page in {context.record.source.language!r} cannot be checked: the build reads figures as Vietnamese "
            "pages print them; record the figure from a Vietnamese page, or leave its indicator empty"
        )
        return
    context.check_locator(line, entry.locator, say)
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
        context.check_fragment(line, name, getattr(entry, name), say)
    if entry.conference not in context.conference_regions:
        say(f"unknown conference {entry.conference!r} (not a [[conference]] of this record)")
    indicator = checked_vocabulary(entry, context.reference, say)
    if entry.qualifier in QUALIFIERS and entry.qualifier not in detect_qualifiers(entry.qualifier_as_written):
        marked = "/".join(sorted(detect_qualifiers(entry.qualifier_as_written)))
        say(f"qualifier_as_written {entry.qualifier_as_written!r} marks the figure {marked}, not {entry.qualifier}")
    province = None
    if (entry.scope == "province") != bool(entry.province):
        say("a province is named exactly when the scope is province")
    elif entry.province:
        on = context.conference_dates.get(entry.conference) or _figure_day(context, entry)
        province = context.province(line, "province", entry.province, on)
    quantity = _value(entry, say)
    if quantity and indicator and quantity.unit != indicator["unit"]:
        say(f"the indicator {entry.indicator} is counted in {indicator['unit']}, not {quantity.unit}")
    if quantity:
        problem = sign_problem(entry.indicator, entry.value_as_written, quantity)
        if problem:
            say(problem)
    comparator, threshold = _threshold(entry, say)
    growth = checked_phrase(entry, "growth", parse_growth, say, clause=None, curated_in="record")
    share = checked_phrase(entry, "share", parse_share, say, clause=None, curated_in="record")
    plan_share = checked_phrase(entry, "plan_share", parse_plan_share, say, clause=None, curated_in="record")
    if bool(entry.share_as_written) != bool(entry.share_of):
        say("share_as_written and share_of go together")
    elif entry.share_of and entry.share_of not in SHARE_BASES:
        say(f"share_of must be one of {sorted(SHARE_BASES)}, not {entry.share_of!r}")
    period = _period(context, entry, say)
    if len(context.problems) > problems_before:
        return
    context.result.figures.append(
        figure_facts(
            entry,
            source=context.record.source.slug,
            province=province,
            period=period,
            quantity=quantity,
            half_unit=quantity_half_unit(quantity),
            comparator=comparator,
            threshold=threshold,
            growth=growth,
            share=share,
            plan_share=plan_share,
            position=position,
            period_context_as_written=entry.period_context_as_written,
            qualifier_as_written=entry.qualifier_as_written,
            locator=entry.locator,
            note_en=entry.note,
        )
    )


def _value(entry: RecordFigure, say):
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


def _threshold(entry: RecordFigure, say) -> tuple[str, Decimal | None]:
    """A count of provinces counts those above a growth threshold: without it, "12/15" says nothing
    a reader could check, so a record must print it ("trên 10%", "cao hơn … (tăng 7,4%)")."""
    if entry.indicator in THRESHOLD_INDICATORS and not entry.threshold_as_written:
        say(f"a count of provinces ({entry.indicator}) needs threshold_as_written, the growth it counts above")
    return checked_threshold(entry, say, clause=None, curated_in="record")


def _period(context: RecordContext, entry: RecordFigure, say):
    """The period's words as printed, or (when they lack the year) the words that carry it."""
    words = entry.period_context_as_written or entry.period_label
    if bool(entry.period) == bool(entry.as_of):
        say("give either period (start/end) or as_of (a level at a date)")
        return None
    said_on = None
    if is_to_date(words):
        said_on = context.conference_dates.get(entry.conference)
        if said_on is None:
            say(f"{words!r} is a level at the session's date, but {entry.conference!r} has no date")
            return None
    try:
        parsed = parse_period(words, said_on=said_on)
    except ParseError as exc:
        hint = (
            "" if entry.period_context_as_written else " (period_context_as_written gives the year when printed apart)"
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


def _figure_day(context: RecordContext, entry: RecordFigure) -> date:
    """The day a province is read on the map for a figure whose session has no date: the page's, else
    1 January of the session's year."""
    conference = next((c for c in context.record.conferences if c.slug == entry.conference), None)
    return context.result.source.get("published_on") or date(max(conference.year if conference else 1, 1), 1, 1)
