"""Data-quality checks computed from the database, for the public page ``/quality/``.

The build (``curation.consistency``) refuses annotations whose shares or provincial
parts contradict their totals. These checks read what is actually in the database instead, with the
same rounding arithmetic (``vietnamese.rounding``), and add what only the whole dataset
shows: session numbers against years, flag handovers, announced sessions never reported, and the
same figure reported twice, and sources that state different facts about one session.

Every check returns ``Finding``s, each with a status:

- ``inconsistent``: the data contradicts itself; this is what "a problem" means on the page;
- ``note``: worth knowing, but contradicting nothing (an announced session no source reports);
- ``not-checked``: the check applies but the data lacks what it needs (a share of the annual plan);
- ``consistent``: checked, and it fits.

Rounding is the build's: a number allows half its last printed digit, and a "more than" (hơn) figure
has no upper end. An "about" (khoảng) figure is allowed its printed rounding only, as in the build.
An announced session counts as past when its date, or else its year, is before today's.

``data_quality()`` runs two queries whatever the data size: the figures, and the conferences (with every
source's statements about each, aggregated in the same query).
Sentences are worded in the active language when it is called.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal
from itertools import combinations, pairwise
from types import SimpleNamespace

from django.db.models import Exists, OuterRef
from django.utils import timezone
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext, gettext_lazy, ngettext

from conferences import presentation
from conferences.disagreements import TEXT_FACTS, session_disagreements, statements_aggregate, statements_of
from conferences.figure_display import heading_period, where
from conferences.models import Conference, ConferenceMention, IndicatorReport
from curation.consistency import ADDITIVE_UNITS
from vietnamese.rounding import (
    bounds,
    overlap,
    parts_exceed,
    percent_half_unit,
    quantity_half_unit,
    share_fits,
    share_range,
)

INCONSISTENT, NOTE, NOT_CHECKED, CONSISTENT = "inconsistent", "note", "not-checked", "consistent"
STATUS_ORDER = (INCONSISTENT, NOTE, NOT_CHECKED, CONSISTENT)
STATUS_LABELS = {
    INCONSISTENT: gettext_lazy("inconsistent"),
    NOTE: gettext_lazy("note"),
    NOT_CHECKED: gettext_lazy("not checked"),
    CONSISTENT: gettext_lazy("consistent"),
}


@dataclass
class Finding:
    """One thing a check found, with the figures or sessions involved (each links to its page)."""

    status: str
    sentence: str
    figures: list[IndicatorReport] = field(default_factory=list)
    conferences: list[Conference] = field(default_factory=list)

    @property
    def status_label(self) -> str:
        return STATUS_LABELS[self.status]


@dataclass
class Check:
    slug: str  # the section's anchor on the page
    title: str
    description: str
    empty: str  # what the page says when the data gives the check nothing to look at
    findings: list[Finding]

    def __post_init__(self):
        self.findings.sort(key=lambda finding: STATUS_ORDER.index(finding.status))

    def count(self, status: str) -> int:
        return sum(1 for finding in self.findings if finding.status == status)

    @property
    def inconsistent(self) -> int:
        return self.count(INCONSISTENT)

    @property
    def notes(self) -> int:
        return self.count(NOTE)

    @property
    def not_checked(self) -> int:
        return self.count(NOT_CHECKED)

    @property
    def compared(self) -> int:
        """How many things were actually compared, whatever the outcome."""
        return self.count(CONSISTENT) + self.inconsistent


def data_quality(*, today: date | None = None) -> list[Check]:
    """Every check over the whole dataset, in two queries. ``today`` defaults to the local date now."""
    today = today or timezone.localdate(timezone.now())
    reports = list(
        IndicatorReport.objects.select_related("indicator", "conference__region", "province", "source").order_by(
            "conference__region__position", "conference__year", "indicator__position", "period_end", "pk"
        )
    )
    for report in reports:
        _prepare(report)
    conferences = list(
        Conference.objects.select_related("region", "host", "next_host")  # next_host.successor_id is a column
        .annotate(
            has_report=Exists(
                ConferenceMention.objects.filter(conference=OuterRef("pk"), kind=ConferenceMention.Kind.REPORT)
            ),
            statements=statements_aggregate(),
        )
        .order_by("region__position", "year", "pk")
    )
    return [
        Check(
            "shares",
            gettext("Shares against their totals"),
            gettext(
                "A figure that states its share of the group's or the country's total is compared with that "
                "total (same session, indicator and period), allowing for the rounding of all three printed "
                "numbers."
            ),
            gettext("No figure in the data states a share."),
            check_shares(reports),
        ),
        Check(
            "provincial-sums",
            gettext("Provincial figures against the regional total"),
            gettext(
                "Provincial figures in amounts that add up (money, areas, volumes, counts; not percentages, "
                "nor changes and balances, which can be negative) "
                "must not add up to more than the group's total for the same session, indicator and period, "
                "even at the smallest values their rounding allows."
            ),
            gettext("No provincial amount in the data has a regional total to be compared with."),
            check_provincial_sums(reports),
        ),
        Check(
            "sessions",
            gettext("Session numbers against years"),
            gettext(
                "Within a group, session numbers must increase with the years: the sessions are about yearly, "
                "so a gap is fine, but a higher number in an earlier year, one number in two years or two "
                "numbers in one year is not. The next host named at a flag handover must host the next "
                "session. An announced session whose time has passed with no report of it is noted."
            ),
            gettext("No session in the data has a number."),
            check_sessions(conferences, today=today),
        ),
        Check(
            "session-statements",
            gettext("What the sources state about each session"),
            gettext(
                "Where two or more sources state a session's number, date, host or next host, they must state the "
                "same; a venue or chairs written differently are noted. Where sources differ, every statement is "
                "kept, each with its source, and the session's own field is left unknown: no value is picked."
            ),
            gettext("No session in the data is stated by more than one source."),
            check_session_statements(conferences),
        ),
        Check(
            "repeated-figures",
            gettext("The same figure reported differently"),
            gettext(
                "Where the same indicator for the same place and period is reported more than once (by two "
                "sources or at two sessions), the values must agree within their rounding and carry the same "
                "qualifier."
            ),
            gettext("No figure is reported more than once in the data, so there is nothing to compare."),
            check_repeated_figures(reports),
        ),
    ]


# Shares against their totals ----------------------------------------------------------------------


def check_shares(reports: list[IndicatorReport]) -> list[Finding]:
    totals = _totals(reports)
    findings = []
    for part in reports:
        if part.plan_share_pct is not None:
            sentence = gettext("A share of the annual plan (%(share)s) cannot be checked: the data holds no plans.")
            findings.append(
                Finding(NOT_CHECKED, sentence % {"share": presentation.percent(part.plan_share_pct)}, [part])
            )
        if part.share_pct is None:
            continue
        share = presentation.percent(part.share_pct)
        candidates = [total for total in totals.get(_total_key(part, part.share_of), []) if total.pk != part.pk]
        if not candidates:
            sentence = gettext("No total is in the data to check this share of %(share)s %(base)s against.")
            findings.append(
                Finding(NOT_CHECKED, sentence % {"share": share, "base": part.get_share_of_display()}, [part])
            )
        for total in candidates:
            low, high = share_range(part.bounds, total.bounds)
            fits = share_fits(part.share_pct, percent_half_unit(part.share_pct), low, high)
            if fits:
                sentence = gettext(
                    "%(part)s out of %(total)s is %(range)s allowing for rounding, which meets the stated "
                    "share of %(share)s."
                )
            else:
                sentence = gettext(
                    "%(part)s out of %(total)s is %(range)s allowing for rounding, which does not meet the "
                    "stated share of %(share)s."
                )
            shown_range = _percent_range(low, high, _decimals(part.share_pct) + 1)
            values = {"part": part.shown, "total": total.shown, "range": shown_range, "share": share}
            findings.append(Finding(CONSISTENT if fits else INCONSISTENT, sentence % values, [part, total]))
    return findings


# Provincial figures against the regional total -----------------------------------------------------


def check_provincial_sums(reports: list[IndicatorReport]) -> list[Finding]:
    totals = _totals(reports)
    parts: dict[tuple, list[IndicatorReport]] = defaultdict(list)
    for report in reports:
        if report.scope == IndicatorReport.Scope.PROVINCE and report.unit in ADDITIVE_UNITS and not report.signed:
            parts[_total_key(report, IndicatorReport.Scope.REGION)].append(report)
    findings = []
    for key, members in parts.items():
        # A province reported twice (two sources) counts once, at its smallest value.
        smallest: dict[int, IndicatorReport] = {}
        for report in members:
            if report.province_id not in smallest or report.bounds[0] < smallest[report.province_id].bounds[0]:
                smallest[report.province_id] = report
        counted = list(smallest.values())
        regional = totals.get(key, [])
        if not regional:
            sentence = gettext("The data holds no regional total for these provincial figures.")
            findings.append(Finding(NOT_CHECKED, sentence, members))
            continue
        for total in regional:
            count = len(counted)
            values = {"sum": _amount(sum(r.value for r in counted), total), "total": total.shown, "count": count}
            if total.bounds[1] is None:
                sentence = gettext(
                    "The regional total, %(total)s, is only a lower bound, so the provincial figures (%(sum)s in "
                    "all) cannot be shown to exceed it."
                )
                findings.append(Finding(NOT_CHECKED, sentence % values, [total, *members]))
            elif parts_exceed([r.bounds for r in counted], total.bounds):
                values["smallest"] = _amount(sum(r.bounds[0] for r in counted), total)
                sentence = ngettext(
                    "The provincial figure of %(sum)s (at least %(smallest)s allowing for rounding) is more than "
                    "the regional total of %(total)s.",
                    "The %(count)s provincial figures add up to %(sum)s (at least %(smallest)s allowing for "
                    "rounding), more than the regional total of %(total)s.",
                    count,
                )
                findings.append(Finding(INCONSISTENT, sentence % values, [total, *members]))
            else:
                sentence = ngettext(
                    "The provincial figure of %(sum)s is within the regional total of %(total)s.",
                    "The %(count)s provincial figures add up to %(sum)s, within the regional total of %(total)s.",
                    count,
                )
                findings.append(Finding(CONSISTENT, sentence % values, [total, *members]))
    return findings


# Session numbers, flag handovers, announced sessions -------------------------------------------------


def check_sessions(conferences: list[Conference], *, today: date) -> list[Finding]:
    findings = []
    by_group: dict[int, list[Conference]] = defaultdict(list)
    for conference in conferences:
        by_group[conference.region_id].append(conference)
    for sessions in by_group.values():
        findings.extend(_session_order(sessions))
        findings.extend(_handovers(sessions))
    for conference in conferences:
        if conference.status != Conference.Status.ANNOUNCED:
            continue
        if conference.has_report:
            sentence = gettext("Recorded as announced, but a source reports the session.")
            findings.append(Finding(INCONSISTENT, sentence, conferences=[conference]))
        elif conference.is_overdue(today):
            sentence = gettext("Announced for %(year)s; no report of the session in the sources.")
            findings.append(Finding(NOTE, sentence % {"year": conference.year}, conferences=[conference]))
    return findings


def _session_order(sessions: list[Conference]) -> list[Finding]:
    """Neighbours by number: if every neighbouring pair is in order, every pair is."""
    findings = []
    numbered = sorted((c for c in sessions if c.session_number), key=lambda c: (c.session_number, c.year, c.pk))
    for conference in sessions:
        if not conference.session_number:
            sentence = gettext("The sources give this session no number, so its place in the order is not checked.")
            findings.append(Finding(NOT_CHECKED, sentence, conferences=[conference]))
    for first, second in pairwise(numbered):
        values = {
            "first": first.session_roman,
            "first_year": first.year,
            "second": second.session_roman,
            "second_year": second.year,
        }
        if first.session_number == second.session_number:
            sentence = gettext("Session %(first)s is recorded twice, in %(first_year)s and in %(second_year)s.")
            status = INCONSISTENT
        elif first.year > second.year:
            sentence = gettext(
                "Session %(second)s is dated %(second_year)s, earlier than session %(first)s (%(first_year)s)."
            )
            status = INCONSISTENT
        elif first.year == second.year:
            sentence = gettext("Sessions %(first)s and %(second)s are both dated %(first_year)s.")
            status = INCONSISTENT
        else:
            sentence = gettext(
                "Sessions %(first)s (%(first_year)s) and %(second)s (%(second_year)s) are numbered in the order "
                "of their years."
            )
            status = CONSISTENT
        findings.append(Finding(status, sentence % values, conferences=[first, second]))
    return findings


def _handovers(sessions: list[Conference]) -> list[Finding]:
    findings = []
    by_number = {c.session_number: c for c in sessions if c.session_number}
    for conference in sessions:
        if not conference.next_host:
            continue
        values = {"session": conference.session_roman, "next_host": conference.next_host.name}
        following = by_number.get(conference.session_number + 1) if conference.session_number else None
        if not conference.session_number:
            sentence = gettext(
                "This session hands the flag to %(next_host)s, but without its number the next session is not known."
            )
            findings.append(Finding(NOT_CHECKED, sentence % values, conferences=[conference]))
        elif following is None or following.host is None:
            sentence = gettext(
                "Session %(session)s hands the flag to %(next_host)s; the host of the next session is not in the data."
            )
            involved = [c for c in (conference, following) if c]
            findings.append(Finding(NOT_CHECKED, sentence % values, conferences=involved))
        elif following.host_id in (conference.next_host_id, conference.next_host.successor_id):  # or what it became
            sentence = gettext(
                "Session %(session)s hands the flag to %(next_host)s, which hosts session %(following)s."
            )
            values["following"] = following.session_roman
            findings.append(Finding(CONSISTENT, sentence % values, conferences=[conference, following]))
        else:
            sentence = gettext(
                "Session %(session)s hands the flag to %(next_host)s, but session %(following)s is hosted by %(host)s."
            )
            values.update(following=following.session_roman, host=following.host.name)
            findings.append(Finding(INCONSISTENT, sentence % values, conferences=[conference, following]))
    return findings


# What the sources state about each session -------------------------------------------------------------


def check_session_statements(conferences: list[Conference]) -> list[Finding]:
    """Each session stated by two or more sources: consistent, or each disputed fact with its statements."""
    findings = []
    for conference in conferences:
        mentions = statements_of(conference.statements)
        stating = len({mention.source for mention in mentions})
        if stating < 2:
            continue
        disagreements = session_disagreements(mentions)
        facts = [d for d in disagreements if d.fact not in TEXT_FACTS]
        wordings = [d for d in disagreements if d.fact in TEXT_FACTS]
        if facts:
            sentence = _statements_sentence(
                gettext("The sources disagree on the %(fact)s: %(statements)s."), disagreements
            )
            findings.append(Finding(INCONSISTENT, sentence, conferences=[conference]))
        elif wordings:
            # A venue or chairs written two ways need not contradict: "Quảng Ninh", "TP Hạ Long (Quảng Ninh)".
            sentence = _statements_sentence(
                gettext("The sources write the %(fact)s differently: %(statements)s."), wordings
            )
            findings.append(Finding(NOTE, sentence, conferences=[conference]))
        else:
            sentence = gettext("%(count)s sources state it, and agree on every fact that two of them state.")
            findings.append(Finding(CONSISTENT, sentence % {"count": stating}, conferences=[conference]))
    return findings


# The same figure reported twice ----------------------------------------------------------------------


def check_repeated_figures(reports: list[IndicatorReport]) -> list[Finding]:
    """Figures of one indicator, place and period (and growth threshold, for counts of provinces), by pair."""
    same: dict[tuple, list[IndicatorReport]] = defaultdict(list)
    for report in reports:
        same[_figure_key(report)].append(report)
    findings = []
    for group in same.values():
        for first, second in combinations(group, 2):
            values = {
                "first": first.shown,
                "second": second.shown,
                "first_qualifier": first.get_qualifier_display(),
                "second_qualifier": second.get_qualifier_display(),
            }
            problems = []
            if not overlap(first.bounds, second.bounds):
                problems.append(gettext("The values differ beyond rounding: %(first)s against %(second)s.") % values)
            if first.qualifier != second.qualifier:
                problems.append(
                    gettext("The qualifiers differ: %(first_qualifier)s against %(second_qualifier)s.") % values
                )
            if problems:
                findings.append(Finding(INCONSISTENT, " ".join(problems), [first, second]))
            else:
                sentence = gettext("Both give %(first)s and %(second)s, with the same qualifier (%(first_qualifier)s).")
                findings.append(Finding(CONSISTENT, sentence % values, [first, second]))
    return findings


# Shared helpers --------------------------------------------------------------------------------------


def _prepare(report: IndicatorReport):
    """What the checks need on every figure: its bounds, whether it is signed (a change or a balance,
    never part of a sum nor a total of parts), its value as shown, its label for links."""
    quantity = presentation.written_quantity(report)
    report.bounds = bounds(
        report.value,
        quantity_half_unit(quantity),
        lower_bound=report.qualifier == IndicatorReport.Qualifier.LOWER_BOUND,
    )
    report.signed = bool(quantity.sign_as_written)
    report.shown = presentation.figure_value(report)
    report.quality_label = gettext("%(indicator)s, %(place)s, %(period)s: %(value)s") % {
        "indicator": report.indicator.name,
        "place": where(report),
        "period": heading_period(report),
        "value": report.shown,
    }


def _totals(reports: list[IndicatorReport]) -> dict[tuple, list[IndicatorReport]]:
    """Group and country figures by what they are the total of; counts above a growth threshold are not totals."""
    totals: dict[tuple, list[IndicatorReport]] = defaultdict(list)
    for report in reports:
        if report.scope != IndicatorReport.Scope.PROVINCE and not report.threshold_comparator and not report.signed:
            totals[_total_key(report, report.scope)].append(report)
    return totals


def _total_key(report: IndicatorReport, scope: str) -> tuple:
    """The same key as the build's (``consistency._total_key``): session, indicator, period, scope."""
    return (report.conference_id, report.indicator_id, report.period_start, report.period_end, scope)


