"""What the data-quality pages show: each check's counts and a bounded window of its findings.

Of a load, everything is read from the stored report (``QualityRun``, ``QualityCount``; ``quality_store``)
in a fixed number of queries, whatever the data's size: the counts, the runs that hold the window's
findings (an index range on their ranks), the figures and sessions those runs name (by primary key), and
the announced sessions overdue today, which depend on the day rather than the load (an indexed filter on
the conferences). The findings are then worded by the checks themselves, run on just the objects each run
names: the same functions, the same words as over the whole data.

Without a load (the data changed outside one, or nothing is loaded yet) every check runs in memory
(``quality_report.data_quality``) and the same window is cut from it.
"""

from collections import Counter, defaultdict
from datetime import date
from functools import reduce
from itertools import islice
from operator import or_
from types import SimpleNamespace

from django.db.models import Count, Exists, OuterRef, Q, Subquery, Window

from conferences.models import Conference, ConferenceMention, IndicatorReport, QualityCount, QualityRun
from conferences.quality_figures import (
    prepare_bounds,
    prepare_figure,
    repeated_finding,
    repeated_pairs,
    repeated_status,
)
from conferences.quality_findings import FIGURES_SHOWN, INCONSISTENT, NOTE, Check, Finding
from conferences.quality_report import CHECK_SLUGS, check, data_quality
from conferences.quality_sessions import check_sessions
from conferences.quality_store import figures_for_checks, run_findings, sessions_for_checks
from conferences.selectors import figure_row_unshown

SHOWN = 10  # findings of each check on the summary page
PAGE_SIZE = 50  # findings on a page of one check's list


def quality_summary(*, today: date, stored: bool) -> list[Check]:
    """Every check with its counts and its first ``SHOWN`` findings."""
    if not stored:
        return [_cut(full, 0, SHOWN) for full in data_quality(today=today)]
    counts = _counts()
    notes, counts["sessions"][NOTE] = _overdue(today, 0, SHOWN)
    first = reduce(or_, (Q(check_slug=slug, rank__lt=SHOWN) for slug in CHECK_SLUGS))  # an index range each
    runs = QualityRun.objects.filter(first).order_by("check_slug", "rank")
    windows = _windows(runs, notes, {slug: [(0, SHOWN)] for slug in CHECK_SLUGS}, counts, today)
    return [check(slug, windows[slug][:SHOWN], counts[slug]) for slug in CHECK_SLUGS]


def quality_list(slug: str, *, today: date, stored: bool, page: int) -> Check:
    """The check ``slug`` with its counts and the findings of page ``page`` (from 1) of its list."""
    start, stop = (page - 1) * PAGE_SIZE, page * PAGE_SIZE
    if not stored:
        return _cut(next(full for full in data_quality(today=today) if full.slug == slug), start, stop)
    counts = _counts(slug)
    ranges, notes = [(start, stop)], []
    if slug == "sessions":  # the notes of the day come after the stored inconsistencies
        before = counts[slug][INCONSISTENT]
        notes, counts[slug][NOTE] = _overdue(today, max(0, start - before), max(0, stop - before))
        after = counts[slug][NOTE]
        ranges = [(start, min(stop, before)), (max(start - after, before), stop - after)]
    overlapping = [_overlapping(slug, low, high) for low, high in ranges if low < high]
    runs = QualityRun.objects.filter(reduce(or_, overlapping, Q(pk__in=[]))).order_by("rank")
    found = _windows(runs, notes, {slug: ranges}, counts, today)[slug]
    return check(slug, found[: stop - start], counts[slug])


def _overlapping(slug: str, low: int, high: int) -> Q:
    """The runs of ``slug`` holding any finding from ``low`` to ``high``: from the one holding ``low``."""
    first = QualityRun.objects.filter(check_slug=slug, rank__lte=low).order_by("-rank").values("rank")[:1]
    return Q(check_slug=slug, rank__lt=high, rank__gte=Subquery(first))


def _cut(full: Check, start: int, stop: int) -> Check:
    return Check(full.slug, full.title, full.description, full.empty, full.findings[start:stop], full.counts)


def _counts(slug: str | None = None) -> dict[str, Counter]:
    counts: dict[str, Counter] = defaultdict(Counter)
    rows = QualityCount.objects.filter(**({"check_slug": slug} if slug else {}))
    for check_slug, status, n in rows.values_list("check_slug", "status", "count"):
        counts[check_slug][status] = n
    return counts


def overdue_sessions(today: date):
    """Announced sessions whose day (or, without one, year) is before ``today`` and that no source reports:
    ``Conference.is_overdue`` as a query."""
    reported = ConferenceMention.objects.filter(conference=OuterRef("pk"), kind=ConferenceMention.Kind.REPORT)
    return (
        Conference.objects.filter(status=Conference.Status.ANNOUNCED)
        .filter(Q(date__lt=today) | Q(date__isnull=True, year__lt=today.year))
        .filter(~Exists(reported))
    )


def _overdue(today: date, start: int, stop: int) -> tuple[list[int], int]:
    """The overdue sessions from ``start`` to ``stop`` in the page's order, and how many there are."""
    rows = list(
        overdue_sessions(today)
        .annotate(total=Window(Count("pk")))
        .order_by("region__position", "year", "pk")
        .values_list("pk", "total")[start:stop]
        if stop > start
        else []
    )
    total = rows[0][1] if rows else overdue_sessions(today).count() if start else 0
    return [pk for pk, _ in rows], total


