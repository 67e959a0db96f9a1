"""The data-quality report, computed once per load and stored (``QualityRun``, ``QualityCount``).

The checks compare the figures allowing for the rounding of their written form ("120,7 tỷ USD" stands for
120.65–120.75 billion): that needs the text parsed, which the database cannot do, so the report is not
computed on request. ``rebuild_quality_report`` runs the checks of ``quality_figures`` and
``quality_sessions`` themselves at each load, so the stored findings are theirs exactly.

Memory stays bounded at any size: every key the figure checks group by (a session's total, a repeated
figure) includes the indicator and the period's end, so the figures are read one (indicator, period end)
at a time. Each check runs on one group at a time (a share with its totals, a session's provincial
figures with their regional totals, the figures of one repeated figure), and what it finds is stored
as runs, one per group and status, placed by the figure that opens the group: that is the order the
checks give over the whole data. A million figures give millions of pairs of repeated figures, but
a few hundred thousand runs; those pairs are only counted by status (``repeated_status``, the same
decision as ``check_repeated_figures``), and worded when a page shows them.

Whether an announced session is overdue depends on the day, not the load: the pages ask the database
(``quality_pages``), and the stored report leaves it out.
"""

from collections import Counter
from datetime import date
from itertools import groupby, islice

from django.db.models import Exists, OuterRef

from conferences.disagreements import statements_aggregate
from conferences.models import Conference, ConferenceMention, IndicatorReport, QualityCount, QualityRun
from conferences.quality_figures import (
    check_provincial_sums,
    check_repeated_figures,
    check_shares,
    figure_key,
    is_provincial_part,
    prepare_bounds,
    prepare_figure,
    repeated_pairs,
    repeated_status,
    total_key,
    totals_by_key,
)
from conferences.quality_findings import STATUS_ORDER, Finding
from conferences.quality_sessions import check_session_statements, check_sessions

BATCH = 2000
NEVER_OVERDUE = date.min  # ``check_sessions`` notes no announced session as past at this date


def figures_for_checks():
    """Figures with what the checks and their sentences read."""
    return IndicatorReport.objects.select_related("indicator", "conference__region", "province", "source")


def sessions_for_checks():
    """Conferences with what the session checks read: hosts, whether a source reports it, its statements."""
    return (
        Conference.objects.select_related("region", "host", "next_host")  # next_host.successor_id is a column
        .annotate(
            has_report=Exists(
                ConferenceMention.objects.filter(conference=OuterRef("pk"), kind=ConferenceMention.Kind.REPORT)
            ),
            statements=statements_aggregate(),
        )
        .order_by("region__position", "year", "pk")
    )


FIGURE_CHECKS = {
    "shares": check_shares,
    "provincial-sums": check_provincial_sums,
    "repeated-figures": check_repeated_figures,
}
SESSION_CHECKS = {
    "sessions": lambda conferences: check_sessions(conferences, today=NEVER_OVERDUE),
    "session-statements": check_session_statements,
}


def run_findings(slug: str, figures: list, conferences: list) -> list[Finding]:
    """What a check finds on a run's objects, of which a run's are a slice (by status, then ``skip``).
    A share's own findings only: its totals may state shares of their own."""
    if slug in SESSION_CHECKS:
        wanted = ([], [c.pk for c in conferences])
        found = SESSION_CHECKS[slug](conferences)
        return [f for f in found if ([r.pk for r in f.figures], [c.pk for c in f.conferences]) == wanted]
    found = FIGURE_CHECKS[slug](figures)
    return [f for f in found if f.figures[0] is figures[0]] if slug == "shares" else found


def _order(report: IndicatorReport) -> tuple:
    """The figure's place in the checks' order (``quality_report.data_quality``)."""
    conference = report.conference
    return (conference.region.position, conference.year, report.indicator.position, report.period_end, report.pk)


def _figure_groups(partition: list[IndicatorReport]):
    """(check, the figures a check runs on, the figure that places its findings) for each group."""
    totals = totals_by_key(partition)
    for report in partition:
        if report.share_pct is not None or report.plan_share_pct is not None:
            candidates = totals.get(total_key(report, report.share_of), []) if report.share_pct is not None else []
            yield "shares", [report, *(total for total in candidates if total.pk != report.pk)], report
    parts: dict[tuple, list[IndicatorReport]] = {}
    same: dict[tuple, list[IndicatorReport]] = {}
    for report in partition:
        if is_provincial_part(report):
            parts.setdefault(total_key(report, IndicatorReport.Scope.REGION), []).append(report)
        same.setdefault(figure_key(report), []).append(report)
    for key, members in parts.items():
        yield "provincial-sums", [*totals.get(key, []), *members], members[0]
    for members in same.values():
        if len(members) > 1:
            yield "repeated-figures", members, members[0]


def _runs(slug: str, statuses: Counter, place: tuple, figures: list):
    """One run per status, as (check, (status, place), count, status, figures, conferences, skip)."""
    for status, count in statuses.items():
        yield slug, (STATUS_ORDER.index(status), place), count, status, figures, [], 0


def rebuild_quality_report() -> int:
    """Recompute ``QualityRun`` and ``QualityCount`` from the data. Returns the number of findings."""
    QualityRun.objects.all().delete()
    QualityCount.objects.all().delete()
    runs = []
    reports = figures_for_checks().order_by(
        "indicator_id", "period_end", "conference__region__position", "conference__year", "pk"
    )
    for _, rows in groupby(reports.iterator(chunk_size=BATCH), key=lambda r: (r.indicator_id, r.period_end)):
        partition = list(rows)
        for report in partition:
            prepare_bounds(report)
        for slug, figures, anchor in _figure_groups(partition):
            if slug == "repeated-figures":  # millions of pairs at a million figures: counted, not worded
                statuses = Counter(repeated_status(first, second) for first, second in repeated_pairs(figures))
            else:
                for report in figures:
                    if not hasattr(report, "shown"):
                        prepare_figure(report)
                statuses = Counter(finding.status for finding in run_findings(slug, figures, []))
            runs.extend(_runs(slug, statuses, _order(anchor), [r.pk for r in figures]))
    conferences = list(sessions_for_checks())
    for slug, check in SESSION_CHECKS.items():
        seen = Counter()
        for index, finding in enumerate(check(conferences)):
            key = (finding.status, tuple(c.pk for c in finding.conferences))
            place = (STATUS_ORDER.index(finding.status), index)
            runs.append((slug, place, 1, finding.status, [], list(key[1]), seen[key]))
            seen[key] += 1
    runs.sort(key=lambda run: (run[0], run[1]))
    counts: Counter = Counter()  # by check, and by (check, status)

    def stored():
        for slug, _, count, status, figures, conferences, skip in runs:
            yield QualityRun(
                check_slug=slug,
                status=status,
                rank=counts[slug],
                count=count,
                figures=figures,
                conferences=conferences,
                skip=skip,
            )
            counts.update({slug: count, (slug, status): count})

    rows = stored()
    while batch := list(islice(rows, BATCH)):
        QualityRun.objects.bulk_create(batch)
    QualityCount.objects.bulk_create(
        QualityCount(check_slug=slug, status=status, count=n)
        for key, n in counts.items()
        if isinstance(key, tuple)
        for slug, status in [key]
    )
    return sum(n for key, n in counts.items() if isinstance(key, str))