def _figure_key(report: IndicatorReport) -> tuple:
    if report.scope == IndicatorReport.Scope.PROVINCE:
        place = report.province_id
    elif report.scope == IndicatorReport.Scope.REGION:
        place = report.conference.region_id
    else:
        place = None
    return (
        report.indicator_id,
        report.scope,
        place,
        report.period_start,
        report.period_end,
        report.is_stock,
        report.threshold_comparator,
        report.threshold_pct,
    )


def _decimals(value: Decimal) -> int:
    return max(0, -value.normalize().as_tuple().exponent)


def _percent_range(low: Decimal, high: Decimal | None, decimals: int) -> str:
    """A range of shares, one digit finer than the stated share (at least 0.01%), rounded outwards."""
    step = Decimal(10) ** -max(2, decimals)
    low_text = f"{presentation.localized_number(low.quantize(step, ROUND_FLOOR), -step.as_tuple().exponent)}%"
    if high is None:
        return gettext("at least %(low)s") % {"low": low_text}
    high_text = presentation.localized_number(high.quantize(step, ROUND_CEILING), -step.as_tuple().exponent)
    return f"{low_text}–{high_text}%"


def _amount(value: Decimal, like: IndicatorReport) -> str:
    """A computed amount (a sum) written at the scale of a figure ("50,3 tỷ USD" beside "120,7 tỷ USD")."""
    exponent, decimals = presentation.written_scale(like)
    decimals = max(decimals, _decimals(value / Decimal(10) ** exponent))
    shown = SimpleNamespace(value=value, unit=like.unit, unit_as_written=like.unit_as_written, denominator=None)
    return presentation.scaled_value(shown, exponent, decimals)


def _statements_sentence(template: str, disagreements) -> str:
    """``template`` for each disagreement, as HTML: the values and sources come marked (``summary``)."""
    return mark_safe(
        " ".join(template % {"fact": conditional_escape(d.label), "statements": d.summary()} for d in disagreements)
    )