def _windows(runs, notes: list[int], ranges: dict, counts, today: date) -> dict[str, list[Finding]]:
    """The findings of ``runs`` within each check's ``ranges`` of ranks, worded, in order; for sessions,
    the overdue ``notes`` after the inconsistencies."""
    runs = list(runs)
    figures = _figures(runs)
    conference_pks = {pk for run in runs for pk in run.conferences} | set(notes)
    conferences = {c.pk: c for c in sessions_for_checks().filter(pk__in=conference_pks)} if conference_pks else {}
    ranked: dict[str, list[tuple[int, Finding]]] = defaultdict(list)
    for run in runs:
        wanted = {
            offset
            for low, high in ranges.get(run.check_slug, ())
            for offset in range(max(low, run.rank) - run.rank, min(high, run.rank + run.count) - run.rank)
        }
        if wanted:
            for offset, finding in _worded(run, figures, conferences, wanted):
                ranked[run.check_slug].append((run.rank + offset, finding))
    for finding in (finding for found in ranked.values() for _, finding in found):
        for report in finding.figures_shown:
            _labelled(report)
    found = {
        slug: [finding for _, finding in sorted(pairs, key=lambda pair: pair[0])] for slug, pairs in ranked.items()
    }
    if notes:
        before = counts["sessions"][INCONSISTENT]
        stored = sorted(ranked["sessions"], key=_first)
        noted = [_note(conferences[pk], today) for pk in notes]
        found["sessions"] = [f for r, f in stored if r < before] + noted + [f for r, f in stored if r >= before]
    return defaultdict(list, found)


# What the checks read of a figure that a page neither words nor links (most of a provincial sum's parts).
DECIDING_FIELDS = (
    "pk",
    "conference_id",
    "indicator_id",
    "scope",
    "province_id",
    "period_start",
    "period_end",
    "is_stock",
    "threshold_comparator",
    "threshold_pct",
    "value",
    "value_as_written",
    "unit",
    "unit_as_written",
    "denominator",
    "qualifier",
    "share_pct",
    "share_of",
    "plan_share_pct",
)


# What neither a check nor its sentence reads of a figure it links: its quote and notes, the search columns.
SENTENCE_UNSHOWN = (
    *figure_row_unshown("indicator", "conference__region", "province"),
    "source__search_name",
    "source__search_text",
    "source__publication_note",
    "source__reproduction_notice",
)


def _figures(runs: list[QualityRun]) -> dict:
    """The runs' figures with their bounds: as models where a page words or links them, else as their
    deciding fields only (a provincial sum adds up a hundred figures and links six)."""
    pks = {pk for run in runs for pk in run.figures}
    if not pks:
        return {}
    figures = {
        row["pk"]: SimpleNamespace(**row) for row in IndicatorReport.objects.filter(pk__in=pks).values(*DECIDING_FIELDS)
    }
    province = IndicatorReport.Scope.PROVINCE
    linked = set()
    for run in runs:
        if run.check_slug == "provincial-sums":
            members = [pk for pk in run.figures if figures[pk].scope == province]
            linked.update(pk for pk in run.figures if figures[pk].scope != province)
            linked.update(members[:FIGURES_SHOWN])
        else:
            linked.update(run.figures)
    linked_figures = figures_for_checks().defer(*SENTENCE_UNSHOWN).filter(pk__in=linked)
    figures.update((report.pk, report) for report in linked_figures)
    for report in figures.values():
        prepare_bounds(report)
    return figures


def _first(pair: tuple):
    return pair[0]


def _labelled(report):
    if not hasattr(report, "shown"):
        prepare_figure(report)


def _note(conference: Conference, today: date) -> Finding:
    return next(f for f in check_sessions([conference], today=today) if f.status == NOTE)


def _worded(run: QualityRun, figures: dict, conferences: dict, wanted: set[int]) -> list[tuple[int, Finding]]:
    """The run's findings at the ``wanted`` offsets, as its check words them, run on the objects it names;
    none if the data no longer holds them (changed after the load without the signals that forget the
    load: an SQL ``UPDATE``)."""
    if not (set(run.figures) <= figures.keys() and set(run.conferences) <= conferences.keys()):
        return []
    reports = [figures[pk] for pk in run.figures]
    if run.check_slug == "repeated-figures":  # thousands of pairs in a run: word only those wanted
        pairs = (pair for pair in repeated_pairs(reports) if repeated_status(*pair) == run.status)
        chosen = [
            (offset, pair)
            for offset, pair in enumerate(islice(pairs, run.skip, run.skip + run.count))
            if offset in wanted
        ]
        for _, pair in chosen:
            for report in pair:
                _labelled(report)
        return [(offset, repeated_finding(*pair)) for offset, pair in chosen]
    for report in reports:
        if run.check_slug != "provincial-sums" or report.scope != IndicatorReport.Scope.PROVINCE:
            _labelled(report)  # the sentence shows it; a provincial sum shows only its total
    again = run_findings(run.check_slug, reports, [conferences[pk] for pk in run.conferences])
    found = [finding for finding in again if finding.status == run.status][run.skip : run.skip + run.count]
    return (
        [(offset, finding) for offset, finding in enumerate(found) if offset in wanted]
        if len(found) == run.count
        else []
    )
