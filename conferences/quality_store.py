"""The data-quality report, computed once per load and stored (``QualityFinding``).

The checks compare the figures allowing for the rounding of their written form ("120,7 tỷ USD" stands for
120.65–120.75 billion): that needs the text parsed, which the database cannot do, so the report is not
computed on request. ``rebuild_quality_report`` runs the checks of ``quality_figures`` and
``quality_sessions`` themselves at each load, so the stored findings are theirs exactly.

Memory stays bounded at any size: every key the figure checks group by (a session's total, a repeated
figure) includes the indicator and the period's end, so the figures are read one (indicator, period end)
at a time, in the order of the page, and each finding is placed by the figure that opened its group.
Whether an announced session is overdue depends on the day, not the load: the page asks the database
(``quality_report``), and the stored report leaves it out.
"""

from collections import Counter
from datetime import date
from itertools import groupby, islice

from django.db.models import Exists, OuterRef

from conferences.disagreements import statements_aggregate
from conferences.models import Conference, ConferenceMention, IndicatorReport, QualityFinding
from conferences.quality_figures import (
    check_provincial_sums,
    check_repeated_figures,
    check_shares,
    figure_key,
    prepare_figure,
)
from conferences.quality_findings import STATUS_ORDER, Finding
from conferences.quality_sessions import check_session_statements, check_sessions

BATCH = 2000
NEVER_OVERDUE = date.min  # ``check_sessions`` notes no announced session as past at this date


def figures_for_checks():
    """Figures with what the checks and their sentences read."""
    return IndicatorReport.objects.select_related("indicator", "conference__region", "province", "source")


def _order(report: IndicatorReport) -> tuple:
    """The figure's place in the page's order (``quality_report.figures_in_order``)."""
    conference = report.conference
    return (conference.region.position, conference.year, report.indicator.position, report.period_end, report.pk)


def _anchors(partition: list[IndicatorReport]):
    """For each figure check, the figure that opened a finding's group (what places it in the page's order)."""
    first_of: dict[tuple, IndicatorReport] = {}
    for report in partition:
        first_of.setdefault(figure_key(report), report)
    province = IndicatorReport.Scope.PROVINCE
    return {
        "shares": lambda finding: finding.figures[0],  # the share
        # the first provincial figure of the total's session, indicator and period
        "provincial-sums": lambda finding: next(r for r in finding.figures if r.scope == province),
        "repeated-figures": lambda finding: first_of[figure_key(finding.figures[0])],
    }


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


def identity(finding: Finding) -> tuple:
    """What tells a finding from another of its check, sentence aside."""
    return (finding.status, tuple(r.pk for r in finding.figures), tuple(c.pk for c in finding.conferences))


def _numbered(findings: list[Finding]):
    """Each finding with its occurrence: how many earlier ones of the list share its identity."""
    seen = Counter()
    for finding in findings:
        key = identity(finding)
        yield finding, seen[key]
        seen[key] += 1


def rebuild_quality_report() -> int:
    """Recompute ``QualityFinding`` from the data. Returns the number of findings."""
    QualityFinding.objects.all().delete()
    found: dict[str, list[tuple]] = {slug: [] for slug in FIGURE_CHECKS}
    reports = figures_for_checks().order_by(
        "indicator_id", "period_end", "conference__region__position", "conference__year", "pk"
    )
    for _, rows in groupby(reports.iterator(chunk_size=BATCH), key=lambda r: (r.indicator_id, r.period_end)):
        partition = list(rows)
        for report in partition:
            prepare_figure(report)
        anchors = _anchors(partition)
        for slug, check in FIGURE_CHECKS.items():
            for index, (finding, occurrence) in enumerate(_numbered(check(partition))):
                place = (STATUS_ORDER.index(finding.status), _order(anchors[slug](finding)), index)
                found[slug].append((place, finding, occurrence))
    conferences = list(sessions_for_checks())
    sessions = {
        "sessions": check_sessions(conferences, today=NEVER_OVERDUE),
        "session-statements": check_session_statements(conferences),
    }
    for slug, findings in sessions.items():
        found[slug] = [
            ((STATUS_ORDER.index(finding.status), index), finding, occurrence)
            for index, (finding, occurrence) in enumerate(_numbered(findings))
        ]
    rows = (
        QualityFinding(
            check_slug=slug,
            status=finding.status,
            rank=rank,
            figures=[r.pk for r in finding.figures],
            conferences=[c.pk for c in finding.conferences],
            occurrence=occurrence,
        )
        for slug, entries in found.items()
        for rank, (_, finding, occurrence) in enumerate(sorted(entries, key=lambda entry: entry[0]))
    )
    total = 0
    while batch := list(islice(rows, BATCH)):
        QualityFinding.objects.bulk_create(batch)
        total += len(batch)
    return total
