"""The data-quality checks on figures: shares against their totals, provincial figures against the
regional total, and the same figure reported more than once.

The build (``curation.consistency``) refuses annotations whose shares or provincial parts contradict
their totals. These checks read what is actually in the database instead, with the same rounding
arithmetic (``vietnamese.rounding``): a number allows half its last printed digit, and a "more than"
(hơn) figure has no upper end. An "about" (khoảng) figure is allowed its printed rounding only, as in
the build.

The checks read the attributes ``prepare_figure`` sets on every figure they are given.
"""

from collections import defaultdict
from collections.abc import Iterator
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal
from itertools import combinations
from types import SimpleNamespace

from django.utils.translation import gettext, ngettext

from conferences import presentation
from conferences.figure_display import heading_period, where
from conferences.models import IndicatorReport
from conferences.quality_findings import CONSISTENT, INCONSISTENT, NOT_CHECKED, Finding
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


def prepare_bounds(report: IndicatorReport):
    """What the checks decide on: its bounds, and whether it is signed (a change or a balance, never part
    of a sum nor a total of parts)."""
    quantity = presentation.written_quantity(report)
    report.bounds = bounds(
        report.value,
        quantity_half_unit(quantity),
        lower_bound=report.qualifier == IndicatorReport.Qualifier.LOWER_BOUND,
    )
    report.signed = bool(quantity.sign_as_written)


def prepare_figure(report: IndicatorReport):
    """What the checks and their sentences need on every figure: ``prepare_bounds``, its value as shown,
    its label for links."""
    prepare_bounds(report)
    report.shown = presentation.figure_value(report)
    report.quality_label = gettext("%(indicator)s, %(place)s, %(period)s: %(value)s") % {
        "indicator": report.indicator.name,
        "place": where(report),
        "period": heading_period(report),
        "value": report.shown,
    }


# Shares against their totals ----------------------------------------------------------------------


def check_shares(reports: list[IndicatorReport]) -> list[Finding]:
    totals = totals_by_key(reports)
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
        candidates = [total for total in totals.get(total_key(part, part.share_of), []) if total.pk != part.pk]
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
    totals = totals_by_key(reports)
    parts: dict[tuple, list[IndicatorReport]] = defaultdict(list)
    for report in reports:
        if is_provincial_part(report):
            parts[total_key(report, IndicatorReport.Scope.REGION)].append(report)
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


# The same figure reported twice ----------------------------------------------------------------------


def check_repeated_figures(reports: list[IndicatorReport]) -> list[Finding]:
    """Figures of one indicator, place and period (and growth threshold, for counts of provinces), by pair."""
    return [repeated_finding(first, second) for first, second in repeated_pairs(reports)]


def repeated_pairs(reports: list[IndicatorReport]) -> Iterator[tuple[IndicatorReport, IndicatorReport]]:
    """Every pair of figures that are one figure reported twice, in the checks' order."""
    for group in _same_figures(reports).values():
        yield from combinations(group, 2)


def repeated_status(first: IndicatorReport, second: IndicatorReport) -> str:
    """``repeated_finding``'s status, without wording it (``prepare_bounds`` is enough)."""
    agree = values_agree(first, second) and first.qualifier == second.qualifier
    return CONSISTENT if agree else INCONSISTENT


def repeated_finding(first: IndicatorReport, second: IndicatorReport) -> Finding:
    values = {
        "first": first.shown,
        "second": second.shown,
        "first_qualifier": first.get_qualifier_display(),
        "second_qualifier": second.get_qualifier_display(),
    }
    problems = []
    if not values_agree(first, second):
        problems.append(gettext("The values differ beyond rounding: %(first)s against %(second)s.") % values)
    if first.qualifier != second.qualifier:
        problems.append(gettext("The qualifiers differ: %(first_qualifier)s against %(second_qualifier)s.") % values)
    if problems:
        return Finding(INCONSISTENT, " ".join(problems), [first, second])
    sentence = gettext("Both give %(first)s and %(second)s, with the same qualifier (%(first_qualifier)s).")
    return Finding(CONSISTENT, sentence % values, [first, second])


def values_agree(first: IndicatorReport, second: IndicatorReport) -> bool:
    return overlap(first.bounds, second.bounds)


# Helpers ---------------------------------------------------------------------------------------------


def _same_figures(reports: list[IndicatorReport]) -> dict[tuple, list[IndicatorReport]]:
    same: dict[tuple, list[IndicatorReport]] = defaultdict(list)
    for report in reports:
        same[figure_key(report)].append(report)
    return same


def is_provincial_part(report: IndicatorReport) -> bool:
    """A provincial amount that adds up: money, areas, counts, not a change or a balance."""
    return report.scope == IndicatorReport.Scope.PROVINCE and report.unit in ADDITIVE_UNITS and not report.signed


def totals_by_key(reports: list[IndicatorReport]) -> dict[tuple, list[IndicatorReport]]:
    """Group and country figures by what they are the total of; counts above a growth threshold are not totals."""
    totals: dict[tuple, list[IndicatorReport]] = defaultdict(list)
    for report in reports:
        if report.scope != IndicatorReport.Scope.PROVINCE and not report.threshold_comparator and not report.signed:
            totals[total_key(report, report.scope)].append(report)
    return totals


def total_key(report: IndicatorReport, scope: str) -> tuple:
    """The same key as the build's (``consistency._total_key``): session, indicator, period, scope."""
    return (report.conference_id, report.indicator_id, report.period_start, report.period_end, scope)


def figure_key(report: IndicatorReport) -> tuple:
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
